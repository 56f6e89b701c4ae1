// What a row of the history was about, in the reader's words: "cow C-01 (keeper
// Uwase Claudine, no. 7)". A command's name alone ("Death recorded") does not say
// which animal died nor whose it was, and two members may share a name, so the
// member's number goes with it.
//
// Only what the books already show is read out: the animal's tag and kind and the
// member's name and number, looked up in this association's own register from the
// ids in the logged input (a purchase, which may have been refused, names its animal
// by the tag typed). Nothing else of the input is repeated, so a PIN, a password or
// a recovery code — blanked in the change log anyway — can never appear here.

import type { CallContext } from '../context';
import { SPECIES } from '../../../db/schema';
import { messageIn } from '../messages/render';
import type { UiLocale } from '../locale/numbers';
import { loadHerd, stateOf, type Animal, type Species } from '../livestock/herd';
import { namesFor, type Names } from '../livestock/views';

/** A row of the change log as far as its subject goes. */
export interface LoggedCommand {
  readonly command: string;
  readonly targetId: string | null;
  /** The input as logged (JSON parsed; secrets already blanked). */
  readonly input: unknown;
}

type AnimalNamed = { readonly tag: string; readonly species: Species; readonly heads: number };
type Role = 'keeper' | 'receiver' | 'member';

/** The subjects of a page of history: one lookup of names (and of the herd, if a row is about an animal). */
export function aboutRows(ctx: CallContext, associationId: string, locale: UiLocale, rows: readonly LoggedCommand[]): (string | null)[] {
  let names: Names | null = null;
  let herd: Map<string, Animal> | null = null;
  const lookups = {
    names: () => (names ??= namesFor(ctx, associationId)),
    herd: () => (herd ??= loadHerd(ctx, associationId)),
  };
  return rows.map((row) => aboutRow(locale, row, lookups));
}

function aboutRow(locale: UiLocale, row: LoggedCommand, look: { names: () => Names; herd: () => Map<string, Animal> }): string | null {
  const input = (row.input && typeof row.input === 'object' ? row.input : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof input[key] === 'string' ? (input[key] as string) : null);
  let animal: AnimalNamed | null = null;
  let memberId: string | null = null;
  let role: Role = 'member';

  if (row.command.startsWith('livestock-')) {
    if (row.command === 'livestock-buy') {
      const species = text('species');
      const tag = text('tag');
      if (tag && species && (SPECIES as readonly string[]).includes(species)) {
        animal = { tag: tag.slice(0, 40), species: species as Species, heads: typeof input.headCount === 'number' ? input.headCount : 1 };
      }
      memberId = text('keeperId');
      role = 'keeper';
    } else {
      const animalId = text('animalId') ?? text('motherId');
      const found = animalId ? look.herd().get(animalId) : undefined;
      if (found) {
        animal = { tag: found.tag, species: found.species, heads: found.headCount };
        if (text('toMemberId')) {
          memberId = text('toMemberId');
          role = 'receiver';
        } else {
          // Who kept it on the day of the event (for a death or a sale: its last keeper).
          memberId = stateOf(found, text('date') ?? undefined)?.keeperId ?? null;
          role = 'keeper';
        }
      } else {
        memberId = text('memberId');
      }
    }
  } else {
    memberId = text('memberId') ?? (row.command === 'member-add' ? row.targetId : null);
  }

  const names = look.names();
  const name = names.member(memberId);
  const no = names.memberNo(memberId);
  const member = name !== null && no !== null ? { name, no } : null;
  if (!animal) return member ? messageIn(locale, 'about.member', member) : null;
  const species = messageIn(locale, `memo.species.${animal.species}`, { count: animal.heads });
  const what = messageIn(locale, 'about.animal', { species, tag: animal.tag, count: animal.heads });
  if (!member) return what;
  return messageIn(locale, role === 'receiver' ? 'about.receiver' : 'about.keeper', { animal: what, ...member });
}
