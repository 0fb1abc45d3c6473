/**
 * The example workbook shipped as `assets/exemplo-contrato.xlsx`: a fictitious quarter of a management
 * contract, laid out the way fiscais fill it (one row per indicator × month × unit), for people to try the
 * add-in and the command on, and for tests.
 *
 * The committed file is generated from this builder and checked against it by
 * tests/workbook/example.test.ts; to regenerate it after changing this file, run
 * `WRITE_EXAMPLE=1 npx jest tests/workbook/example.test.ts`.
 *
 * Months are real dates (the 1st of the month, UTC) formatted `mmm/yyyy`, which pt-BR Excel shows as
 * `jan/2025` (and lists as `mmm/aaaa` in its format dialog). Everything is fixed: no clock is read.
 */
import ExcelJS from "exceljs";
import { INSTRUMENT_INDICATORS } from "../../src/core/catalogs/instrumento";
import { PMAQ_INDICATORS } from "../../src/core/catalogs/pmaq";
import { columnLetter as letter } from "../../src/workbook/a1";

export const EXAMPLE_SHEET = "Indicadores";
export const EXAMPLE_README_SHEET = "Leia-me";
export const EXAMPLE_TITLE = "Contrato de Gestão nº 001/2025 — Acompanhamento de indicadores — 1º trimestre de 2025";
export const EXAMPLE_HEADER_ROW = 3;
export const EXAMPLE_HEADERS = [
  "Nº",
  "Área",
  "Indicador",
  "Tipo",
  "Natureza",
  "Meta",
  "Peso",
  "Unidade",
  "Mês",
  "Resultado",
  "Numerador",
  "Denominador",
  "Justificativa",
  "Justificativa aceita",
] as const;
export const EXAMPLE_UNITS = ["UBS Centro", "UBS Jardim"] as const;
/** January, February and March 2025, as the dates written in the `Mês` column. */
export const EXAMPLE_MONTHS = [0, 1, 2].map((m) => new Date(Date.UTC(2025, m, 1)));

type Unit = (typeof EXAMPLE_UNITS)[number];

/** One month's entry of one unit: a result, or a numerator and denominator (the result is then a formula). */
type Entry = number | null | { num: number; den: number };

interface ExampleIndicator {
  code: string;
  area: string;
  name: string;
  type: string;
  kind: "Desempenho" | "Monitoramento";
  target: string;
  weight: number | null;
  /** `percent`: results are fractions formatted as %; `count`: plain counts. */
  scale: "percent" | "count";
  /** Results per unit, January to March. */
  results: Record<Unit, [Entry, Entry, Entry]>;
}

const instrument = (code: string) => {
  const found = INSTRUMENT_INDICATORS.find((i) => i.code === code);
  if (!found) throw new Error(`instrument indicator ${code} not in the catalogue`);
  return found;
};
const pmaq = (code: string) => {
  const found = PMAQ_INDICATORS.find((i) => i.code === code);
  if (!found) throw new Error(`PMAQ indicator ${code} not in the catalogue`);
  return found;
};

const GESTAO = "Gestão do contrato";

