// The books, as tables. Every row belongs to one association. Ids are UUID v7 text
// so ledgers from many laptops merge without clashes. Money columns are INTEGER
// minor units of the association's currency. Dates a person chose (a meeting, an
// entry) are 'YYYY-MM-DD' text; moments the machine recorded are ISO-8601 UTC text.

import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, sqliteTable, sqliteView, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const associations = sqliteTable(
  'associations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    registrationNo: text('registration_no'),
    country: text('country').notNull(),
    province: text('province').notNull(),
    district: text('district').notNull(),
    sector: text('sector').notNull(),
    cell: text('cell').notNull(),
    village: text('village').notNull(),
    currency: text('currency').notNull(),
    language: text('language').notNull(),
    foundedOn: text('founded_on').notNull(),
    /** Rules of the association's constitution (JSON); cycles carry their own rules (cycle_rules). */
    rulesJson: text('rules_json').notNull().default('{}'),
    /** scrypt hash of the association's recovery code (for a forgotten treasurer PIN). */
    recoveryHash: text('recovery_hash'),
    /** Imported ledgers are read-only; provenance says where they came from. */
    readOnly: integer('read_only', { mode: 'boolean' }).notNull().default(false),
    provenanceJson: text('provenance_json'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    /**
     * A practice group (made up members, deletable in one step): 1, set only when it is
     * created and never changed (a trigger). Empty for real books, so their seal is as before.
     */
    practice: integer('practice'),
  },
  (t) => [check('associations_currency_known', sql`${t.currency} IN ('RWF','BIF','UGX','CDF','LRD','USD','KES','TZS')`)],
);

export const GENDERS = ['female', 'male'] as const;
export const MEMBER_ROLES = ['chair', 'secretary', 'treasurer', 'key_holder', 'member'] as const;

export const members = sqliteTable(
  'members',
  {
    id: text('id').primaryKey(),
    associationId: text('association_id').notNull().references(() => associations.id),
    /** The member's number in the association's register (1, 2, 3 …). */
    memberNo: integer('member_no').notNull(),
    fullName: text('full_name').notNull(),
    gender: text('gender', { enum: GENDERS }).notNull(),
    role: text('role', { enum: MEMBER_ROLES }).notNull(),
    phone: text('phone'),
    nationalId: text('national_id'),
    joinedOn: text('joined_on').notNull(),
    exitedOn: text('exited_on'),
    exitReason: text('exit_reason'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('members_association_no').on(t.associationId, t.memberNo),
    index('members_association_name').on(t.associationId, t.fullName),
  ],
);

export const cycles = sqliteTable(
  'cycles',
  {
    id: text('id').primaryKey(),
    associationId: text('association_id').notNull().references(() => associations.id),
    name: text('name').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    /** The cycle's rules (share price, loan rules, fines …) as JSON; versioned later. */
    rulesJson: text('rules_json').notNull().default('{}'),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('cycles_association').on(t.associationId, t.startsOn)],
);

/**
 * A cycle's rules, versioned: a change applies from its date and never rewrites the
 * meetings before it. The rules are JSON (see electron/server/domains/cycle-rules.ts).
 */
export const cycleRules = sqliteTable(
  'cycle_rules',
  {
    id: text('id').primaryKey(),
    cycleId: text('cycle_id').notNull().references(() => cycles.id),
    effectiveFrom: text('effective_from').notNull(),
    rulesJson: text('rules_json').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('cycle_rules_cycle_from').on(t.cycleId, t.effectiveFrom)],
);

/** A meeting, recorded when it is closed (the grid is filled in on screen first). */
export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    associationId: text('association_id').notNull().references(() => associations.id),
    cycleId: text('cycle_id').notNull().references(() => cycles.id),
    meetingDate: text('meeting_date').notNull(),
    /** Minor units: the balance before the meeting, and what the group counted at the close. */
    boxOpening: integer('box_opening').notNull(),
    boxCounted: integer('box_counted').notNull(),
    bankOpening: integer('bank_opening').notNull(),
    bankCounted: integer('bank_counted').notNull(),
    differenceReason: text('difference_reason'),
    closedAt: text('closed_at').notNull(),
    closedBy: text('closed_by').notNull(),
  },
  (t) => [uniqueIndex('meetings_association_date').on(t.associationId, t.meetingDate)],
);

