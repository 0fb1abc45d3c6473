/**
 * What a period owes and what it holds twice or cannot hold (core/completeness, core/evaluate): totals rows,
 * the expected grid, implausible results, periodicities; and two properties over random tables — a blank
 * month never raises the band, and a month removed from the data never leaves the pending list.
 */
import fc from "fast-check";
import { isImplausible, isTotalsUnit, slotsOf } from "../../src/core/completeness";
import { evaluateContract, evaluatePart, type RowInput } from "../../src/core/evaluate";
import { parsePeriodicity } from "../../src/core/parse";
import { makePeriod } from "../../src/core/periods";

const T1 = makePeriod("quarter", 2025, 1);
const month = (m: number) => makePeriod("month", 2025, m);

function row(
  code: string,
  unit: string | undefined,
  m: number,
  result: number | null,
  extra: Partial<RowInput> = {},
): RowInput {
  return {
    sheet: "Indicadores",
    code,
    indicator: `Indicador ${code}`,
    ...(unit ? { unit } : {}),
    period: month(m),
    target: { value: "≥ 300", address: `C${m}` },
    result: { value: result, address: `F${m}` },
    ...extra,
  };
}

describe("helpers", () => {
  test("totals rows: the totals words and the municipality's own name, case and accents ignored", () => {
    for (const unit of ["Total", "TOTAL GERAL", "Município", "municipio", "Geral", "Todas as unidades"])
      expect(isTotalsUnit(unit)).toBe(true);
    expect(isTotalsUnit("Lavras", "LAVRAS")).toBe(true);
    for (const unit of ["UBS Centro", "Total Saúde (UBS)", ""]) expect(isTotalsUnit(unit)).toBe(false);
    expect(isTotalsUnit(undefined)).toBe(false);
  });

  test("slots of a period: months of a quarter, the one quarter, none for a longer periodicity", () => {
    expect(slotsOf(T1, "month").map((p) => p.label)).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(slotsOf(T1, "quarter").map((p) => p.label)).toEqual(["2025-T1"]);
    // A semester does not fit in a quarter: nothing is owed in it.
    expect(slotsOf(T1, "semester")).toEqual([]);
    expect(slotsOf(makePeriod("fourMonth", 2025, 1), "bimester").map((p) => p.label)).toEqual(["2025-B1", "2025-B2"]);
  });

  test("periodicities as the instrument writes them", () => {
    expect(["Mensal", "Bimestral", "Trimestral", "Quadrimestral", "Semestral", "Anual"].map(parsePeriodicity)).toEqual([
      "month",
      "bimester",
      "quarter",
      "fourMonth",
      "semester",
      "year",
    ]);
    expect(["4 vezes ao ano", "2 vezes por ano", "12x ao ano", "Diária"].map(parsePeriodicity)).toEqual([
      "quarter",
      "semester",
      "month",
      "month",
    ]);
    expect(parsePeriodicity("quando houver")).toBeUndefined();
  });

  test("implausible: above 1000% for percentages, above a billion for counts, never finite", () => {
    // 1000% is 10 as a fraction: the boundary itself is still possible (a count ratio), 10,0001 is not.
    expect([
      isImplausible(10, true),
      isImplausible(10.0001, true),
      isImplausible(1e9, false),
      isImplausible(1e9 + 1, false),
    ]).toEqual([false, true, false, true]);
    expect([isImplausible(Infinity, false), isImplausible(NaN, true), isImplausible(1e300, false)]).toEqual([
      true,
      true,
      true,
    ]);
  });
});

describe("the expected grid", () => {
  test("a quarterly indicator owes one result in the quarter, not three", () => {
    // Periodicidade "Trimestral": March's row alone satisfies the quarter; January and February blank are not pending.
    const periodicity = { value: "Trimestral" };
    const rows = [
      row("I1", undefined, 1, null, { periodicity }),
      row("I1", undefined, 2, null, { periodicity }),
      row("I1", undefined, 3, 310, { periodicity }),
    ];
    const ev = evaluateContract(rows, { period: T1 });
    expect(ev.completeness).toMatchObject({ expected: 1, missing: 0, incomplete: false });
  });

  test("a totals row is shown but neither pooled nor expected", () => {
    // Units: 300 and 320 each month → mean 310. The Total rows (620) would drag the mean to 413,3 if pooled.
    const rows = [1, 2, 3].flatMap((m) => [
      row("I1", "UBS A", m, 300),
      row("I1", "UBS B", m, 320),
      row("I1", "Total", m, 620),
    ]);
    const ev = evaluateContract(rows, { period: T1 });
    const i1 = ev.indicators[0];
    expect(i1.result).toBe(310);
    expect(i1.rows.filter((r) => r.excluded === "totals")).toHaveLength(3);
    // 2 units × 3 months.
    expect(ev.completeness.expected).toBe(6);
  });
});

