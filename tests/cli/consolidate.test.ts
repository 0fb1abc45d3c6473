/**
 * `contratualiza consolidar` (src/cli/consolidate.ts) on real files: a folder of generated contract
 * workbooks and a corrupt one, a workbook with one sheet per municipality, SISAB panel exports.
 *
 * The contracts and their hand-worked results are in tests/workbook/consolidation/fixtures.ts:
 *   2025-T1: Lavras 100% (Faixa 1) · Nepomuceno 80% (Faixa 2, I01 not met) · Perdões 60% (Faixa 4, I03)
 *   2025-T2: Perdões 100% (Faixa 1) · Lavras 60% (Faixa 4, I03) · Nepomuceno 60% (Faixa 4, I01 and I04;
 *            ties with Lavras, so by name)
 *
 * Under ts-jest this module is TypeScript, so the command evaluates the files in the test's own thread
 * (there is no JavaScript worker script beside it). The worker pool is tested against the compiled command
 * in lib/ (built by `npm run build:cli`, which `npm test` runs first): once through `workerScript` from
 * here, once by running `node lib/cli/consolidar.js` as a user would.
 */
import { execFileSync } from "child_process";
import crypto from "crypto";
import ExcelJS from "exceljs";
import fs from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";
import { defaultWorkers, parseConsolidarArgs, runConsolidar, type ConsolidarOptions } from "../../src/cli/consolidate";
import { cofinC2C7Bands, contractBands } from "../../src/core/presets/bandTables";
import { addContractSheet, MUNICIPALITIES, writeContract } from "../workbook/consolidation/fixtures";
import { PREVINE_LONG_NAMES, sisabExport, SISAB_HYPERTENSION } from "../workbook/previne";
import { writeSiapsFolder } from "../workbook/siaps";

const root = path.join(__dirname, "..", "..");
const libCommand = path.join(root, "lib", "cli", "consolidate.js");
const libWorker = path.join(root, "lib", "cli", "consolidateWorker.js");

/** Runs the command in-process and collects what it prints. */
async function run(
  argv: string[],
  options: ConsolidarOptions = {},
  tty = false,
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runConsolidar(
    argv,
    { write: (s: string) => (out += s) },
    { isTTY: tty, columns: 100, write: (s: string) => (err += s) },
    options,
  );
  return { code, out, err };
}

const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** Every file of a folder and its hash. */
function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((n) => fs.statSync(path.join(dir, n)).isFile())
      .map((n) => [n, sha(path.join(dir, n))]),
  );
}

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** A row's cell values from column A (rich and formula values as ExcelJS gives them). */
function rowValues(ws: ExcelJS.Worksheet, row: number, cols: number): unknown[] {
  return Array.from({ length: cols }, (_, c) => ws.getCell(row, c + 1).value);
}

const BAND_ARGB = Object.fromEntries(contractBands.bands.map((b) => [b.number, `FF${b.color!.slice(1)}`]));

let base: string;
beforeAll(() => (base = fs.mkdtempSync(path.join(os.tmpdir(), "ctz-consolidar-"))));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

