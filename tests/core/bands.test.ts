import fc from "fast-check";
import {
  bandTableFromLowerBounds,
  describeIntervals,
  findBand,
  inInterval,
  roundToDecimals,
  validateBandTable,
} from "../../src/core/bands";
import {
  bandTables,
  cofinC1Bands,
  cofinC2C7Bands,
  cofinFinalBands,
  contractBands,
} from "../../src/core/presets/bandTables";
import { formatNumber } from "../../src/core/messages";
import { parseIntervalText } from "../../src/core/parse";
import type { Band, BandTable, Bound, Interval } from "../../src/core/types";

const inc = (value: number): Bound => ({ value, inclusive: true });
const exc = (value: number): Bound => ({ value, inclusive: false });

/** The label of the band `value` falls in, or the problem code. */
function labelOf(table: BandTable, value: number): string {
  const found = findBand(table, value);
  return found.kind === "band" ? found.band.label : `invalid:${found.problem.code}`;
}

/** The number of the band `value` falls in (contract bands). */
function numberOf(value: number): number | string {
  const found = findBand(contractBands, value);
  return found.kind === "band" ? (found.band.number ?? "no number") : `invalid:${found.problem.code}`;
}

/** Membership written out again, independently of `inInterval`, for the property tests. */
function contains(interval: Interval, x: number): boolean {
  const aboveLower =
    interval.lower === undefined ||
    x > interval.lower.value ||
    (interval.lower.inclusive && x === interval.lower.value);
  const belowUpper =
    interval.upper === undefined ||
    x < interval.upper.value ||
    (interval.upper.inclusive && x === interval.upper.value);
  return aboveLower && belowUpper;
}

function bandsContaining(table: BandTable, x: number): Band[] {
  return table.bands.filter((band) => band.intervals.some((interval) => contains(interval, x)));
}

/** WCAG relative luminance and contrast with black. */
function contrastWithBlack(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (luminance + 0.05) / 0.05;
}

/** A small sound table over 0–100 to break in the validation tests. */
function table(bands: Band[], domain = { min: 0, max: 100 }): BandTable {
  return { id: "t", name: "Teste", domain, bands };
}

describe("inInterval", () => {
  it("honours inclusive and exclusive ends", () => {
    const halfOpen: Interval = { lower: exc(50), upper: inc(70) };
    expect(inInterval(50, halfOpen)).toBe(false);
    expect(inInterval(50.0001, halfOpen)).toBe(true);
    expect(inInterval(70, halfOpen)).toBe(true);
    expect(inInterval(70.0001, halfOpen)).toBe(false);
    const closedOpen: Interval = { lower: inc(50), upper: exc(70) };
    expect(inInterval(50, closedOpen)).toBe(true);
    expect(inInterval(70, closedOpen)).toBe(false);
  });

  it("treats a missing end as unbounded", () => {
    expect(inInterval(-1e300, { upper: inc(10) })).toBe(true);
    expect(inInterval(1e300, { lower: exc(70) })).toBe(true);
    expect(inInterval(70, { lower: exc(70) })).toBe(false);
    expect(inInterval(Infinity, {})).toBe(true);
  });

  it("puts NaN in no interval", () => {
    expect(inInterval(NaN, {})).toBe(false);
    expect(inInterval(NaN, { lower: inc(0), upper: inc(100) })).toBe(false);
  });

  it("handles a one-value interval", () => {
    const point: Interval = { lower: inc(100), upper: inc(100) };
    expect(inInterval(100, point)).toBe(true);
    expect(inInterval(99.9, point)).toBe(false);
  });
});

