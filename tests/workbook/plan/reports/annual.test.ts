/**
 * The annual / final evaluation report (src/workbook/plan/reports/annual.ts) on the fixture's four quarters
 * (fixture.ts has the table): per performance indicator the programmed and achieved figures of each quarter
 * and the trend; each quarter's overall attainment and band, and the year's; the line chart. Then the whole
 * chain on a real file: `reportSheets` added to the plan of `avaliar`, written with `writeEvaluatedFile`,
 * the chart found in the package (`c:lineChart` reading the sheet's cells), and LibreOffice opening it,
 * drawing a line chart and printing it (PDF and PNG kept in test-artifacts/reports).
 */
import { createHash } from "crypto";
import fs from "fs";
import path from "path";
import JSZip from "jszip";
import { fromA1Range } from "../../../../src/workbook/a1";
import { buildPlan } from "../../../../src/workbook/plan/build";
import type { PlanCell, SummarySheetPlan } from "../../../../src/workbook/plan/types";
import { runPipeline } from "../../../../src/workbook/pipeline";
import { previne } from "../../../../src/core/presets";
import {
  annualSheet,
  buildAnnual,
  buildCommunique,
  isReportSheet,
  planAnnual,
  reportSheets,
} from "../../../../src/workbook/plan/reports";
import { nationalStrings, reportStrings } from "../../../../src/workbook/messages";
import { readWorkbookFile } from "../../../../src/hosts/file/xlsx/read";
import { writeEvaluatedFile } from "../../../../src/hosts/file/xlsx/write";
import { artifactsDir, convertWithLibreOffice, renderPdf, withLibreOffice } from "../../../support/libreoffice";
import { sheetParts, tempDir, workbookOf } from "../../../hosts/file/xlsx/helpers";
import { contractWorkbook, writeContractXlsx } from "./fixture";

const result = runPipeline(contractWorkbook());
const evs = result.evaluations;
const report = buildAnnual(evs, { kind: "year", year: 2025 });

/** The value of a plan cell at an A1 address. */
function at(sheet: SummarySheetPlan, address: string): PlanCell | undefined {
  const r = fromA1Range(address)!;
  return sheet.rows[r.top - 1]?.[r.left - 1];
}

