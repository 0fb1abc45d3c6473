/**
 * An Open XML package being patched: the input's zip entries, of which a few are read as text, changed,
 * added or removed; every other entry goes out as it came in, compressed bytes and all (./zip).
 *
 * Parts are found as Excel finds them: the workbook through the root relationships, the sheets through the
 * workbook's relationships, never by guessing file names; new parts take numbers no part or content-type
 * override uses yet.
 */
import {
  attributesOf,
  escapeAttr,
  NS,
  relationshipsOf,
  relativeTarget,
  relsPathOf,
  resolveTarget,
  rootOf,
  scanTags,
  type Relationship,
} from "../chart";
import { openZip, type ZipArchive } from "../stream/zip";
import { newEntry, writeZipTo, ZipError, type WrittenEntry } from "./zip";

export const CONTENT_TYPES = "[Content_Types].xml";
export const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const REL_WORKSHEET = `${NS.rel}/worksheet`;

export class Package {
  private readonly zip: ZipArchive;
  /** The input's entries in their order, as they are copied when left alone. */
  private readonly entries: WrittenEntry[] = [];
  /** Each input entry's name in the archive reader (without a leading slash), by position. */
  private readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  private readonly added: string[] = [];
  private readonly deflated = new Map<string, WrittenEntry>();

  constructor(bytes: Uint8Array) {
    this.zip = openZip(bytes);
    for (const e of this.zip.entries.values()) {
      // Copied as they are, an encrypted entry would lose its flag: refused, as no workbook has one.
      if (e.flags & 1) throw new ZipError(`encrypted entries are not supported (${e.name})`);
      this.names.push(e.name);
      this.entries.push({
        name: e.storedName,
        method: e.method,
        crc: e.crc,
        compressedSize: e.compressedSize,
        size: e.size,
        time: e.time,
        date: e.date,
        flags: e.flags & 0x800,
        raw: this.zip.raw(e.name)!,
      });
    }
    // Part names are compared without regard to case (ECMA-376 Part 2, 9.1.1.1); a leading slash is tolerated.
    this.entries.forEach((e, i) => this.index.set(key(e.name), i));
  }

  has(part: string): boolean {
    const k = key(part);
    if (this.removed.has(k)) return false;
    return this.texts.has(k) || this.index.has(k);
  }

  /** A part's text (UTF-8), read once; undefined when there is no such part. */
  read(part: string): string | undefined {
    const k = key(part);
    if (this.removed.has(k)) return undefined;
    const cached = this.texts.get(k);
    if (cached !== undefined) return cached;
    const i = this.index.get(k);
    if (i === undefined) return undefined;
    const text = this.zip.text(this.names[i])!;
    this.texts.set(k, text);
    return text;
  }

  /**
   * A part's bytes in pieces of about `CHUNK`, inflated as they are read (zlib's thread pool): a large sheet
   * is never held inflated whole. Undefined when there is no such part.
   */
  chunks(part: string): AsyncIterable<Buffer> | Iterable<Buffer> | undefined {
    const k = key(part);
    if (this.removed.has(k)) return undefined;
    const text = this.texts.get(k);
    if (text !== undefined) return [Buffer.from(text, "utf8")];
    const i = this.index.get(k);
    if (i === undefined) return undefined;
    return this.zip.chunks(this.names[i], CHUNK);
  }

  /** Replaces an input part by content already deflated (a raw deflate stream in pieces, its CRC-32 and size). */
  writeDeflated(part: string, content: { pieces: Buffer[]; crc: number; size: number }): void {
    const k = key(part);
    const i = this.index.get(k);
    if (i === undefined) throw new Error(`patch: no part ${part} to replace`);
    this.texts.delete(k);
    this.changed.delete(k);
    this.deflated.set(k, {
      ...newEntry(this.entries[i].name, ""),
      method: 8,
      crc: content.crc,
      size: content.size,
      compressedSize: content.pieces.reduce((n, b) => n + b.length, 0),
      raw: Buffer.alloc(0),
      pieces: content.pieces,
    });
  }

  /** Sets a part's text. A part whose text is the same as read stays the input's bytes. */
  write(part: string, text: string): void {
    const k = key(part);
    this.deflated.delete(k);
    this.removed.delete(k);
    if (!this.index.has(k) && !this.added.includes(part)) this.added.push(part);
    if (this.index.has(k) && this.texts.get(k) === text && !this.changed.has(k)) return;
    this.texts.set(k, text);
    this.changed.add(k);
  }

  remove(part: string): void {
    const k = key(part);
    this.deflated.delete(k);
    this.removed.add(k);
    this.texts.delete(k);
    this.changed.delete(k);
  }

  /** Every part name now in the package. */
  parts(): string[] {
    const out = this.entries.map((e) => e.name).filter((n) => !this.removed.has(key(n)));
    for (const p of this.added) if (!this.removed.has(key(p))) out.push(p);
    return out;
  }

  /**
   * The patched package, handed to `write` piece by piece: input entries in their order (changed ones
   * re-encoded), then the new ones, then the central directory.
   */
  writeTo(write: (chunk: Uint8Array) => void): void {
    const out: WrittenEntry[] = [];
    for (const e of this.entries) {
      const k = key(e.name);
      if (this.removed.has(k)) continue;
      out.push(this.deflated.get(k) ?? (this.changed.has(k) ? newEntry(e.name, this.texts.get(k)!) : e));
    }
    for (const p of this.added) {
      const k = key(p);
      if (!this.removed.has(k)) out.push(newEntry(p.replace(/^\/+/, ""), this.texts.get(k)!));
    }
    writeZipTo(out, write);
  }

