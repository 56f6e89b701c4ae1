// (h) of `npm run bench`: the ledger exchange at programme scale. A generator builds
// groups' five-year ledgers through the real commands, each group different and
// drawn from its index (place, members, meetings, yearly cycles and share-outs,
// loans, exits, grants and livestock: see "The generated programme" below;
// test/bench/generate.ts makes a whole programme's files in parallel), each
// exported as its signed file; then a coordinator's laptop imports the
// folder through the app's own import (every check, the merge, the report), against
// raw SQLite bulk-inserting the same rows from the same files (attached, one
// INSERT … SELECT per table, one transaction per file). The figure is the import
// rate in rows a second, with the peak memory the import took above what the process
// held before it.

import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLedger } from '../../db/open';
import { createServer } from '../../electron/server/server';
import { importLedgers } from '../../electron/server/exchange/import-run';
import { insertionOrder, quoteName } from '../../electron/server/integrity/scope';
import { ACTOR, addDays, must, seedLedger, type SeedPerson, type SeedPlace } from './setup';
import { applyDurability } from './durability';
import { clock, dec1, int, msBetween, ratio2 } from './stats';
import type { MeetingMetric } from './meeting';

export interface ExchangeBenchOptions {
  /** Groups generated (the programme this comes from had 1,294). */
  readonly groups: number;
  readonly years: number;
  /** A folder of .ikimina files generated before (kept from an earlier run): nothing is generated. */
  readonly from?: string;
}

// ── The generated programme ─────────────────────────────────────────────────────
//
// Each group is drawn from its index alone (a seeded random stream), so the same
// index always gives the same books: where it meets (Rwanda's provinces and districts
// from ../shared/data), its name, 15–30 members (60–80 % women), weekly or fortnightly
// meetings from a founding day between 2020 and 2022, one cycle a year closed by its
// share-out, several loans at a time (5,000–60,000 RWF in 1–3 monthly instalments, most
// repaid on time, some 5–10 weeks late, one in about ten groups written off), members
// joining and leaving, about half the groups with a livestock grant (goats, cows or a
// batch of chickens) whose animals give birth, are passed on, sold and die, and in
// about one group in fifteen a cash count that differs from the books.

/** The last day a generated group records (the server refuses what happens after today): fixed, so a group's books do not depend on the day they were made. */
const LAST_DAY = '2026-09-30';

const FIRST_FOUNDING = '2020-01-01';
const FOUNDING_DAYS = 3 * 365; // founded in 2020, 2021 or 2022

const GROUP_NAMES = [
  'Twisungane', 'Abishyizehamwe', 'Dufatanye', 'Twiyubake', 'Tuzamurane', 'Duterimbere', 'Abakundanye', 'Twese Hamwe',
  'Jyambere', 'Tugire Ubumwe', 'Twitezimbere', 'Abanyamurava', 'Dukorere Hamwe', 'Terimbere', 'Abadacogora', 'Twizigamire',
] as const;

/** A few sectors of each district (plausible names for a demo, not the official list of 416). */
const SECTORS: Readonly<Record<string, readonly string[]>> = {
  Gasabo: ['Kimironko', 'Remera', 'Kacyiru', 'Ndera', 'Rusororo', 'Jabana'],
  Kicukiro: ['Gikondo', 'Kagarama', 'Kanombe', 'Niboye', 'Masaka', 'Gahanga'],
  Nyarugenge: ['Nyamirambo', 'Kimisagara', 'Gitega', 'Muhima', 'Nyakabanda'],
  Burera: ['Butaro', 'Cyanika', 'Rugarama', 'Kinoni', 'Gahunga'],
  Gakenke: ['Gakenke', 'Ruli', 'Janja', 'Kivuruga', 'Muzo'],
  Gicumbi: ['Byumba', 'Rukomo', 'Kaniga', 'Rutare', 'Miyove'],
  Musanze: ['Muhoza', 'Cyuve', 'Kinigi', 'Busogo', 'Nyange'],
  Rulindo: ['Bushoki', 'Base', 'Shyorongi', 'Ntarabana', 'Burega'],
  Gisagara: ['Save', 'Ndora', 'Mugombwa', 'Kibirizi', 'Musha'],
  Huye: ['Tumba', 'Ngoma', 'Mukura', 'Maraba', 'Rusatira'],
  Kamonyi: ['Runda', 'Gacurabwenge', 'Rukoma', 'Musambira', 'Nyamiyaga'],
  Muhanga: ['Nyamabuye', 'Shyogwe', 'Cyeza', 'Kabacuzi', 'Rongi'],
  Nyamagabe: ['Gasaka', 'Kitabi', 'Tare', 'Uwinkingi', 'Kaduha'],
  Nyanza: ['Busasamana', 'Mukingo', 'Kigoma', 'Ntyazo', 'Muyira'],
  Nyaruguru: ['Kibeho', 'Ruramba', 'Ngera', 'Munini', 'Mata'],
  Ruhango: ['Ruhango', 'Byimana', 'Kinazi', 'Ntongwe', 'Mwendo'],
  Bugesera: ['Nyamata', 'Rilima', 'Gashora', 'Mayange', 'Ruhuha'],
  Gatsibo: ['Kabarore', 'Kiramuruzi', 'Ngarama', 'Rugarama', 'Gitoki'],
  Kayonza: ['Mukarange', 'Rwinkwavu', 'Kabare', 'Murama', 'Gahini'],
  Kirehe: ['Gatore', 'Mahama', 'Mpanga', 'Nasho', 'Kigina'],
  Ngoma: ['Kibungo', 'Remera', 'Rukira', 'Mugesera', 'Zaza'],
  Nyagatare: ['Nyagatare', 'Karangazi', 'Rwimiyaga', 'Matimba', 'Tabagwe'],
  Rwamagana: ['Kigabiro', 'Muhazi', 'Munyaga', 'Fumbwe', 'Gishari'],
  Karongi: ['Bwishyura', 'Rubengera', 'Gishyita', 'Mubuga', 'Rugabano'],
  Ngororero: ['Ngororero', 'Kabaya', 'Gatumba', 'Muhororo', 'Sovu'],
  Nyabihu: ['Mukamira', 'Jenda', 'Bigogwe', 'Rambura', 'Shyira'],
  Nyamasheke: ['Kagano', 'Kanjongo', 'Bushekeri', 'Ruharambuga', 'Macuba'],
  Rubavu: ['Gisenyi', 'Rubavu', 'Nyamyumba', 'Kanama', 'Rugerero'],
  Rusizi: ['Kamembe', 'Gihundwe', 'Nyakabuye', 'Bugarama', 'Mururu'],
  Rutsiro: ['Gihango', 'Mushubati', 'Kivumu', 'Manihira', 'Murunda'],
};
const ANY_SECTOR = ['Kigarama', 'Rukira', 'Nyarugunga', 'Gatare', 'Rwimbogo'] as const;
const CELLS = ['Kabeza', 'Cyarwa', 'Gitwa', 'Karama', 'Nyarurama', 'Kigarama', 'Rugando', 'Mubuga', 'Kagina', 'Nyange', 'Gasharu', 'Ruhuha'] as const;
const VILLAGES = ['Amahoro', 'Ubumwe', 'Umucyo', 'Isangano', 'Ituze', 'Agasharu', 'Kamatamu', 'Rebero', 'Byimana', 'Kabuga', 'Gakoni', 'Murambi'] as const;

