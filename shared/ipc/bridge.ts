// Builds the `window.cueline` object from plain data. The preload calls it with ipcRenderer, the
// Playwright harness with exposeBinding — the same code, so the harness has exactly the preload's
// shape. It must stay self-contained (no imports, no outer references): the harness serialises it
// into an init script with Function#toString.

export interface BridgeSpec {
  channels: string[];
  events: string[];
  /** Channels whose argument is File[]; the transport turns each File into its path. */
  fileChannels: string[];
}

export interface BridgeTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /** The file's path on disk for a dropped File ('' when it has none). */
  pathForFile(file: unknown): string;
}

export function buildCuelineApi(spec: BridgeSpec, transport: BridgeTransport): Record<string, unknown> {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of spec.channels) {
    const sep = channel.indexOf(':');
    const area = channel.slice(0, sep);
    const verb = channel.slice(sep + 1);
    const takesFiles = spec.fileChannels.includes(channel);
    const method = takesFiles
      ? (files: unknown): Promise<unknown> => {
          const list = Array.isArray(files) ? files : [];
          const paths = list.map((f) => transport.pathForFile(f)).filter((p) => p !== '');
          return transport.invoke(channel, { paths });
        }
      : (payload?: unknown): Promise<unknown> => transport.invoke(channel, payload);
    api[area] = api[area] ?? {};
    api[area][verb] = method;
  }
  const known = new Set(spec.events);
  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!known.has(event)) throw new Error(`cueline.on: unknown event "${event}"`);
    if (typeof listener !== 'function') throw new Error('cueline.on: listener must be a function');
    return transport.subscribe(event, listener);
  };
  const out: Record<string, unknown> = { on };
  for (const [area, methods] of Object.entries(api)) out[area] = Object.freeze(methods);
  return Object.freeze(out);
}
