// The writers' output, built from one small string per cue. A rope (`out += piece`) keeps every piece
// and every join alive until the end: past the young generation (about 10 MB of output) the
// scavenger copies all of them, and a 20 MB write cost twice as much per MB as a 5 MB one. Here the
// pieces are joined every 64K characters, so they die young; the chunks are joined once at the end.
const CHUNK_CHARS = 65_536;

export class ChunkedText {
  private parts: string[] = [];
  private size = 0;
  private readonly chunks: string[] = [];

  add(piece: string): void {
    this.parts.push(piece);
    this.size += piece.length;
    if (this.size >= CHUNK_CHARS) this.seal();
  }

  /** The text so far, as one flat string. */
  text(): string {
    this.seal();
    return this.chunks.length === 1 ? (this.chunks[0] ?? '') : this.chunks.join('');
  }

  private seal(): void {
    if (this.parts.length === 0) return;
    this.chunks.push(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}
