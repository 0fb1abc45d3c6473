/**
 * The task pane's Excel host (`createOfficeHost`) against the fake Excel: what each method leaves in the
 * workbook, how many syncs it takes, and that a refusal leaves the workbook exactly as it was.
 */
import { officeHostStrings, officeStrings } from "../../../src/hosts/excel/messages";
import type { TemplateTable } from "../../../src/workbook/host";
import { columnWidthPoints } from "../../../src/hosts/excel/format";
import { createOfficeHost, outcomeOf, TEMPLATE_SPARE_ROWS } from "../../../src/hosts/excel/host";
import { readSettings, settingsToCells, SETTINGS_SHEET, type WorkbookSettings } from "../../../src/workbook/settings";
import { buildTemplate } from "../../../src/workbook/plan/templates";
import { FakeExcel } from "./fakeExcel";
import { contractWorkbook, tableWorkbook, writePlan } from "./fixtures";

const hostOf = (fx: FakeExcel) => createOfficeHost(fx.run);

/** Runs `act` and checks it changed nothing in the workbook. */
async function untouched<T>(fx: FakeExcel, act: () => Promise<T>): Promise<T> {
  const before = JSON.stringify(fx.snapshot());
  const result = await act();
  expect(JSON.stringify(fx.snapshot())).toBe(before);
  return result;
}

describe("createOfficeHost: read, apply, select", () => {
  it("reads the workbook in two syncs", async () => {
    const fx = contractWorkbook();
    const read = await hostOf(fx).read();
    if (!read.ok) throw new Error(read.message);
    expect(read.value.sheets.map((s) => s.name)).toEqual(["Indicadores", "Plano simples", SETTINGS_SHEET]);
    expect(read.value.sheets[0].tables).toEqual([{ name: "TabelaIndicadores", ref: "B4:G8" }]);
    expect(fx.syncs).toHaveLength(2);
  });

  it("says in pt-BR why a read failed", async () => {
    const fx = contractWorkbook();
    fx.cellEditMode = true;
    expect(await hostOf(fx).read()).toEqual({ ok: false, message: officeStrings.cellEditMode });
  });

  it("applies a plan in two syncs and reports it as applied", async () => {
    const fx = tableWorkbook(10);
    const outcome = await hostOf(fx).apply(writePlan(10), { replaceSummaries: false });
    expect(outcome).toMatchObject({ kind: "applied", syncs: 2 });
    expect(fx.syncs).toHaveLength(2);
    expect(fx.sheet("Metas").value("F4")).toBe("Atingimento (Contratualiza)");
    expect(fx.sheetNames()).toEqual(["Metas", "Resumo 2025-T1"]);
  });

  it("asks before replacing a summary sheet, then replaces it when told to", async () => {
    const fx = tableWorkbook(3);
    fx.addSheet("Resumo 2025-T1").set("A1", "antigo");
    const host = hostOf(fx);
    const first = await untouched(fx, () => host.apply(writePlan(3), { replaceSummaries: false }));
    expect(first).toEqual({ kind: "needsConfirmation", sheets: ["Resumo 2025-T1"] });
    expect(await host.apply(writePlan(3), { replaceSummaries: true })).toMatchObject({ kind: "applied" });
    expect(fx.sheet("Resumo 2025-T1").value("A1")).toBe("Resumo da avaliação — 2025-T1");
  });

  it("turns a refusal into located problems and writes nothing", async () => {
    const fx = tableWorkbook(3);
    fx.sheet("Metas").set("G6", "nota do usuário");
    const outcome = await untouched(fx, () => hostOf(fx).apply(writePlan(3), { replaceSummaries: false }));
    expect(outcome.kind).toBe("refused");
    if (outcome.kind !== "refused") return;
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]).toMatchObject({ code: "writeRefused", sheet: "Metas", cell: "G6" });
    expect(outcome.problems[0].message).toContain("nota do usuário");
    expect(fx.syncs).toHaveLength(1);
  });

  it("reports Office errors as failed, with the pt-BR message", async () => {
    const fx = tableWorkbook(3);
    fx.failSync(2, "AccessDenied");
    const outcome = await hostOf(fx).apply(writePlan(3), { replaceSummaries: false });
    expect(outcome).toEqual({
      kind: "failed",
      message: `${officeStrings.accessDenied} ${officeStrings.nothingWritten}`,
    });
    const broken = createOfficeHost(() => Promise.reject(Object.assign(new Error("x"), { code: "GeneralException" })));
    expect(await broken.apply(writePlan(3), { replaceSummaries: false })).toEqual({
      kind: "failed",
      message: officeStrings.general("GeneralException"),
    });
    expect(await broken.read()).toEqual({ ok: false, message: officeStrings.general("GeneralException") });
  });

  it("maps every kind of apply report", () => {
    expect(outcomeOf({ kind: "refused", syncs: 1, problems: [{ sheet: "Metas", message: "m" }] })).toEqual({
      kind: "refused",
      problems: [{ code: "writeRefused", sheet: "Metas", message: "m" }],
    });
    expect(outcomeOf({ kind: "needsConfirmation", syncs: 1, sheets: ["R"], message: "?" })).toEqual({
      kind: "needsConfirmation",
      sheets: ["R"],
    });
    expect(outcomeOf({ kind: "failed", syncs: 2, code: "X", message: "m" })).toEqual({ kind: "failed", message: "m" });
  });

  it("selects a cell in one sync, and says when the sheet is gone", async () => {
    const fx = tableWorkbook(3);
    fx.addSheet("Outra");
    const host = hostOf(fx);
    expect(await host.select("Metas", "E7")).toEqual({ ok: true, value: undefined });
    expect(fx.selection).toEqual({ sheet: "Metas", address: "E7" });
    expect(fx.activeSheet).toBe("Metas");
    expect(fx.syncs).toHaveLength(1);
    expect(await host.select("Sumiu", "A1")).toEqual({
      ok: false,
      message: officeStrings.selectMissing("Sumiu", "A1"),
    });
  });
});

