/**
 * The national presets as their sources state them (core/evaluate): the co-financing's nota over the ten
 * weights of Nota Técnica nº 8/2026-DEAPS (a missing indicator adds nothing, the team is incompleta), its
 * results from numerator ÷ denominator, the scale guard on columns of plain fractions; Previne Brasil's
 * coverage of its seven indicators (ISF parcial), justifications that never score without a commission, and
 * the concept of a pooled figure (*conjunto*) following its own result. Every number is worked out beside it.
 */
import fc from "fast-check";
import { COFINANCIAMENTO_INDICATORS as COFIN } from "../../src/core/catalogs/cofinanciamento";
import {
  areFractions,
  evaluateContract,
  evaluateRow,
  findFractionColumns,
  type RowInput,
} from "../../src/core/evaluate";
import { presets } from "../../src/core/presets";

const cofin = presets.cofinanciamento;

/** A co-financing row of indicator `code` (C1…C7) with a plain result, no target, at `E<n>`. */
function cofinRow(code: string, result: unknown, n = 2, extra: Partial<RowInput> = {}): RowInput {
  return {
    sheet: "Equipes",
    code,
    indicator: code,
    target: { value: null },
    result: { value: result as never, address: `E${n}` },
    ...extra,
  };
}

describe("co-financing: numerator ÷ denominator × 100 when that is all there is", () => {
  test("45 ÷ 60 = 75 points → Bom for C2 (> 50 e ≤ 75)", () => {
    const row: RowInput = {
      code: "C2",
      indicator: "C2",
      target: { value: null },
      weight: { value: 2 },
      numerator: { value: 45, address: "E2" },
      denominator: { value: 60, address: "F2" },
    };
    const r = evaluateRow(row, { preset: cofin });
    expect([r.status, r.result, r.resultScale, r.ratio]).toEqual([
      "evaluated",
      0.75,
      "percent",
      { numerator: 45, denominator: 60 },
    ]);
    expect(r.classification?.label).toBe("Bom");
    const ev = evaluateContract([row], { preset: cofin });
    // 0,75 as a share is 75 points; Bom is worth 0,75, × peso 2 = 1,5 over the ten weights.
    expect(ev.indicators[0]).toMatchObject({ result: 75, classification: { label: "Bom" }, score: 0.75 });
    expect(ev.overall.value).toBeCloseTo(1.5, 12);
  });

  test("a zero denominator or half a ratio is invalid, with the cell; no ratio at all is Sem dado", () => {
    const zero = evaluateRow(
      {
        code: "C2",
        indicator: "C2",
        target: { value: null },
        numerator: { value: 3 },
        denominator: { value: 0, address: "F2" },
      },
      { preset: cofin },
    );
    expect([zero.status, zero.problems[0]?.code, zero.problems[0]?.cell]).toEqual(["invalid", "zeroDenominator", "F2"]);
    const half = evaluateRow(
      {
        code: "C2",
        indicator: "C2",
        target: { value: null },
        numerator: { value: 3, address: "E2" },
        denominator: { value: null, address: "F2" },
      },
      { preset: cofin },
    );
    expect([half.status, half.problems[0]?.cell]).toEqual(["invalid", "F2"]);
    expect(
      evaluateRow(
        {
          code: "C2",
          indicator: "C2",
          target: { value: null },
          numerator: { value: null },
          denominator: { value: null },
        },
        { preset: cofin },
      ).status,
    ).toBe("noData");
  });
});

