CREATE TABLE `exchange_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`import_file_id` text NOT NULL,
	`association_id` text NOT NULL,
	`kept_file` text NOT NULL,
	`file_sha256` text NOT NULL,
	`our_seq` integer NOT NULL,
	`our_head` text NOT NULL,
	`their_seq` integer NOT NULL,
	`their_head` text NOT NULL,
	`parted_at_seq` integer NOT NULL,
	`our_fingerprint` text NOT NULL,
	`their_fingerprint` text NOT NULL,
	`resolved_at` text,
	`resolution` text,
	`resolved_by` text,
	`reason` text,
	FOREIGN KEY (`import_file_id`) REFERENCES `exchange_import_files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `exchange_import_files` (
	`id` text PRIMARY KEY NOT NULL,
	`import_id` text NOT NULL,
	`position` integer NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text,
	`association_id` text,
	`association_name` text,
	`outcome` text NOT NULL,
	`reason_code` text,
	`reason_params_json` text,
	`rows_added` integer DEFAULT 0 NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `exchange_imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exchange_import_files_import` ON `exchange_import_files` (`import_id`,`position`);--> statement-breakpoint
CREATE TABLE `exchange_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`started_by` text NOT NULL,
	`files` integer NOT NULL,
	`status` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `exchange_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`trusted_at` text NOT NULL,
	`trusted_by` text NOT NULL,
	`reason` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_keys_association_key` ON `exchange_keys` (`association_id`,`fingerprint`);--> statement-breakpoint
CREATE TABLE `exchange_sources` (
	`association_id` text PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`installation_id` text NOT NULL,
	`exported_at` text NOT NULL,
	`content_hash` text NOT NULL,
	`journal_seq` integer NOT NULL,
	`journal_head` text NOT NULL,
	`change_seq` integer NOT NULL,
	`change_head` text NOT NULL,
	`seal_deltas_json` text NOT NULL,
	`file_sha256` text NOT NULL,
	`first_imported_at` text NOT NULL,
	`last_imported_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `administrators` ADD `role` text;--> statement-breakpoint
-- Keys trusted for an imported association, and each file's line in an import's report, stay on record.
CREATE TRIGGER `exchange_keys_no_update` BEFORE UPDATE ON `exchange_keys`
BEGIN SELECT RAISE(ABORT, 'trusted keys are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_keys_no_delete` BEFORE DELETE ON `exchange_keys`
BEGIN SELECT RAISE(ABORT, 'trusted keys are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_import_files_no_update` BEFORE UPDATE ON `exchange_import_files`
BEGIN SELECT RAISE(ABORT, 'import reports are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_import_files_no_delete` BEFORE DELETE ON `exchange_import_files`
BEGIN SELECT RAISE(ABORT, 'import reports are append-only'); END;
