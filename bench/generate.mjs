// @ts-check
/**
 * Builds the benchmark's workbook: one long indicator table (title row, header, one row per
 * indicator × month × unit), laid out like assets/exemplo-contrato.xlsx (src/workbook/xlsx/example.ts) but
 * with a year of months and as many units as it takes to reach the requested number of rows.
 *
 * Everything is drawn from a seeded generator, so a given size always gives the same file. ExcelJS's
 * streaming writer is used because the ordinary one needs well over a gigabyte for 100k rows, and
 * generating the input is not what is measured.
 */
import ExcelJS from "exceljs";

export const SHEET = "Indicadores";
export const HEADER_ROW = 3;
export const HEADERS = ["Código", "Indicador", "Área", "Natureza", "Mês", "Meta", "Resultado", "Peso", "Justificativa aceita"];
const WIDTHS = [9, 60, 22, 16, 11, 40, 12, 7, 12];

/**
 * @typedef {object} Indicator
 * @property {string} code
 * @property {string} name
 * @property {string} area
 * @property {"Desempenho" | "Monitoramento"} kind
 * @property {string | number} target  Text as contracts write it, or a number (then `targetFormat` applies).
 * @property {string} [targetFormat]
 * @property {number | null} weight
 * @property {"percent" | "count"} scale
 * @property {number} typical  Typical result (a fraction for percent indicators, a count otherwise).
 * @property {number} spread  How far results wander from `typical`.
 */

/** @type {Indicator[]} Targets written the ways they are written in real contracts. */
const INDICATORS = [
  { code: "I01", name: "Pontualidade na entrega dos relatórios mensais de prestação de contas", area: "Gestão do contrato", kind: "Desempenho", target: "100% de pontualidade para 100% dos relatórios", weight: 1, scale: "percent", typical: 0.98, spread: 0.03 },
  { code: "I02", name: "Preenchimento adequado de prontuários", area: "Gestão do contrato", kind: "Desempenho", target: "90% ou mais", weight: 1, scale: "percent", typical: 0.91, spread: 0.05 },
  { code: "I03", name: "Satisfação dos usuários com o atendimento", area: "Gestão do contrato", kind: "Desempenho", target: "≥ 80%", weight: 1, scale: "percent", typical: 0.83, spread: 0.07 },
  { code: "I04", name: "Absenteísmo dos profissionais das equipes", area: "Gestão do contrato", kind: "Desempenho", target: "até 5%", weight: 1, scale: "percent", typical: 0.045, spread: 0.02 },
  { code: "I05", name: "Acompanhamento de pessoas com hipertensão", area: "Doenças crônicas", kind: "Desempenho", target: "Cobertura de 80%", weight: 2, scale: "percent", typical: 0.78, spread: 0.08 },
  { code: "I06", name: "Proporção de pessoas com diabetes com hemoglobina glicada solicitada", area: "Doenças crônicas", kind: "Desempenho", target: 0.5, targetFormat: "0%", weight: 2, scale: "percent", typical: 0.52, spread: 0.1 },
  { code: "I07", name: "Visitas domiciliares por agente comunitário de saúde", area: "Produção", kind: "Desempenho", target: "Mínimo de 10 visitas domiciliares ao mês", weight: 1, scale: "count", typical: 11, spread: 3 },
  { code: "I08", name: "Consultas médicas presenciais", area: "Produção", kind: "Desempenho", target: "Mínimo de 300 consultas médicas ao mês", weight: 1, scale: "count", typical: 310, spread: 40 },
  { code: "I09", name: "Consultas de enfermagem", area: "Produção", kind: "Desempenho", target: 250, weight: 1, scale: "count", typical: 260, spread: 35 },
  { code: "I10", name: "Casos de sífilis congênita entre gestantes acompanhadas", area: "Saúde da Mulher", kind: "Desempenho", target: "0% de casos de sífilis congênita", weight: 1, scale: "percent", typical: 0, spread: 0.004 },
  { code: "I11", name: "Proporção de gestantes com pelo menos 6 consultas de pré-natal", area: "Saúde da Mulher", kind: "Desempenho", target: "Mínimo de 85%", weight: 2, scale: "percent", typical: 0.84, spread: 0.07 },
  { code: "I12", name: "Proporção de gestantes com atendimento odontológico", area: "Saúde da Mulher", kind: "Desempenho", target: "≥ 60%", weight: 1, scale: "percent", typical: 0.62, spread: 0.1 },
  { code: "I13", name: "Cobertura de exame citopatológico", area: "Saúde da Mulher", kind: "Desempenho", target: "Pelo menos 40%", weight: 1, scale: "percent", typical: 0.41, spread: 0.08 },
  { code: "I14", name: "Cobertura vacinal de poliomielite e pentavalente", area: "Saúde da Criança", kind: "Desempenho", target: "95% ou mais", weight: 2, scale: "percent", typical: 0.95, spread: 0.04 },
  { code: "I15", name: "Crianças menores de 2 anos com consulta de puericultura", area: "Saúde da Criança", kind: "Desempenho", target: "> 70%", weight: 1, scale: "percent", typical: 0.72, spread: 0.08 },
  { code: "I16", name: "Internações por condições sensíveis à atenção primária", area: "Saúde da Criança", kind: "Monitoramento", target: "até 8%", weight: null, scale: "percent", typical: 0.07, spread: 0.02 },
  { code: "I17", name: "Tempo de espera para a primeira consulta acima de 15 dias", area: "Acesso", kind: "Desempenho", target: "no máximo 10%", weight: 1, scale: "percent", typical: 0.09, spread: 0.03 },
  { code: "I18", name: "Taxa de retorno das consultas agendadas", area: "Acesso", kind: "Desempenho", target: "entre 50% e 70%", weight: 1, scale: "percent", typical: 0.6, spread: 0.12 },
  { code: "I19", name: "Proporção de atendimentos de demanda espontânea", area: "Acesso", kind: "Monitoramento", target: 0.75, targetFormat: "0.0%", weight: null, scale: "percent", typical: 0.7, spread: 0.1 },
  { code: "I20", name: "Equipes com carga horária completa", area: "Acesso", kind: "Desempenho", target: "100%", weight: 1, scale: "percent", typical: 0.97, spread: 0.04 },
];

