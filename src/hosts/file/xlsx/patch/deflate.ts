/**
 * A part deflated as its text is made, in pieces: the text is encoded (UTF-8) into one reused buffer, and each
 * time the buffer is full it is deflated on its own, ending on a sync flush, so the pieces join into one raw
 * deflate stream that the last piece closes. Neither the text nor its bytes are ever held whole, and no
 * buffer is made per piece of text.
 */
import zlib from "zlib";

/** A part deflated in pieces: its raw deflate stream (the pieces in order), its CRC-32 and inflated size. */
export interface DeflatedPart {
  pieces: Buffer[];
  crc: number;
  size: number;
}

/** How many bytes are deflated at a time: large enough that starting zlib again costs nothing. */
const PIECE = 2 << 20;

/** Text up to this length is copied by hand while it is ASCII (see `add`). */
const SHORT_TEXT = 256;

export class PieceDeflater {
  private readonly buffer = Buffer.allocUnsafe(PIECE);
  private readonly encoder = new TextEncoder();
  private used = 0;
  private readonly pieces: Buffer[] = [];
  private crc = 0;
  private size = 0;

  constructor(private readonly level: number) {}

  /** Appends text (encoded as UTF-8). */
  add(text: string): void {
    // Short text (a cell's reference, a row's end) is copied by hand while it is ASCII: for a few bytes,
    // encodeInto's call and the object it returns cost more than the copy. The rest goes to the encoder.
    if (text.length <= SHORT_TEXT && this.used + text.length <= this.buffer.length) {
      const buffer = this.buffer;
      let used = this.used;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x80) {
          this.used = used;
          this.encode(text.slice(i));
          return;
        }
        buffer[used++] = c;
      }
      this.used = used;
      return;
    }
    this.encode(text);
  }

  /** Appends text through the encoder, flushing as the buffer fills. */
  private encode(text: string): void {
    let rest = text;
    while (rest.length > 0) {
      const { read, written } = this.encoder.encodeInto(rest, this.buffer.subarray(this.used));
      this.used += written;
      if (read === rest.length) break;
      rest = rest.slice(read);
      this.flush(false);
    }
  }

  /** Appends data[start, end), bytes of the input copied as they are. */
  addBytes(data: Buffer, start: number, end: number): void {
    while (start < end) {
      // Flushed when more is to come, as `add` does: the last piece is the one `finish` closes.
      if (this.used === this.buffer.length) this.flush(false);
      const n = Math.min(end - start, this.buffer.length - this.used);
      data.copy(this.buffer, this.used, start, start + n);
      this.used += n;
      start += n;
    }
  }

  /** The whole stream, closed. */
  finish(): DeflatedPart {
    this.flush(true);
    return { pieces: this.pieces, crc: this.crc >>> 0, size: this.size };
  }

  private flush(last: boolean): void {
    const data = this.buffer.subarray(0, this.used);
    this.crc = zlib.crc32(data, this.crc);
    this.size += data.length;
    const piece = zlib.deflateRawSync(data, {
      level: this.level,
      finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
      // Level 1 gives about a sixth of the input: one output piece per call, not zlib's default 16 KB ones.
      chunkSize: PIECE >> 2,
    });
    // The piece is a view of zlib's whole output chunk (512 KB); kept as it is, a million-row sheet's pieces
    // would hold 110 MB for 64 MB of deflated data until the file is written. A copy holds its bytes alone.
    this.pieces.push(piece.length < piece.buffer.byteLength ? Buffer.from(piece) : piece);
    this.used = 0;
  }
}
