CREATE TABLE `case_events` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`report_id` text,
	`matched` text,
	`other_case_id` text,
	`actor_key_id` text,
	`assignee_key_id` text,
	`count` integer,
	`status` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case` ON `case_events` (`case_id`,`at`);--> statement-breakpoint
CREATE TABLE `case_keys` (
	`fingerprint` text NOT NULL,
	`report_id` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`fingerprint`, `report_id`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_keys_lookup` ON `case_keys` (`fingerprint`,`at`);--> statement-breakpoint
CREATE INDEX `case_keys_report` ON `case_keys` (`report_id`);--> statement-breakpoint
CREATE TABLE `case_members` (
	`report_id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`joined_at` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	`matched` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_members_case` ON `case_members` (`case_id`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `case_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`report_id` text NOT NULL,
	`author_key_id` text,
	`at` integer NOT NULL,
	`text_sealed` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_notes_case` ON `case_notes` (`case_id`,`at`);--> statement-breakpoint
CREATE INDEX `case_notes_report` ON `case_notes` (`report_id`);--> statement-breakpoint
CREATE TABLE `case_queue` (
	`report_id` text PRIMARY KEY NOT NULL,
	`queued_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_queue_order` ON `case_queue` (`queued_at`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`partner_id` text NOT NULL,
	`status` text NOT NULL,
	`urgent` integer NOT NULL,
	`category` text NOT NULL,
	`raid` integer DEFAULT false NOT NULL,
	`raid_detected_at` integer,
	`report_count` integer DEFAULT 0 NOT NULL,
	`first_report_at` integer NOT NULL,
	`last_report_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`assignee_key_id` text,
	`merged_into` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_reference` ON `cases` (`reference`);--> statement-breakpoint
CREATE INDEX `cases_queue` ON `cases` (`status`,`urgent`,`due_at`);--> statement-breakpoint
CREATE INDEX `cases_assignee` ON `cases` (`assignee_key_id`,`status`);--> statement-breakpoint
CREATE TABLE `console_preferences` (
	`api_key_id` text PRIMARY KEY NOT NULL,
	`media_display` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`api_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Reports accepted before cases existed are grouped too, oldest first, by the grouper.
INSERT INTO `case_queue` (`report_id`, `queued_at`) SELECT `id`, `submitted_at` FROM `reports` WHERE `erased_at` IS NULL;
