/**
 * Figures a commission can sign, end to end: a real .xlsx written here, `contratualiza avaliar` run on it
 * (in-process), its JSON and text checked, and the evaluated copy's Resumo sheet read back. One workbook per
 * case of completeness and plausibility; every figure worked out by hand beside it.
 *
 * The base table: two indicators × two units × January–March 2025, one row each.
 * - I1 "Proporção de consultas agendadas", meta "≥ 80%": Centro 85%, 82%, 90%; Jardim 81%, 79%, 84%.
 *   Period result = mean = (0,85 + 0,82 + 0,90 + 0,81 + 0,79 + 0,84) / 6 = 5,01 / 6 = 83,5% ≥ 80% → A.
 * - I2 "Consultas médicas", meta "Mínimo de 300 consultas ao mês": Centro 310, 305, 320; Jardim 300, 290, 305.
 *   Mean = 1830 / 6 = 305 ≥ 300 → A.
 * So the contract scores 2 of 2 = 100%, Faixa 1.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { main } from "../../src/cli/index";
import { readWorkbookFile } from "../../src/hosts/file/xlsx/read";
import { sheetOf, tempDir, workbookOf } from "../hosts/file/xlsx/helpers";
import type { SheetData } from "../../src/workbook/model";

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

type Result = number | null | string;
interface Row {
  code: string;
  unit: string;
  month: Date;
  result: Result;
}

const HEADER = ["Código", "Indicador", "Meta", "Unidade", "Mês", "Resultado"];
const NAMES: Record<string, [string, string, boolean]> = {
  I1: ["Proporção de consultas agendadas", "≥ 80%", true],
  I2: ["Consultas médicas", "Mínimo de 300 consultas ao mês", false],
};
const m = (month: number, year = 2025) => new Date(Date.UTC(year, month - 1, 1));
const BASE: Row[] = [
  ...[0.85, 0.82, 0.9].map((r, i) => ({ code: "I1", unit: "UBS Centro", month: m(i + 1), result: r })),
  ...[0.81, 0.79, 0.84].map((r, i) => ({ code: "I1", unit: "UBS Jardim", month: m(i + 1), result: r })),
  ...[310, 305, 320].map((r, i) => ({ code: "I2", unit: "UBS Centro", month: m(i + 1), result: r })),
  ...[300, 290, 305].map((r, i) => ({ code: "I2", unit: "UBS Jardim", month: m(i + 1), result: r })),
];

/** Writes the table (header on row 1, data from row 2, in the order given) and returns the file's path. */
async function write(name: string, rows: Row[], extra?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Indicadores");
  ws.addRow(HEADER);
  for (const r of rows) {
    const [indicator, target, percent] = NAMES[r.code];
    const row = ws.addRow([r.code, indicator, target, r.unit, r.month, r.result]);
    row.getCell(5).numFmt = "mmm/yyyy";
    if (percent && typeof r.result === "number") row.getCell(6).numFmt = "0%";
  }
  extra?.(wb);
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  return { code, out, err };
}

/** JSON of `avaliar --sem-arquivo --json`, text of the same run without --json. */
async function evaluate(file: string, ...options: string[]) {
  const json = await run("avaliar", file, "--sem-arquivo", "--json", ...options);
  const text = await run("avaliar", file, "--sem-arquivo", ...options);
  expect(text.code).toBe(json.code);
  return { code: json.code, json: JSON.parse(json.out), text: text.out };
}

/** Writes the evaluated copy and reads one of its sheets back (by default Resumo 2025-T1). */
async function resumo(file: string, ...options: string[]): Promise<SheetData> {
  return copySheet(file, "Resumo 2025-T1", ...options);
}

async function copySheet(file: string, name: string, ...options: string[]): Promise<SheetData> {
  const out = file.replace(/\.xlsx$/, ".copia.xlsx");
  const r = await run("avaliar", file, "--saida", out, "--substituir", ...options);
  expect(r.err).toBe("");
  return sheetOf(workbookOf(await readWorkbookFile(out)), name);
}

