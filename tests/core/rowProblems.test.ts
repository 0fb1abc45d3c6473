import { evaluateContract, evaluateRow, type RowInput } from "../../src/core/evaluate";
import { makePeriod } from "../../src/core/periods";

const JAN = makePeriod("month", 2025, 1);
const T1 = makePeriod("quarter", 2025, 1);

/** A row of unit `unit` for January, target 80%, result `result` in cell D`line`. */
function row(unit: string, result: number, line: number): RowInput {
  return {
    sheet: "Indicadores",
    indicator: "Cobertura",
    unit,
    period: JAN,
    target: { value: 0.8, numberFormat: "0%", address: `C${line}` },
    result: { value: result, numberFormat: "0%", address: `D${line}` },
  };
}

describe("clean rows share one empty problem list; a problem found later is the row's own", () => {
  test("the second of two equal rows of a unit and month gets its duplicate note; the others stay clean", () => {
    // UBS A has 90% twice for January (rows 2 and 3): the second is a duplicate (a note). UBS B is clean.
    const ev = evaluateContract([row("UBS A", 0.9, 2), row("UBS A", 0.9, 3), row("UBS B", 0.7, 4)], { period: T1 });
    const rows = ev.indicators[0].rows;
    const byCell = new Map(rows.map((r) => [r.input.result!.address, r]));
    expect(byCell.get("D3")!.problems.map((p) => p.code)).toEqual(["duplicate"]);
    expect(byCell.get("D2")!.problems).toEqual([]);
    expect(byCell.get("D4")!.problems).toEqual([]);
    // Had the note gone into a list the clean rows share, they would show it too (checked above); and the
    // shared list refuses a push instead of passing a problem on to every clean row.
    expect(Object.isFrozen(byCell.get("D4")!.problems)).toBe(true);
    expect(() => byCell.get("D4")!.problems.push({ code: "empty", message: "x" })).toThrow(TypeError);
    // A later clean row is still clean.
    expect(evaluateRow(row("UBS C", 0.85, 5)).problems).toEqual([]);
  });

  test("a row read with a problem keeps its own list", () => {
    const bad = evaluateRow({ ...row("UBS A", 0.9, 2), result: { value: "muito", address: "D2" } });
    expect(bad.status).toBe("invalid");
    expect(bad.problems).toHaveLength(1);
    expect(Object.isFrozen(bad.problems)).toBe(false);
  });
});
