// The security baseline's webPreferences, spelled out independently of main/app/security (a change
// there must also change this, on purpose): the unit test checks the builder against it, the
// Electron suite checks the live window.
export function expectedWebPreferences<P>(preload: P): Record<string, unknown> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    disableBlinkFeatures: 'Auxclick',
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}