describe("co-financing: a column of plain fractions is a scale problem, never 0,6 points", () => {
  test("C2 typed 0,6 and 0,8 (no % format) is not classified; one problem names both cells", () => {
    const rows = [cofinRow("C2", 0.6, 2), cofinRow("C2", 0.8, 3), cofinRow("C3", 80, 4, { weight: { value: 2 } })];
    const columns = findFractionColumns(rows, cofin);
    expect(columns).toHaveLength(1);
    expect(columns[0].rows).toEqual(rows.slice(0, 2));
    expect(columns[0].problem).toMatchObject({ code: "ambiguousScale", sheet: "Equipes", cell: "E2" });
    expect(columns[0].problem.message).toContain("(E2, E3)");
    expect(columns[0].problem.message).toContain("Escreva 60 (ou 60%)");
    const ev = evaluateContract(rows, { preset: cofin });
    // C2 is invalid (no class, not 0,6 points → Regular); C3 80 → Ótimo, 1 × 2 = 2 over the ten weights.
    expect(ev.indicators.map((i) => [i.status, i.classification?.label])).toEqual([
      ["invalid", undefined],
      ["evaluated", "Ótimo"],
    ]);
    expect(ev.overall.value).toBeCloseTo(2, 12);
    expect(ev.problems.filter((p) => p.code === "ambiguousScale")).toHaveLength(1);
  });

  test("60% with a percent format is 60 points; a column with one value above 1, or all zeros, is taken as it is", () => {
    expect(
      findFractionColumns(
        [cofinRow("C2", 0.6, 2, { result: { value: 0.6, numberFormat: "0%", address: "E2" } })],
        cofin,
      ),
    ).toEqual([]);
    const pct = evaluateContract([cofinRow("C2", 0.6, 2, { result: { value: 0.6, numberFormat: "0%" } })], {
      preset: cofin,
    });
    expect([pct.indicators[0].result, pct.indicators[0].classification?.label]).toEqual([60, "Bom"]);
    expect(findFractionColumns([cofinRow("C2", 0.6, 2), cofinRow("C2", 40, 3)], cofin)).toEqual([]);
    expect(findFractionColumns([cofinRow("C2", 0, 2), cofinRow("C2", 0, 3)], cofin)).toEqual([]);
    // The contract presets compare with targets and have their own scale rule.
    expect(findFractionColumns([cofinRow("C2", 0.6, 2)], presets.instrumento)).toEqual([]);
  });

  test("property: plain values in [0, 1], some above 0, are never classified; any value above 1 lifts the doubt", () => {
    const fraction = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fraction, { minLength: 1, maxLength: 8 }),
        fc.double({ min: 1.0001, max: 100, noNaN: true }),
        (values, big) => {
          const rows = values.map((v, i) => cofinRow("C4", v, i + 2));
          const flagged = values.some((v) => v > 0);
          expect(areFractions(values.map((value) => ({ value, scale: "plain" as const })))).toBe(flagged);
          const ev = evaluateContract(rows, { preset: cofin });
          expect(ev.indicators[0].status).toBe(flagged ? "invalid" : "evaluated");
          if (flagged) expect(ev.indicators[0].classification).toBeUndefined();
          const mixed = evaluateContract([...rows, cofinRow("C4", big, 20)], { preset: cofin });
          expect(mixed.indicators[0].status).toBe("evaluated");
        },
      ),
    );
  });
});

describe("co-financing: a missing indicator adds nothing, and the weights are never rescaled", () => {
  // The technical note's worked example without C7: Bom, Ótimo, Ótimo, Suficiente, Regular, Ótimo, C7 missing
  // → 0,75 × 1 + 1 × 2 + 1 × 2 + 0,5 × 1 + 0,25 × 1 + 1 × 1 + 0 × 2 = 6,5 → Bom (rescaled it would be
  // 6,5 ÷ 8 × 10 = 8,125 → Ótimo).
  const six = [40, 80, 90, 30, 20, 76].map((v, i) =>
    cofinRow(COFIN[i].code, v, i + 2, { weight: { value: COFIN[i].weight } }),
  );

  test("C7 without a row: nota 6,5, Bom, incompleta naming C7", () => {
    const ev = evaluateContract(six, { preset: cofin });
    expect(ev.overall.value).toBeCloseTo(6.5, 12);
    expect(ev.band?.band.label).toBe("Bom");
    expect(ev.overall).toMatchObject({ weightTotal: 10, scored: 7, withData: 6, withoutData: 1, incomplete: true });
    expect(ev.coverage).toEqual({
      whenMissing: "zero",
      total: 7,
      present: ["C1", "C2", "C3", "C4", "C5", "C6"],
      missing: [{ code: "C7", name: "Cuidado da mulher na prevenção do câncer", weight: 2 }],
      absent: 1,
    });
  });

  test("C7 with a row but no result, or an unreadable one: the same 6,5", () => {
    for (const value of [null, "n/d"]) {
      const ev = evaluateContract([...six, cofinRow("C7", value, 8, { weight: { value: 2 } })], { preset: cofin });
      expect(ev.overall.value).toBeCloseTo(6.5, 12);
      expect(ev.coverage?.missing.map((m) => m.code)).toEqual(["C7"]);
      expect(ev.coverage?.absent).toBe(0);
      expect([ev.overall.scored, ev.overall.withData]).toEqual([7, 6]);
    }
  });

  test("property: the nota is Σ factor × peso of the indicators with a result, whatever is missing", () => {
    const factor = (code: string, v: number) => {
      if (code === "C1") return v > 50 && v <= 70 ? 1 : v > 30 && v <= 50 ? 0.75 : v > 10 && v <= 30 ? 0.5 : 0.25;
      return v > 75 ? 1 : v > 50 ? 0.75 : v > 25 ? 0.5 : 0.25;
    };
    const result = fc.option(fc.integer({ min: 2, max: 100 }), { nil: undefined });
    fc.assert(
      fc.property(fc.array(result, { minLength: 7, maxLength: 7 }), (values) => {
        fc.pre(values.some((v) => v !== undefined));
        const rows = values.flatMap((v, i) =>
          v === undefined ? [] : [cofinRow(COFIN[i].code, v, i + 2, { weight: { value: COFIN[i].weight } })],
        );
        const expected = values.reduce<number>(
          (s, v, i) => s + (v === undefined ? 0 : factor(COFIN[i].code, v) * COFIN[i].weight),
          0,
        );
        const ev = evaluateContract(rows, { preset: cofin });
        expect(ev.overall.value).toBeCloseTo(expected, 10);
        expect(ev.overall.incomplete).toBe(values.some((v) => v === undefined));
        expect(ev.coverage?.missing.map((m) => m.code)).toEqual(
          COFIN.filter((_, i) => values[i] === undefined).map((c) => c.code),
        );
      }),
    );
  });
});

