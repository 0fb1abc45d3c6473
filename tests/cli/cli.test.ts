import { execFileSync, spawnSync } from "child_process";
import crypto from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import { parseArgs } from "../../src/cli/args";
import { main } from "../../src/cli/index";
import { toJson, toText } from "../../src/cli/report";
import { previne } from "../../src/core/presets";
import { runPipeline } from "../../src/workbook/pipeline";
import { readWorkbookFile } from "../../src/hosts/file/xlsx/read";
import { sheet, workbook } from "../workbook/fixtures";
import { HYPERTENSION_TITLE, PREVINE_LONG_ROWS, sisabExport, SISAB_HYPERTENSION } from "../workbook/previne";

const root = path.join(__dirname, "..", "..");
const example = path.join(root, "assets", "exemplo-contrato.xlsx");

/**
 * Runs main() in-process and collects what it prints. Tests about the printed result pass
 * `--sem-arquivo` here unless they name a `--saida`, so no evaluated copy lands beside the fixtures.
 */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const args = argv[0] === "avaliar" && !argv.includes("--saida") ? [...argv, "--sem-arquivo"] : argv;
  const code = await main(args, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  return { code, out, err };
}

describe("arguments", () => {
  test("avaliar with every option", () => {
    const args = parseArgs([
      "avaliar",
      "a.xlsx",
      "--periodo",
      "2025-T1",
      "--predefinicao",
      "previne",
      "--metodo",
      "media",
      "--mapa=m.json",
      "--json",
    ]);
    expect(args).toMatchObject({
      command: "avaliar",
      file: "a.xlsx",
      preset: "previne",
      method: "meanAttainment",
      mapFile: "m.json",
      json: true,
    });
    expect(args.command === "avaliar" && args.period?.label).toBe("2025-T1");
  });

  test("mistakes come back as pt-BR messages", () => {
    expect(parseArgs(["avaliar"])).toMatchObject({
      command: "erro",
      message: expect.stringMatching(/Informe o arquivo/),
    });
    expect(parseArgs(["avaliar", "a.xlsx", "--periodo", "xyz"])).toMatchObject({
      command: "erro",
      message: expect.stringMatching(/xyz/),
    });
    expect(parseArgs(["avaliar", "a.xlsx", "--predefinicao", "outra"])).toMatchObject({ command: "erro" });
    expect(parseArgs(["avaliar", "a.xlsx", "--saida"])).toMatchObject({
      command: "erro",
      message: expect.stringMatching(/--saida/),
    });
    expect(parseArgs(["consolidar"])).toMatchObject({ command: "erro" });
    expect(parseArgs([])).toEqual({ command: "ajuda" });
  });
});

