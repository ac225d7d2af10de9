// What each command in the shared table (shared/commands.ts) does in the editor. The record is
// typed over every CommandId, so a command added to the table without a `run` is a type error;
// keys, the menu, the toolbar and the shortcut sheet all end up here.
import type { CommandId } from '../../../shared/commands.ts';
import type { Track } from '../../../shared/captions/model.ts';
import * as cmd from './commands.ts';
import type { Editor } from './editor.svelte.ts';

type Run = (e: Editor) => void;
type EditCommand = (t: Track, ctx: cmd.CommandContext, e: Editor) => cmd.CommandResult;

/** Runs an editing command on the active track (a message when there is none). */
function onTrack(f: EditCommand): Run {
  return (e) => {
    const t = e.track;
    if (!t) return e.toast('Open or create a subtitle track first.');
    e.runResult(f(t, e.commandContext(), e));
  };
}

const frames =
  (edge: 'start' | 'end' | 'both', steps: number): Run =>
  (e) =>
    onTrack((t, ctx) => cmd.nudge(t, ctx, edge, steps, 'frame'))(e);
const tenths =
  (edge: 'start' | 'end' | 'both', steps: number): Run =>
  (e) =>
    onTrack((t, ctx) => cmd.nudge(t, ctx, edge, steps, '100ms'))(e);

/** A text field has the focus: undo/redo there are the field's own (the platform's), not ours. */
function inTextField(): boolean {
  const el = document.activeElement;
  return (
    el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'range'].includes(el.type)) ||
    (el instanceof HTMLElement && el.isContentEditable)
  );
}

