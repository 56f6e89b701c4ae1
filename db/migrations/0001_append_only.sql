-- The journal and the change log are append-only, enforced by the database itself so
-- that no code path (or hand-run SQL through the app's connection) can rewrite history.
-- Corrections are reversal entries that point at what they reverse.
CREATE TRIGGER `journal_entries_no_update` BEFORE UPDATE ON `journal_entries`
BEGIN SELECT RAISE(ABORT, 'journal entries are append-only: post a reversal instead'); END;
--> statement-breakpoint
CREATE TRIGGER `journal_entries_no_delete` BEFORE DELETE ON `journal_entries`
BEGIN SELECT RAISE(ABORT, 'journal entries are append-only: post a reversal instead'); END;
--> statement-breakpoint
CREATE TRIGGER `postings_no_update` BEFORE UPDATE ON `postings`
BEGIN SELECT RAISE(ABORT, 'postings are append-only: post a reversal instead'); END;
--> statement-breakpoint
CREATE TRIGGER `postings_no_delete` BEFORE DELETE ON `postings`
BEGIN SELECT RAISE(ABORT, 'postings are append-only: post a reversal instead'); END;
--> statement-breakpoint
CREATE TRIGGER `change_log_no_update` BEFORE UPDATE ON `change_log`
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `change_log_no_delete` BEFORE DELETE ON `change_log`
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