describe("contratualiza avaliar on the bundled example", () => {
  // The example (tests/support/example.ts): 9 indicators × Jan–Mar 2025 × 2 units. Performance weights:
  // six evaluation-instrument indicators at 1, PMAQ 1.4 and 2.3 at 2 → Σ = 10; 2.7 is monitoring (not scored).
  // Every performance indicator is A except I14 (a B month with justification accepted "Sim" → credit 1)
  // and 1.4 (a B month with "Parcial" → credit 0,5). Share met = (10 − 2 × 0,5) / 10 = 90% → band 2.
  test("the JSON result", async () => {
    const { code, out } = await run("avaliar", example, "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.tabelas).toHaveLength(1);
    expect(json.tabelas[0]).toMatchObject({ planilha: "Indicadores", formato: "long", linhas: 54 });
    expect(json.periodos).toHaveLength(1);
    const p = json.periodos[0];
    expect(p.periodo).toBe("2025-T1");
    expect(p.metodo).toBe("proporcao");
    expect(p.atingimentoGlobal).toBeCloseTo(0.9, 12);
    expect(p.faixa.numero).toBe(2);
    const byCode = Object.fromEntries(p.indicadores.map((i: { codigo: string }) => [i.codigo, i]));
    expect(byCode["I14"].situacao).toBe("justificado_total");
    expect(byCode["1.4"].situacao).toBe("justificado_parcial");
    expect(byCode["2.7"].natureza).toBe("monitoramento");
    expect(p.problemas).toEqual([]);
  });

  test("the pt-BR report names the band and the unmet targets", async () => {
    const { code, out } = await run("avaliar", example);
    expect(code).toBe(0);
    expect(out).toMatch(/Atingimento global: 90,0%/);
    expect(out).toMatch(/Faixa 2/);
    expect(out).toMatch(/I14 .*justificativa aceita \(conta como atingida\)/);
  });

  test("the method can be switched to mean attainment", async () => {
    const { out } = await run("avaliar", example, "--json", "--metodo", "media");
    const p = JSON.parse(out).periodos[0];
    expect(p.metodo).toBe("media");
    // Mean attainment is at least the share met here: only two indicators fall short, each by little.
    expect(p.atingimentoGlobal).toBeGreaterThan(0.9);
    expect(p.atingimentoGlobal).toBeLessThanOrEqual(1);
  });

  test("bad input: a missing file and a non-workbook give exit 2 and a pt-BR message", async () => {
    const missing = await run("avaliar", path.join(os.tmpdir(), "nao-existe-123.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nao-existe-123/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctz-cli-"));
    const bad = path.join(dir, "ruim.xlsx");
    fs.writeFileSync(bad, "isto não é uma planilha");
    const out = await run("avaliar", bad);
    expect(out.code).toBe(2);
    expect(out.err.length).toBeGreaterThan(10);
  });
});

describe("contratualiza avaliar on a SISAB panel export (Previne Brasil)", () => {
  // tests/workbook/previne.ts: hypertension (meta 50%, peso 2), Tiradentes 40/55/25, São João del-Rei
  // 50/—/45, Barroso 0/20/60 (%) in 2022 Q1/Q2/Q3. With one indicator, ISF = nota = min(10; 10 × r / 50%).
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctz-cli-sisab-"));
    file = path.join(dir, "painel-hipertensao.csv");
    fs.writeFileSync(file, Buffer.from(SISAB_HYPERTENSION, "latin1"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the JSON: preset chosen, catalogue targets, ISF per municipality with points", async () => {
    const { code, out } = await run("avaliar", file, "--json");
    // Exit 1: in 2022 Q2 São João del-Rei has no result, 1 of the 3 expected (33% > 20%): incomplete.
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.predefinicaoEscolhida).toEqual({
      id: "previne",
      motivo: expect.stringMatching(/painel do SISAB do indicador 6 do Previne Brasil/),
    });
    expect(json.metasDoCatalogo).toEqual([
      {
        catalogo: "previne",
        codigo: "6",
        indicador: "Pessoas com hipertensão, com consulta e pressão arterial aferida no semestre",
        meta: 0.5,
        peso: 2,
        campos: ["meta", "peso"],
        indicadoresNaTabela: [HYPERTENSION_TITLE],
      },
    ]);
    expect(json.periodos.map((p: { periodo: string }) => p.periodo)).toEqual(["2022-Q1", "2022-Q2", "2022-Q3"]);
    const q1 = json.periodos[0];
    expect(q1.predefinicao).toBe("previne");
    // Pooled: the mean result (40% + 50% + 0%) / 3 = 30% → nota 10 × 0,30 / 0,50 = 6,0 — over one of Previne's
    // seven indicators: an ISF parcial of the conjunto, never under the key `isf`.
    expect(q1.isfParcial).toBeCloseTo(6, 12);
    expect(q1).not.toHaveProperty("isf");
    expect(q1.conjunto).toBe(true);
    expect(q1.valorGlobal).toMatchObject({
      nome: "ISF parcial (1 de 7 indicadores) do conjunto",
      parcial: true,
      conjunto: true,
      indicadoresComResultado: 1,
      indicadoresDoConjunto: 7,
    });
    expect(q1.valorGlobal.semResultado.map((m: { codigo: string }) => m.codigo)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "7",
    ]);
    expect(json.periodos.map((p: { avaliacaoIncompleta: boolean }) => p.avaliacaoIncompleta)).toEqual([
      false,
      true,
      false,
    ]);
    expect(q1.municipiosNoConjunto).toBe(3);
    expect(q1.indicadores[0]).toMatchObject({
      codigo: "6",
      origemMeta: "catalogo",
      peso: 2,
      origemPeso: "catalogo",
      meta: 0.5,
    });
    expect(q1.municipios.map((m: { municipio: string; ibge: string }) => [m.municipio, m.ibge])).toEqual([
      ["Tiradentes", "316990"],
      ["São João del-Rei", "316250"],
      ["Barroso", "310560"],
    ]);
    const [tiradentes, sjdr, barroso] = q1.municipios;
    // Tiradentes 40% vs 50%: nota 10 × 0,4 / 0,5 = 8,0; pontos = 8 × 2 / 2 = 8,0 (= ISF, the only
    // indicator); pontosPerdidos = (10 − 8) × 2 / 2 = 2,0.
    expect(tiradentes.isfParcial).toBeCloseTo(8, 12);
    expect(tiradentes.valorGlobal).toMatchObject({ nome: "ISF parcial (1 de 7 indicadores)", conjunto: false });
    expect(tiradentes.indicadores).toEqual([
      expect.objectContaining({
        indicador: HYPERTENSION_TITLE,
        codigo: "6",
        meta: 0.5,
        origemMeta: "catalogo",
        peso: 2,
        resultado: expect.closeTo(0.4, 12),
        nota: expect.closeTo(8, 12),
        pontos: expect.closeTo(8, 12),
        pontosPerdidos: expect.closeTo(2, 12),
      }),
    ]);
    // São João del-Rei 50%: nota 10, nothing lost. Barroso 0%: nota 0, pontosPerdidos (10 − 0) × 2 / 2 = 10.
    expect(sjdr.indicadores[0]).toMatchObject({ nota: 10, pontos: 10, pontosPerdidos: 0 });
    expect(barroso.isfParcial).toBe(0);
    expect(barroso.indicadores[0]).toMatchObject({ nota: 0, pontos: 0, pontosPerdidos: 10 });
    // 2022 Q2: São João del-Rei has no result: no ISF, no nota, incomplete.
    const sjdrQ2 = json.periodos[1].municipios[1];
    expect(sjdrQ2).toMatchObject({ municipio: "São João del-Rei", isfParcial: null, avaliacaoIncompleta: true });
    expect(sjdrQ2.indicadores[0]).toMatchObject({
      situacao: "sem_dado",
      nota: null,
      pontos: null,
      pontosPerdidos: null,
    });
  });

  test("the pt-BR report: the preset chosen, the catalogue, the pooled set, municipalities by ISF", async () => {
    const { code, out } = await run("avaliar", file);
    expect(code).toBe(1);
    expect(out).toMatch(
      /Predefinição escolhida: Previne Brasil \(ISF\) — a tabela encontrada é uma exportação do painel do SISAB do indicador 6 do Previne Brasil\./,
    );
    expect(out).toMatch(
      /Metas e pesos tirados do catálogo Previne Brasil, porque a tabela não os informa:\n  • 6 Pessoas com hipertensão, com consulta e pressão arterial aferida no semestre: meta 50%, peso 2/,
    );
    expect(out).toMatch(/Conjunto dos 3 municípios: .*não é o resultado de nenhum município\./);
    // 2022 Q1 by ISF, highest first: São João del-Rei 10,00; Tiradentes 8,00; Barroso 0,00.
    const q1 = out.slice(
      out.indexOf("Período: 1º quadrimestre de 2022"),
      out.indexOf("Período: 2º quadrimestre de 2022"),
    );
    // The pooled figure is named as such, and as partial (one of the seven indicators): mean result 30% → 6,00.
    expect(q1).toMatch(
      /\n  ISF parcial \(1 de 7 indicadores\) do conjunto: 6,00 de 10 \(média do atingimento; 1 de 1 indicadores de desempenho com dado\)\n/,
    );
    expect(q1).toMatch(
      /\n  O ISF precisa dos 7 indicadores; com 1, o valor é um ISF parcial .*Faltam os indicadores 1, 2, 3, 4, 5, 7\.\n/,
    );
    expect(q1).not.toMatch(/Atingimento global/);
    expect(q1).not.toMatch(/\bISF:|\bISF do conjunto/);
    expect(q1).toMatch(/Por município \(3\), em ordem decrescente de ISF parcial \(1 de 7 indicadores\):/);
    const table = q1.split("\n").filter((l) => /^ {4}\S/.test(l));
    expect(table).toEqual([
      "    Município         IBGE    ISF parcial (1 de 7 indicadores)",
      "    São João del-Rei  316250                             10,00",
      "    Tiradentes        316990                              8,00",
      "    Barroso           310560                              0,00",
    ]);
    // 2022 Q2: São João del-Rei has no ISF and comes last.
    const q2 = out.slice(
      out.indexOf("Período: 2º quadrimestre de 2022"),
      out.indexOf("Período: 3º quadrimestre de 2022"),
    );
    expect(
      q2
        .split("\n")
        .filter((l) => /^ {4}\S/.test(l))
        .slice(1)
        .map((l) => l.trim().split(/\s{2,}/)),
    ).toEqual([
      ["Tiradentes", "316990", "10,00"],
      ["Barroso", "310560", "4,00"],
      ["São João del-Rei", "316250", "—"],
    ]);
    expect(out).not.toMatch(/e mais/);
  });

  test("a state's panel: the text lists the first 20 municipalities and points to the JSON for the rest", async () => {
    // 23 municipalities, results 1·4 + 2 = 6% … 23·4 + 2 = 94% in Q1 (the others empty): the best 20 by
    // ISF are the last 20 rows; 3 more.
    const rows = Array.from({ length: 23 }, (_, i) => [
      String(310000 + i),
      `Município ${String(i + 1).padStart(2, "0")}`,
      (i + 1) * 4 + 2,
      "",
      "",
    ]);
    const big = path.join(dir, "painel-estado.csv");
    fs.writeFileSync(big, Buffer.from(sisabExport(HYPERTENSION_TITLE, rows), "latin1"));
    const { out } = await run("avaliar", big, "--periodo", "2022-Q1");
    expect(out).toMatch(/Por município \(23\), em ordem decrescente de ISF parcial \(1 de 7 indicadores\):/);
    expect(out).toMatch(/\n  … e mais 3 municípios; use --json para a lista completa\./);
    expect(out).toMatch(/Município 23 +310022 +10,00/);
    // Município 01: 6% → 10 × 0,06 / 0,5 = 1,2, below the 20 shown.
    expect(out).not.toMatch(/Município 01 /);
    const json = JSON.parse((await run("avaliar", big, "--periodo", "2022-Q1", "--json")).out);
    expect(json.periodos[0].municipios).toHaveLength(23);
    expect(json.periodos[0].municipios[0].isfParcial).toBeCloseTo(1.2, 12);
  });
});

