/** Workbooks in the fake Excel and write plans, for the Excel host's tests. */
import { SETTINGS_SHEET } from "../../../src/workbook/addinParts";
import type { CellStyle, OwnedColumns, PlanCell, SummarySheetPlan, WritePlan } from "../../../src/workbook/plan/types";
import { FakeExcel, type FakeExcelOptions } from "./fakeExcel";

/** Excel's serial number of a day (days since 1899-12-30), as Office.js hands dates over. */
export function serial(year: number, month: number, day = 1): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * What a contract workbook has: a merged title, an Excel table with % results, a formula, a pending
 * (empty, formatted) result and a month column of dates; odd cells below it (an error, a boolean); a plain
 * range on another sheet; the add-in's settings on a very hidden sheet.
 */
export function contractWorkbook(options: FakeExcelOptions = {}): FakeExcel {
  const fx = new FakeExcel(options);
  const ind = fx.addSheet("Indicadores");
  ind.set("B2", "Contrato de Gestão nº 001/2025 — 1º trimestre").merge("B2:G2");
  ind.setRows("B4", [
    ["Indicador", "Meta", "Resultado", "Numerador", "Denominador", "Mês"],
    ["Proporção de gestantes com o pré-natal em dia", "90% ou mais", 0.92, null, null, serial(2025, 1)],
    ["Cobertura de doentes crônicos", "Cobertura de 80%", null, 412, 500, serial(2025, 1)],
    ["Visitas domiciliares", "Mínimo de 10 visitas domiciliares ao mês", 12, null, null, serial(2025, 2)],
    ["Vacina em dia", "95% ou mais", null, null, null, serial(2025, 3)],
  ]);
  ind.cell("D5").numberFormat = "0%";
  ind.setFormula("D6", "=E6/F6", 0.824, "0.0%");
  ind.cellAt(8, 4, true).numberFormat = "0%"; // D8: pending result, empty and formatted
  for (const a of ["G5", "G6", "G7", "G8"]) ind.cell(a).numberFormat = "mmm/yyyy";
  ind.set("B10", "Fonte: e-SUS APS");
  ind.set("B11", "Painel do SISAB").set("C11", "#N/A").set("D11", "#DIV/0!").set("E11", true);
  fx.addTable("Indicadores", "TabelaIndicadores", "B4:G8");

  const plain = fx.addSheet("Plano simples");
  plain.setRows("A1", [
    ["Indicador", "Meta", "Resultado", "Período"],
    ["Consultas médicas por habitante", "mínimo 300", 320, "Jan/2025"],
    ["Consultas de enfermagem", "mínimo 200", 150, "Fev/2025"],
  ]);

  const settings = fx.addSheet(SETTINGS_SHEET, { visibility: "VeryHidden" });
  settings.set("A1", '{"versao":1}');
  return fx;
}

/** A long table on `Metas` (B Indicador, C Período, D Meta, E Resultado) with `rows` rows from row 5. */
export function tableWorkbook(rows: number, options: FakeExcelOptions = {}): FakeExcel {
  const fx = new FakeExcel(options);
  const ws = fx.addSheet("Metas");
  ws.setRows("B4", [["Indicador", "Período", "Meta", "Resultado"]]);
  for (let i = 0; i < rows; i++) {
    const r = 5 + i;
    ws.set(`B${r}`, `Indicador ${i + 1}`)
      .set(`C${r}`, "2025-T1")
      .set(`D${r}`, 0.8, "0%")
      .set(`E${r}`, i % 2 === 0 ? 0.9 : 0.5, "0%");
  }
  fx.addTable("Metas", "TabelaMetas", `B4:E${4 + rows}`);
  return fx;
}

export const HEADER: CellStyle = { bold: true, wrap: true, fill: "#DDEBF7", color: "#1F3864", border: true };
export const BODY: CellStyle = { border: true };

/** The owned block beside `tableWorkbook`'s table: attainment (a live formula) and concept, in F:G. */
export function ownedBlock(rows: number): OwnedColumns {
  const values: PlanCell[][] = [];
  for (let i = 0; i < rows; i++) {
    const r = 5 + i;
    const met = i % 2 === 0;
    values.push([
      { value: met ? 1 : 0.625, formula: `=META.ATINGIMENTO(E${r},D${r})`, numberFormat: "0.0%", style: BODY },
      { value: met ? "A" : "B", style: { ...BODY, align: "center" } },
    ]);
  }
  return {
    sheet: "Metas",
    headerRow: 4,
    col: 6,
    headers: [
      { value: "Atingimento (Contratualiza)", style: HEADER },
      { value: "Conceito (Contratualiza)", style: HEADER },
    ],
    firstRow: 5,
    values,
    widths: [14, 18],
  };
}

export function summaryPlan(): SummarySheetPlan {
  const head: CellStyle = { bold: true, fill: "#1F3864", color: "#FFFFFF", border: true };
  return {
    name: "Resumo 2025-T1",
    rows: [
      [{ value: "Resumo da avaliação — 2025-T1", style: { bold: true, size: 14 } }],
      [],
      [
        { value: "Indicador", style: head },
        { value: "Atingimento", style: head },
      ],
      [
        { value: "Consultas", style: BODY },
        { value: 0.9, numberFormat: "0.0%", style: BODY },
      ],
      [
        { value: "Visitas", style: BODY },
        { value: 1, numberFormat: "0.0%", style: BODY },
      ],
      [
        { value: "Vacinas", style: BODY },
        { value: 0.5, numberFormat: "0.0%", style: BODY },
      ],
      [{ value: "=não é fórmula" }, { value: "1º trim" }],
    ],
    merges: ["A1:D1"],
    widths: [40, 14],
    heights: [
      { row: 4, height: 30 },
      { row: 3, height: 30 },
      { row: 7, height: 18 },
    ],
    chart: {
      title: "Atingimento por indicador",
      seriesName: "Atingimento",
      categories: "A4:A6",
      values: "B4:B6",
      percent: true,
      // Consultas 90% and Vacinas 50% not met (red), Visitas met (green): the concept fills of the cells.
      pointColors: ["#FFC7CE", "#C6EFCE", "#FFC7CE"],
      from: { row: 9, col: 1 },
      to: { row: 25, col: 7 },
    },
    print: { orientation: "portrait" },
  };
}

/** Owned columns on `Metas` for `rows` rows, the two rules that colour them, and a summary with a chart. */
export function writePlan(rows: number, options: { summary?: boolean } = {}): WritePlan {
  const last = 4 + rows;
  const areas = [`F5:G${last}`, `E5:E${last}`];
  return {
    owned: [ownedBlock(rows)],
    rules: [
      {
        sheet: "Metas",
        areas,
        conceptClass: "notMet",
        formula: '$G5="B"',
        style: { fill: "#FFC7CE", color: "#9C0006" },
        priority: 2,
      },
      {
        sheet: "Metas",
        areas,
        conceptClass: "met",
        formula: '$G5="A"',
        style: { fill: "#C6EFCE", color: "#006100", bold: true },
        priority: 1,
      },
    ],
    summaries: options.summary === false ? [] : [summaryPlan()],
    problems: [],
  };
}
