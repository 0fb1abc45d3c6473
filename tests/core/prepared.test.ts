/**
 * Rows prepared once and evaluated for several periods (core/evaluate `prepareRows`, `prepareParts`,
 * `evaluateParts`) give what evaluating the plain rows of each period gives, whichever period comes first;
 * and the memos behind them (place keys, number formatters) answer each question as if asked fresh.
 */
import fc from "fast-check";
import { isTotalsUnit, placeKey } from "../../src/core/completeness";
import {
  evaluateContract,
  evaluateParts,
  prepareParts,
  prepareRows,
  type ContractEvaluation,
  type RowInput,
} from "../../src/core/evaluate";
import { formatNumber } from "../../src/core/messages";
import { PairMemo } from "../../src/core/parse";
import { makePeriod } from "../../src/core/periods";

const T1 = makePeriod("quarter", 2025, 1);
const T2 = makePeriod("quarter", 2025, 2);

function row(code: string, unit: string, m: number, result: number | null): RowInput {
  return {
    sheet: "Indicadores",
    code,
    indicator: `Indicador ${code}`,
    unit,
    period: makePeriod("month", 2025, m),
    target: { value: "≥ 300", address: `C${m}` },
    result: { value: result, address: `F${m}` },
  };
}

/** What must not move: the figures, the grid of missing results, and each indicator's own figure. */
function figures(ev: ContractEvaluation) {
  return {
    overall: ev.overall,
    band: ev.band,
    completeness: ev.completeness,
    indicators: ev.indicators.map((i) => [i.key, i.status, i.result, i.attainment, i.concept, i.combined]),
  };
}

describe("rows prepared once, evaluated per period", () => {
  // Unit A: Jan 310, Feb blank, Mar 290, Apr 320 (May and June have no row); unit B: every month 280.
  const rows = [
    row("I1", "UBS A", 1, 310),
    row("I1", "UBS A", 2, null),
    row("I1", "UBS A", 3, 290),
    row("I1", "UBS A", 4, 320),
    ...[1, 2, 3, 4, 5, 6].map((m) => row("I1", "UBS B", m, 280)),
  ];
  const unitRows = [rows.filter((r) => r.unit === "UBS A"), rows.filter((r) => r.unit === "UBS B")];

  test("a unit's figures per quarter, worked out by hand, the same when a quarter is evaluated again", () => {
    const prepared = prepareRows(rows);
    const parts = prepareParts(unitRows);
    const run = (period: typeof T1) => {
      const whole = evaluateContract(prepared, { period });
      return evaluateParts(whole, parts, [0, 1]);
    };
    const [a1, b1] = run(T1);
    // T1 for UBS A: Jan and Mar counted, Feb blank; mean (310 + 290) / 2 = 300 meets ≥ 300.
    expect(a1.indicators[0].result).toBe(300);
    expect(a1.indicators[0].concept).toBe("A");
    // Three months owed, one of them blank.
    expect([a1.completeness.expected, a1.completeness.missing]).toEqual([3, 1]);
    const [a2, b2] = run(T2);
    // T2 for UBS A: April alone (320); May and June owed with no row at all.
    expect(a2.indicators[0].result).toBe(320);
    expect([a2.completeness.expected, a2.completeness.missing]).toEqual([3, 2]);
    expect(a2.completeness.slots.map((s) => s.state)).toEqual(["missingRow", "missingRow"]);
    // UBS B: 280 every month, below the target.
    expect(b2.indicators[0].concept).toBe("B");
    // T1 again, after T2, from the same prepared rows: nothing of T2 stayed behind.
    expect(run(T1).map(figures)).toEqual([a1, b1].map(figures));
    expect(figures(run(T1)[0])).toEqual(figures(evaluateContract(unitRows[0], { period: T1 })));
  });

  const cellArb = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer({ min: 0, max: 600 }));
  // Indicators × units × six months (two quarters); undefined: no row for that month.
  const tableArb = fc.array(
    fc.array(fc.array(cellArb, { minLength: 6, maxLength: 6 }), { minLength: 2, maxLength: 2 }),
    {
      minLength: 1,
      maxLength: 3,
    },
  );

  test("property: prepared rows and parts give, period after period, what the plain rows give", () => {
    fc.assert(
      fc.property(tableArb, fc.boolean(), fc.boolean(), (table, strict, t2First) => {
        const all: RowInput[] = [];
        table.forEach((units, i) =>
          units.forEach((months, u) =>
            months.forEach((result, m) => {
              if (result !== undefined) all.push(row(`I${i + 1}`, u === 0 ? "UBS A" : "UBS B", m + 1, result));
            }),
          ),
        );
        if (all.length === 0) return;
        const rule = strict ? ("everyMonth" as const) : ("periodResult" as const);
        const own = ["UBS A", "UBS B"].map((unit) => all.filter((r) => r.unit === unit));
        const prepared = prepareRows(all);
        const parts = prepareParts(own);
        for (const period of t2First ? [T2, T1, T2] : [T1, T2, T1]) {
          const whole = evaluateContract(prepared, { period, rule });
          expect(figures(whole)).toEqual(figures(evaluateContract(all, { period, rule })));
          const which = [0, 1].filter((k) =>
            own[k].some((r) => r.period!.start >= period.start && r.period!.end <= period.end),
          );
          const evaluated = evaluateParts(whole, parts, which, { rule });
          which.forEach((k, n) =>
            expect(figures(evaluated[n])).toEqual(figures(evaluateContract(own[k], { period, rule }))),
          );
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("memos", () => {
  test("a pair memo that fills up forgets and still answers right", () => {
    let computed = 0;
    const joined = new PairMemo((a: string, b: string) => {
      computed += 1;
      return `${a}+${b}`;
    }, 2);
    expect([joined.get("a", "b"), joined.get("a", "c"), joined.get("a", "b")]).toEqual(["a+b", "a+c", "a+b"]);
    // Two pairs worked out, the third answer remembered.
    expect(computed).toBe(2);
    // Full: the next pair empties it, and "a"/"b" is worked out again, with the same answer.
    expect(joined.get("d", "e")).toBe("d+e");
    expect(joined.get("a", "b")).toBe("a+b");
    expect(computed).toBe(4);
  });

  test("a unit named after its municipality is a totals row there, and a unit elsewhere", () => {
    // The memo keys on the unit and the municipality together: the same unit text answers differently.
    expect(isTotalsUnit("Lavras", "Lavras")).toBe(true);
    expect(isTotalsUnit("Lavras", "Perdões")).toBe(false);
    expect(isTotalsUnit("Lavras")).toBe(false);
    expect(placeKey({ unit: "Lavras", municipality: "Lavras" })).toBe("lavras\u0000");
    expect(placeKey({ unit: "Lavras", municipality: "Perdões" })).toBe("perdoes\u0000lavras");
    expect(placeKey({ unit: "Lavras" })).toBe("\u0000lavras");
    expect(placeKey({})).toBe("");
  });

  test("number formatters built once per number of decimals answer each with its own", () => {
    // 1234,5678 rounded to 2, 0 and 4 decimals, pt-BR grouping; asked in turns, so a shared formatter would show.
    expect(formatNumber(1234.5678, 2)).toBe("1.234,57");
    expect(formatNumber(1234.5678, 0)).toBe("1.235");
    expect(formatNumber(1234.5678, 4)).toBe("1.234,5678");
    expect(formatNumber(1234.5678)).toBe("1.234,57");
  });
});
