/**
 * The add-in's own columns beside each table: `Atingimento (Contratualiza)` and `Conceito (Contratualiza)`
 * for every row it evaluated, and the conditional-format rules that colour them and the user's result
 * cells by concept. One pair per table on each of its sheets (long and sheet-per-period layouts), or one
 * pair per period column (wide and panel layouts), placed right of the table.
 *
 * Placement, so that nothing the user typed is ever overwritten and a second run lands where the first did:
 * - a pair whose titles already sit on the header row (an earlier run) is reused in place;
 * - otherwise it goes into the first two columns right of the table (and of the pairs already placed) that
 *   are empty from the header row down to the table's last row;
 * - the block covers every row down to the last one it held before, so rows that left the table are
 *   cleared instead of keeping stale concepts.
 */
import { attainment, nearlyEqual, overrideDirection, reconcileScale } from "../../core/attainment";
import { conceptText } from "../../core/conceptText";
import type { CellInput, RowEvaluation } from "../../core/evaluate";
import { parseDirection, parseTarget, readNumber } from "../../core/parse";
import { conceptStrings } from "../../core/messages";
import { planStrings } from "../messages";
import { presets } from "../../core/presets";
import { columnLetter, fromA1, fromA1Range, toA1Range } from "../a1";
import { Grid, isEmptyValue } from "../detect/grid";
import { isOwnedHeader, ownedHeader } from "../addinParts";
import { wrappedHeight } from "./print";
import type { CellData, DetectedTable, SheetData, TableFrameRef } from "../model";
import type { ConceptClass, ConditionalRule, OwnedColumns, PlanCell, CellStyle, UserSheetPrint } from "./types";
import type { LocatedProblem } from "../../core/evaluate";
import { maxOf } from "../../core/arrays";

/** Fills and fonts by concept: Excel's own Good/Bad/Neutral styles (dark text on light fills, contrast ≥ 4.5:1). */
export const CONCEPT_STYLES: Readonly<Record<ConceptClass, CellStyle>> = {
  met: { fill: "#C6EFCE", color: "#006100" },
  notMet: { fill: "#FFC7CE", color: "#9C0006" },
  justified: { fill: "#FFEB9C", color: "#9C5700" },
  monitoring: { fill: "#E7E6E6", color: "#3A3838" },
  invalid: { fill: "#E4D7F5", color: "#5B2C8A", bold: true },
  noData: { color: "#595959", italic: true },
};

const HEADER_STYLE: CellStyle = { bold: true, wrap: true, fill: "#DDEBF7", color: "#1F3864", border: true };
/** The concept cells' style: one object for every row (like the headers'), never changed once planned. */
const CENTERED: CellStyle = { align: "center" };
const PERCENT_FORMAT = "0.0%";
/** The least width of the two columns, in characters: a percentage, and the short concepts (`A`, `B`). */
const MIN_WIDTHS = [14, 14];

/**
 * The block's column widths: each as wide as its longest text (a concept like `B – justificado
 * parcialmente` centred in a narrower column loses both ends, the B included), and at least the longest
 * word of its title, so the wrapped title breaks between words.
 */
function blockWidths(titles: string[], values: PlanCell[][]): number[] {
  return MIN_WIDTHS.map((min, j) => {
    // One value per row of the table: a loop, not a spread, which overflows the call stack past ~125k rows.
    const longestText = maxOf(
      values.map((row) => (typeof row[j]?.value === "string" ? (row[j].value as string).length : 0)),
      0,
    );
    const longestWord = Math.max(0, ...titles[j].split(/\s+/).map((w) => w.length));
    // A little slack for wide letters; bold title words are about a fifth wider.
    return Math.max(min, Math.ceil(longestText * 1.05) + 2, Math.ceil(longestWord * 1.2) + 1);
  });
}

