CREATE TABLE `evidence_chains` (
	`report_id` text PRIMARY KEY NOT NULL,
	`key_sealed` text,
	`head_seq` integer NOT NULL,
	`head_hash` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `evidence_events` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`source_id` text,
	`content_sealed` text,
	`digest` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evidence_events_order` ON `evidence_events` (`report_id`,`seq`);--> statement-breakpoint
CREATE INDEX `evidence_events_source` ON `evidence_events` (`report_id`,`source_id`);--> statement-breakpoint
CREATE TABLE `report_additions` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`seq` integer NOT NULL,
	`sealed` text,
	`attachment_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_additions_order` ON `report_additions` (`report_id`,`seq`);--> statement-breakpoint
DROP INDEX `messages_report`;--> statement-breakpoint
ALTER TABLE `messages` ADD `report_seq` integer;--> statement-breakpoint
CREATE INDEX `messages_report_order` ON `messages` (`report_id`,`receiver_id`,`report_seq`);--> statement-breakpoint
ALTER TABLE `attachments` ADD `addition_id` text;--> statement-breakpoint
ALTER TABLE `attachments` ADD `received_sha256` text;--> statement-breakpoint
ALTER TABLE `attachments` ADD `received_bytes` integer;--> statement-breakpoint
ALTER TABLE `attachments` ADD `original_sha256` text;--> statement-breakpoint
ALTER TABLE `attachments` ADD `original_bytes` integer;