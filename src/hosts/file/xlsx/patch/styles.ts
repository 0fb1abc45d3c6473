/**
 * The workbook's `styles.xml`, with the few styles a plan needs appended: fonts, fills, borders, number
 * formats, cell formats (`cellXfs`, what a cell's `s` points to) and differential formats (`dxfs`, what a
 * conditional format's `dxfId` points to). Nothing already there is changed or renumbered, so every cell
 * of the user's keeps its look.
 *
 * Each style is written the same way every time, and one found in the file as this module writes it is
 * used again rather than appended: a second run on an evaluated copy appends nothing, and the part comes
 * out byte-identical.
 *
 * What a plan cell looks like follows the ExcelJS writer this replaces: a font always named and sized
 * (the face of the user's table beside it, else Calibri 11), a solid fill, thin borders on every side,
 * alignment; rule styles fill both colours of the pattern (programs read one or the other).
 */
import { attributesOf, escapeAttr, scanTags, type Tag } from "../chart";
import type { CellStyle, PlanCell } from "../../../../workbook/plan/types";

/** A font face: what an owned cell takes from the user's cell to its left. */
export interface FontFace {
  name?: string;
  size?: number;
  family?: number;
}

export const DEFAULT_FACE: Required<FontFace> = { name: "Calibri", size: 11, family: 2 };

/** Number formats every spreadsheet program knows by id (ECMA-376 Part 1, 18.8.30), the ones a plan may use. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

const SECTION_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

interface Section {
  /** The section's opening tag (or its empty tag). */
  open: Tag;
  /** Where its children end: the closing tag's start (the empty tag's start for `<dxfs count="0"/>`). */
  close?: Tag;
  items: string[];
  /** Items appended by this run. */
  added: string[];
}

