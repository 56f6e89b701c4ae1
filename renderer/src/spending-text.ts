// How a spending reads in the user's language: an animal bought is named by its tag
// (its description, "Bought a cow K-01", would repeat the kind); anything else by its
// description — what the treasurer typed, or the server's words in the reader's language.

type T = (key: string, options?: Record<string, unknown>) => string;

export function spendingText(t: T, s: { kind: string; description: string; animalTag: string | null }): string {
  const kind = t(`spending.kind.${s.kind}`);
  return t('spending.line', { kind, what: s.kind === 'livestock_purchase' && s.animalTag ? s.animalTag : s.description });
}
