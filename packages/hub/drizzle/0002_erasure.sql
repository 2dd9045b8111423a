ALTER TABLE `idempotency_keys` ADD `report_id` text REFERENCES reports(id);--> statement-breakpoint
CREATE INDEX `idempotency_expiry` ON `idempotency_keys` (`expires_at`);--> statement-breakpoint
CREATE INDEX `idempotency_report` ON `idempotency_keys` (`report_id`);--> statement-breakpoint
ALTER TABLE `messages` ADD `handed_to` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `remote_erased_at` integer;--> statement-breakpoint
ALTER TABLE `reports` ADD `erased_at` integer;--> statement-breakpoint
-- Reports already withdrawn or purged are erased: the erasure guards apply to them from now on.
UPDATE `reports` SET `erased_at` = COALESCE(`withdrawn_at`, `purged_at`) WHERE `erased_at` IS NULL AND (`withdrawn_at` IS NOT NULL OR `purged_at` IS NOT NULL);--> statement-breakpoint
-- What the retention job used to leave behind for purged reports: outbox payloads and answers.
UPDATE `messages` SET `payload_sealed` = NULL WHERE `event_type` NOT IN ('report.withdrawn', 'report.status_changed') AND `report_id` IN (SELECT `id` FROM `reports` WHERE `erased_at` IS NOT NULL);--> statement-breakpoint
UPDATE `delivery_attempts` SET `response_body` = NULL WHERE `message_id` IN (SELECT m.`id` FROM `messages` m JOIN `reports` r ON r.`id` = m.`report_id` WHERE r.`erased_at` IS NOT NULL);--> statement-breakpoint
-- Idempotent answers keyed by a plain hash of the report: dropped (they lived 24 hours anyway).
DELETE FROM `idempotency_keys`;--> statement-breakpoint
-- Messages already handed to Svix: their copies there are expunged when their report is erased.
UPDATE `messages` SET `handed_to` = 'svix' WHERE `lease_owner` = 'svix';
