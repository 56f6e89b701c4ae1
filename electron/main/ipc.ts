// IPC: each server handler on its own channel "ledger:<name>", registered once,
// plus the few app functions the preload exposes. The main process only relays;
// the server validates every input, and only the app's own page may call.

import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { LedgerFileInfo } from '../server/contract';
import type { Result } from '../server/errors';
import { isUiLocale, type UiLocale } from '../server/locale/numbers';
import { isAppUrl } from './security';
import type { ChosenPath } from './chosen-paths';

import { APP_CHANNELS, LEDGER_CHANNEL_PREFIX } from './channels';

export interface ShellRelay {
  call(name: string, input: unknown, context: { locale: UiLocale; screen: string | undefined }): Promise<Result<unknown>>;
  ledgerInfo(): LedgerFileInfo;
  openAnother(): Promise<LedgerFileInfo | null>;
  chooseBackupFolder(): Promise<ChosenPath | null>;
  chooseBackupFile(): Promise<ChosenPath | null>;
  chooseStatementFile(format: 'pdf' | 'xlsx' | 'csv', suggestedName: string): Promise<ChosenPath | null>;
  chooseStatementToCheck(): Promise<ChosenPath | null>;
}

/** A name the page suggests for a file, made plain: letters, digits, spaces, dots and dashes only, never a path or a hidden name. */
export function plainFileName(suggested: unknown): string {
  const name = typeof suggested === 'string'
    ? suggested.replace(/[^\p{L}\p{N} ._-]/gu, ' ').replace(/\s+/g, ' ').replace(/^[ .]+/, '').trim().slice(0, 80)
    : '';
  return name || 'statement';
}

export function registerIpc(ipcMain: IpcMain, handlerNames: readonly string[], relay: ShellRelay): void {
  let locale: UiLocale = 'rw';
  let screen: string | undefined;
  const trusted = (event: IpcMainInvokeEvent) => {
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) throw new Error('Refused: the caller is not Ikimina’s own page');
  };
  for (const name of handlerNames) {
    ipcMain.handle(`${LEDGER_CHANNEL_PREFIX}${name}`, (event, input: unknown) => {
      trusted(event);
      return relay.call(name, input, { locale, screen });
    });
  }
  ipcMain.handle(APP_CHANNELS.setLanguage, (event, language: unknown) => {
    trusted(event);
    if (typeof language === 'string' && isUiLocale(language)) locale = language;
  });
  ipcMain.handle(APP_CHANNELS.setScreen, (event, name: unknown) => {
    trusted(event);
    if (typeof name === 'string' && /^[a-z-]{1,40}$/.test(name)) screen = name;
  });
  ipcMain.handle(APP_CHANNELS.ledgerInfo, (event) => {
    trusted(event);
    return relay.ledgerInfo();
  });
  ipcMain.handle(APP_CHANNELS.openAnother, (event) => {
    trusted(event);
    return relay.openAnother();
  });
  ipcMain.handle(APP_CHANNELS.chooseBackupFolder, (event) => {
    trusted(event);
    return relay.chooseBackupFolder();
  });
  ipcMain.handle(APP_CHANNELS.chooseBackupFile, (event) => {
    trusted(event);
    return relay.chooseBackupFile();
  });
  ipcMain.handle(APP_CHANNELS.chooseStatementFile, (event, format: unknown, suggestedName: unknown) => {
    trusted(event);
    if (format !== 'pdf' && format !== 'xlsx' && format !== 'csv') return null;
    return relay.chooseStatementFile(format, plainFileName(suggestedName));
  });
  ipcMain.handle(APP_CHANNELS.chooseStatementToCheck, (event) => {
    trusted(event);
    return relay.chooseStatementToCheck();
  });
}
