import fc from "fast-check";
import { evaluateRow, type RowInput } from "../../src/core/evaluate";
import { CellTargets, sharedTarget } from "../../src/core/sharedTarget";
import type { Target } from "../../src/core/types";

/** A row with a percentage target and result in two cells. */
function row(target: unknown, result: number, direction?: string): RowInput {
  return {
    sheet: "Indicadores",
    indicator: "Cobertura",
    target: { value: target as never, numberFormat: typeof target === "number" ? "0%" : undefined, address: "C2" },
    result: { value: result, numberFormat: "0%", address: "D2" },
    ...(direction ? { direction: { value: direction, address: "E2" } } : {}),
  };
}

describe("rows share their equal targets", () => {
  test("two rows with the same target hold one object; another target is not that one", () => {
    const a = evaluateRow(row(0.85, 0.9));
    const b = evaluateRow(row(0.85, 0.7));
    const c = evaluateRow(row(0.8, 0.7));
    expect(a.target).toBe(b.target);
    expect(a.target).toEqual({ direction: "atLeast", value: 0.85, unit: "percent", scale: "percent" });
    // A stale share would give the 80% row the 85% target: 0,7 / 0,8 = 87,5% attainment, B.
    expect(c.target?.value).toBe(0.8);
    expect(c.attainment?.raw).toBeCloseTo(0.875, 10);
    expect(c.concept).toBe("B");
    // The same number read as a ceiling is another target: 0,7 ≤ 0,8 meets it.
    const d = evaluateRow(row(0.8, 0.7, "Menor ou igual"));
    expect(d.target?.direction).toBe("atMost");
    expect(d.concept).toBe("A");
    expect(c.target?.direction).toBe("atLeast");
  });

  test("a shared target is frozen: writing to it fails instead of changing every row", () => {
    const t = evaluateRow(row(0.5, 0.6)).target!;
    expect(Object.isFrozen(t)).toBe(true);
    expect(() => {
      (t as { value: number }).value = 1;
    }).toThrow(TypeError);
  });

  test("targets that differ in any field, in -0, or in a missing vs an undefined key are never merged", () => {
    const base: Target = { direction: "atLeast", value: 0, unit: "percent", scale: "percent" };
    const minusZero: Target = { ...base, value: -0 };
    const strictUndefined: Target = { ...base, strict: undefined };
    expect(sharedTarget({ ...base })).not.toBe(sharedTarget(minusZero));
    expect(Object.is(sharedTarget(minusZero).value, -0)).toBe(true);
    expect("strict" in sharedTarget(strictUndefined)).toBe(true);
    expect("strict" in sharedTarget({ ...base })).toBe(false);
    // A range target keeps its own object (its interval is not shared).
    const range: Target = { ...base, direction: "range", interval: { lower: { value: 0.1, inclusive: true } } };
    expect(sharedTarget(range)).toBe(range);
  });

  test("property: the shared target always equals the one given, whatever came before (past the bound too)", () => {
    const arbTarget = fc.record(
      {
        direction: fc.constantFrom("atLeast", "atMost", "exactly" as const),
        value: fc.double({ noNaN: false }),
        unit: fc.constantFrom("percent", "count", "ratio" as const),
        scale: fc.constantFrom("percent", "plain" as const),
        strict: fc.boolean(),
      },
      { requiredKeys: ["direction", "value", "unit", "scale"] },
    ) as fc.Arbitrary<Target>;
    fc.assert(
      fc.property(fc.array(arbTarget, { minLength: 1, maxLength: 60 }), (targets) => {
        for (const t of targets) {
          const copy = { ...t };
          const got = sharedTarget(t);
          expect(Object.keys(got)).toEqual(Object.keys(copy));
          for (const k of Object.keys(copy) as (keyof Target)[]) expect(Object.is(got[k], copy[k])).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("a target cell read once serves the rows that repeat it (CellTargets)", () => {
  test("the same value and format give the shared target; another format, -0 or a direction are read again", () => {
    const cells = new CellTargets();
    const t = sharedTarget({ direction: "atLeast", value: 0.8, unit: "percent", scale: "percent" });
    cells.set(0.8, "0%", t);
    expect(cells.get(0.8, "0%")).toBe(t);
    // 0,8 written without a percent format is 0,8 of a count, not 80%: another reading.
    expect(cells.get(0.8, undefined)).toBeUndefined();
    expect(cells.get("0.8", "0%")).toBeUndefined();
    // A map takes -0 for 0, whose target differs in its value: -0 is never remembered nor found.
    cells.set(0, undefined, sharedTarget({ direction: "atMost", value: 0, unit: "count", scale: "plain" }));
    expect(cells.get(-0, undefined)).toBeUndefined();
    cells.set(-0, "0%", t);
    expect(cells.get(0, "0%")).toBeUndefined();
  });

  test("rows read in any order get what each reads alone: same targets, attainments and concepts", () => {
    // Targets as contracts write them, numbers with and without a format, ranges, -0 and a direction cell.
    const targetArb = fc.constantFrom<unknown>(
      0.8,
      0.85,
      80,
      0,
      -0,
      "≥ 80%",
      "90% ou mais",
      "entre 50% e 70%",
      "até 5%",
    );
    const rowArb = fc.record({
      target: targetArb,
      result: fc.constantFrom(0, 0.05, 0.6, 0.79, 0.8, 0.9, 1),
      direction: fc.constantFrom(undefined, "Menor ou igual", "Maior ou igual"),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 30 }), (specs) => {
        const inOrder = specs.map((s) => evaluateRow(row(s.target, s.result, s.direction)));
        const reversed = [...specs].reverse().map((s) => evaluateRow(row(s.target, s.result, s.direction)));
        reversed.reverse();
        specs.forEach((_, i) => {
          expect(reversed[i].target).toEqual(inOrder[i].target);
          if (inOrder[i].target) expect(Object.is(reversed[i].target!.value, inOrder[i].target!.value)).toBe(true);
          expect(reversed[i].attainment).toEqual(inOrder[i].attainment);
          expect(reversed[i].concept).toBe(inOrder[i].concept);
          expect(reversed[i].status).toBe(inOrder[i].status);
        });
        // A range target is each row's own object, never another row's.
        const ranges = inOrder.filter((e) => e.target?.direction === "range");
        for (let i = 1; i < ranges.length; i++) expect(ranges[i].target).not.toBe(ranges[i - 1].target);
      }),
      { numRuns: 100 },
    );
  });
});
