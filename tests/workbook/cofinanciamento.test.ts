/**
 * The co-financing quality component per team, end to end: detection of the team columns, the preset chosen
 * from the indicators, one evaluation per team and four-month period, the per-team report sheet, the
 * command's JSON and text, and the sheet as a real .xlsx (written, read back, rendered by LibreOffice).
 * The expected figures are worked out in ./cofinanciamento (CENTRO and VILA_NOVA) and beside each test.
 */
import { createHash } from "crypto";
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/index";
import { presets } from "../../src/core/presets";
import { runPipeline, type PeriodEvaluation } from "../../src/workbook/pipeline";
import { buildTeamQuality, classCounts, teamQualitySheet } from "../../src/workbook/plan/reports";
import type { PlanCell } from "../../src/workbook/plan/types";
import { readWorkbookFile } from "../../src/hosts/file/xlsx/read";
import { artifactsDir, convertWithLibreOffice, renderPdf, withLibreOffice } from "../support/libreoffice";
import { CENTRO_NOTE, COFIN_HEADER, cofinRows, VILA_NOVA_NOTE } from "./cofinanciamento";
import { fmt, sheet, workbook } from "./fixtures";
import { tempDir, workbookOf } from "../hosts/file/xlsx/helpers";

jest.setTimeout(120_000);

/** The class fills of presets/bandTables (Ótimo green … Regular red), read from the preset itself. */
const fill = (label: string) => presets.cofinanciamento.bands!.bands.find((b) => b.label === label)!.color;

function evaluateLong(): PeriodEvaluation {
  const result = runPipeline(workbook(sheet("Equipes", [COFIN_HEADER, ...cofinRows()])));
  expect(result.evaluations).toHaveLength(1);
  return result.evaluations[0];
}

