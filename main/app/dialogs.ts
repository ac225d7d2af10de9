// Native dialogs behind the router's Dialogs interface.
import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import type { Dialogs } from '../router/dialogs.ts';
import {
  MANIFEST_EXTENSIONS,
  SUBTITLE_EXTENSIONS,
  VIDEO_EXTENSIONS,
} from '../services/workspace/file-kinds.ts';

const ext = (list: string[]): string[] => list.map((e) => e.slice(1));

async function open(options: OpenDialogOptions): Promise<string[]> {
  const win = BrowserWindow.getFocusedWindow();
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return r.canceled ? [] : r.filePaths;
}

export const electronDialogs: Dialogs = {
  openVideo: async () =>
    (
      await open({
        title: 'Open Video',
        properties: ['openFile'],
        filters: [{ name: 'Video', extensions: ext(VIDEO_EXTENSIONS) }],
      })
    )[0] ?? null,
  openSubtitles: () =>
    open({
      title: 'Open Subtitles',
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: 'Subtitles', extensions: ext(SUBTITLE_EXTENSIONS) }],
    }),
  openFolder: async () =>
    (await open({ title: 'Open Folder for Batch', properties: ['openDirectory'] }))[0] ?? null,
  openManifest: async () =>
    (
      await open({
        title: 'Open Batch Manifest',
        properties: ['openFile'],
        filters: [{ name: 'Batch manifest (CSV or JSON)', extensions: ext(MANIFEST_EXTENSIONS) }],
      })
    )[0] ?? null,
  saveSubtitles: async (suggestedName) => {
    const win = BrowserWindow.getFocusedWindow();
    const options = {
      title: 'Save Subtitles',
      defaultPath: suggestedName,
      filters: [
        { name: 'SubRip', extensions: ['srt'] },
        { name: 'WebVTT', extensions: ['vtt'] },
      ],
    };
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  },
};
