import { describe, expect, it } from 'vitest';
import type { Track } from '../../../shared/captions/model.ts';
import { DocumentCore } from '../../../renderer/src/state/document-core.ts';
import { englishTrack } from '../../support/tracks.ts';

const track = (): Track => englishTrack([1000, 3000, 'Hello there'], [4000, 6000, 'General Kenobi']);
const source = {
  fileId: null,
  fileName: 'a.srt',
  format: 'srt' as const,
  encoding: 'utf-8',
  encodingConfidence: 1,
};

describe('DocumentCore history', () => {
  it('coalesces a drag into one undo step and redoes it', () => {
    const doc = new DocumentCore();
    doc.addTrack(track(), source);
    for (const start of [1100, 1200, 1300])
      doc.apply({ kind: 'move', id: '1', start }, { label: 'Move', coalesceKey: 'drag-1', final: false });
    doc.apply({ kind: 'move', id: '1', start: 1500 }, { label: 'Move', coalesceKey: 'drag-1', final: true });
    expect(doc.active?.track.cues[0]).toMatchObject({ start: 1500, end: 3500 });
    expect(doc.history.size).toBe(1);
    expect(doc.undo()).toBe('Move');
    expect(doc.active?.track.cues[0]).toMatchObject({ start: 1000, end: 3000 });
    expect(doc.history.canUndo).toBe(false);
    doc.redo();
    expect(doc.active?.track.cues[0]).toMatchObject({ start: 1500, end: 3500 });
  });

  it('starts a new step after a final edit even with the same key, and after a different key', () => {
    const doc = new DocumentCore();
    doc.addTrack(track(), source);
    doc.apply({ kind: 'move', id: '1', start: 1100 }, { label: 'Move', coalesceKey: 'k', final: true });
    doc.apply({ kind: 'move', id: '1', start: 1200 }, { label: 'Move', coalesceKey: 'k', final: false });
    doc.apply(
      { kind: 'setText', id: '2', text: 'x' },
      { label: 'Edit text', coalesceKey: 't', final: false },
    );
    expect(doc.history.size).toBe(3);
  });

  it('typing in a cue coalesces until sealed', () => {
    const doc = new DocumentCore();
    doc.addTrack(track(), source);
    for (const text of ['H', 'Hi', 'Hi!'])
      doc.apply(
        { kind: 'setText', id: '1', text },
        { label: 'Edit text', coalesceKey: 'text:1', final: false },
      );
    doc.history.seal();
    doc.apply(
      { kind: 'setText', id: '1', text: 'Hi!!' },
      { label: 'Edit text', coalesceKey: 'text:1', final: false },
    );
    expect(doc.history.size).toBe(2);
    doc.undo();
    expect(doc.active?.track.cues[0]?.text).toBe('Hi!');
    doc.undo();
    expect(doc.active?.track.cues[0]?.text).toBe('Hello there');
  });

  it('a new edit clears redo; undo returns to the track that was edited', () => {
    const doc = new DocumentCore();
    const a = doc.addTrack(track(), source);
    doc.apply({ kind: 'delete', ids: ['2'] }, { label: 'Delete cue' });
    const b = doc.addTrack(track(), source);
    expect(doc.activeKey).toBe(b);
    doc.undo();
    expect(doc.activeKey).toBe(a);
    expect(doc.trackDoc(a)?.track.cues).toHaveLength(2);
    expect(doc.history.canRedo).toBe(true);
    doc.apply({ kind: 'setText', id: '1', text: 'new' }, { label: 'Edit text' });
    expect(doc.history.canRedo).toBe(false);
  });

  it('tracks dirty state per track and survives an autosave round trip', () => {
    const doc = new DocumentCore();
    const a = doc.addTrack(track(), source);
    expect(doc.dirty).toBe(false);
    doc.apply({ kind: 'split', id: '1', at: 2000, newId: '3' }, { label: 'Split' });
    expect(doc.dirty).toBe(true);
    const saved = JSON.parse(JSON.stringify(doc.toSaved())) as ReturnType<DocumentCore['toSaved']>;
    const back = new DocumentCore();
    back.restore(saved);
    expect(back.trackDoc(a)?.track.cues.map((c) => c.id)).toEqual(['1', '3', '2']);
    expect(back.dirty).toBe(true);
    back.markSaved(a, { fileId: 'abcdefgh1' });
    expect(back.dirty).toBe(false);
    expect(back.trackDoc(a)?.source.fileId).toBe('abcdefgh1');
  });

  it('rejects an invalid edit without recording it', () => {
    const doc = new DocumentCore();
    doc.addTrack(track(), source);
    expect(() => doc.apply({ kind: 'split', id: '1', at: 5000 }, { label: 'Split' })).toThrow(/split point/);
    expect(doc.history.canUndo).toBe(false);
    expect(doc.dirty).toBe(false);
  });
});

describe('DocumentCore saved state', () => {
  it('is clean again when undo goes back to the saved state, and dirty when redo leaves it', () => {
    const doc = new DocumentCore();
    const key = doc.addTrack(track(), source);
    doc.apply({ kind: 'move', id: '1', start: 1100 }, { label: 'Move' });
    doc.markSaved(key, {});
    expect(doc.dirty).toBe(false);
    doc.apply({ kind: 'move', id: '2', start: 4100 }, { label: 'Move' });
    expect(doc.dirty).toBe(true);
    doc.undo();
    expect(doc.dirty).toBe(false);
    doc.undo();
    expect(doc.dirty).toBe(true);
    doc.redo();
    expect(doc.dirty).toBe(false);
    doc.redo();
    expect(doc.dirty).toBe(true);
  });

  it('drops a typing gesture that ends where it started, leaving nothing to undo', () => {
    const doc = new DocumentCore();
    doc.addTrack(track(), source);
    for (const text of ['Hello there!', 'Hello there!!', 'Hello there'])
      doc.apply(
        { kind: 'setText', id: '1', text },
        { label: 'Edit text', coalesceKey: 'text:1', final: false },
      );
    expect(doc.history.canUndo).toBe(false);
    expect(doc.dirty).toBe(false);
  });
});