/** The Resumo's value beside a label in column A (the value sits in column C). */
function beside(sheet: SheetData, label: string): unknown {
  return sheet.rows.find((r) => r[0]?.value === label)?.[2]?.value;
}

/** Column-A texts of the Resumo, and the rows after a heading. */
const texts = (sheet: SheetData) => sheet.rows.map((r) => String(r[0]?.value ?? ""));
function after(sheet: SheetData, heading: string): unknown[][] {
  const start = sheet.rows.findIndex((r) => r[0]?.value === heading);
  const rows: unknown[][] = [];
  for (const r of sheet.rows.slice(start + 1)) {
    if (!r.some((c) => c?.value !== null && c?.value !== undefined && c?.value !== "")) break;
    rows.push(r.map((c) => c?.value ?? null));
  }
  return rows;
}

describe("the base table", () => {
  test("100%, Faixa 1, nothing pending, exit 0; each unit on its own", async () => {
    const file = await write("base", BASE);
    const { code, json, text } = await evaluate(file);
    expect(code).toBe(0);
    const p = json.periodos[0];
    expect(p.atingimentoGlobal).toBe(1);
    expect(p.faixa).toMatchObject({ numero: 1, provisoria: false });
    expect(p.avaliacaoIncompleta).toBe(false);
    // 2 indicators × 2 units × 3 months.
    expect([p.resultadosEsperados, p.resultadosFaltando]).toEqual([12, 0]);
    expect(p.pendencias).toEqual([]);
    expect(p.indicadores.map((i: { resultado: number }) => i.resultado)).toEqual([expect.closeTo(5.01 / 6, 12), 305]);
    // Units on their own. Centro: I1 (0,85 + 0,82 + 0,90) / 3 = 85,7% A; I2 935 / 3 = 311,7 A → 100%, Faixa 1.
    // Jardim: I1 (0,81 + 0,79 + 0,84) / 3 = 81,3% A; I2 895 / 3 = 298,3 < 300 B → 1 of 2 = 50%, Faixa 5.
    expect(
      p.unidades.map(
        (u: { unidade: string; atingimentoGlobal: number; faixa: { numero: number }; metasNaoAtingidas: string[] }) => [
          u.unidade,
          u.atingimentoGlobal,
          u.faixa.numero,
          u.metasNaoAtingidas,
        ],
      ),
    ).toEqual([
      ["UBS Centro", 1, 1, []],
      ["UBS Jardim", 0.5, 5, ["I2"]],
    ]);
    expect(text).toContain("Atingimento global: 100,0%");
    expect(text).toContain("• UBS Jardim: 50,0% — Faixa 5 — 50% a 59,9%; não atingidas: I2");
    const sheet = await resumo(file);
    expect(beside(sheet, "Atingimento global")).toBe(1);
    expect(String(beside(sheet, "Faixa"))).toBe("Faixa 1 — 100%");
    // The unit table: name (B), with data, met, attainment, band, targets not met.
    expect(
      after(sheet, "Por unidade — cada uma avaliada só com as suas linhas")
        .slice(1)
        .map((r) => [r[1], r[2], r[3], r[4], r[6] ?? ""]),
    ).toEqual([
      ["UBS Centro", 2, 2, 1, ""],
      ["UBS Jardim", 2, 1, 0.5, "I2"],
    ]);
    expect(after(sheet, "Pendências (resultados que faltam)")).toEqual([["Nenhuma pendência."]]);
  });

  test("under the strict rule the failing months decide, and every report names them", async () => {
    const file = await write("estrita", BASE);
    const { code, json, text } = await evaluate(file, "--regra", "todos-os-meses");
    expect(code).toBe(0);
    const p = json.periodos[0];
    // I1: Jardim February 79% < 80%; I2: Jardim February 290 < 300 → both B, no justification → 0%, Faixa 6.
    expect(p.regra).toBe("todos-os-meses");
    expect(p.atingimentoGlobal).toBe(0);
    expect(p.faixa.numero).toBe(6);
    const [i1, i2] = p.indicadores;
    expect(i1.naoAtingiram).toEqual([
      { periodo: "2025-02", unidade: "UBS Jardim", resultado: 0.79, planilha: "Indicadores", celula: "F6" },
    ]);
    expect(i2.naoAtingiram.map((f: { celula: string; resultado: number }) => [f.celula, f.resultado])).toEqual([
      ["F12", 290],
    ]);
    // The period's mean (83,5%) meets the target: the reason says so, and names the month.
    expect(i1.motivo).toBe(
      "regra “todos os meses”: o resultado do período atinge a meta, mas não atingiram a meta: fev/2025, UBS Jardim: 79,0% (meta ≥ 80%)",
    );
    expect(text).toContain("fev/2025, UBS Jardim: 290 (meta ≥ 300)");
    const sheet = await resumo(file, "--regra", "todos-os-meses");
    expect(texts(sheet)).toContain("Regra do conceito: todos os meses (e unidades) devem atingir a meta");
    const reasons = after(sheet, "Metas não atingidas: o que decide o B");
    expect(reasons.map((r) => r[0])).toEqual(["I1", "I2"]);
    expect(String(reasons[1][2])).toContain("fev/2025, UBS Jardim: 290 (meta ≥ 300)");
    // The communiqué in the copy says it too.
    const communique = texts(await copySheet(file, "Comunicado 2025-T1", "--regra", "todos-os-meses"));
    expect(communique).toContain("Regra do conceito: todos os meses (e unidades) devem atingir a meta.");
    expect(
      communique.some(
        (t) =>
          t.includes("Consultas médicas: regra “todos os meses”") &&
          t.includes("fev/2025, UBS Jardim: 290 (meta ≥ 300)"),
      ),
    ).toBe(true);
  });
});