describe("the JSON of seven Previne indicators for two municipalities (report.ts)", () => {
  // tests/workbook/previne.ts has the table worked out by hand: Lavras notas 6, 5, 10, 5, 8, 8, 7 with
  // pesos 1, 1, 2, 1, 2, 2, 1 → ISF 7,5; Perdões → 8,0; pooled 7,75.
  interface IndicatorJson {
    codigo: string;
    nota: number | null;
    pontos: number | null;
    pontosPerdidos: number | null;
  }
  interface MunicipalityJson {
    municipio: string;
    ibge: string | null;
    isf: number | null;
    indicadores: IndicatorJson[];
  }
  const result = runPipeline(workbook(sheet("Previne 2022", PREVINE_LONG_ROWS)), { preset: previne });
  // As `--json` prints it.
  const json = JSON.parse(JSON.stringify(toJson("previne.xlsx", result))) as {
    predefinicaoEscolhida: unknown;
    periodos: { isf: number; municipios: MunicipalityJson[] }[];
  };
  const [q1] = json.periodos;

  test("points per indicator add up to the ISF, points lost to 10 − ISF", () => {
    expect(json.predefinicaoEscolhida).toBeNull();
    // Pooled: the nota of each indicator's mean result (tests/workbook/pipeline.test.ts works it out): 7,85.
    expect(q1.isf).toBeCloseTo(7.85, 12);
    const lavras = q1.municipios.find((m) => m.municipio === "Lavras")!;
    expect(lavras.ibge).toBeNull();
    expect(lavras.isf).toBeCloseTo(7.5, 12);
    // Points = nota × peso / 10: 0,6; 0,5; 2,0; 0,5; 1,6; 1,6; 0,7 (Σ 7,5). Hypertension: 8 × 2 / 10 = 1,6
    // (docs/regras.md §8.3), losing (10 − 8) × 2 / 10 = 0,4.
    expect(lavras.indicadores.map((i) => i.pontos)).toEqual(
      [0.6, 0.5, 2, 0.5, 1.6, 1.6, 0.7].map((n) => expect.closeTo(n, 12)),
    );
    expect(lavras.indicadores[5]).toMatchObject({
      codigo: "6",
      meta: 0.5,
      peso: 2,
      nota: expect.closeTo(8, 12),
      pontosPerdidos: expect.closeTo(0.4, 12),
    });
    // Indicator 2, 30% vs 60% (docs/regras.md §8.3): nota 5,0.
    expect(lavras.indicadores[1].nota).toBeCloseTo(5, 12);
    const sum = (k: "pontos" | "pontosPerdidos") => lavras.indicadores.reduce((s, i) => s + (i[k] ?? 0), 0);
    expect(sum("pontos")).toBeCloseTo(7.5, 12);
    expect(sum("pontosPerdidos")).toBeCloseTo(2.5, 12);
    const perdoes = q1.municipios.find((m) => m.municipio === "Perdões")!;
    expect(perdoes.isf).toBeCloseTo(8, 12);
  });

  test("the text lists both, Perdões first", () => {
    const text = toText("previne.xlsx", result);
    expect(text).toMatch(/Perdões +— +8,00\n +Lavras +— +7,50/);
    // Pooled: 7,85 (see above); all seven indicators have data.
    expect(text).toMatch(
      /ISF do conjunto: 7,85 de 10 \(média do atingimento; 7 de 7 indicadores de desempenho com dado\)/,
    );
    expect(text).not.toMatch(/Predefinição escolhida/);
  });
});

