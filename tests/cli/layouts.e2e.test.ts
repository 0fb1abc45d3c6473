/**
 * `contratualiza avaliar` end to end, one real .xlsx per table layout: the workbook is written with ExcelJS
 * into a temp dir (one of them then saved by LibreOffice), the command runs in-process with `--saida` (and
 * `--json`), and the evaluated copy is read back with ExcelJS. For each layout: where the owned columns
 * went and what they say on every row, the conditional-format rules, the summary sheet's overall figure
 * and band, the planted bad cell located in the JSON, the input's bytes untouched, and a second run giving
 * the same cells.
 *
 * Rules used below: the contract instrument's preset under the strict rule (`--regra todos-os-meses`), which
 * the layouts' figures were worked out for (the default rule is checked case by case in trust.e2e.test.ts):
 * attainment = result ÷ target (at least), capped at 100%; a month is A when result ≥ target; the quarter
 * of an indicator is A only if every month with a readable result is A, its attainment the mean of the
 * months'; overall = share of indicators A; bands 100 / 80 / 70 / 60 / 50.
 * An unreadable result (`n/d`) is "Inválido": left out of the quarter, reported with its cell.
 */
import { createHash } from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/index";
import { convertWithLibreOffice, soffice } from "../support/libreoffice";
import { HYPERTENSION_TITLE } from "../workbook/previne";

jest.setTimeout(60_000);

let root: string;
beforeAll(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), "ctz-layouts-"))));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

type Cell = string | number | null | undefined;

interface ProblemJson {
  planilha: string | null;
  celula: string | null;
  mensagem: string;
}

interface PeriodJson {
  periodo: string;
  atingimentoGlobal: number | null;
  isf?: number | null;
  isfParcial?: number | null;
  faixa: { numero: number | null; rotulo: string } | null;
  indicadores: { indicador: string; conceito: string | null; atingimento: number | null }[];
  problemas: ProblemJson[];
  municipios?: { municipio: string; isf?: number | null; isfParcial?: number | null }[];
}

interface ReportJson {
  arquivoAvaliado: string;
  predefinicaoEscolhida: { id: string } | null;
  tabelas: { planilha: string; planilhas: string[]; intervalo: string; formato: string; linhas: number }[];
  periodos: PeriodJson[];
  problemas: ProblemJson[];
}

interface Evaluated {
  code: number;
  json: ReportJson;
  /** The evaluated copy of the first run, as ExcelJS reads it. */
  out: ExcelJS.Workbook;
  /** Every cell value of both runs' copies, by `sheet!A1`. */
  first: Record<string, unknown>;
  second: Record<string, unknown>;
  hashBefore: string;
  hashAfter: string;
}

async function runMain(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  return { code, out, err };
}

/** Every non-empty cell value of a workbook file, keyed `sheet!A1`. */
async function cellValues(file: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const values: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        values[`${ws.name}!${cell.address}`] = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
      }),
    );
  }
  return values;
}

/** Runs the command twice on `input` (the first time with --json), and reads both copies back. */
async function evaluateTwice(input: string): Promise<Evaluated> {
  const dir = path.dirname(input);
  const hashBefore = sha256(input);
  const firstOut = path.join(dir, "out.xlsx");
  const secondOut = path.join(dir, "out-2.xlsx");
  const first = await runMain(["avaliar", input, "--saida", firstOut, "--json", "--regra", "todos-os-meses"]);
  expect(first.err).toBe("");
  const second = await runMain(["avaliar", input, "--saida", secondOut, "--regra", "todos-os-meses"]);
  expect(second.code).toBe(first.code);
  const out = new ExcelJS.Workbook();
  await out.xlsx.readFile(firstOut);
  return {
    code: first.code,
    json: JSON.parse(first.out) as ReportJson,
    out,
    first: await cellValues(firstOut),
    second: await cellValues(secondOut),
    hashBefore,
    hashAfter: sha256(input),
  };
}

