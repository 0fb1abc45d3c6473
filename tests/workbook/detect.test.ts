import fc from "fast-check";
import type { RowInput } from "../../src/core/evaluate";
import type { CellValue } from "../../src/core/types";
import { evaluateContract } from "../../src/core/evaluate";
import { detectTables } from "../../src/workbook/detect";
import type { CellData, DetectedTable, SheetData, WorkbookData } from "../../src/workbook/model";
import { fmt, sheet, workbook } from "./fixtures";

/** The only table found, failing the test when there is not exactly one. */
function only(wb: WorkbookData, options?: Parameters<typeof detectTables>[1]): DetectedTable {
  const { tables, problems } = detectTables(wb, options);
  expect(problems).toEqual([]);
  expect(tables).toHaveLength(1);
  return tables[0];
}

/** Field → column letter, from a table's mapped columns (period columns left out). */
function fieldColumns(table: DetectedTable): Record<string, number> {
  return Object.fromEntries(table.columns.filter((c) => !c.period).map((c) => [c.field, c.col]));
}

function row(table: DetectedTable, indicator: string, periodLabel?: string): RowInput {
  const found = table.rows.filter((r) => r.indicator === indicator && r.period?.label === periodLabel);
  expect(found).toHaveLength(1);
  return found[0];
}

describe("long layout", () => {
  // Two title rows (merged across the table), a blank row, the header at row 4, an area merged down
  // A5:A7, a section row "SAÚDE DA CRIANÇA" (row 8, merged A8:F8), data to row 9, then a footer at row 10
  // right under the data (no blank row) and a signature line.
  const wb = workbook(
    sheet(
      "Indicadores",
      [
        ["PREFEITURA MUNICIPAL DE EXEMPLO"],
        ["Contrato de Gestão nº 01/2025 — Indicadores"],
        [],
        ["Área", "Nº", "Indicador", "Competência", "Meta pactuada", "Resultado (%)"],
        ["Saúde da Mulher", "1", "Proporção de gestantes com 6 consultas", "jan/2025", "45%", 0.5],
        [null, "1", "Proporção de gestantes com 6 consultas", "fev/2025", "45%", 0.42],
        [null, "2", "Cobertura de citopatológico", "jan/2025", fmt(0.4, "0%"), fmt(0.38, "0%")],
        ["SAÚDE DA CRIANÇA"],
        [null, "3", "Número de consultas de puericultura", "jan/2025", 300, 280],
        ["Fonte: e-SUS APS"],
        ["______________________________"],
        ["Assinatura do fiscal do contrato"],
      ],
      { merges: ["A1:F1", "A2:F2", "A5:A7", "A8:F8"] },
    ),
  );
  const table = only(wb);

  it("finds the header under the title rows and maps every column", () => {
    expect(table.layout).toBe("long");
    expect(table.sheet).toBe("Indicadores");
    expect(table.sheets).toEqual(["Indicadores"]);
    expect(table.headerRow).toBe(4);
    // A Área, B Nº, C Indicador, D Competência, E Meta pactuada, F Resultado (%).
    expect(fieldColumns(table)).toEqual({ area: 1, code: 2, indicator: 3, period: 4, target: 5, result: 6 });
    // Header row 4 to the last data row 9, columns A–F.
    expect(table.ref).toBe("A4:F9");
    expect(table.unmapped).toEqual([]);
    // The nearest title line above the header.
    expect(table.title).toBe("Contrato de Gestão nº 01/2025 — Indicadores");
    expect(table.reasons).toContain("Coluna E “Meta pactuada” → meta");
    expect(table.reasons).toContain("Coluna B “Nº” → código");
    expect(table.reasons).toContain("Cabeçalho na linha 4.");
  });

  it("reads one row per indicator × period, stopping at the footer", () => {
    // Rows 5, 6, 7 and 9; row 8 is the section title, rows 10–12 the footer.
    expect(table.rows).toHaveLength(4);
    const first = row(table, "Proporção de gestantes com 6 consultas", "2025-01");
    expect(first).toEqual({
      sheet: "Indicadores",
      sheetRow: 5,
      code: "1",
      indicator: "Proporção de gestantes com 6 consultas",
      area: "Saúde da Mulher",
      period: expect.objectContaining({ label: "2025-01", start: "2025-01-01", end: "2025-01-31" }),
      target: { value: "45%", address: "E5" },
      result: { value: 0.5, address: "F5" },
      // The name starts with "Proporção".
      scaleHint: "percent",
    });
    const cito = row(table, "Cobertura de citopatológico", "2025-01");
    expect(cito.target).toEqual({ value: 0.4, numberFormat: "0%", address: "E7" });
    expect(cito.result).toEqual({ value: 0.38, numberFormat: "0%", address: "F7" });
  });

  it("carries the area down a merged cell and takes section rows as areas", () => {
    // A6 and A7 lie in the merge A5:A7 whose value is in A5.
    expect(row(table, "Proporção de gestantes com 6 consultas", "2025-02").area).toBe("Saúde da Mulher");
    expect(row(table, "Cobertura de citopatológico", "2025-01").area).toBe("Saúde da Mulher");
    const child = row(table, "Número de consultas de puericultura", "2025-01");
    expect(child.area).toBe("SAÚDE DA CRIANÇA");
    // "Número…" is a count whatever the "(%)" of the result header says.
    expect(child.scaleHint).toBe("count");
    expect(child.target).toEqual({ value: 300, address: "E9" });
    expect(table.rows.map((r) => r.indicator)).not.toContain("SAÚDE DA CRIANÇA");
  });

  it("lists the distinct periods in order", () => {
    expect(table.periods.map((p) => p.label)).toEqual(["2025-01", "2025-02"]);
  });

  it("is sure of exact header matches", () => {
    // Indicador exact (1), Meta pactuada exact, second synonym (0.99), Resultado exact (1): 2.99 / 3 ≈ 1.00.
    expect(table.confidence).toBe(1);
  });
});

