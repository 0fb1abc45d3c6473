import fc from "fast-check";
import {
  isPercentFormat,
  parseAggregation,
  parseDirection,
  parseIntervalText,
  parseJustificationDecision,
  parseKind,
  parseNumberText,
  parseTarget,
  readNumber,
} from "../../src/core/parse";
import type { Target } from "../../src/core/types";

function target(value: Parameters<typeof parseTarget>[0], format?: string): Target {
  const out = parseTarget(value, format);
  if (out.kind !== "target") throw new Error(`expected a target for ${String(value)}, got ${out.kind}`);
  return out.target;
}

describe("parseNumberText: pt-BR and plain numbers", () => {
  test.each([
    ["75", 75],
    ["75,5", 75.5], // comma is the pt-BR decimal separator
    ["1.234,5", 1234.5], // dot groups thousands, comma decimals
    ["1.234", 1234], // a dot followed by exactly three digits is a thousands separator in pt-BR
    ["1.234.567", 1234567],
    ["0,95", 0.95],
    [",5", 0.5],
    ["0.95", 0.95], // a dot followed by two digits cannot be thousands: plain decimal
    ["1,234.5", 1234.5], // en-US form pasted from elsewhere
    ["-3", -3],
    [" 12 ", 12],
  ])("%s → %d", (text, expected) => {
    expect(parseNumberText(text)).toBeCloseTo(expected, 12);
  });

  test.each(["abc", "", "1,2,3", "12a", "--1", "1.23.4"])("%s is not a number", (text) => {
    expect(parseNumberText(text)).toBeUndefined();
  });
});

describe("readNumber: one cell", () => {
  test.each([
    ["75%", 0.75], // the % sign makes it a fraction
    ["75 %", 0.75],
    [" 80% ", 0.8],
    ["75,5%", 0.755],
    ["0,5%", 0.005],
  ])("%s reads as the fraction %d", (text, fraction) => {
    const out = readNumber(text);
    expect(out.kind).toBe("number");
    if (out.kind === "number") {
      expect(out.reading.scale).toBe("percent");
      expect(out.reading.value).toBeCloseTo(fraction, 12);
    }
  });

  test("a number in a percentage format is already a fraction (Excel stores 80% as 0,8)", () => {
    expect(readNumber(0.8, "0%")).toEqual({ kind: "number", reading: { value: 0.8, scale: "percent" } });
    expect(readNumber(0.8, "0.0%")).toEqual({ kind: "number", reading: { value: 0.8, scale: "percent" } });
    expect(readNumber(80, "General")).toEqual({ kind: "number", reading: { value: 80, scale: "plain" } });
  });

  test("a % inside quotes in a format is literal text, not a percentage format", () => {
    expect(isPercentFormat('0" %"')).toBe(false);
    expect(isPercentFormat("0%")).toBe(true);
    expect(isPercentFormat("0.0%;[Red]-0.0%")).toBe(true);
  });

  test("empty cells are no data, not zero", () => {
    expect(readNumber(null).kind).toBe("empty");
    expect(readNumber(undefined).kind).toBe("empty");
    expect(readNumber("   ").kind).toBe("empty");
  });

  test.each(["n/a", "-", "—", "NA", "s/d", "texto"])("%s is invalid, with a pt-BR reason quoting it", (text) => {
    const out = readNumber(text);
    expect(out.kind).toBe("invalid");
    if (out.kind === "invalid") {
      expect(out.problem.code).toBe("notANumber");
      expect(out.problem.message).toContain(text);
      expect(out.problem.message).toMatch(/Esperava um número/);
    }
  });

  test.each(["#N/D", "#N/A", "#DIV/0!", "#VALOR!", "#REF!"])("Excel error %s is invalid as an Excel error", (text) => {
    const out = readNumber(text);
    expect(out.kind === "invalid" && out.problem.code).toBe("excelError");
  });

  test("logical values and dates are invalid", () => {
    expect(readNumber(true).kind).toBe("invalid");
    expect(readNumber(new Date(2025, 0, 1)).kind).toBe("invalid");
    expect(readNumber(NaN).kind).toBe("invalid");
  });

  test("property: never throws, and a formatted pt-BR number reads back", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.constant(null), fc.boolean(), fc.date()), (v) => {
        readNumber(v as never);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (int, cents) => {
        // pt-BR writing: thousands with dots, decimals with a comma.
        const text = `${int < 0 ? "-" : ""}${Math.abs(int).toLocaleString("pt-BR")},${String(cents).padStart(2, "0")}`;
        const expected = Math.sign(int || 1) * (Math.abs(int) + cents / 100);
        expect(parseNumberText(text)).toBeCloseTo(expected, 6);
      }),
    );
  });
});

