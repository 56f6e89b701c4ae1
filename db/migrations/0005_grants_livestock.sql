CREATE TABLE `animal_events` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`animal_id` text NOT NULL,
	`kind` text NOT NULL,
	`event_on` text NOT NULL,
	`from_member_id` text,
	`to_member_id` text,
	`amount` integer,
	`note` text,
	`related_animal_id` text,
	`spending_id` text,
	`entry_id` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`animal_id`) REFERENCES `animals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`related_animal_id`) REFERENCES `animals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`spending_id`) REFERENCES `spendings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `animal_events_animal` ON `animal_events` (`animal_id`,`event_on`);--> statement-breakpoint
CREATE INDEX `animal_events_association` ON `animal_events` (`association_id`,`event_on`);--> statement-breakpoint
CREATE TABLE `animal_funds` (
	`animal_id` text NOT NULL,
	`grant_id` text,
	`cost` integer NOT NULL,
	`weight` integer NOT NULL,
	FOREIGN KEY (`animal_id`) REFERENCES `animals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grant_id`) REFERENCES `grants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `animal_funds_animal` ON `animal_funds` (`animal_id`);--> statement-breakpoint
CREATE INDEX `animal_funds_grant` ON `animal_funds` (`grant_id`);--> statement-breakpoint
CREATE TABLE `animals` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`tag` text NOT NULL,
	`species` text NOT NULL,
	`breed` text,
	`sex` text NOT NULL,
	`head_count` integer DEFAULT 1 NOT NULL,
	`acquired_on` text NOT NULL,
	`origin` text NOT NULL,
	`cost` integer NOT NULL,
	`mother_id` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mother_id`) REFERENCES `animals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `animals_association_tag` ON `animals` (`association_id`,`tag`);--> statement-breakpoint
CREATE INDEX `animals_mother` ON `animals` (`mother_id`);--> statement-breakpoint
CREATE TABLE `evidence` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`spending_id` text NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`byte_size` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`added_at` text NOT NULL,
	`added_by` text NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`spending_id`) REFERENCES `spendings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evidence_spending_hash` ON `evidence` (`spending_id`,`sha256`);--> statement-breakpoint
CREATE TABLE `grants` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`account_id` text NOT NULL,
	`grantor` text NOT NULL,
	`reference` text NOT NULL,
	`received_on` text NOT NULL,
	`amount` integer NOT NULL,
	`purpose` text NOT NULL,
	`conditions` text,
	`reporting_dates_json` text DEFAULT '[]' NOT NULL,
	`return_unspent` integer NOT NULL,
	`received_into` text NOT NULL,
	`entry_id` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grants_account` ON `grants` (`account_id`);--> statement-breakpoint
CREATE INDEX `grants_association` ON `grants` (`association_id`,`received_on`);--> statement-breakpoint
CREATE TABLE `spending_funds` (
	`spending_id` text NOT NULL,
	`grant_id` text,
	`amount` integer NOT NULL,
	FOREIGN KEY (`spending_id`) REFERENCES `spendings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grant_id`) REFERENCES `grants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `spending_funds_spending` ON `spending_funds` (`spending_id`);--> statement-breakpoint
CREATE INDEX `spending_funds_grant` ON `spending_funds` (`grant_id`);--> statement-breakpoint
CREATE TABLE `spendings` (
	`id` text PRIMARY KEY NOT NULL,
	`association_id` text NOT NULL,
	`spent_on` text NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`amount` integer NOT NULL,
	`paid_from` text NOT NULL,
	`animal_id` text,
	`entry_id` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`association_id`) REFERENCES `associations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`animal_id`) REFERENCES `animals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `spendings_association` ON `spendings` (`association_id`,`spent_on`);--> statement-breakpoint
CREATE INDEX `spendings_animal` ON `spendings` (`animal_id`);
--> statement-breakpoint
-- Associations created before grants and livestock existed get their accounts.
INSERT INTO `accounts` (`id`, `association_id`, `code`, `purpose`, `type`, `name`, `per_member`, `created_at`)
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-7' || substr(lower(hex(randomblob(2))), 2) || '-8' || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
       a.`id`, '3020', 'grant_used', 'equity', 'Grant money used', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM `associations` a
 WHERE NOT EXISTS (SELECT 1 FROM `accounts` x WHERE x.`association_id` = a.`id` AND x.`code` = '3020');
