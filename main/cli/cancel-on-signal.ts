// Ctrl-C (and, for long jobs, SIGTERM) cancels the command's work through an AbortSignal, down to
// the HTTP request or the ffmpeg process in flight, so it ends cleanly (temp files removed,
// journals saved) instead of dying mid-write.
export interface SignalCancel {
  signal: AbortSignal;
  dispose(): void;
}

export function cancelOnSignal(signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): SignalCancel {
  const ac = new AbortController();
  const onSig = (): void => ac.abort();
  for (const s of signals) process.once(s, onSig);
  return {
    signal: ac.signal,
    dispose: () => {
      for (const s of signals) process.off(s, onSig);
    },
  };
}
