/**
 * Why a workbook gave nothing to evaluate, in words a person can act on. For a table found with no data
 * rows: its header rows, the columns recognised (letters, header texts, fields), the key fields missing,
 * why no row was read, and a column mapping written for that sheet with its real letters. For a sheet
 * where no table was found: the row that came closest to a header (most recognised columns), the same
 * lists and mapping, `?` where a key column was not recognised.
 */
import { type DiagnosedColumn, type MissingField, type NoRowsReason } from "../../core/messages";
import { detectionMessages, headerDetectStrings } from "../messages";
import { columnLetter, fromA1Range } from "../a1";
import { FIELD_FROM_PT, type DetectedTable, type Field, type FieldPtBR, type SheetData } from "../model";
import { Grid } from "./grid";
import { analyseRow, type HeaderAnalysis } from "./headerRow";
import { HEADER_WINDOW } from "./sheetTables";

const FIELD_LABELS: Readonly<Record<Field, string>> = detectionMessages.detectFieldLabels;
const PT_OF_FIELD = Object.fromEntries(Object.entries(FIELD_FROM_PT).map(([pt, field]) => [field, pt])) as Record<
  Field,
  FieldPtBR
>;
/** Key fields first in a mapping, in this order; the others follow by column. */
const KEY_FIELDS: readonly Field[] = ["indicator", "target", "result", "numerator", "denominator", "period"];

/**
 * A mapping for one sheet as the README writes it: `{ "tabelas": [{ "planilha": "Indicadores",
 * "linhaCabecalho": 3, "colunas": { "indicador": "C", … } }] }`.
 */
export function mappingExample(sheet: string, headerRow: number, columns: { field: Field; letter: string }[]): string {
  const ordered = [...columns].sort((a, b) => {
    const ka = KEY_FIELDS.indexOf(a.field);
    const kb = KEY_FIELDS.indexOf(b.field);
    return (ka < 0 ? KEY_FIELDS.length : ka) - (kb < 0 ? KEY_FIELDS.length : kb);
  });
  const entries = ordered.map((c) => `${JSON.stringify(PT_OF_FIELD[c.field])}: ${JSON.stringify(c.letter)}`).join(", ");
  return `{ "tabelas": [{ "planilha": ${JSON.stringify(sheet)}, "linhaCabecalho": ${headerRow}, "colunas": { ${entries} } }] }`;
}

/** Header cells of `cols` not among `taken`, as unnamed columns. */
function unnamedColumns(texts: Map<number, string>, taken: Set<number>): DiagnosedColumn[] {
  return [...texts.entries()]
    .filter(([col, text]) => !taken.has(col) && text !== "")
    .sort((a, b) => a[0] - b[0])
    .map(([col, header]) => ({ letter: columnLetter(col), header }));
}

/**
 * The columns a mapping needs: the recognised fields (a wide table's per-period columns are read from the
 * header, so no result, period nor, with targets per period, target), and `?` for a key field missing.
 */
function mappingColumns(
  fields: { field: Field; col: number }[],
  missing: MissingField[],
  wide: boolean,
  periodTargets: boolean,
) {
  const skip = new Set<Field>(wide ? ["result", "period", ...(periodTargets ? (["target"] as Field[]) : [])] : []);
  const columns = fields
    .filter((f) => !skip.has(f.field))
    .map((f) => ({ field: f.field, letter: columnLetter(f.col) }));
  for (const m of missing) if (!skip.has(m)) columns.push({ field: m, letter: "?" });
  return columns;
}

/** Why a table read no row: what lies under its header (blank rows, a footer, rows without indicators). */
function noRowsReason(grid: Grid, table: DetectedTable): NoRowsReason {
  const range = fromA1Range(table.ref);
  const left = range?.left ?? grid.left;
  const right = range?.right ?? grid.right;
  let r = table.headerRow + 1;
  while (r <= grid.bottom && !grid.isBlank(r, left, right) && grid.isDecorativeRow(r, left, right)) r += 1;
  if (r > grid.bottom) return { kind: "end" };
  if (grid.isFooter(r, right, left)) return { kind: "footer", row: r };
  if (grid.isBlank(r, left, right)) {
    let to = r;
    while (to + 1 <= grid.bottom && grid.isBlank(to + 1, left, right)) to += 1;
    return { kind: "blank", row: r, to, ...(to + 1 <= grid.bottom ? { next: to + 1 } : {}) };
  }
  return { kind: "unread", row: r, to: Math.max(r, range?.bottom ?? r) };
}

