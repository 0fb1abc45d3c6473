/**
 * The example workbook of the browser tests, in the fake Excel: a contract's long indicator table as an
 * Excel table, and a stand-in for Excel's calculation of the add-in's own formulas (`=META.ATINGIMENTO(F4,E4)`,
 * `=META.CONCEITO(F4,E4,,H4,C4)`), computed with the real custom functions, so the owned columns hold what
 * Excel would show.
 *
 * Sheet "Indicadores", title in A1, the Excel table `TabelaIndicadores` on A3:H21 — Código, Indicador,
 * Natureza, Mês (dates formatted mmm/yyyy), Meta, Resultado, Justificativa, Justificativa aceita (empty) —
 * one row per indicator and month, January to March 2025:
 *
 * | rows  | indicator                        | kind          | target | Jan  | Feb  | Mar  | quarter |
 * | ----- | -------------------------------- | ------------- | ------ | ---- | ---- | ---- | ------- |
 * | 4–6   | I1 Consultas médicas             | Desempenho    | ≥ 300  | 330  | 310  | 320  | A       |
 * | 7–9   | I2 Gestantes com pré-natal       | Desempenho    | 85%    | 90%  | 88%  | 86%  | A       |
 * | 10–12 | I3 Visitas domiciliares          | Desempenho    | ≥ 10   | 12   | 11   | 10   | A       |
 * | 13–15 | I4 Citopatológico                | Desempenho    | 80%    | 70%  | 85%  | 75%  | B       |
 * | 16–18 | I5 Atendimentos odontológicos    | Desempenho    | ≥ 50   | 55   | 60   | 52   | A       |
 * | 19–21 | I6 Vacinas em dia                | Monitoramento | 95%    | 96%  | 97%  | 93%  | —       |
 */
import { atingimento, conceito } from "../../src/functions/functions";
import { FakeExcel, type FormulaCell, type Scalar } from "../hosts/excel/fakeExcel";

export const SHEET = "Indicadores";
export const TABLE = "TabelaIndicadores";

/** Excel's serial number of the first day of a month. */
function serial(year: number, month: number): number {
  return Math.round((Date.UTC(year, month - 1, 1) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

type Target = string | { percent: number };
type Result = number | { percent: number };

export const INDICATORS: { code: string; name: string; kind: string; target: Target; results: Result[] }[] = [
  { code: "I1", name: "Consultas médicas", kind: "Desempenho", target: "≥ 300", results: [330, 310, 320] },
  {
    code: "I2",
    name: "Proporção de gestantes com pré-natal em dia",
    kind: "Desempenho",
    target: { percent: 0.85 },
    results: [{ percent: 0.9 }, { percent: 0.88 }, { percent: 0.86 }],
  },
  { code: "I3", name: "Visitas domiciliares", kind: "Desempenho", target: "≥ 10", results: [12, 11, 10] },
  {
    code: "I4",
    name: "Proporção de mulheres com citopatológico",
    kind: "Desempenho",
    target: "80%",
    results: [{ percent: 0.7 }, { percent: 0.85 }, { percent: 0.75 }],
  },
  { code: "I5", name: "Atendimentos odontológicos", kind: "Desempenho", target: "≥ 50", results: [55, 60, 52] },
  {
    code: "I6",
    name: "Proporção de vacinas em dia",
    kind: "Monitoramento",
    target: { percent: 0.95 },
    results: [{ percent: 0.96 }, { percent: 0.97 }, { percent: 0.93 }],
  },
];

/** The first row of an indicator (0-based index in INDICATORS); its months follow. */
export const firstRow = (index: number) => 4 + 3 * index;
export const LAST_ROW = firstRow(INDICATORS.length) - 1;

const FUNCTIONS: Record<string, (...args: unknown[]) => Scalar> = {
  ATINGIMENTO: (...a) => atingimento(...(a as Parameters<typeof atingimento>)),
  CONCEITO: (...a) => conceito(...(a as Parameters<typeof conceito>)),
};

/**
 * What Excel shows for a META formula: each argument a cell of the same sheet (its value; an empty cell or
 * an omitted argument is null, as custom functions receive them) or a number. An error shows `#VALUE!`,
 * an unknown function `#NAME?`.
 */
export function evaluateMeta(formula: string, at: FormulaCell): Scalar {
  const call = /^=META\.([A-Z_]+)\((.*)\)$/.exec(formula);
  const fn = call ? FUNCTIONS[call[1]] : undefined;
  if (!call || !fn) return "#NAME?";
  const args = call[2].split(",").map((arg) => {
    const a = arg.trim();
    if (a === "") return null;
    if (/^\$?[A-Z]{1,3}\$?\d+$/.test(a)) {
      const value = at.sheet.value(a.replace(/\$/g, ""));
      return value === "" ? null : value;
    }
    const n = Number(a);
    return Number.isFinite(n) ? n : a.replace(/^"|"$/g, "");
  });
  try {
    return fn(...args);
  } catch {
    return "#VALUE!";
  }
}

/** The example workbook (see the module comment). */
export function exampleWorkbook(): FakeExcel {
  const fx = new FakeExcel({ evaluate: evaluateMeta });
  const ws = fx.addSheet(SHEET);
  ws.set("A1", "Contrato de Gestão nº 12/2024 — Indicadores da Atenção Primária");
  ws.setRows("A3", [
    ["Código", "Indicador", "Natureza", "Mês", "Meta", "Resultado", "Justificativa", "Justificativa aceita"],
  ]);
  INDICATORS.forEach((ind, i) => {
    ind.results.forEach((result, m) => {
      const r = firstRow(i) + m;
      ws.set(`A${r}`, ind.code).set(`B${r}`, ind.name).set(`C${r}`, ind.kind);
      ws.set(`D${r}`, serial(2025, m + 1), "mmm/yyyy");
      if (typeof ind.target === "string") ws.set(`E${r}`, ind.target);
      else ws.set(`E${r}`, ind.target.percent, "0%");
      if (typeof result === "number") ws.set(`F${r}`, result);
      else ws.set(`F${r}`, result.percent, "0%");
    });
  });
  fx.addTable(SHEET, TABLE, `A3:H${LAST_ROW}`);
  return fx;
}
