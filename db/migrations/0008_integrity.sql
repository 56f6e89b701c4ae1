CREATE TABLE `administrators` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`pin_hash` text NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `change_log` ADD `seq` integer;--> statement-breakpoint
ALTER TABLE `change_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `change_log` ADD `hash` text;--> statement-breakpoint
ALTER TABLE `change_log` ADD `state_digest` text;--> statement-breakpoint
CREATE UNIQUE INDEX `change_log_chain_seq` ON `change_log` (`association_id`,`seq`);