describe("roundToDecimals", () => {
  it("rounds half away from zero, as the value was written", () => {
    // Typed values: 69.95 is held as 69.9500000000000028…, so 69.95 × 10 is 699.5 and rounds up.
    expect(roundToDecimals(69.95, 1)).toBe(70);
    // Computed values: an attainment of 0.7915 shown in percentage points is 0.7915 × 100 =
    // 79.149999999999991 (not 79.15), and 0.0055 × 100 = 0.54999999999999993. Rounding those digits
    // directly would give 79.1 and 0.5; cutting to 15 significant digits first rounds them as written.
    expect(roundToDecimals(0.7915 * 100, 1)).toBe(79.2);
    expect(roundToDecimals(0.0055 * 100, 1)).toBe(0.6);
    expect(roundToDecimals(99.95, 1)).toBe(100);
    expect(roundToDecimals(1.005, 2)).toBe(1.01); // 1.005 is held as 1.00499999999999989…
    expect(roundToDecimals(79.94, 1)).toBe(79.9);
    expect(roundToDecimals(-0.05, 1)).toBe(-0.1);
    expect(roundToDecimals(2.5, 0)).toBe(3);
    expect(roundToDecimals(-2.5, 0)).toBe(-3);
  });

  it("never returns -0", () => {
    expect(Object.is(roundToDecimals(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundToDecimals(-0, 1), 0)).toBe(true);
  });
});

describe("preset band tables", () => {
  it.each(Object.values(bandTables).map((t) => [t.id, t] as const))("%s validates with no problems", (_id, t) => {
    expect(validateBandTable(t)).toEqual([]);
  });

  it("lists every preset by id", () => {
    expect(Object.keys(bandTables).sort()).toEqual(
      [contractBands.id, cofinC1Bands.id, cofinC2C7Bands.id, cofinFinalBands.id].sort(),
    );
    for (const [id, t] of Object.entries(bandTables)) expect(t.id).toBe(id);
  });

  it("gives black text at least 4.5:1 contrast on every fill", () => {
    for (const t of Object.values(bandTables)) {
      for (const band of t.bands) {
        expect(band.color).toMatch(/^#[0-9A-F]{6}$/);
        expect(contrastWithBlack(band.color as string)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("numbers the contract bands 1 to 6 and carries the recommendation texts of docs/regras.md §7", () => {
    expect(contractBands.bands.map((b) => b.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(contractBands.bands[0].recommendation).toBe(
      "Recomendação pela manutenção do Contrato de Gestão e de recomendação positiva e de atestado de capacidade técnica",
    );
    expect(contractBands.bands[5].recommendation).toBe(
      "Recomendação pela rescisão contratual, com abertura de Procedimento de sanção por descumprimento contratual",
    );
    expect(contractBands.bands.every((b) => (b.recommendation ?? "").length > 0)).toBe(true);
  });

  it("gives the co-financing classes their factors", () => {
    for (const t of [cofinC1Bands, cofinC2C7Bands]) {
      const factors = Object.fromEntries(t.bands.map((b) => [b.label, b.factor]));
      expect(factors).toEqual({ Regular: 0.25, Suficiente: 0.5, Bom: 0.75, Ótimo: 1 });
    }
  });
});

describe("findBand — contract bands (rounded to 0.1 pp)", () => {
  it.each([
    [100, 1], // exactly 100%: band 1 is the single value 100
    [99.95, 1], // rounds half away from zero to 100.0, which is band 1 (99.95 is held as 99.95000000000000284)
    [99.94, 2], // rounds to 99.9, below 100: band 2 [80, 100)
    [80, 2], // 80 is the inclusive lower end of band 2
    [79.95, 2], // rounds to 80.0: band 2
    [79.94, 3], // rounds to 79.9: band 3 [70, 80)
    [69.5, 4], // the instrument's "60 a 69%" left 69.5 in no band; [60, 70) takes it
    [50, 5], // 50 is the inclusive lower end of band 5 [50, 60)
    [49.9, 6], // below 50: band 6
    [0, 6], // the bottom of the domain
    [100.01, 1], // rounds to 100.0, inside the domain: band 1
  ])("%p → band %p", (value, expected) => {
    expect(numberOf(value)).toBe(expected);
  });

  it("returns the rounded value it looked up", () => {
    const found = findBand(contractBands, 79.95);
    expect(found).toMatchObject({ kind: "band", rounded: 80 });
  });

  it("rejects values outside 0–100 after rounding", () => {
    for (const value of [101, -1, 100.05, -0.05]) {
      const found = findBand(contractBands, value);
      expect(found.kind).toBe("invalid");
      if (found.kind === "invalid") expect(found.problem.code).toBe("outOfDomain");
    }
    const found = findBand(contractBands, 101);
    if (found.kind === "invalid") expect(found.problem.message).toContain("101");
    // -0.04 rounds to 0 (never -0): in the domain, band 6.
    expect(numberOf(-0.04)).toBe(6);
  });

  it("rejects NaN and infinities without throwing", () => {
    for (const value of [NaN, Infinity, -Infinity]) {
      const found = findBand(contractBands, value);
      expect(found.kind).toBe("invalid");
      if (found.kind === "invalid") {
        expect(found.problem.code).toBe("outOfDomain");
        expect(found.problem.message).toMatch(/número/);
      }
    }
  });
});

describe("findBand — co-financing", () => {
  it.each([
    [10, "Regular"], // ≤ 10
    [10.01, "Suficiente"], // > 10 e ≤ 30
    [30, "Suficiente"], // 30 closes Suficiente
    [50, "Bom"], // 50 closes Bom (> 30 e ≤ 50)
    [50.5, "Ótimo"], // > 50 e ≤ 70
    [70, "Ótimo"], // 70 closes Ótimo
    [70.1, "Regular"], // > 70: Regular again, the range's upper side
    [0, "Regular"],
    [100, "Regular"],
  ])("C1: %p → %s", (value, expected) => {
    expect(labelOf(cofinC1Bands, value)).toBe(expected);
  });

  it.each([
    [25, "Regular"], // ≤ 25
    [25.1, "Suficiente"], // > 25 e ≤ 50
    [75, "Bom"], // 75 closes Bom (> 50 e ≤ 75)
    [75.1, "Ótimo"], // > 75 e ≤ 100
    [100, "Ótimo"],
    [0, "Regular"],
  ])("C2–C7: %p → %s", (value, expected) => {
    expect(labelOf(cofinC2C7Bands, value)).toBe(expected);
  });

  it.each([
    [2.5, "Regular"], // ≤ 2,5
    [5, "Bom"], // ≥ 5 opens Bom
    [7.5, "Bom"], // ≤ 7,5 closes Bom
    [7.51, "Ótimo"], // > 7,5
    [4.99, "Suficiente"], // > 2,5 e < 5
    [10, "Ótimo"],
  ])("final note: %p → %s", (value, expected) => {
    expect(labelOf(cofinFinalBands, value)).toBe(expected);
  });

  it("reproduces the official worked example: Bom, Ótimo, Ótimo, Suficiente, Regular, Ótimo, Ótimo → 8,5 → Ótimo", () => {
    // Results chosen to fall in the example's classes: C1 40 (Bom), C2 80, C3 90 (Ótimo), C4 40 (Suficiente),
    // C5 20 (Regular), C6 76, C7 100 (Ótimo). Weights 1, 2, 2, 1, 1, 1, 2.
    const results: [BandTable, number, number][] = [
      [cofinC1Bands, 40, 1],
      [cofinC2C7Bands, 80, 2],
      [cofinC2C7Bands, 90, 2],
      [cofinC2C7Bands, 40, 1],
      [cofinC2C7Bands, 20, 1],
      [cofinC2C7Bands, 76, 1],
      [cofinC2C7Bands, 100, 2],
    ];
    const classes = results.map(([t, value]) => labelOf(t, value));
    expect(classes).toEqual(["Bom", "Ótimo", "Ótimo", "Suficiente", "Regular", "Ótimo", "Ótimo"]);
    const note = results.reduce((sum, [t, value, weight]) => {
      const found = findBand(t, value);
      return sum + (found.kind === "band" ? (found.band.factor ?? 0) * weight : NaN);
    }, 0);
    expect(note).toBeCloseTo(8.5, 12); // 0,75 + 2 + 2 + 0,5 + 0,25 + 1 + 2
    expect(labelOf(cofinFinalBands, note)).toBe("Ótimo");
  });
});

describe("validateBandTable — failures", () => {
  const messagesOf = (t: BandTable) => validateBandTable(t).map((p) => p.message);

  it("reports a table with no bands", () => {
    const problems = validateBandTable(table([]));
    expect(problems).toHaveLength(1);
    expect(problems[0].code).toBe("invalidBandTable");
  });

  it("reports a gap between two bands, naming the values", () => {
    const problems = validateBandTable(
      table([
        { label: "Alta", intervals: [{ lower: inc(70), upper: inc(100) }] },
        { label: "Baixa", intervals: [{ lower: inc(0), upper: exc(60) }] },
      ]),
    );
    expect(problems).toEqual([{ code: "invalidBandTable", message: "Nenhuma faixa cobre os valores entre 60 e 70." }]);
  });

  it("reports a gap at a single point when both touching ends exclude it (< 70 then > 70)", () => {
    const messages = messagesOf(
      table([
        { label: "Baixa", intervals: [{ lower: inc(0), upper: exc(70) }] },
        { label: "Alta", intervals: [{ lower: exc(70), upper: inc(100) }] },
      ]),
    );
    expect(messages).toEqual(["O valor 70 não está em nenhuma faixa."]);
  });

  it("accepts touching ends when exactly one includes the shared value (≤ 70 then > 70)", () => {
    expect(
      validateBandTable(
        table([
          { label: "Baixa", intervals: [{ lower: inc(0), upper: inc(70) }] },
          { label: "Alta", intervals: [{ lower: exc(70), upper: inc(100) }] },
        ]),
      ),
    ).toEqual([]);
  });

  it("reports an overlap at a single shared point (≤ 80 then ≥ 80)", () => {
    const messages = messagesOf(
      table([
        { label: "Faixa 3", intervals: [{ lower: inc(0), upper: inc(80) }] },
        { label: "Faixa 2", intervals: [{ lower: inc(80), upper: inc(100) }] },
      ]),
    );
    expect(messages).toEqual(["As faixas “Faixa 3” e “Faixa 2” se sobrepõem em 80."]);
  });

  it("reports an overlap over a range", () => {
    const messages = messagesOf(
      table([
        { label: "Baixa", intervals: [{ lower: inc(0), upper: exc(60) }] },
        { label: "Alta", intervals: [{ lower: inc(50), upper: inc(100) }] },
      ]),
    );
    expect(messages).toEqual(["As faixas “Baixa” e “Alta” se sobrepõem entre 50 e 60."]);
  });

  it("reports a band whose own intervals overlap", () => {
    const messages = messagesOf(
      table([
        {
          label: "Única",
          intervals: [
            { lower: inc(0), upper: inc(60) },
            { lower: inc(40), upper: inc(100) },
          ],
        },
      ]),
    );
    expect(messages).toEqual(["A faixa “Única” tem intervalos que se sobrepõem entre 40 e 60."]);
  });

  it("reports a lower end above the upper end", () => {
    const messages = messagesOf(
      table([
        { label: "X", intervals: [{ lower: inc(80), upper: inc(70) }] },
        { label: "Resto", intervals: [{ lower: inc(0), upper: inc(100) }] },
      ]),
    );
    expect(messages).toEqual(["A faixa “X” tem o limite inferior (80) maior que o superior (70)."]);
  });

  it("reports an empty one-value interval (equal ends, one exclusive)", () => {
    const messages = messagesOf(
      table([
        { label: "Cem", intervals: [{ lower: inc(100), upper: exc(100) }] },
        { label: "Resto", intervals: [{ lower: inc(0), upper: exc(100) }] },
      ]),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("“Cem”");
    expect(messages[0]).toContain("100");
  });

  it("reports the domain not covered at the bottom", () => {
    expect(messagesOf(table([{ label: "A", intervals: [{ lower: inc(10), upper: inc(100) }] }]))).toEqual([
      "Nenhuma faixa cobre os valores entre 0 e 10.",
    ]);
    // Open at the very bottom: 0 itself is left out.
    expect(messagesOf(table([{ label: "A", intervals: [{ lower: exc(0), upper: inc(100) }] }]))).toEqual([
      "O valor 0 não está em nenhuma faixa.",
    ]);
  });

  it("reports the domain not covered at the top", () => {
    expect(messagesOf(table([{ label: "A", intervals: [{ lower: inc(0), upper: inc(90) }] }]))).toEqual([
      "Nenhuma faixa cobre os valores entre 90 e 100.",
    ]);
    // The contract table without its one-value band 1 leaves 100 out.
    expect(messagesOf({ ...contractBands, bands: contractBands.bands.slice(1) })).toEqual([
      "O valor 100 não está em nenhuma faixa.",
    ]);
  });

  it("writes values the pt-BR way", () => {
    const messages = messagesOf(
      table(
        [
          { label: "A", intervals: [{ lower: inc(0), upper: exc(2.5) }] },
          { label: "B", intervals: [{ lower: exc(2.5), upper: inc(10) }] },
        ],
        { min: 0, max: 10 },
      ),
    );
    expect(messages).toEqual(["O valor 2,5 não está em nenhuma faixa."]);
  });

  it("ignores the parts of intervals beyond the domain, but not a band entirely outside it", () => {
    expect(
      validateBandTable(
        table([
          { label: "Baixa", intervals: [{ upper: inc(25) }] },
          { label: "Alta", intervals: [{ lower: exc(25) }] },
        ]),
      ),
    ).toEqual([]);
    const messages = messagesOf(
      table([
        { label: "Tudo", intervals: [{ lower: inc(0), upper: inc(100) }] },
        { label: "Fora", intervals: [{ lower: inc(200), upper: inc(300) }] },
      ]),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("“Fora”");
  });

  it("reports a band without intervals, bad numbers, colours, factors, domain and decimals", () => {
    const whole = { lower: inc(0), upper: inc(100) };
    expect(
      messagesOf(
        table([
          { label: "Vazia", intervals: [] },
          { label: "Tudo", intervals: [whole] },
        ]),
      )[0],
    ).toContain("“Vazia”");
    expect(messagesOf(table([{ label: "N", intervals: [{ lower: inc(NaN), upper: inc(100) }] }]))[0]).toContain("“N”");
    expect(messagesOf(table([{ label: "Cor", intervals: [whole], color: "verde" }]))[0]).toContain("“verde”");
    expect(messagesOf(table([{ label: "F", intervals: [whole], factor: NaN }]))[0]).toContain("“F”");
    expect(validateBandTable(table([{ label: "T", intervals: [whole] }], { min: 100, max: 0 }))).toHaveLength(1);
    expect(validateBandTable({ ...table([{ label: "T", intervals: [whole] }]), decimals: 1.5 })).toHaveLength(1);
  });
});

describe("findBand — unchecked tables", () => {
  it("answers with a problem when a value falls in no band or in two", () => {
    const gap = table([
      { label: "Baixa", intervals: [{ lower: inc(0), upper: exc(60) }] },
      { label: "Alta", intervals: [{ lower: inc(70), upper: inc(100) }] },
    ]);
    expect(labelOf(gap, 65)).toBe("invalid:invalidBandTable");
    const overlap = table([
      { label: "Baixa", intervals: [{ lower: inc(0), upper: inc(80) }] },
      { label: "Alta", intervals: [{ lower: inc(80), upper: inc(100) }] },
    ]);
    const found = findBand(overlap, 80);
    expect(found.kind).toBe("invalid");
    if (found.kind === "invalid") expect(found.problem.message).toContain("“Baixa” e “Alta”");
    expect(labelOf(overlap, 90)).toBe("Alta");
  });
});

describe("bandTableFromLowerBounds", () => {
  it("rebuilds the contract bands from their lower bounds, in any order", () => {
    const rows = contractBands.bands.map((band) => ({
      lower: band.intervals[0].lower?.value as number,
      label: band.label,
      recommendation: band.recommendation,
      color: band.color,
    }));
    const shuffled = [rows[3], rows[0], rows[5], rows[1], rows[4], rows[2]];
    const built = bandTableFromLowerBounds(
      shuffled,
      { min: 0, max: 100 },
      {
        id: contractBands.id,
        name: contractBands.name,
        decimals: 1,
      },
    );
    expect(built).toEqual({ kind: "table", table: contractBands });
  });

  it("numbers from the highest lower bound and fills defaults", () => {
    const built = bandTableFromLowerBounds(
      [
        { lower: 0, label: "Baixo", factor: 0 },
        { lower: 50, label: "  " },
      ],
      { min: 0, max: 100 },
    );
    expect(built.kind).toBe("table");
    if (built.kind !== "table") return;
    expect(built.table.id).toBe("personalizada");
    expect(built.table.name).toBe("Faixas personalizadas");
    expect(built.table.decimals).toBeUndefined();
    expect(built.table.bands).toEqual([
      { number: 1, label: "Faixa 1", intervals: [{ lower: inc(50), upper: inc(100) }] },
      { number: 2, label: "Baixo", intervals: [{ lower: inc(0), upper: exc(50) }], factor: 0 },
    ]);
  });

  it("requires the lowest band to start at the domain minimum", () => {
    const built = bandTableFromLowerBounds(
      [
        { lower: 10, label: "A" },
        { lower: 50, label: "B" },
      ],
      { min: 0, max: 100 },
    );
    expect(built.kind).toBe("invalid");
    if (built.kind !== "invalid") return;
    expect(built.problems).toHaveLength(1);
    expect(built.problems[0].code).toBe("invalidBandTable");
    expect(built.problems[0].message).toContain("10");
    expect(built.problems[0].message).toContain("0");
  });

  it("rejects duplicate lower bounds, naming both bands", () => {
    const built = bandTableFromLowerBounds(
      [
        { lower: 0, label: "A" },
        { lower: 50, label: "B" },
        { lower: 50, label: "C" },
      ],
      { min: 0, max: 100 },
    );
    expect(built).toEqual({
      kind: "invalid",
      problems: [{ code: "invalidBandTable", message: "As faixas “B” e “C” têm o mesmo limite inferior (50)." }],
    });
  });

  it("rejects lower bounds outside the domain or not numbers", () => {
    const outside = bandTableFromLowerBounds(
      [
        { lower: 0, label: "A" },
        { lower: 120, label: "B" },
      ],
      { min: 0, max: 100 },
    );
    expect(outside.kind === "invalid" && outside.problems.map((p) => p.message)).toEqual([
      "A faixa “B” tem o limite inferior 120, fora do intervalo da tabela (de 0 a 100).",
    ]);
    const below = bandTableFromLowerBounds([{ lower: -5, label: "A" }], { min: 0, max: 100 });
    expect(below.kind === "invalid" && below.problems[0].message).toContain("-5");
    const nan = bandTableFromLowerBounds(
      [
        { lower: 0, label: "A" },
        { lower: NaN, label: "B" },
      ],
      { min: 0, max: 100 },
    );
    expect(nan.kind === "invalid" && nan.problems[0].message).toContain("“B”");
  });

  it("rejects no rows, a bad domain and bad decimals", () => {
    expect(bandTableFromLowerBounds([], { min: 0, max: 100 }).kind).toBe("invalid");
    expect(bandTableFromLowerBounds([{ lower: 0, label: "A" }], { min: 10, max: 0 }).kind).toBe("invalid");
    expect(bandTableFromLowerBounds([{ lower: 0, label: "A" }], { min: 0, max: 100 }, { decimals: -1 }).kind).toBe(
      "invalid",
    );
  });

  it("accepts a top band that is the single value max (like “= 100%”)", () => {
    const built = bandTableFromLowerBounds(
      [
        { lower: 0, label: "A" },
        { lower: 100, label: "Cem" },
      ],
      { min: 0, max: 100 },
    );
    expect(built.kind).toBe("table");
    if (built.kind === "table") {
      expect(labelOf(built.table, 100)).toBe("Cem");
      expect(labelOf(built.table, 99.999)).toBe("A");
    }
  });
});

describe("properties", () => {
  const presets = Object.values(bandTables);

  /** Values in the table's domain, already on its rounding grid when it rounds. */
  function domainValue(t: BandTable): fc.Arbitrary<number> {
    const { min, max } = t.domain;
    if (t.decimals === undefined) return fc.double({ min, max, noNaN: true });
    const scale = 10 ** t.decimals;
    return fc.integer({ min: Math.ceil(min * scale), max: Math.floor(max * scale) }).map((n) => n / scale);
  }

  it.each(presets.map((t) => [t.id, t] as const))(
    "%s: every domain value is in exactly one band, and findBand returns it",
    (_id, t) => {
      fc.assert(
        fc.property(domainValue(t), (x) => {
          const containing = bandsContaining(t, x);
          expect(containing).toHaveLength(1);
          const found = findBand(t, x);
          expect(found.kind).toBe("band");
          if (found.kind === "band") {
            expect(found.band).toBe(containing[0]);
            expect(found.rounded).toBe(x + 0);
          }
        }),
        { numRuns: 500 },
      );
    },
  );

  it("contract bands: any double in the domain lands in the band of its rounded value", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (x) => {
        const found = findBand(contractBands, x);
        expect(found.kind).toBe("band");
        if (found.kind !== "band") return;
        expect(Math.abs(found.rounded - x)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.round(found.rounded * 10) / 10).toBe(found.rounded); // on the 0.1 grid
        expect(bandsContaining(contractBands, found.rounded)).toEqual([found.band]);
      }),
      { numRuns: 1000 },
    );
  });

  it("flipping any one end of a preset between inclusive and exclusive is caught", () => {
    // Every end of every preset sits inside or on the edge of its domain, so each flip opens a one-point gap,
    // makes a one-point overlap, or empties a one-value interval.
    for (const t of presets) {
      t.bands.forEach((band, b) =>
        band.intervals.forEach((interval, i) =>
          (["lower", "upper"] as const).forEach((end) => {
            const bound = interval[end];
            if (!bound) return;
            const flipped: Interval = { ...interval, [end]: { ...bound, inclusive: !bound.inclusive } };
            const bands = t.bands.map((other, ob) =>
              ob !== b ? other : { ...other, intervals: other.intervals.map((it, oi) => (oi === i ? flipped : it)) },
            );
            const problems = validateBandTable({ ...t, bands });
            expect(problems.length).toBeGreaterThan(0);
            expect(problems.some((p) => p.message.includes(formatNumber(bound.value)))).toBe(true);
          }),
        ),
      );
    }
  });

  it("findBand never throws, whatever the double", () => {
    fc.assert(
      fc.property(fc.constantFrom(...presets), fc.double(), (t, x) => {
        const found = findBand(t, x);
        expect(["band", "invalid"]).toContain(found.kind);
        if (found.kind === "invalid") expect(found.problem.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it("bandTableFromLowerBounds: distinct lowers starting at the minimum make a sound table covering the domain", () => {
    const scenario = fc
      .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }))
      .chain(([min, span]) => {
        const max = min + span;
        return fc.record({
          min: fc.constant(min),
          max: fc.constant(max),
          others: fc.uniqueArray(
            fc.double({ min, max, noNaN: true }).filter((v) => v !== min),
            { maxLength: 8, comparator: "SameValueZero" },
          ),
          probes: fc.array(fc.double({ min, max, noNaN: true }), { minLength: 1, maxLength: 20 }),
          shift: fc.nat(),
        });
      });
    fc.assert(
      fc.property(scenario, ({ min, max, others, probes, shift }) => {
        const lowers = [...others, min];
        const rotated = lowers.map((_, i) => lowers[(i + shift) % lowers.length]); // any row order
        const rows = rotated.map((lower, i) => ({ lower, label: `L${i}` }));
        const built = bandTableFromLowerBounds(rows, { min, max });
        expect(built.kind).toBe("table");
        if (built.kind !== "table") return;
        expect(validateBandTable(built.table)).toEqual([]);
        expect(built.table.bands.map((b) => b.number)).toEqual(lowers.map((_, i) => i + 1));
        for (const x of [...probes, min, max, ...lowers]) {
          const found = findBand(built.table, x);
          expect(found.kind).toBe("band");
          if (found.kind !== "band") continue;
          // The band is the one with the greatest lower bound not above x.
          // `+ 0`: the table stores a lower bound of -0 as 0 (toBe tells them apart).
          const expected = Math.max(...lowers.filter((l) => l <= x)) + 0;
          expect(found.band.intervals[0].lower?.value).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("describeIntervals: intervals as the sources write them", () => {
  test("the co-financing tables read as docs/regras.md §8.4 writes them", () => {
    const texts = (t: BandTable) => t.bands.map((b) => describeIntervals(b.intervals, t.domain));
    expect(texts(cofinC1Bands)).toEqual(["> 50 e ≤ 70", "> 30 e ≤ 50", "> 10 e ≤ 30", "≤ 10 ou > 70"]);
    expect(texts(cofinC2C7Bands)).toEqual(["> 75", "> 50 e ≤ 75", "> 25 e ≤ 50", "≤ 25"]);
    expect(texts(cofinFinalBands)).toEqual(["> 7,5", "≥ 5 e ≤ 7,5", "> 2,5 e < 5", "≤ 2,5"]);
  });

  test("without a domain every end is written; a point is its number; the whole domain is written edge to edge", () => {
    expect(describeIntervals([{ lower: inc(0), upper: inc(25) }])).toBe("≥ 0 e ≤ 25");
    expect(describeIntervals([{ lower: inc(70), upper: inc(70) }])).toBe("70");
    expect(describeIntervals([{ lower: inc(0), upper: inc(100) }], { min: 0, max: 100 })).toBe("≥ 0 e ≤ 100");
  });

  // Ends with up to two decimals, as band tables are typed.
  const end = fc.integer({ min: -99_999, max: 99_999 }).map((n) => n / 100);
  const bound = fc.record({ value: end, inclusive: fc.boolean() });
  const interval = fc
    .record({ lower: fc.option(bound, { nil: undefined }), upper: fc.option(bound, { nil: undefined }) })
    .filter((i) => !!(i.lower || i.upper));

  test("property: the text reads back with parseIntervalText to the same intervals", () => {
    fc.assert(
      fc.property(fc.array(interval, { minLength: 1, maxLength: 3 }), (intervals) => {
        const text = describeIntervals(intervals);
        const parsed = parseIntervalText(text);
        expect(parsed.kind).toBe("intervals");
        if (parsed.kind !== "intervals") return;
        const norm = (i: Interval) => ({ lower: i.lower && { ...i.lower }, upper: i.upper && { ...i.upper } });
        // A point [v, v] comes back as a point.
        expect(parsed.intervals.map(norm)).toEqual(intervals.map(norm));
      }),
    );
  });

  test("property: with a domain, the text reads back to intervals holding the same values of the domain", () => {
    const inDomain = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100);
    fc.assert(
      fc.property(
        fc.array(interval, { minLength: 1, maxLength: 3 }),
        fc.array(inDomain, { minLength: 1, maxLength: 20 }),
        (intervals, values) => {
          const parsed = parseIntervalText(describeIntervals(intervals, { min: 0, max: 100 }));
          const ok = (v: number) => intervals.some((i) => inInterval(v, i));
          expect(parsed.kind).toBe("intervals");
          if (parsed.kind !== "intervals") return;
          // Ends left out were on the domain's edges and included: no value of the domain changes side.
          for (const v of values) expect(parsed.intervals.some((i) => inInterval(v, i))).toBe(ok(v));
        },
      ),
    );
  });
});
