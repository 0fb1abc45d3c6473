/**
 * Charts for the file host, as DrawingML, and the small XML-as-text tools the package patcher (./patch)
 * edits parts with:
 *
 * - `chartXml`: the chart part (`xl/charts/chartN.xml`), a clustered bar chart (`c:barChart`, horizontal
 *   bars: long indicator names read better on the vertical axis) or, when the spec asks for one, a line
 *   chart (`c:lineChart`, a series over time, e.g. the overall attainment per quarter), one series whose
 *   categories and values are references to cells of the same sheet (`'Resumo 2025-T1'!$A$20:$A$28`) with a
 *   cache of their values, so a reader that does not recalculate (a preview, a viewer) still draws it.
 *   Excel and LibreOffice re-read the cells anyway.
 * - `anchorXml`: the `twoCellAnchor` that places it over cells in a drawing (0-based in the XML).
 *
 * The XML is handled as text: a small scanner that understands tags, quoted attributes, comments and CDATA
 * finds the elements. A full XML parser would add a dependency for a handful of insertions.
 */
import path from "path";
import { writerStrings } from "../messages";
import { columnLetter, fromA1Range } from "../../../workbook/a1";
import type { ChartSpec } from "../../../workbook/plan/types";

/** Namespaces and relationship types of the parts written here. */
export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
};
export const REL_DRAWING = `${NS.rel}/drawing`;
export const REL_CHART = `${NS.rel}/chart`;
export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** The cached cell values of a chart's categories and values (what the cells hold when the file is written). */
export interface ChartCache {
  categories: string[];
  values: (number | null)[];
}

// ---------------------------------------------------------------------------------------------------------
// XML as text

/** Escapes text for an element's content. Apostrophes stay as they are, so sheet references read plainly. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escapes text for a double-quoted attribute value. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

/** The attributes of an opening tag's text (`<sheet name="A" r:id="rId1"/>`), names as written, values unescaped. */
export function attributesOf(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=<>/"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const body = tag.replace(/^<\s*[^\s/>]+/, "");
  for (let m = re.exec(body); m; m = re.exec(body)) out.set(m[1], unescapeXml(m[2] ?? m[3] ?? ""));
  return out;
}

/** One tag found by `scanTags`: where it starts and ends, its local name, and its depth (the root is 0). */
export interface Tag {
  start: number;
  end: number;
  name: string;
  local: string;
  kind: "open" | "close" | "empty";
  depth: number;
}

/**
 * The element tags of an XML text, in order, skipping the declaration, comments, processing instructions and
 * CDATA. Attribute values may hold `>`, so a tag ends at the first `>` outside quotes.
 */
export function scanTags(xml: string): Tag[] {
  const re =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=<>/"']+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  const tags: Tag[] = [];
  let depth = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[2] === undefined) continue;
    const name = m[2];
    const local = name.includes(":") ? name.slice(name.indexOf(":") + 1) : name;
    const kind = m[1] === "/" ? "close" : m[4] === "/" ? "empty" : "open";
    if (kind === "close") depth--;
    // One literal (NO_SPREAD_NOTE in core/evaluate): a styles part has thousands of tags.
    tags.push({ start: m.index, end: m.index + m[0].length, name, local, kind, depth });
    if (kind === "open") depth++;
  }
  return tags;
}

/** The root's opening tag and closing tag, and the root's children (their opening tags). */
export function rootOf(xml: string): { open: Tag; close: Tag; children: Tag[] } {
  const tags = scanTags(xml);
  const open = tags.find((t) => t.depth === 0 && t.kind === "open");
  const close = [...tags].reverse().find((t) => t.depth === 0 && t.kind === "close");
  if (!open || !close) throw new Error("addCharts: a part has no root element");
  return { open, close, children: tags.filter((t) => t.depth === 1 && t.kind !== "close") };
}

// ---------------------------------------------------------------------------------------------------------
// The package: parts, relationships, content types