describe("header matching", () => {
  it("ignores line breaks, accents, case and (%) marks, and prefers exact synonyms", () => {
    const table = only(
      workbook(
        sheet("Metas", [
          [
            "N.º",
            "INDICADOR",
            "Metas físicas",
            "Meta\npactuada",
            "RESULTADO ALCANÇADO (%)",
            "Justificativa aceita",
            "Justificativa",
          ],
          ["1", "Taxa de cobertura de ACS", "10 visitas", "≥ 80%", 85, null, null],
          ["2", "Razão de exames de mamografia", null, 0.4, 0.35, "Parcial", "Falta de mamógrafo"],
          ["3", "Atendimentos de demanda espontânea", null, 1000, 1200],
        ]),
      ),
    );
    // "Meta\npactuada" matches "meta pactuada" exactly; "Metas físicas" only starts with "metas" and stays
    // unmapped once D has the target. "Justificativa aceita" is an exact match for justificativa aceita,
    // taken before its partial match to justificativa; G "Justificativa" is then justificativa.
    expect(fieldColumns(table)).toEqual({
      code: 1,
      indicator: 2,
      target: 4,
      result: 5,
      justificationAccepted: 6,
      justification: 7,
    });
    expect(table.layout).toBe("long");
    expect(table.headerRow).toBe(1);
    expect(table.rows).toHaveLength(3);
    // No period column: rows carry none.
    expect(table.periods).toEqual([]);
    const acs = row(table, "Taxa de cobertura de ACS");
    expect(acs.period).toBeUndefined();
    expect(acs.target).toEqual({ value: "≥ 80%", address: "D2" });
    expect(acs.scaleHint).toBe("percent");
    const mamo = row(table, "Razão de exames de mamografia");
    // "Razão…" is a count, before the "(%)" of the result header.
    expect(mamo.scaleHint).toBe("count");
    expect(mamo.justificationAccepted).toEqual({ value: "Parcial", address: "F3" });
    expect(mamo.justification).toBe("Falta de mamógrafo");
    // The name says nothing; the result header has "(%)".
    expect(row(table, "Atendimentos de demanda espontânea").scaleHint).toBe("percent");
  });

  it("gives 'Meta' the target over 'Metas físicas' whatever their order", () => {
    const table = only(
      workbook(
        sheet("M", [
          ["Indicador", "Metas físicas", "Meta", "Realizado"],
          ["Consultas médicas", 1200, "90%", "95%"],
        ]),
      ),
    );
    // "Meta" exact (1) beats "Metas físicas" prefix (0.6 + 0.25 × 5/13 ≈ 0.70).
    expect(fieldColumns(table)).toEqual({ indicator: 1, target: 3, result: 4 });
    expect(row(table, "Consultas médicas").target).toEqual({ value: "90%", address: "C2" });
  });

  it("scores partial matches lower", () => {
    const table = only(
      workbook(
        sheet("Q", [
          ["Descrição do indicador", "Meta 2025", "Resultado obtido"],
          ["Visitas domiciliares", 500, 450],
        ]),
      ),
    );
    expect(fieldColumns(table)).toEqual({ indicator: 1, target: 2, result: 3 });
    // indicator: exact, 4th synonym → 0.97; target: "meta 2025" starts with "meta" → 0.6 + 0.25 × 4/9 ≈ 0.711;
    // result: exact, 7th synonym → 0.94. Mean (0.97 + 0.711 + 0.94) / 3 ≈ 0.874 → 0.87.
    expect(table.confidence).toBe(0.87);
    // "Meta 2025" is not a period column: the table stays long.
    expect(table.layout).toBe("long");
  });

  it("reads the columns of the evaluation instrument (instrumento de avaliação quali-quantitativa)", () => {
    const table = only(
      workbook(
        sheet("Instrumento", [
          ["Instrumento de avaliação Quantitativa e Qualitativa"],
          [
            "TIPO DE\nINDICADOR",
            "DESCRIÇÃO",
            "CONTEÚDO",
            "PERIODICIDADE\nDA VERIFICAÇÃO",
            "META",
            "FONTE DE VERIFICAÇÃO",
            "EVIDÊNCIAS",
            "RESPONSÁVEL\nPELA\nVERIFICAÇÃO",
          ],
          [
            "Informação",
            "Pontualidade na entrega dos relatórios mensais",
            "Relatórios entregues na primeira semana do mês",
            "Mensal",
            "100% de pontualidade para 100% dos relatórios",
            "Protocolo de recebimento dos relatórios pela SMS",
            "Protocolo de recebimento preenchido",
            "Fiscal do contrato",
          ],
        ]),
      ),
    );
    // "Tipo de indicador" is type (exact), not indicator (it only ends with "indicador"); CONTEÚDO and
    // EVIDÊNCIAS are nothing.
    expect(fieldColumns(table)).toEqual({
      type: 1,
      indicator: 2,
      periodicity: 4,
      target: 5,
      source: 6,
      responsible: 8,
    });
    expect(table.headerRow).toBe(2);
    expect(table.unmapped).toEqual(["result"]);
    // Descrição exact, 5th synonym (0.96); Meta exact (1); no result (0): 1.96 / 3 ≈ 0.65.
    expect(table.confidence).toBe(0.65);
    const r = row(table, "Pontualidade na entrega dos relatórios mensais");
    expect(r.target).toEqual({ value: "100% de pontualidade para 100% dos relatórios", address: "E3" });
    expect(r.result).toBeUndefined();
    // Neither the name nor a header says anything about the scale.
    expect(r.scaleHint).toBeUndefined();
  });

  it("does not take 'Unidade de medida' for the unit nor 'Pontuação obtida' for the weight", () => {
    const table = only(
      workbook(
        sheet("U", [
          ["Indicador", "Unidade de medida", "Meta", "Resultado", "Pontuação obtida"],
          ["Consultas", "nº", 100, 90, 9],
        ]),
      ),
    );
    expect(fieldColumns(table)).toEqual({ indicator: 1, target: 3, result: 4 });
    expect(row(table, "Consultas").unit).toBeUndefined();
  });

  it("skips total rows", () => {
    const table = only(
      workbook(
        sheet("T", [
          ["Indicador", "Meta", "Resultado"],
          ["Consultas", 100, 90],
          ["Visitas", 50, 60],
          ["Total", 150, 150],
        ]),
      ),
    );
    expect(table.rows.map((r) => r.indicator)).toEqual(["Consultas", "Visitas"]);
    expect(table.ref).toBe("A1:C4");
  });

  it("does not take a data row under the header for a better header", () => {
    // Row 2 matches indicador (D "Indicador de pré-natal", a prefix: 0.6 + 0.25 × 9/22 ≈ 0.70), fonte
    // (E "Fonte: SISAB": 0.6 + 0.25 × 5/11 ≈ 0.71) and has a period (C jan/2025, 1): ≈ 2.41, more than row 1
    // (1 + 1 = 2); but it holds the number 0, so it is data.
    const table = only(
      workbook(
        sheet("D", [
          ["Indicador", "Resultado"],
          ["Consultas", 0, "jan/2025", "Indicador de pré-natal", "Fonte: SISAB"],
          ["Visitas", 10],
        ]),
      ),
    );
    expect(table.headerRow).toBe(1);
    expect(table.rows.map((r) => [r.indicator, r.result?.address])).toEqual([
      ["Consultas", "B2"],
      ["Visitas", "B3"],
    ]);
  });

  it("reports the key fields it did not find", () => {
    const table = only(
      workbook(
        sheet("R", [
          ["Indicador", "Resultado"],
          ["Consultas", 10],
        ]),
      ),
    );
    expect(table.unmapped).toEqual(["target"]);
    // Indicador 1, no target 0, Resultado 1 → 2/3 ≈ 0.67.
    expect(table.confidence).toBe(0.67);
    expect(row(table, "Consultas").target).toEqual({ value: null });
  });
});