/** The indicators of the example: evaluation-instrument rows (targets written as people write them) and PMAQ ones. */
const INDICATORS: ExampleIndicator[] = [
  {
    code: instrument("I01").code,
    area: GESTAO,
    name: "Pontualidade na entrega dos relatórios mensais de prestação de contas assistenciais e financeiras",
    type: instrument("I01").type ?? "",
    kind: "Desempenho",
    target: instrument("I01").target, // "100% de pontualidade para 100% dos relatórios"
    weight: 1,
    scale: "percent",
    results: { "UBS Centro": [1, 1, 1], "UBS Jardim": [1, 1, 1] },
  },
  {
    code: instrument("I04").code,
    area: GESTAO,
    name: "Preenchimento de prontuários (legibilidade, assinaturas, CID, exame físico)",
    type: instrument("I04").type ?? "",
    kind: "Desempenho",
    target: "90% ou mais",
    weight: 1,
    scale: "percent",
    results: { "UBS Centro": [0.92, 0.95, 0.93], "UBS Jardim": [0.91, 0.9, 0.94] },
  },
  {
    code: instrument("I11").code,
    area: "Doenças crônicas",
    name: "Acompanhamento de pessoas com doenças crônicas do território",
    type: instrument("I11").type ?? "",
    kind: "Desempenho",
    target: "Cobertura de 80%",
    weight: 1,
    scale: "percent",
    results: {
      "UBS Centro": [
        { num: 412, den: 500 },
        { num: 405, den: 498 },
        { num: 420, den: 503 },
      ],
      "UBS Jardim": [
        { num: 331, den: 410 },
        { num: 335, den: 412 },
        { num: 340, den: 415 },
      ],
    },
  },
  {
    code: instrument("I12").code,
    area: "Produção",
    name: instrument("I12").description, // "Visitas domiciliares"
    type: instrument("I12").type ?? "",
    kind: "Desempenho",
    target: instrument("I12").target, // "Mínimo de 10 visitas domiciliares ao mês"
    weight: 1,
    scale: "count",
    results: { "UBS Centro": [12, 11, 14], "UBS Jardim": [10, 13, 12] },
  },
  {
    code: instrument("I14").code,
    area: "Produção",
    name: "Consultas médicas presenciais",
    type: instrument("I14").type ?? "",
    kind: "Desempenho",
    target: instrument("I14").target, // "Mínimo de 300 consultas médicas ao mês"
    weight: 1,
    scale: "count",
    // UBS Jardim is below target all quarter (February most: the doctor was on leave), so the quarter's
    // mean, 1795 / 6 = 299,17 consultations a month, misses the 300; the commission accepted the justification.
    results: { "UBS Centro": [318, 305, 322], "UBS Jardim": [291, 262, 297] },
  },
  {
    code: instrument("I09b").code,
    area: "Saúde da Mulher",
    name: "Casos de sífilis congênita entre gestantes acompanhadas",
    type: instrument("I09b").type ?? "",
    kind: "Desempenho",
    // Lower is better: the target is at most 0%.
    target: instrument("I09b").target, // "0% de casos de sífilis congênita"
    weight: 1,
    scale: "percent",
    results: { "UBS Centro": [0, 0, 0], "UBS Jardim": [0, 0, 0] },
  },
  {
    code: pmaq("1.4").code,
    area: pmaq("1.4").area,
    name: pmaq("1.4").name,
    type: "Resultado",
    kind: "Desempenho",
    target: "Mínimo de 85%",
    weight: 2,
    scale: "percent",
    // UBS Jardim is below target all quarter, March most, so the quarter's mean, 5,09 / 6 = 84,8%, misses
    // the 85%; the commission accepted the justification in part.
    results: { "UBS Centro": [0.88, 0.86, 0.9], "UBS Jardim": [0.84, 0.83, 0.78] },
  },
  {
    code: pmaq("2.3").code,
    area: pmaq("2.3").area,
    name: pmaq("2.3").name,
    type: "Resultado",
    kind: "Desempenho",
    target: "95% ou mais",
    weight: 2,
    scale: "percent",
    // March at UBS Jardim is still pending (the vaccination system had not closed the month).
    results: { "UBS Centro": [0.96, 0.97, 0.95], "UBS Jardim": [0.95, 0.96, null] },
  },
  {
    code: pmaq("2.7").code,
    area: pmaq("2.7").area,
    name: pmaq("2.7").name,
    type: "Resultado",
    kind: "Monitoramento", // pmaq("2.7").kind: followed, not scored
    target: "até 8%",
    weight: null,
    scale: "percent",
    results: { "UBS Centro": [0.07, 0.09, 0.06], "UBS Jardim": [0.05, 0.08, 0.1] },
  },
];

/** Justifications by indicator code, unit and month index. */
const JUSTIFICATIONS: { code: string; unit: Unit; month: number; text: string; accepted: string }[] = [
  {
    code: "I14",
    unit: "UBS Jardim",
    month: 1,
    text: "Médica da equipe em férias de 03/02 a 21/02/2025; a agenda foi coberta apenas em parte por médico plantonista.",
    accepted: "Sim",
  },
  {
    code: "1.4",
    unit: "UBS Jardim",
    month: 2,
    text: "Três gestantes transferidas de outro município em março ainda sem consultas registradas no e-SUS APS.",
    accepted: "Parcial",
  },
];

const COLUMN_WIDTHS = [7, 22, 60, 13, 16, 44, 7, 14, 11, 12, 12, 13, 60, 12];