describe("pipeline: one evaluation per team", () => {
  test("a table of C1–C7 without targets is the co-financing, evaluated per team and four-month period", () => {
    const result = runPipeline(workbook(sheet("Equipes", [COFIN_HEADER, ...cofinRows()])));
    expect(result.presetChoice?.id).toBe("cofinanciamento");
    expect(result.presetChoice?.reason).toContain("C1, C2, C3, C4, C5, C6, C7");
    // January–April 2025 is the first four-month period.
    expect(result.evaluations.map((ev) => ev.period?.label)).toEqual(["2025-Q1"]);
    const teams = result.evaluations[0].byTeam!;
    expect(teams.map((t) => [t.team, t.code, t.municipality])).toEqual([
      ["ESF Centro", "0001234567", "Lavras"],
      ["ESF Vila Nova", "0007654321", "Lavras"],
    ]);
    const [centro, vila] = teams.map((t) => t.evaluation);
    // The official worked example: 0,75 + 2 + 2 + 0,5 + 0,25 + 1 + 2 = 8,5 → Ótimo.
    expect(centro.overall.value).toBeCloseTo(CENTRO_NOTE, 10);
    expect(centro.band?.band.label).toBe("Ótimo");
    expect(centro.indicators.map((i) => [i.result, i.classification?.label])).toEqual([
      [40, "Bom"], // (35 + 45 + 40 + 40) / 4
      [80, "Ótimo"],
      [90, "Ótimo"], // (90 + 100 + 85 + 85) / 4
      [30, "Suficiente"],
      [20, "Regular"], // (20 + 25 + 15 + 20) / 4
      [76, "Ótimo"],
      [100, "Ótimo"],
    ]);
    // Σ factor × peso = 5,0 over the ten weights (C6 adds nothing; not 5,0 ÷ 9 × 10 = 5,56) → Bom; C6 is
    // pending and the team incomplete, naming C6.
    expect(vila.overall.value).toBeCloseTo(VILA_NOVA_NOTE, 10);
    expect(vila.overall.weightTotal).toBe(10);
    expect(vila.band?.band.label).toBe("Bom");
    expect([vila.overall.withData, vila.overall.scored, vila.overall.incomplete]).toEqual([6, 7, true]);
    expect(vila.pending.map((i) => i.indicator)).toEqual(["C6"]);
    expect(vila.coverage?.missing).toEqual([{ code: "C6", name: "Cuidado da pessoa idosa", weight: 1 }]);
    expect([centro.overall.incomplete, centro.coverage?.missing]).toEqual([false, []]);
    expect(vila.indicators.map((i) => i.classification?.label)).toEqual([
      "Ótimo",
      "Suficiente",
      "Bom",
      "Regular",
      "Bom",
      undefined,
      "Regular",
    ]);
  });

  test("C1 named by its name (no code) is classified by the C1 range, not by the C2–C7 table", () => {
    // 60 is Ótimo for C1 (> 50 e ≤ 70) but only Bom on the C2–C7 table (> 50 e ≤ 75).
    const rows = [
      ["Equipe", "Indicador", "Quadrimestre", "Resultado"],
      ["ESF 1", "Mais acesso à Atenção Primária à Saúde", "2025 Q1", 60],
      ["ESF 1", "Cuidado no desenvolvimento infantil", "2025 Q1", 60],
    ];
    const ev = runPipeline(workbook(sheet("Q", rows))).evaluations[0];
    expect(ev.preset.id).toBe("cofinanciamento");
    expect(ev.byTeam![0].evaluation.indicators.map((i) => i.classification?.label)).toEqual(["Ótimo", "Bom"]);
  });

  test("a contract table coded C1… with targets stays a contract's", () => {
    const rows = [
      ["Código", "Indicador", "Equipe", "Meta", "Resultado"],
      ["C1", "Consultas médicas", "ESF 1", 100, 120],
      ["C2", "Visitas domiciliares", "ESF 1", 50, 40],
    ];
    const result = runPipeline(workbook(sheet("Contrato", rows)));
    expect(result.presetChoice).toBeUndefined();
    expect(result.evaluations[0].preset.id).toBe("instrumento");
    expect(result.evaluations[0].byTeam).toBeUndefined();
  });

  test("percentages read as points (40% → 40); teams of the same name in two municipalities stay apart", () => {
    const rows = [
      ["Município", "Nome da equipe", "CNES", "INE", "Indicador", "Quadrimestre", "Resultado"],
      ["Lavras", "ESF 01", "2761041", "0000111111", "C2", "2025 Q1", fmt(0.8, "0%")],
      ["Perdões", "ESF 01", "2761042", "0000222222", "C2", "2025 Q1", fmt(0.4, "0%")],
    ];
    const ev = runPipeline(workbook(sheet("Q", rows))).evaluations[0];
    // `Nome da equipe` names the team; `INE` beside it is its code; `CNES` is neither.
    expect(
      ev.byTeam!.map((t) => [
        t.municipality,
        t.team,
        t.code,
        t.evaluation.indicators[0].result,
        t.evaluation.indicators[0].classification?.label,
      ]),
    ).toEqual([
      ["Lavras", "ESF 01", "0000111111", 80, "Ótimo"],
      ["Perdões", "ESF 01", "0000222222", 40, "Suficiente"],
    ]);
    // One indicator with data (C2, weight 2), the six others add nothing over the ten weights: nota = factor × 2
    // → Ótimo 1 × 2 = 2 and Suficiente 0,5 × 2 = 1 (not 10 and 5, which would rescale C2 alone to the whole nota).
    expect(ev.byTeam!.map((t) => t.evaluation.overall.value)).toEqual([2, 1]);
    expect(ev.byTeam!.map((t) => t.evaluation.coverage?.missing.map((m) => m.code))).toEqual([
      ["C1", "C3", "C4", "C5", "C6", "C7"],
      ["C1", "C3", "C4", "C5", "C6", "C7"],
    ]);
  });

  test("a panel export of one co-financing indicator per team chooses the preset from its title", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const text = [
        "Ministério da Saúde",
        "Painel de Indicadores da APS - Componente de Qualidade",
        "Indicador: Cuidado da pessoa com diabetes",
        "",
        "UF;IBGE;Município;CNES;INE;Nome da Equipe;2025 Q1 (%);2025 Q2 (%);",
        "MG;313820;Lavras;2761041;0000111111;ESF Centro;76;50;",
        "MG;313820;Lavras;2761041;0000222222;ESF Vila Nova;25;26;",
        "",
        "Fonte: SISAB",
      ].join("\r\n");
      const file = path.join(dir, "painel-c4.csv");
      fs.writeFileSync(file, Buffer.from(text, "latin1"));
      const result = runPipeline(workbookOf(await readWorkbookFile(file)));
      expect(result.presetChoice?.id).toBe("cofinanciamento");
      expect(result.tables[0].layout).toBe("panel");
      // Integer percentages of a panel are points: C4 uses the C2–C7 table. Q1: 76 Ótimo, 25 Regular (≤ 25);
      // Q2: 50 Suficiente (≤ 50), 26 Suficiente (> 25).
      const classes = result.evaluations.map((ev) =>
        ev.byTeam!.map((t) => [
          t.team,
          t.code,
          t.evaluation.indicators[0].result,
          t.evaluation.indicators[0].classification?.label,
        ]),
      );
      expect(classes).toEqual([
        [
          ["ESF Centro", "0000111111", 76, "Ótimo"],
          ["ESF Vila Nova", "0000222222", 25, "Regular"],
        ],
        [
          ["ESF Centro", "0000111111", 50, "Suficiente"],
          ["ESF Vila Nova", "0000222222", 26, "Suficiente"],
        ],
      ]);
    } finally {
      cleanup();
    }
  });
});