describe("wide layout", () => {
  it("reads bare months with the year of the title, section rows and a row without a name", () => {
    const { tables, problems } = detectTables(
      workbook(
        sheet(
          "Plan1",
          [
            ["Acompanhamento mensal dos indicadores — 2025"],
            [],
            ["Código", "Indicador", "Meta", "Jan", "Fev", "Mar", "Total"],
            [null, "SAÚDE BUCAL"],
            ["SB1", "Média de escovação supervisionada", 1.5, 1.2, 1.6, null, 2.8],
            [
              "SB2",
              "Proporção de gestantes com atendimento odontológico",
              fmt(0.6, "0%"),
              fmt(0.55, "0%"),
              fmt(0.62, "0%"),
            ],
            [null, "Saúde da criança"],
            ["SC1", "Cobertura vacinal de pentavalente", "95%", "90%", "96%", "97%"],
            ["SC2", null, "80%", "70%"],
          ],
          { merges: ["B7:G7"] },
        ),
      ),
    );
    expect(tables).toHaveLength(1);
    const table = tables[0];
    expect(table.layout).toBe("wide");
    expect(table.headerRow).toBe(3);
    // D, E, F are Jan, Fev, Mar of 2025 (the title's year); "Total" (G) is nothing.
    expect(table.columns.filter((c) => c.period).map((c) => [c.col, c.period?.label])).toEqual([
      [4, "2025-01"],
      [5, "2025-02"],
      [6, "2025-03"],
    ]);
    expect(fieldColumns(table)).toEqual({ code: 1, indicator: 2, target: 3 });
    expect(table.reasons).toContain("Coluna D “Jan” → resultado de jan/2025");
    // Three indicators × three months; rows 4 and 7 are areas, row 9 has no name.
    expect(table.rows).toHaveLength(9);
    expect(table.periods.map((p) => p.label)).toEqual(["2025-01", "2025-02", "2025-03"]);
    const sb1 = row(table, "Média de escovação supervisionada", "2025-01");
    expect(sb1.result).toEqual({ value: 1.2, address: "D5" });
    expect(sb1.target).toEqual({ value: 1.5, address: "C5" });
    expect(sb1.code).toBe("SB1");
    expect(sb1.area).toBe("SAÚDE BUCAL");
    expect(sb1.scaleHint).toBe("count");
    // The same target on every month of the row.
    expect(row(table, "Média de escovação supervisionada", "2025-03").target).toEqual({ value: 1.5, address: "C5" });
    // An empty month is a row without result (no data yet), at its own address.
    expect(row(table, "Proporção de gestantes com atendimento odontológico", "2025-03").result).toEqual({
      value: null,
      address: "F6",
    });
    const sc1 = row(table, "Cobertura vacinal de pentavalente", "2025-03");
    expect(sc1.area).toBe("Saúde da criança");
    expect(sc1.result).toEqual({ value: "97%", address: "F8" });
    expect(sc1.scaleHint).toBe("percent");
    expect(problems).toEqual([]);
    expect(table.problems).toEqual([
      { code: "empty", sheet: "Plan1", cell: "B9", message: expect.stringContaining("Linha 9 sem nome de indicador") },
    ]);
    // Indicador 1, Meta 1, all three period columns readable → 1.
    expect(table.confidence).toBe(1);
  });

  it("reads quarters, four-month periods, dates and 'Resultado Jan/2025' headers", () => {
    const table = only(
      workbook(
        sheet("Largo", [
          [
            "Indicador",
            "Meta (%)",
            "Resultado Jan/2025",
            new Date(Date.UTC(2025, 1, 1)),
            fmt(45717, "mmm/yy"),
            "2º Trimestre 2025",
            "2025 Q3 (%)",
          ],
          ["Consultas de enfermagem", 80, 75, 78, 82, 79, 81],
        ]),
      ),
    );
    // C jan/2025; D a date in February; E serial 45717 = 45658 (2025-01-01) + 31 + 28 = 2025-03-01;
    // F second quarter; G third four-month period (Sep–Dec).
    expect(table.columns.filter((c) => c.period).map((c) => c.period?.label)).toEqual([
      "2025-01",
      "2025-02",
      "2025-03",
      "2025-T2",
      "2025-Q3",
    ]);
    expect(table.rows).toHaveLength(5);
    const q3 = row(table, "Consultas de enfermagem", "2025-Q3");
    expect(q3.result).toEqual({ value: 81, address: "G2" });
    expect(q3.period).toEqual(expect.objectContaining({ start: "2025-09-01", end: "2025-12-31" }));
    // The name says nothing; the target header has "(%)".
    expect(q3.scaleHint).toBe("percent");
    expect(row(table, "Consultas de enfermagem", "2025-02").result).toEqual({ value: 78, address: "D2" });
  });

  it("takes the default year for '1º trim' headers", () => {
    const table = only(
      workbook(
        sheet("Trimestres", [
          ["Indicador", "Meta", "1º trim", "2º trim"],
          ["Visitas", 100, 90, 110],
        ]),
      ),
      { defaultYear: 2024 },
    );
    expect(table.periods.map((p) => p.label)).toEqual(["2024-T1", "2024-T2"]);
    expect(row(table, "Visitas", "2024-T2").result).toEqual({ value: 110, address: "D2" });
  });

  it("takes the year of the sheet name when nothing else gives one", () => {
    const table = only(
      workbook(
        sheet("Resultados 2023", [
          ["Indicador", "Meta", "Jan", "Fev"],
          ["Visitas", 100, 90, 110],
        ]),
      ),
    );
    expect(table.periods.map((p) => p.label)).toEqual(["2023-01", "2023-02"]);
  });

  it("reports month columns without a year, and unreadable period headers, at the header cell", () => {
    const { tables } = detectTables(
      workbook(
        sheet("Meses", [
          ["Indicador", "Meta", "Jan", "Fev", "2025 Q4 (%)"],
          ["Visitas", 100, 90, 110, 120],
        ]),
      ),
    );
    expect(tables).toHaveLength(1);
    const table = tables[0];
    // "2025 Q4 (%)" cannot be read (Q goes to 3), but its text carries the year 2025, which dates the bare
    // months (no default year, title or year in the sheet name comes before it).
    expect(table.problems.map((p) => [p.cell, p.code])).toEqual([["E1", "invalidPeriod"]]);
    expect(table.problems[0].message).toContain("Q indica quadrimestre");
    expect(table.problems[0].message).toContain("A coluna foi deixada de fora");
    // Jan and Fev of 2025.
    expect(table.periods.map((p) => p.label)).toEqual(["2025-01", "2025-02"]);
  });

  it("leaves out month columns when no year is found anywhere", () => {
    const { tables } = detectTables(
      workbook(
        sheet("Meses", [
          ["Indicador", "Meta", "Jan", "Fev"],
          ["Visitas", 100, 90, 110],
        ]),
      ),
    );
    const table = tables[0];
    expect(table.layout).toBe("wide");
    expect(table.rows).toEqual([]);
    expect(table.problems.map((p) => [p.sheet, p.cell])).toEqual([
      ["Meses", "C1"],
      ["Meses", "D1"],
    ]);
    expect(table.problems[0].message).toContain("Coluna C “Jan”: o período não tem ano");
    // No period column readable: result unmapped.
    expect(table.unmapped).toEqual(["result"]);
  });

  it("reads a two-row header: periods under a 'Resultados' cell", () => {
    const rows: (CellValue | CellData)[][] = [
      ["Indicador", "Meta", "Resultados"],
      [null, null, "Jan/2025", "Fev/2025", "Mar/2025"],
      ["Visitas", 100, 90, 95, 101],
      ["Grupos", 4, 3, 4, 5],
    ];
    for (const merges of [[], ["A1:A2", "B1:B2", "C1:E1"]]) {
      const table = only(workbook(sheet("Duas linhas", rows, { merges })));
      expect(table.layout).toBe("wide");
      // The header spans rows 1–2; the periods are on row 2.
      expect(table.headerRow).toBe(2);
      expect(table.ref).toBe("A1:E4");
      expect(fieldColumns(table)).toEqual({ indicator: 1, target: 2 });
      expect(table.rows).toHaveLength(6);
      expect(row(table, "Grupos", "2025-03").result).toEqual({ value: 5, address: "E4" });
      expect(row(table, "Grupos", "2025-03").target).toEqual({ value: 4, address: "B4" });
    }
  });
});