describe("createOfficeHost: saveSettings", () => {
  const settings: WorkbookSettings = { versao: 1, predefinicao: "decreto", metodo: "media", parcial: 0.25 };

  /** The settings as the workbook holds them now, read back through the host. */
  async function stored(fx: FakeExcel): Promise<WorkbookSettings | undefined> {
    const read = await hostOf(fx).read();
    if (!read.ok) throw new Error(read.message);
    return readSettings(read.value).settings;
  }

  it("creates the very hidden settings sheet with the JSON in column A, in two syncs", async () => {
    const fx = tableWorkbook(3);
    expect(await hostOf(fx).saveSettings(settings)).toEqual({ ok: true, value: undefined });
    expect(fx.syncs).toHaveLength(2);
    const ws = fx.sheet(SETTINGS_SHEET);
    expect(ws.visibility).toBe("VeryHidden");
    expect([ws.value("A1"), ws.value("A2")]).toEqual(settingsToCells(settings).map((r) => r[0]));
    expect(fx.sheetNames()).toEqual(["Metas", SETTINGS_SHEET]);
    expect(fx.activeSheet).toBeUndefined();
    expect(await stored(fx)).toEqual(settings);
  });

  it("rewrites an existing sheet: a shorter JSON leaves nothing of the longer one", async () => {
    const fx = tableWorkbook(3);
    const ws = fx.addSheet(SETTINGS_SHEET, { visibility: "VeryHidden" });
    ws.setRows("A1", [["nota"], ['{"versao":1,'], ['"metodo":"proporcao",'], ['"parcial":0.75}']]);
    expect(await hostOf(fx).saveSettings(settings)).toEqual({ ok: true, value: undefined });
    expect(fx.syncs).toHaveLength(2);
    expect([ws.value("A3"), ws.value("A4")]).toEqual(["", ""]);
    expect(fx.count("visibility = ")).toBe(0); // already very hidden: the structure is not touched
    expect(await stored(fx)).toEqual(settings);
  });

  it("hides again a settings sheet a person made visible", async () => {
    const fx = tableWorkbook(3);
    fx.addSheet(SETTINGS_SHEET);
    expect(await hostOf(fx).saveSettings(settings)).toEqual({ ok: true, value: undefined });
    expect(fx.sheet(SETTINGS_SHEET).visibility).toBe("VeryHidden");
  });

  it("keeps long settings in chunks, texts even when a chunk is all digits", async () => {
    const fx = tableWorkbook(3);
    const big = { ...settings, mapa: [{ planilha: "9".repeat(70_000), colunas: {} }] } as WorkbookSettings;
    expect(settingsToCells(big).length).toBe(4);
    expect(await hostOf(fx).saveSettings(big)).toEqual({ ok: true, value: undefined });
    expect(fx.syncs).toHaveLength(2);
    expect(typeof fx.sheet(SETTINGS_SHEET).value("A3")).toBe("string");
    expect(await stored(fx)).toEqual(big);
  });

  it("refuses, writing nothing, when the sheet must be created in a workbook whose structure is protected", async () => {
    const fx = tableWorkbook(3);
    fx.structureProtected = true;
    expect(await untouched(fx, () => hostOf(fx).saveSettings(settings))).toEqual({
      ok: false,
      message: officeHostStrings.settingsStructureProtected,
    });
    expect(fx.syncs).toHaveLength(1);
  });

  it("writes into an existing very hidden sheet even when the structure is protected (cells are not structure)", async () => {
    const fx = tableWorkbook(3);
    fx.addSheet(SETTINGS_SHEET, { visibility: "VeryHidden" }).set("A2", '{"versao":1}');
    fx.structureProtected = true;
    expect(await hostOf(fx).saveSettings(settings)).toEqual({ ok: true, value: undefined });
    expect(await stored(fx)).toEqual(settings);
  });

  it("refuses when the settings sheet itself is protected", async () => {
    const fx = tableWorkbook(3);
    fx.addSheet(SETTINGS_SHEET, { visibility: "VeryHidden", protected: true }).set("A2", '{"versao":1}');
    const result = await untouched(fx, () => hostOf(fx).saveSettings(settings));
    expect(result).toEqual({ ok: false, message: officeHostStrings.settingsSheetProtected(SETTINGS_SHEET) });
  });

  it("says in pt-BR why Excel refused", async () => {
    const fx = tableWorkbook(3);
    fx.cellEditMode = true;
    expect(await hostOf(fx).saveSettings(settings)).toEqual({ ok: false, message: officeStrings.cellEditMode });
  });
});

