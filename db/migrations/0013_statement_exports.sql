CREATE TABLE `statement_exports` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`kind` text NOT NULL,
	`request_json` text NOT NULL,
	`last_entry` integer NOT NULL,
	`chain_head` text NOT NULL,
	`content_hash` text NOT NULL,
	`format` text NOT NULL,
	`file_name` text NOT NULL,
	`exported_at` text NOT NULL,
	`exported_by` text NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `statement_exports_association` ON `statement_exports` (`association_id`,`last_entry`);--> statement-breakpoint
-- A statement handed out stays on record: never changed or removed.
CREATE TRIGGER `statement_exports_no_update` BEFORE UPDATE ON `statement_exports`
BEGIN SELECT RAISE(ABORT, 'statement exports are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `statement_exports_no_delete` BEFORE DELETE ON `statement_exports`
BEGIN SELECT RAISE(ABORT, 'statement exports are append-only'); END;