/**
 * One version of a meeting's record: the first at the close, another with each
 * correction (which reverses the previous version's entry and posts a new one).
 */
export const meetingVersions = sqliteTable(
  'meeting_versions',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id').notNull().references(() => meetings.id),
    version: integer('version').notNull(),
    entryId: text('entry_id').references(() => journalEntries.id),
    reversalEntryId: text('reversal_entry_id').references(() => journalEntries.id),
    reason: text('reason'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('meeting_versions_meeting_version').on(t.meetingId, t.version)],
);

/** The version of each meeting in force: its latest. Defined once, here, for every query that needs it. */
export const currentMeetingVersions = sqliteView('current_meeting_versions').as((qb) =>
  qb.select().from(meetingVersions).where(sql`${meetingVersions.version} = (SELECT max(w.version) FROM meeting_versions w WHERE w.meeting_id = ${meetingVersions.meetingId})`),
);

/** How a member was at a meeting: there, away, or sending someone with their money. */
export const ATTENDANCE_STATUSES = ['present', 'absent', 'represented'] as const;

/** Who came to a meeting (per version). */
export const attendance = sqliteTable(
  'attendance',
  {
    id: text('id').primaryKey(),
    meetingVersionId: text('meeting_version_id').notNull().references(() => meetingVersions.id),
    memberId: text('member_id').notNull().references(() => members.id),
    status: text('status', { enum: ATTENDANCE_STATUSES }).notNull(),
  },
  (t) => [uniqueIndex('attendance_version_member').on(t.meetingVersionId, t.memberId)],
);

/** What a member can pay in at a meeting. */
export const CONTRIBUTION_KINDS = ['shares', 'savings', 'social_fund', 'entrance_fee', 'fine_late', 'fine_absent', 'fine_other'] as const;

/** What one member paid at a meeting, by kind (per version). Amounts in minor units. */
export const contributions = sqliteTable(
  'contributions',
  {
    id: text('id').primaryKey(),
    meetingVersionId: text('meeting_version_id').notNull().references(() => meetingVersions.id),
    memberId: text('member_id').notNull().references(() => members.id),
    kind: text('kind', { enum: CONTRIBUTION_KINDS }).notNull(),
    /** Shares bought (for kind 'shares'). */
    shares: integer('shares'),
    amount: integer('amount').notNull(),
  },
  (t) => [index('contributions_member').on(t.memberId), index('contributions_version').on(t.meetingVersionId)],
);

/** A loan to a member: its terms are fixed at application from the cycle's rules. */
/** How often a group meets, or a loan falls due: one list for the rules, the schedules and the stored loans. */
export const FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;
/** How a loan's interest is worked out, and how its days are counted. */
export const LOAN_METHODS = ['flat', 'declining'] as const;
export const DAY_COUNTS = ['30/360', 'actual/365'] as const;

export const loans = sqliteTable(
  'loans',
  {
    id: text('id').primaryKey(),
    associationId: text('association_id').notNull().references(() => associations.id),
    memberId: text('member_id').notNull().references(() => members.id),
    cycleId: text('cycle_id').notNull().references(() => cycles.id),
    status: text('status', { enum: ['applied', 'approved', 'disbursed', 'closed', 'written_off', 'cancelled'] }).notNull(),
    principal: integer('principal').notNull(),
    method: text('method', { enum: LOAN_METHODS }).notNull(),
    monthlyRatePercent: text('monthly_rate_percent').notNull(),
    frequency: text('frequency', { enum: FREQUENCIES }).notNull(),
    instalments: integer('instalments').notNull(),
    dayCount: text('day_count', { enum: DAY_COUNTS }).notNull(),
    latePenalty: integer('late_penalty').notNull(),
    purpose: text('purpose').notNull(),
    appliedOn: text('applied_on').notNull(),
    appliedBy: text('applied_by').notNull(),
    approvedOn: text('approved_on'),
    approvedBy: text('approved_by'),
    disbursedOn: text('disbursed_on'),
    disbursedBy: text('disbursed_by'),
    closedOn: text('closed_on'),
    writeOffReason: text('write_off_reason'),
    writtenOffBy: text('written_off_by'),
    /** An application or approval withdrawn before the money was paid out (closed_on holds the day). */
    cancelReason: text('cancel_reason'),
    cancelledBy: text('cancelled_by'),
  },
  (t) => [index('loans_association_status').on(t.associationId, t.status), index('loans_member').on(t.memberId)],
);

