/**
 * Small helpers for the streaming reader: a SAX pass over a whole (small) part, and the package's
 * relationships. Elements are matched by their local name, so a part written with a prefix (`<x:sheet>`)
 * reads like one written without.
 */
import path from "path";
import type { ZipArchive } from "./zip";

export interface SaxHandlers {
  open?: (local: string, attributes: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (local: string) => void;
}

/** `x:sheet` → `sheet`. */
export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * Parses a whole part (a small one: the workbook, styles, shared strings, relationships), as its bytes or as
 * text, with `handlers`, through the byte scanner the worksheets go through (below); throws on malformed XML.
 * Attributes come decoded, by their qualified names; texts decoded; a self-closing element is opened and
 * closed. A leading byte order mark is skipped by the scanner.
 */
export function parseXml(xml: string | Uint8Array, handlers: SaxHandlers): void {
  const { open, text, close } = handlers;
  const name = (buf: Buffer, start: number, end: number) => localName(buf.toString("utf8", start, end));
  const scanner = new ByteScanner({
    open(buf, ns, ne, from, to) {
      if (!open) return;
      const count = readAttributes(buf, from, to);
      const attributes: Record<string, string> = {};
      for (let i = 0; i < count; i++)
        attributes[buf.toString("utf8", attrs.nameStart[i], attrs.nameEnd[i])] = attrValue(buf, i);
      open(name(buf, ns, ne), attributes);
    },
    text(buf, start, end) {
      if (text) text(textOf(buf, start, end));
    },
    close(buf, ns, ne) {
      if (close) close(name(buf, ns, ne));
    },
  });
  scanner.write(
    typeof xml === "string" ? Buffer.from(xml, "utf8") : Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength),
  );
  scanner.end();
}

/** An attribute by local name (`r:id` and `ns3:id` are both `id`); `qualified` first when given. */
export function attributeByLocal(attributes: Record<string, string>, local: string): string | undefined {
  for (const key in attributes) if (key !== local && localName(key) === local) return attributes[key];
  return undefined;
}

export interface Relationship {
  id: string;
  type: string;
  /** The target as a part name, resolved against the part that points to it (external targets as written). */
  target: string;
  external: boolean;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
}

