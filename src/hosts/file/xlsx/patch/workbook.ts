/**
 * The workbook part (`xl/workbook.xml`) and the document properties (`docProps/app.xml`): the add-in's
 * sheets listed (a new one at the end of the tabs, a replaced one where it was), each one's print area
 * as a defined name, and the sheet titles Office keeps in app.xml.
 *
 * Both parts are small, so they are edited as text with the tag scanner; everything not named here (views,
 * calculation settings, pivot caches, names the user made, extensions) stays as it was.
 */
import { attributesOf, escapeAttr, escapeText, NS, scanTags } from "../chart";
import { cut } from "./package";

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** Where its `<sheet>` tag is in the workbook part's text. */
  start: number;
  end: number;
}

/** The workbook's sheets in tab order, and where new `<sheet>` tags go (before `</sheets>`). */
export function sheetsOf(xml: string): {
  sheets: SheetEntry[];
  sheetsClose: number;
  relPrefix: string;
  prefix: string;
} {
  const tags = scanTags(xml);
  const sheets: SheetEntry[] = [];
  let sheetsClose = -1;
  let relPrefix = "r";
  const root = tags.find((t) => t.depth === 0 && t.kind !== "close");
  const rootAttrs = root ? attributesOf(xml.slice(root.start, root.end)) : new Map<string, string>();
  for (const [k, v] of rootAttrs) if (k.startsWith("xmlns:") && v === NS.rel) relPrefix = k.slice("xmlns:".length);
  for (const t of tags) {
    if (t.local === "sheets" && t.depth === 1 && t.kind === "close") sheetsClose = t.start;
    if (t.local !== "sheet" || t.depth !== 2 || t.kind === "close") continue;
    const attrs = attributesOf(xml.slice(t.start, t.end));
    const relId = [...attrs].find(([k]) => k !== "sheetId" && /(^|:)id$/.test(k))?.[1] ?? "";
    sheets.push({
      name: attrs.get("name") ?? "",
      sheetId: Number(attrs.get("sheetId") ?? 0),
      relId,
      start: t.start,
      end: t.end,
    });
  }
  if (sheetsClose < 0) throw new Error("patch: the workbook part lists no sheets");
  const prefix = root && root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "";
  return { sheets, sheetsClose, relPrefix, prefix };
}

/** The `<sheet>` tag of an add-in sheet, always written the same way (visible: a summary is for reading). */
export function sheetTag(prefix: string, relPrefix: string, name: string, sheetId: number, relId: string): string {
  return `<${prefix}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${relPrefix}:id="${escapeAttr(relId)}"/>`;
}

/** CT_Workbook's children after `definedNames`: a new definedNames element goes before the first of them. */
const AFTER_DEFINED_NAMES = new Set([
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
]);

/** A sheet-scoped defined name to write: `replace` drops that sheet's name of the same kind first, else an existing one wins. */
export interface SheetName {
  name: "_xlnm.Print_Area" | "_xlnm.Print_Titles";
  /** The sheet's tab index (`localSheetId`). */
  index: number;
  ref: string;
  replace: boolean;
}

/**
 * The workbook part with sheet-scoped defined names: a print area replaces the one that sheet had; print titles
 * are added only where the sheet has none (the user's are never replaced). New names go at the end of
 * `definedNames` (created where the schema puts it).
 */