/**
 * The instalments due: version 1 fixed at disbursement, each rescheduling a new
 * version (the old ones stay, as history). Append-only.
 */
export const loanInstalments = sqliteTable(
  'loan_instalments',
  {
    id: text('id').primaryKey(),
    loanId: text('loan_id').notNull().references(() => loans.id),
    version: integer('version').notNull(),
    number: integer('number').notNull(),
    dueOn: text('due_on').notNull(),
    principal: integer('principal').notNull(),
    interest: integer('interest').notNull(),
  },
  (t) => [uniqueIndex('loan_instalments_loan_version_number').on(t.loanId, t.version, t.number)],
);

/** Money received on a loan and how it was allocated. Append-only. */
export const loanRepayments = sqliteTable(
  'loan_repayments',
  {
    id: text('id').primaryKey(),
    loanId: text('loan_id').notNull().references(() => loans.id),
    paidOn: text('paid_on').notNull(),
    amount: integer('amount').notNull(),
    penalty: integer('penalty').notNull(),
    interest: integer('interest').notNull(),
    principal: integer('principal').notNull(),
    entryId: text('entry_id').notNull().references(() => journalEntries.id),
    /** Set when the repayment was taken at a meeting (part of the meeting's entry). */
    meetingId: text('meeting_id').references(() => meetings.id),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('loan_repayments_loan').on(t.loanId, t.paidOn), index('loan_repayments_meeting').on(t.meetingId)],
);

/** Members who stand surety for a loan. */
export const loanGuarantors = sqliteTable(
  'loan_guarantors',
  {
    loanId: text('loan_id').notNull().references(() => loans.id),
    memberId: text('member_id').notNull().references(() => members.id),
  },
  (t) => [uniqueIndex('loan_guarantors_loan_member').on(t.loanId, t.memberId)],
);

export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'income', 'expense'] as const;

export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    associationId: text('association_id').notNull().references(() => associations.id),
    /** The chart-of-accounts code, unique in the association (e.g. "1010"). */
    code: text('code').notNull(),
    /** What the account is for (cash_box, member_savings, …): how code finds it. */
    purpose: text('purpose').notNull(),
    type: text('type', { enum: ACCOUNT_TYPES }).notNull(),
    name: text('name').notNull(),
    /** Postings to this account must name a member (a subledger per member). */
    perMember: integer('per_member', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('accounts_association_code').on(t.associationId, t.code)],
);

export const journalEntries = sqliteTable(
  'journal_entries',
  {
    id: text('id').primaryKey(),
    associationId: text('association_id').notNull().references(() => associations.id),
    /** 1, 2, 3 … per association: the order of the hash chain. */
    seq: integer('seq').notNull(),
    entryDate: text('entry_date').notNull(),
    kind: text('kind').notNull(),
    memo: text('memo').notNull(),
    currency: text('currency').notNull(),
    reversesEntryId: text('reverses_entry_id').references((): any => journalEntries.id),
    /** The business record that caused this entry (e.g. 'contribution', its id). */
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('journal_entries_association_seq').on(t.associationId, t.seq),
    uniqueIndex('journal_entries_reverses').on(t.reversesEntryId).where(sql`${t.reversesEntryId} IS NOT NULL`),
    index('journal_entries_association_date').on(t.associationId, t.entryDate),
    index('journal_entries_source').on(t.sourceType, t.sourceId),
  ],
);

