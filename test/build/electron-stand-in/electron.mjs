// A stand-in for the `electron` module, for loading the built main bundle under plain Node
// (Electron's binary can't be downloaded in CI here). It opens no window: every call is recorded
// as a line of JSON in $CUELINE_STAND_IN_LOG, in order, with `ready` marking app 'ready'. The
// process exits once the window has loaded and, when $CUELINE_STAND_IN_EXIT_ON names an event
// sent to the window (e.g. files:opened), once that event was sent; `recent:<label>` waits for
// the application menu's Open Recent to list <label>. $CUELINE_STAND_IN_INVOKE ({"channel", "payload"}
// as JSON) has the loaded window call that channel, as its renderer would; the reply is recorded as
// `ipc.reply` and the process waits for it.
import { appendFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';

const logFile = process.env.CUELINE_STAND_IN_LOG;
// macOS: the user closes the window (the app keeps running), then opens this file from Finder.
const reopenWith = process.env.CUELINE_STAND_IN_CLOSE_THEN_OPEN_FILE;
const exitOn = process.env.CUELINE_STAND_IN_EXIT_ON;
const invoke = process.env.CUELINE_STAND_IN_INVOKE ? JSON.parse(process.env.CUELINE_STAND_IN_INVOKE) : null;
let invokeHandler = null;
const plain = (v) => {
  try {
    return JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'function' ? '[function]' : x)));
  } catch {
    return String(v);
  }
};
export function record(call, ...args) {
  if (logFile) appendFileSync(logFile, `${JSON.stringify({ call, args: args.map(plain) })}\n`);
}
const finish = (code) => {
  record('exit', code);
  process.exit(code);
};

let ready = false;
let loaded = false;
let exitEventSeen = !exitOn;
let replied = !invoke;
const maybeFinish = () => {
  if (loaded && exitEventSeen && replied) setImmediate(() => finish(0));
};
/** The window's renderer calls $CUELINE_STAND_IN_INVOKE's channel from its main frame. */
const invokeFrom = async (win) => {
  const frame = { url: 'app://cueline/index.html' };
  win.webContents.mainFrame = frame;
  const reply = await invokeHandler({ sender: win.webContents, senderFrame: frame }, invoke.payload);
  record('ipc.reply', invoke.channel, reply);
  replied = true;
  maybeFinish();
};

class AppStandIn extends EventEmitter {
  isPackaged = false;
  commandLine = { appendSwitch: (...a) => record('app.commandLine.appendSwitch', ...a) };
  #paths = new Map();
  #readyPromise = null;
  setPath(name, path) {
    record('app.setPath', name, path);
    this.#paths.set(name, path);
  }
  getPath(name) {
    return this.#paths.get(name) ?? `/tmp/stand-in-${name}`;
  }
  getName() {
    return 'Cueline';
  }
  getVersion() {
    return '0.0.0-stand-in';
  }
  getLocale() {
    return 'en-US';
  }
  isReady() {
    return ready;
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return true;
  }
  setAppUserModelId(id) {
    record('app.setAppUserModelId', id);
  }
  setAboutPanelOptions(o) {
    record('app.setAboutPanelOptions', o);
  }
  addRecentDocument(p) {
    record('app.addRecentDocument', p);
  }
  quit() {
    record('app.quit');
  }
  exit(code) {
    finish(code ?? 0);
  }
  whenReady() {
    this.#readyPromise ??= new Promise((resolve) =>
      setImmediate(() => {
        ready = true;
        record('ready');
        this.emit('ready');
        resolve();
      }),
    );
    return this.#readyPromise;
  }
}
export const app = new AppStandIn();
// Electron fires 'ready' by itself; the bundle may only listen through whenReady().
app.whenReady();

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged must be called before ready');
    record(
      'protocol.registerSchemesAsPrivileged',
      schemes.map((s) => s.scheme),
    );
  },
  handle: (scheme) => record('protocol.handle', scheme),
};

function sessionStandIn() {
  return {
    protocol: {
      handle: (scheme) => {
        if (!ready) throw new Error('protocol.handle before ready');
        record('protocol.handle', scheme);
      },
    },
    setPermissionRequestHandler: () => record('session.setPermissionRequestHandler'),
    setPermissionCheckHandler: () => record('session.setPermissionCheckHandler'),
    setDevicePermissionHandler: () => record('session.setDevicePermissionHandler'),
    availableSpellCheckerLanguages: ['de', 'en-GB', 'en-US', 'es', 'es-ES', 'fr', 'pt-BR', 'pt-PT'],
    setSpellCheckerLanguages: (l) => record('session.setSpellCheckerLanguages', l),
    setSpellCheckerEnabled: (on) => record('session.setSpellCheckerEnabled', on),
    addWordToSpellCheckerDictionary: (w) => record('session.addWordToSpellCheckerDictionary', w),
    on: () => {},
    webRequest: { onHeadersReceived: () => record('session.webRequest.onHeadersReceived') },
  };
}
export const session = {
  get defaultSession() {
    if (!ready) throw new Error('session.defaultSession before ready');
    return (this._s ??= sessionStandIn());
  },
};

