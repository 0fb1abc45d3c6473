/**
 * The write plan built from an evaluation: where the owned columns go and what they hold, the rules that
 * colour them, the summary sheet's figures — all checked against values worked out by hand — and that a
 * second run lands on the same columns with the same values (run twice = run once).
 */
import { columnIndex } from "../../src/workbook/a1";
import fc from "fast-check";
import { buildPlan } from "../../src/workbook/plan/build";
import { cellsBesideTables } from "../../src/workbook/plan/owned";
import { describeTarget, sheetName, summaryName } from "../../src/workbook/plan/summary";
import type { OwnedColumns, PlanCell, SummarySheetPlan, WritePlan } from "../../src/workbook/plan/types";
import { runPipeline } from "../../src/workbook/pipeline";
import type { CellData, SheetData, WorkbookData } from "../../src/workbook/model";
import { fmt, sheet, workbook } from "./fixtures";
import { parseTarget } from "../../src/core/parse";

const HEADER = ["Código", "Indicador", "Natureza", "Mês", "Meta", "Resultado", "Justificativa aceita"];

/**
 * A long table, header on row 3 (A–G), data rows 4–9:
 * - I1 Jan 330 vs ≥ 300 → 330/300 capped at 100% → A
 * - I1 Fev 240 vs ≥ 300 → 240/300 = 80% → B
 * - I2 Jan 68% vs 85% → 0,68/0,85 = 80% → B, justification accepted in total → "B – justificado"
 * - I3 Jan 10% vs "até 8%" (monitoring) → 0,08/0,10 = 80% → "B – monitoramento"
 * - I4 Jan empty → "Sem dado"
 * - I5 Jan "n/d" → "Inválido"
 */
function longSheet(extra: (CellData["value"] | CellData)[][] = []): SheetData {
  const rows = [
    ["Contrato de Gestão nº 12/2024 — Indicadores"],
    [],
    HEADER,
    ["I1", "Consultas médicas", "Desempenho", "2025-01", "≥ 300", 330, null],
    ["I1", "Consultas médicas", "Desempenho", "2025-02", "≥ 300", 240, null],
    ["I2", "Proporção de gestantes com pré-natal em dia", "Desempenho", "2025-01", "85%", fmt(0.68, "0%"), "Total"],
    ["I3", "Proporção de baixo peso ao nascer", "Monitoramento", "2025-01", "até 8%", fmt(0.1, "0%"), null],
    ["I4", "Visitas domiciliares", "Desempenho", "2025-01", "≥ 10", null, null],
    ["I5", "Proporção de vacinas em dia", "Desempenho", "2025-01", "95%", "n/d", null],
    ...extra,
  ];
  return sheet("Indicadores", rows);
}

function plan(wb: WorkbookData): WritePlan {
  return buildPlan(wb, runPipeline(wb), { source: "contrato.xlsx" });
}

const values = (o: OwnedColumns) => o.values.map((row) => row.map((c) => c.value));

/** The workbook after applying the plan's owned columns (what a host would write), for a second run. */
function applyOwned(wb: WorkbookData, p: WritePlan): WorkbookData {
  const sheets = wb.sheets.map((sh) => {
    const rows = sh.rows.map((r) => [...r]);
    const put = (row: number, col: number, cell: PlanCell) => {
      const r = row - sh.origin.row;
      const c = col - sh.origin.col;
      while (rows.length <= r) rows.push([]);
      while (rows[r].length <= c) rows[r].push({ value: null });
      rows[r][c] = cell.numberFormat ? { value: cell.value, numberFormat: cell.numberFormat } : { value: cell.value };
    };
    for (const o of p.owned.filter((x) => x.sheet === sh.name)) {
      o.headers.forEach((h, j) => put(o.headerRow, o.col + j, h));
      o.values.forEach((row, i) => row.forEach((cell, j) => put(o.firstRow + i, o.col + j, cell)));
    }
    return { ...sh, rows };
  });
  return { ...wb, sheets };
}