/** The relationships part of a part: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
}

/** A relationship's target as a part name (no leading slash), resolved against the part that points to it. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return path.posix.normalize(target).replace(/^\/+/, "");
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromPart), target));
}

/** The relationship target of `toPart` written relative to `fromPart` (`../drawings/drawing1.xml`). */
export function relativeTarget(fromPart: string, toPart: string): string {
  return path.posix.relative(path.posix.dirname(fromPart), toPart);
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function relationshipsOf(relsXml: string | undefined): Relationship[] {
  if (!relsXml) return [];
  const out: Relationship[] = [];
  for (const tag of scanTags(relsXml)) {
    if (tag.local !== "Relationship" || tag.kind === "close") continue;
    const attrs = attributesOf(relsXml.slice(tag.start, tag.end));
    out.push({ id: attrs.get("Id") ?? "", type: attrs.get("Type") ?? "", target: attrs.get("Target") ?? "" });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The sheet, the drawing and the chart

/** A `twoCellAnchor` holding the chart: `spec.from`/`spec.to` are 1-based, the XML's rows and columns 0-based. */
export function anchorXml(spec: ChartSpec, chartRelId: string, shapeId: number, declareNamespaces: boolean): string {
  const ns = declareNamespaces ? ` xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"` : "";
  const marker = (tag: string, at: { row: number; col: number }) =>
    `<xdr:${tag}><xdr:col>${Math.max(0, at.col - 1)}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${Math.max(0, at.row - 1)}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"${ns}>` +
    marker("from", spec.from) +
    marker("to", spec.to) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeAttr(writerStrings.chartName(shapeId - 1))}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.rel}" r:id="${escapeAttr(chartRelId)}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** `'Resumo 2025-T1'!$A$20:$A$28`: the sheet name always quoted (apostrophes doubled), the range absolute. */
export function sheetReference(sheet: string, range: string): string {
  const r = fromA1Range(range);
  if (!r) throw new Error(`addCharts: bad range ${range}`);
  const cell = (row: number, col: number) => `$${columnLetter(col)}$${row}`;
  return `'${sheet.replace(/'/g, "''")}'!${cell(r.top, r.left)}:${cell(r.bottom, r.right)}`;
}

/** The number of cells of a one-column (or one-row) range. */
function cellCount(range: string): number {
  const r = fromA1Range(range);
  return r ? (r.bottom - r.top + 1) * (r.right - r.left + 1) : 0;
}

/**
 * Labels and axes in 11-point text, the size of the cells: a sheet fitted one page wide prints its chart
 * scaled as much as its table, and 9-point labels came out under 6 pt.
 */
const LABEL_SIZE = 1100;

/** A bar's outline: dark grey, so a light fill (the cells' palette) still stands out from the white page. */
const OUTLINE = "595959";

/**
 * Each bar's own fill (`c:dPt`), the colour of the cell it stands for; bars without a colour keep the
 * series' fill. Only colours in `#RRGGBB` are used.
 */
function pointFills(colors: readonly (string | undefined)[] | undefined, count: number): string {
  return (colors ?? [])
    .slice(0, count)
    .map((color, i) => {
      const hex = /^#?([0-9a-fA-F]{6})$/.exec(color ?? "")?.[1];
      if (!hex) return "";
      return (
        `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${hex.toUpperCase()}"/></a:solidFill>` +
        `<a:ln w="9525"><a:solidFill><a:srgbClr val="${OUTLINE}"/></a:solidFill></a:ln></c:spPr></c:dPt>`
      );
    })
    .join("");
}

/**
 * The chart part: a clustered horizontal bar chart of one series (`spec.kind` bar, the default), or a line
 * chart with markers over the categories in order (`line`, for a series over time); the value axis is a
 * percent axis 0–100% when `percent`.
 */
export function chartXml(sheet: string, spec: ChartSpec, cache?: ChartCache): string {
  const line = spec.kind === "line";
  const format = spec.percent ? "0%" : "General";
  // Labels with the tables' one decimal: at "0%", a 99,7% that misses its target read "100%".
  const labelFormat = spec.percent ? "0.0%" : "General";
  const count = cellCount(spec.categories);
  const strPoints = (cache?.categories ?? [])
    .slice(0, count)
    .map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`)
    .join("");
  const numPoints = (cache?.values ?? [])
    .slice(0, count)
    .map((v, i) => (v === null || !Number.isFinite(v) ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join("");
  const strCache = cache ? `<c:strCache><c:ptCount val="${count}"/>${strPoints}</c:strCache>` : "";
  const numCache = cache
    ? `<c:numCache><c:formatCode>${format}</c:formatCode><c:ptCount val="${count}"/>${numPoints}</c:numCache>`
    : "";
  const text = (size: number, bold: boolean) =>
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:endParaRPr lang="pt-BR"/></a:p></c:txPr>`;
  const scaling = spec.percent
    ? `<c:scaling><c:orientation val="minMax"/><c:max val="1"/><c:min val="0"/></c:scaling>`
    : `<c:scaling><c:orientation val="minMax"/></c:scaling>`;
  const labels = (position: string) =>
    `<c:dLbls><c:numFmt formatCode="${labelFormat}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    text(LABEL_SIZE, false) +
    `<c:dLblPos val="${position}"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>` +
    `<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
  const data =
    `<c:cat><c:strRef><c:f>${escapeText(sheetReference(sheet, spec.categories))}</c:f>${strCache}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeText(sheetReference(sheet, spec.values))}</c:f>${numCache}</c:numRef></c:val>`;
  const series = `<c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeText(spec.seriesName)}</c:v></c:tx>`;
  const blue = `<a:solidFill><a:srgbClr val="2F5597"/></a:solidFill>`;
  // Bars: category axis reversed (maxMin) so the first indicator is the top bar, as in the table; the value
  // axis then crosses at the maximum category, which keeps its labels at the bottom. Lines: categories left
  // to right in time order, values on the left.
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
      `<c:ser>${series}<c:spPr><a:ln w="28575" cap="rnd">${blue}<a:round/></a:ln></c:spPr>` +
      `<c:marker><c:symbol val="circle"/><c:size val="7"/><c:spPr>${blue}<a:ln><a:solidFill><a:srgbClr val="2F5597"/></a:solidFill></a:ln></c:spPr></c:marker>` +
      labels("t") +
      data +
      `<c:smooth val="0"/></c:ser>` +
      `<c:marker val="1"/><c:axId val="500100"/><c:axId val="500200"/></c:lineChart>`
    : `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      `<c:ser>${series}<c:spPr>${blue}</c:spPr><c:invertIfNegative val="0"/>` +
      pointFills(spec.pointColors, count) +
      labels("outEnd") +
      data +
      `</c:ser>` +
      `<c:gapWidth val="60"/><c:axId val="500100"/><c:axId val="500200"/></c:barChart>`;
  const catAx =
    `<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="${line ? "minMax" : "maxMin"}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${line ? "b" : "l"}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="${line ? "out" : "none"}"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="${line ? "low" : "nextTo"}"/>${text(LABEL_SIZE, false)}<c:crossAx val="500200"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="500200"/>${scaling}<c:delete val="0"/><c:axPos val="${line ? "l" : "b"}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${format}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${text(LABEL_SIZE, false)}<c:crossAx val="500100"/><c:crosses val="${line ? "autoZero" : "max"}"/>` +
    `<c:crossBetween val="between"/>${spec.percent ? `<c:majorUnit val="0.25"/>` : ""}</c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">` +
    `<c:lang val="pt-BR"/><c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1300" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="pt-BR" sz="1300" b="1"/><a:t>${escapeText(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    plot +
    catAx +
    valAx +
    `</c:plotArea>` +
    // No legend: one series, which the title already names.
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}