describe("parseTarget: the targets of the evaluation instrument as written", () => {
  // Each expectation is read off the text by hand: the first number is the target, words give the direction.
  test.each<[string, Target["direction"], number, Target["unit"]]>([
    ["100% de pontualidade para 100% dos relatórios", "atLeast", 1, "percent"],
    ["Atingimento de 100% de avaliação qualitativa dos critérios descritos", "atLeast", 1, "percent"],
    ["90% ou mais das fichas avaliadas atendendo todos os requisitos", "atLeast", 0.9, "percent"],
    ["90% ou mais dos encaminhamentos conforme protocolos estabelecidos pela SMS", "atLeast", 0.9, "percent"],
    ["100% de realização das atividades previstas", "atLeast", 1, "percent"],
    // "75%*": the star is a footnote; "6 consultas ... ou mais" qualifies it; 75% is the target.
    ["75%* de gestantes com 6 consultas de pré natal ou mais", "atLeast", 0.75, "percent"],
    // Zero cases of congenital syphilis: 0% with no direction word is at most (at least 0 is always met).
    ["0% de casos de sífilis congênita", "atMost", 0, "percent"],
    ["Cobertura de 75% das crianças do território.", "atLeast", 0.75, "percent"],
    ["Cobertura de 80%", "atLeast", 0.8, "percent"],
    ["Mínimo de 10 visitas domiciliares ao mês", "atLeast", 10, "count"],
    ["Mínimo 02 atividades mensais. CONFORME LEI 7247 DE 1/06/2012", "atLeast", 2, "count"],
    ["O total de no mínimo 300 consultas mensais.", "atLeast", 300, "count"],
    ["Cumprir 100% das visitas previstas para o mês.", "atLeast", 1, "percent"],
    // No number but "todas": all of them, 100%.
    ["Apresentar justificativa e providencias de todas as reclamações recebidas no período", "atLeast", 1, "percent"],
  ])("%s", (text, direction, value, unit) => {
    const t = target(text);
    expect(t.direction).toBe(direction);
    expect(t.value).toBeCloseTo(value, 12);
    expect(t.unit).toBe(unit);
  });

  test("“Diminuir gradual dos atendimentos” is at most but needs a baseline: no guess", () => {
    const out = parseTarget("Diminuir gradual dos atendimentos passiveis de atuação das unidades de saúde");
    expect(out.kind).toBe("needsBaseline");
    if (out.kind === "needsBaseline") {
      expect(out.direction).toBe("atMost");
      expect(out.problem.message).toMatch(/linha de base/);
    }
  });

  test("“Reduzir em 10%” is a change relative to a baseline, not a ceiling of 10%", () => {
    expect(parseTarget("Reduzir em 10% as internações").kind).toBe("needsBaseline");
  });
});

