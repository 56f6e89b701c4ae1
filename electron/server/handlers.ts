// Every domain's handler map, joined once. Adding a domain means adding it here.

import { joinHandlerMaps } from './registry';
import { associationHandlers } from './domains/association';
import { memberHandlers } from './domains/member';
import { accountHandlers } from './domains/account';
import { journalHandlers } from './domains/journal';
import { userHandlers } from './domains/user';
import { auditHandlers } from './domains/audit';
import { backupHandlers } from './domains/backup';
import { cycleHandlers } from './domains/cycle';
import { meetingHandlers } from './domains/meeting';
import { statementHandlers } from './domains/statement';
import { loanHandlers } from './domains/loan';
import { grantHandlers } from './domains/grant';
import { livestockHandlers } from './domains/livestock';
import { administratorHandlers } from './domains/administrator';
import { ledgerFileHandlers } from './domains/ledger-file';

export const allHandlers = joinHandlerMaps(associationHandlers, userHandlers, memberHandlers, accountHandlers, journalHandlers, auditHandlers, backupHandlers, cycleHandlers, meetingHandlers, statementHandlers, loanHandlers,
  grantHandlers, livestockHandlers, administratorHandlers, ledgerFileHandlers);

export type AllHandlers = typeof allHandlers;
