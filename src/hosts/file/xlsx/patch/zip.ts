/**
 * A small zip writer for the package patcher, over Node's zlib.
 *
 * Why not JSZip: the patcher copies every part it does not change as it is, compressed bytes included, so
 * an untouched part is never inflated nor deflated again (the sheets of a large workbook are most of the
 * time of a rewrite). JSZip re-encodes every entry it writes. The reader (../stream/zip) hands out each
 * entry's raw compressed bytes; this writer takes either those raw bytes (copied with their CRC, sizes,
 * method and timestamp) or new content, which it deflates once.
 *
 * New and changed entries get a fixed timestamp (1980-01-01 00:00, the first a zip can hold), so the same
 * input and plan give the same bytes (a second run on the first's output changes nothing).
 *
 * Limits: no ZIP64 (an .xlsx part over 4 GB, or over 65 535 parts; Excel itself cannot open those), no
 * encryption (an encrypted workbook is an OLE file, refused by the reader before this).
 */
import zlib from "zlib";

/** An entry of the archive being written: an input entry copied as it is, or new content (`newEntry`). */
export interface WrittenEntry {
  /** The part name as stored (no leading slash in a well-formed package). */
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** DOS time and date as stored in the central directory. */
  time: number;
  date: number;
  /** General purpose flags (bit 11: UTF-8 name). */
  flags: number;
  /** The entry's compressed bytes (an input entry's: a view into the input archive). */
  raw: Uint8Array;
  /** Compressed bytes made in pieces (a patched sheet): written in order in place of `raw` when present. */
  pieces?: Uint8Array[];
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

/** Thrown for an archive this writer cannot make (over 4 GB) or an input entry it cannot copy (encrypted). */
export class ZipError extends Error {}

/** 1980-01-01 00:00 in DOS date and time: the fixed timestamp of every entry this writer makes. */
const FIXED_DATE = (0 << 9) | (1 << 5) | 1;
const FIXED_TIME = 0;

/** A new entry from its content: deflated (level 6, zlib's default balance) unless empty. */
export function newEntry(name: string, content: string | Uint8Array): WrittenEntry {
  const data =
    typeof content === "string"
      ? Buffer.from(content, "utf8")
      : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const raw = data.length === 0 ? data : zlib.deflateRawSync(data, { level: 6 });
  const ascii = /^[\x20-\x7e]*$/.test(name);
  return {
    name,
    method: data.length === 0 ? 0 : 8,
    crc: zlib.crc32(data) >>> 0,
    compressedSize: raw.length,
    size: data.length,
    time: FIXED_TIME,
    date: FIXED_DATE,
    flags: ascii ? 0 : 0x800,
    raw,
  };
}

/** The archive holding `entries` in order: local headers and data, then the central directory. */
export function writeZip(entries: WrittenEntry[]): Buffer {
  const chunks: Uint8Array[] = [];
  writeZipTo(entries, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

/**
 * The archive holding `entries`, handed to `write` piece by piece in order (headers, each entry's data, then
 * the central directory), so a large package goes to its file without ever being one buffer.
 */
export function writeZipTo(entries: WrittenEntry[], write: (chunk: Uint8Array) => void): void {
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, e.flags & 0x800 ? "utf8" : "latin1");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(e.flags, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(e.time, 10);
    local.writeUInt16LE(e.date, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressedSize, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(SIG_CENTRAL, 0);
    cd.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(e.flags, 8);
    cd.writeUInt16LE(e.method, 10);
    cd.writeUInt16LE(e.time, 12);
    cd.writeUInt16LE(e.date, 14);
    cd.writeUInt32LE(e.crc, 16);
    cd.writeUInt32LE(e.compressedSize, 20);
    cd.writeUInt32LE(e.size, 24);
    cd.writeUInt16LE(name.length, 28);
    if (offset > 0xffffffff) throw new ZipError("archive over 4 GB");
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    write(local);
    write(name);
    for (const piece of e.pieces ?? [e.raw]) write(piece);
    offset += 30 + name.length + e.compressedSize;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  if (offset > 0xffffffff) throw new ZipError("archive over 4 GB");
  end.writeUInt32LE(offset, 16);
  for (const c of central) write(c);
  write(end);
}