/** A fresh folder under the test's temp folder. */
function folder(name: string): string {
  const dir = path.join(base, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

describe("a folder of three contracts and a corrupt file", () => {
  let dir: string;
  let before: Record<string, string>;
  let first: { code: number; out: string; err: string };
  beforeAll(async () => {
    dir = folder("regiao");
    for (const m of MUNICIPALITIES) await writeContract(path.join(dir, `${m}.xlsx`), m);
    // Bytes that are not a workbook under a workbook's name.
    fs.writeFileSync(path.join(dir, "corrompido.xlsx"), "PK\u0003\u0004 isto não é uma planilha");
    // Not inputs: an evaluated copy (it would add Lavras twice), Excel's lock file (it would fail), a text.
    fs.copyFileSync(path.join(dir, "Lavras.xlsx"), path.join(dir, "Lavras.avaliado.xlsx"));
    fs.writeFileSync(path.join(dir, "~$Lavras.xlsx"), "lock");
    fs.writeFileSync(path.join(dir, "leia-me.txt"), "notas");
    before = hashes(dir);
    first = await run([dir]);
  });

  test("exit 1 (a file failed), the text report, and consolidado.xlsx in the folder", () => {
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/4 arquivos: 3 avaliados, 1 com falha\./);
    expect(first.out).toMatch(/2 arquivos ignorados/);
    expect(first.out).toMatch(
      /Período 2025-T1 — 3 linhas[^\n]*\n[^\n]*\n +Lavras +100% +Faixa 1 — 100% +0\n +Nepomuceno +80% +Faixa 2[^\n]* +1\n +Perdões +60% +Faixa 4[^\n]* +1\n/,
    );
    expect(first.out).toMatch(/• corrompido\.xlsx: .*corrompido/);
    expect(first.out).toMatch(/Consolidado gravado em .*consolidado\.xlsx/);
    expect(fs.existsSync(path.join(dir, "consolidado.xlsx"))).toBe(true);
  });

  test("the input files' bytes are unchanged", () => {
    const after = hashes(dir);
    delete after["consolidado.xlsx"];
    expect(after).toEqual(before);
  });

  test("the Consolidado sheet read back: rows, order, values and band fills", async () => {
    const book = await readBook(path.join(dir, "consolidado.xlsx"));
    expect(book.worksheets.map((ws) => ws.name)).toEqual(["Consolidado", "Falhas"]);
    const ws = book.getWorksheet("Consolidado")!;
    expect(ws.getCell("A1").value).toBe("Consolidado da avaliação — 3 municípios ou contratos, 4 arquivos");
    expect(rowValues(ws, 5, 9)).toEqual([
      "Município / contrato",
      "Arquivo",
      "Período",
      "Atingimento global",
      "Faixa",
      "Metas não atingidas",
      "Indicadores não atingidos",
      "Avaliação incompleta",
      "Problemas nos dados",
    ]);
    const expected: [string, string, number, number, number, string][] = [
      ["Lavras", "2025-T1", 1, 1, 0, ""],
      ["Nepomuceno", "2025-T1", 0.8, 2, 1, "I01"],
      ["Perdões", "2025-T1", 0.6, 4, 1, "I03"],
      ["Perdões", "2025-T2", 1, 1, 0, ""],
      ["Lavras", "2025-T2", 0.6, 4, 1, "I03"],
      ["Nepomuceno", "2025-T2", 0.6, 4, 2, "I01, I04"],
    ];
    expected.forEach(([name, period, attainment, band, missed, codes], i) => {
      const row = 6 + i;
      expect(ws.getCell(row, 1).value).toBe(name);
      expect(ws.getCell(row, 2).value).toBe(`${name}.xlsx`);
      expect(ws.getCell(row, 3).value).toBe(period);
      expect(ws.getCell(row, 4).value).toBeCloseTo(attainment, 12);
      expect(ws.getCell(row, 4).numFmt).toBe("0.0%");
      expect(String(ws.getCell(row, 5).value)).toMatch(new RegExp(`^Faixa ${band} — `));
      expect(ws.getCell(row, 5).fill).toMatchObject({
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: BAND_ARGB[band] },
      });
      expect(ws.getCell(row, 6).value).toBe(missed);
      expect(ws.getCell(row, 7).value ?? "").toBe(codes);
      expect(ws.getCell(row, 8).value).toBe("Não");
      expect(ws.getCell(row, 9).value).toBe(0);
    });
    expect(ws.getCell(12, 1).value).toBeNull();
  });

  test("the Falhas sheet names the corrupt file and why", async () => {
    const ws = (await readBook(path.join(dir, "consolidado.xlsx"))).getWorksheet("Falhas")!;
    expect(ws.getCell("A1").value).toBe("Arquivos que não puderam ser avaliados (1)");
    expect(rowValues(ws, 3, 2)).toEqual(["Arquivo", "Motivo"]);
    expect(ws.getCell("A4").value).toBe("corrompido.xlsx");
    expect(String(ws.getCell("B4").value)).toMatch(/corrompido\.xlsx.*corrompido ou não é uma pasta de trabalho/);
    expect(ws.getCell("A5").value).toBeNull();
  });

  test("the chart part is in the package, over the latest quarter's rows", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, "consolidado.xlsx")));
    const chart = await zip.file("xl/charts/chart1.xml")?.async("string");
    expect(chart).toBeDefined();
    expect(chart).toContain("<c:barChart>");
    expect(chart).toContain("'Consolidado'!$A$9:$A$11");
    expect(chart).toContain("'Consolidado'!$D$9:$D$11");
    expect(chart).toContain("Atingimento global por município — 2º trimestre de 2025 (2025-T2)");
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(1);
  });

  test("--json: rows in order, failures with their reason, skipped files; run again, the output is skipped too", async () => {
    const { code, out } = await run([dir, "--json", "--sem-arquivo"]);
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ entrada: dir, arquivoConsolidado: null, arquivos: 4, avaliados: 3 });
    // consolidado.xlsx, written by the first run, is not an input.
    expect(json.ignorados).toEqual(["~$Lavras.xlsx", "consolidado.xlsx", "Lavras.avaliado.xlsx"]);
    expect(
      json.linhas.map(
        (l: { municipio: string; periodo: string; atingimentoGlobal: number; faixa: { numero: number } }) => [
          l.municipio,
          l.periodo,
          l.atingimentoGlobal,
          l.faixa.numero,
        ],
      ),
    ).toEqual([
      ["Lavras", "2025-T1", 1, 1],
      ["Nepomuceno", "2025-T1", 0.8, 2],
      ["Perdões", "2025-T1", 0.6, 4],
      ["Perdões", "2025-T2", 1, 1],
      ["Lavras", "2025-T2", 0.6, 4],
      ["Nepomuceno", "2025-T2", 0.6, 4],
    ]);
    expect(json.linhas[5]).toMatchObject({
      arquivo: "Nepomuceno.xlsx",
      metasNaoAtingidas: 2,
      indicadoresNaoAtingidos: [
        { codigo: "I01", justificativa: null },
        { codigo: "I04", justificativa: null },
      ],
      avaliacaoIncompleta: false,
      problemas: 0,
    });
    expect(json.falhas).toEqual([{ arquivo: "corrompido.xlsx", motivo: expect.stringMatching(/corrompido/) }]);
  });

  test("--periodo keeps one quarter; --saida elsewhere", async () => {
    const out = path.join(folder("saidas"), "t1.xlsx");
    const { code, out: text } = await run([dir, "--periodo", "2025-T1", "--saida", out, "--json"]);
    expect(code).toBe(1);
    const json = JSON.parse(text);
    expect(json.arquivoConsolidado).toBe(out);
    expect(json.linhas.map((l: { municipio: string; periodo: string }) => `${l.municipio} ${l.periodo}`)).toEqual([
      "Lavras 2025-T1",
      "Nepomuceno 2025-T1",
      "Perdões 2025-T1",
    ]);
    const ws = (await readBook(out)).getWorksheet("Consolidado")!;
    expect(ws.getCell("A8").value).toBe("Perdões");
  });

  test("a progress line on a terminal (stderr), none when piped", async () => {
    const tty = await run([dir, "--sem-arquivo"], {}, true);
    expect(tty.err).toMatch(/Avaliando 4 de 4 arquivos… \[#+\] 100%/);
    const piped = await run([dir, "--sem-arquivo"]);
    expect(piped.err).toBe("");
  });
});