describe("parseTarget: operators and words", () => {
  test.each<[string, Target["direction"], number, boolean]>([
    ["≥ 90%", "atLeast", 0.9, false],
    [">= 90", "atLeast", 90, false],
    ["> 90%", "atLeast", 0.9, true], // strict: 90% itself does not meet it
    ["≤ 5%", "atMost", 0.05, false],
    ["<= 5", "atMost", 5, false],
    ["< 5%", "atMost", 0.05, true],
    ["até 5%", "atMost", 0.05, false],
    ["no máximo 2", "atMost", 2, false],
    ["Máximo de 3 dias", "atMost", 3, false],
    ["Reduzir para 12%", "atMost", 0.12, false],
    ["= 100%", "exactly", 1, false],
    ["exatamente 12", "exactly", 12, false],
    ["pelo menos 6 consultas", "atLeast", 6, false],
    ["80", "atLeast", 80, false],
  ])("%s", (text, direction, value, strict) => {
    const t = target(text);
    expect(t.direction).toBe(direction);
    expect(t.value).toBeCloseTo(value, 12);
    expect(t.strict === true).toBe(strict);
  });

  test("entre 50% e 70% is a range with both ends included", () => {
    const t = target("entre 50% e 70%");
    expect(t.direction).toBe("range");
    expect(t.interval).toEqual({ lower: { value: 0.5, inclusive: true }, upper: { value: 0.7, inclusive: true } });
  });

  test("> 50 e ≤ 70 is a range open below and closed above", () => {
    const t = target("> 50 e ≤ 70");
    expect(t.direction).toBe("range");
    expect(t.interval).toEqual({ lower: { value: 50, inclusive: false }, upper: { value: 70, inclusive: true } });
  });

  test("numbers: a plain number is at least, in its cell's scale; 0 is at most", () => {
    expect(target(0.75, "0%")).toMatchObject({ direction: "atLeast", value: 0.75, scale: "percent", unit: "percent" });
    expect(target(300)).toMatchObject({ direction: "atLeast", value: 300, scale: "plain", unit: "count" });
    expect(target(1.5)).toMatchObject({ unit: "ratio" });
    expect(target(0)).toMatchObject({ direction: "atMost", value: 0 });
  });

  test("empty, unreadable and error targets are reported, with the text quoted", () => {
    expect(parseTarget(null).kind).toBe("empty");
    expect(parseTarget("").kind).toBe("empty");
    const bad = parseTarget("a combinar");
    expect(bad.kind).toBe("invalid");
    if (bad.kind === "invalid") expect(bad.problem.message).toContain("a combinar");
    expect(parseTarget("#N/D").kind).toBe("invalid");
    expect(parseTarget("-10%").kind).toBe("invalid");
  });

  test("property: never throws on any text or number", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.constant(null)), (v) => {
        parseTarget(v as never);
      }),
    );
    const words = fc.constantFrom(
      "≥",
      "≤",
      ">",
      "<",
      "até",
      "mínimo",
      "entre",
      "e",
      "ou",
      "%",
      "no máximo",
      "ou mais",
      " ",
      "1",
      "50",
      "70,5",
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 8 }), (parts) => {
        parseTarget(parts.join(" "));
        parseIntervalText(parts.join(" "));
      }),
    );
  });

  test("property: “N% ou mais” is at least N/100, and “até N%” is at most N/100", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), (n) => {
        expect(target(`${n}% ou mais`)).toMatchObject({ direction: "atLeast", scale: "percent" });
        expect(target(`${n}% ou mais`).value).toBeCloseTo(n / 100, 12);
        expect(target(`até ${n}%`)).toMatchObject({ direction: "atMost" });
        expect(target(`até ${n}%`).value).toBeCloseTo(n / 100, 12);
      }),
    );
  });
});