describe("createOfficeHost: writeCells", () => {
  it("checks in one sync, then writes every cell in one, neighbouring cells of a row as one range", async () => {
    const fx = tableWorkbook(3);
    fx.addSheet("Outra").set("C3", "apagar");
    fx.sheet("Metas").set("I7", "velho");
    const result = await hostOf(fx).writeCells([
      { sheet: "Metas", address: "H5", value: "Faltaram 2 médicos em janeiro" },
      { sheet: "Metas", address: "I5", value: "Parcial" },
      { sheet: "metas", address: "I7", value: null },
      { sheet: "Outra", address: "C3", value: 7 },
      { sheet: "Metas", address: "H6", value: "=não é fórmula" },
    ]);
    expect(result).toEqual({ ok: true, value: undefined });
    expect(fx.syncs).toHaveLength(2);
    const ws = fx.sheet("Metas");
    expect([ws.value("H5"), ws.value("I5"), ws.value("H6"), ws.value("I7")]).toEqual([
      "Faltaram 2 médicos em janeiro",
      "Parcial",
      "=não é fórmula",
      "",
    ]);
    expect(ws.cell("H6").formula).toBeUndefined();
    expect(fx.sheet("Outra").value("C3")).toBe(7);
    // Sync 2: one lookup per sheet, one range per run of neighbouring cells.
    expect(fx.syncs[1].actions).toEqual([
      'worksheets.getItem("Metas")',
      "worksheets.getItem(Metas).getRange(H5:I5).formulas = [1×2]",
      "worksheets.getItem(Metas).getRange(H6).formulas = [1×1]",
      "worksheets.getItem(Metas).getRange(I7).formulas = [1×1]",
      'worksheets.getItem("Outra")',
      "worksheets.getItem(Outra).getRange(C3).formulas = [1×1]",
    ]);
  });

  it("does nothing, without a sync, when there is nothing to write", async () => {
    const fx = tableWorkbook(3);
    expect(await hostOf(fx).writeCells([])).toEqual({ ok: true, value: undefined });
    expect(fx.syncs).toHaveLength(0);
  });

  it("refuses, writing nothing, when a sheet is gone or protected or an address is not a cell", async () => {
    const fx = tableWorkbook(3);
    fx.addSheet("Trancada", { protected: true });
    const host = hostOf(fx);
    const good = { sheet: "Metas", address: "H5", value: "ok" };
    expect(await untouched(fx, () => host.writeCells([good, { sheet: "Sumiu", address: "A1", value: 1 }]))).toEqual({
      ok: false,
      message: officeHostStrings.cellsSheetMissing("Sumiu"),
    });
    expect(await untouched(fx, () => host.writeCells([good, { sheet: "Trancada", address: "A1", value: 1 }]))).toEqual({
      ok: false,
      message: officeHostStrings.cellsSheetProtected("Trancada"),
    });
    expect(await untouched(fx, () => host.writeCells([good, { sheet: "Metas", address: "H5:H9", value: 1 }]))).toEqual({
      ok: false,
      message: officeHostStrings.cellsBadAddress("Metas", "H5:H9"),
    });
    // One check sync each, no write sync.
    expect(fx.syncs).toHaveLength(3);
  });

  it("says in pt-BR why Excel refused the write", async () => {
    const fx = tableWorkbook(3);
    fx.failSync(2, "AccessDenied");
    expect(await hostOf(fx).writeCells([{ sheet: "Metas", address: "H5", value: "x" }])).toEqual({
      ok: false,
      message: officeStrings.accessDenied,
    });
  });
});

