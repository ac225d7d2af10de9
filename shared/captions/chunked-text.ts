// The writers' output, built from the text of each batch of cues (see addBatches). A plain rope
// (`out += piece`) keeps every piece and every join alive until the end: past the young generation
// (about 10 MB of output) the scavenger copies all of them, and a 20 MB write cost twice as much per
// MB as a 5 MB one. Here the rope is flattened every 64K characters, so its pieces die young; the
// flat chunks are joined once at the end. (A rope per chunk, flattened, cost ~15% less than joining
// an array of pieces.)
const CHUNK_CHARS = 65_536;
/** Items per addBatches call: a batch's text stays well under a chunk. */
export const ITEMS_PER_BATCH = 256;

export class ChunkedText {
  private current = '';
  private readonly chunks: string[] = [];

  add(piece: string): void {
    this.current += piece;
    if (this.current.length >= CHUNK_CHARS) this.seal();
  }

  /**
   * Adds the text of items 0…count-1, `batch(from, to)` returning that of items from…to-1. The
   * writers' loops run here, a batch per call, each building its own text in a local string: V8
   * keeps the optimized code of a function called hundreds of times per file, where it compiled a
   * loop over every cue that called `add` anew on every write (the code it optimized while running
   * was dropped at the next full garbage collection). That compiling took ~8 ms of CPU, on V8's
   * compiler threads, per 100,000-cue SRT write: a third of the write.
   */
  addBatches(count: number, batch: (from: number, to: number) => string): void {
    for (let from = 0; from < count; from += ITEMS_PER_BATCH)
      this.add(batch(from, Math.min(count, from + ITEMS_PER_BATCH)));
  }

  /** The text so far, as one flat string. */
  text(): string {
    this.seal();
    return this.chunks.length === 1 ? (this.chunks[0] ?? '') : this.chunks.join('');
  }

  private seal(): void {
    if (this.current === '') return;
    // Converting a string to a number flattens it first (V8 keeps `+=` results as a tree of the pieces
    // until something reads the characters); the number itself (NaN) is not needed.
    Number(this.current);
    this.chunks.push(this.current);
    this.current = '';
  }
}
