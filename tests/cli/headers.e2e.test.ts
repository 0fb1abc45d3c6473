/**
 * `contratualiza avaliar` on headers as people draw them, and what it says when it cannot evaluate: real
 * .xlsx files written with ExcelJS from the bundled example (tests/support/example.ts), run through
 * the built command (`lib/cli/index.js`, `npm run build:cli`) or `main` in-process.
 *
 * The example's quarter: 9 indicators × 3 months × 2 units = 54 rows; performance weights sum to 10;
 * every indicator is A except I14 (B, justification accepted in full: counts as met) and 1.4 (weight 2,
 * B, accepted in part: half its weight) → overall (10 − 1) / 10 = 90%, Faixa 2.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/index";
import { detectTables } from "../../src/workbook/detect";
import { buildExampleWorkbook, EXAMPLE_HEADERS } from "../support/example";
import { readWorkbookFile } from "../../src/hosts/file/xlsx/read";

jest.setTimeout(30_000);

const bin = path.join(__dirname, "..", "..", "lib", "cli", "index.js");
let dir: string;
beforeAll(() => {
  if (!fs.existsSync(bin)) throw new Error("lib/cli/index.js is missing: run `npm run build:cli` first");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctz-headers-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The example with `edit` applied, written to `name`.xlsx. */
async function exampleFile(name: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = buildExampleWorkbook();
  edit(wb.getWorksheet("Indicadores")!);
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The built command, as a person runs it. */
function command(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

async function inProcess(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  return { code, out, err };
}

/** The mapping JSON written in a message. */
function mappingIn(text: string) {
  const found = /\{ "tabelas".*?\] \}/.exec(text);
  expect(found).not.toBeNull();
  return JSON.parse(found![0]) as {
    tabelas: { planilha: string; linhaCabecalho: number; colunas: Record<string, string> }[];
  };
}

describe("headers as people draw them", () => {
  it("evaluates the example with its header merged down over two rows, and writes the copy", async () => {
    const input = await exampleFile("duas-linhas", (ws) => {
      ws.spliceRows(4, 0, []);
      EXAMPLE_HEADERS.forEach((_, i) => ws.mergeCells(3, i + 1, 4, i + 1));
    });
    const output = path.join(dir, "duas-linhas.avaliado.xlsx");
    const { code, out, err } = await inProcess("avaliar", input, "--saida", output, "--json");
    expect(err).toBe("");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    // The header takes rows 3–4; the data are rows 5–58.
    expect(json.tabelas).toEqual([expect.objectContaining({ intervalo: "A3:N58", linhas: 54, formato: "long" })]);
    expect(json.periodos[0].periodo).toBe("2025-T1");
    expect(json.periodos[0].atingimentoGlobal).toBeCloseTo(0.9, 9);
    expect(json.periodos[0].faixa.numero).toBe(2);
    // The owned columns sit beside the table (O, P) and start on the first data row.
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(output);
    const ws = copy.getWorksheet("Indicadores")!;
    expect(ws.getCell("O3").value).toBe("Atingimento (Contratualiza)");
    expect(ws.getCell("O4").value).toBeNull();
    // Row 5 is I01 at UBS Centro in January: 100% against a target of 100% → A.
    expect(ws.getCell("P5").value).toBe("A");
  });

  it("evaluates the example with a rule of dashes under its header", async () => {
    const input = await exampleFile("tracos", (ws) =>
      ws.spliceRows(
        4,
        0,
        EXAMPLE_HEADERS.map(() => "—"),
      ),
    );
    const { code, out, err } = await inProcess("avaliar", input, "--sem-arquivo", "--json");
    expect(err).toBe("");
    // No problem about the dashes: exit 0, and the same 54 rows and 90%.
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.problemas).toEqual([]);
    expect(json.tabelas[0].linhas).toBe(54);
    expect(json.periodos[0].atingimentoGlobal).toBeCloseTo(0.9, 9);
  });
});