export const postings = sqliteTable(
  'postings',
  {
    id: text('id').primaryKey(),
    entryId: text('entry_id').notNull().references(() => journalEntries.id),
    lineNo: integer('line_no').notNull(),
    // Copied from the entry so balances as of a date read one covering index.
    associationId: text('association_id').notNull().references(() => associations.id),
    entryDate: text('entry_date').notNull(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    memberId: text('member_id').references(() => members.id),
    /** Signed minor units: debit positive, credit negative. Never zero. */
    amount: integer('amount').notNull(),
    memo: text('memo'),
  },
  (t) => [
    uniqueIndex('postings_entry_line').on(t.entryId, t.lineNo),
    index('postings_balance').on(t.associationId, t.accountId, t.entryDate, t.amount),
    index('postings_member').on(t.memberId, t.accountId, t.entryDate),
    check('postings_amount_nonzero', sql`${t.amount} <> 0`),
  ],
);

export const USER_ROLES = ['treasurer', 'secretary', 'chair', 'member', 'officer', 'coordinator'] as const;

/** People who may open an association's books, each with a role and a PIN. */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    associationId: text('association_id').notNull().references(() => associations.id),
    name: text('name').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    /** For the member role: whose statement they may read. */
    memberId: text('member_id').references(() => members.id),
    /** scrypt$N$r$p$salt$hash, never the PIN itself. */
    pinHash: text('pin_hash').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: text('locked_until'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    pinChangedAt: text('pin_changed_at').notNull(),
  },
  (t) => [uniqueIndex('users_association_name').on(t.associationId, t.name)],
);

