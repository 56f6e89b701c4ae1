// The preload: exposes one object, window.ikimina, of named functions. The page
// never sees ipcRenderer; a call can only reach the "ledger:<name>" channels.

import { contextBridge, ipcRenderer } from 'electron';
import type { IkiminaApi } from '../server/contract';
import { APP_CHANNELS, LEDGER_CHANNEL_PREFIX } from '../main/channels';

const HANDLER_NAME = /^[a-z]+(-[a-z]+)+$/;

function unknownHandler(name: unknown) {
  const text = String(name).slice(0, 60);
  return {
    ok: false as const,
    error: { code: 'handler-unknown', messageKey: 'errors.handler-unknown', params: { name: text }, message: `Unknown command “${text}”.` },
  };
}

const api: IkiminaApi = {
  call: (async (name: string, input: unknown) => {
    if (typeof name !== 'string' || !HANDLER_NAME.test(name)) return unknownHandler(name);
    try {
      return await ipcRenderer.invoke(`${LEDGER_CHANNEL_PREFIX}${name}`, input);
    } catch {
      // No such channel: a handler this version does not have.
      return unknownHandler(name);
    }
  }) as IkiminaApi['call'],
  setLanguage: (language) => ipcRenderer.invoke(APP_CHANNELS.setLanguage, language),
  setScreen: (screen) => ipcRenderer.invoke(APP_CHANNELS.setScreen, screen),
  ledgerInfo: () => ipcRenderer.invoke(APP_CHANNELS.ledgerInfo),
  openAnotherLedger: () => ipcRenderer.invoke(APP_CHANNELS.openAnother),
  chooseBackupFolder: () => ipcRenderer.invoke(APP_CHANNELS.chooseBackupFolder),
  chooseBackupFile: () => ipcRenderer.invoke(APP_CHANNELS.chooseBackupFile),
  chooseStatementFile: (format, suggestedName) => ipcRenderer.invoke(APP_CHANNELS.chooseStatementFile, format, suggestedName),
  chooseStatementToCheck: () => ipcRenderer.invoke(APP_CHANNELS.chooseStatementToCheck),
};

contextBridge.exposeInMainWorld('ikimina', Object.freeze(api));