describe("the installed command (lib/, built by npm test and npm ci)", () => {
  const bin = path.join(root, "lib", "cli", "index.js");

  test("runs, leaves the input file's bytes unchanged, and gives the same output twice", () => {
    if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build:cli\` first (npm test does it).`);
    const hash = () => crypto.createHash("sha256").update(fs.readFileSync(example)).digest("hex");
    const before = hash();
    const first = execFileSync(process.execPath, [bin, "avaliar", example, "--json", "--sem-arquivo"], {
      encoding: "utf8",
    });
    const second = execFileSync(process.execPath, [bin, "avaliar", example, "--json", "--sem-arquivo"], {
      encoding: "utf8",
    });
    expect(second).toBe(first);
    expect(hash()).toBe(before);
    const usage = spawnSync(process.execPath, [bin, "avaliar", "--opcao-inexistente"], { encoding: "utf8" });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Opção .*desconhecida/);
  });
});

describe("the evaluated copy (--saida)", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "contratualiza-cli-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

  /** Every cell of every sheet of a written file, as text, for comparing two runs. */
  async function cells(file: string): Promise<Record<string, string>> {
    const read = await readWorkbookFile(file);
    if (read.kind !== "workbook") throw new Error(read.message);
    const out: Record<string, string> = {};
    for (const sh of read.workbook.sheets)
      sh.rows.forEach((row, r) =>
        row.forEach((c, k) => (out[`${sh.name}!${r + sh.origin.row},${k + sh.origin.col}`] = String(c.value))),
      );
    return out;
  }

  test("writes <name>.avaliado.xlsx with the owned columns and the summary, and leaves the input alone", async () => {
    const input = path.join(dir, "contrato.xlsx");
    fs.copyFileSync(example, input);
    const before = sha(input);
    const { code, out } = await run("avaliar", input, "--saida", path.join(dir, "contrato.avaliado.xlsx"));
    expect(code).toBe(0);
    expect(out).toContain(`Cópia avaliada gravada em ${path.join(dir, "contrato.avaliado.xlsx")}`);
    expect(sha(input)).toBe(before);

    const read = await readWorkbookFile(path.join(dir, "contrato.avaliado.xlsx"));
    if (read.kind !== "workbook") throw new Error(read.message);
    const sheet = read.workbook.sheets.find((s) => s.name === "Indicadores")!;
    const at = (row: number, col: number) => sheet.rows[row - sheet.origin.row]?.[col - sheet.origin.col]?.value;
    // The example's table spans A3:N57, so the owned pair is O:P, titled on the header row 3.
    expect([at(3, 15), at(3, 16)]).toEqual(["Atingimento (Contratualiza)", "Conceito (Contratualiza)"]);
    // Every data row 4–57 has a concept; A/B counts come from the rows' own results, checked below on one row.
    const concepts = Array.from({ length: 54 }, (_, i) => at(4 + i, 16));
    expect(concepts.every((c) => typeof c === "string" && c.length > 0)).toBe(true);

    const summary = read.workbook.sheets.find((s) => s.name === "Resumo 2025-T1");
    expect(summary).toBeDefined();
    const labelRow = summary!.rows.find((r) => r[0]?.value === "Atingimento global");
    // 90% → Faixa 2 (see the example's note above).
    expect(labelRow?.[2]?.value).toBeCloseTo(0.9, 12);
    expect(String(summary!.rows.find((r) => r[0]?.value === "Faixa")?.[2]?.value)).toMatch(/^Faixa 2/);
  });

  test("--final adds the final report and communiqué (Avaliação final, Comunicado final) to the copy; without it there are none", async () => {
    const input = path.join(dir, "contrato.xlsx");
    fs.copyFileSync(example, input);
    const names = async (file: string) => {
      const read = await readWorkbookFile(file);
      if (read.kind !== "workbook") throw new Error(read.message);
      return read.workbook.sheets.map((s) => s.name);
    };
    expect((await run("avaliar", input, "--saida", path.join(dir, "sem-final.xlsx"))).code).toBe(0);
    expect(await names(path.join(dir, "sem-final.xlsx"))).not.toContain("Avaliação final");
    expect(await names(path.join(dir, "sem-final.xlsx"))).not.toContain("Comunicado final");
    expect((await run("avaliar", input, "--final", "--saida", path.join(dir, "com-final.xlsx"))).code).toBe(0);
    const read = await readWorkbookFile(path.join(dir, "com-final.xlsx"));
    if (read.kind !== "workbook") throw new Error(read.message);
    const final = read.workbook.sheets.find((s) => s.name === "Avaliação final")!;
    expect(final).toBeDefined();
    // The example holds one quarter (2025-T1, 90% → Faixa 2): the final report's only period row.
    const periodRows = final.rows.filter((r) => r[0]?.value === "2025-T1");
    expect(periodRows.length).toBeGreaterThan(0);
    // The final communiqué comes with it, on the same single quarter.
    expect(read.workbook.sheets.map((s) => s.name)).toContain("Comunicado final");
    expect(parseArgs(["avaliar", "a.xlsx", "--final"])).toMatchObject({
      command: "avaliar",
      final: true,
      additiveTerm: false,
    });
    expect(parseArgs(["avaliar", "a.xlsx", "--termo-aditivo"])).toMatchObject({
      command: "avaliar",
      final: false,
      additiveTerm: true,
    });
    expect(parseArgs(["avaliar", "a.xlsx"])).toMatchObject({ command: "avaliar", final: false });
  });

  test("running again on the same input gives the same cells (run twice = run once)", async () => {
    const input = path.join(dir, "contrato.xlsx");
    await run("avaliar", input, "--saida", path.join(dir, "primeira.xlsx"));
    await run("avaliar", input, "--saida", path.join(dir, "segunda.xlsx"));
    expect(await cells(path.join(dir, "segunda.xlsx"))).toEqual(await cells(path.join(dir, "primeira.xlsx")));
  });

  test("evaluating the evaluated copy again changes nothing in it: same owned columns, one summary", async () => {
    const input = path.join(dir, "copia.xlsx");
    fs.copyFileSync(example, input);
    const first = path.join(dir, "copia.avaliado.xlsx");
    const again = path.join(dir, "de-novo.xlsx");
    expect((await run("avaliar", input, "--saida", first)).code).toBe(0);
    const { code, err } = await run("avaliar", first, "--saida", again);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(await cells(again)).toEqual(await cells(first));
  });

  test("never overwrites its input, and says why", async () => {
    const input = path.join(dir, "contrato.xlsx");
    const before = sha(input);
    const { code, err } = await run("avaliar", input, "--saida", input);
    expect(code).toBe(2);
    expect(err).toMatch(/não foi gravada/);
    expect(sha(input)).toBe(before);
  });

  test("--sem-arquivo only prints; --saida must be an .xlsx", async () => {
    const input = path.join(dir, "so-imprime.xlsx");
    fs.copyFileSync(example, input);
    const code = await main(["avaliar", input, "--sem-arquivo"], { write: () => 0 }, { write: () => 0 });
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(dir, "so-imprime.avaliado.xlsx"))).toBe(false);
    expect(parseArgs(["avaliar", "a.xlsx", "--saida", "b.ods"])).toMatchObject({
      command: "erro",
      message: expect.stringMatching(/\.xlsx/),
    });
  });

  test("without --saida the copy goes beside the input as <name>.avaliado.xlsx", async () => {
    const input = path.join(dir, "padrao.xlsx");
    fs.copyFileSync(example, input);
    const code = await main(["avaliar", input], { write: () => 0 }, { write: () => 0 });
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(dir, "padrao.avaliado.xlsx"))).toBe(true);
  });
});

describe("the progress line", () => {
  test("is drawn on stderr on a terminal, and reaches 100%; nothing when stderr is not a terminal", async () => {
    let tty = "";
    const code = await main(
      ["avaliar", example, "--sem-arquivo"],
      { write: () => 0 },
      { isTTY: true, columns: 80, write: (s: string) => (tty += s) },
    );
    expect(code).toBe(0);
    expect(tty).toContain("\r");
    expect(tty).toContain("100%");
    let piped = "";
    await main(["avaliar", example, "--sem-arquivo"], { write: () => 0 }, { write: (s: string) => (piped += s) });
    expect(piped).toBe("");
  });
});
