CREATE TABLE `share_out_reversals` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`share_out_id` text NOT NULL,
	`reversal_entry_id` text NOT NULL,
	`reason` text NOT NULL,
	`confirmed_by` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`share_out_id`) REFERENCES `share_outs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reversal_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `share_out_reversals_share_out_id_unique` ON `share_out_reversals` (`share_out_id`);--> statement-breakpoint
CREATE TABLE `share_outs` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`share_out_date` text NOT NULL,
	`box_counted` integer NOT NULL,
	`bank_counted` integer NOT NULL,
	`difference_reason` text,
	`result_json` text NOT NULL,
	`entry_id` text NOT NULL,
	`confirmed_by` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `share_outs_cycle` ON `share_outs` (`cycle_id`);--> statement-breakpoint
-- A share-out, once posted, is what was paid; a reversal is recorded beside it. Neither is ever changed or removed.
CREATE TRIGGER `share_outs_no_update` BEFORE UPDATE ON `share_outs`
BEGIN SELECT RAISE(ABORT, 'share-outs are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `share_outs_no_delete` BEFORE DELETE ON `share_outs`
BEGIN SELECT RAISE(ABORT, 'share-outs are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `share_out_reversals_no_update` BEFORE UPDATE ON `share_out_reversals`
BEGIN SELECT RAISE(ABORT, 'share-out reversals are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `share_out_reversals_no_delete` BEFORE DELETE ON `share_out_reversals`
BEGIN SELECT RAISE(ABORT, 'share-out reversals are append-only'); END;