describe("parseTarget: a text with two targets is reported, a range is one target", () => {
  /** The problem's message for a text that must not be read as one target. */
  function problemOf(text: string): string {
    const out = parseTarget(text);
    if (out.kind !== "invalid") throw new Error(`expected a problem for ${text}, got ${JSON.stringify(out)}`);
    expect(out.problem.code).toBe("unreadableTarget");
    return out.problem.message;
  }

  test("“≥ 95% e 0% de casos de sífilis”: both targets named, and the user is asked to split them", () => {
    expect(problemOf("≥ 95% e 0% de casos de sífilis")).toBe(
      "Não foi possível ler a meta “≥ 95% e 0% de casos de sífilis”: a meta tem duas metas: “≥ 95%” e “0% de casos de sífilis”; " +
        "separe em duas linhas, com uma meta em cada.",
    );
  });

  test("the instrument's pregnant-women and syphilis Meta cells carry two targets each (joined by “e”, and by a full stop)", () => {
    // 75% of pregnant women with 6+ consultations, and 100% with the puerperium consultation: the second was dropped before.
    expect(
      problemOf(
        "75%* de gestantes com 6 consultas de pré natal ou mais e 100% da consulta de puerpério. *O percentual pode variar de acordo com a Lei PREVINE Brasil.",
      ),
    ).toContain(
      "duas metas: “75%* de gestantes com 6 consultas de pré natal ou mais” e “100% da consulta de puerpério”;",
    );
    // 100% treated, and 0% congenital syphilis (an at-most target): two sentences. The first is long and is shortened.
    expect(
      problemOf(
        "Tratamento de 100% das gestantes com diagnóstico de sífilis gestacional. 0% de casos de sífilis congênita.",
      ),
    ).toContain("e “0% de casos de sífilis congênita”; separe em duas linhas");
  });

  test("two bare numbers may have been meant as a range: the message shows how to write one", () => {
    expect(problemOf("50% e 70%")).toContain(
      "“50%” e “70%”; separe em duas linhas, com uma meta em cada. Se é um intervalo, escreva “entre 50% e 70%”.",
    );
    // Two lower ends are not a range either: two targets, and no range hint (they are not bare numbers).
    expect(problemOf("> 5 e > 7")).not.toContain("intervalo");
  });

  test.each<[string, string, string]>([
    ["Mínimo de 10 visitas e cobertura de 80%", "Mínimo de 10 visitas", "cobertura de 80%"],
    ["Mínimo de 6 consultas de pré-natal e 1 de puerpério", "Mínimo de 6 consultas de pré-natal", "1 de puerpério"],
    ["Cobertura de 80%; no máximo 2 óbitos", "Cobertura de 80%", "no máximo 2 óbitos"],
    ["entre 50% e 70% e 0% de óbitos", "entre 50% e 70%", "0% de óbitos"],
  ])("%s → “%s” and “%s”", (text, first, second) => {
    expect(problemOf(text)).toContain(`duas metas: “${first}” e “${second}”`);
  });

  test.each<[string, number, Target["unit"]]>([
    // The second 100% says of what ("para"), it is not a second target.
    ["100% de pontualidade para 100% dos relatórios", 1, "percent"],
    // A law's number after a full stop qualifies (no % and words before it); so do the date's numbers.
    ["Mínimo 02 atividades mensais. CONFORME LEI 7247 DE 1/06/2012", 2, "count"],
    // Numbers listed after the target qualify it.
    ["Cobertura de 75% das crianças de 1, 2 e 3 anos", 0.75, "percent"],
    // A range that does not hold the first number qualifies it (it was read as the target 2–5 before).
    ["90% das crianças entre 2 e 5 anos", 0.9, "percent"],
    // A plain number after words, past "e", qualifies: the target is 80% of them.
    ["80% dos hipertensos e diabéticos com no mínimo 2 consultas", 0.8, "percent"],
    // Past a comma, only a number that opens the clause starts a target.
    ["100% das atividades, com frequência mínima de 75%", 1, "percent"],
    [
      "90% ou mais dos encaminhamentos conforme protocolos estabelecidos pela SMS e preenchimento adequado",
      0.9,
      "percent",
    ],
  ])("one target: %s", (text, value, unit) => {
    const t = target(text);
    expect(t.direction).toBe("atLeast");
    expect(t.value).toBeCloseTo(value, 12);
    expect(t.unit).toBe(unit);
  });

  test.each<[string, number, boolean, number, boolean, Target["scale"]]>([
    ["Entre 50% e 70%", 0.5, true, 0.7, true, "percent"],
    ["entre 50 a 70", 50, true, 70, true, "plain"],
    ["> 50 e ≤ 70", 50, false, 70, true, "plain"],
    ["≤ 70% e ≥ 50%", 0.5, true, 0.7, true, "percent"],
    // "de a a b": the % on the second end holds for both (50 → 50%).
    ["de 50 a 70%", 0.5, true, 0.7, true, "percent"],
    ["Cobertura de 50% a 70% das crianças", 0.5, true, 0.7, true, "percent"],
    ["50% a 70%", 0.5, true, 0.7, true, "percent"],
    ["no mínimo 6 e no máximo 10 consultas", 6, true, 10, true, "plain"],
    ["acima de 5 e até 7", 5, false, 7, true, "plain"],
  ])("one range: %s", (text, lo, loInc, hi, hiInc, scale) => {
    const t = target(text);
    expect(t.direction).toBe("range");
    expect(t.scale).toBe(scale);
    expect(t.interval?.lower?.value).toBeCloseTo(lo, 12);
    expect(t.interval?.upper?.value).toBeCloseTo(hi, 12);
    expect([t.interval?.lower?.inclusive, t.interval?.upper?.inclusive]).toEqual([loInc, hiInc]);
  });

  test("“de a a b” going down, or after a change word, is not a range", () => {
    // As before: the first number, at least.
    expect(target("de 10 a 5")).toMatchObject({ direction: "atLeast", value: 10 });
    expect(parseTarget("Reduzir de 5 a 3 casos").kind).toBe("needsBaseline");
  });

  /** Targets that read alone as one target each; `side` marks a bare comparison (two of them can make a range). */
  const single: { text: (n: number) => string; side?: "lower" | "upper" }[] = [
    { text: (n) => `${n}%` },
    { text: (n) => `${n}% ou mais` },
    { text: (n) => `Cobertura de ${n}%` },
    { text: (n) => `${n}% de casos de sífilis congênita` },
    { text: (n) => `Tratamento de ${n}% das gestantes` },
    { text: (n) => `Mínimo de ${n} visitas domiciliares ao mês` },
    // "até 10 e pelo menos 2 consultas" is a range (2 to 10): "pelo menos" is a lower end like "≥".
    { text: (n) => `pelo menos ${n} consultas`, side: "lower" },
    { text: (n) => `${n} atividades coletivas` },
    { text: (n) => `≥ ${n}%`, side: "lower" },
    { text: (n) => `> ${n}`, side: "lower" },
    { text: (n) => `no mínimo ${n}`, side: "lower" },
    { text: (n) => `até ${n}%`, side: "upper" },
    { text: (n) => `≤ ${n}`, side: "upper" },
    { text: (n) => `no máximo ${n}`, side: "upper" },
  ];
  const amount = fc.oneof(
    fc.integer({ min: 1, max: 500 }),
    fc.integer({ min: 1, max: 999 }).map((k) => Number((k / 10).toFixed(1))),
  );
  const written = (n: number) => String(n).replace(".", ",");

  test("property: two targets joined by “e”, “;” or a full stop are always reported, naming both", () => {
    fc.assert(
      fc.property(
        fc.nat(single.length - 1),
        fc.nat(single.length - 1),
        amount,
        amount,
        fc.constantFrom(" e ", "; ", ". "),
        (i, j, a, b, join) => {
          const [first, second] = [single[i], single[j]];
          // Two bare comparisons on opposite sides joined by "e" are a range ("≥ 50 e ≤ 70"): the next property.
          fc.pre(!(join === " e " && first.side && second.side && first.side !== second.side));
          const [x, y] = [first.text(a).replace(String(a), written(a)), second.text(b).replace(String(b), written(b))];
          const message = problemOf(`${x}${join}${y}`);
          expect(message).toContain(`duas metas: “${x}” e “${y}”`);
        },
      ),
    );
  });

  test("property: a range is one target, with its two ends, however it is written", () => {
    const ends = fc
      .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
      .map(([p, q]) => [Math.min(p, q), Math.max(p, q)] as const);
    const forms = [
      (a: number, b: number) => `entre ${a}% e ${b}%`,
      (a: number, b: number) => `de ${a} a ${b}%`,
      (a: number, b: number) => `> ${a}% e ≤ ${b}%`,
      (a: number, b: number) => `≤ ${b}% e ≥ ${a}%`,
      (a: number, b: number) => `no mínimo ${a}% e no máximo ${b}%`,
    ];
    fc.assert(
      fc.property(ends, fc.nat(forms.length - 1), ([a, b], f) => {
        const t = target(forms[f](a, b));
        expect(t.direction).toBe("range");
        expect(t.interval?.lower?.value).toBeCloseTo(a / 100, 12);
        expect(t.interval?.upper?.value).toBeCloseTo(b / 100, 12);
      }),
    );
  });

  test("property: never throws on texts made of numbers, joins and operators", () => {
    const words = fc.constantFrom(
      "≥",
      "≤",
      "e",
      "de",
      "a",
      "entre",
      ".",
      ";",
      ",",
      "no mínimo",
      "até",
      "%",
      "10",
      "2,5",
      "300",
      "casos",
      "*",
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 10 }), (parts) => {
        const out = parseTarget(parts.join(" "));
        expect(["target", "invalid", "needsBaseline", "empty"]).toContain(out.kind);
      }),
    );
  });
});