describe("completeness", () => {
  test("January and February blank: Faixa 1 only as provisional, exit 1, the blank cells named", async () => {
    const rows = BASE.map((r) => (r.month.getUTCMonth() < 2 ? { ...r, result: null } : r));
    const file = await write("so-marco", rows);
    const { code, json, text } = await evaluate(file);
    // March alone: I1 (0,90 + 0,84) / 2 = 87% A; I2 (320 + 305) / 2 = 312,5 A → 100%, Faixa 1; but 8 of the
    // 12 expected results are blank (66,7% > 20%): incomplete, provisional, exit 1.
    expect(code).toBe(1);
    const p = json.periodos[0];
    expect(p.atingimentoGlobal).toBe(1);
    expect(p.avaliacaoIncompleta).toBe(true);
    expect(p.faixa).toMatchObject({ numero: 1, provisoria: true });
    expect([p.resultadosEsperados, p.resultadosFaltando]).toEqual([12, 8]);
    // Rows 2–3 are I1 Centro Jan–Feb: their result cells F2 and F3.
    expect(p.pendencias.slice(0, 2)).toEqual([
      {
        codigo: "I1",
        indicador: "Proporção de consultas agendadas",
        planilha: "Indicadores",
        celula: "F2",
        descricao: "UBS Centro, jan/2025: célula F2 em branco",
      },
      {
        codigo: "I1",
        indicador: "Proporção de consultas agendadas",
        planilha: "Indicadores",
        celula: "F3",
        descricao: "UBS Centro, fev/2025: célula F3 em branco",
      },
    ]);
    expect(text).toContain("Faixa 1 — 100% — provisória (avaliação incompleta: 8 de 12 resultados esperados faltando)");
    const sheet = await resumo(file);
    expect(beside(sheet, "Faixa")).toBe(
      "Faixa 1 — 100% — provisória (avaliação incompleta: 8 de 12 resultados esperados faltando)",
    );
    expect(after(sheet, "Pendências (resultados que faltam)")).toHaveLength(8);
  });

  test("one month of three, the others without rows: the same, with the missing rows named", async () => {
    const file = await write(
      "uma-linha-por-mes",
      BASE.filter((r) => r.month.getUTCMonth() === 2),
    );
    const { code, json } = await evaluate(file);
    expect(code).toBe(1);
    const p = json.periodos[0];
    expect(p.faixa).toMatchObject({ numero: 1, provisoria: true });
    expect(p.resultadosFaltando).toBe(8);
    expect(p.pendencias[0]).toMatchObject({
      codigo: "I1",
      celula: null,
      descricao: "linha ausente: UBS Centro, jan/2025",
    });
  });

  test("a missing row is pending and named, without making the evaluation incomplete", async () => {
    // I1, UBS Jardim, February removed: 1 of 12 missing (8,3% ≤ 20%). I1 = (0,85 + 0,82 + 0,90 + 0,81 + 0,84) / 5 = 84,4% → A.
    const file = await write(
      "linha-ausente",
      BASE.filter((r) => !(r.code === "I1" && r.unit === "UBS Jardim" && r.month.getUTCMonth() === 1)),
    );
    const { code, json, text } = await evaluate(file);
    expect(code).toBe(0);
    const p = json.periodos[0];
    expect(p.avaliacaoIncompleta).toBe(false);
    expect(p.faixa.provisoria).toBe(false);
    expect(p.indicadores[0].resultado).toBeCloseTo(4.22 / 5, 12);
    expect(p.pendencias).toEqual([
      {
        codigo: "I1",
        indicador: "Proporção de consultas agendadas",
        planilha: "Indicadores",
        celula: null,
        descricao: "linha ausente: UBS Jardim, fev/2025",
      },
    ]);
    expect(text).toContain("linha ausente: UBS Jardim, fev/2025");
  });
});

