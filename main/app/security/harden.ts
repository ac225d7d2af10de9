// Applies the navigation, new-window, webview and permission rules to every web contents and
// session the app creates (checklist #5, #12–#14).
import { app, shell, type Session } from 'electron';
import { decideWindowOpen, mayNavigate } from './navigation.ts';

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    console.warn(`[security] denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export function hardenAllWebContents(appOrigins: readonly string[]): void {
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!mayNavigate(url, appOrigins)) {
        event.preventDefault();
        console.warn(`[security] blocked navigation to ${url}`);
      }
    });
    contents.on('will-redirect', (event, url) => {
      if (!mayNavigate(url, appOrigins)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url);
      if (decision.openExternal) void shell.openExternal(decision.openExternal);
      else console.warn(`[security] blocked window.open(${url})`);
      return { action: decision.action };
    });
  });
}
