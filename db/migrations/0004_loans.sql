CREATE TABLE `loan_guarantors` (
	`loan_id` text NOT NULL,
	`member_id` text NOT NULL,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loan_guarantors_loan_member` ON `loan_guarantors` (`loan_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `loan_instalments` (
	`id` text PRIMARY KEY NOT NULL,
	`loan_id` text NOT NULL,
	`version` integer NOT NULL,
	`number` integer NOT NULL,
	`due_on` text NOT NULL,
	`principal` integer NOT NULL,
	`interest` integer NOT NULL,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loan_instalments_loan_version_number` ON `loan_instalments` (`loan_id`,`version`,`number`);--> statement-breakpoint
CREATE TABLE `loan_repayments` (
	`id` text PRIMARY KEY NOT NULL,
	`loan_id` text NOT NULL,
	`paid_on` text NOT NULL,
	`amount` integer NOT NULL,
	`penalty` integer NOT NULL,
	`interest` integer NOT NULL,
	`principal` integer NOT NULL,
	`entry_id` text NOT NULL,
	`meeting_id` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `loan_repayments_loan` ON `loan_repayments` (`loan_id`,`paid_on`);--> statement-breakpoint
CREATE INDEX `loan_repayments_meeting` ON `loan_repayments` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `loans` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`member_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`status` text NOT NULL,
	`principal` integer NOT NULL,
	`method` text NOT NULL,
	`monthly_rate_percent` text NOT NULL,
	`frequency` text NOT NULL,
	`instalments` integer NOT NULL,
	`day_count` text NOT NULL,
	`late_penalty` integer NOT NULL,
	`purpose` text NOT NULL,
	`applied_on` text NOT NULL,
	`applied_by` text NOT NULL,
	`approved_on` text,
	`approved_by` text,
	`disbursed_on` text,
	`disbursed_by` text,
	`closed_on` text,
	`write_off_reason` text,
	`written_off_by` text,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `loans_association_status` ON `loans` (`association_id`,`status`);--> statement-breakpoint
CREATE INDEX `loans_member` ON `loans` (`member_id`);--> statement-breakpoint
CREATE TRIGGER `loan_instalments_no_update` BEFORE UPDATE ON `loan_instalments`
BEGIN SELECT RAISE(ABORT, 'loan records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `loan_instalments_no_delete` BEFORE DELETE ON `loan_instalments`
BEGIN SELECT RAISE(ABORT, 'loan records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `loan_repayments_no_update` BEFORE UPDATE ON `loan_repayments`
BEGIN SELECT RAISE(ABORT, 'loan records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `loan_repayments_no_delete` BEFORE DELETE ON `loan_repayments`
BEGIN SELECT RAISE(ABORT, 'loan records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `loan_guarantors_no_update` BEFORE UPDATE ON `loan_guarantors`
BEGIN SELECT RAISE(ABORT, 'loan records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `loan_guarantors_no_delete` BEFORE DELETE ON `loan_guarantors`
BEGIN SELECT RAISE(ABORT, 'loan records are append-only'); END;