describe("buildAnnual: the figures", () => {
  test("each quarter's overall attainment and band, and the year's (mean of the quarters)", () => {
    expect(report.name).toBe("Avaliação anual 2025");
    expect(report.periods.map((p) => [p.label, p.withData, p.met, p.band?.number])).toEqual([
      ["2025-T1", 6, 4, 2], // 83,33%: I1, I4, I5, I7 A; I2 justified in total (credit 1, concept B)
      ["2025-T2", 5, 3, 3], // 70%: I7 without data
      ["2025-T3", 6, 4, 4], // 66,67%
      ["2025-T4", 6, 3, 5], // 50%
    ]);
    expect(report.periods.map((p) => p.attainment)).toEqual([
      expect.closeTo(5 / 6, 12),
      0.7,
      expect.closeTo(4 / 6, 12),
      0.5,
    ]);
    // (83,33 + 70 + 66,67 + 50) / 4 = 67,5% → band 4.
    expect(report.combined.value).toBeCloseTo(67.5, 12);
    expect(report.combined.band?.band.number).toBe(4);
    // Overall trend: y = 0,8333 0,7 0,6667 0,5; Σ(x−x̄)(y−ȳ) = −0,51667; ÷ 5 → −10,33 pp per quarter.
    expect(report.overallTrend?.direction).toBe("worsening");
    expect(report.overallTrend?.slope).toBeCloseTo(-0.516667 / 5, 6);
  });

  test("per performance indicator: the series, the trend and the justifications; monitoring left out", () => {
    const byCode = Object.fromEntries(report.indicators.map((i) => [i.code, i]));
    expect(Object.keys(byCode)).toEqual(["I1", "I2", "I3", "I4", "I5", "I7"]);
    // I2: scored 0,6/0,8 = 75%, 0,7/0,8 = 87,5%, 100%, 100% → slope 0,4375 / 5 = +8,75 pp → melhorando.
    expect(byCode.I2.series).toEqual([expect.closeTo(0.75, 12), expect.closeTo(0.875, 12), 1, 1]);
    expect(byCode.I2.trend).toEqual({ direction: "improving", slope: expect.closeTo(0.0875, 12), points: 4 });
    expect(byCode.I2.justifications).toEqual([
      "2025-T1: Falta de médico na UBS Centro durante o trimestre (acatada totalmente)",
      "2025-T2: Reposição parcial da equipe de enfermagem (acatada parcialmente)",
    ]);
    // I4 (≤ 10%): 8%, 9% → 100%; 12% → 10/12 = 83,33%; 14% → 10/14 = 71,43%.
    // ȳ = 0,886905; Σ(x−x̄)(y−ȳ) = −0,511905; ÷ 5 = −0,102381 → −10,24 pp → piorando.
    expect(byCode.I4.trend?.direction).toBe("worsening");
    expect(byCode.I4.trend?.slope).toBeCloseTo(-0.102381, 6);
    // I3: 73,68%, 75,79%, 71,58%, 74,74%: Σ(x−x̄)(y−ȳ) = −0,5/95 → slope −0,105 pp → estável.
    expect(byCode.I3.trend?.direction).toBe("stable");
    expect(byCode.I3.trend?.slope).toBeCloseTo(-0.5 / 95 / 5, 12);
    // I1 and I5 are at 100% every quarter: stable, slope 0.
    expect(byCode.I1.trend).toEqual({ direction: "stable", slope: 0, points: 4 });
    // I7: no data in T2 → three points (0; 1), (2; 1), (3; 0,96): x̄ = 5/3, ȳ = 0,98667,
    // Σ(x−x̄)(y−ȳ) = (−5/3)(0,01333) + (1/3)(0,01333) + (4/3)(−0,02667) = −0,05333; Σ(x−x̄)² = 4,6667 → −1,14 pp.
    expect(byCode.I7.series).toEqual([1, undefined, 1, expect.closeTo(0.96, 12)]);
    expect(byCode.I7.trend).toEqual({
      direction: "stable",
      slope: expect.closeTo(-0.05333333 / 4.6666667, 6),
      points: 3,
    });
    expect(report.hasMonitoring).toBe(true);
    expect(report.revisions.map((r) => [r.code, r.reason])).toEqual([
      ["I1", "wideMargin"],
      ["I3", "neverMet"],
    ]);
  });

  test("a target that changed is shown with the quarters it held", () => {
    const wb = contractWorkbook();
    for (const row of wb.sheets[0].rows)
      if (row[0]?.value === "I5" && (row[3]?.value === "2025-T3" || row[3]?.value === "2025-T4"))
        row[4] = { value: "≥ 12" };
    const changed = buildAnnual(runPipeline(wb).evaluations, { kind: "year", year: 2025 });
    expect(changed.indicators.find((i) => i.code === "I5")?.target).toBe(
      "≥ 10 (2025-T1 a 2025-T2); ≥ 12 (2025-T3 a 2025-T4)",
    );
  });
});