/** The rules of one block, first match wins: monitoring, then justified, A, B, invalid, no data. */
function ruleFormulas(cell: string): { conceptClass: ConceptClass; formula: string }[] {
  return [
    { conceptClass: "monitoring", formula: `ISNUMBER(SEARCH("${planStrings.monitoringWord}",${cell}))` },
    { conceptClass: "justified", formula: `ISNUMBER(SEARCH("${planStrings.justifiedWord}",${cell}))` },
    { conceptClass: "met", formula: `${cell}="${conceptStrings.conceptMet}"` },
    { conceptClass: "notMet", formula: `${cell}="${conceptStrings.conceptNotMet}"` },
    { conceptClass: "invalid", formula: `${cell}="${conceptStrings.invalid}"` },
    { conceptClass: "noData", formula: `${cell}="${conceptStrings.noData}"` },
  ];
}

/** One group of rows that shares a pair of owned columns: a table on one sheet, or one period column of it. */
interface Group {
  frame: TableFrameRef;
  /** Period column's header for wide tables ("Jan/2025"); empty for one pair per table. */
  label: string;
  /** The user's result column for this group, when there is one (coloured with the concepts). */
  resultCol?: number;
  rows: RowEvaluation[];
}

function resultColOf(row: RowEvaluation): number | undefined {
  const address = row.input.result?.address;
  return address ? fromA1(address)?.col : undefined;
}

/** "Resultado Jan/2025 (%)" → "Jan/2025": the period part of a wide table's column header. */
function periodLabel(header: string): string {
  const cleaned = header
    .replace(/\(\s*%\s*\)|%/g, "")
    .replace(/^\s*(resultados?|realizado|valor)\b[\s:–-]*/i, "")
    .trim();
  return cleaned || header.trim();
}

function groupsOf(table: DetectedTable, rowsByInput: ReadonlyMap<object, RowEvaluation>): Group[] {
  const groups: Group[] = [];
  for (const frame of table.frames) {
    // One loop rather than filter, map and filter: three arrays of every row of the table.
    const rows: RowEvaluation[] = [];
    for (const r of table.rows) {
      if ((r.sheet ?? table.sheet) !== frame.sheet || r.sheetRow === undefined) continue;
      const evaluated = rowsByInput.get(r);
      if (evaluated !== undefined) rows.push(evaluated);
    }
    if (table.layout === "wide" || table.layout === "panel") {
      const byCol = new Map<number, RowEvaluation[]>();
      for (const r of rows) {
        const col = resultColOf(r);
        if (col === undefined) continue;
        const list = byCol.get(col);
        if (list) list.push(r);
        else byCol.set(col, [r]);
      }
      for (const [col, list] of [...byCol.entries()].sort((a, b) => a[0] - b[0])) {
        const header = table.columns.find((c) => c.col === col)?.header ?? columnLetter(col);
        groups.push({ frame, label: periodLabel(header), resultCol: col, rows: list });
      }
    } else {
      const resultCol = table.columns.find((c) => c.field === "result")?.col;
      groups.push({ frame, label: "", resultCol, rows });
    }
  }
  return groups;
}

function titlesOf(label: string): string[] {
  const suffix = label ? ` ${label}` : "";
  return [ownedHeader(`${planStrings.attainmentTitle}${suffix}`), ownedHeader(`${planStrings.conceptTitle}${suffix}`)];
}

/** Where the owned headers already are on a row: normalized title → its columns, left to right. */
function ownedOnRow(grid: Grid, row: number): Map<string, number[]> {
  const found = new Map<string, number[]>();
  for (let col = grid.left; col <= grid.right; col += 1) {
    const value = grid.cell(row, col)?.value;
    if (!isOwnedHeader(value)) continue;
    const key = String(value).trim().toLowerCase();
    found.set(key, [...(found.get(key) ?? []), col]);
  }
  return found;
}

/**
 * An earlier run's pair for a table: the leftmost pair of these titles right of the table's first column
 * that this plan has not given to another table yet. Tables are planned left to right, and an earlier run
 * placed their pairs in that order too, so two tables side by side (whose pairs bear the same titles) each
 * find their own. Right of the first column, not of the last: columns the user added after the pair (the
 * justification columns) widen the table around it.
 */
