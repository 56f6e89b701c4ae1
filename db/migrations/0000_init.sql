CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`code` text NOT NULL,
	`purpose` text NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`per_member` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_association_code` ON `accounts` (`association_id`,`code`);--> statement-breakpoint
CREATE TABLE `associations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`registration_no` text,
	`country` text NOT NULL,
	`province` text NOT NULL,
	`district` text NOT NULL,
	`sector` text NOT NULL,
	`cell` text NOT NULL,
	`village` text NOT NULL,
	`currency` text NOT NULL,
	`language` text NOT NULL,
	`founded_on` text NOT NULL,
	`rules_json` text DEFAULT '{}' NOT NULL,
	`read_only` integer DEFAULT false NOT NULL,
	`provenance_json` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	CONSTRAINT "associations_currency_known" CHECK("associations"."currency" IN ('RWF','BIF','UGX','CDF','LRD','USD','KES','TZS'))
);
--> statement-breakpoint
CREATE TABLE `change_log` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`channel` text NOT NULL,
	`command` text NOT NULL,
	`input_json` text NOT NULL,
	`target_id` text
);
--> statement-breakpoint
CREATE INDEX `change_log_association_at` ON `change_log` (`association_id`,`at`);--> statement-breakpoint
CREATE TABLE `cycles` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`name` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`rules_json` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cycles_association` ON `cycles` (`association_id`,`starts_on`);--> statement-breakpoint
CREATE TABLE `journal_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`seq` integer NOT NULL,
	`entry_date` text NOT NULL,
	`kind` text NOT NULL,
	`memo` text NOT NULL,
	`currency` text NOT NULL,
	`reverses_entry_id` text,
	`source_type` text,
	`source_id` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reverses_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `journal_entries_association_seq` ON `journal_entries` (`association_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `journal_entries_reverses` ON `journal_entries` (`reverses_entry_id`) WHERE "journal_entries"."reverses_entry_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `journal_entries_association_date` ON `journal_entries` (`association_id`,`entry_date`);--> statement-breakpoint
CREATE INDEX `journal_entries_source` ON `journal_entries` (`source_type`,`source_id`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`member_no` integer NOT NULL,
	`full_name` text NOT NULL,
	`gender` text NOT NULL,
	`role` text NOT NULL,
	`phone` text,
	`national_id` text,
	`joined_on` text NOT NULL,
	`exited_on` text,
	`exit_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_association_no` ON `members` (`association_id`,`member_no`);--> statement-breakpoint
CREATE INDEX `members_association_name` ON `members` (`association_id`,`full_name`);--> statement-breakpoint
CREATE TABLE `postings` (
	`id` text PRIMARY KEY NOT NULL,
	`entry_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`association_id` text NOT NULL,
	`entry_date` text NOT NULL,
	`account_id` text NOT NULL,
	`member_id` text,
	`amount` integer NOT NULL,
	`memo` text,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "postings_amount_nonzero" CHECK("postings"."amount" <> 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `postings_entry_line` ON `postings` (`entry_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `postings_balance` ON `postings` (`association_id`,`account_id`,`entry_date`,`amount`);--> statement-breakpoint
CREATE INDEX `postings_member` ON `postings` (`member_id`,`account_id`,`entry_date`);