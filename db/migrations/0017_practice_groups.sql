ALTER TABLE `associations` ADD `practice` integer;--> statement-breakpoint
-- A practice group stays one, and real books never become one: the flag is set only when the association is created.
CREATE TRIGGER `associations_practice_fixed` BEFORE UPDATE OF `practice` ON `associations`
WHEN OLD.`practice` IS NOT NEW.`practice`
BEGIN SELECT RAISE(ABORT, 'append-only: whether an association is a practice group is set when it is created'); END;