function earlierPair(
  existing: Map<string, number[]>,
  titles: string[],
  left: number,
  used: Set<number>,
): number | undefined {
  const seconds = new Set(existing.get(titles[1].toLowerCase()) ?? []);
  return (existing.get(titles[0].toLowerCase()) ?? []).find(
    (c) => c > left && seconds.has(c + 1) && !used.has(c) && !used.has(c + 1),
  );
}

function columnFree(grid: Grid, col: number, top: number, bottom: number): boolean {
  for (let row = top; row <= bottom; row += 1) if (!isEmptyValue(grid.cell(row, col)?.value)) return false;
  return true;
}

/** The class labels a classifying preset writes in the concept column (co-financing: Ótimo … Regular). */
const CLASS_LABELS = Object.values(presets).flatMap((p) =>
  p.scoring.kind === "classification"
    ? [p.scoring.defaultTable, ...Object.values(p.scoring.tables)].flatMap((t) => t.bands.map((b) => b.label))
    : [],
);

/** Every text the concept column can hold, lower case: how an earlier run's rows are recognised. */
const CONCEPT_TEXTS = new Set(
  [
    ...[
      conceptStrings.conceptMet,
      conceptStrings.conceptNotMet,
      conceptStrings.conceptJustified,
      conceptStrings.conceptJustifiedPartially,
      conceptStrings.noData,
      conceptStrings.invalid,
      conceptStrings.needsBaseline,
    ].flatMap((t) => [t, `${t}${conceptStrings.monitoringSuffix}`]),
    ...CLASS_LABELS,
  ].map((t) => t.toLowerCase()),
);

/**
 * The last row of an earlier run's block below `lastRow`: rows right under the table whose concept cell
 * holds one of the add-in's concept texts (the table shrank since). Anything else stops the walk, so a
 * note the user typed below the table is never cleared.
 */
function staleBottom(grid: Grid, conceptCol: number, lastRow: number): number {
  let row = lastRow;
  while (
    CONCEPT_TEXTS.has(
      String(grid.cell(row + 1, conceptCol)?.value ?? "")
        .trim()
        .toLowerCase(),
    )
  )
    row += 1;
  return row;
}

/** How many distinct (attainment, concept) pairs a plan shares; past that a row gets cells of its own. */
const SHARED_PAIRS = 20_000;

/**
 * The owned cells of rows without live formulas, one pair per (attainment, concept): a million rows hold a
 * few thousand distinct pairs (every met row at 100%, an A), and nothing changes a planned cell.
 */
class SharedPairs {
  private readonly byConcept = new Map<string, Map<number | null, PlanCell[]>>();
  private size = 0;

  of(att: number | null, concept: string): PlanCell[] {
    let byAtt = this.byConcept.get(concept);
    if (!byAtt) this.byConcept.set(concept, (byAtt = new Map()));
    let pair = byAtt.get(att);
    if (pair) return pair;
    pair = [
      { value: att, numberFormat: PERCENT_FORMAT },
      { value: concept || null, style: CENTERED },
    ];
    // -0 would come back as 0 from a Map: never shared (nor is anything past the bound).
    if (this.size < SHARED_PAIRS && !Object.is(att, -0)) {
      byAtt.set(att, pair);
      this.size += 1;
    }
    return pair;
  }
}

function cellsOf(row: RowEvaluation | undefined, formulas: LiveFormulas | undefined, shared: SharedPairs): PlanCell[] {
  if (!row) return shared.of(null, "");
  // A classified row (co-financing) has no concept: its cell says the class of its result instead.
  const concept = conceptText(row) || row.classification?.label || "";
  const att = row.status === "evaluated" && row.attainment ? row.attainment.scored : null;
  if (!formulas) return shared.of(att, concept);
  const attainmentCell: PlanCell = { value: att, numberFormat: PERCENT_FORMAT };
  const conceptCell: PlanCell = { value: concept || null, style: CENTERED };
  if (formulas.attainment && att !== null) attainmentCell.formula = formulas.attainment;
  if (formulas.concept) conceptCell.formula = formulas.concept;
  return [attainmentCell, conceptCell];
}