const WOMEN_FAMILY = [
  'Uwimana', 'Mukamana', 'Uwase', 'Ingabire', 'Mukandayisenga', 'Nyirahabimana', 'Umutoni', 'Mukeshimana', 'Uwera', 'Nyiraneza',
  'Mukamurenzi', 'Uwamahoro', 'Nyiransabimana', 'Mukarugwiza', 'Uwizeye', 'Umuhoza', 'Mukankusi', 'Nyirabagenzi', 'Murekatete', 'Uwamariya',
] as const;
const WOMEN_GIVEN = [
  'Marie', 'Jeanne', 'Claudine', 'Alphonsine', 'Vestine', 'Josiane', 'Espérance', 'Chantal', 'Drocella', 'Immaculée', 'Agnès', 'Béatrice',
  'Consolée', 'Donatille', 'Francine', 'Goreth', 'Solange', 'Odette', 'Clémentine', 'Liliane', 'Grâce', 'Aline', 'Divine', 'Annonciata',
] as const;
const MEN_FAMILY = [
  'Habimana', 'Niyonzima', 'Nsengimana', 'Hakizimana', 'Mugisha', 'Ndayisaba', 'Bizimana', 'Nshimiyimana', 'Twagirimana', 'Manzi',
  'Munyaneza', 'Ntakirutimana', 'Hategekimana', 'Kayitare', 'Nkurunziza', 'Rukundo', 'Gatete', 'Nzabonimpa', 'Sibomana', 'Uwimana',
] as const;
const MEN_GIVEN = [
  'Jean', 'Emmanuel', 'Pierre', 'Théoneste', 'Eric', 'Innocent', 'Jean Bosco', 'Damascène', 'Célestin', 'Félicien', 'Faustin', 'Callixte',
  'Gaspard', 'Olivier', 'Patrick', 'Vincent', 'Augustin', 'Evariste',
] as const;

const LOAN_PURPOSES = ['Seeds', 'Fertiliser', 'School fees', 'Shop stock', 'Health costs', 'Animal feed', 'House repair', 'Tailoring cloth', 'Bean trading', 'Banana trading'] as const;
const PRINCIPALS = [5_000, 8_000, 10_000, 10_000, 15_000, 20_000, 20_000, 25_000, 30_000, 40_000, 50_000, 60_000] as const;
const EXIT_REASONS = ['Moved to Kigali', 'Family reasons', 'Joined another group', 'Long illness', 'Moved to another district'] as const;
const GRANTORS = ['District', 'Heifer International', 'World Vision', 'CARE Rwanda', 'RAB'] as const;

