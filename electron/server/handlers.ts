// Every domain's handler map, joined once. Adding a domain means adding it here.

import { joinHandlerMaps } from './registry';
import { associationHandlers } from './associations/handlers';
import { memberHandlers } from './members/handlers';
import { savingsBroughtInHandlers } from './members/savings-brought-in';
import { accountHandlers } from './accounts/handlers';
import { journalHandlers } from './accounts/entries';
import { userHandlers } from './access/users';
import { auditHandlers } from './history/handlers';
import { backupHandlers } from './backups/handlers';
import { cycleHandlers } from './cycles/handlers';
import { meetingHandlers } from './meetings/handlers';
import { reportHandlers } from './reports/handlers';
import { loanHandlers } from './loans/handlers';
import { grantHandlers } from './grants/handlers';
import { livestockHandlers } from './livestock/handlers';
import { administratorHandlers } from './access/administrators';
import { ledgerFileHandlers } from './backups/ledger-file';
import { shareOutHandlers } from './shareouts/handlers';
import { shareOutPostHandlers } from './shareouts/post';
import { memberExitHandlers } from './shareouts/exit';
import { cycleOpeningHandlers } from './shareouts/opening';
import { statementHandlers } from './statements/handlers';
import { exchangeHandlers } from './exchange/handlers';
import { coordinatorHandlers } from './exchange/coordinators';
import { programmeHandlers } from './programme/handlers';
import { homeHandlers } from './home/todo';
import { fundHandlers } from './home/fund';
import { practiceHandlers } from './practice/handlers';

export const allHandlers = joinHandlerMaps(associationHandlers, userHandlers, memberHandlers, savingsBroughtInHandlers, accountHandlers, journalHandlers, auditHandlers, backupHandlers, cycleHandlers, meetingHandlers, reportHandlers, loanHandlers,
  grantHandlers, livestockHandlers, administratorHandlers, ledgerFileHandlers, shareOutHandlers, shareOutPostHandlers, memberExitHandlers, cycleOpeningHandlers, statementHandlers,
  exchangeHandlers, coordinatorHandlers, programmeHandlers, homeHandlers, fundHandlers, practiceHandlers);

export type AllHandlers = typeof allHandlers;
