/**
 * A contract's indicator table with the four quarters of 2025 (one row per indicator and quarter), for the
 * report tests. Percentages are typed as fractions with a percent format, as Excel holds them.
 *
 * | code | indicator (kind) | target | T1 | T2 | T3 | T4 |
 * | --- | --- | --- | --- | --- | --- | --- |
 * | I1 | Consultas médicas (desempenho) | ≥ 300 | 400 A | 420 A | 390 A | 450 A |
 * | I2 | Pré-natal (desempenho) | ≥ 80% | 60% B, Total | 70% B, Parcial | 82% A | 85% A |
 * | I3 | Cobertura vacinal (desempenho) | ≥ 95% | 70% B | 72% B | 68% B | 71% B, Não |
 * | I4 | Internações sensíveis (desempenho) | até 10% | 8% A | 9% A | 12% B | 14% B |
 * | I5 | Visitas domiciliares (desempenho) | ≥ 10 | 10 A | 11 A | 10 A | 10,5 A |
 * | I6 | Baixo peso ao nascer (monitoramento) | até 8% | 9% B | 7% A | 7% A | 7% A |
 * | I7 | Hipertensos com PA aferida (desempenho) | ≥ 50% | 55% A | (empty) | 52% A | 48% B |
 */
import type { CellValue } from "../../../../src/core/types";
import type { CellData, WorkbookData } from "../../../../src/workbook/model";
import { fmt, sheet, workbook } from "../../fixtures";

export const HEADER = [
  "Código",
  "Indicador",
  "Natureza",
  "Período",
  "Meta",
  "Resultado",
  "Justificativa",
  "Justificativa aceita",
];

const P = (v: number) => fmt(v, "0%");
type Cell = CellValue | CellData;

/** [code, name, kind, target, results T1–T4, justifications T1–T4 as [text, decision]]. */
const INDICATORS: [string, string, string, string, Cell[], ([string, string] | null)[]][] = [
  ["I1", "Consultas médicas por mês", "Desempenho", "≥ 300", [400, 420, 390, 450], [null, null, null, null]],
  [
    "I2",
    "Proporção de gestantes com pré-natal em dia",
    "Desempenho",
    "≥ 80%",
    [P(0.6), P(0.7), P(0.82), P(0.85)],
    [
      ["Falta de médico na UBS Centro durante o trimestre", "Total"],
      ["Reposição parcial da equipe de enfermagem", "Parcial"],
      null,
      null,
    ],
  ],
  [
    "I3",
    "Cobertura vacinal de crianças menores de 1 ano",
    "Desempenho",
    "≥ 95%",
    [P(0.7), P(0.72), P(0.68), P(0.71)],
    [null, null, null, ["Desabastecimento de vacinas pelo Estado", "Não"]],
  ],
  [
    "I4",
    "Internações por condições sensíveis à atenção primária",
    "Desempenho",
    "até 10%",
    [P(0.08), P(0.09), P(0.12), P(0.14)],
    [null, null, null, null],
  ],
  ["I5", "Visitas domiciliares por ACS", "Desempenho", "≥ 10", [10, 11, 10, 10.5], [null, null, null, null]],
  [
    "I6",
    "Proporção de baixo peso ao nascer",
    "Monitoramento",
    "até 8%",
    [P(0.09), P(0.07), P(0.07), P(0.07)],
    [null, null, null, null],
  ],
  [
    "I7",
    "Hipertensos com pressão arterial aferida",
    "Desempenho",
    "≥ 50%",
    [P(0.55), null, P(0.52), P(0.48)],
    [null, null, null, null],
  ],
];

export const QUARTERS = ["2025-T1", "2025-T2", "2025-T3", "2025-T4"];

/** The table's rows: title on row 1, header on row 3, data from row 4, quarter by quarter. */
export function contractRows(quarters = QUARTERS): Cell[][] {
  const rows: Cell[][] = [["Contrato de Gestão nº 001/2025 — Indicadores de 2025"], [], HEADER];
  quarters.forEach((q) => {
    const k = QUARTERS.indexOf(q);
    for (const [code, name, kind, target, results, justifications] of INDICATORS) {
      const j = justifications[k];
      rows.push([code, name, kind, q, target, results[k], j ? j[0] : null, j ? j[1] : null]);
    }
  });
  return rows;
}

export function contractWorkbook(quarters = QUARTERS): WorkbookData {
  return workbook(sheet("Indicadores", contractRows(quarters)));
}

/** The same table as an .xlsx file (sheet Indicadores), written with ExcelJS: the input of the file tests. */
export async function writeContractXlsx(file: string, quarters = QUARTERS): Promise<void> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Indicadores");
  contractRows(quarters).forEach((row, r) =>
    row.forEach((c, col) => {
      const data: CellData =
        c !== null && typeof c === "object" && !(c instanceof Date) && "value" in c ? c : { value: c as CellValue };
      if (data.value === null || data.value === undefined) return;
      const target = ws.getCell(r + 1, col + 1);
      target.value = data.value as string | number;
      if (data.numberFormat) target.numFmt = data.numberFormat;
    }),
  );
  ws.getColumn(2).width = 50;
  await wb.xlsx.writeFile(file);
}