--> statement-breakpoint
INSERT INTO `accounts` (`id`, `association_id`, `code`, `purpose`, `type`, `name`, `per_member`, `created_at`)
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-7' || substr(lower(hex(randomblob(2))), 2) || '-8' || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
       a.`id`, '4050', 'livestock_gains', 'income', 'Gains on livestock sales', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM `associations` a
 WHERE NOT EXISTS (SELECT 1 FROM `accounts` x WHERE x.`association_id` = a.`id` AND x.`code` = '4050');
--> statement-breakpoint
INSERT INTO `accounts` (`id`, `association_id`, `code`, `purpose`, `type`, `name`, `per_member`, `created_at`)
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-7' || substr(lower(hex(randomblob(2))), 2) || '-8' || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
       a.`id`, '5050', 'livestock_losses', 'expense', 'Livestock losses (deaths, sales below cost)', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM `associations` a
 WHERE NOT EXISTS (SELECT 1 FROM `accounts` x WHERE x.`association_id` = a.`id` AND x.`code` = '5050');
--> statement-breakpoint
INSERT INTO `accounts` (`id`, `association_id`, `code`, `purpose`, `type`, `name`, `per_member`, `created_at`)
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-7' || substr(lower(hex(randomblob(2))), 2) || '-8' || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
       a.`id`, '5060', 'livestock_care', 'expense', 'Vet and feed costs', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM `associations` a
 WHERE NOT EXISTS (SELECT 1 FROM `accounts` x WHERE x.`association_id` = a.`id` AND x.`code` = '5060');
--> statement-breakpoint
INSERT INTO `accounts` (`id`, `association_id`, `code`, `purpose`, `type`, `name`, `per_member`, `created_at`)
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-7' || substr(lower(hex(randomblob(2))), 2) || '-8' || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
       a.`id`, '5070', 'project_costs', 'expense', 'Equipment and training', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM `associations` a
 WHERE NOT EXISTS (SELECT 1 FROM `accounts` x WHERE x.`association_id` = a.`id` AND x.`code` = '5070');
--> statement-breakpoint
CREATE TRIGGER `grants_no_update` BEFORE UPDATE ON `grants`
BEGIN SELECT RAISE(ABORT, 'grant and livestock records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `grants_no_delete` BEFORE DELETE ON `grants`
BEGIN SELECT RAISE(ABORT, 'grant and livestock records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `spendings_no_update` BEFORE UPDATE ON `spendings`
BEGIN SELECT RAISE(ABORT, 'grant and livestock records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `spendings_no_delete` BEFORE DELETE ON `spendings`
BEGIN SELECT RAISE(ABORT, 'grant and livestock records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `spending_funds_no_update` BEFORE UPDATE ON `spending_funds`
BEGIN SELECT RAISE(ABORT, 'grant and livestock records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `spending_funds_no_delete` BEFORE DELETE ON `spending_funds`
BEGIN SELECT RAISE(ABORT, 'grant and livestock records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `evidence_no_update` BEFORE UPDATE ON `evidence`
BEGIN SELECT RAISE(ABORT, 'grant and livestock records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `evidence_no_delete` BEFORE DELETE ON `evidence`
BEGIN SELECT RAISE(ABORT, 'grant and livestock records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `animals_no_update` BEFORE UPDATE ON `animals`
BEGIN SELECT RAISE(ABORT, 'grant and livestock records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `animals_no_delete` BEFORE DELETE ON `animals`
BEGIN SELECT RAISE(ABORT, 'grant and livestock records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `animal_funds_no_update` BEFORE UPDATE ON `animal_funds`
BEGIN SELECT RAISE(ABORT, 'grant and livestock records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `animal_funds_no_delete` BEFORE DELETE ON `animal_funds`
BEGIN SELECT RAISE(ABORT, 'grant and livestock records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `animal_events_no_update` BEFORE UPDATE ON `animal_events`
BEGIN SELECT RAISE(ABORT, 'grant and livestock records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `animal_events_no_delete` BEFORE DELETE ON `animal_events`
BEGIN SELECT RAISE(ABORT, 'grant and livestock records are append-only'); END;
