import fc from "fast-check";
import { ExcelError, loadMetadata, loadRegistered } from "./registered";

const registered = loadRegistered();
const metadata = loadMetadata();

/** Calls a registered function as Excel does: every declared parameter passed, omitted ones as null. */
function call(id: string, ...args: unknown[]): unknown {
  const fn = registered.get(id);
  if (!fn) throw new Error(`${id} is not registered`);
  const declared = metadata.find((f) => f.id === id)!.parameters.length;
  const padded = [...args, ...Array(Math.max(0, declared - args.length)).fill(null)];
  return fn(...padded);
}

/** The Excel error a call raises (its code and pt-BR message), or fails the test. */
function excelError(id: string, ...args: unknown[]): ExcelError {
  try {
    call(id, ...args);
  } catch (e) {
    if (e instanceof ExcelError) return e;
    throw new Error(`${id} threw something Excel would show as a bare #VALUE!: ${String(e)}`);
  }
  throw new Error(`${id} did not raise an error`);
}

const EXPECTED = [
  "ATINGIMENTO",
  "CONCEITO",
  "FAIXA",
  "RECOMENDACAO",
  "NOTA",
  "ISF",
  "GLOBAL",
  "CLASSIFICACAO",
  "PROPORCAO",
  "LER_META",
  "PERIODO",
  "EQUIPES_MIN",
  "ACS_MIN",
  "EQUIPE_VERIFICAR",
  "NOTA_FINAL",
];

describe("functions.json (generated from the JSDoc by the build)", () => {
  test("lists every function the issue asks for, each registered by the bundle under the same id", () => {
    expect(metadata.map((f) => f.id).sort()).toEqual([...EXPECTED].sort());
    expect([...registered.keys()].sort()).toEqual([...EXPECTED].sort());
  });

  test("every function and parameter has a pt-BR description", () => {
    // pt-BR: written with Portuguese words; no English template text left behind.
    for (const f of metadata) {
      expect(f.description.length).toBeGreaterThan(20);
      expect(f.description).not.toMatch(/\b(the|returns|number of)\b/i);
      for (const p of f.parameters) expect(p.description.length).toBeGreaterThan(3);
    }
    expect(metadata.find((f) => f.id === "ATINGIMENTO")!.description).toMatch(/Atingimento da meta/);
  });

  test("optional arguments are declared optional, ranges as matrices", () => {
    const params = (id: string) => metadata.find((f) => f.id === id)!.parameters;
    expect(params("ATINGIMENTO").map((p) => [p.name, !!p.optional])).toEqual([
      ["resultado", false],
      ["meta", false],
      ["sentido", true],
      ["limitar", true],
    ]);
    expect(params("ISF").every((p) => p.dimensionality === "matrix")).toBe(true);
    expect(
      params("GLOBAL")
        .slice(0, 4)
        .every((p) => p.dimensionality === "matrix"),
    ).toBe(true);
    // Excel passes a range only to a matrix parameter: every band table is one.
    for (const id of ["FAIXA", "RECOMENDACAO", "CLASSIFICACAO"])
      expect(params(id).find((p) => p.name === "tabela")?.dimensionality).toBe("matrix");
  });

  test("a table's name typed in the call reaches a matrix parameter as one cell, and still works", () => {
    // =META.CLASSIFICACAO(60;"C1"): Excel hands "C1" over as [["C1"]]. 60 is in C1's Ótimo (> 50 e ≤ 70).
    expect(call("CLASSIFICACAO", 60, [["C1"]])).toBe("Ótimo");
    // The final note's table is on 0–10: 8,5 → Ótimo (> 7,5).
    expect(call("CLASSIFICACAO", 8.5, [["FINAL"]])).toBe("Ótimo");
    // An empty optional table (one blank cell) is the contract's bands: 85% → Faixa 2.
    expect(call("FAIXA", 0.85, [[null]])).toBe(2);
  });
});

