// The typed contract between the UI and the server: handler name -> (input, output).
// Types only, so the renderer can import it without pulling in Node or SQLite.

import type { z } from 'zod';
import type { AllHandlers } from './handlers';
import type { Result } from './errors';

export type HandlerName = keyof AllHandlers & string;
export type InputOf<N extends HandlerName> = z.input<AllHandlers[N]['input']>;
export type OutputOf<N extends HandlerName> = ReturnType<AllHandlers[N]['run']>;

/** The one function the preload exposes to the UI (and the test harness provides). */
export type Send = <N extends HandlerName>(name: N, input: InputOf<N>) => Promise<Result<OutputOf<N>>>;

export type { Result, ErrorResult } from './errors';
export type { AssociationView } from './domains/association';
export type { MemberView } from './domains/member';
export type { AccountView } from './domains/account';
export type { EntryView } from './domains/journal';
export type { TrialBalance, TrialBalanceRow } from './journal/balances';
export type { ChainReport } from './journal/verify';
