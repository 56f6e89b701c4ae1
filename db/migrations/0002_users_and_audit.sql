CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`member_id` text,
	`pin_hash` text NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`pin_changed_at` text NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_association_name` ON `users` (`association_id`,`name`);--> statement-breakpoint
ALTER TABLE `associations` ADD `recovery_hash` text;--> statement-breakpoint
ALTER TABLE `change_log` ADD `user_id` text;--> statement-breakpoint
ALTER TABLE `change_log` ADD `role` text;--> statement-breakpoint
ALTER TABLE `change_log` ADD `screen` text;--> statement-breakpoint
ALTER TABLE `change_log` ADD `outcome` text DEFAULT 'done' NOT NULL;