describe("sheet per period", () => {
  const header = ["Indicador", "Natureza", "Meta", "Resultado"];
  const wb = workbook(
    sheet("Resumo", [["Resumo da avaliação"], ["Atingimento global", 0.8]]),
    sheet("Jan 2025", [
      ["Indicadores do mês"],
      header,
      ["Consultas de pré-natal", "Desempenho", 100, 90],
      ["Visitas domiciliares", "Monitoramento", 500, 520],
    ]),
    sheet("Fev", [
      ["Indicadores do mês"],
      header,
      ["Consultas de pré-natal", null, null, 110],
      ["Visitas domiciliares", "Monitoramento", 500, 480],
    ]),
    sheet("Mar", [["Indicadores do mês"], header, ["Consultas de pré-natal", "Desempenho", 100, 95]]),
    sheet("Config", [header, ["Oculto", "Desempenho", 1, 1]], { hidden: true }),
  );
  const table = only(wb);

  it("gathers the sheets with the same header into one table", () => {
    expect(table.layout).toBe("sheetPerPeriod");
    expect(table.sheets).toEqual(["Jan 2025", "Fev", "Mar"]);
    expect(table.sheet).toBe("Jan 2025");
    expect(table.headerRow).toBe(2);
    // "Fev" and "Mar" take the year of "Jan 2025".
    expect(table.periods.map((p) => p.label)).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(table.reasons).toContain("Planilha “Fev” → período fev/2025");
    // 2 + 2 + 1 rows; the hidden sheet is not read.
    expect(table.rows).toHaveLength(5);
  });

  it("gives each row its sheet and its sheet's period", () => {
    const feb = row(table, "Visitas domiciliares", "2025-02");
    expect(feb.sheet).toBe("Fev");
    expect(feb.result).toEqual({ value: 480, address: "D4" });
    expect(feb.kind).toEqual({ value: "Monitoramento", address: "B4" });
  });

  it("carries the target and kind from an earlier sheet when a later one leaves them empty", () => {
    const feb = row(table, "Consultas de pré-natal", "2025-02");
    expect(feb.result).toEqual({ value: 110, address: "D3" });
    // From "Jan 2025": C3 and B3 of that sheet, which the cells name.
    expect(feb.target).toEqual({ value: 100, address: "C3", sheet: "Jan 2025" });
    expect(feb.kind).toEqual({ value: "Desempenho", address: "B3", sheet: "Jan 2025" });
  });

  it("reports a sheet named by a bare month when no year is found", () => {
    const { tables } = detectTables(
      workbook(
        sheet("Jan", [header, ["Visitas", "Desempenho", 1, 1]]),
        sheet("Fev", [header, ["Visitas", "Desempenho", 1, 2]]),
      ),
    );
    expect(tables).toHaveLength(1);
    expect(tables[0].layout).toBe("sheetPerPeriod");
    expect(tables[0].rows).toEqual([]);
    expect(tables[0].problems.map((p) => [p.sheet, p.code])).toEqual([
      ["Jan", "invalidPeriod"],
      ["Fev", "invalidPeriod"],
    ]);
    expect(tables[0].problems[0].message).toContain("A planilha “Jan” indica o período sem o ano");
    // With a default year the same workbook reads.
    const withYear = detectTables(
      workbook(
        sheet("Jan", [header, ["Visitas", "Desempenho", 1, 1]]),
        sheet("Fev", [header, ["Visitas", "Desempenho", 1, 2]]),
      ),
      { defaultYear: 2026 },
    );
    expect(withYear.tables[0].periods.map((p) => p.label)).toEqual(["2026-01", "2026-02"]);
  });

  it("reads quarter sheet names", () => {
    const t = only(
      workbook(
        sheet("2025-T1", [header, ["Visitas", "Desempenho", 1, 1]]),
        sheet("2º Trimestre 2025", [header, ["Visitas", "Desempenho", 1, 2]]),
      ),
    );
    expect(t.periods.map((p) => p.label)).toEqual(["2025-T1", "2025-T2"]);
  });
});

