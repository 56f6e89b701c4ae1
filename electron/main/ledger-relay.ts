// The main process's relay of one page call to the ledger: paths the page names by
// token become the paths chosen in a dialog, the session token stays here (the page
// never holds it), and the worker answers. No `electron` import: the preload-to-server
// test drives the same code under Node.

import type { LedgerHost } from '../server/worker/host';
import type { Result } from '../server/errors';
import type { UiLocale } from '../server/locale/numbers';
import { keepSession } from '../server/session-keeper';
import { NOT_CHOSEN, type ChosenPaths } from './chosen-paths';

export type RelayCall = (name: string, input: unknown, context: { locale: UiLocale; screen: string | undefined }) => Promise<Result<unknown>>;

/** A relay to whichever ledger host is open now (the person may open another file). */
export function ledgerRelay(currentHost: () => LedgerHost, chosen: ChosenPaths): RelayCall {
  let sessionToken: string | undefined;
  return async (name, input, { locale, screen }) => {
    const resolved = chosen.resolve(input);
    if (resolved === null) return NOT_CHOSEN;
    const kept = keepSession(name, await currentHost().call(name, resolved, { channel: 'ipc', locale, session: sessionToken, screen }), sessionToken);
    sessionToken = kept.session;
    return kept.result;
  };
}
