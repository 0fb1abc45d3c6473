/**
 * The national programmes end to end, as a user meets them: real .xlsx and CSV files written here, read by
 * the command (`avaliar`, `consolidar`), its JSON and text checked, and the evaluated copy read back.
 *
 * Co-financing as people type it (tests/workbook/cofinanciamento.ts `typedSheets`, worked out there):
 *   ESF Sul 6,25 Bom, incompleta C2 (its C2 typed 0,6: a scale problem, not 0,6 points) ·
 *   ESF Leste 7,75 Ótimo (numerator ÷ denominator only; C2 45/60 = 75 → Bom) ·
 *   ESF Norte 6,5 Bom, incompleta C7 (the official worked example without C7; never rescaled to 8,125).
 * Previne Brasil: one indicator (ISF parcial 1 de 7), a pooled row of two municipalities (conjunto, its
 * concept from its own result), the same indicator twice across two files or sheets, a justification column.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { runConsolidar } from "../../src/cli/consolidate";
import { main } from "../../src/cli/index";
import { presets } from "../../src/core/presets";
import { runPipeline } from "../../src/workbook/pipeline";
import { LESTE_NOTE, NORTE_NOTE, SUL_NOTE, typedSheets } from "./cofinanciamento";
import { sheet, workbook } from "./fixtures";
import { HYPERTENSION_TITLE, LAVRAS, PREVINE_LONG_NAMES, sisabExport, SISAB_HYPERTENSION } from "./previne";
import { tempDir } from "../hosts/file/xlsx/helpers";

jest.setTimeout(60_000);

async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  return { code, out, err };
}

async function consolidar(argv: string[]) {
  let out = "";
  let err = "";
  const code = await runConsolidar(
    argv,
    { write: (s: string) => (out += s) },
    { isTTY: false, columns: 100, write: (s: string) => (err += s) },
  );
  return { code, out, err };
}

/** Writes sheets of plain values as an .xlsx file. */
async function writeXlsx(file: string, sheets: { name: string; rows: unknown[][] }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r as ExcelJS.CellValue[]);
  }
  await wb.xlsx.writeFile(file);
}

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** Every text value of a sheet. */
function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && out.push(c.value)));
  return out;
}