/** A random stream (mulberry32) seeded from the group's index: the same index, the same group. */
function randomStream(index: number): () => number {
  let a = Math.imul(index + 1, 0x9e3779b1) ^ 0x5bd1e995;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const between = (r: Random, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const roundTo = (value: number, unit: number): number => Math.max(unit, Math.round(value / unit) * unit);
const earlier = (a: string, b: string): string => (a < b ? a : b);

/** The day `months` months after `date`, on the same day of the month or that month's last (as a monthly loan schedule counts). */
function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

interface Province {
  readonly name: string;
  readonly districts: readonly string[];
}

let rwanda: readonly { province: string; district: string }[] | null = null;

/** Rwanda's districts with their province, from the shared data (read once). */
function rwandaDistricts(): readonly { province: string; district: string }[] {
  if (!rwanda) {
    const file = fileURLToPath(new URL('../../../shared/data/rwanda-admin.json', import.meta.url));
    const { provinces } = JSON.parse(readFileSync(file, 'utf8')) as { provinces: readonly Province[] };
    rwanda = provinces.flatMap((p) => p.districts.map((district) => ({ province: p.name, district })));
  }
  return rwanda;
}

/** What a group is, drawn from its index before anything is recorded. */
interface GroupPlan {
  readonly name: string;
  readonly place: SeedPlace;
  readonly foundedOn: string;
  readonly firstMeeting: string;
  /** Days between meetings: 7 or 14. */
  readonly step: 7 | 14;
  readonly people: readonly SeedPerson[];
  readonly rules: Record<string, unknown>;
  readonly shares: boolean;
  readonly sharePrice: number;
  readonly socialFund: number;
  readonly entranceFee: number;
  readonly fineAbsent: number;
  readonly fineLate: number;
  readonly guarantorsAbove: number;
  /** Chance that a meeting gives out loans, and that a loan is repaid late. */
  readonly lending: number;
  readonly late: number;
  readonly attendance: number;
  readonly exits: number;
  readonly joiners: number;
  readonly writeOff: boolean;
  readonly cashDifference: boolean;
  readonly grant: 'goat' | 'cow' | 'chicken' | null;
}

function planGroup(index: number, r: Random): GroupPlan {
  const { province, district } = pick(r, rwandaDistricts());
  const place: SeedPlace = { province, district, sector: pick(r, SECTORS[district] ?? ANY_SECTOR), cell: pick(r, CELLS), village: pick(r, VILLAGES) };
  const foundedOn = addDays(FIRST_FOUNDING, between(r, 0, FOUNDING_DAYS - 1));
  const step = r() < 0.25 ? 14 : 7;
  const count = between(r, 15, 30);
  const women = Math.round(count * (0.6 + r() * 0.2));
  const people = peopleOf(r, count, women);
  const shares = r() < 0.5;
  const sharePrice = pick(r, [200, 500, 500, 1_000]);
  const socialFund = pick(r, [100, 200, 200, 300, 500]);
  const entranceFee = pick(r, [0, 1_000, 2_000]);
  const fineAbsent = pick(r, [0, 200, 500]);
  const fineLate = pick(r, [0, 100, 200]);
  const guarantorsAbove = r() < 0.3 ? 30_000 : 0;
  const rules: Record<string, unknown> = {
    savingMode: shares ? 'shares' : 'savings',
    ...(shares ? { sharePrice: String(sharePrice), minShares: 1, maxShares: 5 } : {}),
    socialFund: String(socialFund), entranceFee: String(entranceFee), fineAbsent: String(fineAbsent), fineLate: String(fineLate),
    meetingFrequency: step === 7 ? 'weekly' : 'biweekly',
    loanMethod: r() < 0.25 ? 'declining' : 'flat', loanMonthlyRatePercent: pick(r, ['2', '3', '5', '5', '10']), loanFrequency: 'monthly',
    loanMaxInstalments: 3, loanMaxMultiple: '3', loanGuarantorsAbove: String(guarantorsAbove),
    shareOutBasis: !shares && r() < 0.3 ? 'share_days' : 'savings', shareOutReservePercent: pick(r, ['0', '0', '5', '10']),
    shareOutRoundingUnit: pick(r, ['1', '100', '500']), shareOutLoans: r() < 0.5 ? 'net' : 'collect',
    shareOutOnExit: r() < 0.5 ? 'savings' : 'savings_and_profit',
  };
  const grant = r() < 0.5 ? pick(r, ['goat', 'goat', 'goat', 'cow', 'cow', 'chicken'] as const) : null;
  return {
    name: `${pick(r, GROUP_NAMES)} ${index + 1}`, place, foundedOn, firstMeeting: addDays(foundedOn, between(r, 3, 20)), step, people, rules,
    shares, sharePrice, socialFund, entranceFee, fineAbsent, fineLate, guarantorsAbove,
    lending: step === 7 ? 0.25 + r() * 0.2 : 0.5 + r() * 0.3, late: 0.05 + r() * 0.15, attendance: 0.8 + r() * 0.17,
    exits: r() < 0.45 ? between(r, 1, 2) : 0, joiners: r() < 0.4 ? between(r, 1, 3) : 0,
    writeOff: index % 10 === 3, cashDifference: index % 15 === 5,
    grant,
  };
}

/** `count` members, `women` of them women, in a random order; the first three are the chair, secretary and key holder. */
function peopleOf(r: Random, count: number, women: number): SeedPerson[] {
  const genders = Array.from({ length: count }, (_, i) => (i < women ? 'female' as const : 'male' as const));
  for (let i = genders.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [genders[i], genders[j]] = [genders[j]!, genders[i]!];
  }
  const taken = new Set<string>();
  return genders.map((gender, i) => ({ fullName: newName(r, gender, taken), gender, role: (['chair', 'secretary', 'key_holder'] as const)[i] ?? 'member' }));
}

function newName(r: Random, gender: 'female' | 'male', taken: Set<string>): string {
  for (;;) {
    const name = gender === 'female' ? `${pick(r, WOMEN_FAMILY)} ${pick(r, WOMEN_GIVEN)}` : `${pick(r, MEN_FAMILY)} ${pick(r, MEN_GIVEN)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** A member as the generator follows them. */
interface Person {
  readonly id: string;
  readonly gender: 'female' | 'male';
  readonly officer: boolean;
  /** Shares bought or RWF saved at a meeting, usually. */
  readonly level: number;
  readonly attendance: number;
  /** Their savings in the books (what a loan is checked against). */
  saved: number;
  exited: boolean;
  /** Entrance fee still to pay (a member who joined after the start). */
  newcomer: boolean;
  missedLast: boolean;
  /** Never lent to again (a loan of theirs was written off). */
  barred: boolean;
  loan: Loan | null;
  /** Animals they keep. */
  keeps: number;
}

interface Loan {
  readonly id: string;
  readonly borrower: Person;
  /** Each instalment's due day and payment (principal and interest). */
  readonly schedule: readonly { readonly dueOn: string; readonly payment: number }[];
  paid: number;
  /** Days late each instalment is paid (0: paid at the first meeting on or after its day). */
  readonly delay: number;
  /** Never repaid: written off on this day. */
  readonly writeOffOn: string | null;
}

interface Animal {
  readonly id: string;
  readonly tag: string;
  readonly species: 'goat' | 'cow' | 'chicken';
  readonly sex: 'female' | 'male' | 'mixed';
  keeper: Person;
  heads: number;
  alive: boolean;
  passedOn: boolean;
  /** The offspring chosen to be passed on (one per mother). */
  promised: boolean;
  readonly motherId: string | null;
}

type ShareOutPosted = { id: string };
type AnimalRecord = { id: string; offspring: readonly { id: string; tag: string; sex: 'female' | 'male' | 'mixed' }[] };
type LoanRecordOut = { id: string; schedule: readonly { dueOn: string; payment: string }[] };

/**
 * One group's books over at most `years` years (to LAST_DAY at the latest), through the
 * real commands, exported for the coordinator into `out`; returns the exported file.
 */
export function generateGroup(dir: string, out: string, index: number, years: number): string {
  const r = randomStream(index);
  const plan = planGroup(index, r);
  const seeded = seedLedger(join(dir, `group-${index}.sqlite`), {
    members: plan.people.length, foundedOn: plan.foundedOn, name: plan.name, place: plan.place, people: plan.people, scratch: true,
  });
  const { server, associationId } = seeded;
  const actor = { ...ACTOR };
  const call = <T = { id: string }>(name: string, input: Record<string, unknown>): T =>
    must(server.call(name as never, { associationId, ...input } as never, actor), `${plan.name}: ${name} on ${String(input.date ?? input.startsOn ?? '')}`) as T;
  const boxQuery = server.ledger.sqlite.prepare('SELECT coalesce(sum(amount), 0) FROM postings WHERE association_id = ? AND account_id = ? AND entry_date <= ?').pluck();
  const boxAccount = seeded.accountIds.get('1010')!;
  const boxOn = (date: string): number => Number(boxQuery.get(associationId, boxAccount, date));
  try {
    const today = addDays(new Date().toISOString().slice(0, 10), -1);
    const end = earlier(earlier(addDays(plan.firstMeeting, Math.floor(365.25 * years) - 1), LAST_DAY), today);
    const chair = call<{ id: string }>('user-create', { name: `${plan.people[0]!.fullName} (chair)`, role: 'chair', pin: '7391' });
    const confirmation = { userId: chair.id, pin: '7391' };
    const people: Person[] = seeded.memberIds.map((id, i) => newPerson(r, plan, id, plan.people[i]!.gender, i < 3));
    const names = new Set(plan.people.map((p) => p.fullName));
    const active = (): Person[] => people.filter((p) => !p.exited);
    const actions: { on: string; run: (date: string) => void }[] = [];
    const schedule = (on: string, run: (date: string) => void) => {
      actions.push({ on, run });
      actions.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    };
    if (plan.grant) schedule(addDays(plan.firstMeeting, between(r, 30, 540)), (date) => livestockGrant(date));

    // ── Livestock: a grant, the animals it buys, and their lives ──
    let grantId = '';
    let grantLeft = 0;
    const animals: Animal[] = [];
    const keeperFor = (): Person | null => {
      const free = active().filter((p) => p.keeps === 0);
      const women = free.filter((p) => p.gender === 'female');
      return women.length > 0 && r() < 0.8 ? pick(r, women) : free.length > 0 ? pick(r, free) : null;
    };
    const care = (animal: Animal, date: string) => {
      const amount = roundTo(between(r, 3_000, 15_000), 500);
      if (!animal.alive || grantLeft < amount) return;
      call('livestock-care', { animalId: animal.id, date, description: pick(r, ['Vet visit', 'Vaccination', 'Deworming', 'Feed']), amount: String(amount), paidFrom: 'bank', funds: [{ grantId, amount: String(amount) }] });
      grantLeft -= amount;
      schedule(addDays(date, between(r, 200, 400)), (d) => care(animal, d));
    };
    const die = (animal: Animal, date: string, heads?: number) => {
      if (!animal.alive) return;
      const cause = pick(r, ['Disease', 'Difficult birth', 'Accident', 'Old age', 'Newcastle disease']);
      if (heads !== undefined && heads < animal.heads) {
        call('livestock-death', { animalId: animal.id, date, cause, headCount: heads });
        animal.heads -= heads;
        return;
      }
      call('livestock-death', { animalId: animal.id, date, cause });
      animal.alive = false;
      animal.keeper.keeps--;
    };
    const sell = (animal: Animal, date: string, proceeds: number, heads?: number) => {
      if (!animal.alive) return;
      const buyer = pick(r, ['Local market', 'Butcher', 'Neighbour', 'Trader']);
      if (heads !== undefined && heads < animal.heads) {
        call('livestock-sale', { animalId: animal.id, date, proceeds: String(proceeds), paidInto: 'bank', buyer, headCount: heads });
        animal.heads -= heads;
      } else {
        call('livestock-sale', { animalId: animal.id, date, proceeds: String(proceeds), paidInto: 'bank', buyer });
        animal.alive = false;
        animal.keeper.keeps--;
      }
      grantLeft += proceeds;
    };
    const passOn = (animal: Animal, date: string) => {
      const to = keeperFor();
      if (!animal.alive || animal.passedOn || !to || to === animal.keeper) return;
      call('livestock-queue-add', { memberId: to.id, date });
      call('livestock-pass-on', { animalId: animal.id, date, toMemberId: to.id });
      animal.keeper.keeps--;
      to.keeps++;
      animal.keeper = to;
      animal.passedOn = true;
    };
    const birth = (mother: Animal, date: string) => {
      if (!mother.alive) return;
      const goat = mother.species === 'goat';
      const sexes = Array.from({ length: goat && r() < 0.45 ? 2 : 1 }, () => (r() < 0.5 ? 'female' as const : 'male' as const));
      const before = new Set(animals.map((a) => a.id));
      const record = call<AnimalRecord>('livestock-birth', { motherId: mother.id, date, offspring: sexes.map((sex) => ({ sex })) });
      const born = record.offspring.filter((o) => !before.has(o.id));
      let giveOne = !animals.some((a) => a.motherId === mother.id && (a.passedOn || (a.promised && a.alive)));
      for (const o of born) {
        const kid: Animal = { id: o.id, tag: o.tag, species: mother.species, sex: o.sex, keeper: mother.keeper, heads: 1, alive: true, passedOn: false, promised: false, motherId: mother.id };
        mother.keeper.keeps++;
        animals.push(kid);
        // Girinka: the first female offspring goes to the next member; a young male is sold in time.
        if (kid.sex === 'female' && giveOne) {
          giveOne = false;
          kid.promised = true;
          schedule(addDays(date, between(r, goat ? 120 : 240, goat ? 240 : 365)), (d) => passOn(kid, d));
        } else if (kid.sex === 'male' && r() < 0.7) {
          schedule(addDays(date, between(r, 200, 420)), (d) => sell(kid, d, roundTo(goat ? between(r, 25_000, 45_000) : between(r, 150_000, 260_000), 1_000)));
        } else if (r() < 0.25) {
          schedule(addDays(date, between(r, 20, 200)), (d) => die(kid, d));
        }
      }
      schedule(addDays(date, goat ? between(r, 240, 400) : between(r, 400, 500)), (d) => birth(mother, d));
    };
    const livestockGrant = (date: string) => {
      const species = plan.grant!;
      const buys = species === 'goat' ? Array.from({ length: between(r, 3, 10) }, () => roundTo(between(r, 35_000, 70_000), 1_000))
        : species === 'cow' ? Array.from({ length: between(r, 1, 2) }, () => roundTo(between(r, 300_000, 550_000), 10_000))
        : [between(r, 30, 100)];
      const chickenPrice = roundTo(between(r, 3_000, 5_000), 500);
      const costs = species === 'chicken' ? [buys[0]! * chickenPrice] : buys;
      const spent = costs.reduce((a, b) => a + b, 0);
      const amount = roundTo(spent * (1.05 + r() * 0.2), 10_000);
      const grantor = pick(r, GRANTORS);
      const reportingDates = r() < 0.5 ? [addMonths(date, 6), addMonths(date, 12), addMonths(date, 24)] : [];
      grantId = call('grant-create', {
        grantor: grantor === 'District' ? `${plan.place.district} District` : grantor, reference: `LG-${index + 1}`, date, amount: String(amount), purpose: 'livestock',
        conditions: 'Animals for members; the first female offspring passed on to the next member', reportingDates, receivedInto: 'bank',
      }).id;
      grantLeft = amount;
      costs.forEach((cost, i) => {
        const keeper = keeperFor();
        if (!keeper) return;
        const batch = species === 'chicken';
        const sex = batch ? 'mixed' as const : species === 'cow' || i > 0 || r() < 0.5 ? 'female' as const : 'male' as const;
        const tag = `${species === 'goat' ? 'G' : species === 'cow' ? 'C' : 'K'}-${i + 1}`;
        const bought = call('livestock-buy', {
          species, sex, tag, keeperId: keeper.id, date, cost: String(cost), paidFrom: 'bank', funds: [{ grantId, amount: String(cost) }],
          ...(batch ? { headCount: buys[0]!, breed: 'Kuroiler' } : species === 'cow' ? { breed: 'Friesian cross' } : {}),
        });
        grantLeft -= cost;
        keeper.keeps++;
        const animal: Animal = { id: bought.id, tag, species, sex, keeper, heads: batch ? buys[0]! : 1, alive: true, passedOn: false, promised: false, motherId: null };
        animals.push(animal);
        if (batch) {
          schedule(addDays(date, between(r, 20, 90)), (d) => die(animal, d, between(r, 2, Math.max(2, Math.floor(animal.heads / 8)))));
          schedule(addDays(date, between(r, 120, 200)), (d) => {
            const heads = Math.floor(animal.heads / 2);
            sell(animal, d, heads * roundTo(between(r, 4_000, 6_000), 500), heads);
          });
          schedule(addDays(date, between(r, 300, 420)), (d) => sell(animal, d, animal.heads * roundTo(between(r, 4_000, 6_000), 500)));
        } else if (sex === 'female') {
          schedule(addDays(date, species === 'goat' ? between(r, 150, 300) : between(r, 280, 420)), (d) => birth(animal, d));
        } else {
          schedule(addDays(date, between(r, 400, 800)), (d) => sell(animal, d, roundTo(between(r, 40_000, 60_000), 1_000)));
        }
        schedule(addDays(date, between(r, 20, 90)), (d) => care(animal, d));
      });
      // One animal lost, some time in the next years.
      if (species !== 'chicken') {
        schedule(addDays(date, between(r, 250, 900)), (d) => {
          const alive = animals.filter((a) => a.alive);
          if (alive.length > 1) die(pick(r, alive), d);
        });
      }
    };

    // ── Cycles, meetings, loans ──
    let cycleStart = plan.firstMeeting;
    let exitsLeft = plan.exits;
    let joinersLeft = plan.joiners;
    let writeOffLeft = plan.writeOff;
    const cashDifferenceAt = plan.cashDifference ? { cycle: between(r, 0, 1), meeting: between(r, 8, 20) } : null;
    for (let cycleNo = 0; cycleStart <= end; cycleNo++) {
      const lastMeeting = addDays(cycleStart, plan.step * Math.floor(363 / plan.step));
      const complete = lastMeeting <= end;
      const cycle = call('cycle-create', {
        name: `Cycle ${cycleNo + 1} (${cycleStart.slice(0, 4)}–${lastMeeting.slice(0, 4)})`, startsOn: cycleStart, endsOn: addDays(cycleStart, 363), rules: plan.rules,
      });
      // New members join at the start of a later cycle.
      if (cycleNo > 0 && joinersLeft > 0 && r() < 0.5) {
        for (let n = between(r, 1, joinersLeft); n > 0; n--, joinersLeft--) {
          const gender = r() < 0.7 ? 'female' as const : 'male' as const;
          const joined = call('member-add', { fullName: newName(r, gender, names), gender, joinedOn: cycleStart });
          const person = newPerson(r, plan, joined.id, gender, false);
          person.newcomer = plan.entranceFee > 0;
          people.push(person);
        }
      }
      const exitMeeting = exitsLeft > 0 && cycleNo > 0 && r() < 0.6 ? between(r, 6, 30) : -1;
      const count = Math.floor(363 / plan.step) + 1;
      for (let j = 0; j < count; j++) {
        const date = addDays(cycleStart, plan.step * j);
        if (date > end) break;
        const last = date === lastMeeting;
        // The meeting: who came, what each paid in, the loans repaid, the count.
        const rows: Record<string, unknown>[] = [];
        const repaid: [Loan, number][] = [];
        let moneyIn = 0;
        for (const p of active()) {
          const loan = p.loan;
          const due = loan ? dueOn(loan, date, last) : 0;
          const attendance = due > 0 || p.newcomer || r() < p.attendance ? (r() < 0.04 && due === 0 && !p.newcomer ? 'represented' : 'present') : 'absent';
          if (attendance === 'absent') {
            p.missedLast = true;
            rows.push({ memberId: p.id, attendance });
            continue;
          }
          const row: Record<string, string | number> = { memberId: p.id, attendance };
          let saved: number;
          if (plan.shares) {
            const shares = Math.min(5, Math.max(1, p.level + (r() < 0.2 ? between(r, -1, 1) : 0)));
            row.shares = shares;
            saved = shares * plan.sharePrice;
          } else {
            saved = r() < 0.15 ? roundTo(p.level * pick(r, [0.5, 1.5, 2]), 100) : p.level;
            row.savings = String(saved);
          }
          p.saved += saved;
          moneyIn += saved + plan.socialFund;
          row.socialFund = String(plan.socialFund);
          if (p.newcomer) {
            row.entranceFee = String(plan.entranceFee);
            moneyIn += plan.entranceFee;
            p.newcomer = false;
          }
          if (p.missedLast && plan.fineAbsent > 0) {
            row.fineAbsent = String(plan.fineAbsent);
            moneyIn += plan.fineAbsent;
          }
          p.missedLast = false;
          if (plan.fineLate > 0 && r() < 0.03) {
            row.fineLate = String(plan.fineLate);
            moneyIn += plan.fineLate;
          }
          if (loan && due > 0) {
            row.loanRepayment = String(due);
            moneyIn += due;
            repaid.push([loan, due]);
          }
          rows.push(row);
        }
        const expected = boxOn(date) + moneyIn;
        const differs = cashDifferenceAt?.cycle === cycleNo && cashDifferenceAt.meeting === j;
        const shortBy = differs ? roundTo(between(r, 500, 5_000), 100) : 0;
        call('meeting-close', {
          date, rows,
          cashCount: { box: String(expected - shortBy), ...(differs ? { reason: pick(r, ['Counting mistake found after the meeting', 'Money missing from the box', 'A note given back as change twice']) } : {}) },
        });
        for (const [loan, amount] of repaid) {
          loan.paid += amount;
          if (loan.paid >= totalOf(loan)) loan.borrower.loan = null;
        }
        let box = expected - shortBy;

        // A loan written off: its member never paid, the group gives up on it (a second officer confirms).
        for (const p of active()) {
          const loan = p.loan;
          if (!loan?.writeOffOn || date < loan.writeOffOn) continue;
          call('loan-write-off', { loanId: loan.id, date, reason: pick(r, ['Member cannot be reached', 'Member has no means to repay after a long illness']), confirmation });
          p.loan = null;
          p.barred = true;
        }

        // A member leaves mid-cycle, settled from the box (savings, and by the rules their part of the profit).
        if (exitMeeting >= 0 && j >= exitMeeting && exitsLeft > 0 && date <= addDays(lastMeeting, -56)) {
          const leaving = active().filter((p) => !p.officer && !p.loan && p.keeps === 0 && p.saved * 1.5 + 5_000 <= box);
          if (leaving.length > 0) {
            const p = pick(r, leaving);
            call('member-exit', { memberId: p.id, exitedOn: date, reason: pick(r, EXIT_REASONS) });
            p.exited = true;
            exitsLeft--;
            box = boxOn(date);
          }
        }

        // Loans: several members borrow, within their savings and what the box holds.
        if (j >= 3 && !last && r() < plan.lending) {
          for (let n = 1 + (r() < 0.35 ? 1 : 0) + (r() < 0.1 ? 1 : 0); n > 0; n--) {
            const borrowers = active().filter((p) => !p.loan && !p.barred && !p.newcomer && p.saved >= 2_000);
            if (borrowers.length === 0) break;
            const p = pick(r, borrowers);
            const principal = Math.floor(Math.min(pick(r, PRINCIPALS), p.saved * 3, box - 2_000) / 1_000) * 1_000;
            let instalments = between(r, 1, 3);
            while (instalments > 0 && addMonths(date, instalments) > addDays(lastMeeting, -7)) instalments--;
            if (principal < 5_000 || instalments === 0) continue;
            const guarantors = plan.guarantorsAbove > 0 && principal > plan.guarantorsAbove ? [pick(r, active().filter((g) => g !== p)).id] : [];
            const applied = call('loan-apply', { memberId: p.id, principal: String(principal), instalments, date, purpose: pick(r, LOAN_PURPOSES), guarantorIds: guarantors });
            call('loan-approve', { loanId: applied.id, date });
            const paidOut = call<LoanRecordOut>('loan-disburse', { loanId: applied.id, date });
            box -= principal;
            const schedule = paidOut.schedule.map((i) => ({ dueOn: i.dueOn, payment: Number(i.payment) }));
            const lastDue = schedule.at(-1)!.dueOn;
            const writtenOff = writeOffLeft && j <= 20 && addDays(lastDue, 100) < addDays(lastMeeting, -21);
            if (writtenOff) writeOffLeft = false;
            p.loan = {
              id: applied.id, borrower: p, schedule, paid: 0,
              delay: !writtenOff && r() < plan.late ? between(r, 35, 70) : 0,
              writeOffOn: writtenOff ? earlier(addDays(lastDue, between(r, 100, 150)), addDays(lastMeeting, -21)) : null,
            };
          }
        }

        // The livestock's events of the days since the last meeting, recorded at this one.
        while (actions.length > 0 && actions[0]!.on <= date) actions.shift()!.run(date);

        // The cycle's last meeting: the share-out (confirmed by the chair), the cycle closes.
        if (last && complete) {
          call<ShareOutPosted>('share-out-post', { cycleId: cycle.id, date, cashCount: { box: String(boxOn(date)) }, paidFrom: 'cash_box', confirmation });
          for (const p of people) p.saved = 0;
        }
      }
      if (!complete) break;
      cycleStart = addDays(lastMeeting, plan.step * (plan.step === 7 && r() < 0.5 ? 2 : 1));
    }
    return call<{ file: string }>('exchange-export', { folder: out }).file;
  } finally {
    server.close();
  }
}

function newPerson(r: Random, plan: GroupPlan, id: string, gender: 'female' | 'male', officer: boolean): Person {
  const level = plan.shares ? pick(r, [1, 1, 2, 2, 3, 4, 5]) : pick(r, [200, 300, 500, 500, 1_000, 1_000, 1_500, 2_000]);
  return {
    id, gender, officer, level, attendance: Math.min(0.99, plan.attendance + (r() - 0.5) * 0.15), saved: 0,
    exited: false, newcomer: false, missedLast: false, barred: false, loan: null, keeps: 0,
  };
}

const totalOf = (loan: Loan): number => loan.schedule.reduce((sum, i) => sum + i.payment, 0);

/**
 * What the borrower pays at a meeting on `date`: every instalment fallen due `delay`
 * days before it, less what was paid. At the cycle's last meeting everything fallen due
 * is paid (arrears are cleared before the share-out). A loan to be written off is never paid.
 */
function dueOn(loan: Loan, date: string, clearArrears: boolean): number {
  if (loan.writeOffOn) return 0;
  const by = clearArrears ? date : addDays(date, -loan.delay);
  return Math.max(0, loan.schedule.filter((i) => i.dueOn <= by).reduce((sum, i) => sum + i.payment, 0) - loan.paid);
}

/** Raw SQLite taking the same files in: each attached, one INSERT … SELECT per table, one transaction per file. */
function rawImport(file: string, files: readonly string[]): number {
  openLedger(file).close();
  const db = new Database(file);
  applyDurability(db);
  db.pragma('foreign_keys = ON');
  let rows = 0;
  try {
    // The same order as the import (parents first): raw SQLite is given its best case.
    const scopes = insertionOrder(db);
    for (const source of files) {
      db.prepare('ATTACH DATABASE ? AS src').run(source);
      db.transaction(() => {
        db.pragma('defer_foreign_keys = ON');
        for (const s of scopes) rows += db.prepare(`INSERT INTO main.${quoteName(s.table)} SELECT * FROM src.${quoteName(s.table)}`).run().changes;
      }).immediate();
      db.prepare('DETACH DATABASE src').run();
    }
  } finally {
    db.close();
  }
  return rows;
}

export async function benchExchange(dir: string, options: ExchangeBenchOptions, progress: (line: string) => void): Promise<MeetingMetric[]> {
  const out = options.from ?? join(dir, 'exchange-files');
  mkdirSync(out, { recursive: true });
  const generated = clock();
  for (let i = 0; i < (options.from ? 0 : options.groups); i++) {
    generateGroup(dir, out, i, options.years);
    if ((i + 1) % 5 === 0 || i + 1 === options.groups) progress(`exchange: ${i + 1} of ${options.groups} groups’ ${options.years}-year ledgers generated and exported (${dec1(msBetween(generated, clock()) / 1e3)} s)`);
  }
  const files = readdirSync(out).filter((n) => n.endsWith('.ikimina')).map((n) => join(out, n));

  // The server: a coordinator's laptop, the app's own import of the folder.
  const coordinatorFile = join(dir, 'coordinator.sqlite');
  const server = createServer(coordinatorFile, { headsFile: null });
  applyDurability(server.ledger.sqlite);
  const actor = { channel: 'bench' as const, locale: 'en' as const, session: undefined as string | undefined };
  const setup = must(server.call('laptop-setup-coordinator', { administrator: { name: 'Bench Admin', pin: '6284' }, coordinator: { name: 'Bench Coordinator', pin: '7391' } }, actor), 'setup') as { token: string };
  actor.session = setup.token;
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = clock();
  const result = await importLedgers(server, actor, { folder: out });
  const serverMs = msBetween(started, clock());
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (!result.ok) throw new Error(`import refused: ${result.error.message}`);
  const report = result.value;
  if (report.counts.imported !== files.length) throw new Error(`only ${report.counts.imported} of ${files.length} files imported: ${JSON.stringify(report.counts)}`);
  const rows = report.lines.reduce((sum, l) => sum + l.rowsAdded, 0);
  server.close();

  const rawStarted = clock();
  const rawRows = rawImport(join(dir, 'raw-coordinator.sqlite'), files);
  const rawMs = msBetween(rawStarted, clock());
  if (rawRows !== rows) throw new Error(`raw SQLite inserted ${rawRows} rows, the import ${rows}: not the same work`);
  const serverRate = rows / (serverMs / 1000);
  const rawRate = rawRows / (rawMs / 1000);
  const peakMb = (peak - rssBefore) / 1048576;
  return [
    {
      metric: { name: 'exchange_import_rows_per_s', value: serverRate, unit: 'rows/s', baseline: rawRate, ratio: serverRate / rawRate },
      readable: `exchange import of ${int(files.length)} ${options.from ? '' : `${options.years}-year `}ledgers (${int(rows)} rows, every file checked: signature, manifest, chains, seal): `
        + `${int(serverRate)} rows/s (${dec1(serverMs / 1000)} s), raw SQLite bulk insert ${int(rawRate)} rows/s (${dec1(rawMs / 1000)} s), ratio ${ratio2(serverRate / rawRate)} (goal ≥ 0.5)`,
    },
    {
      metric: { name: 'exchange_import_peak_mb', value: peakMb, unit: 'MB', baseline: 0, ratio: 0 },
      readable: `exchange import peak memory: +${dec1(peakMb)} MB above the ${dec1(rssBefore / 1048576)} MB held before it (RSS sampled every 20 ms)`,
    },
  ];
}