describe("annualSheet: the cells", () => {
  const sheet = annualSheet(report, { source: "contrato.xlsx" });
  const rowOf = (text: string, col = 0) => sheet.rows.findIndex((r) => r[col]?.value === text) + 1;

  test("per quarter: overall attainment, band; then the year's row", () => {
    expect(sheet.name).toBe("Avaliação anual 2025");
    expect(sheet.print.orientation).toBe("landscape");
    // Code, indicator, target, period, result, attainment, concept, trend, slope, justification: whatever the
    // number of periods, 170 characters (≤ 172, what a landscape A4 page prints at ≥ 9 points, plan/print).
    expect(sheet.widths).toHaveLength(10);
    expect(sheet.widths.reduce((a, b) => a + b, 0)).toBe(170);
    expect(sheet.print).toMatchObject({ orientation: "landscape", margins: "narrow" });
    const t1 = rowOf("2025-T1");
    expect(sheet.rows[t1 - 1].slice(0, 6).map((c) => c.value)).toEqual([
      "2025-T1",
      "1º trimestre de 2025",
      "6 de 6",
      4,
      expect.closeTo(5 / 6, 12),
      "Faixa 2 — 80% a 99,9%",
    ]);
    expect(at(sheet, `E${t1}`)?.numberFormat).toBe("0.0%");
    expect(at(sheet, `E${t1 + 3}`)?.value).toBe(0.5);
    const year = rowOf("2025");
    expect(year).toBe(t1 + 4);
    expect(at(sheet, `B${year}`)?.value).toBe(reportStrings.yearRow(2025, 4, "trimestres"));
    expect(at(sheet, `E${year}`)?.value).toBeCloseTo(0.675, 12);
    expect(at(sheet, `F${year}`)?.value).toBe("Faixa 4 — 60% a 69,9%");
    expect(at(sheet, `G${year}`)?.value).toMatch(/^Recomendação pela manutenção do Contrato com ressalvas/);
    expect(sheet.rows.flat().map((c) => c.value)).toContain(
      reportStrings.overallTrend("piorando", "-10,3", "trimestre"),
    );
  });

  test("the line chart reads the quarters' labels and overall attainment", () => {
    const t1 = rowOf("2025-T1");
    expect(sheet.chart).toMatchObject({
      kind: "line",
      percent: true,
      categories: `A${t1}:A${t1 + 3}`,
      values: `E${t1}:E${t1 + 3}`,
    });
    expect(sheet.chart!.from.row).toBeGreaterThan(t1 + 4);
  });

  test("per indicator and quarter: result, attainment, concept; trend and slope; justifications", () => {
    const i2 = rowOf("I2");
    // A row per quarter. Columns: A code, B name, C target (merged down the quarters), D quarter, E result,
    // F attainment, G concept, H trend, I slope (merged), J the quarter's justification and its decision.
    const rows = [0, 1, 2, 3].map((k) => sheet.rows[i2 - 1 + k].map((c) => c.value));
    expect(rows[0].slice(0, 3)).toEqual(["I2", "Proporção de gestantes com pré-natal em dia", "≥ 80%"]);
    // 60% of ≥ 80% = 75% (B, justified); 70% → 87,5% (B, partly); 82% and 85% meet it (attainment capped at 100%).
    expect(rows.map((r) => r.slice(3, 7))).toEqual([
      ["2025-T1", 0.6, expect.closeTo(0.75, 12), "B – justificado"],
      ["2025-T2", 0.7, expect.closeTo(0.875, 12), "B – justificado parcialmente"],
      ["2025-T3", 0.82, 1, "A"],
      ["2025-T4", 0.85, 1, "A"],
    ]);
    expect(rows[0][7]).toBe("melhorando");
    expect(rows[0][8]).toBeCloseTo(8.75, 10);
    expect(rows.map((r) => r[9])).toEqual([
      "Falta de médico na UBS Centro durante o trimestre (acatada totalmente)",
      "Reposição parcial da equipe de enfermagem (acatada parcialmente)",
      null,
      null,
    ]);
    // The report's data still lists them with their quarters (the communiqué and the final report use it).
    expect(report.indicators.find((i) => i.code === "I2")?.justifications).toEqual([
      "2025-T1: Falta de médico na UBS Centro durante o trimestre (acatada totalmente)",
      "2025-T2: Reposição parcial da equipe de enfermagem (acatada parcialmente)",
    ]);
    // The code, name, target, trend and slope merged down I2's four rows; the next indicator starts below.
    expect(sheet.merges).toEqual(
      expect.arrayContaining([`A${i2}:A${i2 + 3}`, `B${i2}:B${i2 + 3}`, `C${i2}:C${i2 + 3}`, `H${i2}:H${i2 + 3}`]),
    );
    expect(rowOf("I3")).toBe(i2 + 4);
    // I7 has no result in 2025-T2 (its second row).
    const i7 = sheet.rows[rowOf("I7")].map((c) => c.value);
    expect(i7.slice(3, 7)).toEqual(["2025-T2", null, null, "Sem dado"]);
    expect(sheet.rows[rowOf("I4") - 1][7].value).toBe("piorando");
    // One header row over the ten columns.
    const header = rowOf(reportStrings.indicatorHeaders.code);
    expect(sheet.rows[header - 1].map((c) => c.value)).toEqual([
      "Código",
      "Indicador",
      "Meta (programado)",
      "Período",
      "Resultado (alcançado)",
      "Atingimento",
      "Conceito",
      "Tendência",
      "Variação (p.p. por trimestre)",
      "Justificativas e deliberações",
    ]);
    expect(rowOf("I1")).toBe(header + 1);
    expect(rowOf("I6")).toBe(0); // monitoring: not in the table
  });

  test("the proposals to revise and the notes on how to read it", () => {
    const texts = sheet.rows.flat().map((c) => c.value);
    expect(texts).toContain(reportStrings.revisionsHeading);
    expect(
      texts.some(
        (t) => typeof t === "string" && t.startsWith("• I1 Consultas médicas por mês: meta superada com ampla margem"),
      ),
    ).toBe(true);
    expect(texts).toContain(`• ${reportStrings.noteTrend("trimestre")}`);
    expect(texts).toContain(`• ${reportStrings.noteYear}`);
  });

  test("the final report covers every period; one period makes no chart", () => {
    const final = planAnnual(evs, { source: "x", scope: { kind: "final" } });
    expect(final.name).toBe("Avaliação final");
    expect(final.rows[0][0].value).toBe(reportStrings.finalTitle);
    const one = planAnnual([evs[0]], { source: "x", scope: { kind: "year", year: 2025 } });
    expect(one.chart).toBeUndefined();
    expect(one.rows.flat().map((c) => c.value)).toContain(reportStrings.revisionTooEarly("trimestre"));
  });
});

