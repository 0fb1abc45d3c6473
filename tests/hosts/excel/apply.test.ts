/**
 * The Excel host's writer against the fake Excel: the workbook a plan leaves, a second run that leaves
 * the same workbook, refusals before anything is written, Office errors in pt-BR, and the number of
 * syncs, which must not grow with rows (writes are chunked only past the 4 MB budget).
 */
import { officeStrings } from "../../../src/hosts/excel/messages";
import { applyPlan, type ApplyReport } from "../../../src/hosts/excel/apply";
import { columnWidthPoints } from "../../../src/hosts/excel/format";
import type { WritePlan } from "../../../src/workbook/plan/types";
import type { FakeExcel } from "./fakeExcel";
import { tableWorkbook, writePlan } from "./fixtures";

function applied(report: ApplyReport): Extract<ApplyReport, { kind: "applied" }> {
  if (report.kind !== "applied") throw new Error(`expected applied, got ${JSON.stringify(report)}`);
  return report;
}

/** Actions that change the workbook (everything but loads, lookups and suspensions). */
const writes = (fx: FakeExcel) => fx.calls.filter((c) => !/\.load\(|getItem\(|suspend/.test(c.text));

describe("applyPlan: what the workbook looks like after", () => {
  let fx: FakeExcel;
  let report: Extract<ApplyReport, { kind: "applied" }>;
  beforeAll(async () => {
    fx = tableWorkbook(10);
    fx.addRule("Metas", { type: "Custom", areas: ["B5:B14"], formula: '=$B5="x"', fill: "#FFFF00" }); // the user's own
    report = applied(await applyPlan(fx.context, writePlan(10)));
  });

  it("writes the owned columns: headers, live formulas, values and number formats", () => {
    const ws = fx.sheet("Metas");
    expect(ws.value("F4")).toBe("Atingimento (Contratualiza)");
    expect(ws.value("G4")).toBe("Conceito (Contratualiza)");
    expect(ws.cell("F5")).toMatchObject({ formula: "=META.ATINGIMENTO(E5,D5)", numberFormat: "0.0%" });
    expect(ws.cell("F14")).toMatchObject({ formula: "=META.ATINGIMENTO(E14,D14)", numberFormat: "0.0%" });
    expect(ws.value("G5")).toBe("A");
    expect(ws.value("G6")).toBe("B");
    expect(ws.cell("G6").formula).toBeUndefined();
    expect(ws.cell("G6").numberFormat).toBeUndefined(); // General
    // The user's cells are as they were.
    expect(ws.value("E5")).toBe(0.9);
    expect(ws.value("B14")).toBe("Indicador 10");
    expect(ws.value("F15")).toBe("");
  });

  it("formats by blocks: the header style on the header row, borders on every side of every cell", () => {
    const ws = fx.sheet("Metas");
    expect(ws.cell("F4").format).toEqual({
      bold: true,
      wrap: true,
      fill: "#DDEBF7",
      color: "#1F3864",
      borders: { top: true, bottom: true, left: true, right: true },
    });
    expect(ws.cell("G9").format).toEqual({
      horizontalAlignment: "Center",
      borders: { top: true, bottom: true, left: true, right: true },
    });
    expect(ws.cell("F14").format).toEqual({ borders: { top: true, bottom: true, left: true, right: true } });
    expect(ws.widths.get(6)).toBe(columnWidthPoints(14));
    expect(ws.widths.get(7)).toBe(columnWidthPoints(18));
    // One format action per property and rectangle, never one per cell: bold once for the header row.
    expect(fx.count("getItem(Metas).getRange(F4:G4).format.font.bold")).toBe(1);
    expect(fx.count("getItem(Metas).getRange(F5:F14).format.borders")).toBe(5); // four edges and the lines inside
    expect(fx.calls.filter((c) => /getItem\(Metas\)\.getRange\([A-Z]+\d+\)/.test(c.text))).toEqual([]);
    expect(fx.count("setCellProperties")).toBe(0);
  });

  it("adds one conditional-format rule per plan rule, in priority order, after the user's", () => {
    const rules = fx.sheet("Metas").rules;
    expect(rules.map((r) => r.formula)).toEqual(['=$B5="x"', '=$G5="A"', '=$G5="B"']);
    expect(rules[1]).toEqual({
      type: "Custom",
      areas: ["F5:G14", "E5:E14"],
      formula: '=$G5="A"',
      fill: "#C6EFCE",
      fontColor: "#006100",
      bold: true,
      stopIfTrue: true,
      id: rules[1].id,
    });
    expect(rules[2]).toMatchObject({
      areas: ["F5:G14", "E5:E14"],
      fill: "#FFC7CE",
      fontColor: "#9C0006",
      stopIfTrue: true,
    });
  });

  it("adds the summary sheet at the end: cells, merges, widths, print setup and a native chart", () => {
    expect(fx.sheetNames()).toEqual(["Metas", "Resumo 2025-T1"]);
    const ws = fx.sheet("Resumo 2025-T1");
    // Texts stay texts: the apostrophe Excel consumes keeps "2025-T1", "=…" and "1º" from being parsed.
    expect(ws.value("A1")).toBe("Resumo da avaliação — 2025-T1");
    expect(ws.cell("A1").format).toEqual({ bold: true, size: 14 });
    expect(ws.cell("A7")).toMatchObject({ value: "=não é fórmula" });
    expect(ws.cell("A7").formula).toBeUndefined();
    expect(ws.value("B7")).toBe("1º trim");
    expect(ws.cell("B4")).toMatchObject({ value: 0.9, numberFormat: "0.0%" });
    expect(ws.cell("A3").format).toMatchObject({ bold: true, fill: "#1F3864", color: "#FFFFFF" });
    expect(ws.merges.map((m) => [m.top, m.left, m.bottom, m.right])).toEqual([[1, 1, 1, 4]]);
    expect([...ws.widths.entries()]).toEqual([
      [1, columnWidthPoints(40)],
      [2, columnWidthPoints(14)],
    ]);
    expect([...ws.heights.entries()]).toEqual([
      [3, 30],
      [4, 30],
      [7, 18],
    ]);
    expect(fx.count("getRange(3:4).format.rowHeight")).toBe(1);
    // The print area covers the cells, the merge and the chart, as the file host's does.
    expect(ws.pageLayout).toEqual({
      orientation: "Portrait",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: "A1:F24",
    });
    expect(ws.charts).toEqual([
      {
        id: ws.charts[0].id,
        type: "BarClustered",
        source: "B4:B6",
        seriesBy: "Columns",
        title: "Atingimento por indicador",
        // One series, named by the title: no legend.
        legend: { visible: false },
        series: [
          {
            name: "Atingimento",
            values: "B4:B6",
            xValues: "A4:A6",
            color: "#2F5597",
            // Each bar in its cell's concept colour, point by point.
            pointColors: { 0: "#FFC7CE", 1: "#C6EFCE", 2: "#FFC7CE" },
            hasDataLabels: true,
            // Labels with the tables' one decimal (a 99,7% must not read 100%); the axis in whole percents.
            dataLabels: { showValue: true, numberFormat: "0.0%" },
          },
        ],
        valueAxis: { minimum: 0, maximum: 1, majorUnit: 0.25, numberFormat: "0%" },
        // First indicator on top, as in the table; the value axis stays at the bottom.
        categoryAxis: { reversePlotOrder: true, position: "Maximum" },
        position: { start: "A9", end: "F24" },
      },
    ]);
  });

  it("uses one check sync and one write sync, suspending calculation and screen updating once", () => {
    expect(report).toMatchObject({
      kind: "applied",
      syncs: 2,
      writeSyncs: 1,
      cellsWritten: 22 + 14,
      rulesRemoved: 0,
      rulesAdded: 2,
      summaries: ["Resumo 2025-T1"],
    });
    expect(fx.syncs).toHaveLength(2);
    expect(fx.count("suspendApiCalculationUntilNextSync", 2)).toBe(1);
    expect(fx.count("suspendScreenUpdatingUntilNextSync", 2)).toBe(1);
    // The check sync only reads.
    expect(fx.calls.filter((c) => c.sync === 1).every((c) => /\.load\(|getItem\(/.test(c.text))).toBe(true);
    // The estimate is on the safe side of what was sent.
    expect(report.largestPayload).toBeGreaterThanOrEqual(fx.syncs[1].requestBytes);
  });
});

describe("applyPlan: print settings on the user's sheet", () => {
  /** The plan with print titles (column A, the code) asked for on Metas and a header row of two lines. */
  const withPrint = (): WritePlan => {
    const plan = writePlan(3, { summary: false });
    plan.owned[0].headerHeight = 30;
    plan.userPrint = [{ sheet: "Metas", titleColumns: { from: 1, to: 1 } }];
    return plan;
  };

  it("sets print titles and grows the header row, read in the check sync: still one check and one write sync", async () => {
    const fx = tableWorkbook(3);
    const report = applied(await applyPlan(fx.context, withPrint()));
    expect(report).toMatchObject({ syncs: 2, writeSyncs: 1 });
    expect(fx.sheet("Metas").pageLayout.printTitleColumns).toBe("$A:$A");
    // Header row 4: the default 15 pt grown to 30.
    expect(fx.sheet("Metas").heights.get(4)).toBe(30);
    // Not asked to fit: the user's page setup is not touched.
    expect(fx.sheet("Metas").pageLayout.zoom).toBeUndefined();
  });

  it("keeps the user's print titles and a taller header row", async () => {
    const fx = tableWorkbook(3);
    fx.sheet("Metas").pageLayout.printTitleRows = "$4:$4";
    fx.sheet("Metas").heights.set(4, 45);
    applied(await applyPlan(fx.context, withPrint()));
    expect(fx.sheet("Metas").pageLayout).toMatchObject({ printTitleRows: "$4:$4" });
    expect(fx.sheet("Metas").pageLayout.printTitleColumns).toBeUndefined();
    expect(fx.sheet("Metas").heights.get(4)).toBe(45);
  });

  it("fits the user's sheet only when the plan asks", async () => {
    const fx = tableWorkbook(3);
    const plan = withPrint();
    plan.userPrint = [{ sheet: "Metas", fit: { width: 1, height: 0 }, orientation: "landscape" }];
    applied(await applyPlan(fx.context, plan));
    expect(fx.sheet("Metas").pageLayout).toMatchObject({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
  });
});

describe("applyPlan: a summary's page breaks", () => {
  it("starts a page at each row the plan names (before a chart a break would cut), in the one write sync", async () => {
    const fx = tableWorkbook(3);
    const plan = writePlan(3);
    // Row 30 starts a page: Excel's break goes above cell A30.
    plan.summaries[0].pageBreaks = [30];
    const report = applied(await applyPlan(fx.context, plan));
    expect(report).toMatchObject({ syncs: 2, writeSyncs: 1 });
    expect(fx.sheet(plan.summaries[0].name).pageLayout.horizontalPageBreaks).toEqual(["A30"]);
  });
});

describe("applyPlan: running twice", () => {
  it("leaves the same workbook: no duplicated rules or sheets, the summary back at its position", async () => {
    const fx = tableWorkbook(10);
    fx.addRule("Metas", { type: "Custom", areas: ["B5:B14"], formula: '=$B5="x"', fill: "#FFFF00" });
    applied(await applyPlan(fx.context, writePlan(10)));
    fx.addSheet("Notas"); // after the summary: the summary must come back before it
    const first = fx.snapshot();

    const again = await applyPlan(fx.context, writePlan(10));
    expect(again).toEqual({
      kind: "needsConfirmation",
      syncs: 1,
      sheets: ["Resumo 2025-T1"],
      message: officeStrings.confirmReplace(["Resumo 2025-T1"]),
    });
    expect(fx.snapshot()).toEqual(first);

    const second = applied(await applyPlan(fx.context, writePlan(10), { replaceSummaries: true }));
    expect(second).toMatchObject({ rulesRemoved: 2, rulesAdded: 2, syncs: 2 });
    expect(fx.snapshot()).toEqual(first);
    expect(fx.sheetNames()).toEqual(["Metas", "Resumo 2025-T1", "Notas"]);
    expect(fx.sheet("Metas").rules).toHaveLength(3);
  });

  it("removes only the add-in's kind of rule: a user's data bar over the owned columns stays", async () => {
    const fx = tableWorkbook(10);
    fx.addRule("Metas", { type: "DataBar", areas: ["F5:F14"] });
    fx.addRule("Metas", { type: "Custom", areas: ["F5:G20"], formula: '=$G5="velho"' }); // an older run's
    const report = applied(await applyPlan(fx.context, writePlan(10, { summary: false })));
    expect(report.rulesRemoved).toBe(1);
    expect(fx.sheet("Metas").rules.map((r) => r.formula ?? r.type)).toEqual(["DataBar", '=$G5="A"', '=$G5="B"']);
  });

  it("clears what a longer earlier run left: rows the table lost and their old styles", async () => {
    const fx = tableWorkbook(10);
    applied(await applyPlan(fx.context, writePlan(10, { summary: false })));
    // The table lost its last two rows; the plan still covers them, cleared.
    const plan = writePlan(8, { summary: false });
    plan.owned[0].values.push([{ value: null }, { value: null }], [{ value: null }, { value: null }]);
    applied(await applyPlan(fx.context, plan));
    const ws = fx.sheet("Metas");
    expect(ws.cell("F13")).toMatchObject({ value: "" });
    expect(ws.cell("F13").formula).toBeUndefined();
    expect(ws.cell("F13").format).toEqual({});
    expect(ws.cell("G14").format).toEqual({});
    expect(ws.cell("F12").formula).toBe("=META.ATINGIMENTO(E12,D12)");
    expect(ws.rules.map((r) => r.areas)).toEqual([
      ["F5:G12", "E5:E12"],
      ["F5:G12", "E5:E12"],
    ]);
  });
});

describe("applyPlan: styles through setCellProperties", () => {
  it("writes a grid of many small style rectangles in one setCellProperties call", async () => {
    const fx = tableWorkbook(3);
    const plan = writePlan(3, { summary: false });
    const banded = Array.from({ length: 200 }, (_, i) => [
      { value: `Linha ${i}`, style: { fill: i % 2 === 0 ? "#F2F2F2" : "#FFFFFF" } },
      { value: i, style: { fill: i % 2 === 0 ? "#F2F2F2" : "#FFFFFF", bold: i % 3 === 0 } },
    ]);
    plan.summaries = [{ name: "Faixas", rows: banded, merges: [], widths: [], print: { orientation: "landscape" } }];
    applied(await applyPlan(fx.context, plan));
    expect(fx.count("getRange(A1:B200).setCellProperties")).toBe(1);
    const ws = fx.sheet("Faixas");
    expect(ws.cell("A1").format).toEqual({ fill: "#F2F2F2" });
    expect(ws.cell("B4").format).toEqual({ fill: "#FFFFFF", bold: true });
    expect(ws.value("A2")).toBe("Linha 1");
    expect(ws.pageLayout.orientation).toBe("Landscape");
    expect(ws.charts).toEqual([]);
  });
});

describe("applyPlan: refusing before anything is written", () => {
  it("refuses a plan over a cell the user typed, naming it, and writes nothing", async () => {
    const fx = tableWorkbook(10);
    fx.sheet("Metas").set("G7", "ver ata").set("G9", "ok");
    const before = fx.snapshot();
    const report = await applyPlan(fx.context, writePlan(10));
    expect(report).toEqual({
      kind: "refused",
      syncs: 1,
      problems: [
        {
          sheet: "Metas",
          cell: "G7",
          message: officeStrings.userCell("Metas", "G7", "ver ata", "Conceito (Contratualiza)", 1),
        },
      ],
    });
    expect(fx.snapshot()).toEqual(before);
    expect(writes(fx)).toEqual([]);
  });

  it("refuses a plan over a header the user typed", async () => {
    const fx = tableWorkbook(10);
    fx.sheet("Metas").set("F4", "Observações");
    const report = await applyPlan(fx.context, writePlan(10));
    expect(report).toMatchObject({ kind: "refused", problems: [{ sheet: "Metas", cell: "F4" }] });
    expect(writes(fx)).toEqual([]);
  });

  it("refuses a formula that shows nothing: it is still the user's", async () => {
    const fx = tableWorkbook(10);
    fx.sheet("Metas").setFormula("F8", '=IF(E8>1,"alto","")', "");
    const report = await applyPlan(fx.context, writePlan(10));
    expect(report).toMatchObject({ kind: "refused", problems: [{ sheet: "Metas", cell: "F8" }] });
  });

  it("refuses a protected sheet and a protected workbook structure", async () => {
    const fx = tableWorkbook(10);
    fx.sheet("Metas").protected = true;
    fx.structureProtected = true;
    const report = await applyPlan(fx.context, writePlan(10));
    expect(report).toEqual({
      kind: "refused",
      syncs: 1,
      problems: [
        { sheet: "Metas", message: officeStrings.sheetProtected("Metas") },
        { sheet: "Resumo 2025-T1", message: officeStrings.workbookProtected },
      ],
    });
    expect(writes(fx)).toEqual([]);
  });

  it("names a sheet that is gone since the read", async () => {
    const fx = tableWorkbook(10);
    fx.sheet("Metas").name = "Metas 2025";
    const report = await applyPlan(fx.context, writePlan(10));
    expect(report).toEqual({
      kind: "refused",
      syncs: 2,
      problems: [{ sheet: "Metas", message: officeStrings.sheetMissing("Metas") }],
    });
    expect(writes(fx)).toEqual([]);
  });

  it("asks before replacing a summary sheet that exists, and writes nothing", async () => {
    const fx = tableWorkbook(10);
    fx.addSheet("resumo 2025-t1").set("A1", "o que a pessoa escreveu");
    const before = fx.snapshot();
    const report = await applyPlan(fx.context, writePlan(10));
    expect(report).toMatchObject({ kind: "needsConfirmation", sheets: ["resumo 2025-t1"] });
    expect(fx.snapshot()).toEqual(before);
    expect(writes(fx)).toEqual([]);
  });
});

describe("applyPlan: Office errors in pt-BR", () => {
  it("the user is typing in a cell", async () => {
    const fx = tableWorkbook(10);
    fx.cellEditMode = true;
    const report = await applyPlan(fx.context, writePlan(10));
    expect(report).toEqual({
      kind: "failed",
      syncs: 1,
      code: "InvalidOperationInCellEditMode",
      message: `${officeStrings.cellEditMode} ${officeStrings.nothingWritten}`,
    });
  });

  it("Excel fails the write", async () => {
    const fx = tableWorkbook(10);
    fx.failSync(2, "GeneralException");
    const report = await applyPlan(fx.context, writePlan(10));
    expect(report).toEqual({
      kind: "failed",
      syncs: 2,
      code: "GeneralException",
      message: `${officeStrings.general("GeneralException")} ${officeStrings.nothingWritten}`,
    });
  });

  it("a request over the host's limit, and a failure after part was written", async () => {
    const fx = tableWorkbook(2_000, { payloadLimit: 100_000 });
    // A budget above the host's limit: the first write is refused.
    const tooBig = await applyPlan(fx.context, writePlan(2_000), { maxPayload: 1_000_000 });
    expect(tooBig).toMatchObject({
      kind: "failed",
      code: "RequestPayloadSizeLimitExceeded",
      message: `${officeStrings.payloadTooLarge} ${officeStrings.nothingWritten}`,
    });
    // Within the budget, but the last write sync fails: the report says part was written.
    const twin = tableWorkbook(2_000);
    const whole = applied(await applyPlan(twin.context, writePlan(2_000), { maxPayload: 40_000 }));
    expect(whole.writeSyncs).toBeGreaterThan(1);
    const later = tableWorkbook(2_000);
    later.failSync(whole.syncs, "GeneralException");
    const partial = await applyPlan(later.context, writePlan(2_000), { maxPayload: 40_000 });
    expect(partial).toEqual({
      kind: "failed",
      syncs: whole.syncs,
      code: "GeneralException",
      message: `${officeStrings.general("GeneralException")} ${officeStrings.partiallyWritten}`,
    });
  });
});

describe("applyPlan: syncs do not grow with rows", () => {
  const run = async (rows: number, plan: WritePlan = writePlan(rows)) => {
    const fx = tableWorkbook(rows);
    const first = applied(await applyPlan(fx.context, plan));
    const second = applied(await applyPlan(fx.context, plan, { replaceSummaries: true }));
    return { fx, first, second };
  };

  it("10 rows and 10,000 rows: one check sync and one write sync, first run and second", async () => {
    const small = await run(10);
    const big = await run(10_000);
    expect([small.first.syncs, small.second.syncs]).toEqual([2, 2]);
    expect([big.first.syncs, big.second.syncs]).toEqual([2, 2]);
    expect(big.first.writeSyncs).toBe(1);
    // 10,000 rows × 2 columns of formulas, texts and formats: well under the 4 MB budget.
    expect(big.first.largestPayload).toBeGreaterThan(500_000);
    expect(big.first.largestPayload).toBeLessThan(2_000_000);
    expect(big.fx.sheet("Metas").cell("F10004").formula).toBe("=META.ATINGIMENTO(E10004,D10004)");
    expect(big.fx.sheet("Metas").rules).toHaveLength(2);
  });

  it("chunks writes that would pass 4 MB into several syncs, each under Excel on the web's 5 MB", async () => {
    const rows = 80_000;
    const { fx, first } = await run(rows);
    expect(first.writeSyncs).toBeGreaterThan(1);
    expect(first.largestPayload).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(Math.max(...fx.syncs.map((s) => s.requestBytes))).toBeLessThanOrEqual(5 * 1024 * 1024);
    // The second run's check reads back 80,000 rows of formulas: spread too, each answer under 4 MB.
    expect(Math.max(...fx.syncs.map((s) => s.responseBytes))).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(fx.syncs.every((s) => !s.error)).toBe(true);
    const ws = fx.sheet("Metas");
    expect(ws.cell(`F${4 + rows}`)).toMatchObject({
      formula: `=META.ATINGIMENTO(E${4 + rows},D${4 + rows})`,
      numberFormat: "0.0%",
    });
    expect(ws.value(`G${4 + rows}`)).toBe("B");
    expect(ws.rules).toHaveLength(2);
    // Calculation is suspended in every write sync, screen updating in the first only.
    const writeSyncs = fx.syncs.slice(first.syncs - first.writeSyncs, first.syncs).map((s) => s.index);
    expect(writeSyncs.map((i) => fx.count("suspendApiCalculationUntilNextSync", i))).toEqual(writeSyncs.map(() => 1));
    expect(writeSyncs.map((i) => fx.count("suspendScreenUpdatingUntilNextSync", i))).toEqual(
      writeSyncs.map((_, n) => (n === 0 ? 1 : 0)),
    );
  }, 60_000);
});
