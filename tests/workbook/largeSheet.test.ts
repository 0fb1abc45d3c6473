/**
 * A sheet longer than a function call can take arguments: V8 throws `RangeError: Maximum call stack size
 * exceeded` when an array of more than about 125k items is spread into `Math.max(...)` or `push(...)`, and
 * the command crashed that way on tables of 130k rows (planning the owned columns). A 300k-row table is
 * planned here; the helpers that replaced the spreads are checked at lengths past that limit.
 */
import { runPipeline } from "../../src/workbook/pipeline";
import { planOwnedColumns } from "../../src/workbook/plan/owned";
import type { RowEvaluation } from "../../src/core/evaluate";
import type { CellData, DetectedTable, SheetData } from "../../src/workbook/model";
import { maxOf, minOf, pushAll, unshiftAll } from "../../src/core/arrays";

const BLOCK = 240; // 20 indicators × 12 months: one unit's rows
const UNITS = 1250; // × 240 = 300 000 rows

/**
 * Header on row 1 (A–F), then rows 2 … 1 + units × 240, one unit's 240 rows repeated (the same row arrays:
 * the planner only reads them); results 85% against 80%.
 */
function sheetOf(units: number): SheetData {
  const text = (value: string): CellData => ({ value });
  const block: CellData[][] = [];
  for (let r = 0; r < BLOCK; r++) {
    const i = r % 20;
    const m = Math.floor(r / 20) % 12;
    block.push([
      text(`I${i + 1}`),
      text(`Indicador ${i + 1}`),
      text(`2025-${String(m + 1).padStart(2, "0")}`),
      text("80%"),
      { value: 0.85, numberFormat: "0%" },
      text("UBS"),
    ]);
  }
  const rows: CellData[][] = [["Código", "Indicador", "Mês", "Meta", "Resultado", "Unidade"].map(text)];
  for (let r = 0; r < units * BLOCK; r++) rows.push(block[r % BLOCK]);
  return { name: "Indicadores", origin: { row: 1, col: 1 }, rows, tables: [], merges: [] };
}

/**
 * The pipeline on one unit's 240 rows (cheap), then its table and row evaluations repeated for every unit
 * further down the sheet: what the pipeline would give for the whole sheet, without evaluating 300k rows.
 * The copies keep the first unit's cell addresses, so the planner writes values without live formulas
 * (those need the result on the row itself); where the columns go and how many rows they cover is the same.
 */
function largeTable(): { sheet: SheetData; table: DetectedTable; rows: RowEvaluation[] } {
  const small = runPipeline({ sheets: [sheetOf(1)] });
  const [table] = small.tables;
  const evaluated = small.evaluations.flatMap((ev) => ev.indicators.flatMap((i) => i.rows));
  expect(evaluated).toHaveLength(BLOCK);
  const rows: RowEvaluation[] = [];
  for (let u = 0; u < UNITS; u++) {
    const by = u * BLOCK;
    for (const e of evaluated) {
      rows.push({ ...e, input: { ...e.input, sheetRow: (e.input.sheetRow ?? 0) + by } });
    }
  }
  const ref = `A1:F${1 + UNITS * BLOCK}`;
  return {
    sheet: sheetOf(UNITS),
    table: { ...table, ref, frames: table.frames.map((f) => ({ ...f, ref })), rows: rows.map((r) => r.input) },
    rows,
  };
}

describe("a 300k-row table", () => {
  test("gets its owned columns planned without overflowing the call stack", () => {
    const { sheet, table, rows } = largeTable();
    const plan = planOwnedColumns({ sheets: [sheet] }, [table], rows);
    expect(plan.problems).toEqual([]);
    expect(plan.owned).toHaveLength(1);
    const [block] = plan.owned;
    // Beside the table's six columns (A–F), rows 2 … 300 001: one owned row per data row.
    expect(block.col).toBe(7);
    expect(block.firstRow).toBe(2);
    expect(block.values).toHaveLength(UNITS * BLOCK);
    // The last row: 85% / 80% = 106%, capped at 100%; concept A.
    expect(block.values[UNITS * BLOCK - 1].map((c) => c.value)).toEqual([1, "A"]);
    expect(plan.rules[0].areas[0]).toBe(`G2:H${1 + UNITS * BLOCK}`);
  });
});

describe("the helpers that replaced the spreads", () => {
  const long = Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 200_003);
  test("maxOf and minOf take any length and agree with a sort", () => {
    const sorted = [...long].sort((a, b) => a - b);
    expect(maxOf(long)).toBe(sorted[sorted.length - 1]);
    expect(minOf(long)).toBe(sorted[0]);
    // The floor or ceiling counts as one more value, and stands alone for an empty list (as Math.max()).
    expect(maxOf([], 3)).toBe(3);
    expect(maxOf([1, 2], 3)).toBe(3);
    expect(minOf([5, 9], 7)).toBe(5);
    expect(maxOf([])).toBe(-Infinity);
    expect(maxOf([1, NaN, 2])).toBeNaN();
  });
  test("pushAll and unshiftAll keep order at any length", () => {
    const target = [-2, -1];
    pushAll(target, long);
    expect(target.length).toBe(long.length + 2);
    expect(target[2]).toBe(long[0]);
    expect(target[target.length - 1]).toBe(long[long.length - 1]);
    const front = unshiftAll([1, 2], long);
    expect(front.slice(0, 3)).toEqual(long.slice(0, 3));
    expect(front.slice(-2)).toEqual([1, 2]);
  });
});
