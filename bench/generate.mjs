// @ts-check
/**
 * Builds the benchmark's workbook: one long indicator table (title row, header, one row per
 * indicator × month × unit), laid out like assets/exemplo-contrato.xlsx (tests/support/example.ts) but
 * with a year of months and as many units as it takes to reach the requested number of rows; the small
 * contracts of the consolidation benchmark; and the co-financing workbook (`generateCofinanciamento`: C1–C7
 * per team and month, no targets), which the pipeline evaluates team by team.
 *
 * Everything is drawn from a seeded generator, so a given size always gives the same file. ExcelJS's
 * streaming writer is used because the ordinary one needs well over a gigabyte for 100k rows, and
 * generating the input is not what is measured.
 */
import ExcelJS from "exceljs";

export const SHEET = "Indicadores";
export const HEADER_ROW = 3;
export const HEADERS = [
  "Código",
  "Indicador",
  "Área",
  "Natureza",
  "Mês",
  "Meta",
  "Resultado",
  "Peso",
  "Justificativa aceita",
  "Unidade",
];
const WIDTHS = [9, 60, 22, 16, 11, 40, 12, 7, 12, 12];

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
  {
    code: "I01",
    name: "Pontualidade na entrega dos relatórios mensais de prestação de contas",
    area: "Gestão do contrato",
    kind: "Desempenho",
    target: "100% de pontualidade para 100% dos relatórios",
    weight: 1,
    scale: "percent",
    typical: 0.98,
    spread: 0.03,
  },
  {
    code: "I02",
    name: "Preenchimento adequado de prontuários",
    area: "Gestão do contrato",
    kind: "Desempenho",
    target: "90% ou mais",
    weight: 1,
    scale: "percent",
    typical: 0.91,
    spread: 0.05,
  },
  {
    code: "I03",
    name: "Satisfação dos usuários com o atendimento",
    area: "Gestão do contrato",
    kind: "Desempenho",
    target: "≥ 80%",
    weight: 1,
    scale: "percent",
    typical: 0.83,
    spread: 0.07,
  },
  {
    code: "I04",
    name: "Absenteísmo dos profissionais das equipes",
    area: "Gestão do contrato",
    kind: "Desempenho",
    target: "até 5%",
    weight: 1,
    scale: "percent",
    typical: 0.045,
    spread: 0.02,
  },
  {
    code: "I05",
    name: "Acompanhamento de pessoas com hipertensão",
    area: "Doenças crônicas",
    kind: "Desempenho",
    target: "Cobertura de 80%",
    weight: 2,
    scale: "percent",
    typical: 0.78,
    spread: 0.08,
  },
  {
    code: "I06",
    name: "Proporção de pessoas com diabetes com hemoglobina glicada solicitada",
    area: "Doenças crônicas",
    kind: "Desempenho",
    target: 0.5,
    targetFormat: "0%",
    weight: 2,
    scale: "percent",
    typical: 0.52,
    spread: 0.1,
  },
  {
    code: "I07",
    name: "Visitas domiciliares por agente comunitário de saúde",
    area: "Produção",
    kind: "Desempenho",
    target: "Mínimo de 10 visitas domiciliares ao mês",
    weight: 1,
    scale: "count",
    typical: 11,
    spread: 3,
  },
  {
    code: "I08",
    name: "Consultas médicas presenciais",
    area: "Produção",
    kind: "Desempenho",
    target: "Mínimo de 300 consultas médicas ao mês",
    weight: 1,
    scale: "count",
    typical: 310,
    spread: 40,
  },
  {
    code: "I09",
    name: "Consultas de enfermagem",
    area: "Produção",
    kind: "Desempenho",
    target: 250,
    weight: 1,
    scale: "count",
    typical: 260,
    spread: 35,
  },
  {
    code: "I10",
    name: "Casos de sífilis congênita entre gestantes acompanhadas",
    area: "Saúde da Mulher",
    kind: "Desempenho",
    target: "0% de casos de sífilis congênita",
    weight: 1,
    scale: "percent",
    typical: 0,
    spread: 0.004,
  },
  {
    code: "I11",
    name: "Proporção de gestantes com pelo menos 6 consultas de pré-natal",
    area: "Saúde da Mulher",
    kind: "Desempenho",
    target: "Mínimo de 85%",
    weight: 2,
    scale: "percent",
    typical: 0.84,
    spread: 0.07,
  },
  {
    code: "I12",
    name: "Proporção de gestantes com atendimento odontológico",
    area: "Saúde da Mulher",
    kind: "Desempenho",
    target: "≥ 60%",
    weight: 1,
    scale: "percent",
    typical: 0.62,
    spread: 0.1,
  },
  {
    code: "I13",
    name: "Cobertura de exame citopatológico",
    area: "Saúde da Mulher",
    kind: "Desempenho",
    target: "Pelo menos 40%",
    weight: 1,
    scale: "percent",
    typical: 0.41,
    spread: 0.08,
  },
  {
    code: "I14",
    name: "Cobertura vacinal de poliomielite e pentavalente",
    area: "Saúde da Criança",
    kind: "Desempenho",
    target: "95% ou mais",
    weight: 2,
    scale: "percent",
    typical: 0.95,
    spread: 0.04,
  },
  {
    code: "I15",
    name: "Crianças menores de 2 anos com consulta de puericultura",
    area: "Saúde da Criança",
    kind: "Desempenho",
    target: "> 70%",
    weight: 1,
    scale: "percent",
    typical: 0.72,
    spread: 0.08,
  },
  {
    code: "I16",
    name: "Internações por condições sensíveis à atenção primária",
    area: "Saúde da Criança",
    kind: "Monitoramento",
    target: "até 8%",
    weight: null,
    scale: "percent",
    typical: 0.07,
    spread: 0.02,
  },
  {
    code: "I17",
    name: "Tempo de espera para a primeira consulta acima de 15 dias",
    area: "Acesso",
    kind: "Desempenho",
    target: "no máximo 10%",
    weight: 1,
    scale: "percent",
    typical: 0.09,
    spread: 0.03,
  },
  {
    code: "I18",
    name: "Taxa de retorno das consultas agendadas",
    area: "Acesso",
    kind: "Desempenho",
    target: "entre 50% e 70%",
    weight: 1,
    scale: "percent",
    typical: 0.6,
    spread: 0.12,
  },
  {
    code: "I19",
    name: "Proporção de atendimentos de demanda espontânea",
    area: "Acesso",
    kind: "Monitoramento",
    target: 0.75,
    targetFormat: "0.0%",
    weight: null,
    scale: "percent",
    typical: 0.7,
    spread: 0.1,
  },
  {
    code: "I20",
    name: "Equipes com carga horária completa",
    area: "Acesso",
    kind: "Desempenho",
    target: "100%",
    weight: 1,
    scale: "percent",
    typical: 0.97,
    spread: 0.04,
  },
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
 * Rows go month by month, unit by unit (each named in the last column, Unidade), indicator by indicator, as
 * fiscais fill them.
 * With `formulas`, each row also gets two formulas with no cached result, which a spreadsheet program
 * must calculate on opening: the attainment (`K = G ÷ 0.8`) and a concept (`L = "A"` when K ≥ 1, else
 * `"B"`), headed `Atingimento` and `Conceito`. That is the file LibreOffice converts in `--pares`.
 * @param {string} file
 * @param {number} rows
 * @param {{ formulas?: boolean }} [options]
 * @returns {Promise<void>}
 */
