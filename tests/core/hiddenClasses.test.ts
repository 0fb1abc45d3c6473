/**
 * Objects made per row share their hidden class. In this V8 (Node 20) an object built as
 * `{ ...other, newKey }` in optimised code gets a class of its own: each costs about a microsecond and keeps
 * a class alive, and every function that reads such objects falls back to a lookup per property. A 100k-row
 * evaluation once held 13k such classes (rows without a result, missing results, problems, summary cells);
 * building them key by key cut the command's evaluation by a tenth. This guards that: the objects are made
 * in quantity (so that V8 optimises the code that makes them) and the last two of each kind must share one
 * class.
 */
import v8 from "v8";
import { evaluateContract, type RowInput } from "../../src/core/evaluate";
import { makePeriod } from "../../src/core/periods";
import { pendingItems } from "../../src/workbook/view";

v8.setFlagsFromString("--allow-natives-syntax");
// Compiled after the flag is set, so that V8's own check is allowed in it.
const sameClass = new Function("a", "b", "return %HaveSameMap(a, b);") as (a: object, b: object) => boolean;

const T1 = makePeriod("quarter", 2025, 1);

/**
 * A table of `units` units × one indicator × three months, where every unit leaves February's result blank
 * (a row without data) and March's row out (a missing row), and every second unit types an unreadable
 * result in January (a located problem).
 */
function table(units: number): RowInput[] {
  const rows: RowInput[] = [];
  for (let u = 0; u < units; u++) {
    const unit = `UBS ${u}`;
    const line = (m: number, result: unknown): RowInput => ({
      sheet: "Indicadores",
      code: "I1",
      indicator: "Consultas",
      unit,
      period: makePeriod("month", 2025, m),
      target: { value: 0.8, numberFormat: "0%", address: `D${rows.length + 2}` },
      result: { value: result as never, numberFormat: "0%", address: `E${rows.length + 2}` },
    });
    rows.push(line(1, u % 2 === 0 ? "n/d?" : 0.9));
    rows.push(line(2, null));
  }
  return rows;
}

test("rows without a result, missing results and problems made in quantity share one hidden class each", () => {
  let ev = evaluateContract(table(50), { period: T1 });
  // Enough calls for V8 to optimise the code that reads rows and owes results.
  for (let i = 0; i < 20; i++) ev = evaluateContract(table(500), { period: T1 });
  const rows = ev.indicators[0].rows;
  const blank = rows.filter((r) => r.status === "noData");
  const unreadable = rows.filter((r) => r.status === "invalid");
  // 500 units: 500 blank Februaries, 250 unreadable Januaries, each with its problem.
  expect(blank).toHaveLength(500);
  expect(unreadable).toHaveLength(250);
  expect(sameClass(blank[498], blank[499])).toBe(true);
  expect(sameClass(unreadable[248], unreadable[249])).toBe(true);
  expect(sameClass(unreadable[248].problems[0], unreadable[249].problems[0])).toBe(true);
  // Owed: 500 units × 3 months; missing: February (blank) and March (no row) of every unit, and January
  // of the 250 unreadable ones → 1000 + 250.
  const slots = ev.completeness.slots;
  expect(ev.completeness.expected).toBe(1500);
  expect(slots).toHaveLength(1250);
  const blanks = slots.filter((s) => s.state === "blank");
  const absent = slots.filter((s) => s.state === "missingRow");
  expect(sameClass(blanks[blanks.length - 2], blanks[blanks.length - 1])).toBe(true);
  expect(sameClass(absent[absent.length - 2], absent[absent.length - 1])).toBe(true);
  // The reports list the same missing results (workbook/view): their items share a class too.
  const items = pendingItems(ev);
  expect(items).toHaveLength(1250);
  // Of one kind each (a blank names its cell, a missing row has none to name).
  const withCell = items.filter((i) => i.cell !== undefined);
  const withoutCell = items.filter((i) => i.cell === undefined);
  expect(sameClass(withCell[withCell.length - 2], withCell[withCell.length - 1])).toBe(true);
  expect(sameClass(withoutCell[withoutCell.length - 2], withoutCell[withoutCell.length - 1])).toBe(true);
});