export const ipcMain = {
  handle: (channel, handler) => {
    record('ipcMain.handle', channel);
    if (channel === invoke?.channel) invokeHandler = handler;
  },
  removeHandler: (channel) => record('ipcMain.removeHandler', channel),
  on: (channel) => record('ipcMain.on', channel),
};

export const Menu = {
  buildFromTemplate: (template) => ({ template, popup: () => record('Menu.popup') }),
  setApplicationMenu: (menu) => {
    if (!ready) throw new Error('Menu.setApplicationMenu before ready');
    // Top-level labels, and each submenu's labels by its parent's ("File/Open Recent": […]).
    const submenus = {};
    const walk = (items, path) => {
      for (const m of items ?? []) {
        const name = (m.label ?? m.role ?? '').replace(/&/g, '');
        if (Array.isArray(m.submenu)) {
          submenus[[...path, name].join('/')] = m.submenu.map((s) =>
            (s.label ?? s.role ?? s.type ?? '').replace(/&/g, ''),
          );
          walk(m.submenu, [...path, name]);
        }
      }
    };
    walk(menu?.template, []);
    record('Menu.setApplicationMenu', submenus);
    if (
      exitOn?.startsWith('recent:') &&
      submenus['File/Open Recent']?.includes(exitOn.slice('recent:'.length))
    ) {
      exitEventSeen = true;
      maybeFinish();
    }
  },
};

let nextId = 1;
const windows = [];
export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    if (!ready) throw new Error('new BrowserWindow before ready');
    record('new BrowserWindow', { show: options.show, webPreferences: options.webPreferences });
    this.id = nextId++;
    this.destroyed = false;
    this.visible = false;
    const contents = new EventEmitter();
    Object.assign(contents, {
      id: this.id,
      session: session.defaultSession,
      isDestroyed: () => this.destroyed,
      send: (event, payload) => {
        record('webContents.send', event, payload);
        if (event === exitOn) {
          exitEventSeen = true;
          maybeFinish();
        }
      },
      setWindowOpenHandler: () => record('webContents.setWindowOpenHandler'),
      replaceMisspelling: (w) => record('webContents.replaceMisspelling', w),
    });
    contents.mainFrame = {};
    this.webContents = contents;
    windows.push(this);
    app.emit('web-contents-created', {}, contents);
  }
  static getAllWindows() {
    return windows.filter((w) => !w.destroyed);
  }
  static getFocusedWindow() {
    return null;
  }
  async loadURL(url) {
    record('BrowserWindow.loadURL', url);
    setImmediate(() => {
      loaded = true;
      this.emit('ready-to-show');
      if (reopenWith && windows.length === 1) {
        record('BrowserWindow.close');
        this.destroyed = true;
        this.emit('closed');
        app.emit('open-file', { preventDefault: () => record('open-file.preventDefault') }, reopenWith);
        return;
      }
      if (invokeHandler) void invokeFrom(this);
      maybeFinish();
    });
  }
  show() {
    if (!loaded) record('BrowserWindow.show before ready-to-show');
    this.visible = true;
    record('BrowserWindow.show');
  }
  maximize() {
    if (!loaded) record('BrowserWindow.maximize before ready-to-show');
    this.visible = true;
    record('BrowserWindow.maximize');
  }
  isMaximized() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  isDestroyed() {
    return this.destroyed;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 800 };
  }
}

export const shell = { openExternal: async (url) => record('shell.openExternal', url) };
export const dialog = {
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true }),
  showMessageBox: async () => ({ response: 0 }),
  showMessageBoxSync: () => 0,
};
export const nativeTheme = Object.assign(new EventEmitter(), {
  shouldUseDarkColors: false,
  themeSource: 'system',
});
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export class Notification {
  static isSupported() {
    return false;
  }
  show() {}
}
export const contextBridge = { exposeInMainWorld: (k) => record('contextBridge.exposeInMainWorld', k) };
export const ipcRenderer = { invoke: async () => undefined, on: () => {}, removeListener: () => {} };
export const webUtils = { getPathForFile: () => '' };

export default {
  app,
  protocol,
  session,
  ipcMain,
  Menu,
  BrowserWindow,
  shell,
  dialog,
  nativeTheme,
  screen,
  Notification,
  contextBridge,
  ipcRenderer,
  webUtils,
};
