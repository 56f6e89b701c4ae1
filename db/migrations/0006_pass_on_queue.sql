CREATE TABLE `pass_on_queue` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`member_id` text NOT NULL,
	`added_on` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pass_on_queue_association` ON `pass_on_queue` (`association_id`,`added_on`);--> statement-breakpoint
CREATE TRIGGER `pass_on_queue_no_update` BEFORE UPDATE ON `pass_on_queue`
BEGIN SELECT RAISE(ABORT, 'grant and livestock records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `pass_on_queue_no_delete` BEFORE DELETE ON `pass_on_queue`
BEGIN SELECT RAISE(ABORT, 'grant and livestock records are append-only'); END;
