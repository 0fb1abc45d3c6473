import fc from "fast-check";
import { evaluateRow, type RowInput } from "../../src/core/evaluate";
import { sharedTarget } from "../../src/core/sharedTarget";
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