describe("reportSheets: what `avaliar` adds to its plan", () => {
  test("every quarter's communiqué and the year's report; the final report and communiqué on request", () => {
    const communiques = ["Comunicado 2025-T1", "Comunicado 2025-T2", "Comunicado 2025-T3", "Comunicado 2025-T4"];
    expect(reportSheets(result, "x").map((p) => p.name)).toEqual([...communiques, "Avaliação anual 2025"]);
    expect(reportSheets(result, "x", { final: true }).map((p) => p.name)).toEqual([
      ...communiques,
      "Avaliação anual 2025",
      "Avaliação final",
      "Comunicado final",
    ]);
    // One quarter (a run with --periodo): its communiqué only, so an annual report made earlier is not replaced.
    expect(reportSheets(runPipeline(contractWorkbook(["2025-T2"])), "x").map((p) => p.name)).toEqual([
      "Comunicado 2025-T2",
    ]);
  });
});

describe("written to a file, opened by LibreOffice", () => {
  let dir: string;
  let cleanup: () => void;
  let input: string;
  let output: string;
  let inputHash: string;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    input = path.join(dir, "contrato.xlsx");
    output = path.join(dir, "contrato.avaliado.xlsx");
    await writeContractXlsx(input);
    inputHash = createHash("sha256").update(fs.readFileSync(input)).digest("hex");
    const read = await readWorkbookFile(input);
    const wb = workbookOf(read);
    const res = runPipeline(wb);
    // What `avaliar` will do: its plan, with the report sheets appended.
    const plan = buildPlan(wb, res, { source: "contrato.xlsx" });
    // buildPlan adds the report sheets itself (the communiqué of each period, the annual report).
    if (read.kind !== "workbook") throw new Error("unreadable");
    const written = await writeEvaluatedFile(read.source, plan, output, input);
    expect(written).toEqual({ kind: "written", path: output });
  });
  afterAll(() => cleanup());

  test("the package holds a c:lineChart on the annual sheet, reading its cells; the input is untouched", async () => {
    expect(createHash("sha256").update(fs.readFileSync(input)).digest("hex")).toBe(inputHash);
    const zip = await JSZip.loadAsync(fs.readFileSync(output));
    const parts = await sheetParts(zip);
    const sheetPart = parts.get("Avaliação anual 2025")!;
    expect(sheetPart).toBeDefined();
    const sheetXml = await zip.file(sheetPart)!.async("string");
    expect(sheetXml).toMatch(/<drawing r:id="rId\d+"\/>/);
    const rels = await zip.file(sheetPart.replace(/([^/]+)$/, "_rels/$1.rels"))!.async("string");
    const drawing = /Target="\.\.\/drawings\/(drawing\d+\.xml)"/.exec(rels)![1];
    const drawingRels = await zip.file(`xl/drawings/_rels/${drawing}.rels`)!.async("string");
    const chartPart = /Target="\.\.\/charts\/(chart\d+\.xml)"/.exec(drawingRels)![1];
    const chart = await zip.file(`xl/charts/${chartPart}`)!.async("string");
    expect(chart).toContain("<c:lineChart>");
    expect(chart).not.toContain("<c:barChart>");
    const plan = reportSheets(runPipeline(contractWorkbook()), "x").find((p) => p.name === "Avaliação anual 2025")!;
    const cats = plan.chart!.categories.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    const vals = plan.chart!.values.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    expect(chart).toContain(`<c:f>'Avaliação anual 2025'!${cats}</c:f>`);
    expect(chart).toContain(`<c:f>'Avaliação anual 2025'!${vals}</c:f>`);
    expect(chart).toContain('<c:pt idx="0"><c:v>2025-T1</c:v></c:pt>');
    expect(chart).toContain('<c:pt idx="3"><c:v>0.5</c:v></c:pt>');
    // The Resumo sheets keep their bar charts.
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(5);
  });

  test("read back, the report sheets are recognised as the add-in's (isReportSheet), the user's are not", async () => {
    const back = workbookOf(await readWorkbookFile(output));
    const names = back.sheets.filter(isReportSheet).map((sh) => sh.name);
    expect(names).toEqual([
      "Comunicado 2025-T1",
      "Comunicado 2025-T2",
      "Comunicado 2025-T3",
      "Comunicado 2025-T4",
      "Avaliação anual 2025",
    ]);
    expect(
      isReportSheet({ name: "Comunicado interno", rows: [[{ value: "Aviso" }]], origin: { row: 1, col: 1 } }),
    ).toBe(false);
  });

  withLibreOffice(true)(
    "LibreOffice draws a line chart and prints the reports (PDF and PNG kept in test-artifacts/reports)",
    async () => {
      const artifacts = artifactsDir("reports");
      const copy = path.join(artifacts, "contrato.relatorios.xlsx");
      fs.copyFileSync(output, copy);
      const ods = await convertWithLibreOffice(copy, path.join(dir, "ods"), "ods");
      const odsZip = await JSZip.loadAsync(fs.readFileSync(ods));
      const objects = Object.keys(odsZip.files).filter((n) => /^Object \d+\/content\.xml$/.test(n));
      const contents = await Promise.all(objects.map((n) => odsZip.file(n)!.async("string")));
      const lines = contents.filter((c) => /chart:class="chart:line"/.test(c));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(reportStrings.chartTitle);
      expect(contents.filter((c) => /chart:class="chart:bar"/.test(c))).toHaveLength(4);

      const pdf = await convertWithLibreOffice(copy, artifacts, "pdf");
      expect(fs.readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const pngs = await renderPdf(pdf, path.join(artifacts, "contrato.relatorios"), 70);
      expect(pngs.length).toBeGreaterThanOrEqual(10); // data, 4 summaries, 4 communiqués (2 pages or more each), annual
      for (const png of pngs) expect(fs.statSync(png).size).toBeGreaterThan(1000);
    },
    180_000,
  );
});

