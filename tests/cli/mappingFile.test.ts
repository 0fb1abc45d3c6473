/**
 * The `--mapa` file of `avaliar` and `consolidar`: read by one function, and a file that cannot be used is
 * named with the reason, in pt-BR, by both commands (exit 2), never a crash.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/index";
import { readMapping } from "../../src/cli/mappingFile";

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "contratualiza-mapa-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}

async function run(...argv: string[]): Promise<{ code: number; err: string }> {
  let err = "";
  const code = await main(argv, { write: () => true }, { write: (s: string) => (err += s) });
  return { code, err };
}

test("a mapping with its tables is read as written", () => {
  const mapping = { tabelas: [{ planilha: "Indicadores", colunas: { meta: "D", resultado: "E" } }] };
  expect(readMapping(file("ok.json", JSON.stringify(mapping)))).toEqual(mapping);
});

test("JSON that is not a mapping (null, a list, no tabelas) and text that is not JSON are named, with why", () => {
  for (const [name, text] of [
    ["null.json", "null"],
    ["lista.json", "[]"],
    ["vazio.json", "{}"],
    ["texto.json", "colunas: D e E"],
  ]) {
    const f = file(name, text);
    const message = readMapping(f);
    expect(typeof message).toBe("string");
    expect(message).toContain(`Não foi possível usar o mapa “${f}”`);
  }
  expect(readMapping(file("null2.json", "null"))).toContain('esperava um JSON como { "tabelas"');
});

test("both commands stop with exit 2 and the message on a mapping file holding null (avaliar crashed on it)", async () => {
  const mapa = file("nulo.json", "null");
  for (const command of ["avaliar", "consolidar"]) {
    const { code, err } = await run(command, path.join(dir, "qualquer.xlsx"), "--mapa", mapa);
    expect(code).toBe(2);
    expect(err).toContain(`Não foi possível usar o mapa “${mapa}”`);
  }
});