describe("the per-team sheet", () => {
  const report = buildTeamQuality(evaluateLong())!;
  const plan = teamQualitySheet(report, { source: "equipes.xlsx" });
  const rowOf = (first: string) => plan.rows.find((r) => r[0]?.value === first || r[1]?.value === first)!;

  test("one row per team: each indicator's points with its class in the format and the class's fill, the nota and its class", () => {
    expect(plan.name).toBe("Cofinanciamento 2025-Q1");
    const header = plan.rows.find((r) => r[1]?.value === "Equipe")!;
    expect(header.map((c) => c.value)).toEqual([
      "Município",
      "Equipe",
      "INE",
      "C1\npeso 1",
      "C2\npeso 2",
      "C3\npeso 2",
      "C4\npeso 1",
      "C5\npeso 1",
      "C6\npeso 1",
      "C7\npeso 2",
      "Nota final",
      "Classificação",
    ]);
    const centro = rowOf("ESF Centro");
    expect(centro.slice(0, 3).map((c) => c.value)).toEqual(["Lavras", "ESF Centro", "0001234567"]);
    expect(centro.slice(3, 10).map((c: PlanCell) => [c.value, c.numberFormat, c.style?.fill])).toEqual([
      [40, '0.0 "(Bom)"', fill("Bom")],
      [80, '0.0 "(Ótimo)"', fill("Ótimo")],
      [90, '0.0 "(Ótimo)"', fill("Ótimo")],
      [30, '0.0 "(Suficiente)"', fill("Suficiente")],
      [20, '0.0 "(Regular)"', fill("Regular")],
      [76, '0.0 "(Ótimo)"', fill("Ótimo")],
      [100, '0.0 "(Ótimo)"', fill("Ótimo")],
    ]);
    expect(centro[10].value).toBeCloseTo(8.5, 10);
    expect([centro[11].value, centro[11].style?.fill]).toEqual(["Ótimo", fill("Ótimo")]);
    const vila = rowOf("ESF Vila Nova");
    expect(vila[8].value).toBe("Sem dado"); // C6
    expect(vila[10].value).toBeCloseTo(5, 10); // Σ 5,0 over the ten weights
    expect(vila[11].value).toBe("Bom");
    // Under the table: the team is incomplete, naming the indicator it lacks (code and name).
    expect(plan.rows.flat().map((c) => c.value)).toContain(
      "ESF Vila Nova (INE 0007654321) — incompleta: falta C6 Cuidado da pessoa idosa",
    );
  });

  test("teams per class: counted from both teams' classes", () => {
    // C1: Centro 40 Bom, Vila Nova 70 Ótimo. C6: Centro Ótimo, Vila Nova no data. Nota: Ótimo and Bom.
    expect(Object.fromEntries(classCounts(report, "C1").counts)).toEqual({ Bom: 1, Ótimo: 1 });
    expect(classCounts(report, "C6")).toEqual({ counts: new Map([["Ótimo", 1]]), noData: 1 });
    expect(Object.fromEntries(classCounts(report, undefined).counts)).toEqual({ Ótimo: 1, Bom: 1 });
    const c4 = rowOf("C4");
    // Ótimo, Bom, Suficiente, Regular, Sem dado: Centro 30 Suficiente, Vila Nova 25 Regular.
    expect(c4.slice(3, 8).map((c) => c.value)).toEqual([0, 0, 1, 1, 0]);
  });

  test("the rules, written from the preset's tables, say what docs/regras.md §8.4 says", () => {
    const rules = ["Ótimo", "Bom", "Suficiente", "Regular"].map((label) => {
      const r = plan.rows.find((row) => row[0]?.value === label && row[1]?.numberFormat === "0.00")!;
      return [r[0].value, r[1].value, r[2].value, r[4].value, r[6].value];
    });
    expect(rules).toEqual([
      ["Ótimo", 1, "> 50 e ≤ 70", "> 75", "> 7,5"],
      ["Bom", 0.75, "> 30 e ≤ 50", "> 50 e ≤ 75", "≥ 5 e ≤ 7,5"],
      ["Suficiente", 0.5, "> 10 e ≤ 30", "> 25 e ≤ 50", "> 2,5 e < 5"],
      ["Regular", 0.25, "≤ 10 ou > 70", "≤ 25", "≤ 2,5"],
    ]);
    expect(
      plan.rows
        .flat()
        .some(
          (c) =>
            c.value ===
            "Nota final = 1·C1 + 2·C2 + 2·C3 + 1·C4 + 1·C5 + 1·C6 + 2·C7 (fatores das classes multiplicados pelos pesos).",
        ),
    ).toBe(true);
  });
});