describe("SISAB panel export", () => {
  const indicator =
    "Proporção de gestantes com pelo menos 6 (seis) consultas pré-natal realizadas, sendo a 1ª até a 12ª semana de gestação";
  const titles: CellValue[][] = [
    ["MINISTÉRIO DA SAÚDE", ""],
    ["SECRETARIA DE ATENÇÃO PRIMÁRIA À SAÚDE - SAPS", ""],
    ["SISTEMA DE INFORMAÇÃO EM SAÚDE PARA A ATENÇÃO BÁSICA - SISAB", ""],
    ["Painel Indicador", ""],
    ["Visualização por: Municípios", ""],
    ["Estado: MG", ""],
    ["Municípios: Todos", ""],
    [`Indicador: ${indicator}`, ""],
    ["Dados Preliminares: Dados sujeitos à alteração", ""],
    ["", ""],
    ["", ""],
  ];
  const data: CellValue[][] = [
    ["UF", "IBGE", "Munícipio", "2022 Q1 (%)", "2022 Q2 (%)", "2022 Q3 (%)", ""],
    ["MG", "316250", "São João del Rei", "45", "52", "61", ""],
    ["MG", "310560", "Barroso", "30", "", "47", ""],
    ["MG", "316990", "Tiradentes", "58", "60", "62", ""],
  ];
  const footer: CellValue[][] = [
    [""],
    [""],
    ["Fonte: Sistema de Informação em Saúde para a Atenção Básica - SISAB"],
    ["Dado gerado em: 10/03/2023 - 14:05h"],
  ];
  const table = only(workbook(sheet("painel", [...titles, ...data, ...footer])));

  it("finds the header at row 12, after the eleven title lines", () => {
    expect(table.layout).toBe("panel");
    expect(table.headerRow).toBe(12);
    expect(table.title).toBe(indicator);
    // C "Munícipio" (the panel's spelling) is the municipality; B "IBGE" loses to it; A "UF" is nothing.
    expect(fieldColumns(table)).toEqual({ municipality: 3 });
    expect(table.unmapped).toEqual(["target"]);
    // Title found (1), Munícipio exact (1), three of three periods readable (1).
    expect(table.confidence).toBe(1);
    expect(table.ref).toBe("A12:F15");
  });

  it("reads Q as the four-month period", () => {
    expect(table.periods.map((p) => [p.label, p.kind, p.start, p.end])).toEqual([
      ["2022-Q1", "fourMonth", "2022-01-01", "2022-04-30"],
      ["2022-Q2", "fourMonth", "2022-05-01", "2022-08-31"],
      ["2022-Q3", "fourMonth", "2022-09-01", "2022-12-31"],
    ]);
  });

  it("makes one row per municipality × period, and no row of the footer", () => {
    // Three municipalities × three periods.
    expect(table.rows).toHaveLength(9);
    expect([...new Set(table.rows.map((r) => r.municipality))]).toEqual(["São João del Rei", "Barroso", "Tiradentes"]);
    const sjdr = table.rows.find((r) => r.municipality === "São João del Rei" && r.period?.label === "2022-Q1");
    expect(sjdr).toEqual({
      sheet: "painel",
      sheetRow: 13,
      indicator,
      municipality: "São João del Rei",
      // B "IBGE", left unmapped, is read as the municipality's code.
      municipalityCode: "316250",
      period: expect.objectContaining({ label: "2022-Q1" }),
      target: { value: null },
      result: { value: "45", address: "D13" },
      scaleHint: "points",
    });
    const barroso = table.rows.find((r) => r.municipality === "Barroso" && r.period?.label === "2022-Q2");
    expect(barroso?.result).toEqual({ value: "", address: "E14" });
  });

  it("stops at a footer right under the data", () => {
    const t = only(workbook(sheet("painel", [...titles, ...data, ["Fonte: SISAB"], ["Dado gerado em: 10/03/2023"]])));
    expect(t.rows).toHaveLength(9);
    expect(t.rows.some((r) => r.municipality?.startsWith("Fonte"))).toBe(false);
  });

  it("reads an 'Indicador:' line split over two cells", () => {
    const split = titles.map((line) => (String(line[0]).startsWith("Indicador:") ? ["Indicador:", indicator] : line));
    expect(only(workbook(sheet("painel", [...split, ...data]))).title).toBe(indicator);
  });
});

describe("explicit mapping", () => {
  const rows: CellValue[][] = [
    ["Relatório do 1º trimestre"],
    ["Indicador", "Meta", "Meta revisada", "Resultado"],
    ["Consultas", 100, 90, 95],
  ];

  it("wins over detection for the sheet it names", () => {
    // Detection alone takes B "Meta" for the target.
    expect(only(workbook(sheet("Dados", rows))).rows[0].target).toEqual({ value: 100, address: "B3" });
    const table = only(workbook(sheet("Dados", rows)), {
      mapping: {
        tabelas: [{ planilha: "Dados", linhaCabecalho: 2, colunas: { indicador: "A", meta: "C", resultado: "D" } }],
      },
    });
    expect(table.headerRow).toBe(2);
    expect(fieldColumns(table)).toEqual({ indicator: 1, target: 3, result: 4 });
    expect(table.confidence).toBe(1);
    expect(table.rows[0].target).toEqual({ value: 90, address: "C3" });
    expect(table.rows[0].result).toEqual({ value: 95, address: "D3" });
    expect(table.reasons).toContain("Colunas definidas pelo mapeamento informado para a planilha “Dados”.");
    expect(table.reasons).toContain("Coluna C “Meta revisada” → meta");
  });

  it("finds the header row when the mapping gives none", () => {
    const table = only(workbook(sheet("Dados", rows)), {
      mapping: { tabelas: [{ planilha: "dados", colunas: { indicador: "a", meta: "c" } }] },
    });
    expect(table.headerRow).toBe(2);
    expect(table.rows[0].target).toEqual({ value: 90, address: "C3" });
    // Only the mapped columns: no result.
    expect(table.rows[0].result).toBeUndefined();
    expect(table.unmapped).toEqual(["result"]);
  });

  it("reports unknown sheets, unknown fields, bad letters and a missing indicator", () => {
    const { tables, problems } = detectTables(workbook(sheet("Dados", rows), sheet("Outra", rows)), {
      mapping: {
        tabelas: [
          { planilha: "Planilha X", colunas: { indicador: "A" } },
          { planilha: "Dados", linhaCabecalho: 2, colunas: { indicador: "A", meta: "1C", cor: "B" } as never },
          { planilha: "Outra", colunas: { meta: "B" } },
        ],
      },
    });
    // A mapping that cannot be used has its own code.
    expect(problems.map((p) => [p.code, p.sheet])).toEqual([
      ["mapping", undefined],
      ["mapping", "Dados"],
      ["mapping", "Dados"],
      ["mapping", "Outra"],
    ]);
    expect(problems[0].message).toContain("planilha “Planilha X”, que não existe");
    expect(problems[0].message).toContain("“Dados”, “Outra”");
    expect(problems[1].message).toContain("coluna “1C”, que não é uma coluna do Excel");
    expect(problems[2].message).toContain("campo “cor”, que não é conhecido");
    expect(problems[3].message).toContain("não diz a coluna do indicador");
    // "Dados" read with its valid columns (A only); "Outra" detected as usual.
    expect(tables.map((t) => [t.sheet, fieldColumns(t)])).toEqual([
      ["Dados", { indicator: 1 }],
      ["Outra", { indicator: 1, target: 2, result: 4 }],
    ]);
  });
});

