CREATE TABLE `programme_groups` (
	`association_id` text PRIMARY KEY NOT NULL,
	`project` text,
	`facilitator` text,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `programme_quarters` (
	`association_id` text NOT NULL,
	`quarter` text NOT NULL,
	`as_of` text NOT NULL,
	`partial` integer NOT NULL,
	`currency` text NOT NULL,
	`members` integer NOT NULL,
	`members_women` integer NOT NULL,
	`members_left` integer NOT NULL,
	`meetings` integer NOT NULL,
	`attendance_present` integer NOT NULL,
	`attendance_expected` integer NOT NULL,
	`savings` integer NOT NULL,
	`social_fund` integer NOT NULL,
	`loans_outstanding_count` integer NOT NULL,
	`loans_outstanding_value` integer NOT NULL,
	`loans_disbursed_count` integer NOT NULL,
	`loans_disbursed_value` integer NOT NULL,
	`par30_value` integer NOT NULL,
	`written_off_count` integer NOT NULL,
	`written_off_value` integer NOT NULL,
	`loan_fund` integer NOT NULL,
	`assets` integer NOT NULL,
	`cycle_income` integer NOT NULL,
	`annualised_income` integer NOT NULL,
	`cycle_no` integer,
	`cycle_start` text,
	`cycle_weeks` integer,
	`grants_received` integer NOT NULL,
	`grants_unspent` integer NOT NULL,
	`grant_reports_overdue` integer NOT NULL,
	`cash_differences` integer NOT NULL,
	`animals_alive` integer NOT NULL,
	`animals_born` integer NOT NULL,
	`animals_sold` integer NOT NULL,
	`animals_died` integer NOT NULL,
	`animals_passed_on` integer NOT NULL,
	PRIMARY KEY(`association_id`, `quarter`)
);
--> statement-breakpoint
CREATE INDEX `programme_quarters_quarter` ON `programme_quarters` (`quarter`);