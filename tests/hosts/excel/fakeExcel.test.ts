/**
 * The fake Excel behaves like Office.js where the host's misuse would show: properties unreadable before
 * load and sync, null objects, missing items, protected sheets, Excel's parsing of written texts, size
 * checks, and the record of calls and syncs.
 */
import { FakeExcel, FakeOfficeError } from "./fakeExcel";

describe("the fake Excel", () => {
  it("throws PropertyNotLoaded for a property read before load and sync, as Office.js does", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Metas").set("A1", 5);
    const range = fx.context.workbook.worksheets.getItem("Metas").getRange("A1");
    expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
    range.load("values");
    expect(() => range.values).toThrow(/not available/);
    await fx.context.sync();
    expect(range.values).toEqual([[5]]);
    expect(() => range.address).toThrow(/not available/);
  });

  it("queues writes until sync", async () => {
    const fx = new FakeExcel();
    const ws = fx.addSheet("Metas");
    fx.context.workbook.worksheets.getItem("Metas").getRange("A1:B1").values = [[1, "x"]];
    expect(ws.value("A1")).toBe("");
    await fx.context.sync();
    expect([ws.value("A1"), ws.value("B1")]).toEqual([1, "x"]);
    expect(fx.syncs[0].actions).toEqual([
      'worksheets.getItem("Metas")',
      "worksheets.getItem(Metas).getRange(A1:B1).values = [1×2]",
    ]);
  });

  it("tells null objects apart after sync, and refuses reading their properties", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Vazia");
    const used = fx.context.workbook.worksheets.getItem("Vazia").getUsedRangeOrNullObject(true).load("address");
    expect(() => used.isNullObject).toThrow(/before context.sync/);
    await fx.context.sync();
    expect(used.isNullObject).toBe(true);
    expect(() => used.address).toThrow(/null object/);
    const missing = fx.context.workbook.worksheets.getItemOrNullObject("Outra").load("name");
    const present = fx.context.workbook.worksheets.getItemOrNullObject("vazia").load("name");
    await fx.context.sync();
    expect([missing.isNullObject, present.isNullObject, present.name]).toEqual([true, false, "Vazia"]);
  });

  it("fails a sync on a missing sheet, a protected sheet, a size mismatch and cell edit mode", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Metas", { protected: true });
    fx.context.workbook.worksheets.getItem("Outra");
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    fx.context.workbook.worksheets.getItem("Metas").getRange("A1").values = [[1]];
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    fx.sheet("Metas").protected = false;
    fx.context.workbook.worksheets.getItem("Metas").getRange("A1:B2").formulas = [[1, 2]];
    await expect(fx.context.sync()).rejects.toBeInstanceOf(FakeOfficeError);
    fx.cellEditMode = true;
    fx.context.workbook.worksheets.getItem("Metas").getRange("A1").values = [[1]];
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });

  it("parses written texts as Excel does: formulas, numbers, dates, booleans; the apostrophe keeps text", async () => {
    const fx = new FakeExcel({ evaluate: () => 42 });
    const ws = fx.addSheet("Metas");
    fx.context.workbook.worksheets.getItem("Metas").getRange("A1:G1").formulas = [
      ["=SUM(1,2)", "10", "10%", "2025-01", "TRUE", "'2025-01", null],
    ];
    ws.set("G1", "kept");
    await fx.context.sync();
    expect(ws.cell("A1")).toMatchObject({ formula: "=SUM(1,2)", value: 42 });
    expect(["B1", "C1", "D1", "E1", "F1", "G1"].map((a) => ws.value(a))).toEqual([
      10,
      0.1,
      45658,
      true,
      "2025-01",
      "kept",
    ]);
  });

  it("refuses a request over its payload limit before running anything", async () => {
    const fx = new FakeExcel({ payloadLimit: 1_000 });
    const ws = fx.addSheet("Metas");
    fx.context.workbook.worksheets.getItem("Metas").getRange("A1:A100").values = Array.from({ length: 100 }, () => [
      "texto longo",
    ]);
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(ws.value("A1")).toBe("");
    expect(fx.syncs[0].requestBytes).toBeGreaterThan(1_000);
  });

  it("lists the rules that intersect a range and deletes a rule whole", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Metas");
    fx.addRule("Metas", { type: "Custom", areas: ["F5:G9", "E5:E9"], formula: "=1" });
    fx.addRule("Metas", { type: "Custom", areas: ["A1:A3"], formula: "=2" });
    const rules = fx.context.workbook.worksheets.getItem("Metas").getRange("G7").conditionalFormats.load("items/id");
    await fx.context.sync();
    expect(rules.items).toHaveLength(1);
    rules.items[0].delete();
    await fx.context.sync();
    expect(fx.sheet("Metas").rules.map((r) => r.formula)).toEqual(["=2"]);
  });
});

describe("the fake Excel: what the task pane's host uses", () => {
  it("runs a batch like Excel.run, and rejects a batch that leaves actions unsynced", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Metas");
    expect(await fx.run(async (context) => context.sync(5))).toBe(5);
    await expect(
      fx.run(async (context) => {
        context.workbook.worksheets.getItem("Metas").getRange("A1").values = [[1]];
      }),
    ).rejects.toThrow(/never synced/);
    expect(fx.sheet("Metas").value("A1")).toBe("");
  });

  it("hides a sheet only while another stays visible and the structure is not protected", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Metas");
    fx.addSheet("Config");
    fx.context.workbook.worksheets.getItem("Config").visibility = "VeryHidden";
    await fx.context.sync();
    expect(fx.sheet("Config").visibility).toBe("VeryHidden");
    fx.context.workbook.worksheets.getItem("Metas").visibility = "Hidden";
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    fx.structureProtected = true;
    fx.context.workbook.worksheets.getItem("Config").visibility = "Visible";
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("adds tables that are unique by name and do not overlap", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Metas");
    fx.addTable("Metas", "Tabela1", "A1:B3");
    const ws = fx.context.workbook.worksheets.getItem("Metas");
    const table = ws.tables.add("D1:E3", true);
    await fx.context.sync();
    expect(fx.sheet("Metas").tables.map((t) => t.name)).toEqual(["Tabela1", "Table1"]);
    table.name = "Metas_2025";
    await fx.context.sync();
    const all = fx.context.workbook.tables.load("items/name");
    await fx.context.sync();
    expect(all.items.map((t) => t.name)).toEqual(["Tabela1", "Metas_2025"]);
    table.name = "TABELA1";
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    table.name = "A1";
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    ws.tables.add("B2:C4", true);
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("keeps list validations by rectangle, and refuses a list over 255 characters", async () => {
    const fx = new FakeExcel();
    const model = fx.addSheet("Metas");
    const ws = fx.context.workbook.worksheets.getItem("Metas");
    ws.getRange("B4:B100").dataValidation.rule = { list: { inCellDropDown: true, source: "Sim,Não" } };
    await fx.context.sync();
    expect(model.validationAt("B50")).toEqual({ list: { inCellDropDown: true, source: "Sim,Não" } });
    expect(model.validationAt("B101")).toBeUndefined();
    ws.getRange("C4").dataValidation.rule = { list: { inCellDropDown: true, source: "x".repeat(256) } };
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    ws.getRange("B1:B200").dataValidation.clear();
    await fx.context.sync();
    expect(model.validations).toEqual([]);
  });
});
