// The typed contract between the UI and the server: handler name -> (input, output).
// Types only, so the renderer can import it without pulling in Node or SQLite.

import type { z } from 'zod';
import type { AllHandlers } from './handlers';
import type { AsyncCommands } from './async-commands';
import type { Result } from './errors';
import type { UiLocale } from './locale/numbers';

/** The server's handlers, and the commands that write or read files around them. */
export type HandlerName = (keyof AllHandlers & string) | (keyof AsyncCommands & string);
export type InputOf<N extends HandlerName> = N extends keyof AllHandlers ? z.input<AllHandlers[N]['input']> : N extends keyof AsyncCommands ? AsyncCommands[N]['input'] : never;
export type OutputOf<N extends HandlerName> = N extends keyof AllHandlers ? ReturnType<AllHandlers[N]['run']> : N extends keyof AsyncCommands ? AsyncCommands[N]['output'] : never;

/** The one function the preload exposes to the UI (and the test harness provides). */
export type Send = <N extends HandlerName>(name: N, input: InputOf<N>) => Promise<Result<OutputOf<N>>>;

export interface LedgerFileInfo {
  /** Where the ledger file is, to show the user (and back it up). */
  readonly file: string;
  /** Whether this door can open another ledger file (the desktop app can). */
  readonly canOpenAnother: boolean;
}

/**
 * What the preload exposes on `window.ikimina`: named functions only. The test
 * harness provides the same object over the same server.
 */
export interface IkiminaApi {
  readonly call: Send;
  /** The language the user reads and types numbers in; the server parses amounts with it. */
  readonly setLanguage: (language: UiLocale) => Promise<void>;
  /** The screen the user is on, recorded in the audit trail with each change. */
  readonly setScreen: (screen: string) => Promise<void>;
  readonly ledgerInfo: () => Promise<LedgerFileInfo>;
  /** Asks the user for another ledger file and switches to it; null when cancelled. */
  readonly openAnotherLedger: () => Promise<LedgerFileInfo | null>;
  /**
   * Asks the user for a folder to back up into (e.g. a USB stick); null when
   * cancelled. The path stays in the main process: pass the token as `folder`.
   */
  readonly chooseBackupFolder: () => Promise<ChosenPath | null>;
  /** Asks the user for a backup file to restore; null when cancelled. Pass the token as `file`. */
  readonly chooseBackupFile: () => Promise<ChosenPath | null>;
  /**
   * Asks where to save a statement (a file, or for CSV a new folder's name), starting
   * from a suggested name; null when cancelled. Pass the token as `file`.
   */
  readonly chooseStatementFile: (format: 'pdf' | 'xlsx' | 'csv', suggestedName: string) => Promise<ChosenPath | null>;
  /** Asks for a statement file to check (a PDF, a workbook, or one file of a CSV export); null when cancelled. */
  readonly chooseStatementToCheck: () => Promise<ChosenPath | null>;
}

/** A file or folder picked in a dialog: an opaque token for calls, and its name to show. */
export interface ChosenPath {
  readonly token: string;
  readonly label: string;
}

export type { Result, ErrorResult } from './errors';
export type { AssociationView, AssociationSummary, CreatedAssociation } from './associations/handlers';
export type { UserView, SignedIn, WhoIsSignedIn } from './access/users';
export type { SessionUser } from './auth/sessions';
export type { Role, Capabilities } from './auth/access';
export type { MemberView } from './members/handlers';
export type { AccountView } from './accounts/handlers';
export type { EntryView } from './accounts/entries';
export type { AuditRow } from './history/handlers';
export type { CycleView, CycleRules, CycleOutput, CycleRulesView } from './cycles/handlers';
export type { MeetingView, MeetingRowView, CashCountView } from './meetings/handlers';
export type { Passbook, PassbookRow, CashBookRow } from './reports/handlers';
export type { LoanView, LoanStatement, Portfolio } from './loans/handlers';
export type { Schedule, Instalment } from './loans/schedule';
export type { ScheduleView, LoanTerms } from './loans/handlers';
export type { Money } from './money/money';
export type { ShareOutPreview, ShareOutMember } from './shareouts/handlers';
export type { PostedShareOut, MemberPayment, PaymentMethod } from './shareouts/post';
export type { ExitSettlement } from './shareouts/exit';
export type { CycleOpening } from './shareouts/opening';
export type { TrialBalance, TrialBalanceRow } from './journal/balances';
export type { ChainReport } from './journal/verify';
export type { LedgerFileSummary } from './backups/inspect';
export type { RestoreResult, BackupFile } from './backups/handlers';
export type { LedgerHealth } from './backups/ledger-file';
export type { IntegrityProblem } from './integrity/check';
export type { GrantSummary } from './grants/handlers';
export type { GrantStatement, StatementAnimal, SpendingRow, EvidenceRef } from './grants/use-statement';
export type { GrantPurpose, SpendingKind } from './funds/funds';
export type { AnimalHistory, PassOnRule } from './livestock/handlers';
export type { AnimalView, AnimalNode, AnimalEventView, KeeperSpell } from './livestock/views';
export type { QueuePlace } from './livestock/queue';
export type { ImportLine, ImportReport, ImportedGroup } from './exchange/handlers';
export type { ImportProgressView } from './import-progress';
export type { ProgrammeView, ProgrammeGroupRow, IndicatorDefinition } from './programme/handlers';
export type { Figures, Flag, IndicatorId, IndicatorKind, IndicatorValue } from './programme/measures';
export type { TodoList } from './home/todo';
export type { FundOverCycle, FundPoint } from './home/fund';