/** The twelve months of 2025, as the dates a `Mês` column holds (the 1st, UTC). */
const MONTHS = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2025, m, 1)));

/**
 * A small seeded generator (mulberry32): the same file for the same size, on any machine.
 * @param {number} seed
 */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes the workbook with exactly `rows` indicator rows (plus title and header) to `file`.
 * Rows go month by month, unit by unit, indicator by indicator, as fiscais fill them.
 * @param {string} file
 * @param {number} rows
 * @returns {Promise<void>}
 */
export async function generateWorkbook(file, rows) {
  const next = random(rows);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  wb.creator = "Contratualiza bench";
  const ws = wb.addWorksheet(SHEET, { views: [{ state: "frozen", ySplit: HEADER_ROW }] });
  ws.columns = WIDTHS.map((width) => ({ width }));

  const title = ws.getRow(1);
  title.getCell(1).value = `Contrato de Gestão nº 001/2025 — Acompanhamento de indicadores — ${rows} linhas (gerado para medir desempenho)`;
  title.getCell(1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, HEADERS.length);
  title.commit();

  const header = ws.getRow(HEADER_ROW);
  HEADERS.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  });
  header.commit();

  // Every month gets its share of the rows (the first months one more when it does not divide), filled
  // unit by unit; the last unit of a month may be cut short so the total is exact.
  let r = HEADER_ROW + 1;
  MONTHS.forEach((month, m) => {
    const quota = Math.floor(rows / MONTHS.length) + (m < rows % MONTHS.length ? 1 : 0);
    for (let i = 0; i < quota; i++) {
      writeRow(ws.getRow(r), INDICATORS[i % INDICATORS.length], month, next);
      r++;
    }
  });
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: r - 1, column: HEADERS.length } };
  ws.commit();
  await wb.commit();
}

