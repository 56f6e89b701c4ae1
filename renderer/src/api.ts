// The UI's only door to the books: the API object the preload (or the test
// harness) puts on window. Everything goes through the server's typed contract.

import type { HandlerName, IkiminaApi, InputOf, OutputOf, Result } from '../../electron/server/contract';
import type { UiLocale } from '../../electron/server/locale/numbers';

declare global {
  interface Window {
    readonly ikimina: IkiminaApi;
  }
}

export function call<N extends HandlerName>(name: N, input: InputOf<N>): Promise<Result<OutputOf<N>>> {
  return window.ikimina.call(name, input);
}

export const ledger = {
  info: () => window.ikimina.ledgerInfo(),
  openAnother: () => window.ikimina.openAnotherLedger(),
  chooseBackupFolder: () => window.ikimina.chooseBackupFolder(),
  chooseBackupFile: () => window.ikimina.chooseBackupFile(),
  chooseStatementFile: (format: 'pdf' | 'xlsx' | 'csv', suggestedName: string) => window.ikimina.chooseStatementFile(format, suggestedName),
  chooseStatementToCheck: () => window.ikimina.chooseStatementToCheck(),
  setLanguage: (language: UiLocale) => window.ikimina.setLanguage(language),
  setScreen: (screen: string) => window.ikimina.setScreen(screen),
};