describe("duplicates, implausible values, stray and empty periods", () => {
  test("the same month twice with the same value counts once, with a note naming both cells", async () => {
    const file = await write("duplicado-igual", [
      ...BASE,
      { code: "I1", unit: "UBS Centro", month: m(1), result: 0.85 },
    ]);
    const { code, json } = await evaluate(file);
    // The note is not a data problem: exit 0, and I1 is still 83,5% (not 6,86 / 7 = 84,1% with it twice).
    expect(code).toBe(0);
    const p = json.periodos[0];
    expect(p.indicadores[0].resultado).toBeCloseTo(5.01 / 6, 12);
    expect(p.problemas).toEqual([]);
    expect(p.observacoes).toHaveLength(1);
    expect(p.observacoes[0].mensagem).toContain("(Indicadores!F2 e Indicadores!F14); conta uma vez");
  });

  test("the same month twice with different values: neither counts, a problem names both", async () => {
    const file = await write("duplicado-diferente", [
      ...BASE,
      { code: "I1", unit: "UBS Centro", month: m(1), result: 0.5 },
    ]);
    const { code, json } = await evaluate(file);
    expect(code).toBe(1);
    const p = json.periodos[0];
    // Without Centro's January: (0,82 + 0,90 + 0,81 + 0,79 + 0,84) / 5 = 4,16 / 5 = 83,2% → A. Averaging
    // both rows in would have given (5,01 + 0,5) / 7 = 78,7% → B.
    expect(p.indicadores[0].resultado).toBeCloseTo(4.16 / 5, 12);
    expect(p.indicadores[0].conceito).toBe("A");
    const dup = p.problemas.filter((x: { mensagem: string }) =>
      /duas linhas com resultados diferentes/.test(x.mensagem),
    );
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ planilha: "Indicadores", celula: "F14" });
    expect(dup[0].mensagem).toContain("(Indicadores!F2 e Indicadores!F14)");
    // The month counts as unusable: 1 of 12.
    expect(p.resultadosFaltando).toBe(1);
  });

  test("1e300 is Inválido with its cell; the rest is evaluated", async () => {
    const file = await write(
      "absurdo",
      BASE.map((r) =>
        r.code === "I2" && r.unit === "UBS Jardim" && r.month.getUTCMonth() === 2 ? { ...r, result: 1e300 } : r,
      ),
    );
    const { code, json } = await evaluate(file);
    expect(code).toBe(1);
    const p = json.periodos[0];
    // I2 without Jardim's March: (310 + 305 + 320 + 300 + 290) / 5 = 305 → A.
    expect(p.indicadores[1].resultado).toBe(305);
    expect(p.problemas).toEqual([
      expect.objectContaining({
        planilha: "Indicadores",
        celula: "F13",
        mensagem: expect.stringMatching(/não é plausível/),
      }),
    ]);
  });

  test("one stray 2026 row is reported, not evaluated as a period of its own", async () => {
    const file = await write("ano-solto", [
      ...BASE,
      { code: "I1", unit: "UBS Centro", month: m(5, 2026), result: 0.9 },
    ]);
    const { code, json } = await evaluate(file);
    expect(code).toBe(1);
    expect(json.periodos.map((p: { periodo: string }) => p.periodo)).toEqual(["2025-T1"]);
    const stray = json.problemas.find((x: { mensagem: string }) =>
      /longe do período dos demais dados/.test(x.mensagem),
    );
    expect(stray).toMatchObject({ planilha: "Indicadores", celula: "F14" });
    expect(stray.mensagem).toContain("--periodo 2026-T2");
  });

  test("a period asked for with no data: names the span, exit 1, no copy written", async () => {
    const file = await write("periodo-vazio", BASE);
    const out = path.join(dir, "periodo-vazio.saida.xlsx");
    const r = await run("avaliar", file, "--periodo", "2024-T1", "--saida", out);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Não há dados de 1º trimestre de 2024 (2024-T1): os dados vão de jan/2025 a mar/2025.");
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("totals rows", () => {
  test("a Total row is shown, never pooled with the units nor a unit of its own", async () => {
    const totals = [610, 595, 625].map((r, i) => ({ code: "I2", unit: "Total", month: m(i + 1), result: r }));
    const file = await write("totais", [...BASE, ...totals]);
    const { code, json } = await evaluate(file);
    expect(code).toBe(0);
    const p = json.periodos[0];
    // I2 is still the units' mean, 305 (pooling the totals would give (1830 + 1830) / 9 = 406,7).
    expect(p.indicadores[1].resultado).toBe(305);
    expect(p.unidades.map((u: { unidade: string }) => u.unidade)).toEqual(["UBS Centro", "UBS Jardim"]);
    expect([p.resultadosEsperados, p.resultadosFaltando]).toEqual([12, 0]);
  });
});

describe("writing the copy", () => {
  test("--saida on somebody else's file asks for --substituir; an evaluated copy of the input is replaced", async () => {
    const file = await write("saida", BASE);
    const other = path.join(dir, "planilha-de-alguem.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Dados").getCell("A1").value = "não apague";
    await wb.xlsx.writeFile(other);
    const before = fs.readFileSync(other);
    const refused = await run("avaliar", file, "--saida", other);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("acrescente --substituir");
    expect(fs.readFileSync(other).equals(before)).toBe(true);
    const replaced = await run("avaliar", file, "--saida", other, "--substituir");
    expect(replaced.code).toBe(0);
    // Now it is an evaluated copy of this input: a second run may replace it without asking.
    expect((await run("avaliar", file, "--saida", other)).code).toBe(0);
  });

  test("stored custom bands survive a command-line preset equal to the stored one", async () => {
    const file = await write("faixas", BASE, (wb) => {
      const ws = wb.addWorksheet("Contratualiza_config", { state: "veryHidden" });
      ws.getCell("A1").value = "Configurações do Contratualiza";
      ws.getCell("A2").value = JSON.stringify({
        versao: 1,
        faixas: [
          { inicio: 0, rotulo: "Insuficiente" },
          { inicio: 90, rotulo: "Muito bom" },
        ],
      });
    });
    // 100% is in the stored band "Muito bom" (from 90), with or without --predefinicao instrumento.
    for (const options of [[], ["--predefinicao", "instrumento"]]) {
      const { json } = await evaluate(file, ...options);
      expect(json.periodos[0].faixa.rotulo).toBe("Muito bom");
    }
    // Another preset brings its own bands (the decree has none).
    expect((await evaluate(file, "--predefinicao", "decreto")).json.periodos[0].faixa).toBeNull();
  });
});