export const RUN: Record<CommandId, Run> = {
  playPause: (e) => e.playback.toggle(),
  playSelection: (e) => {
    const c = e.track ? cmd.targetCue(e.track, e.commandContext()) : null;
    if (c) e.playback.playRange(c.cue.start, c.cue.end);
  },
  loopSelection: (e) => {
    const c = e.track ? cmd.targetCue(e.track, e.commandContext()) : null;
    e.playback.toggleLoop(c ? { startMs: c.cue.start, endMs: c.cue.end } : null);
    e.status = e.playback.loopRange ? 'Looping the selected cue' : 'Loop off';
  },
  seekBack1s: (e) => e.playback.seekBy(-1000),
  seekForward1s: (e) => e.playback.seekBy(1000),
  seekBack500: (e) => e.playback.seekBy(-500),
  seekForward500: (e) => e.playback.seekBy(500),
  frameBack: (e) => e.playback.stepFrames(-1),
  frameForward: (e) => e.playback.stepFrames(1),
  slower: (e) => {
    e.playback.stepRate(-1);
    e.status = `Speed ${e.playback.playbackRate}×`;
  },
  faster: (e) => {
    e.playback.stepRate(1);
    e.status = `Speed ${e.playback.playbackRate}×`;
  },
  toggleMute: (e) => {
    e.playback.muted = !e.playback.muted;
    e.status = e.playback.muted ? 'Muted' : 'Sound on';
  },
  fullPreview: (e) => {
    e.fullPreview = !e.fullPreview;
  },
  prevCue: (e) => e.stepCue(-1),
  nextCue: (e) => e.stepCue(1),
  firstCue: (e) => e.stepCue(-Infinity),
  lastCue: (e) => e.stepCue(Infinity),
  pageUpCue: (e) => e.stepCue(-e.pageRows),
  pageDownCue: (e) => e.stepCue(e.pageRows),
  jumpToPlayhead: (e) => {
    const c = e.track ? cmd.cueAtTime(e.track, e.playback.currentTimeMs) : null;
    if (c) e.select([c.cue.id]);
    else e.toast('No cue at the playhead.');
  },
  nextFinding: (e) => e.stepFinding(1),
  prevFinding: (e) => e.stepFinding(-1),
  editText: (e) => {
    const c = e.track ? cmd.targetCue(e.track, e.commandContext()) : null;
    if (c) e.editingId = c.cue.id;
  },
  insertCue: (e) => {
    onTrack((t, ctx) => cmd.insertAtPlayhead(t, ctx))(e);
    // The caret goes into the new cue's text, so typing (a space included) types.
    const id = e.selection.ids[0];
    if (id && e.track?.cues.find((c) => c.id === id)?.text === '') e.editingId = id;
  },
  deleteCue: onTrack((t, ctx) => cmd.deleteSelected(t, ctx)),
  splitAtPlayhead: onTrack((t, ctx, e) => cmd.splitAtPlayhead(t, ctx, e.minGapMs())),
  mergeWithNext: onTrack((t, ctx) => cmd.mergeWithNext(t, ctx)),
  fixCommonErrors: (e) => {
    if (e.track) e.dialog = 'fixErrors';
    else e.toast('Open or create a subtitle track first.');
  },
  undo: (e) => {
    if (inTextField()) document.execCommand('undo');
    else e.undo();
  },
  redo: (e) => {
    if (inTextField()) document.execCommand('redo');
    else e.redo();
  },
  setStart: onTrack((t, ctx) => cmd.setEdgeAtPlayhead(t, ctx, 'start')),
  setEnd: onTrack((t, ctx) => cmd.setEdgeAtPlayhead(t, ctx, 'end')),
  nudgeStartBackFrame: frames('start', -1),
  nudgeStartForwardFrame: frames('start', 1),
  nudgeEndBackFrame: frames('end', -1),
  nudgeEndForwardFrame: frames('end', 1),
  nudgeBothBackFrame: frames('both', -1),
  nudgeBothForwardFrame: frames('both', 1),
  nudgeStartBack100: tenths('start', -1),
  nudgeStartForward100: tenths('start', 1),
  nudgeEndBack100: tenths('end', -1),
  nudgeEndForward100: tenths('end', 1),
  nudgeBothBack100: tenths('both', -1),
  nudgeBothForward100: tenths('both', 1),
  shiftTimes: (e) => {
    if (e.track) e.dialog = 'shift';
  },
  twoPointSync: (e) => {
    if (e.track) e.dialog = 'sync';
  },
  snapToShotChange: onTrack((t, ctx, e) =>
    cmd.snapToShotChanges(t, ctx, e.media.shotChangesMs, {
      startWithinFrames: e.settings.snap.shotStartWithinFrames,
      endBeforeFrames: e.settings.snap.shotEndBeforeFrames,
    }),
  ),
  convertFrameRate: (e) => {
    if (e.track) e.dialog = 'frameRate';
    else e.toast('Open or create a subtitle track first.');
  },
  autoFix: (e) => e.autoFix(e.selection.ids.length > 0),
  openVideo: (e) => void e.files.openVideoDialog(),
  openSubtitles: (e) => void e.files.openSubtitlesDialog(),
  save: (e) => void e.files.save(),
  saveAs: (e) => {
    // Format and encoding are chosen first (the track's own by default), then the place.
    if (e.doc.active) e.dialog = 'saveAs';
  },
  export: (e) => {
    if (e.doc.active) e.dialog = 'export';
    else e.toast('Open or create a subtitle track to export.');
  },
  accounts: (e) => {
    e.accountsOpen = true;
  },
  find: (e) => {
    e.findOpen = true;
    e.findReplace = false;
  },
  replace: (e) => {
    e.findOpen = true;
    e.findReplace = true;
  },
  zoomIn: (e) => e.timelineView?.zoomIn(),
  zoomOut: (e) => e.timelineView?.zoomOut(),
  zoomReset: (e) => e.timelineView?.fit(),
  themeSystem: (e) => void e.settings.setTheme('system'),
  themeLight: (e) => void e.settings.setTheme('light'),
  themeDark: (e) => void e.settings.setTheme('dark'),
  showShortcuts: (e) => {
    e.dialog = 'shortcuts';
  },
  about: (e) => {
    e.dialog = 'about';
  },
};