/** The value beside a label: labels span A:B, values start in C. */
function summaryCell(summary: SummarySheetPlan, label: string, offset = 2): PlanCell | undefined {
  const row = summary.rows.find((r) => r[0]?.value === label);
  return row?.[offset];
}

describe("owned columns (long layout)", () => {
  const wb = workbook(longSheet());
  const p = plan(wb);

  it("puts Atingimento and Conceito right of the table, titled so a person sees they are generated", () => {
    expect(p.owned).toHaveLength(1);
    const o = p.owned[0];
    // The table spans A–G, so the pair goes to H and I, headers on the table's header row.
    expect(o.sheet).toBe("Indicadores");
    expect(o.col).toBe(columnIndex("H"));
    expect(o.headerRow).toBe(3);
    expect(o.headers.map((h) => h.value)).toEqual(["Atingimento (Contratualiza)", "Conceito (Contratualiza)"]);
    expect(o.firstRow).toBe(4);
  });

  it("holds each row's scored attainment and concept (worked out in longSheet's comment)", () => {
    const v = values(p.owned[0]);
    expect(v).toHaveLength(6);
    expect(v[0]).toEqual([1, "A"]);
    expect(v[1][0]).toBeCloseTo(0.8, 12);
    expect(v[1][1]).toBe("B");
    expect(v[2][0]).toBeCloseTo(0.8, 12);
    expect(v[2][1]).toBe("B – justificado");
    expect(v[3][0]).toBeCloseTo(0.8, 12);
    expect(v[3][1]).toBe("B – monitoramento");
    expect(v[4]).toEqual([null, "Sem dado"]);
    expect(v[5]).toEqual([null, "Inválido"]);
    expect(p.owned[0].values[0][0].numberFormat).toBe("0.0%");
  });

  it("gives Excel live formulas reading the row's own result and target cells", () => {
    expect(p.owned[0].values[0][0].formula).toBe("=META.ATINGIMENTO(F4,E4)");
    expect(p.owned[0].values[1][0].formula).toBe("=META.ATINGIMENTO(F5,E5)");
    // No result, or an unreadable one: no attainment, so no formula either.
    expect(p.owned[0].values[4][0].formula).toBeUndefined();
    expect(p.owned[0].values[5][0].formula).toBeUndefined();
  });

  it("without live formulas (the file host writes values) holds the same values and no formula at all", () => {
    const bare = buildPlan(wb, runPipeline(wb), { source: "contrato.xlsx", liveFormulas: false });
    const cells = (plan: WritePlan) => plan.owned.flatMap((o) => o.values.flat());
    // Same cells but for the formulas: the values, formats and styles a file gets do not depend on them.
    expect(cells(bare)).toEqual(cells(p).map(({ formula: _formula, ...rest }) => rest));
    expect(cells(bare).some((c) => c.formula !== undefined)).toBe(false);
    expect(cells(p).some((c) => c.formula !== undefined)).toBe(true);
  });

  it("without live formulas, rows with the same attainment and concept share their cells (nothing changes them)", () => {
    // I6 Jan: 240 vs ≥ 300 → 80%, B: the same pair as I1 Fev (row 5).
    const wb6 = workbook(longSheet([["I6", "Exames", "Desempenho", "2025-01", "≥ 300", 240, null]]));
    const bare = buildPlan(wb6, runPipeline(wb6), { source: "contrato.xlsx", liveFormulas: false });
    const rows = bare.owned[0].values;
    expect(rows[6][0].value).toBeCloseTo(0.8, 12);
    expect(rows[6][1].value).toBe("B");
    expect(rows[6]).toBe(rows[1]);
    // I4 and I5 have no attainment but different concepts: not shared.
    expect(rows[3]).not.toBe(rows[4]);
    // With live formulas each row's cells name its own cells: never shared.
    const live = plan(wb6).owned[0].values;
    expect(live[6]).not.toBe(live[1]);
    expect(live[6][0].formula).toBe("=META.ATINGIMENTO(F10,E10)");
  });

  it("gives the concept as a live META.CONCEITO with the row's decision and kind cells", () => {
    const formula = (i: number) => p.owned[0].values[i][1].formula;
    // Row 4: no Sentido column, no decision → empty arguments; Natureza in C4.
    expect(formula(0)).toBe("=META.CONCEITO(F4,E4,,,C4)");
    // Row 6: accepted in total (G6) → "B – justificado", as the value says.
    expect(formula(2)).toBe("=META.CONCEITO(F6,E6,,G6,C6)");
    // Row 8: no result yet → the function says "Sem dado" too.
    expect(formula(4)).toBe("=META.CONCEITO(F8,E8,,,C8)");
    // Row 9: "n/d" would be #VALUE! in Excel, while the add-in writes "Inválido": no formula.
    expect(formula(5)).toBeUndefined();
  });

  it("writes no formula where a function would read the cells differently from the core", () => {
    const hinted = workbook(
      sheet("Indicadores", [
        ["Indicador", "Meta", "Resultado (%)"],
        ["Cobertura vacinal", 80, 0.5],
      ]),
    );
    const owned = plan(hinted).owned[0];
    // The "(%)" header tells the core both are percentages: 0,5 → 50%, 80 → 80%; 50 / 80 = 62,5%.
    // META.ATINGIMENTO(0,5; 80) has no header to read and reports an ambiguous scale: no formula here.
    expect(owned.values[0][0].value).toBeCloseTo(0.625, 12);
    expect(owned.values[0][0].formula).toBeUndefined();
    expect(owned.values[0][1].formula).toBeUndefined();
  });

  it("writes no formula reading a target carried from an earlier month's sheet", () => {
    // Sheet per period, the target on January's sheet only: February's row 2 has its target at Jan!B2, on
    // the same row number, but Fev!B2 is empty — a formula there would read nothing.
    const header = ["Indicador", "Meta", "Resultado"];
    const p2 = plan(
      workbook(sheet("Jan 2025", [header, ["Visitas", 500, 520]]), sheet("Fev 2025", [header, ["Visitas", null, 480]])),
    );
    const [jan, fev] = p2.owned;
    expect(jan.values[0][0].formula).toBe("=META.ATINGIMENTO(C2,B2)");
    // 480 / 500 (January's target) = 96%, written as a value only.
    expect([fev.sheet, fev.values[0][0].value, fev.values[0][0].formula, fev.values[0][1].formula]).toEqual([
      "Fev 2025",
      0.96,
      undefined,
      undefined,
    ]);
  });

  it("colours the owned pair and the user's result cells by the concept column, one rule per class", () => {
    expect(p.rules.map((r) => r.conceptClass)).toEqual([
      "monitoring",
      "justified",
      "met",
      "notMet",
      "invalid",
      "noData",
    ]);
    for (const rule of p.rules) {
      expect(rule.sheet).toBe("Indicadores");
      // H4:I9 is the owned pair; F4:F9 the results they describe. Both start on row 4, like the formula.
      expect(rule.areas).toEqual(["H4:I9", "F4:F9"]);
      expect(rule.formula).toContain("$I4");
    }
    expect(p.rules.find((r) => r.conceptClass === "met")?.formula).toBe('$I4="A"');
    expect(p.rules.find((r) => r.conceptClass === "justified")?.formula).toBe('ISNUMBER(SEARCH("justificado",$I4))');
    // Priorities strictly increase: monitoring and justified win over the plain A/B matches.
    const priorities = p.rules.map((r) => r.priority);
    expect([...priorities].sort((a, b) => a - b)).toEqual(priorities);
    expect(new Set(priorities).size).toBe(priorities.length);
  });

  it("lands on the same columns with the same values on a second run (run twice = run once)", () => {
    const second = plan(applyOwned(wb, p));
    expect(second.owned.map((o) => [o.sheet, o.col, o.headerRow, o.firstRow])).toEqual(
      p.owned.map((o) => [o.sheet, o.col, o.headerRow, o.firstRow]),
    );
    expect(values(second.owned[0])).toEqual(values(p.owned[0]));
    expect(second.rules).toEqual(p.rules);
  });

  it("clears the rows an earlier run wrote when the table got shorter, and nothing below them", () => {
    // After a run, the user deletes the last two rows; a note of theirs sits two rows further down in I.
    const ran = applyOwned(wb, p).sheets[0];
    const rows = ran.rows.map((r) => [...r]);
    rows[7] = [
      { value: null },
      { value: null },
      { value: null },
      { value: null },
      { value: null },
      { value: null },
      { value: null },
      rows[7][7],
      rows[7][8],
    ];
    rows[8] = [
      { value: null },
      { value: null },
      { value: null },
      { value: null },
      { value: null },
      { value: null },
      { value: null },
      rows[8][7],
      rows[8][8],
    ];
    rows.push(
      [],
      [
        { value: null },
        { value: null },
        { value: null },
        { value: null },
        { value: null },
        { value: null },
        { value: null },
        { value: null },
        { value: "nota minha" },
      ],
    );
    const again = plan(workbook({ ...ran, rows }));
    const o = again.owned[0];
    expect(o.col).toBe(columnIndex("H"));
    // Rows 4–7 are the table now; rows 8–9 held the old "Sem dado"/"Inválido" and are cleared; row 11 is the user's.
    expect(o.values).toHaveLength(6);
    expect(values(o).slice(4)).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it("never takes a column where the user typed something: the pair moves right", () => {
    const rows = longSheet().rows.map((r) => [...r]);
    rows[5] = [...rows[5], { value: "ver ofício 12" }]; // H6
    const moved = plan(workbook({ ...longSheet(), rows }));
    expect(moved.owned[0].col).toBe(columnIndex("I"));
  });
});

describe("owned columns (two tables side by side)", () => {
  // A1:C4 and E1:G4, one empty column between them: no room for a pair in D, so both pairs go right of the
  // second table, the left table's first (H:I), then the right one's (J:K). Both pairs bear the same titles.
  const wb = workbook(
    sheet("Lado a lado", [
      ["Indicador", "Meta", "Resultado", null, "Indicador", "Meta", "Resultado"],
      ["Consultas médicas", 100, 110, null, "Grupos de tabagismo", 2, 1],
      ["Consultas de enfermagem", 80, 70, null, "Visitas domiciliares", 500, 480],
    ]),
  );

  it("each table gets its own pair, and a second run finds each pair again where it was", () => {
    const first = plan(wb);
    // 110 ≥ 100 → A, 70 < 80 → B; 1 < 2 → B, 480 < 500 → B.
    expect(first.owned.map((o) => [o.col, values(o).map((r) => r[1])])).toEqual([
      [columnIndex("H"), ["A", "B"]],
      [columnIndex("J"), ["B", "B"]],
    ]);
    const second = plan(applyOwned(wb, first));
    expect(second.owned.map((o) => [o.col, values(o).map((r) => r[1])])).toEqual(
      first.owned.map((o) => [o.col, values(o).map((r) => r[1])]),
    );
    // And a third, from the second's output: still the same place.
    const third = plan(applyOwned(applyOwned(wb, first), second));
    expect(third.owned.map((o) => o.col)).toEqual([columnIndex("H"), columnIndex("J")]);
  });
});

describe("owned columns (wide layout)", () => {
  // One row per indicator, one result column per month: Jan 330 → 100% A; Fev 240 → 80% B.
  const wb = workbook(
    sheet("Largo", [
      ["Indicador", "Meta", "Jan/2025", "Fev/2025"],
      ["Consultas médicas", "≥ 300", 330, 240],
    ]),
  );
  const p = plan(wb);

  it("writes one pair per period column, titled with the period, in period order", () => {
    expect(p.owned.map((o) => [o.col, o.headers.map((h) => h.value)])).toEqual([
      [columnIndex("E"), ["Atingimento Jan/2025 (Contratualiza)", "Conceito Jan/2025 (Contratualiza)"]],
      [columnIndex("G"), ["Atingimento Fev/2025 (Contratualiza)", "Conceito Fev/2025 (Contratualiza)"]],
    ]);
    expect(values(p.owned[0])).toEqual([[1, "A"]]);
    expect(values(p.owned[1])[0][0]).toBeCloseTo(0.8, 12);
    expect(values(p.owned[1])[0][1]).toBe("B");
  });

  it("colours each period's result cell by that period's concept", () => {
    const met = p.rules.filter((r) => r.conceptClass === "met");
    expect(met.map((r) => [r.areas, r.formula])).toEqual([
      [["E2:F2", "C2:C2"], '$F2="A"'],
      [["G2:H2", "D2:D2"], '$H2="A"'],
    ]);
  });

  it("is stable on a second run", () => {
    const second = plan(applyOwned(wb, p));
    expect(second.owned.map((o) => o.col)).toEqual([columnIndex("E"), columnIndex("G")]);
    expect(second.owned.map(values)).toEqual(p.owned.map(values));
  });
});

describe("owned columns (one sheet per period)", () => {
  const month = (name: string, result: number) =>
    sheet(name, [
      ["Indicador", "Meta", "Resultado"],
      ["Consultas médicas", "≥ 300", result],
    ]);
  it("writes a pair on every period sheet, beside that sheet's table", () => {
    // Jan 330 → A; Fev 240 → 240/300 = 80% → B.
    const p = plan(workbook(month("Jan 2025", 330), month("Fev 2025", 240)));
    expect(p.owned.map((o) => [o.sheet, o.col])).toEqual([
      ["Jan 2025", columnIndex("D")],
      ["Fev 2025", columnIndex("D")],
    ]);
    expect(values(p.owned[0])).toEqual([[1, "A"]]);
    expect(values(p.owned[1])[0][1]).toBe("B");
  });
});

describe("summary sheet", () => {
  const p = plan(workbook(longSheet()));

  it("is one sheet per period, named Resumo <period>, followed by each period's communiqué", () => {
    // One quarter only: no annual report (it needs two periods or more).
    expect(p.summaries.map((s) => s.name)).toEqual(["Resumo 2025-T1", "Comunicado 2025-T1"]);
  });

  it("shows the overall attainment, band and recommendation worked out by hand", () => {
    const s = p.summaries[0];
    // Scored (desempenho) indicators: I1, I2, I4, I5. With data: I1 (mean of Jan 330 and Fev 240 = 285 <
    // 300 → B, no justification: credit 0) and I2 (B, accepted in total: credit 1). Share of targets met =
    // (0 + 1) / 2 = 50% → Faixa 5, provisional (below).
    expect(summaryCell(s, "Atingimento global")?.value).toBeCloseTo(0.5, 12);
    expect(summaryCell(s, "Atingimento global")?.numberFormat).toBe("0.0%");
    expect(String(summaryCell(s, "Faixa")?.value)).toMatch(/^Faixa 5/);
    expect(String(summaryCell(s, "Recomendação")?.value)).toMatch(/abertura de Procedimento de sanção/);
    // The quarter expects 3 months × 4 scored indicators = 12 results; missing: I1 Mar, I2 Fev and Mar,
    // I4 all three (Jan blank), I5 all three (Jan unreadable) = 9 of 12, over 20%: incomplete, band provisional.
    expect(String(summaryCell(s, "Faixa")?.value)).toMatch(
      /— provisória \(avaliação incompleta: 9 de 12 resultados esperados faltando\)$/,
    );
    const texts = s.rows.map((r) => String(r[0]?.value ?? ""));
    expect(texts).toContain("2 de 4 indicadores de desempenho com dado");
    expect(texts).toContain(
      "Atenção: avaliação incompleta: 9 de 12 resultados esperados faltando. A faixa é provisória.",
    );
  });

  it("lists each indicator with target, result, attainment and concept", () => {
    const s = p.summaries[0];
    const i1 = s.rows.find((r) => r[0]?.value === "I1");
    // I1: the period's result is the mean (330 + 240) / 2 = 285 < 300 → B, attainment 285 / 300 = 95%.
    expect(i1?.map((c) => c.value)).toEqual([
      "I1",
      "Consultas médicas",
      "",
      "Desempenho",
      "≥ 300",
      285,
      expect.closeTo(0.95, 12),
      "B",
      "",
    ]);
    // And the reason beside it, in the list of targets not met.
    const reasons = s.rows.slice(s.rows.findIndex((r) => r[0]?.value === "Metas não atingidas: o que decide o B") + 1);
    expect(reasons[0].map((c) => c.value)).toEqual([
      "I1",
      "Consultas médicas",
      "resultado do período 285 (média de 2 resultados) não atinge a meta ≥ 300",
    ]);
    const i3 = s.rows.find((r) => r[0]?.value === "I3");
    expect(i3?.[3].value).toBe("Monitoramento");
    expect(i3?.[4].value).toBe("≤ 8%");
    expect(i3?.[7].value).toBe("B – monitoramento");
  });

  it("lists the pending indicators and the problems with sheet and cell", () => {
    const s = p.summaries[0];
    const after = (label: string) => s.rows[s.rows.findIndex((r) => r[0]?.value === label) + 1];
    // The first missing result: I1 has no row for March.
    expect(after("Pendências (resultados que faltam)").map((c) => c.value)).toEqual([
      "I1",
      "Consultas médicas",
      "linha ausente: mar/2025",
    ]);
    // I4's January is a blank cell: named by its address.
    const pendingRows = s.rows.slice(s.rows.findIndex((r) => r[0]?.value === "Pendências (resultados que faltam)"));
    const pending = pendingRows.filter((r) => r[0]?.value === "I4").map((r) => r[2]?.value);
    expect(pending).toEqual(["jan/2025: célula F8 em branco", "linha ausente: fev/2025", "linha ausente: mar/2025"]);
    const problems = s.rows.slice(s.rows.findIndex((r) => r[0]?.value === "Problemas nos dados") + 2);
    expect(problems[0].slice(0, 2).map((c) => c.value)).toEqual(["Indicadores", "F9"]);
    expect(String(problems[0][2].value)).toMatch(/n\/d/);
  });

  it("charts attainment per indicator from its own table's cells", () => {
    const s = p.summaries[0];
    const first = s.rows.findIndex((r) => r[0]?.value === "I1") + 1;
    const last = s.rows.findIndex((r) => r[0]?.value === "I5") + 1;
    expect(s.chart).toMatchObject({ categories: `A${first}:A${last}`, values: `G${first}:G${last}`, percent: true });
  });
});

describe("names and targets", () => {
  it("keeps sheet names valid", () => {
    expect(sheetName("Resumo 2011-08-01..2011-12-31/extra")).toBe("Resumo 2011-08-01..2011-12-31-e");
    expect(sheetName("a[b]:c*d?e/f\\g")).toBe("a-b--c-d-e-f-g");
    expect(summaryName({ period: undefined })).toBe("Resumo");
  });

  it("describes targets the way contracts write them", () => {
    const t = (text: string) => {
      const r = parseTarget(text);
      if (r.kind !== "target") throw new Error(text);
      return describeTarget(r.target);
    };
    expect(t("90% ou mais")).toBe("≥ 90%");
    expect(t("até 5%")).toBe("≤ 5%");
    expect(t("> 50")).toBe("> 50");
    expect(t("mínimo 300")).toBe("≥ 300");
    expect(t("75,5%")).toBe("≥ 75,5%");
  });
});

describe("cellsBesideTables: what the plan reads, without the tables' own cells", () => {
  const opts = { source: "contrato.xlsx" };
  /** The plan from the whole workbook and from what is beside the tables must be the same. */
  const samePlan = (wb: WorkbookData) => {
    const result = runPipeline(wb);
    const beside = cellsBesideTables(wb, result.tables);
    expect(buildPlan(beside, result, opts)).toEqual(buildPlan(wb, result, opts));
    return { result, beside };
  };
  const sideBySide = workbook(
    sheet("Lado a lado", [
      ["Indicador", "Meta", "Resultado", null, "Indicador", "Meta", "Resultado"],
      ["Consultas médicas", 100, 110, null, "Grupos de tabagismo", 2, 1],
      ["Consultas de enfermagem", 80, 70, null, "Visitas domiciliares", 500, 480],
    ]),
  );
  const wide = workbook(
    sheet("Largo", [
      ["Indicador", "Meta", "Jan/2025", "Fev/2025"],
      ["Consultas médicas", "≥ 300", 330, 240],
    ]),
  );
  const month = (name: string, result: number) =>
    sheet(name, [
      ["Indicador", "Meta", "Resultado"],
      ["Consultas médicas", "≥ 300", result],
    ]);

  it("keeps header rows and what lies right of and below a table, and drops the table's data cells", () => {
    const rows = longSheet().rows.map((r) => [...r]);
    rows[5] = [...rows[5], { value: "ver ofício 12" }]; // H6, right of the table (A–G)
    rows.push([], [{ value: "Fonte: e-SUS" }]); // A11, below it
    const { beside } = samePlan(workbook({ ...longSheet(), rows }));
    const kept = beside.sheets[0].rows;
    // The title (row 1) and header (row 3) stay whole; rows 4–9 (the data, A–G) keep only H6.
    expect(kept[0]).toEqual(longSheet().rows[0]);
    expect(kept[2].map((c) => c.value)).toEqual(HEADER);
    expect(kept.slice(3, 9).map((r) => r.filter(Boolean).map((c) => c.value))).toEqual([
      [],
      [],
      ["ver ofício 12"],
      [],
      [],
      [],
    ]);
    expect(kept[10].map((c) => c.value)).toEqual(["Fonte: e-SUS"]);
  });

  it("gives the same plan on every layout and on a second run (an earlier pair, stale rows under it)", () => {
    for (const wb of [
      workbook(longSheet()),
      sideBySide,
      applyOwned(sideBySide, plan(sideBySide)),
      wide,
      applyOwned(wide, plan(wide)),
      workbook(month("Jan 2025", 330), month("Fev 2025", 240)),
    ])
      samePlan(wb);
    // A table that shrank since the last run: the old concepts under it are found (and cleared) the same way.
    const ran = applyOwned(workbook(longSheet()), plan(workbook(longSheet())));
    const shrunk = ran.sheets[0].rows.map((r, i) =>
      i === 6 || i === 7 ? r.map((c, j) => (j < 7 ? { value: null } : c)) : r,
    );
    samePlan(workbook({ ...ran.sheets[0], rows: shrunk }));
  });

  it("property: notes typed anywhere right of or below the table leave the plan as the whole workbook gives it", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            row: fc.integer({ min: 1, max: 14 }),
            col: fc.integer({ min: 8, max: 13 }),
            value: fc.oneof(fc.constant("nota"), fc.constant("A"), fc.double({ min: 0, max: 2, noNaN: true })),
          }),
          { maxLength: 6 },
        ),
        (notes) => {
          const rows = longSheet().rows.map((r) => [...r]);
          for (const n of notes) {
            while (rows.length < n.row) rows.push([]);
            const line = rows[n.row - 1];
            while (line.length < n.col) line.push({ value: null });
            line[n.col - 1] = { value: n.value };
          }
          samePlan(workbook({ ...longSheet(), rows }));
        },
      ),
      { numRuns: 60 },
    );
  });
});
