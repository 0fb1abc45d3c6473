import { execFileSync, spawnSync } from "child_process";
import crypto from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import { parseArgs } from "../../src/cli/args";
import { main } from "../../src/cli/index";

const root = path.join(__dirname, "..", "..");
const example = path.join(root, "assets", "exemplo-contrato.xlsx");

/** Runs main() in-process and collects what it prints. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  return { code, out, err };
}

describe("arguments", () => {
  test("avaliar with every option", () => {
    const args = parseArgs(["avaliar", "a.xlsx", "--periodo", "2025-T1", "--predefinicao", "previne", "--metodo", "media", "--mapa=m.json", "--json"]);
    expect(args).toMatchObject({ command: "avaliar", file: "a.xlsx", preset: "previne", method: "meanAttainment", mapFile: "m.json", json: true });
    expect(args.command === "avaliar" && args.period?.label).toBe("2025-T1");
  });

  test("mistakes come back as pt-BR messages", () => {
    expect(parseArgs(["avaliar"])).toMatchObject({ command: "erro", message: expect.stringMatching(/Informe o arquivo/) });
    expect(parseArgs(["avaliar", "a.xlsx", "--periodo", "xyz"])).toMatchObject({ command: "erro", message: expect.stringMatching(/xyz/) });
    expect(parseArgs(["avaliar", "a.xlsx", "--predefinicao", "outra"])).toMatchObject({ command: "erro" });
    expect(parseArgs(["avaliar", "a.xlsx", "--saida"])).toMatchObject({ command: "erro", message: expect.stringMatching(/--saida/) });
    expect(parseArgs(["consolidar"])).toMatchObject({ command: "erro" });
    expect(parseArgs([])).toEqual({ command: "ajuda" });
  });
});

describe("contratualiza avaliar on the bundled example", () => {
  // The example (src/workbook/xlsx/example.ts): 9 indicators × Jan–Mar 2025 × 2 units. Performance weights:
  // six seed-003 indicators at 1, PMAQ 1.4 and 2.3 at 2 → Σ = 10; 2.7 is monitoring (not scored).
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
    expect(out).toMatch(/Atingimento global: 90%/);
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

describe("the installed command (lib/, built by npm test and npm ci)", () => {
  const bin = path.join(root, "lib", "cli", "index.js");

  test("runs, leaves the input file's bytes unchanged, and gives the same output twice", () => {
    if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build:cli\` first (npm test does it).`);
    const hash = () => crypto.createHash("sha256").update(fs.readFileSync(example)).digest("hex");
    const before = hash();
    const first = execFileSync(process.execPath, [bin, "avaliar", example, "--json"], { encoding: "utf8" });
    const second = execFileSync(process.execPath, [bin, "avaliar", example, "--json"], { encoding: "utf8" });
    expect(second).toBe(first);
    expect(hash()).toBe(before);
    const usage = spawnSync(process.execPath, [bin, "avaliar", "--opcao-inexistente"], { encoding: "utf8" });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Opção .*desconhecida/);
  });
});
