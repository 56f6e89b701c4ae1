ALTER TABLE `loans` ADD `cancel_reason` text;--> statement-breakpoint
ALTER TABLE `loans` ADD `cancelled_by` text;