interface LiveFormulas {
  attainment?: string;
  concept?: string;
}

/**
 * Live formulas for Excel (`=META.ATINGIMENTO(F4,E4)`, `=META.CONCEITO(F4,E4,,G4,C4)`), so the owned
 * columns follow when a user edits a result. Only where a formula computes exactly what the core did: the
 * result typed in its own cell on the row, the target, Sentido, acceptance and Natureza cells on the same
 * row (a target carried from an earlier sheet or a result computed from numerator and denominator would be
 * read differently), and the scale read the same without the table's hints (a panel's `1` is 1% to the
 * core, 100% to a formula). Elsewhere the owned cell holds the value alone.
 */
function liveFormulas(r: RowEvaluation, row: number): LiveFormulas | undefined {
  if (r.status !== "evaluated" && r.status !== "noData") return undefined;
  const { result, target, direction, justificationAccepted, kind } = r.input;
  // The same row number is not enough: a cell carried from an earlier month's sheet names that sheet.
  const onRow = (cell: CellInput) =>
    cell.address !== undefined &&
    fromA1(cell.address)?.row === row &&
    (cell.sheet === undefined || cell.sheet === r.input.sheet);
  if (!result?.address || !onRow(result) || !onRow(target)) return undefined;
  if (r.status === "evaluated" && isEmptyValue(result.value)) return undefined;
  const optional = (cell: CellInput | undefined): string | null | undefined => {
    if (!cell || isEmptyValue(cell.value)) return "";
    return onRow(cell) ? (cell.address as string) : null;
  };
  const [dir, acc, nat] = [optional(direction), optional(justificationAccepted), optional(kind)];
  if (dir === null || acc === null || nat === null) return undefined;
  if (r.status === "evaluated" && !sameWithoutHints(r)) return undefined;
  const args = (list: (string | undefined)[]) => {
    const out = [...list];
    while (out.length > 0 && !out[out.length - 1]) out.pop();
    return out.join(",");
  };
  return {
    attainment: `=META.ATINGIMENTO(${args([result.address, target.address, dir])})`,
    concept: `=META.CONCEITO(${args([result.address, target.address, dir, acc, nat])})`,
  };
}

/** The row's attainment as `META.ATINGIMENTO` computes it from the cells alone, equal to the core's. */
function sameWithoutHints(r: RowEvaluation): boolean {
  const reading = readNumber(r.input.result?.value ?? null, r.input.result?.numberFormat);
  const parsed = parseTarget(r.input.target.value, r.input.target.numberFormat);
  if (reading.kind !== "number" || parsed.kind !== "target" || !r.attainment) return false;
  const target = r.input.direction
    ? overrideDirection(parsed.target, parseDirection(r.input.direction.value))
    : parsed.target;
  const out = reconcileScale(reading.reading, target);
  return out.kind === "ok" && nearlyEqual(attainment(out.result, out.target).scored, r.attainment.scored);
}

export interface OwnedPlan {
  owned: OwnedColumns[];
  /** Print titles (and, when asked, the fit) for each sheet holding owned columns. */
  print: UserSheetPrint[];
  rules: ConditionalRule[];
  problems: LocatedProblem[];
}

/**
 * Plans the owned columns and their rules for every table. `rows` are every evaluated row of the
 * workbook (each row's `input` is the `RowInput` object detection made, which is how rows are matched to
 * their table), or the same already by their input (the first of a row's evaluations counts).
 */
