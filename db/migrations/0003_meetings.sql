CREATE TABLE `attendance` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_version_id` text NOT NULL,
	`member_id` text NOT NULL,
	`status` text NOT NULL,
	FOREIGN KEY (`meeting_version_id`) REFERENCES `meeting_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_version_member` ON `attendance` (`meeting_version_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `contributions` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_version_id` text NOT NULL,
	`member_id` text NOT NULL,
	`kind` text NOT NULL,
	`shares` integer,
	`amount` integer NOT NULL,
	FOREIGN KEY (`meeting_version_id`) REFERENCES `meeting_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contributions_member` ON `contributions` (`member_id`);--> statement-breakpoint
CREATE INDEX `contributions_version` ON `contributions` (`meeting_version_id`);--> statement-breakpoint
CREATE TABLE `cycle_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`effective_from` text NOT NULL,
	`rules_json` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cycle_rules_cycle_from` ON `cycle_rules` (`cycle_id`,`effective_from`);--> statement-breakpoint
CREATE TABLE `meeting_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`version` integer NOT NULL,
	`entry_id` text,
	`reversal_entry_id` text,
	`reason` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reversal_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_versions_meeting_version` ON `meeting_versions` (`meeting_id`,`version`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`meeting_date` text NOT NULL,
	`box_opening` integer NOT NULL,
	`box_counted` integer NOT NULL,
	`bank_opening` integer NOT NULL,
	`bank_counted` integer NOT NULL,
	`difference_reason` text,
	`closed_at` text NOT NULL,
	`closed_by` text NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_association_date` ON `meetings` (`association_id`,`meeting_date`);--> statement-breakpoint
-- Associations created before meetings existed get the account for cash count differences.
INSERT INTO `accounts` (`id`, `association_id`, `code`, `purpose`, `type`, `name`, `per_member`, `created_at`)
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-7' || substr(lower(hex(randomblob(2))), 2) || '-8' || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
       a.`id`, '5040', 'cash_difference', 'expense', 'Cash count differences', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM `associations` a
 WHERE NOT EXISTS (SELECT 1 FROM `accounts` x WHERE x.`association_id` = a.`id` AND x.`code` = '5040');
--> statement-breakpoint
CREATE TRIGGER `meetings_no_update` BEFORE UPDATE ON `meetings`
BEGIN SELECT RAISE(ABORT, 'closed meetings are append-only: record a correction instead'); END;
--> statement-breakpoint
CREATE TRIGGER `meetings_no_delete` BEFORE DELETE ON `meetings`
BEGIN SELECT RAISE(ABORT, 'closed meetings are append-only: record a correction instead'); END;
--> statement-breakpoint
CREATE TRIGGER `meeting_versions_no_update` BEFORE UPDATE ON `meeting_versions`
BEGIN SELECT RAISE(ABORT, 'closed meetings are append-only: record a correction instead'); END;
--> statement-breakpoint
CREATE TRIGGER `meeting_versions_no_delete` BEFORE DELETE ON `meeting_versions`
BEGIN SELECT RAISE(ABORT, 'closed meetings are append-only: record a correction instead'); END;
--> statement-breakpoint
CREATE TRIGGER `attendance_no_update` BEFORE UPDATE ON `attendance`
BEGIN SELECT RAISE(ABORT, 'closed meetings are append-only: record a correction instead'); END;
--> statement-breakpoint
CREATE TRIGGER `attendance_no_delete` BEFORE DELETE ON `attendance`
BEGIN SELECT RAISE(ABORT, 'closed meetings are append-only: record a correction instead'); END;
--> statement-breakpoint
CREATE TRIGGER `contributions_no_update` BEFORE UPDATE ON `contributions`
BEGIN SELECT RAISE(ABORT, 'closed meetings are append-only: record a correction instead'); END;
--> statement-breakpoint
CREATE TRIGGER `contributions_no_delete` BEFORE DELETE ON `contributions`
BEGIN SELECT RAISE(ABORT, 'closed meetings are append-only: record a correction instead'); END;
--> statement-breakpoint
CREATE TRIGGER `cycle_rules_no_update` BEFORE UPDATE ON `cycle_rules`
BEGIN SELECT RAISE(ABORT, 'closed meetings are append-only: record a correction instead'); END;
--> statement-breakpoint
CREATE TRIGGER `cycle_rules_no_delete` BEFORE DELETE ON `cycle_rules`
BEGIN SELECT RAISE(ABORT, 'closed meetings are append-only: record a correction instead'); END;