const README_LINES = [
  "Exemplo de planilha de acompanhamento de contrato de gestão",
  "",
  "Este arquivo é um exemplo fictício, feito para experimentar o Contratualiza (suplemento do Excel e comando contratualiza avaliar).",
  "A planilha “Indicadores” traz os resultados do 1º trimestre de 2025 de duas unidades (UBS Centro e UBS Jardim), uma linha por indicador, mês e unidade.",
  "Os indicadores vêm do instrumento de avaliação quantitativa e qualitativa do contrato de gestão (tipos Informação e Processo) e do PMAQ (áreas de Saúde da Mulher e Saúde da Criança).",
  "",
  "Como ler as colunas:",
  "• Meta: a meta pactuada, escrita como no contrato (“90% ou mais”, “Mínimo de 10 visitas domiciliares ao mês”, “0% de casos de sífilis congênita”).",
  "• Natureza: Desempenho entra na nota do contrato; Monitoramento é acompanhado, mas não pontua.",
  "• Resultado: porcentagens formatadas como % (92% = 0,92) ou contagens; quando há Numerador e Denominador, o resultado é a divisão dos dois.",
  "• Resultado em branco: dado ainda não informado (pendente), não é zero.",
  "• Justificativa e Justificativa aceita (Sim, Parcial ou Não): a decisão da Comissão de Avaliação sobre uma meta não atingida.",
  "",
  "Para avaliar: no Excel, abra o painel do Contratualiza e clique em Avaliar; sem o Excel, use contratualiza avaliar exemplo-contrato.xlsx.",
];

/** Builds the example workbook (the same every time). */
export function buildExampleWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(2025, 3, 1));
  wb.creator = "Contratualiza";
  wb.lastModifiedBy = "Contratualiza";
  wb.created = fixed;
  wb.modified = fixed;

  const ws = wb.addWorksheet(EXAMPLE_SHEET, { views: [{ state: "frozen", ySplit: EXAMPLE_HEADER_ROW }] });
  const lastCol = EXAMPLE_HEADERS.length;
  ws.columns = COLUMN_WIDTHS.map((width) => ({ width }));

  const title = ws.getCell(1, 1);
  title.value = EXAMPLE_TITLE;
  title.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, lastCol);

  const header = ws.getRow(EXAMPLE_HEADER_ROW);
  EXAMPLE_HEADERS.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    cell.alignment = { vertical: "middle", wrapText: true };
  });

  const col = (name: (typeof EXAMPLE_HEADERS)[number]) => EXAMPLE_HEADERS.indexOf(name) + 1;
  let r = EXAMPLE_HEADER_ROW + 1;
  EXAMPLE_MONTHS.forEach((month, m) => {
    for (const unit of EXAMPLE_UNITS) {
      for (const ind of INDICATORS) {
        const row = ws.getRow(r);
        row.getCell(col("Nº")).value = ind.code;
        row.getCell(col("Área")).value = ind.area;
        row.getCell(col("Indicador")).value = ind.name;
        row.getCell(col("Tipo")).value = ind.type || null;
        row.getCell(col("Natureza")).value = ind.kind;
        row.getCell(col("Meta")).value = ind.target;
        row.getCell(col("Peso")).value = ind.weight;
        row.getCell(col("Unidade")).value = unit;
        const monthCell = row.getCell(col("Mês"));
        monthCell.value = month;
        monthCell.numFmt = "mmm/yyyy";
        const result = row.getCell(col("Resultado"));
        const entry = ind.results[unit][m];
        if (entry !== null && typeof entry === "object") {
          row.getCell(col("Numerador")).value = entry.num;
          row.getCell(col("Denominador")).value = entry.den;
          const formula = `${letter(col("Numerador"))}${r}/${letter(col("Denominador"))}${r}`;
          result.value = { formula, result: entry.num / entry.den };
          result.numFmt = "0.0%";
        } else {
          result.value = entry;
          if (ind.scale === "percent") result.numFmt = "0%";
        }
        const justification = JUSTIFICATIONS.find((j) => j.code === ind.code && j.unit === unit && j.month === m);
        if (justification) {
          row.getCell(col("Justificativa")).value = justification.text;
          row.getCell(col("Justificativa aceita")).value = justification.accepted;
        }
        row.getCell(col("Indicador")).alignment = { wrapText: true, vertical: "top" };
        row.getCell(col("Justificativa")).alignment = { wrapText: true, vertical: "top" };
        r++;
      }
    }
  });
  ws.autoFilter = { from: { row: EXAMPLE_HEADER_ROW, column: 1 }, to: { row: r - 1, column: lastCol } };

  const readme = wb.addWorksheet(EXAMPLE_README_SHEET);
  readme.getColumn(1).width = 120;
  README_LINES.forEach((text, i) => {
    const cell = readme.getCell(i + 1, 1);
    cell.value = text || null;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  return wb;
}

/** Writes the example workbook to `file`. */
export async function writeExample(file: string): Promise<void> {
  await buildExampleWorkbook().xlsx.writeFile(file);
}