/** A relationship's target as a part name (no leading slash), resolved against the part that points to it. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return path.posix.normalize(target).replace(/^\/+/, "");
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromPart), target));
}

/** The relationships of `part` (none when it has no relationships part). */
export function relationshipsOf(zip: ZipArchive, part: string): Relationship[] {
  const xml = zip.bytes(relsPathOf(part));
  if (xml === undefined) return [];
  const out: Relationship[] = [];
  parseXml(xml, {
    open: (local, a) => {
      if (local !== "Relationship") return;
      const external = a.TargetMode === "External";
      const target = a.Target ?? "";
      out.push({
        id: a.Id ?? "",
        type: a.Type ?? "",
        target: external ? target : resolveTarget(part, target),
        external,
      });
    },
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// A byte-level scanner for large parts (worksheets)

/**
 * What a `ByteScanner` reports. Names and texts come as byte spans of `buf` (valid until the next report
 * that hands a different `buf`): nothing is decoded or copied unless the handler asks, so a worksheet of a
 * million cells makes no garbage per tag. `attrs` spans the tag's attributes (`from`, `to`), read with
 * `readAttributes`.
 */
export interface ByteHandlers {
  open(buf: Buffer, nameStart: number, nameEnd: number, from: number, to: number): void;
  /** Also called, right after `open`, for a self-closing tag. */
  close(buf: Buffer, nameStart: number, nameEnd: number): void;
  /** Character data between tags (never CDATA, comments or processing instructions), its entities not decoded. */
  text(buf: Buffer, start: number, end: number): void;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COMMENT_END = Buffer.from("-->");
const CDATA_START = Buffer.from("<![CDATA[");
const CDATA_END = Buffer.from("]]>");
const PI_END = Buffer.from("?>");

/** XML white space as a byte: space, tab, line feed, carriage return. */
export const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * An XML tokenizer over UTF-8 bytes written in pieces (`write`, then `end`). Markup is ASCII, so it is found
 * without decoding; a construct cut by a piece's end is carried over to the next piece. CDATA sections,
 * comments, processing instructions and the doctype are skipped (the SAX handlers it replaces listened to
 * none of them). It checks only what a reader of worksheets needs: every tag closed, no text left over.
 */
export class ByteScanner {
  private rest: Buffer | undefined;
  private depth = 0;
  private started = false;

  constructor(private readonly handlers: ByteHandlers) {}

  write(chunk: Buffer): void {
    let p = 0;
    if (!this.started) {
      if ((this.rest ? this.rest.length : 0) + chunk.length < 3) {
        this.rest = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
        return;
      }
      this.started = true;
      if (this.rest) {
        chunk = Buffer.concat([this.rest, chunk]);
        this.rest = undefined;
      }
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) p = 3; // the UTF-8 byte order mark
    }
    const rest = this.rest;
    if (rest) {
      // The construct cut at the last piece's end is finished in a small join of its start and this piece's
      // head; the piece itself is then read where it stands (joining whole pieces cost more than the reading).
      for (let take = 4096; ; take *= 16) {
        const head = take >= chunk.length ? chunk : chunk.subarray(0, take);
        const joined = Buffer.concat([rest, head]);
        const stop = this.scan(joined, 0);
        if (stop >= rest.length) {
          p = stop - rest.length;
          break;
        }
        if (head === chunk) {
          this.rest = Buffer.from(joined.subarray(stop));
          return;
        }
      }
    }
    const stop = this.scan(chunk, p);
    this.rest = stop < chunk.length ? Buffer.from(chunk.subarray(stop)) : undefined;
  }

  /** Reports the complete constructs of `buf` from `p`; returns where the first incomplete one starts. */
  private scan(buf: Buffer, p: number): number {
    const h = this.handlers;
    const n = buf.length;
    while (p < n) {
      if (buf[p] !== LT) {
        const lt = buf.indexOf(LT, p);
        if (lt < 0) break;
        if (this.depth > 0) h.text(buf, p, lt);
        p = lt;
        continue;
      }
      if (p + 1 >= n) break;
      const c1 = buf[p + 1];
      if (c1 === SLASH) {
        const gt = buf.indexOf(GT, p + 2);
        if (gt < 0) break;
        let e = p + 2;
        while (e < gt && !isSpace(buf[e])) e++;
        if (--this.depth < 0) throw new Error("xml: a closing tag without its opening tag");
        h.close(buf, p + 2, e);
        p = gt + 1;
        continue;
      }
      if (c1 === BANG) {
        let end: number;
        if (p + 4 > n) break;
        if (buf[p + 2] === 0x2d && buf[p + 3] === 0x2d) {
          end = buf.indexOf(COMMENT_END, p + 4);
          if (end >= 0) end += 3;
        } else if (p + 9 > n) break;
        else if (buf.compare(CDATA_START, 0, 9, p, p + 9) === 0) {
          end = buf.indexOf(CDATA_END, p + 9);
          if (end >= 0) end += 3;
        } else end = doctypeEnd(buf, p);
        if (end < 0) break;
        p = end;
        continue;
      }
      if (c1 === QUESTION) {
        const end = buf.indexOf(PI_END, p + 2);
        if (end < 0) break;
        p = end + 2;
        continue;
      }
      // An opening tag: its name, then its end (a `>` outside quotes).
      let e = p + 1;
      while (e < n && !isSpace(buf[e]) && buf[e] !== GT && buf[e] !== SLASH) e++;
      let q = e;
      let quote = 0;
      for (; q < n; q++) {
        const b = buf[q];
        if (quote !== 0) {
          if (b === quote) quote = 0;
        } else if (b === 0x22 || b === 0x27) quote = b;
        else if (b === GT) break;
      }
      if (q >= n) break;
      if (e === p + 1) throw new Error("xml: a tag without a name");
      const self = buf[q - 1] === SLASH;
      h.open(buf, p + 1, e, e, self ? q - 1 : q);
      if (self) h.close(buf, p + 1, e);
      else this.depth++;
      p = q + 1;
    }
    return p;
  }

  end(): void {
    const rest = this.rest;
    if (rest && rest.some((b) => !isSpace(b))) throw new Error("xml: the part ends inside a tag");
    if (this.depth !== 0) throw new Error("xml: unclosed tag");
  }
}

/** The end of a `<!DOCTYPE …>` at `p` (past its `>`, an internal subset `[…]` skipped), or −1 when cut. */
function doctypeEnd(buf: Buffer, p: number): number {
  let bracket = false;
  for (let i = p + 2; i < buf.length; i++) {
    const b = buf[i];
    if (b === 0x5b) bracket = true;
    else if (b === 0x5d) bracket = false;
    else if (b === GT && !bracket) return i + 1;
  }
  return -1;
}

/** Attribute spans of the tag last read by `readAttributes` (reused: no allocation per tag). */
export const attrs = {
  count: 0,
  nameStart: new Int32Array(64),
  nameEnd: new Int32Array(64),
  valueStart: new Int32Array(64),
  valueEnd: new Int32Array(64),
};

/** Reads the attributes in `buf[from, to)` into `attrs`; returns their number. Throws on a malformed list. */
export function readAttributes(buf: Buffer, from: number, to: number): number {
  let count = 0;
  let p = from;
  for (;;) {
    while (p < to && isSpace(buf[p])) p++;
    if (p >= to) break;
    const ns = p;
    while (p < to && buf[p] !== 0x3d && !isSpace(buf[p])) p++;
    const ne = p;
    while (p < to && isSpace(buf[p])) p++;
    if (buf[p] !== 0x3d) throw new Error("xml: an attribute without a value");
    p++;
    while (p < to && isSpace(buf[p])) p++;
    const quote = buf[p];
    if (quote !== 0x22 && quote !== 0x27) throw new Error("xml: an attribute value without quotes");
    const vs = p + 1;
    const ve = buf.indexOf(quote, vs);
    if (ve < 0 || ve >= to) throw new Error("xml: an attribute value not closed");
    if (count < attrs.nameStart.length) {
      attrs.nameStart[count] = ns;
      attrs.nameEnd[count] = ne;
      attrs.valueStart[count] = vs;
      attrs.valueEnd[count] = ve;
      count++;
    }
    p = ve + 1;
  }
  attrs.count = count;
  return count;
}

/** Whether `buf[start, end)` holds the ASCII bytes of `name`. */
export function bytesAre(buf: Buffer, start: number, end: number, name: Uint8Array): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (buf[start + i] !== name[i]) return false;
  return true;
}

/** Where the local part of the name `buf[start, end)` starts (past a prefix's colon). */
export function localStart(buf: Buffer, start: number, end: number): number {
  for (let i = start; i < end; i++) if (buf[i] === 0x3a) return i + 1;
  return start;
}

/** The index in `attrs` of the attribute named exactly `name`, or −1. */
export function attrIndex(buf: Buffer, name: Uint8Array): number {
  for (let i = 0; i < attrs.count; i++) if (bytesAre(buf, attrs.nameStart[i], attrs.nameEnd[i], name)) return i;
  return -1;
}

/**
 * The index of a relationship id attribute: `r:id`, else the first `prefix:id` (a file may bind the
 * relationships namespace to another prefix); a bare `id` is not one. −1 when there is none.
 */
export function relIdIndex(buf: Buffer): number {
  let other = -1;
  for (let i = 0; i < attrs.count; i++) {
    const ns = attrs.nameStart[i];
    const ne = attrs.nameEnd[i];
    const ls = localStart(buf, ns, ne);
    if (ls === ns || ne - ls !== 2 || buf[ls] !== 0x69 || buf[ls + 1] !== 0x64) continue;
    if (ls - ns === 2 && buf[ns] === 0x72) return i;
    if (other < 0) other = i;
  }
  return other;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };

/** XML character data as a parser reports it: line ends normalised, the predefined and numeric entities decoded. */
export function decodeXmlText(raw: string): string {
  const text = raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n");
  if (text.indexOf("&") < 0) return text;
  if (text.replace(ENTITY, "").indexOf("&") >= 0) throw new Error("xml: a bare &");
  return text.replace(ENTITY, (_, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff)) throw new Error(`xml: bad character reference &${e};`);
      return String.fromCodePoint(code);
    }
    const named = NAMED[e];
    if (named === undefined) throw new Error(`xml: undefined entity &${e};`);
    return named;
  });
}

/** The text of `buf[start, end)` decoded (UTF-8, entities). */
export function textOf(buf: Buffer, start: number, end: number): string {
  return decodeXmlText(buf.toString("utf8", start, end));
}

/** An attribute value as a parser reports it: whitespace normalised to spaces, entities decoded. */
export function attrValue(buf: Buffer, i: number): string {
  const raw = buf.toString("utf8", attrs.valueStart[i], attrs.valueEnd[i]);
  const spaced = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n?/g, "\n").replace(/[\t\n]/g, " ") : raw;
  return decodeXmlText(spaced);
}