describe("createOfficeHost: insertTemplate", () => {
  const template: TemplateTable = {
    sheet: "Indicadores 2025",
    table: "Indicadores_2025",
    title: "Modelo — Instrumento de 2025",
    headers: ["Indicador", "Natureza", "Meta", "Mês", "Resultado", "Justificativa aceita"],
    rows: [
      ["Consultas de pré-natal", "Desempenho", "75,0%", "jan/2025", null, null],
      ["Visitas domiciliares", "Monitoramento", "mínimo 300", "jan/2025", null, null],
    ],
    lists: [
      { column: 1, values: ["Desempenho", "Monitoramento"] },
      { column: 5, values: ["Total", "Parcial", "Não"] },
    ],
    widths: [40, 16, 14, 12, 12, 14],
  };

  it("adds the sheet with title, header, rows, an Excel table, drop-down lists and widths, in two syncs", async () => {
    const fx = tableWorkbook(3);
    const result = await hostOf(fx).insertTemplate(template);
    expect(result).toEqual({ ok: true, value: { sheet: "Indicadores 2025" } });
    expect(fx.syncs).toHaveLength(2);
    expect(fx.sheetNames()).toEqual(["Metas", "Indicadores 2025"]);
    const ws = fx.sheet("Indicadores 2025");
    expect(ws.value("A1")).toBe("Modelo — Instrumento de 2025");
    expect(ws.cell("A1").format).toMatchObject({ bold: true });
    expect(["A3", "B3", "F3"].map((a) => ws.value(a))).toEqual(["Indicador", "Natureza", "Justificativa aceita"]);
    // Texts stay texts: "75,0%" and "jan/2025" are not turned into numbers or dates.
    expect(["A4", "C4", "D4", "C5", "E4"].map((a) => ws.value(a))).toEqual([
      "Consultas de pré-natal",
      "75,0%",
      "jan/2025",
      "mínimo 300",
      "",
    ]);
    expect(ws.tables.map((t) => ({ name: t.name, rect: t.rect }))).toEqual([
      { name: "Indicadores_2025", rect: { top: 3, left: 1, bottom: 5, right: 6 } },
    ]);
    const natureza = { list: { inCellDropDown: true, source: "Desempenho,Monitoramento" } };
    const decisao = { list: { inCellDropDown: true, source: "Total,Parcial,Não" } };
    expect(ws.validationAt("B4")).toEqual(natureza);
    expect(ws.validationAt(`B${5 + TEMPLATE_SPARE_ROWS}`)).toEqual(natureza);
    expect(ws.validationAt(`B${6 + TEMPLATE_SPARE_ROWS}`)).toBeUndefined();
    expect(ws.validationAt("F5")).toEqual(decisao);
    expect(ws.validationAt("B3")).toBeUndefined(); // not on the header
    expect(ws.validationAt("C4")).toBeUndefined();
    expect(ws.validations).toHaveLength(2); // one rule per list, not per cell
    expect([...ws.widths.entries()].sort(([a], [b]) => a - b)).toEqual([
      [1, columnWidthPoints(40)],
      [2, columnWidthPoints(16)],
      [3, columnWidthPoints(14)],
      [4, columnWidthPoints(12)],
      [5, columnWidthPoints(12)],
      [6, columnWidthPoints(14)],
    ]);
    expect(fx.count("format.columnWidth")).toBe(5); // D:E share one width
    expect(fx.activeSheet).toBe("Indicadores 2025");
    expect(fx.selection).toEqual({ sheet: "Indicadores 2025", address: "A4" });
  });

  it("inserts a shipped template that reads back as it was built", async () => {
    const fx = tableWorkbook(3);
    const shipped = buildTemplate("instrumento", fx.sheetNames(), ["TabelaMetas"], { year: 2025, month: 1 });
    expect(await hostOf(fx).insertTemplate(shipped)).toEqual({ ok: true, value: { sheet: shipped.sheet } });
    const read = await hostOf(fx).read();
    if (!read.ok) throw new Error(read.message);
    const sheet = read.value.sheets.find((s) => s.name === shipped.sheet);
    expect(sheet?.tables).toEqual([
      { name: shipped.table, ref: `A3:${String.fromCharCode(64 + shipped.headers.length)}${3 + shipped.rows.length}` },
    ]);
    expect(sheet?.rows[2].map((c) => c.value)).toEqual(shipped.headers);
    shipped.rows.forEach((row, i) => {
      const got = sheet?.rows[3 + i] ?? [];
      row.forEach((value, c) => expect(got[c]?.value ?? null).toBe(value));
    });
  });

  it("refuses, writing nothing, when the sheet or the table name is taken or the structure is protected", async () => {
    const fx = tableWorkbook(3);
    fx.addSheet("INDICADORES 2025");
    const host = hostOf(fx);
    expect(await untouched(fx, () => host.insertTemplate(template))).toEqual({
      ok: false,
      message: officeHostStrings.templateSheetExists("Indicadores 2025"),
    });
    expect(
      await untouched(fx, () => host.insertTemplate({ ...template, sheet: "Outra", table: "tabelametas" })),
    ).toEqual({
      ok: false,
      message: officeHostStrings.templateTableExists("tabelametas"),
    });
    fx.structureProtected = true;
    expect(await untouched(fx, () => host.insertTemplate({ ...template, sheet: "Outra" }))).toEqual({
      ok: false,
      message: officeHostStrings.templateStructureProtected,
    });
    expect(fx.syncs).toHaveLength(3);
  });

  it("makes a table of one empty data row when the template has no rows", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Plan1");
    expect(await hostOf(fx).insertTemplate({ ...template, rows: [] })).toMatchObject({ ok: true });
    expect(fx.sheet("Indicadores 2025").tables[0].rect).toEqual({ top: 3, left: 1, bottom: 4, right: 6 });
  });
});