describe("ATINGIMENTO and CONCEITO as typed in cells", () => {
  test("=META.ATINGIMENTO(C2;D2) with Excel percentages (0,7 of 0,9) is 77,8%", () => {
    // 0,7 / 0,9 = 0,7777…
    expect(call("ATINGIMENTO", 0.7, 0.9)).toBeCloseTo(0.7 / 0.9, 12);
  });

  test('=META.ATINGIMENTO(C2;"90% ou mais") reads the target text; C2 typed 70 is 70%', () => {
    expect(call("ATINGIMENTO", 70, "90% ou mais")).toBeCloseTo(0.7 / 0.9, 12);
    expect(call("ATINGIMENTO", 0.7, "90% ou mais")).toBeCloseTo(0.7 / 0.9, 12);
  });

  test("limitar: capped at 100% by default, raw when FALSO", () => {
    // 120 of 100 → raw 1,2.
    expect(call("ATINGIMENTO", 120, 100)).toBe(1);
    expect(call("ATINGIMENTO", 120, 100, null, false)).toBeCloseTo(1.2, 12);
  });

  test("at most: “até 5%” with 8% is 5/8 = 62,5%, concept B; 4% is A", () => {
    expect(call("ATINGIMENTO", 0.08, "até 5%")).toBeCloseTo(0.625, 12);
    expect(call("CONCEITO", 0.08, "até 5%")).toBe("B");
    expect(call("CONCEITO", "4%", "até 5%")).toBe("A");
  });

  test("sentido overrides: 8 against 10 with “menor melhor” is A", () => {
    expect(call("CONCEITO", 8, 10)).toBe("B");
    expect(call("CONCEITO", 8, 10, "menor melhor")).toBe("A");
    // A target range told "menor melhor" keeps 70% as a ceiling, as the workbook evaluation does:
    // 40% is below the range (B), but under the ceiling (A).
    expect(call("CONCEITO", 0.4, "entre 50% e 70%")).toBe("B");
    expect(call("CONCEITO", 0.4, "entre 50% e 70%", "menor melhor")).toBe("A");
  });

  test("CONCEITO with the commission's decision and the kind gives the texts the add-in writes and colours", () => {
    // 80 against "≥ 90": B. Accepted in total or in part, it stays B, marked; rejected, plain B.
    expect(call("CONCEITO", 80, "≥ 90", null, "Total")).toBe("B – justificado");
    expect(call("CONCEITO", 80, "≥ 90", null, "Parcial")).toBe("B – justificado parcialmente");
    expect(call("CONCEITO", 80, "≥ 90", null, "Não")).toBe("B");
    // A decision never changes an A; monitoring indicators are marked whatever the concept.
    expect(call("CONCEITO", 95, "≥ 90", null, "Total")).toBe("A");
    expect(call("CONCEITO", 80, "≥ 90", null, null, "Monitoramento")).toBe("B – monitoramento");
    expect(call("CONCEITO", null, "≥ 90", null, null, "Monitoramento")).toBe("Sem dado");
    expect(excelError("CONCEITO", 80, "≥ 90", null, "talvez").code).toBe("#VALUE!");
    expect(excelError("CONCEITO", 80, "≥ 90", null, null, "outra").code).toBe("#VALUE!");
  });

  test("no result yet: CONCEITO says Sem dado, ATINGIMENTO is #N/A with the reason", () => {
    expect(call("CONCEITO", null, 0.8)).toBe("Sem dado");
    const e = excelError("ATINGIMENTO", null, 0.8);
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/Sem dado/);
  });

  test("bad input is #VALUE! with a pt-BR message, never a crash", () => {
    const ambiguous = excelError("ATINGIMENTO", 0.8, 75);
    expect(ambiguous.code).toBe("#VALUE!");
    expect(ambiguous.message).toMatch(/Escala ambígua/);
    expect(excelError("ATINGIMENTO", "n/a", 0.8).message).toMatch(/n\/a/);
    expect(excelError("CONCEITO", 0.5, "a combinar").message).toMatch(/a combinar/);
    expect(excelError("ATINGIMENTO", 10, "Diminuir gradual dos atendimentos").code).toBe("#N/A");
  });

  test("property: any arguments give a number in [0,1], A/B/Sem dado, or an Excel error — nothing else", () => {
    const arg = fc.oneof(
      fc.double(),
      fc.string(),
      fc.constant(null),
      fc.boolean(),
      fc.constantFrom("90% ou mais", "até 5%", "75%", "0,8"),
    );
    fc.assert(
      fc.property(arg, arg, (r, t) => {
        for (const id of ["ATINGIMENTO", "CONCEITO"]) {
          try {
            const out = call(id, r, t);
            if (id === "ATINGIMENTO") {
              expect(typeof out).toBe("number");
              expect(out as number).toBeGreaterThanOrEqual(0);
              expect(out as number).toBeLessThanOrEqual(1);
            } else expect(["A", "B", "Sem dado"]).toContain(out);
          } catch (e) {
            expect(e).toBeInstanceOf(ExcelError);
            expect((e as ExcelError).message.length).toBeGreaterThan(10);
          }
        }
      }),
    );
  });
});