/** Who changed what, when, through which command and door. Append-only. */
export const changeLog = sqliteTable(
  'change_log',
  {
    id: text('id').primaryKey(),
    associationId: text('association_id'),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    /** The signed-in user and their role (null for commands anyone may run, e.g. signing in). */
    userId: text('user_id'),
    role: text('role'),
    /** 'ipc', 'cli', 'test' … */
    channel: text('channel').notNull(),
    /** The screen the command came from, when it came from the app. */
    screen: text('screen'),
    command: text('command').notNull(),
    /** The validated input of the command, as JSON. */
    inputJson: text('input_json').notNull(),
    /** Ids the command created or changed. */
    targetId: text('target_id'),
    /** 'done', or the error code of a refusal worth keeping (e.g. a wrong PIN). */
    outcome: text('outcome').notNull().default('done'),
    /**
     * The change log is a hash chain per association (and one for the laptop itself,
     * association_id NULL): its place in that chain, the previous row's hash and its
     * own. Rows written before the chain existed have none.
     */
    seq: integer('seq'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
    /** The seal: a digest of every row of the association (but the chained journal and log) as this command left it. */
    stateDigest: text('state_digest'),
  },
  (t) => [
    index('change_log_association_at').on(t.associationId, t.at),
    uniqueIndex('change_log_chain_seq').on(t.associationId, t.seq),
    // The findings of checks, and their acknowledgements, asked for by every open window every minute.
    index('change_log_association_command').on(t.associationId, t.command, t.seq),
  ],
);

/**
 * The laptop's administrators: the people who may back up or restore the whole
 * file and add another association. Not part of any association's books.
 */
export const administrators = sqliteTable('administrators', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Peppered scrypt hash of the PIN (see electron/server/auth/pin.ts). */
  pinHash: text('pin_hash').notNull(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: text('locked_until'),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  /** Null for the laptop's administrator; 'coordinator' for a programme coordinator, who imports groups' books and reads them. */
  role: text('role', { enum: ['coordinator'] }),
});

export const GRANT_PURPOSES = ['livestock', 'loan_capital', 'equipment', 'training', 'general'] as const;
export const SPENDING_KINDS = ['livestock_purchase', 'livestock_care', 'equipment', 'training', 'other', 'return_to_grantor'] as const;
export const CASH_ACCOUNTS = ['cash_box', 'bank'] as const;

/**
 * A grant from a local authority or donor. Its money sits in its own restricted-fund
 * account (one per grant, `account_id`): the balance of that account is the unspent
 * grant money. Append-only: a grant is recorded once, with its receipt entry.
 */
export const grants = sqliteTable(
  'grants',
  {
    id: text('id').primaryKey(),
    associationId: text('association_id').notNull().references(() => associations.id),
    accountId: text('account_id').notNull().references(() => accounts.id),
    grantor: text('grantor').notNull(),
    reference: text('reference').notNull(),
    receivedOn: text('received_on').notNull(),
    amount: integer('amount').notNull(),
    purpose: text('purpose', { enum: GRANT_PURPOSES }).notNull(),
    conditions: text('conditions'),
    /** JSON array of 'YYYY-MM-DD': when the grantor expects a report. */
    reportingDatesJson: text('reporting_dates_json').notNull().default('[]'),
    /** Whether unspent money must go back to the grantor at the end. */
    returnUnspent: integer('return_unspent', { mode: 'boolean' }).notNull(),
    receivedInto: text('received_into', { enum: CASH_ACCOUNTS }).notNull(),
    entryId: text('entry_id').notNull().references(() => journalEntries.id),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('grants_account').on(t.accountId), index('grants_association').on(t.associationId, t.receivedOn)],
);

/** Money paid out for the group's projects (not loans, not savings): who paid it, from which fund. Append-only. */
export const spendings = sqliteTable(
  'spendings',
  {
    id: text('id').primaryKey(),
    associationId: text('association_id').notNull().references(() => associations.id),
    spentOn: text('spent_on').notNull(),
    kind: text('kind', { enum: SPENDING_KINDS }).notNull(),
    description: text('description').notNull(),
    amount: integer('amount').notNull(),
    paidFrom: text('paid_from', { enum: CASH_ACCOUNTS }).notNull(),
    /** The animal a purchase bought or a vet/feed cost was for. */
    animalId: text('animal_id').references((): any => animals.id),
    entryId: text('entry_id').notNull().references(() => journalEntries.id),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('spendings_association').on(t.associationId, t.spentOn), index('spendings_animal').on(t.animalId)],
);

/** Which fund paid how much of a spending: a grant, or the group's own money (grant_id null). */
export const spendingFunds = sqliteTable(
  'spending_funds',
  {
    spendingId: text('spending_id').notNull().references(() => spendings.id),
    grantId: text('grant_id').references(() => grants.id),
    amount: integer('amount').notNull(),
  },
  (t) => [index('spending_funds_spending').on(t.spendingId), index('spending_funds_grant').on(t.grantId)],
);

/** A receipt photo or scanned PDF kept inside the ledger, so it travels with the books. */
export const evidence = sqliteTable(
  'evidence',
  {
    id: text('id').primaryKey(),
    associationId: text('association_id').notNull().references(() => associations.id),
    spendingId: text('spending_id').notNull().references(() => spendings.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    /** SHA-256 of the content, hex: the reference printed on statements. */
    sha256: text('sha256').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
    addedAt: text('added_at').notNull(),
    addedBy: text('added_by').notNull(),
  },
  (t) => [uniqueIndex('evidence_spending_hash').on(t.spendingId, t.sha256)],
);

export const SPECIES = ['cow', 'goat', 'pig', 'sheep', 'chicken', 'rabbit'] as const;
/** An animal's sex; 'mixed' is for a batch of poultry. */
export const ANIMAL_SEXES = ['female', 'male', 'mixed'] as const;

/**
 * An animal (or a batch of poultry) the group owns. Where it is and whether it is
 * alive are never stored here: they are read from its events, so every register can
 * be reproduced as it stood on any date. Append-only.
 */
export const animals = sqliteTable(
  'animals',
  {
    id: text('id').primaryKey(),
    associationId: text('association_id').notNull().references(() => associations.id),
    tag: text('tag').notNull(),
    species: text('species', { enum: SPECIES }).notNull(),
    breed: text('breed'),
    sex: text('sex', { enum: ANIMAL_SEXES }).notNull(),
    headCount: integer('head_count').notNull().default(1),
    acquiredOn: text('acquired_on').notNull(),
    origin: text('origin', { enum: ['purchase', 'birth', 'opening'] }).notNull(),
    /** What the group paid (0 for one born in the group; its value for one the group had before these books). */
    cost: integer('cost').notNull(),
    motherId: text('mother_id').references((): any => animals.id),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('animals_association_tag').on(t.associationId, t.tag), index('animals_mother').on(t.motherId)],
);

/**
 * Which funds an animal came from: its share of the cost, and a weight that splits
 * sale proceeds between the funds (offspring inherit the mother's weights, at no cost).
 */
export const animalFunds = sqliteTable(
  'animal_funds',
  {
    animalId: text('animal_id').notNull().references(() => animals.id),
    grantId: text('grant_id').references(() => grants.id),
    cost: integer('cost').notNull(),
    weight: integer('weight').notNull(),
  },
  (t) => [index('animal_funds_animal').on(t.animalId), index('animal_funds_grant').on(t.grantId)],
);

export const ANIMAL_EVENT_KINDS = ['purchase', 'opening', 'birth', 'offspring', 'death', 'sale', 'care', 'transfer', 'pass_on'] as const;

/** Everything that happened to an animal, in order. Append-only. */
export const animalEvents = sqliteTable(
  'animal_events',
  {
    id: text('id').primaryKey(),
    associationId: text('association_id').notNull().references(() => associations.id),
    animalId: text('animal_id').notNull().references(() => animals.id),
    kind: text('kind', { enum: ANIMAL_EVENT_KINDS }).notNull(),
    eventOn: text('event_on').notNull(),
    /** The keeper before and after (purchase, birth, transfer, pass-on). */
    fromMemberId: text('from_member_id').references(() => members.id),
    toMemberId: text('to_member_id').references(() => members.id),
    /** Minor units: sale proceeds, or a vet/feed cost. */
    amount: integer('amount'),
    /** For part of a batch sold or dead: how many head (null: the whole animal or batch). */
    headCount: integer('head_count'),
    note: text('note'),
    /** The offspring (on the mother's 'offspring' event). */
    relatedAnimalId: text('related_animal_id').references(() => animals.id),
    spendingId: text('spending_id').references(() => spendings.id),
    entryId: text('entry_id').references(() => journalEntries.id),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('animal_events_animal').on(t.animalId, t.eventOn), index('animal_events_association').on(t.associationId, t.eventOn)],
);

/**
 * Members waiting for a passed-on animal, in the order they were added. A place is
 * served by the first pass-on the member receives on or after the day they joined
 * the queue; nothing here is ever changed. Append-only.
 */
export const passOnQueue = sqliteTable(
  'pass_on_queue',
  {
    id: text('id').primaryKey(),
    associationId: text('association_id').notNull().references(() => associations.id),
    memberId: text('member_id').notNull().references(() => members.id),
    addedOn: text('added_on').notNull(),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('pass_on_queue_association').on(t.associationId, t.addedOn)],
);

/**
 * A cycle's share-out, as posted: the date, the cash counted, who confirmed it, and
 * what was worked out (the pool, its working, each member's part) as JSON, so the
 * report and the slips show exactly what was paid. The entry it posted is in the
 * journal; the cycle is closed by it.
 */
export const shareOuts = sqliteTable(
  'share_outs',
  {
    id: text('id').primaryKey(),
    associationId: text('association_id').notNull().references(() => associations.id),
    cycleId: text('cycle_id').notNull().references(() => cycles.id),
    shareOutDate: text('share_out_date').notNull(),
    boxCounted: integer('box_counted').notNull(),
    bankCounted: integer('bank_counted').notNull(),
    differenceReason: text('difference_reason'),
    resultJson: text('result_json').notNull(),
    entryId: text('entry_id').notNull().references(() => journalEntries.id),
    confirmedBy: text('confirmed_by').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('share_outs_cycle').on(t.cycleId)],
);

/**
 * A share-out reversed: its entry reversed, with a reason and a second officer's
 * confirmation; the cycle reopened for a new share-out. Append-only.
 */
export const shareOutReversals = sqliteTable('share_out_reversals', {
  id: text('id').primaryKey(),
  associationId: text('association_id').notNull().references(() => associations.id),
  shareOutId: text('share_out_id').notNull().unique().references(() => shareOuts.id),
  reversalEntryId: text('reversal_entry_id').notNull().references(() => journalEntries.id),
  reason: text('reason').notNull(),
  confirmedBy: text('confirmed_by').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
});

/**
 * A statement handed out: its fingerprint (the last journal entry when it was made and
 * the chain's head there, the hash of its figures), who exported it, when and as what.
 * A later rewrite of history contradicts these as well as the pages. Append-only.
 */
export const statementExports = sqliteTable(
  'statement_exports',
  {
    id: text('id').primaryKey(),
    associationId: text('association_id').notNull().references(() => associations.id),
    kind: text('kind').notNull(),
    requestJson: text('request_json').notNull(),
    lastEntry: integer('last_entry').notNull(),
    chainHead: text('chain_head').notNull(),
    contentHash: text('content_hash').notNull(),
    format: text('format').notNull(),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file as written (for CSV, of its files in name order): a PDF's page edited no longer matches it. */
    fileSha256: text('file_sha256'),
    exportedAt: text('exported_at').notNull(),
    exportedBy: text('exported_by').notNull(),
  },
  (t) => [index('statement_exports_association').on(t.associationId, t.lastEntry)],
);

// The ledger exchange (electron/server/exchange): the coordinator's side. Tables of
// the laptop, not of an association (integrity/scope.ts LAPTOP_TABLES): an imported
// association's own rows stay exactly as its treasurer's laptop signed them.

/** Each imported association: where its books came from, and the heads the last file reached. */
export const exchangeSources = sqliteTable('exchange_sources', {
  associationId: text('association_id').primaryKey(),
  /** The exporting laptop's Ed25519 public key (SPKI, base64) and its short fingerprint. */
  publicKey: text('public_key').notNull(),
  fingerprint: text('fingerprint').notNull(),
  installationId: text('installation_id').notNull(),
  exportedAt: text('exported_at').notNull(),
  contentHash: text('content_hash').notNull(),
  journalSeq: integer('journal_seq').notNull(),
  journalHead: text('journal_head').notNull(),
  changeSeq: integer('change_seq').notNull(),
  changeHead: text('change_head').notNull(),
  /** Per table (JSON): what the secrets left out of the file (PIN hashes, the recovery code's) add to its digest in the seal. */
  sealDeltasJson: text('seal_deltas_json').notNull(),
  fileSha256: text('file_sha256').notNull(),
  firstImportedAt: text('first_imported_at').notNull(),
  lastImportedAt: text('last_imported_at').notNull(),
});

/** Laptop keys trusted for an association: the first seen, then each accepted with a reason. Append-only. */
export const exchangeKeys = sqliteTable('exchange_keys', {
  id: text('id').primaryKey(),
  associationId: text('association_id').notNull(),
  publicKey: text('public_key').notNull(),
  fingerprint: text('fingerprint').notNull(),
  trustedAt: text('trusted_at').notNull(),
  trustedBy: text('trusted_by').notNull(),
  /** Null for the key seen first; the coordinator's reason for a key accepted later. */
  reason: text('reason'),
}, (t) => [uniqueIndex('exchange_keys_association_key').on(t.associationId, t.fingerprint)]);

/** One import (of one file, several or a folder), with its report. */
export const exchangeImports = sqliteTable('exchange_imports', {
  id: text('id').primaryKey(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  startedBy: text('started_by').notNull(),
  files: integer('files').notNull(),
  /** 'running', 'done' or 'cancelled'. */
  status: text('status').notNull(),
});

export const EXCHANGE_OUTCOMES = ['imported', 'updated', 'unchanged', 'older', 'refused', 'conflict', 'new-key'] as const;

/** One file of an import: what became of it, and why. Append-only. */
export const exchangeImportFiles = sqliteTable('exchange_import_files', {
  id: text('id').primaryKey(),
  importId: text('import_id').notNull().references(() => exchangeImports.id),
  position: integer('position').notNull(),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256'),
  associationId: text('association_id'),
  associationName: text('association_name'),
  outcome: text('outcome', { enum: EXCHANGE_OUTCOMES }).notNull(),
  /** A message code (server catalogs) and its params (JSON): why it was refused, or what was found. */
  reasonCode: text('reason_code'),
  reasonParamsJson: text('reason_params_json'),
  rowsAdded: integer('rows_added').notNull().default(0),
  at: text('at').notNull(),
}, (t) => [index('exchange_import_files_import').on(t.importId, t.position)]);

/** A file whose chains do not extend what was imported: kept aside, never merged, until the coordinator decides. */
export const exchangeConflicts = sqliteTable('exchange_conflicts', {
  id: text('id').primaryKey(),
  importFileId: text('import_file_id').notNull().references(() => exchangeImportFiles.id),
  associationId: text('association_id').notNull(),
  /** The file kept aside (in the folder beside the ledger). */
  keptFile: text('kept_file').notNull(),
  fileSha256: text('file_sha256').notNull(),
  ourSeq: integer('our_seq').notNull(),
  ourHead: text('our_head').notNull(),
  theirSeq: integer('their_seq').notNull(),
  theirHead: text('their_head').notNull(),
  /** The first journal entry where the two differ. */
  partedAtSeq: integer('parted_at_seq').notNull(),
  ourFingerprint: text('our_fingerprint').notNull(),
  theirFingerprint: text('their_fingerprint').notNull(),
  resolvedAt: text('resolved_at'),
  resolution: text('resolution'),
  resolvedBy: text('resolved_by'),
  reason: text('reason'),
});

// The programme view (electron/server/programme): what the coordinator's laptop
// works out from the imported books. Tables of the laptop (LAPTOP_TABLES), never of
// an association; the summary is rebuilt from the books whenever asked.

/**
 * One imported group in one quarter, as of the quarter's last day (or the day its
 * books were exported, for the quarter they stop in: `partial`). Only additive
 * figures are kept — counts and minor units — so any grouping adds them up and the
 * ratios are worked out from the sums (programme/measures.ts says how).
 */
export const programmeQuarters = sqliteTable('programme_quarters', {
  associationId: text('association_id').notNull(),
  /** '2025-Q1'. */
  quarter: text('quarter').notNull(),
  asOf: text('as_of').notNull(),
  partial: integer('partial', { mode: 'boolean' }).notNull(),
  currency: text('currency').notNull(),
  members: integer('members').notNull(),
  membersWomen: integer('members_women').notNull(),
  membersLeft: integer('members_left').notNull(),
  meetings: integer('meetings').notNull(),
  attendancePresent: integer('attendance_present').notNull(),
  attendanceExpected: integer('attendance_expected').notNull(),
  savings: integer('savings').notNull(),
  socialFund: integer('social_fund').notNull(),
  loansOutstandingCount: integer('loans_outstanding_count').notNull(),
  loansOutstandingValue: integer('loans_outstanding_value').notNull(),
  loansDisbursedCount: integer('loans_disbursed_count').notNull(),
  loansDisbursedValue: integer('loans_disbursed_value').notNull(),
  par30Value: integer('par30_value').notNull(),
  writtenOffCount: integer('written_off_count').notNull(),
  writtenOffValue: integer('written_off_value').notNull(),
  loanFund: integer('loan_fund').notNull(),
  assets: integer('assets').notNull(),
  cycleIncome: integer('cycle_income').notNull(),
  annualisedIncome: integer('annualised_income').notNull(),
  cycleNo: integer('cycle_no'),
  cycleStart: text('cycle_start'),
  cycleWeeks: integer('cycle_weeks'),
  grantsReceived: integer('grants_received').notNull(),
  grantsUnspent: integer('grants_unspent').notNull(),
  grantReportsOverdue: integer('grant_reports_overdue').notNull(),
  cashDifferences: integer('cash_differences').notNull(),
  animalsAlive: integer('animals_alive').notNull(),
  animalsBorn: integer('animals_born').notNull(),
  animalsSold: integer('animals_sold').notNull(),
  animalsDied: integer('animals_died').notNull(),
  animalsPassedOn: integer('animals_passed_on').notNull(),
}, (t) => [primaryKey({ columns: [t.associationId, t.quarter] }), index('programme_quarters_quarter').on(t.quarter)]);

/** What the coordinator notes about an imported group: the project it belongs to and its facilitator. */
export const programmeGroups = sqliteTable('programme_groups', {
  associationId: text('association_id').primaryKey(),
  project: text('project'),
  facilitator: text('facilitator'),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});
