// A stand-in for the `electron` module (its binary cannot be downloaded here): it
// records what the shell asks of it, so the wiring can be checked under Node.

type Listener = (...args: any[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: Listener | null = null;
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler;
  }
}

export const created: { windows: FakeBrowserWindow[] } = { windows: [] };

export class FakeBrowserWindow extends FakeEmitter {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  constructor(readonly options: any) {
    super();
    created.windows.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  maximize() {}
  show() {}
}

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  registrations: [] as string[],
  handle(channel: string, listener: Listener) {
    this.registrations.push(channel);
    this.handlers.set(channel, listener);
  },
};

export const ipcRenderer = {
  invoked: [] as { channel: string; args: unknown[] }[],
  channels: new Set<string>(),
  async invoke(channel: string, ...args: unknown[]) {
    this.invoked.push({ channel, args });
    if (!this.channels.has(channel)) throw new Error(`No handler registered for '${channel}'`);
    return { ok: true, value: { channel, args } };
  },
};

export const contextBridge = {
  exposed: [] as { key: string; api: unknown }[],
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.push({ key, api });
  },
};

export function fakeSession() {
  const s = {
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    deviceCheck: null as Listener | null,
    beforeRequest: null as Listener | null,
    setPermissionRequestHandler(h: Listener) { s.permissionRequest = h; },
    setPermissionCheckHandler(h: Listener) { s.permissionCheck = h; },
    setDevicePermissionHandler(h: Listener) { s.deviceCheck = h; },
    webRequest: { onBeforeRequest(h: Listener) { s.beforeRequest = h; } },
  };
  return s;
}

export const electronStandIn = {
  BrowserWindow: FakeBrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  protocol: { registerSchemesAsPrivileged() {}, handle() {} },
  Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu() {} },
  app: { getPath: () => '/tmp', isPackaged: false },
};