  // -------------------------------------------------------------------------------------------------------
  // Relationships and content types

  relationships(part: string): Relationship[] {
    return relationshipsOf(this.read(relsPathOf(part)));
  }

  /** The part a relationship of `part` points to (internal targets only). */
  target(part: string, rel: Relationship): string {
    return resolveTarget(part, rel.target);
  }

  /** Adds a relationship from `fromPart` (creating its rels part); returns the new id, `rIdN` one past the used ones. */
  addRelationship(fromPart: string, type: string, toPart: string, id?: string): string {
    const relsPath = relsPathOf(fromPart);
    const xml =
      this.read(relsPath) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
    const used = new Set(relationshipsOf(xml).map((r) => r.id));
    let relId = id;
    if (relId === undefined) {
      let n = 1;
      while (used.has(`rId${n}`)) n++;
      relId = `rId${n}`;
    }
    const { close } = rootOf(xml);
    const rel = `<Relationship Id="${escapeAttr(relId)}" Type="${escapeAttr(type)}" Target="${escapeAttr(relativeTarget(fromPart, toPart))}"/>`;
    this.write(relsPath, xml.slice(0, close.start) + rel + xml.slice(close.start));
    return relId;
  }

  /** Removes the relationships of `fromPart` whose id is in `ids`. */
  removeRelationships(fromPart: string, ids: Set<string>): void {
    const relsPath = relsPathOf(fromPart);
    const xml = this.read(relsPath);
    if (xml === undefined || ids.size === 0) return;
    const cuts: [number, number][] = [];
    for (const tag of scanTags(xml)) {
      if (tag.local !== "Relationship" || tag.kind === "close") continue;
      if (ids.has(attributesOf(xml.slice(tag.start, tag.end)).get("Id") ?? "")) cuts.push([tag.start, tag.end]);
    }
    this.write(relsPath, cut(xml, cuts));
  }

  /** Declares a part's content type (an Override), once. */
  addOverride(part: string, contentType: string): void {
    const xml = this.read(CONTENT_TYPES);
    if (xml === undefined) throw new Error("patch: the package has no [Content_Types].xml");
    const partName = `/${part.replace(/^\/+/, "")}`;
    for (const tag of scanTags(xml)) {
      if (
        tag.local === "Override" &&
        attributesOf(xml.slice(tag.start, tag.end)).get("PartName")?.toLowerCase() === partName.toLowerCase()
      )
        return;
    }
    const { close } = rootOf(xml);
    this.write(
      CONTENT_TYPES,
      xml.slice(0, close.start) +
        `<Override PartName="${escapeAttr(partName)}" ContentType="${contentType}"/>` +
        xml.slice(close.start),
    );
  }

  /** Removes the Overrides of the given parts. */
  removeOverrides(parts: string[]): void {
    const xml = this.read(CONTENT_TYPES);
    if (xml === undefined || parts.length === 0) return;
    const names = new Set(parts.map((p) => `/${p.replace(/^\/+/, "")}`.toLowerCase()));
    const cuts: [number, number][] = [];
    for (const tag of scanTags(xml)) {
      if (tag.local !== "Override" || tag.kind === "close") continue;
      if (names.has((attributesOf(xml.slice(tag.start, tag.end)).get("PartName") ?? "").toLowerCase()))
        cuts.push([tag.start, tag.end]);
    }
    this.write(CONTENT_TYPES, cut(xml, cuts));
  }

  /** The next free part name `dir/baseN.xml`: one past the highest N of any part or override. */
  nextPartName(dir: string, base: string): string {
    const re = new RegExp(`^/?${dir}/${base}(\\d+)\\.xml$`, "i");
    let max = 0;
    for (const p of this.parts()) {
      const m = re.exec(p);
      if (m) max = Math.max(max, Number(m[1]));
    }
    for (const m of (this.read(CONTENT_TYPES) ?? "").matchAll(/PartName="([^"]*)"/g)) {
      const hit = re.exec(m[1]);
      if (hit) max = Math.max(max, Number(hit[1]));
    }
    return `${dir}/${base}${max + 1}.xml`;
  }

  /** The workbook part (`xl/workbook.xml` in nearly every file), through the root relationships. */
  workbookPart(): string {
    const officeDoc = relationshipsOf(this.read("_rels/.rels")).find((r) => r.type.endsWith("/officeDocument"));
    return officeDoc ? resolveTarget("", officeDoc.target) : "xl/workbook.xml";
  }
}

/**
 * How much of a large part is inflated at a time. Small pieces die young: at 1 MB each piece outlived the
 * patching of its rows, was promoted, and waited for a full collection (at 100k rows 115 MB of external
 * memory after the write, 44 MB with 64 KB pieces; at 1M rows 439 MB).
 */
const CHUNK = 64 << 10;

function key(part: string): string {
  return part.replace(/^\/+/, "").toLowerCase();
}

/** `xml` without the given [start, end) spans (in order, not overlapping). */
export function cut(xml: string, spans: [number, number][]): string {
  if (spans.length === 0) return xml;
  let out = "";
  let at = 0;
  for (const [s, e] of spans) {
    out += xml.slice(at, s);
    at = e;
  }
  return out + xml.slice(at);
}
