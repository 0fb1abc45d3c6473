/**
 * Properties of the documents over a contract's term (src/workbook/plan/reports/finalCommunique.ts,
 * src/workbook/plan/reports/additiveTerm.ts) on random results for the fixture's indicators over four quarters
 * (fixture.ts: targets, kinds, justifications as there), some left blank: neither throws; the grau de
 * cumprimento lies between the lowest and the highest quarter and is their mean; every quarter is in exactly
 * one group of the periods per band; "never met" and "without data in most quarters" mean what they say.
 */
import fc from "fast-check";
import { runPipeline } from "../../../../src/workbook/pipeline";
import { buildAdditiveTerm } from "../../../../src/workbook/plan/reports/additiveTerm";
import { buildFinalCommunique } from "../../../../src/workbook/plan/reports/finalCommunique";
import { fmt, sheet, workbook } from "../../fixtures";
import { contractRows } from "./fixture";

/** A result for row `r` of the table: a number on the target's scale, or blank. */
const results = fc.array(fc.option(fc.integer({ min: 0, max: 600 }), { nil: null, freq: 4 }), {
  minLength: 28,
  maxLength: 28,
});

test("property: the grau is the quarters' mean, every quarter in one band group, the reasons hold", () => {
  fc.assert(
    fc.property(results, (values) => {
      let k = 0;
      const rows = contractRows().map((r, i) => {
        if (i < 3) return r; // title, blank, header
        const v = values[k++];
        // Percent targets (≥ 80%, ≥ 95%, até 10%, até 8%, ≥ 50%) get a fraction; counts a number.
        const percent = String(r[4]).includes("%");
        return [...r.slice(0, 5), v === null ? null : percent ? fmt(v / 600, "0%") : v / 2, ...r.slice(6)];
      });
      const evs = runPipeline(workbook(sheet("Indicadores", rows))).evaluations;
      const final = buildFinalCommunique(evs, { source: "x" });
      const figures = evs.map((ev) => ev.overall.value).filter((v): v is number => v !== undefined);
      if (figures.length > 0) {
        expect(final.grade.value).toBeCloseTo(figures.reduce((a, b) => a + b, 0) / figures.length, 9);
        expect(final.grade.value!).toBeGreaterThanOrEqual(Math.min(...figures) - 1e-9);
        expect(final.grade.value!).toBeLessThanOrEqual(Math.max(...figures) + 1e-9);
      } else expect(final.gradeText).toBeUndefined();
      expect(final.periodsByBand.flatMap((p) => p.labels).sort()).toEqual(evs.map((ev) => ev.period!.label).sort());
      // Provisional exactly when a quarter with a figure is incomplete.
      expect(final.provisional.length > 0).toBe(
        evs.some((ev) => ev.overall.value !== undefined && ev.overall.incomplete),
      );
      for (const c of final.neverMet) expect([c.met, c.withData > 0]).toEqual([0, true]);

      const term = buildAdditiveTerm(evs, { source: "x" });
      for (const c of term.candidates) {
        const byQuarter = evs.map((ev) => ev.indicators.find((i) => i.key === c.key));
        const missing = byQuarter.filter((i) => i?.status !== "evaluated").length;
        if (c.reason === "mostlyNoData") expect(missing * 2).toBeGreaterThan(evs.length);
        if (c.reason === "neverMet") expect(byQuarter.every((i) => i?.concept === "B")).toBe(true);
        if (c.reason === "wideMargin")
          expect(byQuarter.every((i) => i?.concept === "A" && i.attainment!.raw >= 1.2 - 1e-9)).toBe(true);
      }
      return true;
    }),
    { numRuns: 25 },
  );
}, 30_000);
