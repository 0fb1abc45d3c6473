/**
 * The file host's writer without a round trip: a `WritePlan` applied to a workbook package (.xlsx or
 * .xlsm) by copying every part of the input as it is, compressed bytes included, except those the plan
 * changes:
 *
 * - the worksheets that receive owned columns, the cells streamed in at their place (./sheet);
 * - `styles.xml`, with the few styles the plan needs appended (./styles);
 * - the add-in's sheets (summaries, reports): new parts written from the plan, with their drawing and
 *   chart (./addinSheet); a sheet of the same name from an earlier run is replaced where it was in the
 *   tabs, its old drawing and chart removed;
 * - `xl/workbook.xml`, its relationships, `[Content_Types].xml` and `docProps/app.xml`, where they list
 *   sheets (./workbook).
 *
 * Charts, pivot tables, slicers, images, comments, validation, defined names, macros (`vbaProject.bin`),
 * custom XML, web extensions and parts no program here knows come through byte for byte. Run on its own
 * output, it gives the same bytes again (fixed timestamps, styles found rather than appended twice, parts
 * numbered the same).
 */
import type {
  ChartSpec,
  ConditionalRule,
  OwnedColumns,
  SummarySheetPlan,
  WritePlan,
} from "../../../../workbook/plan/types";
import { CT_CHART, CT_DRAWING, REL_CHART, REL_DRAWING, NS, relsPathOf } from "../chart";
import { columnLetter } from "../../../../workbook/a1";
import { drawingXml, printArea, summaryChartXml, summarySheetXml } from "./addinSheet";
import { CONTENT_TYPES, CT_WORKSHEET, Package, REL_WORKSHEET } from "./package";
import { patchSheet, patchSheetPart } from "./sheet";
import { CT_SHARED_STRINGS, SharedStrings } from "./strings";
import { StyleBook } from "./styles";
import { sheetsOf, sheetTag, withDefinedNames, withSheetTitles, type SheetEntry, type SheetName } from "./workbook";

const REL_STYLES = `${NS.rel}/styles`;
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** The content type a macro-enabled workbook's main part has: such a package must be saved as .xlsm. */
export const CT_MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

/**
 * The evaluated package: `bytes` (an .xlsx or .xlsm package) with the plan applied.
 * @throws Error when the package is not a workbook this can patch, or the plan names a sheet the workbook
 *   does not have (the plan was made from another workbook: a programming error).
 */