describe("Previne Brasil: coverage of the seven, justifications, the pooled figure", () => {
  const hypertension = (result: number, extra: Partial<RowInput> = {}): RowInput => ({
    code: "6",
    indicator: "Pessoas com hipertensão",
    target: { value: 0.5, numberFormat: "0%" },
    weight: { value: 2 },
    result: { value: result, numberFormat: "0%" },
    ...extra,
  });

  test("one indicator: the value is its nota (8,0 for 40% against 50%), and the coverage says 1 of 7", () => {
    const ev = evaluateContract([hypertension(0.4)], { preset: presets.previne });
    expect(ev.overall.value).toBeCloseTo(8, 12);
    expect(ev.coverage).toMatchObject({ whenMissing: "partial", total: 7, present: ["6"] });
    expect(ev.coverage?.missing.map((m) => m.code)).toEqual(["1", "2", "3", "4", "5", "7"]);
    // A partial ISF is not a co-financing nota: nothing else changes (weights of the indicators present only).
    expect([ev.overall.weightTotal, ev.overall.incomplete]).toEqual([2, false]);
  });

  test("no commission: an accepted justification never changes the nota (it would under a contract's rules)", () => {
    const justified = hypertension(0.4, {
      justification: "Falta de esfigmomanômetros",
      justificationAccepted: { value: "Sim" },
    });
    const previne = evaluateContract([justified], { preset: presets.previne });
    // 40% of 50%: nota 8,0, with or without the justification; the text is still shown.
    expect(previne.overall.value).toBeCloseTo(8, 12);
    expect(previne.indicators[0]).toMatchObject({ concept: "B", justification: "Falta de esfigmomanômetros" });
    expect(previne.indicators[0].decision).toBeUndefined();
    // The same row under the contract instrument: accepted totally, it counts as met (100%).
    const contract = evaluateContract([justified], { preset: presets.instrumento });
    expect([contract.indicators[0].decision, contract.overall.attainment]).toEqual(["total", 1]);
  });

  test("the pooled figure's concept follows its own result: 40% and 70% → mean 55% ≥ 50% → A", () => {
    const rows = [hypertension(0.4, { municipality: "Barroso" }), hypertension(0.7, { municipality: "Tiradentes" })];
    const ev = evaluateContract(rows, { preset: presets.previne, pooled: true });
    expect(ev.indicators[0].result).toBeCloseTo(0.55, 12);
    expect(ev.indicators[0].concept).toBe("A");
    expect(ev.overall.met).toBe(1);
    // The nota of the conjunto is its own result's: 55% against 50% → min(10; 11) = 10.
    expect(ev.overall.value).toBeCloseTo(10, 12);
  });
});