/** The value right of a label in column A of a summary sheet (labels span A:B, values start in C). */
function labelled(ws: ExcelJS.Worksheet, label: string): unknown {
  let value: unknown;
  ws.eachRow((row) => {
    if (row.getCell(1).value === label) value = row.getCell(3).value;
  });
  return value;
}

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe("co-financing per Nota Técnica nº 8/2026-DEAPS, from a real workbook", () => {
  let input: string;
  beforeAll(async () => {
    input = path.join(dir, "equipes-digitadas.xlsx");
    await writeXlsx(input, typedSheets());
  });

  test("JSON: each team's nota over the ten weights, the missing indicators named, the fraction column a problem", async () => {
    const output = path.join(dir, "equipes-digitadas.avaliado.xlsx");
    const { code, out, err } = await run(["avaliar", input, "--saida", output, "--json"]);
    // Exit 1: the workbook has a data problem (the C2 fraction), and everything else is evaluated.
    expect([code, err]).toEqual([1, ""]);
    const json = JSON.parse(out);
    expect(json.predefinicaoEscolhida.id).toBe("cofinanciamento");
    const [period] = json.periodos;
    expect(period.periodo).toBe("2025-Q1");
    const teams = Object.fromEntries(period.equipes.map((t: { equipe: string }) => [t.equipe, t]));
    expect(Object.keys(teams).sort()).toEqual(["ESF Leste", "ESF Norte", "ESF Sul"]);

    // ESF Leste, numerator ÷ denominator only: 7,75 → Ótimo; C2 45/60 = 75 points → Bom (factor 0,75).
    expect(teams["ESF Leste"]).toMatchObject({
      classificacao: "Ótimo",
      incompleta: false,
      indicadoresSemResultado: [],
    });
    expect(teams["ESF Leste"].notaFinal).toBeCloseTo(LESTE_NOTE, 12);
    expect(teams["ESF Leste"].indicadores[1]).toEqual({
      codigo: "C2",
      resultado: 75,
      classificacao: "Bom",
      fator: 0.75,
      situacao: "avaliado",
    });
    expect(teams["ESF Leste"].indicadores.map((i: { resultado: number }) => i.resultado)).toEqual([
      60, 75, 90, 30, 20, 80, 70,
    ]);

    // ESF Norte, no C7: 0,75 + 2 + 2 + 0,5 + 0,25 + 1 + 0 = 6,5 → Bom (never 8,125 → Ótimo), incompleta: C7.
    expect(teams["ESF Norte"]).toMatchObject({
      classificacao: "Bom",
      incompleta: true,
      indicadoresSemResultado: [{ codigo: "C7", indicador: "Cuidado da mulher na prevenção do câncer" }],
    });
    expect(teams["ESF Norte"].notaFinal).toBeCloseTo(NORTE_NOTE, 12);

    // ESF Sul, C2 typed 0,6: not classified (never Regular as 0,6 points): 6,25 → Bom, incompleta: C2.
    expect(teams["ESF Sul"]).toMatchObject({
      classificacao: "Bom",
      incompleta: true,
      indicadoresSemResultado: [{ codigo: "C2", indicador: "Cuidado no desenvolvimento infantil" }],
    });
    expect(teams["ESF Sul"].notaFinal).toBeCloseTo(SUL_NOTE, 12);
    expect(teams["ESF Sul"].indicadores[1]).toMatchObject({ codigo: "C2", classificacao: null, situacao: "invalido" });
    const scale = period.problemas.filter((p: { mensagem: string }) => /frações de 0 a 1/.test(p.mensagem));
    expect(scale).toEqual([
      { planilha: "Frações", celula: "E3", mensagem: expect.stringContaining("Os resultados de C2 (E3)") },
    ]);

    // The copy: C2 of Frações is marked invalid in the owned concept column; C2 of Razões is Bom (45/60).
    const book = await readBook(output);
    const concept = (name: string, row: number) => {
      const ws = book.getWorksheet(name)!;
      let col = 0;
      ws.getRow(1).eachCell((c, n) => (c.value === "Conceito (Contratualiza)" ? (col = n) : undefined));
      return ws.getCell(row, col).value;
    };
    expect([concept("Frações", 3), concept("Frações", 2), concept("Razões", 3)]).toEqual(["Inválido", "Ótimo", "Bom"]);
    // The per-team sheet names the incomplete teams under the table.
    const teamsSheet = texts(book.getWorksheet("Cofinanciamento 2025-Q1")!);
    expect(teamsSheet).toContain(
      "ESF Norte (INE 0005555555) — incompleta: falta C7 Cuidado da mulher na prevenção do câncer",
    );
    expect(teamsSheet).toContain("ESF Sul (INE 0003333333) — incompleta: falta C2 Cuidado no desenvolvimento infantil");
  });

  test("text: the notas, the teams incomplete with their indicators, the scale problem with its cell", async () => {
    const { code, out } = await run(["avaliar", input, "--sem-arquivo"]);
    expect(code).toBe(1);
    expect(out).toContain("• ESF Leste — INE 0004444444: nota final 7,75 (Ótimo)");
    expect(out).toContain(
      "C1 60 Ótimo · C2 75 Bom · C3 90 Ótimo · C4 30 Suficiente · C5 20 Regular · C6 80 Ótimo · C7 70 Bom",
    );
    expect(out).toContain("• ESF Norte — INE 0005555555: nota final 6,50 (Bom)");
    expect(out).toContain(
      "incompleta: sem resultado em C7 Cuidado da mulher na prevenção do câncer (conta zero; os pesos não são redistribuídos)",
    );
    expect(out).toContain("• ESF Sul — INE 0003333333: nota final 6,25 (Bom)");
    expect(out).toContain("C1 60 Ótimo · C2 inválido · C3 80 Ótimo");
    expect(out).toMatch(/• Frações!E3: Os resultados de C2 \(E3\) são todos frações de 0 a 1/);
  });
});