describe("contratualiza avaliar on a real co-financing workbook", () => {
  const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  let dir: string;
  let cleanup: () => void;
  let input: string;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    input = path.join(dir, "equipes.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Equipes");
    ws.addRow(COFIN_HEADER);
    for (const r of cofinRows()) ws.addRow(r as ExcelJS.CellValue[]);
    await wb.xlsx.writeFile(input);
  });
  afterAll(() => cleanup());

  async function run(argv: string[]) {
    let out = "";
    let err = "";
    const code = await main(argv, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
    return { code, out, err };
  }

  test("JSON lists every team; the copy has the per-team sheet and each row's class; the input is untouched", async () => {
    const before = sha256(input);
    const output = path.join(dir, "equipes.avaliado.xlsx");
    const { code, out, err } = await run(["avaliar", input, "--saida", output, "--json"]);
    expect([code, err]).toEqual([0, ""]);
    const json = JSON.parse(out);
    expect(json.predefinicaoEscolhida.id).toBe("cofinanciamento");
    const teams = json.periodos[0].equipes;
    expect(
      teams.map((t: { equipe: string; ine: string; classificacao: string }) => [t.equipe, t.ine, t.classificacao]),
    ).toEqual([
      ["ESF Centro", "0001234567", "Ótimo"],
      ["ESF Vila Nova", "0007654321", "Bom"],
    ]);
    expect(teams[0].notaFinal).toBeCloseTo(8.5, 10);
    expect(teams[1].notaFinal).toBeCloseTo(5, 10); // 5,0 over the ten weights
    expect([teams[0].incompleta, teams[1].incompleta]).toEqual([false, true]);
    expect(teams[1].indicadoresSemResultado).toEqual([{ codigo: "C6", indicador: "Cuidado da pessoa idosa" }]);
    // C1 of Centro: 40 → Bom, factor 0,75; C6 of Vila Nova: no data.
    expect(teams[0].indicadores[0]).toEqual({
      codigo: "C1",
      resultado: 40,
      classificacao: "Bom",
      fator: 0.75,
      situacao: "avaliado",
    });
    expect(teams[1].indicadores[5]).toEqual({
      codigo: "C6",
      resultado: null,
      classificacao: null,
      fator: null,
      situacao: "sem_dado",
    });
    expect(sha256(input)).toBe(before);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(output);
    const sheetTeams = book.getWorksheet("Cofinanciamento 2025-Q1")!;
    expect(sheetTeams).toBeDefined();
    let centroRow: ExcelJS.Row | undefined;
    sheetTeams.eachRow((row) => {
      if (row.getCell(2).value === "ESF Centro") centroRow = row;
    });
    expect(centroRow!.getCell(4).value).toBe(40);
    expect(centroRow!.getCell(4).numFmt).toBe('0.0 "(Bom)"');
    expect(centroRow!.getCell(11).value).toBeCloseTo(8.5, 10);
    expect(centroRow!.getCell(12).value).toBe("Ótimo");
    // The data sheet's owned concept column says each month's class: row 2 is Centro's C1 in January, 35 →
    // Bom on the C1 range (> 30 e ≤ 50); row 6 is its C2 in January, 80 → Ótimo.
    const data = book.getWorksheet("Equipes")!;
    expect(data.getCell("H1").value).toBe("Conceito (Contratualiza)");
    expect([data.getCell("H2").value, data.getCell("H6").value]).toEqual(["Bom", "Ótimo"]);

    // Evaluating the evaluated copy again finds the same teams and writes the same sheet.
    const again = path.join(dir, "equipes.again.xlsx");
    const second = await run(["avaliar", output, "--saida", again, "--json"]);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out).periodos[0].equipes).toEqual(teams);
  });

  test("the text report shows each team's nota and classes", async () => {
    const { code, out } = await run(["avaliar", input, "--sem-arquivo"]);
    expect(code).toBe(0);
    expect(out).toContain("Por equipe (2):");
    expect(out).toContain("• ESF Centro — INE 0001234567 — Lavras: nota final 8,50 (Ótimo)");
    expect(out).toContain(
      "C1 40 Bom · C2 80 Ótimo · C3 90 Ótimo · C4 30 Suficiente · C5 20 Regular · C6 76 Ótimo · C7 100 Ótimo",
    );
    expect(out).toContain("• ESF Vila Nova — INE 0007654321 — Lavras: nota final 5,00 (Bom)");
    expect(out).toContain(
      "incompleta: sem resultado em C6 Cuidado da pessoa idosa (conta zero; os pesos não são redistribuídos)",
    );
    expect(out).toContain("C6 sem dado");
    expect(out).toContain("soma dos fatores das classes ponderados pelos pesos");
  });

  withLibreOffice(true)(
    "LibreOffice renders the per-team sheet to PDF and PNG (kept in test-artifacts/cofinanciamento)",
    async () => {
      const output = path.join(dir, "render.xlsx");
      expect((await run(["avaliar", input, "--saida", output])).code).toBe(0);
      // Only the per-team sheet, so the PNG is of it alone.
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(output);
      for (const ws of [...book.worksheets]) if (ws.name !== "Cofinanciamento 2025-Q1") book.removeWorksheet(ws.id);
      const single = path.join(dir, "cofinanciamento.xlsx");
      await book.xlsx.writeFile(single);
      const artifacts = artifactsDir("cofinanciamento");
      const pdf = await convertWithLibreOffice(single, artifacts, "pdf");
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString("utf8");
      // The class shows through the number format, whatever the renderer's decimal mark.
      for (const expected of [
        "ESF Centro",
        "ESF Vila Nova",
        "(Bom)",
        "(Suficiente)",
        "> 50 e ≤ 70",
        "Regras de classificação",
      ])
        expect(text).toContain(expected);
      expect(text).not.toContain("###");
      const pngs = await renderPdf(pdf, path.join(artifacts, "cofinanciamento"), 70);
      expect(pngs).toHaveLength(1); // fitted to one page
      expect(fs.statSync(pngs[0]).size).toBeGreaterThan(10_000);
    },
  );
});
