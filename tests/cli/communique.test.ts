/**
 * `contratualiza comunicado <arquivo.xlsx>` (src/cli/communique.ts), run in-process on a real .xlsx with
 * the four quarters of 2025 (tests/workbook/plan/reports/fixture.ts): the Markdown it writes beside the input,
 * a communiqué per period by default, one by --periodo, --saida, the final communiqué (--final) and the
 * additive-term proposal (--termo-aditivo), the mistakes it refuses — and the input, which it
 * never touches (same bytes, same sha256).
 */
import { createHash } from "crypto";
import fs from "fs";
import path from "path";
import { defaultCommuniquePath, parseComunicadoArgs, runComunicado } from "../../src/cli/communique";
import { reportStrings } from "../../src/workbook/messages";
import { cliDocumentStrings, commandStrings, reportCommandStrings } from "../../src/cli/messages";
import { writeContractXlsx } from "../workbook/plan/reports/fixture";
import { tempDir } from "../hosts/file/xlsx/helpers";

let dir: string;
let cleanup: () => void;
let input: string;
let hash: string;
const sha256 = (f: string) => createHash("sha256").update(fs.readFileSync(f)).digest("hex");

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  input = path.join(dir, "contrato.xlsx");
  await writeContractXlsx(input);
  hash = sha256(input);
});
afterAll(() => cleanup());
afterEach(() => expect(sha256(input)).toBe(hash)); // the input is never written

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runComunicado(argv, { write: (x: string) => (out += x) }, { write: (x: string) => (err += x) });
  return { code, out, err };
}

test("by default: one communiqué per quarter, beside the input as <nome>.comunicado-2025-T1.md … -T4.md", async () => {
  const mtime = fs.statSync(input).mtimeMs;
  const { code, out, err } = await run(input);
  expect(err).toBe("");
  expect(code).toBe(0);
  for (const q of ["2025-T1", "2025-T2", "2025-T3"]) {
    expect(out).toContain(reportCommandStrings.written(q, path.join(dir, `contrato.comunicado-${q}.md`)));
    // Only the 4th quarter closes the year.
    expect(fs.readFileSync(path.join(dir, `contrato.comunicado-${q}.md`), "utf8")).not.toContain("Último comunicado");
  }
  const file = path.join(dir, "contrato.comunicado-2025-T4.md");
  expect(out).toContain(reportCommandStrings.written("2025-T4", file));
  expect(out).toContain("Atingimento global: 50,0% — Faixa 5 — 50% a 59,9%.");
  const md = fs.readFileSync(file, "utf8");
  expect(md).toContain("# Comunicado Trimestral Sintético");
  expect(md).toContain("**Último comunicado do exercício de 2025**");
  expect(md).toContain("| I3 | Cobertura vacinal de crianças menores de 1 ano | ≥ 95% | 71,0% | 74,7% | B |");
  expect(md).toContain("Desabastecimento de vacinas pelo Estado | Não acatada.");
  // The other quarters of the year are read too: I1 and I3 proposed for revision.
  expect(md).toMatch(/- I1 Consultas médicas por mês: meta superada com ampla margem em todos os trimestres/);
  expect(md).toMatch(/- I3 Cobertura vacinal .*: meta não atingida em nenhum dos trimestres/);
  expect(md).toContain("________, ___ de __________ de ____");
  expect(fs.statSync(input).mtimeMs).toBe(mtime);
});

test("--periodo 2025-T1 (with the command's name first, as index.ts may pass it)", async () => {
  const { code } = await run("comunicado", input, "--periodo", "2025-T1");
  expect(code).toBe(0);
  const md = fs.readFileSync(path.join(dir, "contrato.comunicado-2025-T1.md"), "utf8");
  expect(md).toContain("**Período avaliado: 1º trimestre de 2025 (2025-T1)**");
  expect(md).not.toContain("Último comunicado");
  expect(md).toContain(
    "| I2 | Proporção de gestantes com pré-natal em dia | ≥ 80% | 60,0% | 75,0% | B – justificado |",
  );
  expect(md).toContain("Acatada totalmente");
  expect(md).toContain(reportStrings.revisionTooEarly("trimestre"));
});

test("--saida names the file; a period other than the quarters found (the year) is evaluated on its own", async () => {
  const out = path.join(dir, "minuta.md");
  const { code, out: printed } = await run(input, "--saida", out, "--periodo=2025");
  expect(code).toBe(0);
  expect(printed).toContain(reportCommandStrings.written("2025", out));
  const md = fs.readFileSync(out, "utf8");
  expect(md).toContain("# Comunicado Anual Sintético");
  expect(md).toContain("**Período avaliado: 2025**");
  // Over the whole year the year's result decides: I1 (mean 415 ≥ 300) A; I2 (60 + 70 + 82 + 85) / 4 =
  // 74,25% < 80% B; I3 B; I4 (8 + 9 + 12 + 14) / 4 = 10,75% > 10% B; I5 10,375 ≥ 10 A; I7 (55 + 52 + 48) / 3
  // = 51,7% ≥ 50% A → 3 of 6.
  expect(md).toContain("3 indicadores de desempenho, de 6 com resultado informado, atingiram a meta pactuada");
  // --periodo 2025-T3 written as a date range is the same quarter.
  expect((await run(input, "--periodo", "01/07/2025 a 30/09/2025")).code).toBe(0);
  expect(fs.existsSync(path.join(dir, "contrato.comunicado-2025-T3.md"))).toBe(true);
});