describe("exit codes and arguments", () => {
  test("0 when every file is evaluated without problems", async () => {
    const dir = folder("boa");
    await writeContract(path.join(dir, "Lavras.xlsx"), "Lavras");
    const { code, out } = await run([dir, "--sem-arquivo"]);
    expect(code).toBe(0);
    expect(out).toMatch(/1 arquivo: 1 avaliado\./);
  });

  test("2 when nothing could be evaluated: no consolidated file", async () => {
    const dir = folder("ruim");
    fs.writeFileSync(path.join(dir, "a.xlsx"), "isto não é uma planilha");
    const notes = path.join(dir, "b.csv");
    fs.writeFileSync(notes, "apenas;um;texto\n1;2;3\n");
    const { code, out, err } = await run([dir]);
    expect(code).toBe(2);
    expect(out).toMatch(/• a\.xlsx: /);
    expect(out).toMatch(/• b\.csv: Nenhuma tabela de indicadores encontrada/);
    expect(err).toMatch(/Nenhum arquivo pôde ser avaliado/);
    expect(fs.existsSync(path.join(dir, "consolidado.xlsx"))).toBe(false);
  });

  test("2 for an empty folder, a missing path and bad arguments", async () => {
    const empty = await run([folder("vazia")]);
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/não tem pastas de trabalho a consolidar/);
    const missing = await run([path.join(base, "nao-existe")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/Não foi encontrada a pasta ou o arquivo .*nao-existe/);
    expect((await run([])).code).toBe(2);
    expect((await run(["a", "--paralelo", "0"])).err).toMatch(/--paralelo/);
    expect((await run(["a", "--saida", "x.csv"])).err).toMatch(/\.xlsx/);
    expect((await run(["a", "b"])).err).toMatch(/Argumento a mais/);
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Uso: contratualiza consolidar/);
  });

  test("the arguments", () => {
    expect(
      parseConsolidarArgs([
        "pasta",
        "--periodo=2025-T1",
        "--predefinicao",
        "previne",
        "--metodo",
        "media",
        "--paralelo",
        "2",
        "--json",
      ]),
    ).toMatchObject({
      command: "consolidar",
      input: "pasta",
      period: { label: "2025-T1" },
      preset: "previne",
      method: "meanAttainment",
      parallel: 2,
      json: true,
      noOutput: false,
    });
    expect(parseConsolidarArgs(["pasta", "--opcao"])).toMatchObject({
      command: "erro",
      message: expect.stringMatching(/--opcao/),
    });
  });
});