describe("several tables on one sheet", () => {
  it("reads an Excel table and a plain range under it", () => {
    const wb = workbook(
      sheet(
        "Painel",
        [
          ["Indicador", "Meta", "Resultado"],
          ["Consultas médicas", 100, 110],
          [],
          ["Consultas de enfermagem", 80, 70],
          [],
          ["Indicadores de monitoramento"],
          ["Indicador", "Meta", "Resultado"],
          ["Grupos de tabagismo", 2, 1],
          ["Visitas domiciliares", 500, 480],
        ],
        { tables: [{ name: "tblDesempenho", ref: "A1:C4" }] },
      ),
    );
    const { tables, problems } = detectTables(wb);
    expect(problems).toEqual([]);
    expect(tables).toHaveLength(2);
    const [excel, plain] = tables;
    expect(excel.name).toBe("tblDesempenho");
    expect(excel.ref).toBe("A1:C4");
    // The blank row 3 inside the Excel table is skipped, not its end.
    expect(excel.rows.map((r) => r.indicator)).toEqual(["Consultas médicas", "Consultas de enfermagem"]);
    expect(excel.rows[1].result).toEqual({ value: 70, address: "C4" });
    expect(plain.name).toBeUndefined();
    expect(plain.headerRow).toBe(7);
    expect(plain.ref).toBe("A7:C9");
    expect(plain.title).toBe("Indicadores de monitoramento");
    expect(plain.rows.map((r) => r.indicator)).toEqual(["Grupos de tabagismo", "Visitas domiciliares"]);
    expect(plain.rows[1].target).toEqual({ value: 500, address: "B9" });
  });

  it("reads plain ranges one under another", () => {
    const { tables } = detectTables(
      workbook(
        sheet("Empilhadas", [
          ["Desempenho"],
          ["Indicador", "Meta", "Resultado"],
          ["A", 1, 1],
          [],
          [],
          ["Monitoramento"],
          ["Indicador", "Meta", "Resultado", "Natureza"],
          ["B", 2, 2, "Monitoramento"],
        ]),
      ),
    );
    // The second table has more columns, but the first is not skipped for it.
    expect(tables.map((t) => [t.headerRow, t.ref, t.title, t.rows.map((r) => r.indicator)])).toEqual([
      [2, "A2:C3", "Desempenho", ["A"]],
      [7, "A7:D8", "Monitoramento", ["B"]],
    ]);
  });

  it("reads a table whose used range does not start at A1", () => {
    const table = only(
      workbook(
        sheet(
          "Deslocada",
          [
            ["Indicador", "Meta", "Resultado"],
            ["Visitas", 10, 12],
          ],
          { origin: { row: 5, col: 3 } },
        ),
      ),
    );
    // rows[0][0] is C5: header on row 5, values in D6 and E6.
    expect(table.headerRow).toBe(5);
    expect(table.ref).toBe("C5:E6");
    expect(table.rows[0].target).toEqual({ value: 10, address: "D6" });
    expect(table.rows[0].result).toEqual({ value: 12, address: "E6" });
  });
});

describe("problems", () => {
  it("names the unreadable period cell and leaves its row out", () => {
    const { tables } = detectTables(
      workbook(
        sheet("Longo", [
          ["Indicador", "Mês", "Meta", "Resultado"],
          ["Visitas", "jan/2025", 10, 9],
          ["Visitas", "13/2025", 10, 11],
          ["Visitas", null, 10, 12],
        ]),
      ),
    );
    const table = tables[0];
    expect(table.problems).toEqual([
      {
        code: "invalidPeriod",
        sheet: "Longo",
        cell: "B3",
        indicator: "Visitas",
        message: expect.stringContaining("“13/2025”"),
      },
    ]);
    expect(table.problems[0].message).toContain("A linha foi deixada de fora.");
    // Row 3 is out; row 4's empty month takes the month of the row above it that was read (jan/2025).
    expect(table.rows.map((r) => [r.period?.label, r.result?.address])).toEqual([
      ["2025-01", "D2"],
      ["2025-01", "D4"],
    ]);
  });

  it("says which sheets it looked at when there is no table", () => {
    const { tables, problems } = detectTables(
      workbook(
        sheet("Capa", [["Contrato de Gestão 2025"], ["Secretaria Municipal de Saúde"]]),
        sheet("Notas", [["Observações da comissão"]]),
        sheet(
          "Config",
          [
            ["Indicador", "Meta", "Resultado"],
            ["x", 1, 1],
          ],
          { hidden: true },
        ),
      ),
    );
    expect(tables).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0].code).toBe("noTable");
    expect(problems[0].message).toContain("Nenhuma tabela de indicadores encontrada nas planilhas “Capa”, “Notas”.");
    expect(problems[0].message).not.toContain("Config");
  });

  it("says so for a workbook without sheets", () => {
    const { tables, problems } = detectTables({ sheets: [] });
    expect(tables).toEqual([]);
    expect(problems[0].message).toContain("não tem planilhas visíveis");
  });

  it("finds no header past the first 40 rows", () => {
    const late = sheet("Tarde", [
      ...Array.from({ length: 40 }, (_, i) => [`Linha de texto ${i + 1}`]),
      ["Indicador", "Meta", "Resultado"],
      ["x", 1, 1],
    ]);
    // Rows 1–40 are text; the header is on row 41.
    expect(detectTables(workbook(late)).tables).toEqual([]);
  });
});