describe("parseIntervalText: band conditions", () => {
  test("≤ 10 ou > 70 is two intervals (the co-financing C1 Regular class)", () => {
    const out = parseIntervalText("≤ 10 ou > 70");
    expect(out).toEqual({
      kind: "intervals",
      scale: "plain",
      intervals: [{ upper: { value: 10, inclusive: true } }, { lower: { value: 70, inclusive: false } }],
    });
  });

  test("de 50 a 70, a lone number, and words for operators", () => {
    expect(parseIntervalText("de 50 a 70")).toMatchObject({
      intervals: [{ lower: { value: 50, inclusive: true }, upper: { value: 70, inclusive: true } }],
    });
    expect(parseIntervalText("100")).toMatchObject({
      intervals: [{ lower: { value: 100, inclusive: true }, upper: { value: 100, inclusive: true } }],
    });
    expect(parseIntervalText("acima de 7,5")).toMatchObject({
      intervals: [{ lower: { value: 7.5, inclusive: false } }],
    });
    expect(parseIntervalText("> 2,5 e < 5")).toMatchObject({
      intervals: [{ lower: { value: 2.5, inclusive: false }, upper: { value: 5, inclusive: false } }],
    });
  });

  test("two lower ends in one interval is unreadable", () => {
    expect(parseIntervalText("> 5 e > 7").kind).toBe("invalid");
    expect(parseIntervalText("qualquer coisa").kind).toBe("invalid");
  });
});