export function withDefinedNames(xml: string, wanted: SheetName[]): string {
  if (wanted.length === 0) return xml;
  const tags = scanTags(xml);
  const root = tags.find((t) => t.depth === 0 && t.kind !== "close")!;
  const p = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "";
  const key = (name: string, index: string) => `${name}|${index}`;
  const replaced = new Set(wanted.filter((w) => w.replace).map((w) => key(w.name, String(w.index))));
  const existing = new Set<string>();
  const cuts: [number, number][] = [];
  let namesClose = -1;
  let namesEmpty: { start: number; end: number } | undefined;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t.local === "definedNames" && t.depth === 1) {
      if (t.kind === "close") namesClose = t.start;
      if (t.kind === "empty") namesEmpty = t;
    }
    if (t.local !== "definedName" || t.depth !== 2 || t.kind === "close") continue;
    const attrs = attributesOf(xml.slice(t.start, t.end));
    const k = key(attrs.get("name") ?? "", attrs.get("localSheetId") ?? "");
    existing.add(k);
    if (!replaced.has(k)) continue;
    const close = t.kind === "open" ? tags.slice(i + 1).find((c) => c.depth === 2 && c.kind === "close") : undefined;
    cuts.push([t.start, close ? close.end : t.end]);
  }
  const areas = wanted.filter((w) => w.replace || !existing.has(key(w.name, String(w.index))));
  if (areas.length === 0) return xml;
  const names = areas
    .map((a) => `<${p}definedName name="${a.name}" localSheetId="${a.index}">${escapeText(a.ref)}</${p}definedName>`)
    .join("");
  let at: number;
  let insert: string;
  if (namesClose >= 0) {
    at = namesClose;
    insert = names;
  } else if (namesEmpty) {
    cuts.push([namesEmpty.start, namesEmpty.end]);
    at = namesEmpty.start;
    insert = `<${p}definedNames>${names}</${p}definedNames>`;
  } else {
    const before = tags.find((t) => t.depth === 1 && t.kind !== "close" && AFTER_DEFINED_NAMES.has(t.local));
    const rootClose = [...tags].reverse().find((t) => t.depth === 0 && t.kind === "close");
    at = before ? before.start : rootClose ? rootClose.start : xml.length;
    insert = `<${p}definedNames>${names}</${p}definedNames>`;
  }
  // Cuts never contain `at` strictly inside them: `at` is a closing tag or a later element's start.
  const spans = [...cuts].sort((a, b) => a[0] - b[0]);
  const before = cut(
    xml.slice(0, at),
    spans.filter(([, e]) => e <= at),
  );
  const after = cut(
    xml.slice(at),
    spans.filter(([s]) => s >= at).map(([s, e]) => [s - at, e - at] as [number, number]),
  );
  return before + insert + after;
}

/**
 * `docProps/app.xml` with new sheet titles: Office lists the sheets' names first in `TitlesOfParts`, as many
 * as the first heading pair counts ("Worksheets"/"Planilhas"). Undefined when the part does not list
 * them that way (LibreOffice writes no titles): then there is nothing to keep in step.
 */
export function withSheetTitles(xml: string, names: string[]): string | undefined {
  if (names.length === 0) return undefined;
  const pairs = /<((?:[\w.-]+:)?)HeadingPairs>([\s\S]*?)<\/\1HeadingPairs>/.exec(xml);
  const titles = /<((?:[\w.-]+:)?)TitlesOfParts>([\s\S]*?)<\/\1TitlesOfParts>/.exec(xml);
  if (!pairs || !titles) return undefined;
  const count = /<((?:[\w.-]+:)?)i4>(\d+)<\/\1i4>/.exec(pairs[2]);
  const vector = /<((?:[\w.-]+:)?)vector\b[^>]*>/.exec(titles[2]);
  if (!count || !vector) return undefined;
  const vt = vector[1];
  const n = Number(count[2]);
  // The titles: after the vector's opening tag, the first n lpstr elements are the sheets.
  const titlesStart = titles.index + titles[0].indexOf(titles[2]);
  const vectorEnd = titlesStart + vector.index + vector[0].length;
  let at = vectorEnd;
  const lp = new RegExp(`<${vt.replace(/[.]/g, "\\.")}lpstr>[\\s\\S]*?</${vt.replace(/[.]/g, "\\.")}lpstr>`, "g");
  lp.lastIndex = vectorEnd;
  for (let i = 0; i < n; i++) {
    const m = lp.exec(xml);
    if (!m) return undefined;
    at = m.index + m[0].length;
  }
  const size = /\ssize\s*=\s*["'](\d+)["']/.exec(vector[0]);
  const newVector = size
    ? vector[0].replace(/(\ssize\s*=\s*)["']\d+["']/, `$1"${Number(size[1]) + names.length}"`)
    : vector[0];
  const added = names.map((name) => `<${vt}lpstr>${escapeText(name)}</${vt}lpstr>`).join("");
  const countStart = pairs.index + pairs[0].indexOf(pairs[2]) + count.index;
  const countText = `<${count[1]}i4>${n + names.length}</${count[1]}i4>`;
  // Edit from the end backwards so the earlier positions hold: titles come after the heading pairs.
  let out = xml.slice(0, at) + added + xml.slice(at);
  out = out.slice(0, titlesStart + vector.index) + newVector + out.slice(titlesStart + vector.index + vector[0].length);
  out = out.slice(0, countStart) + countText + out.slice(countStart + count[0].length);
  return out;
}