describe("FAIXA and RECOMENDACAO", () => {
  test("the six bands of the instrument, from 85% or 85", () => {
    expect(call("FAIXA", 0.85)).toBe(2);
    expect(call("FAIXA", 85)).toBe(2);
    expect(call("FAIXA", 1)).toBe(1);
    // 69,96% rounds to 70,0 → band 3; 69,94% rounds to 69,9 → band 4.
    expect(call("FAIXA", 0.6996)).toBe(3);
    expect(call("FAIXA", 0.6994)).toBe(4);
    expect(call("FAIXA", 0.3)).toBe(6);
    expect(call("RECOMENDACAO", 0.3)).toMatch(/rescisão contratual/);
    expect(call("RECOMENDACAO", 0.55)).toMatch(/Procedimento de sanção/);
  });

  test("the user's own table by lower bounds, with a title row", () => {
    const table = [
      ["Limite inferior", "Faixa", "Recomendação"],
      [90, "Ótima", "Manter"],
      [0, "Insuficiente", "Revisar"],
    ];
    // 85 is under 90 → the second row, numbered 2 (the best is 1).
    expect(call("FAIXA", 0.85, table)).toBe(2);
    expect(call("RECOMENDACAO", 0.95, table)).toBe("Manter");
  });

  test("a table with a gap is refused, saying where", () => {
    const e = excelError("FAIXA", 0.5, [
      [10, "A"],
      [50, "B"],
    ]);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/0/);
  });
});

describe("national presets", () => {
  test("NOTA and ISF: the Previne worked examples", () => {
    expect(call("NOTA", 0.3, 0.6)).toBeCloseTo(5, 12); // 10 × 30/60
    expect(call("NOTA", "40%", "50%")).toBeCloseTo(8, 12); // 10 × 40/50
    // Notes 5 (weight 1), 8 (weight 2), 10 (weight 7): (5 + 16 + 70) / 10 = 9,1.
    expect(call("ISF", [[5], [8], [10]], [[1], [2], [7]])).toBeCloseTo(9.1, 12);
  });

  test("NOTA_FINAL: the co-financing's nota of one team from its C1–C7 results", () => {
    // The official worked example: 40 Bom, 80 Ótimo, 90 Ótimo, 30 Suficiente, 20 Regular, 76 Ótimo, 100 Ótimo
    // → 0,75·1 + 1·2 + 1·2 + 0,5·1 + 0,25·1 + 1·1 + 1·2 = 8,5 (Ótimo).
    expect(call("NOTA_FINAL", [[40, 80, 90, 30, 20, 76, 100]])).toBeCloseTo(8.5, 12);
    // The same in a column, and with percentages (40% = 40 points).
    expect(call("NOTA_FINAL", [["40%"], ["80%"], ["90%"], ["30%"], ["20%"], ["76%"], ["100%"]])).toBeCloseTo(8.5, 12);
    // C6 empty: adds nothing and keeps its weight (Nota Técnica nº 8/2026-DEAPS totals the ten weights); 70 Ótimo
    // (C1 ≤ 70), 50 Suficiente, 75 Bom, 25 Regular, 51 Bom, 10 Regular → 1 + 1 + 1,5 + 0,25 + 0,75 + 0 + 0,5 = 5,0
    // (not 5,0 ÷ 9 × 10 = 5,56) → Bom, on its lower bound.
    expect(call("NOTA_FINAL", [[70, 50, 75, 25, 51, null, 10]])).toBeCloseTo(5, 12);
    expect(call("CLASSIFICACAO", call("NOTA_FINAL", [[70, 50, 75, 25, 51, null, 10]]), "FINAL")).toBe("Bom");
    // The worked example without C7: 0,75 + 2 + 2 + 0,5 + 0,25 + 1 + 0 = 6,5 → Bom (rescaled: 8,125 → Ótimo).
    expect(call("NOTA_FINAL", [[40, 80, 90, 30, 20, 76, null]])).toBeCloseTo(6.5, 12);
    expect(call("CLASSIFICACAO", call("NOTA_FINAL", [[40, 80, 90, 30, 20, 76, null]]), "FINAL")).toBe("Bom");
    // Seven plain fractions (0,4 … 1, no %): points or percentages? A scale problem, never 0,4 points → Regular.
    const fractions = excelError("NOTA_FINAL", [[0.4, 0.8, 0.9, 0.3, 0.2, 0.76, 1]]);
    expect(fractions.code).toBe("#VALUE!");
    expect(fractions.message).toContain("Os resultados de C1 a C7 são todos frações de 0 a 1");
    // The same as percentages is the worked example: 8,5.
    expect(call("NOTA_FINAL", [["40%", "80%", "90%", "30%", "20%", "76%", "100%"]])).toBeCloseTo(8.5, 12);
    // Six cells are not C1–C7; a text is not a result; nothing at all is #N/D.
    expect(excelError("NOTA_FINAL", [[40, 80, 90, 30, 20, 76]]).message).toBe(
      "Informe os 7 resultados da equipe, na ordem C1 a C7; o intervalo tem 6 células.",
    );
    expect(excelError("NOTA_FINAL", [[40, 80, 90, "n/d", 20, 76, 100]]).code).toBe("#VALUE!");
    expect(excelError("NOTA_FINAL", [[null, null, null, null, null, null, null]]).code).toBe("#N/A");
  });

  test("property: NOTA_FINAL is between 0,25 × 10 and 10, never throws but Excel errors, and grows with any class", () => {
    const result = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(fc.array(result, { minLength: 7, maxLength: 7 }), fc.integer({ min: 1, max: 6 }), (values, i) => {
        // Seven results all between 0 and 1 (some above 0) are the scale problem of a column of fractions.
        fc.pre(values.some((v) => v > 1) || values.every((v) => v === 0));
        const n = call("NOTA_FINAL", [values]) as number;
        expect(n).toBeGreaterThanOrEqual(2.5 - 1e-12);
        expect(n).toBeLessThanOrEqual(10 + 1e-12);
        // C2–C7 are higher-is-better: raising one result never lowers the nota.
        const raised = [...values];
        raised[i] = Math.min(100, raised[i] + 10);
        expect(call("NOTA_FINAL", [raised]) as number).toBeGreaterThanOrEqual(n - 1e-12);
      }),
    );
  });

  test("CLASSIFICACAO: co-financing classes, C1 as a target range, and the final note", () => {
    expect(call("CLASSIFICACAO", 60, "C1")).toBe("Ótimo");
    expect(call("CLASSIFICACAO", 75, "C1")).toBe("Regular"); // above 70 is Regular for C1
    expect(call("CLASSIFICACAO", "45%", "C4")).toBe("Suficiente"); // 45% = 45 points: > 25 e ≤ 50
    expect(call("CLASSIFICACAO", 8.5, "FINAL")).toBe("Ótimo"); // the official worked example
    expect(
      call("CLASSIFICACAO", 5, [
        ["> 7,5", "Ótimo"],
        ["≥ 5 e ≤ 7,5", "Bom"],
        ["> 2,5 e < 5", "Suficiente"],
        ["≤ 2,5", "Regular"],
      ]),
    ).toBe("Bom");
  });
});

