ALTER TABLE `report_additions` ADD `request_key` text;--> statement-breakpoint
ALTER TABLE `report_additions` ADD `request_digest` text;--> statement-breakpoint
CREATE UNIQUE INDEX `report_additions_request` ON `report_additions` (`report_id`,`request_key`);