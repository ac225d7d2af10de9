// Every IPC message is checked against its sender frame (Electron security checklist #17): only
// our app's top-level frame, loaded from our own origin, may call the router. An iframe or a page
// that navigated elsewhere is refused.

export interface SenderInfo {
  /** The sending frame's URL (event.senderFrame.url); null when the frame is gone. */
  url: string | null | undefined;
  /** Whether the sender is the window's top-level frame (senderFrame === webContents.mainFrame). */
  isMainFrame: boolean;
}

/** `scheme://host[:port]` — computed by hand: WHATWG URL gives custom schemes an opaque "null" origin. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : null;
  } catch {
    return null;
  }
}

export function isTrustedSender(sender: SenderInfo, allowedOrigins: readonly string[]): boolean {
  if (!sender.isMainFrame || !sender.url) return false;
  const origin = originOf(sender.url);
  return origin !== null && allowedOrigins.includes(origin);
}