export function planOwnedColumns(
  workbook: { sheets: SheetData[] },
  tables: DetectedTable[],
  rows: RowEvaluation[] | ReadonlyMap<object, RowEvaluation>,
  options: { liveFormulas?: boolean } = {},
): OwnedPlan {
  const withFormulas = options.liveFormulas ?? true;
  let rowsByInput: ReadonlyMap<object, RowEvaluation>;
  if (Array.isArray(rows)) {
    const byInput = new Map<object, RowEvaluation>();
    for (const r of rows) if (!byInput.has(r.input)) byInput.set(r.input, r);
    rowsByInput = byInput;
  } else rowsByInput = rows as ReadonlyMap<object, RowEvaluation>;
  const grids = new Map<string, Grid>();
  const gridOf = (name: string) => {
    let grid = grids.get(name);
    if (!grid) {
      const sheet = workbook.sheets.find((sh) => sh.name === name);
      grid = new Grid(sheet ?? { name, origin: { row: 1, col: 1 }, rows: [], tables: [], merges: [] });
      grids.set(name, grid);
    }
    return grid;
  };
  const owned: OwnedColumns[] = [];
  const shared = new SharedPairs();
  const rules: ConditionalRule[] = [];
  const problems: LocatedProblem[] = [];
  /** Columns already taken per sheet by this plan, so two tables side by side do not share a pair. */
  const taken = new Map<string, Set<number>>();
  let priority = 1;

  for (const table of tables) {
    // Each frame's next free column starts right of the table.
    const nextCol = new Map<TableFrameRef, number>();
    for (const group of groupsOf(table, rowsByInput)) {
      const { frame } = group;
      const grid = gridOf(frame.sheet);
      const range = fromA1Range(frame.ref);
      if (!range || group.rows.length === 0) continue;
      const used = taken.get(frame.sheet) ?? new Set<number>();
      taken.set(frame.sheet, used);
      const firstRow = frame.headerRow + 1;
      const lastRow = maxOf(
        group.rows.map((r) => r.input.sheetRow ?? 0),
        range.bottom,
      );
      const titles = titlesOf(group.label);
      let col = earlierPair(ownedOnRow(grid, frame.headerRow), titles, range.left, used);
      const reused = col !== undefined;
      if (!reused) {
        let c = Math.max(range.right + 1, nextCol.get(frame) ?? 0);
        const limit = c + 200;
        while (c < limit) {
          const fits = [c, c + 1].every((cc) => !used.has(cc) && columnFree(grid, cc, frame.headerRow, lastRow));
          if (fits) break;
          c += 1;
        }
        if (c < limit) col = c;
      }
      if (col === undefined) {
        problems.push({
          code: "invalidArgument",
          sheet: frame.sheet,
          cell: frame.ref,
          message: planStrings.noRoom(frame.sheet, frame.ref),
        });
        continue;
      }
      used.add(col).add(col + 1);
      nextCol.set(frame, col + 2);

      const bottom = reused ? staleBottom(grid, col + 1, lastRow) : lastRow;
      // The block's rows by their offset below the header (an array: a table has up to a million rows).
      const byOffset: (RowEvaluation | undefined)[] = new Array(bottom - firstRow + 1);
      for (const r of group.rows) {
        const offset = (r.input.sheetRow as number) - firstRow;
        if (offset >= 0 && offset < byOffset.length) byOffset[offset] = r;
      }
      const values: PlanCell[][] = [];
      for (let row = firstRow; row <= bottom; row += 1) {
        const r = byOffset[row - firstRow];
        values.push(cellsOf(r, r && withFormulas ? liveFormulas(r, row) : undefined, shared));
      }
      const widths = blockWidths(titles, values);
      owned.push({
        sheet: frame.sheet,
        headerRow: frame.headerRow,
        col,
        headers: titles.map((value) => ({ value, style: HEADER_STYLE })),
        firstRow,
        values,
        widths,
        headerHeight: wrappedHeight(titles, widths, true),
      });

      const conceptCell = `$${columnLetter(col + 1)}${firstRow}`;
      const areas = [toA1Range({ top: firstRow, left: col, bottom, right: col + 1 })];
      if (group.resultCol !== undefined)
        areas.push(toA1Range({ top: firstRow, left: group.resultCol, bottom, right: group.resultCol }));
      for (const { conceptClass, formula } of ruleFormulas(conceptCell)) {
        rules.push({
          sheet: frame.sheet,
          areas,
          conceptClass,
          formula,
          style: CONCEPT_STYLES[conceptClass],
          priority: priority++,
        });
      }
    }
  }
  return { owned, rules, problems, print: userSheetPrint(tables, owned) };
}

