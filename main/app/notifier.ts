// OS notifications for long publish and batch jobs that end while the user is elsewhere: shown
// only when the window that started the job is not the focused one.
import { BrowserWindow, Notification } from 'electron';
import type { Notifier } from '../services/jobs/notify.ts';
import { sinkFor } from './ipc.ts';

export function electronNotifier(): Notifier {
  return {
    notifyIfUnfocused: (sinkId, n) => {
      const focused = BrowserWindow.getFocusedWindow();
      if (focused && sinkFor(focused.webContents).id === sinkId) return;
      if (!Notification.isSupported()) return;
      new Notification({ title: n.title, body: n.body }).show();
    },
  };
}