export async function patchPackage(bytes: Uint8Array, plan: WritePlan): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  (await patchedPackage(bytes, plan)).writeTo((chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

/**
 * The evaluated package, ready to be written out part by part (`writeTo`): `bytes` with the plan applied.
 * @throws as `patchPackage`.
 */
export async function patchedPackage(bytes: Uint8Array, plan: WritePlan): Promise<Package> {
  const pkg = new Package(bytes);
  const wbPart = pkg.workbookPart();
  const wbXml = pkg.read(wbPart);
  if (wbXml === undefined) throw new Error(`patch: no workbook part ${wbPart}`);
  const rels = pkg.relationships(wbPart);
  const partOf = new Map(rels.map((r) => [r.id, pkg.target(wbPart, r)]));
  const { sheets, sheetsClose, relPrefix, prefix } = sheetsOf(wbXml);

  const stylesRel = rels.find((r) => r.type.endsWith("/styles"));
  let stylesName = stylesRel ? pkg.target(wbPart, stylesRel) : undefined;
  if (!stylesName) {
    stylesName = "xl/styles.xml";
    pkg.addRelationship(wbPart, REL_STYLES, stylesName);
    pkg.addOverride(stylesName, CT_STYLES);
  }
  const styles = new StyleBook(pkg.read(stylesName));
  const stringsRel = rels.find((r) => r.type.endsWith("/sharedStrings"));
  const stringsName = stringsRel ? pkg.target(wbPart, stringsRel) : undefined;
  const strings = new SharedStrings(() => (stringsName ? pkg.read(stringsName) : undefined));

  // The add-in's sheets: an existing one of the same name is emptied of its parts first, so the new parts
  // take the same numbers as last time.
  const byName = (name: string) =>
    sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const replaced = new Map<SummarySheetPlan, SheetEntry>();
  for (const summary of plan.summaries) {
    const existing = byName(summary.name);
    if (!existing) continue;
    replaced.set(summary, existing);
    removeSheetDependents(pkg, partOf.get(existing.relId));
    // Its content type too: declared again below, in the same order as the first run declared them all.
    const part = partOf.get(existing.relId);
    if (part) pkg.removeOverrides([part]);
  }
  let nextSheetId = sheets.reduce((m, s) => Math.max(m, s.sheetId), 0) + 1;
  const tagEdits: { start: number; end: number; text: string }[] = [];
  let newTags = "";
  const newNames: string[] = [];
  const areas: SheetName[] = [];
  const sheetPartByName = new Map<string, string>(sheets.map((s) => [s.name.toLowerCase(), partOf.get(s.relId) ?? ""]));
  let appended = 0;
  const written = new Set<string>();
  for (const summary of plan.summaries) {
    const existing = replaced.get(summary);
    let part: string;
    let relId: string;
    let index: number;
    if (existing && partOf.get(existing.relId)) {
      part = partOf.get(existing.relId)!;
      relId = existing.relId;
      index = sheets.indexOf(existing);
      tagEdits.push({
        start: existing.start,
        end: existing.end,
        text: sheetTag(prefix, relPrefix, summary.name, existing.sheetId, relId),
      });
      sheetPartByName.delete(existing.name.toLowerCase());
    } else {
      part = pkg.nextPartName("xl/worksheets", "sheet");
      relId = pkg.addRelationship(wbPart, REL_WORKSHEET, part);
      index = sheets.length + appended++;
      newTags += sheetTag(prefix, relPrefix, summary.name, nextSheetId++, relId);
      newNames.push(summary.name);
    }
    pkg.addOverride(part, CT_WORKSHEET);
    sheetPartByName.set(summary.name.toLowerCase(), part);
    const drawingRelId = summary.chart ? addChart(pkg, part, summary, summary.chart) : undefined;
    pkg.write(part, summarySheetXml(summary, styles, drawingRelId, strings));
    written.add(part);
    const ref = printArea(summary);
    if (ref) areas.push({ name: "_xlnm.Print_Area", index, ref, replace: true });
  }

  // Print titles asked for on the user's sheets (the code column on every page), where the sheet has none.
  const titles: SheetName[] = [];
  for (const print of plan.userPrint ?? []) {
    const index = sheets.findIndex((s) => s.name.toLowerCase() === print.sheet.toLowerCase());
    if (index < 0 || !print.titleColumns) continue;
    const ref = `'${sheets[index].name.replace(/'/g, "''")}'!$${columnLetter(print.titleColumns.from)}:$${columnLetter(print.titleColumns.to)}`;
    titles.push({ name: "_xlnm.Print_Titles", index, ref, replace: false });
  }

  // The owned columns and rules, sheet by sheet.
  const sheetNames = [...new Set([...plan.owned.map((b) => b.sheet), ...plan.rules.map((r) => r.sheet)])];
  for (const name of sheetNames) {
    const part = sheetPartByName.get(name.toLowerCase());
    if (!part || !pkg.has(part)) throw new Error(`patch: no sheet named ${name}`);
    const same = (s: string) => s.toLowerCase() === name.toLowerCase();
    const blocks: OwnedColumns[] = plan.owned.filter((b) => same(b.sheet));
    const rules: ConditionalRule[] = plan.rules.filter((r) => same(r.sheet));
    if (written.has(part)) {
      pkg.write(part, patchSheet(pkg.read(part)!, blocks, rules, styles, strings));
      continue;
    }
    const fit = plan.userPrint?.find((u) => same(u.sheet) && u.fit);
    // A user's sheet may be large: it is patched and deflated piece by piece, never held as one string.
    const patched = await patchSheetPart(() => pkg.chunks(part)!, blocks, rules, styles, strings, fit);
    if (patched) pkg.writeDeflated(part, patched);
  }
  pkg.write(stylesName, styles.toXml());
  const sst = strings.changed();
  if (sst !== undefined) {
    if (!stringsName) {
      pkg.addRelationship(wbPart, `${NS.rel}/sharedStrings`, "xl/sharedStrings.xml");
      pkg.addOverride("xl/sharedStrings.xml", CT_SHARED_STRINGS);
    }
    pkg.write(stringsName ?? "xl/sharedStrings.xml", sst);
  }

  // The workbook part: sheet tags (new ones at the end of the tabs, in the plan's order), then the print titles
  // and areas. Titles first: a re-run keeps them where they are and appends the areas again, in the same order.
  if (newTags) tagEdits.push({ start: sheetsClose, end: sheetsClose, text: newTags });
  let workbook = wbXml;
  for (const e of [...tagEdits].sort((a, b) => b.start - a.start))
    workbook = workbook.slice(0, e.start) + e.text + workbook.slice(e.end);
  pkg.write(wbPart, withDefinedNames(workbook, [...titles, ...areas]));

  const app = pkg.read("docProps/app.xml");
  const titled = app === undefined ? undefined : withSheetTitles(app, newNames);
  if (titled !== undefined) pkg.write("docProps/app.xml", titled);
  if (!pkg.has(CONTENT_TYPES)) throw new Error("patch: the package has no [Content_Types].xml");
  return pkg;
}

/**
 * Removes what hangs off an add-in sheet that is about to be written again: its relationships part, and
 * the drawings and charts it points to (with their own relationships and content types). The sheet part
 * itself is overwritten in place.
 */
function removeSheetDependents(pkg: Package, part: string | undefined): void {
  if (!part) return;
  const gone: string[] = [];
  for (const rel of pkg.relationships(part)) {
    if (!rel.type.endsWith("/drawing")) continue;
    const drawing = pkg.target(part, rel);
    for (const inner of pkg.relationships(drawing)) {
      if (!inner.type.endsWith("/chart")) continue;
      const chart = pkg.target(drawing, inner);
      // A chart's own parts (its style and colours, when Excel saved it) go with it.
      for (const own of pkg.relationships(chart)) gone.push(pkg.target(chart, own));
      gone.push(chart, relsPathOf(chart));
    }
    gone.push(drawing, relsPathOf(drawing));
  }
  gone.push(relsPathOf(part));
  for (const p of gone) pkg.remove(p);
  pkg.removeOverrides(gone);
}

/** The chart of a summary sheet: chart part, drawing part, their relationships and content types. */
function addChart(pkg: Package, sheetPart: string, summary: SummarySheetPlan, spec: ChartSpec): string {
  const chartPart = pkg.nextPartName("xl/charts", "chart");
  pkg.write(chartPart, summaryChartXml(summary, spec));
  pkg.addOverride(chartPart, CT_CHART);
  const drawingPart = pkg.nextPartName("xl/drawings", "drawing");
  const chartRelId = pkg.addRelationship(drawingPart, REL_CHART, chartPart);
  pkg.write(drawingPart, drawingXml(spec, chartRelId));
  pkg.addOverride(drawingPart, CT_DRAWING);
  return pkg.addRelationship(sheetPart, REL_DRAWING, drawingPart);
}

/** True when the package's workbook part is macro-enabled (an .xlsm's `vbaProject.bin` goes with it). */
export function isMacroEnabled(bytes: Uint8Array): boolean {
  try {
    const pkg = new Package(bytes);
    return (pkg.read(CONTENT_TYPES) ?? "").includes(CT_MACRO_WORKBOOK);
  } catch {
    return false;
  }
}