/**
 * Print titles for each sheet that holds owned columns: the table's code column (its indicator column
 * when it has no code) repeats on every page, so the owned columns, printed on a page of their own, still name their indicator. The
 * first table on a sheet decides (a sheet rarely holds two, and print titles are one per sheet).
 */
function userSheetPrint(tables: DetectedTable[], owned: OwnedColumns[]): UserSheetPrint[] {
  const out = new Map<string, UserSheetPrint>();
  for (const block of owned) {
    const key = block.sheet.toLowerCase();
    if (out.has(key)) continue;
    const table = tables.find((t) => t.frames.some((f) => f.sheet === block.sheet));
    // The code alone when there is one: the indicator's name is a wide column, and repeating it on every
    // page left room for so little else that the example's sheet went from 12 printed pages to 28.
    const code = table?.columns.find((c) => c.field === "code");
    const name = table?.columns.find((c) => c.field === "indicator");
    const cols = code ? [code.col] : name ? [name.col] : [];
    const print: UserSheetPrint = { sheet: block.sheet };
    // Only when the columns sit left of the owned block: repeating them beside it would print them twice.
    if (cols.length > 0 && Math.max(...cols) < block.col)
      print.titleColumns = { from: Math.min(...cols), to: Math.max(...cols) };
    out.set(key, print);
  }
  return [...out.values()];
}

/** A row of `cellsBesideTables` left with nothing: shared, never changed. */
const NO_CELLS: readonly CellData[] = Object.freeze([]);

/**
 * What `planOwnedColumns` reads of a workbook, and only that: each sheet without the cells of its tables'
 * data (the rows under a table's header, within its columns), which detection has read into the tables'
 * rows already. The plan looks at header rows, at the columns right of a table and at the rows below it,
 * all kept. A host holding a large workbook keeps this while it evaluates instead (the command: a table
 * of a million rows is some 190 MB of cells, and usually nothing lies beside it). Sheets without a table
 * are the workbook's own objects; nothing is changed.
 */
export function cellsBesideTables(workbook: { sheets: SheetData[] }, tables: DetectedTable[]): { sheets: SheetData[] } {
  const blocks = new Map<string, { top: number; bottom: number; left: number; right: number }[]>();
  for (const table of tables)
    for (const frame of table.frames) {
      const range = fromA1Range(frame.ref);
      if (!range || range.bottom <= frame.headerRow) continue;
      const list = blocks.get(frame.sheet) ?? [];
      list.push({ top: frame.headerRow + 1, bottom: range.bottom, left: range.left, right: range.right });
      blocks.set(frame.sheet, list);
    }
  return {
    sheets: workbook.sheets.map((sheet) => {
      const cut = blocks.get(sheet.name);
      if (!cut) return sheet;
      const inside = (row: number, col: number) => {
        for (let i = 0; i < cut.length; i++) {
          const b = cut[i];
          if (row >= b.top && row <= b.bottom && col >= b.left && col <= b.right) return true;
        }
        return false;
      };
      const rows = sheet.rows.map((line, i) => {
        if (!Array.isArray(line)) return line;
        const row = sheet.origin.row + i;
        let kept: CellData[] | undefined;
        for (let j = 0; j < line.length; j++) {
          if (line[j] === undefined || inside(row, sheet.origin.col + j)) continue;
          (kept ??= [])[j] = line[j];
        }
        return kept ?? (NO_CELLS as CellData[]);
      });
      return { ...sheet, rows };
    }),
  };
}
