// IPC channel names, shared by the main process and the preload.

export const LEDGER_CHANNEL_PREFIX = 'ledger:';
export const APP_CHANNELS = {
  setLanguage: 'app:set-language',
  setScreen: 'app:set-screen',
  ledgerInfo: 'app:ledger-info',
  openAnother: 'app:open-another-ledger',
  chooseBackupFolder: 'app:choose-backup-folder',
  chooseBackupFile: 'app:choose-backup-file',
  chooseStatementFile: 'app:choose-statement-file',
  chooseStatementToCheck: 'app:choose-statement-to-check',
} as const;
