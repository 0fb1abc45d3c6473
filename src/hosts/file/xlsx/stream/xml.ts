/**
 * Small helpers for the streaming reader: a SAX pass over a whole (small) part, and the package's
 * relationships. Elements are matched by their local name, so a part written with a prefix (`<x:sheet>`)
 * reads like one written without.
 */
import path from "path";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { ZipArchive } from "./zip";

export interface SaxHandlers {
  open?: (local: string, attributes: Record<string, string>, tag: SaxesTagPlain) => void;
  text?: (text: string) => void;
  close?: (local: string) => void;
}

/** `x:sheet` → `sheet`. */
export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** A SAX parser (no namespace processing, no position tracking: both cost time) calling `handlers`. */
export function saxParser(handlers: SaxHandlers): SaxesParser<{ xmlns: false; position: false }> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  const { open, text, close } = handlers;
  if (open) parser.on("opentag", (tag) => open(localName(tag.name), tag.attributes, tag));
  if (text) parser.on("text", text);
  if (close) parser.on("closetag", (tag) => close(localName(tag.name)));
  parser.on("error", (e) => {
    throw e;
  });
  return parser;
}

/** Parses a whole text (a small part) with `handlers`; throws on malformed XML. */
export function parseXml(xml: string, handlers: SaxHandlers): void {
  saxParser(handlers)
    .write(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml)
    .close();
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
  const xml = zip.text(relsPathOf(part));
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
