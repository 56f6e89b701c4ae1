// The one application window, hardened: the page gets no Node, runs sandboxed and
// isolated from the preload, and can reach the books only through the preload API.

import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Ikimina',
    backgroundColor: '#f3f5f2',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

export function createMainWindow(preloadPath: string, startUrl: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => {
    window.maximize();
    window.show();
  });
  void window.loadURL(startUrl);
  return window;
}