/** A fresh folder for one layout's input and outputs. */
function layoutDir(name: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} in ${wb.worksheets.map((w) => w.name).join(", ")}`);
  return ws;
}

/** Plain values of a cell range's cells, row by row (`[["A", 1], …]`). */
function block(ws: ExcelJS.Worksheet, first: string, last: string): Cell[][] {
  const a = ws.getCell(first);
  const b = ws.getCell(last);
  const rows: Cell[][] = [];
  for (let r = Number(a.row); r <= Number(b.row); r++) {
    const line: Cell[] = [];
    for (let c = Number(a.col); c <= Number(b.col); c++) line.push(ws.getCell(r, c).value as Cell);
    rows.push(line);
  }
  return rows;
}

/** Rounds numbers to 9 decimals, so hand-computed fractions compare with `toEqual`. */
function rounded(rows: Cell[][]): Cell[][] {
  return rows.map((row) => row.map((v) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v)));
}

interface CfRule {
  type: string;
  formulae?: string[];
  style?: { fill?: { bgColor?: { argb?: string } } };
}

/** The sheet's conditional formats as [ref, formula, fill]; every one must be a single expression rule. */
function rulesOf(ws: ExcelJS.Worksheet): [string, string, string | undefined][] {
  const formats = (ws as unknown as { conditionalFormattings: { ref: string; rules: CfRule[] }[] })
    .conditionalFormattings;
  for (const cf of formats) {
    expect(cf.rules).toHaveLength(1);
    expect(cf.rules[0].type).toBe("expression");
  }
  return formats.map((cf) => [cf.ref, cf.rules[0].formulae?.[0] ?? "", cf.rules[0].style?.fill?.bgColor?.argb]);
}

/**
 * The six rules the plan gives one block of owned columns (plan/owned.ts), first match wins: monitoring
 * grey, justified amber, A green, B red, Inválido purple, Sem dado (font only, no fill). `concept` is the
 * concept column's first cell (`$G5`), `ref` the areas (owned block, then the results it describes).
 */
function expectedRules(ref: string, concept: string): [string, string, string | undefined][] {
  return [
    [ref, `ISNUMBER(SEARCH("monitoramento",${concept}))`, "FFE7E6E6"],
    [ref, `ISNUMBER(SEARCH("justificado",${concept}))`, "FFFFEB9C"],
    [ref, `${concept}="A"`, "FFC6EFCE"],
    [ref, `${concept}="B"`, "FFFFC7CE"],
    [ref, `${concept}="Inválido"`, "FFE4D7F5"],
    [ref, `${concept}="Sem dado"`, undefined],
  ];
}

/** The value in column C of the summary row whose column A holds `label` ("Atingimento global", "Faixa"). */
function summaryValue(ws: ExcelJS.Worksheet, label: string): Cell {
  let found: Cell;
  ws.eachRow((row) => {
    if (found === undefined && row.getCell(1).value === label) found = row.getCell(3).value as Cell;
  });
  if (found === undefined) throw new Error(`no row "${label}" on ${ws.name}`);
  return found;
}

/** The common checks: input untouched, evaluated with problems (exit 1, the planted cell), same cells twice. */
function expectSound(run: Evaluated): void {
  expect(run.hashAfter).toBe(run.hashBefore);
  expect(run.code).toBe(1);
  expect(Object.keys(run.first).length).toBeGreaterThan(20);
  expect(run.second).toEqual(run.first);
}

/** Every problem of every period and of the tables, for finding the planted cell. */
const allProblems = (json: ReportJson): ProblemJson[] => [
  ...json.problemas,
  ...json.periodos.flatMap((p) => p.problemas),
];

describe("long layout: title rows, a merged title, the header on row 4, a footer", () => {
  let run: Evaluated;
  beforeAll(async () => {
    const input = path.join(layoutDir("longo"), "contrato-longo.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Indicadores");
    ws.getCell("A1").value = "PREFEITURA MUNICIPAL DE EXEMPLO";
    ws.mergeCells("A1:E1");
    ws.getCell("A2").value = "Contrato de Gestão nº 01/2025 — Indicadores do 1º trimestre";
    ws.mergeCells("A2:E2");
    ws.getRow(4).values = ["Nº", "Indicador", "Mês", "Meta", "Resultado"];
    const odonto = "Proporção de gestantes com atendimento odontológico";
    const rows: Cell[][] = [
      [1, "Consultas de pré-natal", "jan/2025", 100, 100],
      [1, "Consultas de pré-natal", "fev/2025", 100, 110],
      [1, "Consultas de pré-natal", "mar/2025", 100, 105],
      [2, "Visitas domiciliares", "jan/2025", 500, 500],
      [2, "Visitas domiciliares", "fev/2025", 500, 550],
      // The planted bad cell: E10.
      [2, "Visitas domiciliares", "mar/2025", 500, "n/d"],
      [3, "Grupos de educação em saúde", "jan/2025", 4, 4],
      [3, "Grupos de educação em saúde", "fev/2025", 4, 5],
      [3, "Grupos de educação em saúde", "mar/2025", 4, 3],
      [4, odonto, "jan/2025", "≥ 60%", 0.62],
      [4, odonto, "fev/2025", "≥ 60%", 0.6],
      [4, odonto, "mar/2025", "≥ 60%", 0.66],
    ];
    rows.forEach((r, i) => (ws.getRow(5 + i).values = r));
    for (let r = 14; r <= 16; r++) ws.getCell(`E${r}`).numFmt = "0%";
    // The footer right under the last data row.
    ws.getCell("A17").value = "Fonte: e-SUS APS, competências de janeiro a março de 2025";
    await wb.xlsx.writeFile(input);
    run = await evaluateTwice(input);
  });

  test("the table is found under the titles and ends at the footer", () => {
    expectSound(run);
    // Header row 4 to the last data row 16, columns A–E; 12 rows (4 indicators × 3 months).
    expect(run.json.tabelas).toEqual([
      expect.objectContaining({ planilha: "Indicadores", intervalo: "A4:E16", formato: "long", linhas: 12 }),
    ]);
  });

  test("the owned columns sit right of the table, F:G, titled on the header row, one value per row", () => {
    const ws = sheet(run.out, "Indicadores");
    expect([ws.getCell("F4").value, ws.getCell("G4").value]).toEqual([
      "Atingimento (Contratualiza)",
      "Conceito (Contratualiza)",
    ]);
    // Attainment = result ÷ target, capped at 1:
    // 100/100 = 1 A; 110/100 → 1 A; 105/100 → 1 A;
    // 500/500 = 1 A; 550/500 → 1 A; "n/d" → no attainment, Inválido;
    // 4/4 = 1 A; 5/4 → 1 A; 3/4 = 0,75 B;
    // 62% vs ≥ 60% → 1 A (0,62 with a % format reads as 62%); 60% = 60% → 1 A; 66% → 1 A.
    expect(rounded(block(ws, "F5", "G16"))).toEqual([
      [1, "A"],
      [1, "A"],
      [1, "A"],
      [1, "A"],
      [1, "A"],
      [null, "Inválido"],
      [1, "A"],
      [1, "A"],
      [0.75, "B"],
      [1, "A"],
      [1, "A"],
      [1, "A"],
    ]);
    expect(ws.getCell("F13").numFmt).toBe("0.0%");
    // The footer and the user's cells are untouched; nothing is written under the table.
    expect(ws.getCell("A17").value).toBe("Fonte: e-SUS APS, competências de janeiro a março de 2025");
    expect(ws.getCell("E10").value).toBe("n/d");
    expect([ws.getCell("F17").value, ws.getCell("G17").value]).toEqual([null, null]);
  });

  test("the colour rules cover the owned block and the results, keyed on the concept column", () => {
    expect(rulesOf(sheet(run.out, "Indicadores"))).toEqual(expectedRules("F5:G16 E5:E16", "$G5"));
  });

  test("the summary Resumo 2025-T1: 3 of 4 indicators met → 75% → band 3", () => {
    // Quarter per indicator: pré-natal A (all months A); visitas A (Jan, Feb A; March invalid, left out);
    // grupos B (March 0,75); odontológico A. Share met = 3 / 4 = 75% → 70% ≤ x < 80%: band 3.
    const ws = sheet(run.out, "Resumo 2025-T1");
    expect(summaryValue(ws, "Atingimento global")).toBe(0.75);
    expect(summaryValue(ws, "Faixa")).toBe("Faixa 3 — 70% a 79,9%");
    const [t1] = run.json.periodos;
    expect(t1).toMatchObject({ periodo: "2025-T1", atingimentoGlobal: 0.75, faixa: { numero: 3 } });
    // Grupos: (1 + 1 + 0,75) / 3 = 0,91666…
    const grupos = t1.indicadores.find((i) => i.indicador === "Grupos de educação em saúde")!;
    expect(grupos.conceito).toBe("B");
    expect(grupos.atingimento).toBeCloseTo(2.75 / 3, 12);
  });

  test("the bad cell is reported with its sheet and address", () => {
    expect(allProblems(run.json)).toEqual([
      { planilha: "Indicadores", celula: "E10", mensagem: expect.stringContaining("n/d") },
    ]);
  });
});

describe("wide layout: one row per indicator, a result column per month", () => {
  let run: Evaluated;
  beforeAll(async () => {
    const input = path.join(layoutDir("largo"), "contrato-largo.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Acompanhamento");
    ws.getCell("A1").value = "Acompanhamento mensal dos indicadores — 1º trimestre de 2025";
    ws.mergeCells("A1:F1");
    ws.getRow(2).values = ["Código", "Indicador", "Meta", "Jan/2025", "Fev/2025", "Mar/2025"];
    const rows: Cell[][] = [
      ["SB1", "Média de escovação dental supervisionada", 1.5, 1.2, 1.6, 1.5],
      // The planted bad cell: E4 (February).
      ["SB2", "Primeira consulta odontológica programática", 200, 210, "n/d", 205],
      ["SC1", "Cobertura vacinal de pentavalente", "95%", "96%", "97%", "95%"],
      ["SC2", "Consultas de puericultura", 300, 310, 300, 330],
      ["SM1", "Exames citopatológicos", 150, 160, 155, 170],
    ];
    rows.forEach((r, i) => (ws.getRow(3 + i).values = r));
    await wb.xlsx.writeFile(input);
    run = await evaluateTwice(input);
  });

  test("the table is read as wide, one row per indicator × month", () => {
    expectSound(run);
    expect(run.json.tabelas).toEqual([
      expect.objectContaining({ planilha: "Acompanhamento", intervalo: "A2:F7", formato: "wide", linhas: 15 }),
    ]);
  });

  test("one pair of owned columns per month, G:H Jan, I:J Fev, K:L Mar, titled with the month", () => {
    const ws = sheet(run.out, "Acompanhamento");
    expect(block(ws, "G2", "L2")).toEqual([
      [
        "Atingimento Jan/2025 (Contratualiza)",
        "Conceito Jan/2025 (Contratualiza)",
        "Atingimento Fev/2025 (Contratualiza)",
        "Conceito Fev/2025 (Contratualiza)",
        "Atingimento Mar/2025 (Contratualiza)",
        "Conceito Mar/2025 (Contratualiza)",
      ],
    ]);
    // SB1 1,2/1,5 = 0,8 B; 1,6/1,5 → 1 A; 1,5/1,5 = 1 A.
    // SB2 210/200 → 1 A; "n/d" → Inválido; 205/200 → 1 A.
    // SC1 96%, 97%, 95% against 95% → A A A. SC2 310, 300, 330 against 300 → A A A.
    // SM1 160, 155, 170 against 150 → A A A.
    expect(rounded(block(ws, "G3", "L7"))).toEqual([
      [0.8, "B", 1, "A", 1, "A"],
      [1, "A", null, "Inválido", 1, "A"],
      [1, "A", 1, "A", 1, "A"],
      [1, "A", 1, "A", 1, "A"],
      [1, "A", 1, "A", 1, "A"],
    ]);
  });

  test("each month's block has its own rules, over its owned pair and its result column", () => {
    expect(rulesOf(sheet(run.out, "Acompanhamento"))).toEqual([
      ...expectedRules("G3:H7 D3:D7", "$H3"),
      ...expectedRules("I3:J7 E3:E7", "$J3"),
      ...expectedRules("K3:L7 F3:F7", "$L3"),
    ]);
  });

  test("the summary Resumo 2025-T1: 4 of 5 met → 80% → band 2", () => {
    // SB1 is B (January 0,8); SB2 A (February invalid, left out); SC1, SC2, SM1 A. 4 / 5 = 80% → band 2.
    const ws = sheet(run.out, "Resumo 2025-T1");
    expect(summaryValue(ws, "Atingimento global")).toBe(0.8);
    expect(summaryValue(ws, "Faixa")).toBe("Faixa 2 — 80% a 99,9%");
    const sb1 = run.json.periodos[0].indicadores.find((i) => i.indicador.startsWith("Média de escovação"))!;
    // (0,8 + 1 + 1) / 3 = 0,9333…
    expect(sb1.atingimento).toBeCloseTo(2.8 / 3, 12);
  });

  test("the bad cell is reported with its sheet and address", () => {
    expect(allProblems(run.json)).toEqual([
      { planilha: "Acompanhamento", celula: "E4", mensagem: expect.stringContaining("n/d") },
    ]);
  });
});

describe("one sheet per period: Jan 2025, Fev 2025, Mar 2025 with the same table", () => {
  let run: Evaluated;
  beforeAll(async () => {
    const input = path.join(layoutDir("por-mes"), "contrato-por-mes.xlsx");
    const wb = new ExcelJS.Workbook();
    // [Consultas médicas, Visitas domiciliares, Grupos de tabagismo, Atendimentos de enfermagem] per month;
    // the visits' target is written on January's sheet only (carried to the later months).
    const months: [string, Cell[][]][] = [
      [
        "Jan 2025",
        [
          [1000, 950],
          [500, 520],
          [2, 2],
          [800, 820],
        ],
      ],
      [
        "Fev 2025",
        [
          [1000, 1020],
          [null, 480],
          [2, 2],
          [800, 850],
        ],
      ],
      [
        "Mar 2025",
        [
          [1000, 1000],
          [null, 510],
          // The planted bad cell: Mar 2025!C5.
          [2, "n/d"],
          [800, 900],
        ],
      ],
    ];
    const names = ["Consultas médicas", "Visitas domiciliares", "Grupos de tabagismo", "Atendimentos de enfermagem"];
    for (const [name, values] of months) {
      const ws = wb.addWorksheet(name);
      ws.getCell("A1").value = "Indicadores do mês";
      ws.getRow(2).values = ["Indicador", "Meta", "Resultado"];
      values.forEach(([target, result], i) => (ws.getRow(3 + i).values = [names[i], target, result]));
    }
    await wb.xlsx.writeFile(input);
    run = await evaluateTwice(input);
  });

  test("the three sheets are one table", () => {
    expectSound(run);
    expect(run.json.tabelas).toEqual([
      expect.objectContaining({
        planilha: "Jan 2025",
        planilhas: ["Jan 2025", "Fev 2025", "Mar 2025"],
        formato: "sheetPerPeriod",
        linhas: 12,
      }),
    ]);
  });

  test("each sheet gets its pair of owned columns, D:E, on its header row", () => {
    // Jan: 950/1000 = 0,95 B; 520/500 → 1 A; 2/2 = 1 A; 820/800 → 1 A.
    // Fev: 1020/1000 → 1 A; 480/500 (January's target) = 0,96 B; 2/2 A; 850/800 → 1 A.
    // Mar: 1000/1000 = 1 A; 510/500 → 1 A; "n/d" → Inválido; 900/800 → 1 A.
    const expected: Record<string, Cell[][]> = {
      "Jan 2025": [
        [0.95, "B"],
        [1, "A"],
        [1, "A"],
        [1, "A"],
      ],
      "Fev 2025": [
        [1, "A"],
        [0.96, "B"],
        [1, "A"],
        [1, "A"],
      ],
      "Mar 2025": [
        [1, "A"],
        [1, "A"],
        [null, "Inválido"],
        [1, "A"],
      ],
    };
    for (const [name, values] of Object.entries(expected)) {
      const ws = sheet(run.out, name);
      expect([name, ws.getCell("D2").value, ws.getCell("E2").value]).toEqual([
        name,
        "Atingimento (Contratualiza)",
        "Conceito (Contratualiza)",
      ]);
      expect([name, rounded(block(ws, "D3", "E6"))]).toEqual([name, values]);
      expect([name, rulesOf(ws)]).toEqual([name, expectedRules("D3:E6 C3:C6", "$E3")]);
    }
  });

  test("the summary Resumo 2025-T1: 2 of 4 met → 50% → band 5", () => {
    // Consultas B (January); visitas B (February); grupos A (March invalid, left out); enfermagem A.
    // 2 / 4 = 50% → 50% ≤ x < 60%: band 5.
    const ws = sheet(run.out, "Resumo 2025-T1");
    expect(summaryValue(ws, "Atingimento global")).toBe(0.5);
    expect(summaryValue(ws, "Faixa")).toBe("Faixa 5 — 50% a 59,9%");
    expect(run.json.periodos[0]).toMatchObject({ periodo: "2025-T1", atingimentoGlobal: 0.5, faixa: { numero: 5 } });
  });

  test("the bad cell is reported on its own sheet", () => {
    expect(allProblems(run.json)).toEqual([
      { planilha: "Mar 2025", celula: "C5", mensagem: expect.stringContaining("n/d") },
    ]);
  });
});

describe("a SISAB panel export saved as .xlsx (Previne Brasil)", () => {
  let run: Evaluated;
  beforeAll(async () => {
    const input = path.join(layoutDir("painel"), "painel-hipertensao.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Painel Indicador");
    const titles = [
      "Ministério da Saúde",
      "Secretaria de Atenção Primária à Saúde - SAPS",
      "Sistema de Informação em Saúde para a Atenção Básica - SISAB",
      "Painel Indicador - Previne Brasil",
      "Visão: Municípios",
      "Estado: MG",
      "Municípios: Tiradentes, São João del-Rei, Barroso",
      `Indicador: ${HYPERTENSION_TITLE}`,
      "Dados Preliminares: Dados sujeitos à alteração",
      "Quadrimestre: 2022 Q1, 2022 Q2, 2022 Q3",
    ];
    titles.forEach((t, i) => (ws.getCell(`A${i + 1}`).value = t));
    // Row 11 blank, the header on row 12 (the panel's own spelling "Munícipio"), integer percentages.
    ws.getRow(12).values = ["UF", "IBGE", "Munícipio", "2022 Q1 (%)", "2022 Q2 (%)", "2022 Q3 (%)"];
    ws.getRow(13).values = ["MG", 316990, "Tiradentes", 40, 55, 25];
    ws.getRow(14).values = ["MG", 316250, "São João del-Rei", 50, null, 45];
    // The planted bad cell: E15 (2022 Q2).
    ws.getRow(15).values = ["MG", 310560, "Barroso", 0, "n/d", 60];
    ws.getCell("A18").value = "Fonte: Sistema de Informação em Saúde para a Atenção Básica - SISAB";
    ws.getCell("A19").value = "Dado gerado em: 10/03/2023 - 14:05h";
    await wb.xlsx.writeFile(input);
    run = await evaluateTwice(input);
  });

  test("the panel is found under its title lines, and Previne Brasil is chosen", () => {
    expectSound(run);
    expect(run.json.predefinicaoEscolhida?.id).toBe("previne");
    // 3 municipalities × 3 four-month periods; the footer is not a municipality.
    expect(run.json.tabelas).toEqual([
      expect.objectContaining({ planilha: "Painel Indicador", intervalo: "A12:F15", formato: "panel", linhas: 9 }),
    ]);
  });

  test("one pair of owned columns per period, G:L, with each municipality's attainment", () => {
    const ws = sheet(run.out, "Painel Indicador");
    expect(block(ws, "G12", "L12")).toEqual([
      [
        "Atingimento 2022 Q1 (Contratualiza)",
        "Conceito 2022 Q1 (Contratualiza)",
        "Atingimento 2022 Q2 (Contratualiza)",
        "Conceito 2022 Q2 (Contratualiza)",
        "Atingimento 2022 Q3 (Contratualiza)",
        "Conceito 2022 Q3 (Contratualiza)",
      ],
    ]);
    // Catalogue target 50% (indicator 6); panel integers are percentage points.
    // Tiradentes 40 → 0,8 B; 55 → 1 A (1,1 capped); 25 → 0,5 B.
    // São João del-Rei 50 → 1 A; empty → Sem dado; 45 → 0,9 B.
    // Barroso 0 → 0 B; "n/d" → Inválido; 60 → 1 A.
    expect(rounded(block(ws, "G13", "L15"))).toEqual([
      [0.8, "B", 1, "A", 0.5, "B"],
      [1, "A", null, "Sem dado", 0.9, "B"],
      [0, "B", null, "Inválido", 1, "A"],
    ]);
    expect(ws.getCell("A18").value).toBe("Fonte: Sistema de Informação em Saúde para a Atenção Básica - SISAB");
  });

  test("each period's block has its own rules", () => {
    expect(rulesOf(sheet(run.out, "Painel Indicador"))).toEqual([
      ...expectedRules("G13:H15 D13:D15", "$H13"),
      ...expectedRules("I13:J15 E13:E15", "$J13"),
      ...expectedRules("K13:L15 F13:F15", "$L13"),
    ]);
  });

  test("the summary Resumo 2022-Q1: the pooled ISF parcial 6,00 of the conjunto, and no band in this preset", () => {
    // nota = min(10; 10 × resultado / 50%): Tiradentes 8, São João del-Rei 10, Barroso 0. The pooled
    // figure is their mean: (8 + 10 + 0) / 3 = 6,0 — over one of Previne's seven indicators, so an ISF parcial,
    // of the conjunto of three municipalities. Previne Brasil has no recommendation bands.
    const ws = sheet(run.out, "Resumo 2022-Q1");
    expect(summaryValue(ws, "ISF parcial (1 de 7 indicadores) do conjunto (0 a 10)")).toBeCloseTo(6, 12);
    expect(summaryValue(ws, "Faixa")).toBe("sem faixa nesta regra");
    const [q1] = run.json.periodos;
    expect(q1.periodo).toBe("2022-Q1");
    expect(q1.isfParcial).toBeCloseTo(6, 12);
    expect(q1.isf).toBeUndefined();
    expect(q1.faixa).toBeNull();
    expect(q1.municipios?.map((m) => [m.municipio, m.isfParcial])).toEqual([
      ["Tiradentes", expect.closeTo(8, 12)],
      ["São João del-Rei", 10],
      ["Barroso", 0],
    ]);
  });

  test("the bad cell is reported with its sheet and address", () => {
    expect(allProblems(run.json)).toEqual([
      { planilha: "Painel Indicador", celula: "E15", mensagem: expect.stringContaining("n/d") },
    ]);
    expect(run.json.periodos[1].problemas.map((p) => p.celula)).toEqual(["E15"]);
  });
});

// One LibreOffice conversion only: it takes several seconds.
(soffice ? describe : describe.skip)("a workbook saved by LibreOffice, with an Excel table", () => {
  let run: Evaluated;
  let saved: string;
  beforeAll(async () => {
    const dir = layoutDir("libreoffice");
    const original = path.join(dir, "original", "contrato-lo.xlsx");
    fs.mkdirSync(path.dirname(original), { recursive: true });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Metas");
    ws.getCell("A1").value = "Acompanhamento do contrato de gestão — 2025";
    ws.addTable({
      name: "TabelaMetas",
      ref: "A3",
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: [{ name: "Indicador" }, { name: "Mês" }, { name: "Meta" }, { name: "Resultado" }],
      rows: [
        ["Consultas de pré-natal", "jan/2025", 6, 6],
        ["Consultas de pré-natal", "fev/2025", 6, 5],
        ["Consultas de pré-natal", "mar/2025", 6, 7],
        ["Cobertura vacinal", "jan/2025", 0.95, 0.96],
        ["Cobertura vacinal", "fev/2025", 0.95, 0.97],
        ["Cobertura vacinal", "mar/2025", 0.95, 0.95],
        ["Visitas domiciliares", "jan/2025", 500, 510],
        // The planted bad cell: D11.
        ["Visitas domiciliares", "fev/2025", 500, "n/d"],
        ["Visitas domiciliares", "mar/2025", 500, 530],
      ],
    });
    for (let r = 7; r <= 9; r++) for (const c of ["C", "D"]) ws.getCell(`${c}${r}`).numFmt = "0%";
    await wb.xlsx.writeFile(original);
    saved = await convertWithLibreOffice(original, dir, "xlsx");
    run = await evaluateTwice(saved);
  }, 120_000);

  test("the table LibreOffice saved (without a style) is read and written", async () => {
    expectSound(run);
    // The input really is LibreOffice's: its application property says so, and its table has no style.
    const zip = await JSZip.loadAsync(fs.readFileSync(saved));
    expect(await zip.file("docProps/app.xml")!.async("string")).toMatch(/LibreOffice/);
    expect(await zip.file("xl/tables/table1.xml")!.async("string")).not.toMatch(/tableStyleInfo[^>]*name=/);
    expect(run.json.tabelas).toEqual([
      expect.objectContaining({ planilha: "Metas", intervalo: "A3:D12", formato: "long", linhas: 9 }),
    ]);
    const tables = sheet(run.out, "Metas").getTables() as unknown as { table: { name: string; tableRef: string } }[];
    expect(tables.map((t) => [t.table.name, t.table.tableRef])).toEqual([["TabelaMetas", "A3:D12"]]);
  });

  test("the owned columns E:F beside the table, one value per row", () => {
    const ws = sheet(run.out, "Metas");
    expect([ws.getCell("E3").value, ws.getCell("F3").value]).toEqual([
      "Atingimento (Contratualiza)",
      "Conceito (Contratualiza)",
    ]);
    // Pré-natal 6/6 = 1 A; 5/6 = 0,8333… B; 7/6 → 1 A.
    // Vacinal 96%, 97%, 95% against 95% → A A A. Visitas 510/500 → 1 A; "n/d" Inválido; 530/500 → 1 A.
    expect(rounded(block(ws, "E4", "F12"))).toEqual([
      [1, "A"],
      [Math.round((5 / 6) * 1e9) / 1e9, "B"],
      [1, "A"],
      [1, "A"],
      [1, "A"],
      [1, "A"],
      [1, "A"],
      [null, "Inválido"],
      [1, "A"],
    ]);
    expect(rulesOf(ws)).toEqual(expectedRules("E4:F12 D4:D12", "$F4"));
  });

  test("the summary Resumo 2025-T1: 2 of 3 met → 66,7% → band 4", () => {
    // Pré-natal B (February); vacinal A; visitas A (February invalid, left out): 2 / 3 = 66,67%, rounded to
    // 66,7 → 60% ≤ x < 70%: band 4.
    const ws = sheet(run.out, "Resumo 2025-T1");
    expect(summaryValue(ws, "Atingimento global")).toBeCloseTo(2 / 3, 12);
    expect(summaryValue(ws, "Faixa")).toBe("Faixa 4 — 60% a 69,9%");
    expect(run.json.periodos[0].faixa?.numero).toBe(4);
  });

  test("the bad cell is reported with its sheet and address", () => {
    expect(allProblems(run.json)).toEqual([
      { planilha: "Metas", celula: "D11", mensagem: expect.stringContaining("n/d") },
    ]);
  });
});