/** The diagnosis of a table found with no data rows, as a pt-BR message (see the module's note). */
export function diagnoseEmptyTable(table: DetectedTable, sheet: SheetData | undefined): string {
  const grid = new Grid(sheet ?? { name: table.sheet, origin: { row: 1, col: 1 }, rows: [], tables: [], merges: [] });
  const first = fromA1Range(table.ref)?.top ?? table.headerRow;
  const plain = table.columns.filter((c) => !c.period);
  const columns: DiagnosedColumn[] = table.columns.map((c) => ({
    letter: columnLetter(c.col),
    header: c.header,
    field: c.period ? `${FIELD_LABELS[c.field]} de ${c.period.label}` : FIELD_LABELS[c.field],
  }));
  const taken = new Set(table.columns.map((c) => c.col));
  const texts = new Map<number, string>();
  const range = fromA1Range(table.ref);
  for (let col = range?.left ?? grid.left; col <= (range?.right ?? grid.right); col += 1) {
    const text = grid.text(table.headerRow, col) || grid.text(first, col);
    if (text) texts.set(col, text);
  }
  const missing: MissingField[] = (["indicator", "target", "result"] as const).filter((f) =>
    table.unmapped.includes(f),
  );
  const wide = table.layout !== "long";
  if (!wide && !plain.some((c) => c.field === "period")) missing.push("period");
  const mapped = plain.map((c) => ({ field: c.field, col: c.col }));
  return headerDetectStrings.sheetDiagnosis({
    sheet: table.sheet,
    header: { first, last: table.headerRow },
    found: true,
    columns,
    unnamed: unnamedColumns(texts, taken),
    missing,
    noRows: noRowsReason(grid, table),
    mapping:
      table.layout === "panel"
        ? undefined
        : mappingExample(
            table.sheet,
            table.headerRow,
            mappingColumns(
              mapped,
              missing,
              wide,
              table.columns.some((c) => c.period && c.field === "target"),
            ),
          ),
  });
}

/** How much a row looks like a header: its recognised fields, and one more for period columns. */
function resemblance(header: HeaderAnalysis): number {
  return header.fields.size + (header.periodCols.length > 0 ? 1 : 0);
}

/** The row of a sheet that comes closest to an indicator header: two recognised columns at least. */
function closestHeader(grid: Grid): HeaderAnalysis | undefined {
  let best: HeaderAnalysis | undefined;
  for (let row = grid.top; row <= Math.min(grid.bottom, grid.top + HEADER_WINDOW - 1); row += 1) {
    if (grid.isBlank(row)) continue;
    const header = analyseRow(grid, row);
    if (resemblance(header) >= 2 && (!best || resemblance(header) > resemblance(best))) best = header;
  }
  return best;
}

/**
 * The diagnosis of the sheets where no table was found (see the module's note): a sentence per sheet with
 * a row close to a header, one for the sheets without any.
 */
export function diagnoseSheets(sheets: SheetData[]): string[] {
  const lines: string[] = [];
  const bare: string[] = [];
  for (const sheet of sheets) {
    const grid = new Grid(sheet);
    const header = closestHeader(grid);
    if (!header) {
      bare.push(grid.name);
      continue;
    }
    const fields = [...header.fields.entries()]
      .map(([field, { col }]) => ({ field, col }))
      .sort((a, b) => a.col - b.col);
    const columns: DiagnosedColumn[] = [
      ...fields.map(({ field, col }) => ({ col, header: header.texts.get(col) ?? "", field: FIELD_LABELS[field] })),
      ...header.periodCols.map((p) => ({ col: p.col, header: p.header, field: FIELD_LABELS.period })),
    ]
      .sort((a, b) => a.col - b.col)
      .map(({ col, ...rest }) => ({ letter: columnLetter(col), ...rest }));
    const taken = new Set([...fields.map((f) => f.col), ...header.periodCols.map((p) => p.col)]);
    const has = (f: Field) => header.fields.has(f);
    const wide = header.periodCols.length > 0 && !has("period");
    const missing: MissingField[] = [];
    if (!has("indicator")) missing.push("indicator");
    if (!has("target") && header.targetPeriodCols.length === 0) missing.push("target");
    if (!has("result") && !(has("numerator") && has("denominator")) && !wide) missing.push("result");
    if (!has("period") && !wide) missing.push("period");
    lines.push(
      headerDetectStrings.sheetDiagnosis({
        sheet: grid.name,
        header: { first: header.firstRow, last: header.row },
        found: false,
        columns,
        unnamed: unnamedColumns(header.texts, taken),
        missing,
        mapping: mappingExample(
          grid.name,
          header.row,
          mappingColumns(fields, missing, wide, header.targetPeriodCols.length > 0),
        ),
      }),
    );
  }
  if (bare.length > 0) lines.push(headerDetectStrings.sheetsWithoutHeaders(bare));
  return lines;
}
