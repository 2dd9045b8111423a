CREATE TABLE `pow_challenges_spent` (
	`challenge_hash` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pow_challenges_spent_expiry` ON `pow_challenges_spent` (`expires_at`);