describe("the columns' vocabularies", () => {
  test("Sentido / Polaridade", () => {
    expect(parseDirection("maior melhor")).toBe("atLeast");
    expect(parseDirection("Menor é melhor")).toBe("atMost");
    expect(parseDirection("Quanto menor, melhor")).toBe("atMost");
    expect(parseDirection("Positiva")).toBe("atLeast");
    expect(parseDirection("")).toBeUndefined();
  });

  test("Natureza", () => {
    expect(parseKind("Desempenho")).toBe("desempenho");
    expect(parseKind("MONITORAMENTO")).toBe("monitoramento");
    expect(parseKind("outro")).toBeUndefined();
  });

  test("Justificativa aceita: Sim / Total / Parcial / Não", () => {
    expect(parseJustificationDecision("Sim")).toBe("total");
    expect(parseJustificationDecision("Total")).toBe("total");
    expect(parseJustificationDecision("parcial")).toBe("partial");
    expect(parseJustificationDecision("Não")).toBe("rejected");
    expect(parseJustificationDecision("nao")).toBe("rejected");
    expect(parseJustificationDecision(null)).toBeUndefined();
    expect(parseJustificationDecision("talvez")).toMatchObject({ code: "invalidArgument" });
  });

  test("Agregação", () => {
    expect(parseAggregation("Média")).toBe("mean");
    expect(parseAggregation("soma")).toBe("sum");
    expect(parseAggregation("Último")).toBe("last");
    expect(parseAggregation("razão")).toBe("ratio");
  });
});
