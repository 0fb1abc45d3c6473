/**
 * `contratualiza avaliar` on one SIAPS export (tests/workbook/siaps.ts): the team-level report of one
 * co-financing indicator and month, as downloaded; an export of another component; and the evaluated copy
 * of a CSV, whose numbers are stored as numbers.
 */
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/index";
import { siapsCsv, teamsFile, vinculoFile } from "../workbook/siaps";
import { SISAB_HYPERTENSION } from "../workbook/previne";

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctz-siaps-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  return { code, out, err };
}

function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe("avaliar on one export", () => {
  test("C5 of June: each team's class, no problem, exit 1 for a four-month period with one month (it was “Nenhuma tabela”, exit 2)", async () => {
    // C5 of June: ESF CENTRO 2/20 = 10 → Regular (≤ 25); ESF JARDIM 11/25 = 44 → Suficiente (> 25 e ≤ 50).
    // The nota of one indicator out of seven is not asserted here: it depends on how missing indicators count
    // (today the weights present are rescaled; the official note totals all ten weights).
    const file = write("C5_JUN-26.csv", siapsCsv(teamsFile("C5", "JUN/26"), "latin1"));
    const { code, out } = await run("avaliar", file, "--sem-arquivo");
    // June alone is 1 of the 4 months of 2026-Q2 (May–August): incomplete, so exit 1 and no problem listed.
    expect(code).toBe(1);
    expect(out).toContain(
      "  • C5_JUN-26!A10:O12 — exportação do SIAPS (um indicador, uma linha por equipe), 2 linhas, jun/2026 (confiança 100%)",
    );
    expect(out).toContain(
      "a tabela encontrada é uma exportação do SIAPS do indicador C5 do componente de qualidade do cofinanciamento da APS",
    );
    expect(out).toContain("Período: 2º quadrimestre de 2026 (2026-Q2)");
    expect(out).toMatch(
      /\n {4}• ESF CENTRO — INE 0000123456 — SÃO SEBASTIÃO: nota final \d+,\d\d \(\w+\)\n {6}C5 10 Regular\n/,
    );
    expect(out).toMatch(
      /\n {4}• ESF JARDIM — INE 0000654321 — SÃO SEBASTIÃO: nota final \d+,\d\d \(\w+\)\n {6}C5 44 Suficiente\n/,
    );
    expect(out).not.toMatch(/Problemas/);
  });

  test("C2 of June: the export's class that disagrees with ours is listed with its cell, exit 1", async () => {
    const file = write("C2_JUN-26.csv", siapsCsv(teamsFile("C2", "JUN/26"), "utf-8"));
    const { code, out } = await run("avaliar", file, "--sem-arquivo", "--json");
    expect(code).toBe(1);
    const json = JSON.parse(out);
    const problems = json.periodos[0].problemas;
    expect(problems).toEqual([
      expect.objectContaining({
        planilha: "C2_JUN-26",
        celula: "O11",
        mensagem:
          "Equipe ESF CENTRO (INE 0000123456), jun/2026, C2: a exportação classifica como “Bom”, mas pelas regras do cofinanciamento o resultado 90 é “Ótimo”.",
      }),
    ]);
  });

  test("a Vínculo export: recognised and named, not “no table”; exit 2, nothing written", async () => {
    const file = write("Vinculo.csv", siapsCsv(vinculoFile("JUN/26"), "latin1"));
    const { code, out } = await run("avaliar", file);
    expect(code).toBe(2);
    expect(out).toContain("Exportação do SIAPS reconhecida, mas não avaliada por estas regras (o motivo está abaixo).");
    expect(out).toContain(
      "exportação do SIAPS do componente Vínculo e Acompanhamento Territorial: não avaliado por estas regras",
    );
    expect(out).not.toContain("Nenhuma tabela");
    expect(fs.existsSync(path.join(dir, "Vinculo.avaliado.xlsx"))).toBe(false);
  });
});

describe("the evaluated copy of a CSV stores numbers as numbers", () => {
  async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    return book.worksheets[0];
  }
  const cell = (ws: ExcelJS.Worksheet, a: string) => [ws.getCell(a).value, ws.getCell(a).numFmt ?? null];

  test("a SIAPS export: numerator, denominator and the `Resultado (%)` ratio are numbers, codes stay text", async () => {
    const file = write("C4_MAI-26.csv", siapsCsv(teamsFile("C4", "MAI/26"), "latin1"));
    const { code } = await run("avaliar", file);
    // May alone is 1 of 2026-Q2's 4 months: the evaluation is incomplete (exit 1), the copy is written.
    expect(code).toBe(1);
    const ws = await sheetOf(path.join(dir, "C4_MAI-26.avaliado.xlsx"));
    // ESF CENTRO, row 11: 12 / 30, `40,00` under `Resultado (%)` → 40,00% (0,4 with two decimals).
    expect([cell(ws, "L11"), cell(ws, "M11"), cell(ws, "N11")]).toEqual([
      [12, null],
      [30, null],
      [0.4, "0.00%"],
    ]);
    // Codes (IBGE, CNES, INE) and texts stay as written; so do the title lines and the header.
    expect([
      ws.getCell("C11").value,
      ws.getCell("F11").value,
      ws.getCell("I11").value,
      ws.getCell("O11").value,
    ]).toEqual(["355070", "2049953", "0000123456", "Suficiente"]);
    expect([ws.getCell("A6").value, ws.getCell("N10").value]).toEqual([
      "Competência selecionada: MAI/26",
      "Resultado (%)",
    ]);
    // The add-in's columns beside the table, the class of each row.
    expect([ws.getCell("Q10").value, ws.getCell("Q11").value, ws.getCell("Q12").value]).toEqual([
      "Conceito (Contratualiza)",
      "Suficiente",
      "Regular",
    ]);
  });

  test("a SISAB panel: `40` under `2022 Q1 (%)` is 40%", async () => {
    // tests/workbook/previne.ts: header `UF;IBGE;Munícipio;2022 Q1 (%);…`, Tiradentes first with 40, 55, 25.
    const file = write("painel.csv", Buffer.from(SISAB_HYPERTENSION, "latin1"));
    await run("avaliar", file);
    const ws = await sheetOf(path.join(dir, "painel.avaliado.xlsx"));
    let header = 1;
    while (ws.getCell(header, 1).value !== "UF" && header < 40) header++;
    expect(ws.getCell(header, 4).value).toBe("2022 Q1 (%)");
    expect([cell(ws, `B${header + 1}`), cell(ws, `D${header + 1}`), cell(ws, `E${header + 1}`)]).toEqual([
      ["316990", null],
      [0.4, "0%"],
      [0.55, "0%"],
    ]);
  });
});