const STYLES_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A minimal stylesheet, for the rare package without one. */
const EMPTY_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${STYLES_NS}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export class StyleBook {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly sections = new Map<string, Section>();
  private readonly rootClose: number;
  private readonly numFmtCodes = new Map<string, number>();
  private nextNumFmtId = 164;

  constructor(xml: string | undefined) {
    this.xml = xml ?? EMPTY_STYLES;
    const tags = scanTags(this.xml);
    const root = tags.find((t) => t.depth === 0 && t.kind !== "close");
    if (!root) throw new Error("patch: styles.xml has no root element");
    this.prefix = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "";
    const rootEnd = [...tags].reverse().find((t) => t.depth === 0 && t.kind === "close");
    this.rootClose = rootEnd ? rootEnd.start : this.xml.length;
    let current: Section | undefined;
    let itemStart = -1;
    for (const tag of tags) {
      if (tag.depth === 1 && tag.kind !== "close" && SECTION_ORDER.includes(tag.local)) {
        current = { open: tag, items: [], added: [] };
        this.sections.set(tag.local, current);
        if (tag.kind === "empty") current = undefined;
        continue;
      }
      if (!current) continue;
      if (tag.depth === 1 && tag.kind === "close") {
        current.close = tag;
        current = undefined;
      } else if (tag.depth === 2 && tag.kind === "open") itemStart = tag.start;
      else if (tag.depth === 2 && tag.kind === "empty") current.items.push(this.xml.slice(tag.start, tag.end));
      else if (tag.depth === 2 && tag.kind === "close") current.items.push(this.xml.slice(itemStart, tag.end));
    }
    for (const item of this.sections.get("numFmts")?.items ?? []) {
      const attrs = attributesOf(item);
      const id = Number(attrs.get("numFmtId"));
      const code = attrs.get("formatCode");
      if (!Number.isFinite(id)) continue;
      if (code !== undefined && !this.numFmtCodes.has(code)) this.numFmtCodes.set(code, id);
      this.nextNumFmtId = Math.max(this.nextNumFmtId, id + 1);
    }
  }

  /** The font face a cell with style `s` shows, when that style names one (ExcelJS ignores style 0, and so does this). */
  faceOf(s: number): FontFace | undefined {
    if (!(s > 0)) return undefined;
    const xf = this.itemAt("cellXfs", s);
    if (xf === undefined) return undefined;
    const fontId = Number(attributesOf(xf).get("fontId") ?? 0);
    const font = this.itemAt("fonts", fontId);
    if (font === undefined) return undefined;
    const val = (el: string) =>
      new RegExp(`<(?:[\\w.-]+:)?${el}\\b[^>]*?\\sval\\s*=\\s*["']([^"']*)["']`).exec(font)?.[1];
    const name = val("name");
    if (name === undefined) return undefined;
    const size = Number(val("sz"));
    const family = Number(val("family"));
    return {
      name,
      ...(Number.isFinite(size) && val("sz") !== undefined ? { size } : {}),
      ...(val("family") !== undefined && Number.isFinite(family) ? { family } : {}),
    };
  }

  /** The cell format (`s`) for a plan cell, its font based on `face`. */
  cellFormat(cell: PlanCell, face: FontFace): number {
    const s: CellStyle = cell.style ?? {};
    const p = this.prefix;
    const numFmtId = cell.numberFormat ? this.numFmt(cell.numberFormat) : 0;
    const color = argb(s.color);
    const font =
      `<${p}font>${s.bold ? `<${p}b/>` : ""}${s.italic ? `<${p}i/>` : ""}<${p}sz val="${s.size ?? face.size ?? DEFAULT_FACE.size}"/>` +
      `${color ? `<${p}color rgb="${color}"/>` : ""}<${p}name val="${escapeAttr(face.name ?? DEFAULT_FACE.name)}"/>` +
      `${face.family !== undefined ? `<${p}family val="${face.family}"/>` : ""}</${p}font>`;
    const fontId = this.item("fonts", font);
    const fill = argb(s.fill);
    const fillId = fill
      ? this.item(
          "fills",
          `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
        )
      : 0;
    const borderId = s.border
      ? this.item(
          "borders",
          `<${p}border><${p}left style="thin"/><${p}right style="thin"/><${p}top style="thin"/><${p}bottom style="thin"/><${p}diagonal/></${p}border>`,
        )
      : 0;
    const align = [
      s.align ? ` horizontal="${s.align}"` : "",
      s.valign ? ` vertical="${s.valign === "middle" ? "center" : s.valign}"` : "",
      s.wrap ? ` wrapText="1"` : "",
    ].join("");
    const applies =
      (numFmtId ? ` applyNumberFormat="1"` : "") +
      ` applyFont="1"` +
      (fillId ? ` applyFill="1"` : "") +
      (borderId ? ` applyBorder="1"` : "") +
      (align ? ` applyAlignment="1"` : "");
    const head = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    return this.item("cellXfs", align ? `${head}><${p}alignment${align}/></${p}xf>` : `${head}/>`);
  }

  /** The differential format (`dxfId`) of a conditional-format rule's look. */
  differential(style: CellStyle): number {
    const p = this.prefix;
    const color = argb(style.color);
    const fill = argb(style.fill);
    const fontBody = `${style.bold ? `<${p}b/>` : ""}${style.italic ? `<${p}i/>` : ""}${color ? `<${p}color rgb="${color}"/>` : ""}`;
    const font = fontBody ? `<${p}font>${fontBody}</${p}font>` : "";
    const fillXml = fill
      ? `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${fill}"/><${p}bgColor rgb="${fill}"/></${p}patternFill></${p}fill>`
      : "";
    return this.item("dxfs", `<${p}dxf>${font}${fillXml}</${p}dxf>`);
  }

  /** True when this run appended something. */
  get changed(): boolean {
    return [...this.sections.values()].some((s) => s.added.length > 0);
  }

  /** The stylesheet with the appended styles (the input's text when nothing was appended). */
  toXml(): string {
    if (!this.changed) return this.xml;
    const edits: { at: number; end: number; text: string }[] = [];
    for (const section of this.sections.values()) {
      if (section.added.length === 0) continue;
      const count = section.items.length + section.added.length;
      const openText = this.xml.slice(section.open.start, section.open.end) || `<${section.open.name}>`;
      const opened = withCount(openText, count).replace(/\s*\/>$/, ">");
      const body = section.added.join("");
      if (section.open.kind === "empty") {
        edits.push({ at: section.open.start, end: section.open.end, text: `${opened}${body}</${section.open.name}>` });
      } else {
        edits.push({ at: section.open.start, end: section.open.end, text: opened });
        const close = section.close!;
        edits.push({ at: close.start, end: close.start, text: body });
      }
    }
    edits.sort((a, b) => b.at - a.at || b.end - a.end);
    let out = this.xml;
    for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.end);
    return out;
  }

  // -------------------------------------------------------------------------------------------------------

  private itemAt(section: string, i: number): string | undefined {
    const s = this.sections.get(section);
    if (!s) return undefined;
    return i < s.items.length ? s.items[i] : s.added[i - s.items.length];
  }

  /** The index of `xml` in a section: the existing one written the same way, or a new one appended. */
  private item(section: string, xml: string): number {
    const s = this.section(section);
    const found = s.items.indexOf(xml);
    if (found >= 0) return found;
    const added = s.added.indexOf(xml);
    if (added >= 0) return s.items.length + added;
    s.added.push(xml);
    return s.items.length + s.added.length - 1;
  }

  private numFmt(code: string): number {
    if (BUILTIN_FORMATS[code] !== undefined) return BUILTIN_FORMATS[code];
    const known = this.numFmtCodes.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmtId++;
    this.numFmtCodes.set(code, id);
    this.section("numFmts").added.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /**
   * A section, created (empty) when the file has none: it is then written where the schema puts it, before
   * the first section that follows it in CT_Stylesheet's order.
   */
  private section(name: string): Section {
    const existing = this.sections.get(name);
    if (existing) return existing;
    const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(name) + 1)
      .map((n) => this.sections.get(n)?.open.start)
      .filter((n): n is number => n !== undefined);
    const at = later.length > 0 ? Math.min(...later) : this.rootClose;
    const tagName = `${this.prefix}${name}`;
    // A zero-width "empty tag" at the insertion point: toXml writes the whole section there.
    const open: Tag = { start: at, end: at, name: tagName, local: name, kind: "empty", depth: 1 };
    const section: Section = { open, items: [], added: [] };
    this.sections.set(name, section);
    return section;
  }
}

/** `count="N"` set on an opening tag (added when it has none). */
function withCount(openText: string, count: number): string {
  if (/\scount\s*=\s*["'][^"']*["']/.test(openText))
    return openText.replace(/(\scount\s*=\s*)["'][^"']*["']/, `$1"${count}"`);
  return openText.replace(/^(<[^\s/>]+)/, `$1 count="${count}"`);
}

/** `#RRGGBB` → `FFRRGGBB`; undefined for anything else. */
export function argb(color: string | undefined): string | undefined {
  const m = color === undefined ? null : /^#?([0-9a-fA-F]{6})$/.exec(color.trim());
  return m ? `FF${m[1].toUpperCase()}` : undefined;
}