/**
 * One indicator row: most results near the indicator's typical value, about 3% empty (not yet informed)
 * and 0.5% written as "n/d" (which the evaluation must report as unreadable).
 * @param {ExcelJS.Row} row
 * @param {Indicator} ind
 * @param {Date} month
 * @param {() => number} next
 */
function writeRow(row, ind, month, next) {
  row.getCell(1).value = ind.code;
  row.getCell(2).value = ind.name;
  row.getCell(3).value = ind.area;
  row.getCell(4).value = ind.kind;
  const monthCell = row.getCell(5);
  monthCell.value = month;
  monthCell.numFmt = "mmm/yyyy";
  const target = row.getCell(6);
  target.value = ind.target;
  if (ind.targetFormat) target.numFmt = ind.targetFormat;

  const result = row.getCell(7);
  const roll = next();
  let value = null;
  if (roll < 0.005) result.value = "n/d";
  else if (roll < 0.035) result.value = null;
  else {
    const raw = Math.max(0, ind.typical + (next() * 2 - 1) * ind.spread);
    value = ind.scale === "percent" ? Math.min(1, Math.round(raw * 1000) / 1000) : Math.round(raw);
    result.value = value;
  }
  if (ind.scale === "percent") result.numFmt = "0.0%";
  row.getCell(8).value = ind.weight;

  // A result short of its typical value sometimes carries the commission's decision on a justification.
  if (value !== null && value < ind.typical - ind.spread / 2) {
    const d = next();
    row.getCell(9).value = d < 0.5 ? "Sim" : d < 0.75 ? "Parcial" : d < 0.9 ? "Não" : null;
  }
  row.commit();
}

/** Indicators of the small contracts of the consolidation benchmark: the first ten (two monitoring-free areas and more). */
const CONTRACT_INDICATORS = INDICATORS.slice(0, 10);
/** Their months: the first quarter of 2025. */
const CONTRACT_MONTHS = MONTHS.slice(0, 3);

/**
 * Writes one small contract workbook (the layout above; 10 indicators × 3 months = 30 rows, one quarter)
 * to `file`, for the consolidation benchmark. `seed` varies the results from one municipality to the next.
 * @param {string} file
 * @param {string} municipality  Named in the title row.
 * @param {number} seed
 * @returns {Promise<void>}
 */
export async function generateContract(file, municipality, seed) {
  const next = random(seed);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  wb.creator = "Contratualiza bench";
  const ws = wb.addWorksheet(SHEET);
  ws.columns = WIDTHS.map((width) => ({ width }));
  const title = ws.getRow(1);
  title.getCell(1).value = `Contrato de Gestão da APS — ${municipality} — 1º trimestre de 2025`;
  title.commit();
  const header = ws.getRow(HEADER_ROW);
  HEADERS.forEach((text, i) => (header.getCell(i + 1).value = text));
  header.commit();
  let r = HEADER_ROW + 1;
  for (const month of CONTRACT_MONTHS) {
    for (const ind of CONTRACT_INDICATORS) writeRow(ws.getRow(r++), ind, month, next);
  }
  ws.commit();
  await wb.commit();
}

/**
 * Writes `count` small contracts (`municipio-0001.xlsx`, …) into `dir`, as `generateContract` does.
 * @param {string} dir
 * @param {number} count
 * @returns {Promise<string[]>} the files written
 */
export async function generateContracts(dir, count) {
  const files = [];
  for (let i = 1; i <= count; i++) {
    const id = String(i).padStart(4, "0");
    const file = `${dir}/municipio-${id}.xlsx`;
    await generateContract(file, `Município ${id}`, 1000 + i);
    files.push(file);
  }
  return files;
}

// Run directly (`node bench/generate.mjs <file> <rows>`) it writes one file; run.mjs does so in a child.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, rows] = process.argv.slice(2);
  await generateWorkbook(file, Number(rows));
}
