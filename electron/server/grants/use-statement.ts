// The grant-use statement an officer reads: what the grant brought, what it paid for
// (with the evidence), the animals it bought, their offspring and where each is now,
// and what is left, as of a date. Every total is computed from the business records
// and checked against the grant's fund account in the journal.

import type { CallContext } from '../context';
import type { evidence, spendings } from '../../../db/schema';
import { prepared, type RowOf } from '../prepared';
import { decimal, splitByLargestRemainder, sumMinor, type MinorUnits } from '../money/money';
import { loadHerd, stateOf, type Animal } from '../livestock/herd';
import { childrenIndex, namesFor, treeOf, type AnimalNode } from '../livestock/views';
import { grantLabel, grantRecord, grantRow, unspentOf, type GrantRecord, type SpendingKind } from '../funds/funds';
import { memoIn } from '../journal/memo';

/** A receipt kept with a spending, as results name it (its content is read only by 'evidence-get'). */
export type EvidenceRef = Readonly<RowOf<typeof evidence, 'id' | 'fileName' | 'mediaType' | 'byteSize' | 'sha256'>>;

export interface SpendingRow {
  readonly id: string;
  readonly date: string;
  readonly kind: SpendingKind;
  readonly description: string;
  /** Minor units: the whole spending, and the part this grant paid. */
  readonly total: string;
  readonly fromGrant: string;
  readonly animalTag: string | null;
  readonly evidence: readonly EvidenceRef[];
}

/** An animal in the statement: where it is now and what the grant put in and got back. */
export interface StatementAnimal extends Omit<AnimalNode, 'children'> {
  /** Minor units the grant paid for it (0 for offspring). */
  readonly grantCost: string;
  /** The grant's share of the sale proceeds, if sold. */
  readonly grantProceeds: string | null;
  readonly children: readonly StatementAnimal[];
}

export interface GrantStatement {
  readonly asOf: string;
  readonly grant: GrantRecord & { readonly label: string };
  /** Minor units, as of the date. */
  readonly received: string;
  readonly spent: string;
  readonly backFromSales: string;
  readonly returned: string;
  /** received − spent + back from sales − returned. */
  readonly unspent: string;
  /** The credit balance of the grant's fund account: always equal to `unspent`. */
  readonly unspentInJournal: string;
  readonly spentByKind: readonly { kind: SpendingKind; amount: string }[];
  readonly spendings: readonly SpendingRow[];
  readonly animals: readonly StatementAnimal[];
  /** Animals the grant paid for or descend from one, by where they are now. */
  readonly herd: { readonly alive: number; readonly sold: number; readonly dead: number; readonly passedOn: number };
  readonly nextReportDue: string | null;
}

// Raw SQL, rows typed from the schema: the statement reads every spending and receipt
// of a grant (hundreds), and drizzle's row mapping measurably slowed it (`npm run bench`).
const EVIDENCE_OF = `SELECT spending_id AS spendingId, id, file_name AS fileName, media_type AS mediaType, byte_size AS byteSize, sha256
   FROM evidence WHERE spending_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`;
const SPENDINGS_OF = `SELECT s.id, s.spent_on AS date, s.kind, s.description, s.amount AS total, f.amount AS fromGrant, a.tag AS animalTag
   FROM spending_funds f JOIN spendings s ON s.id = f.spending_id LEFT JOIN animals a ON a.id = s.animal_id
  WHERE f.grant_id = ? AND s.spent_on <= ? ORDER BY s.spent_on, s.rowid`;
type SpendingOfGrant = RowOf<typeof spendings, 'id' | 'kind' | 'description', { date: string; total: number; fromGrant: number; animalTag: string | null }>;

/** The receipts kept with these spendings, by spending (one query, whatever their number). */
export function evidenceOfSpendings(ctx: CallContext, spendingIds: readonly string[]): Map<string, EvidenceRef[]> {
  const rows = prepared(ctx.ledger.sqlite, EVIDENCE_OF).all(JSON.stringify(spendingIds)) as (EvidenceRef & { spendingId: string })[];
  const bySpending = new Map<string, EvidenceRef[]>();
  for (const { spendingId, ...ref } of rows) {
    const list = bySpending.get(spendingId);
    if (list) list.push(ref);
    else bySpending.set(spendingId, [ref]);
  }
  return bySpending;
}