describe("robustness", () => {
  const cellValue = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      "Indicador",
      "Meta",
      "Resultado",
      "Jan",
      "2022 Q1 (%)",
      "Fonte: x",
      "Munícipio",
      "Mês",
      "Área",
      "SAÚDE",
      "13/2025",
      "Indicador: y",
    ),
    fc.double({ noNaN: false }),
    fc.integer({ min: -5, max: 50000 }),
    fc.boolean(),
    fc.date({ noInvalidDate: false }),
  );
  const dataValue = fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 12 }),
    fc.double(),
    fc.integer({ min: -5, max: 50000 }),
    fc.boolean(),
    fc.date(),
  );
  const cell = fc.record({
    value: cellValue,
    numberFormat: fc.option(fc.constantFrom("0%", "mmm/yy", "General", "@"), { nil: undefined }),
  });
  const anySheet: fc.Arbitrary<SheetData> = fc.record({
    name: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom("Jan", "Fev 2025", "2025-T1", "1º Trimestre")),
    origin: fc.record({ row: fc.integer({ min: 1, max: 5 }), col: fc.integer({ min: 1, max: 5 }) }),
    rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 20 }),
    tables: fc.array(
      fc.record({
        name: fc.string({ maxLength: 5 }),
        ref: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("A1:C4", "B2:D9", "A1")),
      }),
      { maxLength: 2 },
    ),
    merges: fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("A1:C1", "A2:A5", "B3:D4")), {
      maxLength: 3,
    }),
    hidden: fc.option(fc.boolean(), { nil: undefined }),
  });

  it("never throws on any workbook", () => {
    fc.assert(
      fc.property(
        fc.array(anySheet, { maxLength: 4 }),
        fc.option(fc.integer({ min: 1800, max: 2200 }), { nil: undefined }),
        fc.option(
          fc.dictionary(fc.constantFrom("indicador", "meta", "resultado", "periodo", "x"), fc.string({ maxLength: 3 })),
          { nil: undefined },
        ),
        (sheets, defaultYear, colunas) => {
          const mapping = colunas ? { tabelas: [{ planilha: sheets[0]?.name ?? "x", colunas }] } : undefined;
          const { tables, problems } = detectTables({ sheets }, { defaultYear, mapping });
          for (const t of tables) {
            expect(t.confidence).toBeGreaterThanOrEqual(0);
            expect(t.confidence).toBeLessThanOrEqual(1);
          }
          expect(Array.isArray(problems)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads cells only from the table's data rows, under a header at any row", () => {
    const header = fc.shuffledSubarray(
      ["Área", "Meta", "Resultado", "Mês", "Jan/2025", "Fev/2025", "Peso", "Natureza", "Fonte"],
      { minLength: 1 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        header,
        // Data without header words: random short texts, numbers, logical values, dates.
        fc.array(fc.array(dataValue, { minLength: 10, maxLength: 10 }), { maxLength: 15 }),
        (titleRows, others, data) => {
          const headerRow = titleRows + 1;
          const rows: CellValue[][] = [
            ...Array.from({ length: titleRows }, () => ["título"]),
            ["Indicador", ...others],
            ...data,
          ];
          const { tables } = detectTables(workbook(sheet("Dados", rows)));
          for (const t of tables) {
            const last = Number(/(\d+)$/.exec(t.ref)?.[1]);
            for (const r of t.rows) {
              for (const cell of [r.target, r.result]) {
                if (!cell?.address) continue;
                const at = Number(/^[A-Z]+(\d+)$/.exec(cell.address)?.[1]);
                expect(at).toBeGreaterThan(t.headerRow);
                expect(at).toBeLessThanOrEqual(last);
              }
            }
          }
          // The header row is found when it has a column that, with Indicador, makes a header.
          const qualifies = others.some((h) => ["Meta", "Resultado", "Jan/2025", "Fev/2025"].includes(h));
          if (qualifies) expect(tables[0]?.headerRow).toBe(headerRow);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("detection gaps", () => {
  it("gives each period of a wide table its own target: 'Meta Jan/2025 | Resultado Jan/2025 | …'", () => {
    const table = only(
      workbook(
        sheet("Metas mensais", [
          ["Indicador", "Meta Jan/2025", "Resultado Jan/2025", "Meta Fev/2025", "Resultado Fev/2025"],
          ["Consultas de pré-natal", 100, 90, 120, 125],
          ["Visitas domiciliares", "≥ 80%", "85%", "≥ 90%", "88%"],
        ]),
      ),
    );
    expect(table.layout).toBe("wide");
    expect(table.columns.map((c) => [c.field, c.col, c.period?.label])).toEqual([
      ["indicator", 1, undefined],
      ["target", 2, "2025-01"],
      ["result", 3, "2025-01"],
      ["target", 4, "2025-02"],
      ["result", 5, "2025-02"],
    ]);
    // February's row reads February's target (D), not January's (B).
    expect(row(table, "Consultas de pré-natal", "2025-02").target).toEqual({ value: 120, address: "D2" });
    expect(row(table, "Consultas de pré-natal", "2025-02").result).toEqual({ value: 125, address: "E2" });
    expect(row(table, "Visitas domiciliares", "2025-01").target).toEqual({ value: "≥ 80%", address: "B3" });
    expect(table.reasons).toContain("Coluna D “Meta Fev/2025” → meta de fev/2025");
    // Indicador exact (1), a target for each of the two periods (1), both result columns readable (1).
    expect(table.unmapped).toEqual([]);
    expect(table.confidence).toBe(1);
  });

  it("reads a two-row header: each period over its 'Meta | Resultado'", () => {
    const rows: (CellValue | CellData)[][] = [
      ["Indicador", "Jan/2025", null, "Fev/2025", null],
      [null, "Meta", "Resultado", "Meta", "Resultado"],
      ["Consultas de pré-natal", 100, 90, 120, 125],
      ["Visitas domiciliares", 500, 480, 520, 530],
    ];
    // Merged over both columns, and written over the first only.
    for (const merges of [["A1:A2", "B1:C1", "D1:E1"], []]) {
      const table = only(workbook(sheet("Duas linhas", rows, { merges })));
      expect(table.layout).toBe("wide");
      expect(table.headerRow).toBe(2);
      expect(table.ref).toBe("A1:E4");
      expect(table.columns.map((c) => [c.field, c.col, c.period?.label])).toEqual([
        ["indicator", 1, undefined],
        ["target", 2, "2025-01"],
        ["result", 3, "2025-01"],
        ["target", 4, "2025-02"],
        ["result", 5, "2025-02"],
      ]);
      // Two indicators × two months.
      expect(table.rows).toHaveLength(4);
      expect(row(table, "Visitas domiciliares", "2025-02").target).toEqual({ value: 520, address: "D4" });
      expect(row(table, "Visitas domiciliares", "2025-02").result).toEqual({ value: 530, address: "E4" });
      expect(row(table, "Visitas domiciliares", "2025-01").target).toEqual({ value: 500, address: "B4" });
    }
  });

  it("keeps 'Meta 2025' an ordinary target when no result column is of 2025", () => {
    const table = only(
      workbook(
        sheet("Q", [
          ["Indicador", "Meta 2025", "Resultado obtido"],
          ["Visitas", 500, 450],
        ]),
      ),
    );
    expect(table.layout).toBe("long");
    expect(fieldColumns(table)).toEqual({ indicator: 1, target: 2, result: 3 });
  });

  it("moves bare months to the next year when a wide header crosses one: Out … Fev", () => {
    const rows = [
      ["Indicador", "Meta", "Out", "Nov", "Dez", "Jan", "Fev"],
      ["Visitas", 100, 90, 95, 101, 99, 102],
    ];
    // Oct–Dec take 2024; Jan is before Dec, so it and Fev are 2025.
    const expected = ["2024-10", "2024-11", "2024-12", "2025-01", "2025-02"];
    expect(only(workbook(sheet("Acompanhamento", rows)), { defaultYear: 2024 }).periods.map((p) => p.label)).toEqual(
      expected,
    );
    const titled = only(workbook(sheet("Acompanhamento", [["Acompanhamento dos indicadores — 2024"], ...rows])));
    expect(titled.periods.map((p) => p.label)).toEqual(expected);
    expect(row(titled, "Visitas", "2025-01").result).toEqual({ value: 99, address: "F3" });
  });

  it("does not move a quarter column after months: 'Jan | Fev | Mar | 1º trim' stays in one year", () => {
    const table = only(
      workbook(
        sheet("T", [
          ["Indicador", "Meta", "Jan", "Fev", "Mar", "1º trim"],
          ["Visitas", 100, 1, 2, 3, 4],
        ]),
      ),
      { defaultYear: 2025 },
    );
    // Periods sort by start, then end: the quarter comes right after January, both starting 2025-01-01.
    expect(table.periods.map((p) => p.label)).toEqual(["2025-01", "2025-T1", "2025-02", "2025-03"]);
  });

  it("moves sheets named by bare months to the next year when they cross one", () => {
    const header = ["Indicador", "Natureza", "Meta", "Resultado"];
    const month = (name: string, result: number, title = "Indicadores do mês") =>
      sheet(name, [[title], header, ["Visitas", "Desempenho", 100, result]]);
    const names = ["Out", "Nov", "Dez", "Jan", "Fev"];
    const expected = ["2024-10", "2024-11", "2024-12", "2025-01", "2025-02"];
    const byDefault = only(workbook(...names.map((n, i) => month(n, 90 + i))), { defaultYear: 2024 });
    expect(byDefault.layout).toBe("sheetPerPeriod");
    expect(byDefault.periods.map((p) => p.label)).toEqual(expected);
    // The same year written in every sheet's title.
    const titled = only(workbook(...names.map((n, i) => month(n, 90 + i, "Indicadores de 2024"))));
    expect(titled.periods.map((p) => p.label)).toEqual(expected);
    expect(row(titled, "Visitas", "2025-02").sheet).toBe("Fev");
  });

  it("moves a long table's bare months to the next year when an indicator's months cross one: Out … Fev", () => {
    const months = ["Out", "Nov", "Dez", "Jan", "Fev"];
    // Blocks per indicator: each block starts over at Out, which is not a step back in time.
    const blocks = [
      ["Indicador", "Mês", "Meta", "Resultado"],
      ...["Visitas", "Consultas"].flatMap((ind) => months.map((m, i) => [ind, m, 100, 90 + i])),
    ];
    const byBlock = only(workbook(sheet("L", [["Acompanhamento — 2024"], ...blocks])));
    const expected = ["2024-10", "2024-11", "2024-12", "2025-01", "2025-02"];
    expect(byBlock.rows.map((r) => r.period?.label)).toEqual([...expected, ...expected]);
    // Sorted by month instead: the same periods, each indicator followed on its own.
    const byMonth = [
      ["Indicador", "Mês", "Meta", "Resultado"],
      ...months.flatMap((m, i) => ["Visitas", "Consultas"].map((ind) => [ind, m, 100, 90 + i])),
    ];
    const sorted = only(workbook(sheet("L", byMonth)), { defaultYear: 2024 });
    expect(sorted.rows.map((r) => `${r.indicator} ${r.period?.label}`)).toEqual(
      expected.flatMap((p) => [`Visitas ${p}`, `Consultas ${p}`]),
    );
    expect(row(sorted, "Consultas", "2025-02").result).toEqual({ value: 94, address: "D11" });
    // A month written with its year is a step like any other, and never moves: Dez/2024 then a bare Jan is 2025.
    const explicit = only(
      workbook(
        sheet("L", [
          ["Indicador", "Mês", "Meta", "Resultado"],
          ["Visitas", "Dez/2024", 100, 1],
          ["Visitas", "Jan", 100, 2],
          ["Visitas", "jan/2024", 100, 3],
        ]),
      ),
      { defaultYear: 2024 },
    );
    expect(explicit.rows.map((r) => r.period?.label)).toEqual(["2024-12", "2025-01", "2024-01"]);
  });

  it("takes an indicator name written once per block down to the block's rows with values", () => {
    const { tables } = detectTables(
      workbook(
        sheet("Longo", [
          ["Nº", "Indicador", "Mês", "Meta", "Resultado"],
          ["1", "Consultas de pré-natal", "jan/2025", 100, 90],
          [null, null, "fev/2025", 100, 95],
          [null, null, "mar/2025", null, 99],
          ["2", "Visitas domiciliares", "jan/2025", 500, 480],
          // No name and no values: skipped, as before.
          [null, null, "fev/2025", null, null],
          // Another code without a name is another indicator whose name is missing…
          ["3", null, "jan/2025", 10, 12],
          // … and its block's next month does not take the name of the block before it.
          [null, null, "fev/2025", 10, 11],
        ]),
      ),
    );
    expect(tables).toHaveLength(1);
    const [table] = tables;
    expect(table.rows.map((r) => [r.sheetRow, r.code, r.indicator, r.period?.label])).toEqual([
      [2, "1", "Consultas de pré-natal", "2025-01"],
      [3, "1", "Consultas de pré-natal", "2025-02"],
      [4, "1", "Consultas de pré-natal", "2025-03"],
      [5, "2", "Visitas domiciliares", "2025-01"],
    ]);
    expect(row(table, "Consultas de pré-natal", "2025-03").result).toEqual({ value: 99, address: "E4" });
    expect(row(table, "Consultas de pré-natal", "2025-03").target).toEqual({ value: null, address: "D4" });
    expect(table.problems.map((p) => [p.code, p.cell])).toEqual([
      ["empty", "B7"],
      ["empty", "B8"],
    ]);
  });

  it("reads two plain ranges side by side, separated by an empty column", () => {
    const { tables, problems } = detectTables(
      workbook(
        sheet("Lado a lado", [
          ["Desempenho", null, null, null, "Monitoramento"],
          ["Indicador", "Meta", "Resultado", null, "Indicador", "Meta", "Resultado"],
          ["Consultas médicas", 100, 110, null, "Grupos de tabagismo", 2, 1],
          ["Consultas de enfermagem", 80, 70, null, "Visitas domiciliares", 500, 480],
          [null, null, null, null, "Atendimentos odontológicos", 300, 310],
          ["Fonte: e-SUS APS"],
        ]),
      ),
    );
    expect(problems).toEqual([]);
    // The left table ends at its blank row 5; the right one at row 6, blank in its own columns.
    expect(tables.map((t) => [t.ref, t.title, t.rows.map((r) => r.indicator)])).toEqual([
      ["A2:C4", "Desempenho", ["Consultas médicas", "Consultas de enfermagem"]],
      ["E2:G5", "Monitoramento", ["Grupos de tabagismo", "Visitas domiciliares", "Atendimentos odontológicos"]],
    ]);
    expect(fieldColumns(tables[0])).toEqual({ indicator: 1, target: 2, result: 3 });
    expect(fieldColumns(tables[1])).toEqual({ indicator: 5, target: 6, result: 7 });
    expect(tables[1].rows[2].target).toEqual({ value: 300, address: "F5" });
    expect(tables[0].confidence).toBe(1);
  });

  it("keeps one table when a column after an empty one cannot head a table of its own", () => {
    const table = only(
      workbook(
        sheet("Obs", [
          ["Indicador", "Meta", "Resultado", null, "Observação"],
          ["Visitas", 10, 12, null, "ok"],
        ]),
      ),
    );
    expect(table.ref).toBe("A1:E2");
  });

  it("names the sheet a carried target is on in the problems about it", () => {
    const header = ["Indicador", "Natureza", "Meta", "Resultado"];
    const table = only(
      workbook(
        sheet("Jan 2025", [header, ["Visitas", "Desempenho", "cem", 90]]),
        sheet("Fev 2025", [header, ["Visitas", null, null, 95]]),
      ),
    );
    const feb = row(table, "Visitas", "2025-02");
    expect(feb.sheet).toBe("Fev 2025");
    expect(feb.target).toEqual({ value: "cem", address: "C2", sheet: "Jan 2025" });
    // "cem" is no target: January's row and February's (which carries it) each report it, both at Jan 2025!C2.
    const problems = evaluateContract(table.rows).problems.filter((p) => p.code === "unreadableTarget");
    expect(problems.map((p) => [p.sheet, p.cell])).toEqual([
      ["Jan 2025", "C2"],
      ["Jan 2025", "C2"],
    ]);
  });
});
