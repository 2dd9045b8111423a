CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`scope` text NOT NULL,
	`partner_id` text,
	`receiver_id` text,
	`prefix` text NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_secret_hash` ON `api_keys` (`secret_hash`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`media_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`sha256` text NOT NULL,
	`data_sealed` blob,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_report` ON `attachments` (`report_id`);--> statement-breakpoint
CREATE TABLE `delivery_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`message_id` text NOT NULL,
	`worker_id` text NOT NULL,
	`attempted_at` integer NOT NULL,
	`response_status` integer,
	`duration_ms` integer NOT NULL,
	`response_body` text,
	`error` text,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attempts_message` ON `delivery_attempts` (`message_id`,`attempted_at`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`site_key_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`response_status` integer NOT NULL,
	`response_sealed` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`site_key_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`receiver_id` text NOT NULL,
	`report_id` text,
	`event_type` text NOT NULL,
	`payload_sealed` text,
	`urgent` integer DEFAULT false NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`lease_owner` text,
	`lease_expires_at` integer,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`delivered_at` integer,
	FOREIGN KEY (`receiver_id`) REFERENCES `receivers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `messages_due` ON `messages` (`state`,`urgent`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `messages_receiver` ON `messages` (`receiver_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_report` ON `messages` (`report_id`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `receivers` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`purpose` text NOT NULL,
	`url` text NOT NULL,
	`profile` text NOT NULL,
	`filters` text NOT NULL,
	`consent_required` integer DEFAULT true NOT NULL,
	`consent_text_version` text DEFAULT '1' NOT NULL,
	`secret_sealed` text NOT NULL,
	`previous_secret_sealed` text,
	`previous_secret_expires_at` integer,
	`enabled` integer DEFAULT true NOT NULL,
	`disabled_reason` text,
	`concurrency` integer DEFAULT 4 NOT NULL,
	`rate_per_second` integer DEFAULT 20 NOT NULL,
	`failing_since` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `receivers_partner` ON `receivers` (`partner_id`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`partner_id` text NOT NULL,
	`site_key_id` text,
	`receipt_token_hash` text NOT NULL,
	`status` text NOT NULL,
	`urgent` integer NOT NULL,
	`category` text NOT NULL,
	`subtypes` text NOT NULL,
	`platform` text NOT NULL,
	`raid` integer NOT NULL,
	`ongoing` integer NOT NULL,
	`reporter_role` text NOT NULL,
	`target_age` text NOT NULL,
	`target_is_woman_or_girl` integer,
	`minor_involved` integer NOT NULL,
	`good_faith` integer NOT NULL,
	`locale` text NOT NULL,
	`country` text,
	`source` text NOT NULL,
	`user_agent_family` text NOT NULL,
	`dsa` text NOT NULL,
	`ozone_reasons` text NOT NULL,
	`consents` text NOT NULL,
	`sealed` text,
	`attachment_count` integer DEFAULT 0 NOT NULL,
	`submitted_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`first_action_at` integer,
	`withdrawn_at` integer,
	`purged_at` integer,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_reference` ON `reports` (`reference`);--> statement-breakpoint
CREATE INDEX `reports_partner_submitted` ON `reports` (`partner_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `reports_inbox` ON `reports` (`urgent`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `site_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`partner_id` text NOT NULL,
	`label` text,
	`allowed_origins` text NOT NULL,
	`require_challenge` integer DEFAULT false NOT NULL,
	`rate_limit_per_minute` integer DEFAULT 600 NOT NULL,
	`categories` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `site_keys_key` ON `site_keys` (`key`);--> statement-breakpoint
CREATE INDEX `site_keys_partner` ON `site_keys` (`partner_id`);--> statement-breakpoint
CREATE TABLE `timeline_events` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text,
	`receiver_id` text,
	`decision` text,
	`reason` text,
	`actions` text,
	`note_sealed` text,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `timeline_report` ON `timeline_events` (`report_id`,`at`);