// How a spending reads in the user's language: an animal bought is named by its tag
// (the stored description is the journal's English memo); anything else by what the
// treasurer typed.

type T = (key: string, options?: Record<string, unknown>) => string;

export function spendingText(t: T, s: { kind: string; description: string; animalTag: string | null }): string {
  const kind = t(`spending.kind.${s.kind}`);
  return t('spending.line', { kind, what: s.kind === 'livestock_purchase' && s.animalTag ? s.animalTag : s.description });
}