test("--final: the final communiqué over the four quarters, <nome>.comunicado-final.md", async () => {
  const { code, out, err } = await run(input, "--final");
  expect(err).toBe("");
  expect(code).toBe(0);
  const file = path.join(dir, "contrato.comunicado-final.md");
  // (83,33 + 70 + 66,67 + 50) / 4 = 67,5% → Faixa 4 (tests/workbook/plan/reports/finalCommunique.test.ts).
  expect(out).toBe(
    `${cliDocumentStrings.writtenFinal(file)}\n${cliDocumentStrings.gradeLine("67,5%", "Faixa 4 — 60% a 69,9%")}\n`,
  );
  const md = fs.readFileSync(file, "utf8");
  expect(md).toContain("# Comunicado Final Sintético");
  expect(md).toContain("- I3 Cobertura vacinal de crianças menores de 1 ano: conceito B em 4 períodos");
});

test("--termo-aditivo: the proposal, <nome>.termo-aditivo.md", async () => {
  const { code, out } = await run(input, "--termo-aditivo");
  expect(code).toBe(0);
  const file = path.join(dir, "contrato.termo-aditivo.md");
  // I1 met by 130% to 150% every quarter; I3 never met (tests/workbook/plan/reports/additiveTerm.test.ts).
  expect(out).toBe(`${cliDocumentStrings.writtenAdditive(file)}\n${cliDocumentStrings.candidatesLine(2)}\n`);
  const md = fs.readFileSync(file, "utf8");
  expect(md).toContain("# Proposta de Termo Aditivo ao Contrato de Gestão");
  expect(md).toMatch(/\| I1 \| Consultas médicas por mês \| ≥ 300 \| Meta superada com ampla margem/);
  expect(md).toMatch(
    /\| I3 \| Cobertura vacinal de crianças menores de 1 ano \| ≥ 95% \| Meta não atingida em nenhum dos 4 trimestres/,
  );
});

test("--final and --termo-aditivo refuse each other and --periodo", async () => {
  const before = fs.readdirSync(dir).sort();
  const both = await run(input, "--final", "--termo-aditivo");
  expect([both.code, both.err.split("\n")[0]]).toEqual([2, cliDocumentStrings.bothDocuments]);
  const withPeriod = await run(input, "--final", "--periodo", "2025-T1");
  expect([withPeriod.code, withPeriod.err.split("\n")[0]]).toEqual([2, cliDocumentStrings.documentWithPeriod]);
  expect(fs.readdirSync(dir).sort()).toEqual(before);
});

test("mistakes: exit 2, a pt-BR message, nothing written", async () => {
  const before = fs.readdirSync(dir).sort();
  const xlsxOut = await run(input, "--saida", path.join(dir, "x.xlsx"));
  expect(xlsxOut.code).toBe(2);
  expect(xlsxOut.err).toContain(commandStrings.outputNotCommunique(path.join(dir, "x.xlsx")));
  const none = await run(input, "--periodo", "2024-T1");
  expect(none.code).toBe(2);
  expect(none.err).toContain(
    "Nenhuma linha do período 2024-T1 foi encontrada. Períodos encontrados: 2025-T1, 2025-T2, 2025-T3, 2025-T4.",
  );
  const missing = await run(path.join(dir, "nao-existe.xlsx"));
  expect(missing.code).toBe(2);
  expect(missing.err).not.toBe("");
  expect((await run()).code).toBe(2);
  expect((await run(input, "--opcao")).err).toMatch(/Opção “--opcao” desconhecida/);
  expect(fs.readdirSync(dir).sort()).toEqual(before);
  const help = await run("--help");
  expect(help.code).toBe(0);
  expect(help.out).toContain("Uso: contratualiza comunicado");
});

test("the default name never is the input's, and arguments parse", () => {
  expect(defaultCommuniquePath("/a/b/contrato.xlsx", "2025-T1")).toBe(
    path.join("/a/b", "contrato.comunicado-2025-T1.md"),
  );
  expect(defaultCommuniquePath("c.xlsx", "2011-08-01..2011-12-31")).toBe("c.comunicado-2011-08-01..2011-12-31.md");
  expect(parseComunicadoArgs(["a.xlsx", "--predefinicao", "decreto", "--metodo", "media"])).toMatchObject({
    kind: "args",
    args: { file: "a.xlsx", preset: "decreto", method: "meanAttainment" },
  });
  expect(parseComunicadoArgs(["a.xlsx", "b.xlsx"])).toMatchObject({ kind: "error" });
});