export async function generateWorkbook(file, rows, { formulas = false } = {}) {
  const next = random(rows);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  wb.creator = "Contratualiza bench";
  const ws = wb.addWorksheet(SHEET, { views: [{ state: "frozen", ySplit: HEADER_ROW }] });
  ws.columns = WIDTHS.map((width) => ({ width }));

  const title = ws.getRow(1);
  title.getCell(1).value =
    `Contrato de Gestão nº 001/2025 — Acompanhamento de indicadores — ${rows} linhas (gerado para medir desempenho)`;
  title.getCell(1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, HEADERS.length);
  title.commit();

  const header = ws.getRow(HEADER_ROW);
  (formulas ? [...HEADERS, "Atingimento", "Conceito"] : HEADERS).forEach((text, i) => {
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
      // Each unit is named: rows of one indicator and month for two units are two results, not a duplicate.
      const unit = `UBS ${String(Math.floor(i / INDICATORS.length) + 1).padStart(4, "0")}`;
      writeRow(ws.getRow(r), INDICATORS[i % INDICATORS.length], month, next, unit, formulas);
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
 * @param {string} [unit]  The unit's name, when the table has several.
 * @param {boolean} [formulas]  Add the two formulas of `generateWorkbook`'s `formulas` option.
 */
function writeRow(row, ind, month, next, unit, formulas = false) {
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
  if (unit) row.getCell(10).value = unit;
  if (formulas) {
    const n = row.number;
    row.getCell(11).value = { formula: `IF(ISNUMBER(G${n}),G${n}/0.8,"")` };
    row.getCell(11).numFmt = "0.0%";
    row.getCell(12).value = { formula: `IF(ISNUMBER(K${n}),IF(K${n}>=1,"A","B"),"")` };
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

// ─── Co-financing (`--cofinanciamento`) ────────────────────────────────────────────────────────────────

export const COFIN_SHEET = "Equipes";
export const COFIN_HEADER_ROW = 3;
export const COFIN_HEADERS = ["Município", "Nome da equipe", "INE", "Indicador", "Mês", "Resultado"];
const COFIN_WIDTHS = [22, 30, 13, 10, 11, 11];

/** The quality component's indicators, by code as the Ministry's panel writes them. */
const COFIN_CODES = ["C1", "C2", "C3", "C4", "C5", "C6", "C7"];
/** The first four-month period of 2025 (January–April): the pipeline evaluates it as `2025-Q1`. */
const COFIN_MONTHS = MONTHS.slice(0, 4);
/** Rows of one team: every indicator, every month. */
export const COFIN_ROWS_PER_TEAM = COFIN_CODES.length * COFIN_MONTHS.length;

/** Municipalities of Minas Gerais (numbered ones follow when a size needs more). */
const MUNICIPALITIES = [
  "Lavras",
  "Perdões",
  "Nepomuceno",
  "Ribeirão Vermelho",
  "Ijaci",
  "Itumirim",
  "Ingaí",
  "Luminárias",
  "Carrancas",
  "Itutinga",
  "Bom Sucesso",
  "Santo Antônio do Amparo",
  "Campo Belo",
  "Oliveira",
  "São João del-Rei",
  "Barbacena",
  "Varginha",
  "Três Corações",
  "Três Pontas",
  "Boa Esperança",
  "Campos Gerais",
  "Alfenas",
  "Poços de Caldas",
  "Pouso Alegre",
  "Itajubá",
  "Juiz de Fora",
  "Divinópolis",
  "Formiga",
  "Arcos",
  "Pará de Minas",
];
/** Neighbourhoods that name teams; the same names recur from one municipality to the next, as in real lists. */
const NEIGHBOURHOODS = [
  "Centro",
  "Vila Nova",
  "São José",
  "Santa Maria",
  "Jardim América",
  "Nossa Senhora Aparecida",
  "Cruzeiro",
  "Rosário",
  "Santo Antônio",
  "Bela Vista",
  "Esplanada",
  "Serra",
  "Vila Rica",
  "Industrial",
  "Zona Rural",
];

/**
 * The teams of a co-financing workbook of `rows` rows: `ceil(rows / 28)` teams (7 indicators × 4 months
 * each; the last one may be cut short so the total is exact), spread over municipalities of 1 to 31 teams
 * (8 on average, most of them fewer) drawn from the generator. Each team has its own INE (10 digits, leading zeros) and a level of quality
 * that moves all its results, so the classes (Ótimo … Regular) are all represented.
 * @param {number} rows
 * @param {() => number} next
 */
function cofinTeams(rows, next) {
  const count = Math.ceil(rows / COFIN_ROWS_PER_TEAM);
  /** @type {{ municipality: string; name: string; ine: string; quality: number }[]} */
  const teams = [];
  let m = 0;
  while (teams.length < count) {
    const municipality = m < MUNICIPALITIES.length ? MUNICIPALITIES[m] : `Município ${String(m + 1).padStart(3, "0")}`;
    // Mostly small municipalities (a few teams), now and then a large one (up to 31).
    const size = Math.min(count - teams.length, 1 + Math.floor(30 * next() ** 3));
    for (let i = 0; i < size; i++) {
      const kind = i % 5 === 4 ? "eAP" : "ESF";
      const round = Math.floor(i / NEIGHBOURHOODS.length);
      const name = `${kind} ${NEIGHBOURHOODS[i % NEIGHBOURHOODS.length]}${round ? ` ${round + 1}` : ""}`;
      const ine = String(1_000_000 + teams.length * 7919).padStart(10, "0");
      teams.push({ municipality, name, ine, quality: next() });
    }
    m++;
  }
  return { teams, municipalities: m };
}

/**
 * What a co-financing workbook of `rows` rows holds, without writing it: the pipeline's expected figures.
 * @param {number} rows
 * @returns {{ teams: number; municipalities: number; months: number; periods: number }}
 */
export function cofinanciamentoShape(rows) {
  const { teams, municipalities } = cofinTeams(rows, random(rows));
  return { teams: teams.length, municipalities, months: COFIN_MONTHS.length, periods: 1 };
}

/**
 * Writes a co-financing workbook with exactly `rows` rows (plus title and header) to `file`: the long table
 * a coordinator keeps of the quality component, one row per team × indicator × month
 * (`Município | Nome da equipe | INE | Indicador | Mês | Resultado`), no target column, results on the
 * 0–100 scale of the classes. About 3% of the results are empty and 0.5% are `n/d`, as in the contract
 * workbook. Seeded by `rows`: the same size gives the same file.
 * @param {string} file
 * @param {number} rows
 * @returns {Promise<{ teams: number; municipalities: number; months: number; periods: number }>}
 */
export async function generateCofinanciamento(file, rows) {
  const next = random(rows);
  const { teams, municipalities } = cofinTeams(rows, next);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  wb.creator = "Contratualiza bench";
  const ws = wb.addWorksheet(COFIN_SHEET, { views: [{ state: "frozen", ySplit: COFIN_HEADER_ROW }] });
  ws.columns = COFIN_WIDTHS.map((width) => ({ width }));

  const title = ws.getRow(1);
  title.getCell(1).value =
    `Componente de qualidade do cofinanciamento da APS — resultados por equipe, jan a abr/2025 — ${rows} linhas (gerado para medir desempenho)`;
  title.getCell(1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, COFIN_HEADERS.length);
  title.commit();

  const header = ws.getRow(COFIN_HEADER_ROW);
  COFIN_HEADERS.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  });
  header.commit();

  // Team by team, indicator by indicator, month by month, as the panel exports are pasted together.
  let r = COFIN_HEADER_ROW + 1;
  const last = COFIN_HEADER_ROW + rows;
  for (const team of teams) {
    for (const code of COFIN_CODES) {
      // C1 (more access) is best inside 50–70 and is usually lower; C2–C7 are best high.
      const typical = code === "C1" ? 15 + team.quality * 55 : 10 + team.quality * 85;
      const level = Math.min(100, Math.max(0, typical + (next() * 2 - 1) * 12));
      for (const month of COFIN_MONTHS) {
        if (r > last) break;
        const row = ws.getRow(r++);
        row.getCell(1).value = team.municipality;
        row.getCell(2).value = team.name;
        row.getCell(3).value = team.ine;
        row.getCell(4).value = code;
        const monthCell = row.getCell(5);
        monthCell.value = month;
        monthCell.numFmt = "mmm/yyyy";
        const roll = next();
        const result = row.getCell(6);
        if (roll < 0.005) result.value = "n/d";
        else if (roll < 0.035) result.value = null;
        else result.value = Math.round(Math.min(100, Math.max(0, level + (next() * 2 - 1) * 6)) * 10) / 10;
        result.numFmt = "0.0";
        row.commit();
      }
    }
  }
  ws.autoFilter = { from: { row: COFIN_HEADER_ROW, column: 1 }, to: { row: r - 1, column: COFIN_HEADERS.length } };
  ws.commit();
  await wb.commit();
  return { teams: teams.length, municipalities, months: COFIN_MONTHS.length, periods: 1 };
}

// Run directly (`node bench/generate.mjs [--cofinanciamento] <file> <rows>`) it writes one file; run.mjs does
// so in a child.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const cofin = args[0] === "--cofinanciamento";
  const [file, rows] = cofin ? args.slice(1) : args;
  if (cofin) await generateCofinanciamento(file, Number(rows));
  else await generateWorkbook(file, Number(rows));
}