describe("one workbook with one sheet per municipality", () => {
  test("each sheet is a row per quarter, named by the sheet; the output goes beside the file", async () => {
    const dir = folder("planilhas");
    const file = path.join(dir, "regiao.xlsx");
    const excel = new ExcelJS.Workbook();
    for (const m of MUNICIPALITIES) addContractSheet(excel, m, m);
    await excel.xlsx.writeFile(file);
    const before = sha(file);
    const { code, out } = await run([file, "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.arquivoConsolidado).toBe(path.join(dir, "regiao.consolidado.xlsx"));
    expect(
      json.linhas.map(
        (l: { municipio: string; periodo: string; arquivo: string }) => `${l.periodo} ${l.municipio} ${l.arquivo}`,
      ),
    ).toEqual([
      "2025-T1 Lavras regiao.xlsx",
      "2025-T1 Nepomuceno regiao.xlsx",
      "2025-T1 Perdões regiao.xlsx",
      "2025-T2 Perdões regiao.xlsx",
      "2025-T2 Lavras regiao.xlsx",
      "2025-T2 Nepomuceno regiao.xlsx",
    ]);
    expect(sha(file)).toBe(before);
  });
});

describe("SISAB panel exports (Previne Brasil)", () => {
  // tests/workbook/previne.ts: hypertension (indicator 6, meta 50%, peso 2) for Tiradentes 40/55/25,
  // São João del-Rei 50/—/45 and Barroso 0/20/60 (%) in 2022 Q1/Q2/Q3. ISF = nota = min(10; 10 × r / 50%).
  test("one export: a row per municipality and four-month period, with its ISF", async () => {
    const dir = folder("painel");
    const file = path.join(dir, "painel-hipertensao.csv");
    fs.writeFileSync(file, Buffer.from(SISAB_HYPERTENSION, "latin1"));
    const { code, out } = await run([file, "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.arquivoConsolidado).toBe(path.join(dir, "painel-hipertensao.consolidado.xlsx"));
    // One of Previne's seven indicators: each value is an ISF parcial (1 de 7), never under the key `isf`.
    expect(json.linhas.every((l: object) => !("isf" in l))).toBe(true);
    const isf = json.linhas.map(
      (l: { periodo: string; municipio: string; ibge: string; isfParcial: number | null }) => [
        l.periodo,
        l.municipio,
        l.ibge,
        l.isfParcial === null ? null : Number(l.isfParcial.toFixed(9)),
      ],
    );
    expect(isf).toEqual([
      ["2022-Q1", "São João del-Rei", "316250", 10],
      ["2022-Q1", "Tiradentes", "316990", 8],
      ["2022-Q1", "Barroso", "310560", 0],
      ["2022-Q2", "Tiradentes", "316990", 10],
      ["2022-Q2", "Barroso", "310560", 4],
      ["2022-Q2", "São João del-Rei", "316250", null],
      ["2022-Q3", "Barroso", "310560", 10],
      ["2022-Q3", "São João del-Rei", "316250", 9],
      ["2022-Q3", "Tiradentes", "316990", 5],
    ]);
    expect(json.linhas[5]).toMatchObject({ predefinicao: "previne", avaliacaoIncompleta: true, faixa: null });
    const ws = (await readBook(json.arquivoConsolidado)).getWorksheet("Consolidado")!;
    expect(rowValues(ws, 5, 6)).toEqual([
      "Município / contrato",
      "IBGE",
      "Arquivo",
      "Período",
      "ISF parcial (1 de 7 indicadores) (0 a 10)",
      "Indicadores sem resultado",
    ]);
    expect(rowValues(ws, 6, 6)).toEqual([
      "São João del-Rei",
      "316250",
      "painel-hipertensao.csv",
      "2022-Q1",
      10,
      "ISF parcial (1 de 7): faltam 1, 2, 3, 4, 5, 7",
    ]);
    // The text: the partial ISF on the 0–10 scale (named once, in the column), no band column (Previne Brasil has no bands).
    const text = (await run([file, "--sem-arquivo"])).out;
    expect(text).toMatch(
      /Período 2022-Q1 — 3 linhas[^\n]*\n +Município \/ contrato +ISF parcial \(1 de 7 indicadores\) +Não atingidas\n +São João del-Rei +10,00 +0\n +Tiradentes +8,00 +1\n/,
    );
    expect(text).toMatch(/São João del-Rei +— +0 +\(avaliação incompleta\)/);
    expect(text).not.toMatch(/Faixa/);
  });

  test("several exports in a folder are evaluated together: the ISF over all their indicators", async () => {
    const dir = folder("paineis");
    fs.writeFileSync(path.join(dir, "painel-hipertensao.csv"), Buffer.from(SISAB_HYPERTENSION, "latin1"));
    // Indicator 7 (diabetes; meta 50%, peso 1), 2022 Q1 only: Tiradentes 25% → nota 5; São João del-Rei 50% → 10;
    // Barroso 50% → 10. Q1 ISF = (2 × nota 6 + 1 × nota 7) / 3:
    //   Tiradentes (2 × 8 + 5) / 3 = 7;  São João del-Rei (2 × 10 + 10) / 3 = 10;  Barroso (2 × 0 + 10) / 3 = 3,333…
    const diabetes = sisabExport(
      PREVINE_LONG_NAMES[6],
      [
        ["316990", "Tiradentes", 25],
        ["316250", "São João del-Rei", 50],
        ["310560", "Barroso", 50],
      ],
      ["2022 Q1"],
    );
    fs.writeFileSync(path.join(dir, "painel-diabetes.csv"), Buffer.from(diabetes, "latin1"));
    const { code, out } = await run([dir, "--json", "--periodo", "2022-Q1"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.avaliados).toBe(2);
    // Two of the seven indicators: an ISF parcial (2 de 7).
    expect(
      json.linhas.every(
        (l: { valorGlobal: { nome: string } }) => l.valorGlobal.nome === "ISF parcial (2 de 7 indicadores)",
      ),
    ).toBe(true);
    expect(
      json.linhas.map((l: { municipio: string; isfParcial: number; arquivo: string }) => [
        l.municipio,
        Number(l.isfParcial.toFixed(9)),
        l.arquivo,
      ]),
    ).toEqual([
      ["São João del-Rei", 10, "painel-diabetes.csv, painel-hipertensao.csv"],
      ["Tiradentes", 7, "painel-diabetes.csv, painel-hipertensao.csv"],
      ["Barroso", Number((10 / 3).toFixed(9)), "painel-diabetes.csv, painel-hipertensao.csv"],
    ]);
  });
});

describe("SIAPS exports of one municipality, as downloaded", () => {
  // tests/workbook/siaps.ts: C1–C7 of May and June 2026 for ESF CENTRO and ESF JARDIM (no C6), Latin-1 and
  // UTF-8 CSV and one workbook, rows longer than the header, June's C2 class of ESF CENTRO wrong ("Bom" for
  // 90, which is Ótimo), plus an oral-health (eSB) and a Vínculo export. Hand-worked there:
  //   ESF CENTRO C1 Bom · C2 Ótimo · C3 Ótimo · C4 Suficiente · C5 Regular · C6 Ótimo · C7 Ótimo → 8,50 Ótimo
  //   ESF JARDIM C1 Ótimo · C2 Suficiente · C3 Bom · C4 Regular · C5 Bom · C6 — · C7 Regular → 5,0 over the
  //   ten weights (C6 adds nothing; the weights are never rescaled) = 5,00 Bom, incompleta: falta C6.
  let dir: string;
  let first: { code: number; out: string; err: string };
  beforeAll(async () => {
    dir = folder("siaps");
    await writeSiapsFolder(dir);
    first = await run([dir]);
  });

  test("the report: each team's nota final, class and classes of C1–C7; the other components named", () => {
    expect(first.code).toBe(1);
    expect(first.out).toBe(
      [
        `Contratualiza — consolidado de ${dir}`,
        "",
        "16 arquivos: 14 avaliados, 2 com falha.",
        "",
        "Período 2026-Q2 — 2 linhas, do maior para o menor atingimento:",
        "    Município — equipe (INE)                      Nota final  Faixa               Classes",
        // Both incomplete: the folder holds May and June, 2 of the four-month period's 4 months (50% > 20%).
        "    SÃO SEBASTIÃO — ESF CENTRO (INE 0000123456)         8,50  Ótimo (provisória)  B Ó Ó S R Ó Ó  (avaliação incompleta; 1 problema nos dados)",
        // JARDIM: 5,00 over the ten weights, incompleta for its missing C6 (see above).
        "    SÃO SEBASTIÃO — ESF JARDIM (INE 0000654321)         5,00  Bom (provisória)    Ó S B R B – R  (incompleta: falta C6)",
        "    Classes de C1 a C7, nesta ordem: Ó Ótimo, B Bom, S Suficiente, R Regular, – sem dado.",
        "",
        "Arquivos que não puderam ser avaliados (2):",
        "  • B1_JUN-26.csv: Planilha “B1_JUN-26”: exportação do SIAPS da saúde bucal (equipes eSB), indicador “B1 - Primeira consulta odontológica programática”: " +
          "não avaliado por estas regras. O Contratualiza avalia, do SIAPS, só os indicadores C1 a C7 das equipes eSF e eAP (componente de qualidade do cofinanciamento).",
        "  • Vinculo_JUN-26.csv: Planilha “Vinculo_JUN-26”: exportação do SIAPS do componente Vínculo e Acompanhamento Territorial: não avaliado por estas regras. " +
          "O Contratualiza avalia, do SIAPS, só os indicadores C1 a C7 das equipes eSF e eAP (componente de qualidade do cofinanciamento).",
        "",
        "1 linha tem problemas nos dados; use “contratualiza avaliar <arquivo>” para ver cada um, com a planilha e a célula.",
        "",
        `Consolidado gravado em ${path.join(dir, "consolidado.xlsx")} (planilhas Consolidado e Falhas). Os arquivos de entrada não foram alterados.`,
        "",
      ].join("\n"),
    );
  });

  test("the Consolidado sheet: a column per indicator with the team's class, filled with the class's colour", async () => {
    const book = await readBook(path.join(dir, "consolidado.xlsx"));
    const ws = book.getWorksheet("Consolidado")!;
    expect(ws.getCell("A1").value).toBe("Consolidado da avaliação — 2 equipes, 16 arquivos");
    expect(rowValues(ws, 5, 17)).toEqual([
      "Município — equipe (INE)",
      "Arquivo",
      "Período",
      "Nota final (0 a 10)",
      "Faixa",
      "Indicadores sem resultado",
      "C1",
      "C2",
      "C3",
      "C4",
      "C5",
      "C6",
      "C7",
      "Metas não atingidas",
      "Indicadores não atingidos",
      "Avaliação incompleta",
      "Problemas nos dados",
    ]);
    const files = "14 arquivos (C1_JUN-26.csv … C7_MAI-26.csv)";
    expect(rowValues(ws, 6, 17)).toEqual([
      "SÃO SEBASTIÃO — ESF CENTRO (INE 0000123456)",
      files,
      "2026-Q2",
      8.5,
      "Ótimo (provisória)",
      "",
      "Bom",
      "Ótimo",
      "Ótimo",
      "Suficiente",
      "Regular",
      "Ótimo",
      "Ótimo",
      0,
      "",
      "Sim",
      1,
    ]);
    const jardim = rowValues(ws, 7, 17);
    expect(jardim.slice(0, 3)).toEqual(["SÃO SEBASTIÃO — ESF JARDIM (INE 0000654321)", files, "2026-Q2"]);
    expect(jardim.slice(4)).toEqual([
      "Bom (provisória)",
      "incompleta: falta C6",
      "Ótimo",
      "Suficiente",
      "Bom",
      "Regular",
      "Bom",
      "—",
      "Regular",
      0,
      "",
      "Sim",
      0,
    ]);
    const fill = (cell: string) => (ws.getCell(cell).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    const cofinFill = (label: string) => `FF${cofinC2C7Bands.bands.find((b) => b.label === label)!.color!.slice(1)}`;
    // C1 … C7 from G (F holds the indicators without result).
    expect([fill("G6"), fill("H6"), fill("J6"), fill("K6")]).toEqual([
      cofinFill("Bom"),
      cofinFill("Ótimo"),
      cofinFill("Suficiente"),
      cofinFill("Regular"),
    ]);
    const failures = book.getWorksheet("Falhas")!;
    expect([failures.getCell("A4").value, failures.getCell("A5").value]).toEqual([
      "B1_JUN-26.csv",
      "Vinculo_JUN-26.csv",
    ]);
    expect(String(failures.getCell("B5").value)).toContain(
      "componente Vínculo e Acompanhamento Territorial: não avaliado por estas regras",
    );
  });

  test("the JSON: each team's classes, and the same through the compiled worker pool", async () => {
    const { out } = await run([dir, "--json", "--sem-arquivo"]);
    const json = JSON.parse(out);
    expect(
      json.linhas.map((l: { municipio: string; classes: { codigo: string; classe: string | null }[] }) => [
        l.municipio,
        l.classes.map((c) => `${c.codigo} ${c.classe}`),
      ]),
    ).toEqual([
      [
        "SÃO SEBASTIÃO — ESF CENTRO (INE 0000123456)",
        ["C1 Bom", "C2 Ótimo", "C3 Ótimo", "C4 Suficiente", "C5 Regular", "C6 Ótimo", "C7 Ótimo"],
      ],
      [
        "SÃO SEBASTIÃO — ESF JARDIM (INE 0000654321)",
        ["C1 Ótimo", "C2 Suficiente", "C3 Bom", "C4 Regular", "C5 Bom", "C7 Regular"],
      ],
    ]);
    // C1 of ESF CENTRO: (45 + 55) / 2 = 50, the mean of the months.
    expect(json.linhas[0].classes[0]).toEqual({ codigo: "C1", resultado: 50, classe: "Bom" });
    if (!fs.existsSync(libWorker))
      throw new Error(`${libWorker} is missing: run \`npm run build:cli\` first (npm test does it).`);
    const pooled = await run([dir, "--json", "--sem-arquivo", "--paralelo", "2"], { workerScript: libWorker });
    expect(JSON.parse(pooled.out)).toEqual(json);
  });
});

describe("the worker pool", () => {
  let dir: string;
  let inProcess: unknown;
  beforeAll(async () => {
    dir = folder("pool");
    for (const m of MUNICIPALITIES) await writeContract(path.join(dir, `${m}.xlsx`), m);
    fs.writeFileSync(path.join(dir, "corrompido.xlsx"), "isto não é uma planilha");
    inProcess = JSON.parse((await run([dir, "--json", "--sem-arquivo"], { workerScript: null })).out);
  });

  const requireLib = () => {
    if (!fs.existsSync(libWorker) || !fs.existsSync(libCommand))
      throw new Error(`${libWorker} is missing: run \`npm run build:cli\` first (npm test does it).`);
  };

  test("the compiled worker, two at a time, gives what the in-process path gives", async () => {
    requireLib();
    const { code, out } = await run([dir, "--json", "--sem-arquivo", "--paralelo", "2"], { workerScript: libWorker });
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual(inProcess);
  });

  test("the installed command (node lib/cli/consolidar.js) runs the pool and writes the workbook", async () => {
    requireLib();
    const output = path.join(folder("pool-saida"), "regiao.xlsx");
    let stdout = "";
    let status = 0;
    try {
      stdout = execFileSync(process.execPath, [libCommand, dir, "--json", "--paralelo", "2", "--saida", output], {
        encoding: "utf8",
      });
    } catch (e) {
      ({ stdout, status } = e as { stdout: string; status: number });
    }
    expect(status).toBe(1);
    const json = JSON.parse(stdout);
    expect({ ...json, arquivoConsolidado: null }).toEqual(inProcess);
    expect(json.arquivoConsolidado).toBe(output);
    expect((await readBook(output)).getWorksheet("Consolidado")!.getCell("A6").value).toBe("Lavras");
  });

  test("a worker that dies fails its job only, with a message, and the others go on", async () => {
    const script = path.join(folder("worker-quebrado"), "worker.js");
    // A worker that crashes on Nepomuceno's file (an uncaught exception ends the thread) and answers the
    // others with a made-up failure; one worker, so the crash happens in the middle of the queue.
    fs.writeFileSync(
      script,
      `const { parentPort } = require("worker_threads");
       parentPort.on("message", (job) => {
         if (job.files[0].source === "Nepomuceno.xlsx") throw new Error("falha simulada");
         parentPort.postMessage({ id: job.id, kind: "failed", failure: { source: job.files[0].source, message: "ok" } });
       });`,
    );
    const { out } = await run([dir, "--json", "--sem-arquivo", "--paralelo", "1"], { workerScript: script });
    const json = JSON.parse(out);
    expect(json.falhas).toEqual([
      { arquivo: "corrompido.xlsx", motivo: "ok" },
      { arquivo: "Lavras.xlsx", motivo: "ok" },
      {
        arquivo: "Nepomuceno.xlsx",
        motivo: expect.stringMatching(/^Erro inesperado do Contratualiza .*: falha simulada$/),
      },
      { arquivo: "Perdões.xlsx", motivo: "ok" },
    ]);
  });
});

describe("the number of workers when --paralelo is not given", () => {
  afterEach(() => jest.restoreAllMocks());

  it("is one per core but one (the main thread and each worker's compiling need a core), and never none", () => {
    // 2 cores → 1 worker (measured faster than 2 on two cores), 8 → 7, 1 → still 1.
    for (const [cores, workers] of [
      [2, 1],
      [8, 7],
      [1, 1],
    ]) {
      jest.spyOn(os, "availableParallelism").mockReturnValue(cores);
      expect(defaultWorkers()).toBe(workers);
    }
  });
});
