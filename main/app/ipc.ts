// Binds the transport-free router to ipcMain. Every message is checked against its sender frame
// first (only our top-level app:// frame may call), then the router parses the payload.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { fail } from '../../shared/ipc/result.ts';
import type { Router } from '../router/router.ts';
import type { EventSink } from '../router/types.ts';
import { isTrustedSender } from './security/sender.ts';

const sinks = new WeakMap<WebContents, EventSink>();

export function sinkFor(contents: WebContents): EventSink {
  let sink = sinks.get(contents);
  if (!sink) {
    const s: EventSink = {
      id: `wc-${contents.id}`,
      isClosed: () => contents.isDestroyed(),
      send: (event, payload) => contents.send(event, payload),
    };
    sinks.set(contents, s);
    sink = s;
  }
  return sink;
}

export function bindRouter(ipcMain: IpcMain, router: Router, allowedOrigins: readonly string[]): () => void {
  for (const channel of router.channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame;
      const sender = { url: frame?.url, isMainFrame: frame !== null && frame === event.sender.mainFrame };
      if (!isTrustedSender(sender, allowedOrigins)) {
        console.warn(
          `[ipc] refused ${channel} from ${sender.url ?? '(gone)'} (main frame: ${sender.isMainFrame})`,
        );
        return fail('ipc.forbidden_sender', 'This IPC call did not come from the Cueline window.');
      }
      return router.invoke(channel, payload, { sink: sinkFor(event.sender) });
    });
  }
  return () => {
    for (const channel of router.channels) ipcMain.removeHandler(channel);
  };
}