describe("a preset scored 0–10 (Previne Brasil)", () => {
  test("the overall figure is the ISF, shown as a note; the chart is not a percent axis", () => {
    const run = runPipeline(contractWorkbook(), { preset: previne });
    const isf = run.evaluations;
    // The table has no Peso column: Previne's catalogue gives, by name, peso 1 to I2 (pré-natal, its nº 1) and
    // peso 2 to I3 (vacinas, nº 5) and I7 (hipertensão, nº 6); the others weigh 1 by default.
    expect(run.catalogUses?.map((u) => [u.code, u.weight, u.indicators])).toEqual([
      ["1", 1, ["Proporção de gestantes com pré-natal em dia"]],
      ["5", 2, ["Cobertura vacinal de crianças menores de 1 ano"]],
      ["6", 2, ["Hipertensos com pressão arterial aferida"]],
    ]);
    const r = buildAnnual(isf, { kind: "year", year: 2025 });
    // Previne evaluates four-month periods: T1 lies in Q1 (Jan–Apr) and T4 in Q3 (Sep–Dec); T2 and T3 straddle
    // two four-month periods and are evaluated as they are. Mixed kinds: the unit is "período".
    expect(r.periods.map((p) => p.label)).toEqual(["2025-Q1", "2025-T2", "2025-T3", "2025-Q3"]);
    expect(r.unit).toEqual(["período", "períodos"]);
    expect(r.scale).toBe(10);
    // Only some of Previne's seven indicators are in the table (a contract scored by its rules): every
    // period's figure is a partial ISF, over different numbers of indicators.
    expect(r.noteLabel).toBe("ISF parcial");
    // 2025-Q3 holds T4's rows only. Notas: I1 10, I2 10, I3 10 × 0,71/0,95 = 7,474 (peso 2), I4 10 × 10/14 = 7,143, I5 10,
    // I7 10 × 0,48/0,50 = 9,6 (peso 2) → (10 + 10 + 14,947 + 7,143 + 10 + 19,2) / 8 = 8,911.
    expect(r.periods[3].value).toBeCloseTo((10 + 10 + (2 * 71) / 9.5 + 100 / 14 + 10 + 2 * 9.6) / 8, 9);
    const sheet = annualSheet(r, { source: "x" });
    expect(sheet.chart).toMatchObject({
      kind: "line",
      percent: false,
      title: reportStrings.chartTitleNote("ISF parcial"),
    });
    const t4 = sheet.rows.find((row) => row[0]?.value === "2025-Q3")!;
    expect(t4[4]).toMatchObject({ value: expect.closeTo(r.periods[3].value!, 12), numberFormat: "0.00" });
    const c = buildCommunique(isf[3], { source: "x", others: isf });
    // Three of Previne's seven indicators are in the table: a partial ISF, named so (never "O ISF apurado").
    expect(JSON.stringify(c.sections[0])).toContain(
      nationalStrings.overallIsf("ISF parcial (3 de 7 indicadores)", "8,91"),
    );
    expect(c.title).toBe("Comunicado Quadrimestral Sintético");
    expect(c.finalOfYear).toBe(true); // 2025-Q3 ends on 31 December
  });
});