/** A random table: indicators I1–I3 × units A/B × months 1–3, each cell a result, a blank, or no row. */
const cellArb = fc.oneof(fc.integer({ min: 200, max: 400 }), fc.constant(null), fc.constant(undefined));
const tableArb = fc.array(fc.array(fc.array(cellArb, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 2 }), {
  minLength: 1,
  maxLength: 3,
});

function rowsOf(table: (number | null | undefined)[][][]): RowInput[] {
  const rows: RowInput[] = [];
  table.forEach((units, i) =>
    units.forEach((months, u) =>
      months.forEach((result, m) => {
        if (result !== undefined) rows.push(row(`I${i + 1}`, u === 0 ? "UBS A" : "UBS B", m + 1, result));
      }),
    ),
  );
  return rows;
}

/** The band's standing: a lower number is better; a provisional band stands below any definitive one. */
function standing(ev: ReturnType<typeof evaluateContract>): number {
  if (!ev.band) return Infinity;
  return (ev.band.band.number ?? 0) + (ev.band.provisional ? 0.5 : 0);
}

describe("properties", () => {
  test("adding a blank month never raises the band", () => {
    fc.assert(
      fc.property(tableArb, fc.nat(2), fc.nat(1), fc.integer({ min: 1, max: 3 }), (table, i, u, m) => {
        const rows = rowsOf(table);
        if (rows.length === 0) return;
        const before = evaluateContract(rows, { period: T1 });
        const code = `I${Math.min(i, table.length - 1) + 1}`;
        const blank = row(code, u === 0 ? "UBS A" : "UBS B", m, null);
        const after = evaluateContract([...rows, blank], { period: T1 });
        expect(standing(after)).toBeGreaterThanOrEqual(standing(before));
      }),
      { numRuns: 200 },
    );
  });

  test("a unit evaluated from the whole's rows gives what evaluating its rows alone gives", () => {
    fc.assert(
      fc.property(tableArb, fc.boolean(), (table, strict) => {
        const rows = rowsOf(table);
        if (rows.length === 0) return;
        const options = { period: T1, rule: strict ? ("everyMonth" as const) : ("periodResult" as const) };
        const whole = evaluateContract(rows, options);
        for (const unit of ["UBS A", "UBS B"]) {
          const own = rows.filter((r) => r.unit === unit);
          if (own.length === 0) continue;
          const part = evaluatePart(whole, own, options);
          const alone = evaluateContract(own, options);
          expect(part.overall).toEqual(alone.overall);
          expect(part.completeness).toEqual(alone.completeness);
          expect(part.band?.band.label).toBe(alone.band?.band.label);
          expect(part.indicators.map((i) => [i.key, i.result, i.concept])).toEqual(
            alone.indicators.map((i) => [i.key, i.result, i.concept]),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  test("removing a month from the data never hides it from the pending list", () => {
    fc.assert(
      fc.property(tableArb, fc.nat(100), (table, pick) => {
        const rows = rowsOf(table);
        if (rows.length === 0) return;
        const removed = rows[pick % rows.length];
        const rest = rows.filter((r) => r !== removed);
        // Another month of the same indicator and unit must remain: a unit with no row at all is unknown to
        // the table (the grid expects the units the indicator's rows name).
        if (!rest.some((r) => r.code === removed.code && r.unit === removed.unit)) return;
        const ev = evaluateContract(rest, { period: T1 });
        const pending = ev.completeness.slots.map((s) => `${s.code}|${s.unit}|${s.period.label}`);
        expect(pending).toContain(`${removed.code}|${removed.unit}|${removed.period!.label}`);
      }),
      { numRuns: 200 },
    );
  });
});
