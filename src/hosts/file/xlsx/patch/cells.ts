/**
 * Cells as worksheet XML: a plan cell written as `<c>`, and the small text tools the sheet patcher and the
 * summary writer share.
 */
import { columnLetter } from "../../../../workbook/a1";
import type { PlanCell } from "../../../../workbook/plan/types";

/** XML 1.0 cannot hold these control characters at all, escaped or not. */
const INVALID_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;

export function xmlText(text: string): string {
  return text.replace(INVALID_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * One plan cell at (row, col) with cell format `s`: a number as `<v>`, text as an inline string (so the
 * shared-strings part is not touched; an empty text is the one shared string, see ./strings), `null` as a cell with only its format
 * (what clears an earlier run's value). The file host writes values, never the plan's `formula` (a file
 * opened in LibreOffice has no META functions).
 */
export function cellXml(
  prefix: string,
  row: number,
  col: number,
  cell: PlanCell,
  s: number,
  emptyText: () => number,
): string {
  return cellOpen(prefix, row, col) + cellXmlTail(prefix, cell, s, emptyText);
}

/** A cell's XML up to its reference: `<c r="K5"`. */
export function cellOpen(prefix: string, row: number, col: number): string {
  return `<${prefix}c r="${letterOf(col)}${row}"`;
}

/**
 * What follows a cell's reference in `cellXml` (its style, type and value, and the end tag): the same for
 * every row that writes the same plan cell in the same format, so a writer of many rows can keep it.
 */
export function cellXmlTail(prefix: string, cell: PlanCell, s: number, emptyText: () => number): string {
  const p = prefix;
  const style = s > 0 ? ` s="${s}"` : "";
  const v = cell.value;
  if (typeof v === "number" && Number.isFinite(v)) return `${style}><${p}v>${numberText(v)}</${p}v></${p}c>`;
  // An empty text is still a text: a shared one, as readers take an empty inline string for an empty cell.
  if (v === "") return `${style} t="s"><${p}v>${emptyText()}</${p}v></${p}c>`;
  if (typeof v === "string") {
    const space = /^\s|\s$/.test(v) ? ` xml:space="preserve"` : "";
    return `${style} t="inlineStr"><${p}is><${p}t${space}>${xmlText(v)}</${p}t></${p}is></${p}c>`;
  }
  return `${style}/>`;
}

const LETTERS: string[] = [];

/** `columnLetter`, remembered: every owned cell of every row asks for one of a few columns. */
function letterOf(col: number): string {
  return (LETTERS[col] ??= columnLetter(col));
}

/** A number as the file stores it: the shortest text that reads back as the same double. */
function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

/** The end of the tag that starts at `start` (just past its `>`), skipping `>` inside quoted attribute values. */
export function tagEnd(xml: string, start: number): number {
  let quote = "";
  for (let i = start + 1; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (quote) {
      if (ch === quote.charCodeAt(0)) quote = "";
    } else if (ch === 34 /* " */ || ch === 39 /* ' */) quote = xml[i];
    else if (ch === 62 /* > */) return i + 1;
  }
  return -1;
}

const ATTRIBUTE = new Map<string, RegExp>();

/** The value of attribute `name` in an opening tag's text, or undefined. */
export function attr(tag: string, name: string): string | undefined {
  // The common spelling first (` r="A1"`): this runs for every cell of every row the patcher rewrites.
  const quick = tag.indexOf(` ${name}="`);
  if (quick >= 0) return tag.slice(quick + name.length + 3, tag.indexOf('"', quick + name.length + 3));
  let re = ATTRIBUTE.get(name);
  if (!re) ATTRIBUTE.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

const SET_ATTRIBUTE = new Map<string, RegExp>();

/** A tag with attribute `name` set to `value` (replaced, or added before the tag's end). */
export function withAttr(tag: string, name: string, value: string): string {
  // The common spelling first (` spans="1:9"`): this runs for every row the patcher appends cells to.
  const quick = tag.indexOf(` ${name}="`);
  if (quick >= 0) {
    const from = quick + name.length + 3;
    const to = tag.indexOf('"', from);
    if (to >= 0) return tag.slice(0, from) + value + tag.slice(to);
  }
  let re = SET_ATTRIBUTE.get(name);
  if (!re) SET_ATTRIBUTE.set(name, (re = new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`)));
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

/** A tag without attribute `name`. */
export function withoutAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`), "");
}