describe("when nothing can be evaluated", () => {
  it("exits 2 with the reason on stderr: the sheet, the header row, the missing column and a mapping that works", async () => {
    const input = await exampleFile("sem-indicador", (ws) => {
      ws.getCell("C3").value = "Ação pactuada";
    });
    const { code, out, err } = command("avaliar", input, "--sem-arquivo");
    expect(code).toBe(2);
    expect(err.length).toBeGreaterThan(0);
    expect(err).toContain(`Nada foi avaliado em “${input}”`);
    expect(err).toContain("Planilha “Indicadores”: o cabeçalho mais provável está na linha 3");
    expect(err).toContain("Falta a coluna do indicador");
    expect(err).toContain("Colunas sem nome conhecido: C “Ação pactuada”.");
    // Said once: the report on stdout leaves the reason to stderr.
    expect(out).toContain("Nenhuma tabela de indicadores encontrada.");
    expect(out).not.toContain("Falta a coluna do indicador");
    // The same words the task pane shows for detection's problem.
    const read = await readWorkbookFile(input);
    if (read.kind !== "workbook") throw new Error(read.message);
    const [problem] = detectTables(read.workbook).problems;
    expect(err).toContain(problem.message);

    // Letters of the example's header: F Meta, J Resultado, I Mês, H Unidade; `?` for the indicator.
    const mapping = mappingIn(err);
    expect(mapping.tabelas[0]).toMatchObject({ planilha: "Indicadores", linhaCabecalho: 3 });
    expect(mapping.tabelas[0].colunas).toMatchObject({
      indicador: "?",
      meta: "F",
      resultado: "J",
      periodo: "I",
      unidade: "H",
      justificativaAceita: "N",
    });
    // With `?` turned into the indicator's column C, the mapping evaluates the example: 54 rows, 90%.
    mapping.tabelas[0].colunas.indicador = "C";
    const mapFile = path.join(dir, "mapa.json");
    fs.writeFileSync(mapFile, JSON.stringify(mapping));
    const mapped = await inProcess("avaliar", input, "--sem-arquivo", "--json", "--mapa", mapFile);
    expect(mapped.err).toBe("");
    expect(mapped.code).toBe(0);
    const json = JSON.parse(mapped.out);
    expect(json.tabelas[0].linhas).toBe(54);
    expect(json.periodos[0].atingimentoGlobal).toBeCloseTo(0.9, 9);
  });

  it("exits 2 with the reason on stderr when the table found has no rows (four blank rows under its header)", async () => {
    const input = await exampleFile("quatro-brancas", (ws) => ws.spliceRows(4, 0, [], [], [], []));
    for (const json of [false, true]) {
      const { code, err } = await inProcess("avaliar", input, "--sem-arquivo", ...(json ? ["--json"] : []));
      expect(code).toBe(2);
      expect(err).toContain(
        "Indicadores!A3: A tabela com cabeçalho na linha 3 não tem linhas a avaliar: as linhas 4 a 7",
      );
      expect(err).toContain("as linhas a partir da 8 não foram lidas");
      // Every key column found, with its letter.
      expect(mappingIn(err).tabelas[0].colunas).toMatchObject({
        indicador: "C",
        meta: "F",
        resultado: "J",
        periodo: "I",
      });
    }
  });

  it("exits 2 with a reason on stderr for a workbook without any table", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Capa").getCell("A1").value = "Contrato de Gestão 2025";
    const input = path.join(dir, "capa.xlsx");
    await wb.xlsx.writeFile(input);
    const { code, err } = await inProcess("avaliar", input, "--sem-arquivo");
    expect(code).toBe(2);
    expect(err).toContain("Nenhuma tabela de indicadores encontrada na planilha “Capa”.");
    expect(err).toContain("Na planilha “Capa”, nenhuma das primeiras 40 linhas tem nomes de coluna conhecidos.");
  });
});