describe("Previne Brasil reported faithfully", () => {
  const header = ["Município", "Indicador", "Quadrimestre", "Resultado (%)"];

  test("one indicator only: ISF parcial (1 de 7 indicadores), in the JSON, the text, the Resumo and the communiqué", async () => {
    // Lavras, hypertension 40% against 50%: nota 10 × 40 / 50 = 8,0 — one of seven indicators, so not the ISF.
    const input = path.join(dir, "lavras-hipertensao.xlsx");
    await writeXlsx(input, [{ name: "Previne", rows: [header, ["Lavras", HYPERTENSION_TITLE, "2022 Q1", 40]] }]);
    const json = JSON.parse(
      (await run(["avaliar", input, "--predefinicao", "previne", "--json", "--sem-arquivo"])).out,
    );
    const [q1] = json.periodos;
    expect(q1.isfParcial).toBeCloseTo(8, 12);
    expect(q1).not.toHaveProperty("isf");
    expect(q1.valorGlobal).toMatchObject({
      nome: "ISF parcial (1 de 7 indicadores)",
      parcial: true,
      conjunto: false,
      indicadoresComResultado: 1,
      indicadoresDoConjunto: 7,
    });

    const output = path.join(dir, "lavras-hipertensao.avaliado.xlsx");
    const { out } = await run(["avaliar", input, "--predefinicao", "previne", "--saida", output]);
    expect(out).toContain("  ISF parcial (1 de 7 indicadores): 8,00 de 10");
    expect(out).toContain("O ISF precisa dos 7 indicadores; com 1, o valor é um ISF parcial");
    expect(out).not.toMatch(/\bISF: /);
    const book = await readBook(output);
    const resumo = book.getWorksheet("Resumo 2022-Q1")!;
    expect(labelled(resumo, "ISF parcial (1 de 7 indicadores) (0 a 10)")).toBeCloseTo(8, 12);
    expect(labelled(resumo, "ISF (0 a 10)")).toBeUndefined();
    const all = book.worksheets.flatMap(texts);
    expect(all).toContain("O ISF parcial (1 de 7 indicadores) apurado foi de 8,00, numa escala de 0 a 10.");
    expect(all.some((t) => t.startsWith("O ISF apurado"))).toBe(false);
  });

  test("the pooled row of two municipalities is the conjunto, and its concept follows its own result", async () => {
    // Hypertension (meta 50%, peso 2): Barroso 40% → B (nota 8), Tiradentes 70% → A (nota 10); conjunto: mean
    // 55% ≥ 50% → A. Diabetes (meta 50%, peso 1): Barroso 60% → A (10), Tiradentes 30% → B (6); conjunto 45% → B.
    // ISF parcial (2 de 7) of the conjunto: the notas of its own results, 55% → 10 and 45% → 10 × 45 / 50 = 9,
    // weighted (10 × 2 + 9 × 1) / 3 = 29 / 3 = 9,67.
    const input = path.join(dir, "conjunto.xlsx");
    await writeXlsx(input, [
      {
        name: "Previne",
        rows: [
          header,
          ["Barroso", HYPERTENSION_TITLE, "2022 Q1", 40],
          ["Tiradentes", HYPERTENSION_TITLE, "2022 Q1", 70],
          ["Barroso", PREVINE_LONG_NAMES[6], "2022 Q1", 60],
          ["Tiradentes", PREVINE_LONG_NAMES[6], "2022 Q1", 30],
        ],
      },
    ]);
    const output = path.join(dir, "conjunto.avaliado.xlsx");
    const { out } = await run(["avaliar", input, "--predefinicao", "previne", "--saida", output]);
    expect(out).toContain("  ISF parcial (2 de 7 indicadores) do conjunto: 9,67 de 10");
    expect(out).toContain("o seu conceito segue o resultado do conjunto (A quando ele atinge a meta)");
    const json = JSON.parse(
      (await run(["avaliar", input, "--predefinicao", "previne", "--json", "--sem-arquivo"])).out,
    );
    const [q1] = json.periodos;
    expect(q1.conjunto).toBe(true);
    expect(q1.valorGlobal.nome).toBe("ISF parcial (2 de 7 indicadores) do conjunto");
    expect(q1.isfParcial).toBeCloseTo(29 / 3, 12);
    expect(
      q1.indicadores.map((i: { codigo: string; resultado: number; conceito: string }) => [
        i.codigo,
        Number(i.resultado.toFixed(9)),
        i.conceito,
      ]),
    ).toEqual([
      ["6", 0.55, "A"],
      ["7", 0.45, "B"],
    ]);
    // Each municipality keeps its own concepts.
    expect(
      q1.municipios.map((m: { municipio: string; indicadores: { conceito: string }[] }) => [
        m.municipio,
        m.indicadores.map((i) => i.conceito),
      ]),
    ).toEqual([
      ["Barroso", ["B", "A"]],
      ["Tiradentes", ["A", "B"]],
    ]);
    // The Resumo names the conjunto, says what it is, and shows hypertension as A.
    const resumo = (await readBook(output)).getWorksheet("Resumo 2022-Q1")!;
    expect(labelled(resumo, "ISF parcial (2 de 7 indicadores) do conjunto (0 a 10)")).toBeCloseTo(29 / 3, 12);
    expect(texts(resumo).some((t) => t.startsWith("Conjunto dos 2 municípios"))).toBe(true);
    let hypertension: unknown;
    resumo.eachRow((row) => {
      if (row.getCell(2).value === HYPERTENSION_TITLE) hypertension = row.getCell(8).value;
    });
    expect(hypertension).toBe("A");
  });

  test("the same indicator twice in two exports of one folder: a problem naming both files, never an average", async () => {
    // The full hypertension export (Tiradentes 40% in 2022 Q1) and a second download of Q1 with Tiradentes 45%
    // and Barroso 0% (as in the first). Tiradentes Q1: 40 ≠ 45 → neither used (no ISF parcial; never 42,5%);
    // Barroso Q1: 0 = 0 → counted once (nota 0).
    const folder = path.join(dir, "paineis-repetidos");
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "painel-hipertensao.csv"), Buffer.from(SISAB_HYPERTENSION, "latin1"));
    const again = sisabExport(
      HYPERTENSION_TITLE,
      [
        ["316990", "Tiradentes", 45],
        ["310560", "Barroso", 0],
      ],
      ["2022 Q1"],
    );
    fs.writeFileSync(path.join(folder, "painel-hipertensao-2.csv"), Buffer.from(again, "latin1"));
    const { code, out } = await consolidar([folder, "--json", "--sem-arquivo"]);
    expect(code).toBe(1);
    const json = JSON.parse(out);
    const q1 = json.linhas.filter((l: { periodo: string }) => l.periodo === "2022-Q1");
    const tiradentes = q1.find((l: { municipio: string }) => l.municipio === "Tiradentes");
    const barroso = q1.find((l: { municipio: string }) => l.municipio === "Barroso");
    expect(tiradentes.isfParcial).toBeNull();
    expect(barroso.isfParcial).toBe(0);
    expect(tiradentes.repetidos).toHaveLength(1);
    const [message] = tiradentes.repetidos;
    expect(message).toContain(
      "(município Tiradentes, 2022-Q1) aparece duas vezes, no arquivo painel-hipertensao-2.csv",
    );
    expect(message).toContain("e no arquivo painel-hipertensao.csv");
    expect(message).toContain("com resultados diferentes: nenhum dos dois foi usado (não se tira média)");
    expect(barroso.repetidos[0]).toContain("com o mesmo resultado (0): foi contado uma vez");
    // Q2 and Q3 come from the first file only: nothing repeated there.
    expect(
      json.linhas
        .filter((l: { periodo: string }) => l.periodo !== "2022-Q1")
        .every((l: { repetidos: string[] }) => l.repetidos.length === 0),
    ).toBe(true);

    const text = (await consolidar([folder, "--sem-arquivo"])).out;
    expect(text).toContain("Resultados repetidos (2) em dois arquivos ou tabelas:");
  });

  test("the same indicator twice in one workbook (two sheets): a problem naming both sheets and cells", () => {
    const rows = (value: number) => [header, ["Lavras", HYPERTENSION_TITLE, "2022 Q1", value]];
    const result = runPipeline(workbook(sheet("Janeiro", rows(40)), sheet("Cópia", rows(45))), {
      preset: presets.previne,
    });
    const duplicate = result.problems.find((p) => p.code === "duplicate");
    expect(duplicate?.message).toContain("na planilha Janeiro, célula D2 (40) e na planilha Cópia, célula D2 (45)");
    // Neither 40% nor 45% (nor 42,5%): the indicator is without a result, and there is no ISF parcial to show.
    expect(result.evaluations[0].indicators[0].status).toBe("invalid");
    expect(result.evaluations[0].overall.value).toBeUndefined();
  });

  test("a justification column under Previne is shown and never scored: the ISF stays 7,5", async () => {
    // Lavras' seven indicators (tests/workbook/previne.ts): ISF 7,5. Indicator 2 (30% against 60%, nota 5) with an
    // accepted justification: under a contract's rules it would count as met and raise the ISF by
    // (10 − 5) × 1 / 10 = 0,5 to 8,0; national rules have no commission, so 7,5 and concept B.
    const input = path.join(dir, "lavras-justificativa.xlsx");
    const rows = [
      [...header, "Justificativa", "Justificativa aceita"],
      ...PREVINE_LONG_NAMES.map((n, i) => [
        "Lavras",
        n,
        "2022 Q1",
        LAVRAS[i],
        i === 1 ? "Falta de insumos para testagem" : null,
        i === 1 ? "Sim" : null,
      ]),
    ];
    await writeXlsx(input, [{ name: "Previne", rows }]);
    const json = JSON.parse(
      (await run(["avaliar", input, "--predefinicao", "previne", "--json", "--sem-arquivo"])).out,
    );
    const [q1] = json.periodos;
    // Seven of seven: the ISF itself.
    expect(q1.isf).toBeCloseTo(7.5, 12);
    expect(q1.valorGlobal).toMatchObject({ nome: "ISF", parcial: false });
    expect(q1.indicadores[1]).toMatchObject({ conceito: "B", situacao: "nao_atingido" });
    const { out } = await run(["avaliar", input, "--predefinicao", "previne", "--sem-arquivo"]);
    expect(out).toContain("  ISF: 7,50 de 10");
    expect(out).toContain(
      "Nas regras do Previne Brasil (ISF) não há comissão de avaliação: a coluna “Justificativa aceita” aparece, mas não muda nenhuma nota",
    );
    expect(out).not.toMatch(/justificativa aceita \(conta como atingida\)/i);
  });
});