describe("GLOBAL", () => {
  test("share of targets met, monitoring left out, empty results left out", () => {
    // 1: 90% vs 80% A; 2: 70% vs 80% B; 3: monitoring B (not scored); 4: no result (Sem dado).
    // Weights 2, 1: (2·1 + 1·0) / 3 = 66,7%.
    const results = [[0.9], [0.7], [0.1], [null]];
    const targets = [[0.8], [0.8], [0.8], [0.8]];
    const weights = [[2], [1], [1], [1]];
    const kinds = [["Desempenho"], ["Desempenho"], ["Monitoramento"], ["Desempenho"]];
    expect(call("GLOBAL", results, targets, weights, kinds)).toBeCloseTo(2 / 3, 12);
    // Mean attainment: (2·1 + 1·0,875) / 3 = 0,958333.
    expect(call("GLOBAL", results, targets, weights, kinds, "media")).toBeCloseTo(2.875 / 3, 12);
  });

  test("ranges of different sizes and unknown methods are refused in pt-BR", () => {
    expect(excelError("GLOBAL", [[1], [2]], [[1]]).message).toMatch(/mesmo número de células/);
    expect(excelError("GLOBAL", [[1]], [[1]], null, null, "outro").message).toMatch(/proporcao/);
  });
});

describe("the small helpers", () => {
  test("PROPORCAO, LER_META, PERIODO", () => {
    expect(call("PROPORCAO", 45, 60)).toBeCloseTo(0.75, 12);
    expect(excelError("PROPORCAO", 1, 0).code).toBe("#DIV/0!");
    expect(call("LER_META", "90% ou mais das fichas")).toBeCloseTo(0.9, 12);
    expect(call("LER_META", "Mínimo de 10 visitas domiciliares ao mês")).toBe(10);
    // Excel serial 45689 = 2025-02-01 (45658 is 2025-01-01, plus 31 days of January).
    expect(call("PERIODO", 45689)).toBe("2025-02");
    expect(call("PERIODO", 45689, "trimestre")).toBe("2025-T1");
    expect(call("PERIODO", 45689, "quadrimestre")).toBe("2025-Q1");
    expect(call("PERIODO", "jun/2025", "semestre")).toBe("2025-S1");
    expect(excelError("PERIODO", 45689, "quinzena").message).toMatch(/quinzena/);
  });

  test("ESF staffing: 10.001 people need 3 teams (10.001/4.000 = 2,5) and 14 ACS (10.001/750 = 13,3)", () => {
    expect(call("EQUIPES_MIN", 10001)).toBe(3);
    expect(call("ACS_MIN", 10001)).toBe(14);
    expect(call("EQUIPE_VERIFICAR", 3000, 4)).toBe("OK");
    // 3.500 people need ⌈3.500/750⌉ = 5 ACS; 4 are not enough.
    expect(call("EQUIPE_VERIFICAR", 3500, 4)).toMatch(/5/);
    expect(excelError("EQUIPES_MIN", -5).code).toBe("#VALUE!");
  });
});
