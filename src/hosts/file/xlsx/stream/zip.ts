/**
 * A zip archive read from its central directory, without unpacking it: the entry list comes from the
 * directory at the end of the file, and an entry is inflated (Node's zlib) only when asked for, whole for
 * small parts or as a stream of text for a worksheet, so a 40 MB sheet never sits in memory as one string.
 * The one zip reader of the file host: the workbook reader reads parts through it, and the package patcher
 * copies the parts it leaves alone as their compressed bytes (`raw`), with their CRC, sizes and timestamps.
 *
 * Only what .xlsx packages use: stored (0) and deflated (8) entries, ZIP64 sizes and offsets. Encrypted or
 * otherwise compressed entries throw when read. `openZip` throws on anything that is not a readable archive.
 */
import { Readable } from "stream";
import { constants, createInflateRaw, inflateRawSync } from "zlib";

export interface ZipEntry {
  /** The entry's path, without a leading `/`. */
  name: string;
  /** The path as stored (a copy of the entry keeps it so). */
  storedName: string;
  method: number;
  compressedSize: number;
  size: number;
  /** CRC-32 of the inflated bytes, as the directory gives it. */
  crc: number;
  /** DOS time and date as stored in the central directory. */
  time: number;
  date: number;
  /** Offset of the entry's local header in the archive. */
  offset: number;
  /** General-purpose flags (bit 0: encrypted; bit 11: UTF-8 name). */
  flags: number;
}

export interface ZipArchive {
  /** Entries by path (directories left out). */
  entries: Map<string, ZipEntry>;
  /** The entry's bytes, or undefined when there is no such entry. */
  bytes(name: string): Uint8Array | undefined;
  /** The entry as UTF-8 text, or undefined when there is no such entry. */
  text(name: string): string | undefined;
  /**
   * The entry's bytes in pieces of about `pieceSize` (1 MB unless given), inflated as they are read;
   * undefined when there is no such entry.
   */
  chunks(name: string, pieceSize?: number): Iterable<Buffer> | AsyncIterable<Buffer> | undefined;
  /** The entry's compressed bytes as stored (a view into the archive), or undefined when there is no such entry. */
  raw(name: string): Buffer | undefined;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

function fail(what: string): never {
  throw new Error(`zip: ${what}`);
}

function findEndOfDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - MAX_COMMENT);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  return fail("no end of central directory");
}

/** Reads the ZIP64 extra field of a central record, for the fields that overflowed 32 bits. */
function zip64Extra(
  buf: Buffer,
  start: number,
  end: number,
  entry: ZipEntry,
  need: { size: boolean; compressed: boolean; offset: boolean },
): void {
  let p = start;
  while (p + 4 <= end) {
    const id = buf.readUInt16LE(p);
    const len = buf.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const big = () => {
        const v = Number(buf.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (need.size) entry.size = big();
      if (need.compressed) entry.compressedSize = big();
      if (need.offset) entry.offset = big();
      return;
    }
    p += 4 + len;
  }
}

export function openZip(bytes: Uint8Array): ZipArchive {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22) fail("too short");
  const eocd = findEndOfDirectory(buf);
  let count = buf.readUInt16LE(eocd + 10);
  let dirSize = buf.readUInt32LE(eocd + 12);
  let dirOffset = buf.readUInt32LE(eocd + 16);
  if (
    (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) &&
    eocd >= 20 &&
    buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR
  ) {
    const at = Number(buf.readBigUInt64LE(eocd - 20 + 8));
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== ZIP64_EOCD) fail("bad ZIP64 end of central directory");
    count = Number(buf.readBigUInt64LE(at + 32));
    dirSize = Number(buf.readBigUInt64LE(at + 40));
    dirOffset = Number(buf.readBigUInt64LE(at + 48));
  }
  if (dirOffset + dirSize > buf.length) fail("central directory out of range");

  const entries = new Map<string, ZipEntry>();
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) fail("bad central directory record");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const time = buf.readUInt16LE(p + 12);
    const date = buf.readUInt16LE(p + 14);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    // Names are UTF-8 when flag bit 11 says so, CP437 otherwise; package part names are ASCII either way.
    const raw = buf.subarray(p + 46, p + 46 + nameLength);
    const storedName = flags & 0x800 ? raw.toString("utf8") : raw.toString("latin1");
    const name = storedName.replace(/^\/+/, "");
    const entry: ZipEntry = { name, storedName, method, compressedSize, size, crc, time, date, offset, flags };
    const need = {
      size: size === 0xffffffff,
      compressed: compressedSize === 0xffffffff,
      offset: offset === 0xffffffff,
    };
    if (need.size || need.compressed || need.offset)
      zip64Extra(buf, p + 46 + nameLength, p + 46 + nameLength + extraLength, entry, need);
    if (!name.endsWith("/")) entries.set(name, entry);
    p += 46 + nameLength + extraLength + commentLength;
  }

  /** The entry's compressed bytes, found through its local header. */
  const rawData = (entry: ZipEntry): Buffer => {
    const at = entry.offset;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) fail(`bad local header for ${entry.name}`);
    if (entry.flags & 1) fail(`${entry.name} is encrypted`);
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > buf.length) fail(`${entry.name} runs past the end of the archive`);
    return buf.subarray(start, end);
  };

  const bytesOf = (name: string): Buffer | undefined => {
    const entry = entries.get(name);
    if (!entry) return undefined;
    const data = rawData(entry);
    if (entry.method === 0) return data;
    // One output buffer of the size the directory gives: zlib's default 16 KB pieces cost more in joining
    // them (a copy of the whole part) than the inflating. A wrong size only means more pieces.
    if (entry.method === 8) return inflateRawSync(data, { chunkSize: outputChunk(entry.size) });
    return fail(`${entry.name}: compression method ${entry.method}`);
  };

  return {
    entries,
    bytes: bytesOf,
    text: (name) => bytesOf(name)?.toString("utf8"),
    chunks: chunksOf,
    raw: (name) => {
      const entry = entries.get(name);
      return entry ? rawData(entry) : undefined;
    },
  };

  function chunksOf(name: string, pieceSize = CHUNK): Iterable<Buffer> | AsyncIterable<Buffer> | undefined {
    const entry = entries.get(name);
    if (!entry) return undefined;
    const data = rawData(entry);
    if (entry.method !== 0 && entry.method !== 8) fail(`${entry.name}: compression method ${entry.method}`);
    if (entry.method === 0) return [data];
    // A part that fits in one piece is inflated at once: a stream would add a round trip through zlib's
    // thread pool, which was a third of reading a small contract's sheet in `consolidar`.
    if (entry.size <= pieceSize) return [inflateRawSync(data, { chunkSize: outputChunk(entry.size) })];
    return Readable.from([data]).pipe(createInflateRaw({ chunkSize: pieceSize }));
  }
}

/** An output buffer size for inflating `size` bytes: the size itself, within zlib's bounds and 1 GiB. */
function outputChunk(size: number): number {
  return Math.min(Math.max(size + 1, constants.Z_MIN_CHUNK, 16 * 1024), 1 << 30);
}

/** How much is inflated at a time: large enough that the per-piece work is nothing, small beside a sheet. */
const CHUNK = 1 << 20;