/** The grant's share of what an animal fetched (split by the funds' weights, largest remainder). */
export function grantShareOfSale(animal: Animal, grantId: string, proceeds: number): number {
  const shares = splitByLargestRemainder(proceeds as MinorUnits, animal.funds.map((f) => f.weight));
  return sumMinor(shares.filter((_, i) => animal.funds[i]!.grantId === grantId)).toNumber();
}

export function grantStatement(ctx: CallContext, associationId: string, grantId: string, asOf: string): GrantStatement {
  const grant = grantRow(ctx, associationId, grantId);
  const received = grant.receivedOn <= asOf ? decimal(grant.amount) : decimal(0);
  const herd = loadHerd(ctx, associationId);
  const rows = prepared(ctx.ledger.sqlite, SPENDINGS_OF).all(grantId, asOf) as SpendingOfGrant[];
  const returnedRows = rows.filter((r) => r.kind === 'return_to_grantor');
  const spentRows = rows.filter((r) => r.kind !== 'return_to_grantor');
  const spent = spentRows.reduce((s, r) => s.plus(r.fromGrant), decimal(0));
  const returned = returnedRows.reduce((s, r) => s.plus(r.fromGrant), decimal(0));
  const byKind = new Map<SpendingKind, ReturnType<typeof decimal>>();
  for (const r of spentRows) byKind.set(r.kind, (byKind.get(r.kind) ?? decimal(0)).plus(r.fromGrant));

  const names = namesFor(ctx, associationId);
  const receipts = evidenceOfSpendings(ctx, rows.map((r) => r.id));
  const children = childrenIndex(herd);
  const count = { alive: 0, sold: 0, dead: 0, passedOn: 0 };
  let backFromSales = decimal(0);
  const decorate = (node: AnimalNode): StatementAnimal => {
    const animal = herd.get(node.id)!;
    count[node.status] += 1;
    if (node.passedOn) count.passedOn += 1;
    // Each sale was split when it was recorded; the statement adds up the grant's share of each.
    const sales = node.saleProceeds === null ? [] : stateOf(animal, asOf)!.sales;
    const grantProceeds = sales.length === 0 ? null : sumMinor(sales.map((x) => grantShareOfSale(animal, grantId, x.proceeds))).toNumber();
    if (grantProceeds !== null) backFromSales = backFromSales.plus(grantProceeds);
    const grantCost = sumMinor(animal.funds.filter((f) => f.grantId === grantId).map((f) => f.cost)).toFixed(0);
    return { ...node, grantCost, grantProceeds: grantProceeds === null ? null : String(grantProceeds), children: node.children.map(decorate) };
  };
  const animals = [...herd.values()]
    .filter((a) => a.motherId === null && a.funds.some((f) => f.grantId === grantId))
    .map((a) => treeOf(herd, a, names, asOf, children))
    .filter((n): n is AnimalNode => n !== null)
    .map(decorate);

  return {
    asOf,
    grant: { ...grantRecord(grant), label: grantLabel(grant) },
    received: received.toFixed(0),
    spent: spent.toFixed(0),
    backFromSales: backFromSales.toFixed(0),
    returned: returned.toFixed(0),
    unspent: received.minus(spent).plus(backFromSales).minus(returned).toFixed(0),
    unspentInJournal: String(unspentOf(ctx, grant, asOf)),
    spentByKind: [...byKind].map(([kind, amount]) => ({ kind, amount: amount.toFixed(0) })),
    spendings: rows.map((r) => ({ ...r, description: memoIn(ctx.actor.locale, r.description), total: String(r.total), fromGrant: String(r.fromGrant), evidence: receipts.get(r.id) ?? [] })),
    animals,
    herd: count,
    nextReportDue: grant.reportingDates.filter((d) => d >= asOf).sort()[0] ?? null,
  };
}
