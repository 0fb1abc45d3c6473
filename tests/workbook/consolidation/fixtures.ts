/**
 * Three small municipal contracts for the consolidation tests (tests/workbook/consolidation/consolidate.test.ts,
 * tests/cli/consolidate.test.ts): the same data as in-memory `WorkbookData` and as .xlsx files.
 *
 * Each workbook: a title in A1, the header on row 3 (`Código | Indicador | Natureza | Mês | Meta |
 * Resultado | Peso`), then 5 indicators × 6 months (Jan–Jun 2025 → quarters 2025-T1 and 2025-T2). Default
 * rules (contract instrument): share of targets met, weighted; an indicator's quarterly concept comes from
 * the quarter's mean result; I05 is monitoring (shown, never scored). Scored weights:
 * I01 1 + I02 1 + I03 2 + I04 1 = 5.
 *
 * One missed month brings the quarter's mean below the target, so the strict rule (every month must meet)
 * gives the same concepts: I01 (0,85 + 0,85 + 0,60) / 3 = 76,7% < 80%; I03 (320 + 320 + 250) / 3 = 296,7 <
 * 300; I04 (0,96 + 0,96 + 0,90) / 3 = 94% < 95%.
 *
 * Worked out per quarter (B = the quarter's mean misses the target):
 *   Lavras     T1: all A                 → 5/5 = 100%  → Faixa 1 (= 100%)
 *              T2: I03 B (w 2)           → 3/5 = 60%   → Faixa 4 (60% ≤ x < 70%)
 *   Perdões    T1: I03 B (w 2)           → 3/5 = 60%   → Faixa 4
 *              T2: all A                 → 5/5 = 100%  → Faixa 1
 *   Nepomuceno T1: I01 B (w 1)           → 4/5 = 80%   → Faixa 2 (80% ≤ x < 100%)
 *              T2: I01 B, I04 B (w 1+1)  → 3/5 = 60%   → Faixa 4; ties with Lavras T2, so by name: Lavras first
 * I05 (monitoring) misses its target every month in Nepomuceno: not scored, not counted as not met.
 *
 * Sorted (period, then attainment descending, then name):
 *   2025-T1: Lavras 100% F1 · Nepomuceno 80% F2 · Perdões 60% F4
 *   2025-T2: Perdões 100% F1 · Lavras 60% F4 · Nepomuceno 60% F4
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../../src/core/types";
import type { WorkbookData } from "../../../src/workbook/model";
import { fmt, sheet, workbook } from "../fixtures";

export const HEADERS = ["Código", "Indicador", "Natureza", "Mês", "Meta", "Resultado", "Peso"];

interface Indicator {
  code: string;
  name: string;
  kind: "Desempenho" | "Monitoramento";
  target: string;
  weight: number | null;
  /** A result that meets the target, and one that does not. */
  met: number;
  missed: number;
  percent: boolean;
}

export const INDICATORS: Indicator[] = [
  {
    code: "I01",
    name: "Pessoas com hipertensão com pressão arterial aferida",
    kind: "Desempenho",
    target: "≥ 80%",
    weight: 1,
    met: 0.85,
    missed: 0.6,
    percent: true,
  },
  {
    code: "I02",
    name: "Absenteísmo dos profissionais",
    kind: "Desempenho",
    target: "até 5%",
    weight: 1,
    met: 0.04,
    missed: 0.08,
    percent: true,
  },
  {
    code: "I03",
    name: "Consultas médicas presenciais",
    kind: "Desempenho",
    target: "Mínimo de 300 consultas ao mês",
    weight: 2,
    met: 320,
    missed: 250,
    percent: false,
  },
  {
    code: "I04",
    name: "Cobertura vacinal de poliomielite",
    kind: "Desempenho",
    target: "95% ou mais",
    weight: 1,
    met: 0.96,
    missed: 0.9,
    percent: true,
  },
  {
    code: "I05",
    name: "Atendimentos de demanda espontânea",
    kind: "Monitoramento",
    target: "≥ 50%",
    weight: null,
    met: 0.6,
    missed: 0.4,
    percent: true,
  },
];

/** Months (1–6) in which an indicator misses its target, per municipality. */
export const MISSES: Record<string, Record<string, number[]>> = {
  Lavras: { I03: [5] },
  Perdões: { I03: [2] },
  Nepomuceno: { I01: [1, 4], I04: [6], I05: [1, 2, 3, 4, 5, 6] },
};

export const MUNICIPALITIES = Object.keys(MISSES);

const MONTHS = [0, 1, 2, 3, 4, 5].map((m) => new Date(Date.UTC(2025, m, 1)));

/** The data rows of one municipality: indicator × month, results as the fixture says. */
function dataRows(municipality: string): { values: CellValue[]; percent: boolean }[] {
  const rows: { values: CellValue[]; percent: boolean }[] = [];
  MONTHS.forEach((month, m) => {
    for (const ind of INDICATORS) {
      const missed = MISSES[municipality][ind.code]?.includes(m + 1) ?? false;
      rows.push({
        values: [ind.code, ind.name, ind.kind, month, ind.target, missed ? ind.missed : ind.met, ind.weight],
        percent: ind.percent,
      });
    }
  });
  return rows;
}

export function title(municipality: string): string {
  return `Contrato de gestão da APS — ${municipality} — acompanhamento de indicadores`;
}

/** The workbook of one municipality, in memory (as the file reader gives it). */
export function contractBook(municipality: string, sheetName = "Indicadores"): WorkbookData {
  return workbook(contractSheet(municipality, sheetName));
}

export function contractSheet(municipality: string, sheetName = "Indicadores") {
  return sheet(sheetName, [
    [title(municipality)],
    [],
    HEADERS,
    ...dataRows(municipality).map(({ values, percent }) =>
      values.map((v, i) => (i === 3 ? fmt(v, "mmm/yyyy") : i === 5 && percent ? fmt(v, "0.0%") : v)),
    ),
  ]);
}

/** Adds one municipality's sheet to an ExcelJS workbook. */
export function addContractSheet(excel: ExcelJS.Workbook, municipality: string, sheetName = "Indicadores"): void {
  const ws = excel.addWorksheet(sheetName);
  ws.getCell("A1").value = title(municipality);
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getRow(3).values = HEADERS;
  dataRows(municipality).forEach(({ values, percent }, i) => {
    const row = ws.getRow(4 + i);
    values.forEach((v, c) => (row.getCell(c + 1).value = v));
    row.getCell(4).numFmt = "mmm/yyyy";
    if (percent) row.getCell(6).numFmt = "0.0%";
  });
}

/** Writes one municipality's contract workbook to `file`. */
export async function writeContract(file: string, municipality: string): Promise<void> {
  const excel = new ExcelJS.Workbook();
  addContractSheet(excel, municipality);
  await excel.xlsx.writeFile(file);
}
