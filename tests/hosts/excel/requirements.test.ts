/**
 * The Excel version checks (requirements.ts) on a fake `Office.context.requirements`, and what the host
 * does with them against the fake Excel: without ExcelApi 1.13 the read leaves merged areas out and says
 * so; without 1.9 nothing calls Excel and every method names the Excel it needs. Also the error table for
 * an API Excel does not have, and the read of a range Excel answers without its values.
 */
import { excelHostStrings, officeStrings } from "../../../src/hosts/excel/messages";
import { HostMessageError, officeErrorMessage } from "../../../src/hosts/excel/errors";
import { createOfficeHost } from "../../../src/hosts/excel/host";
import { readWorkbook } from "../../../src/hosts/excel/read";
import {
  EXCEL_API_MERGED_AREAS,
  EXCEL_API_MINIMUM,
  excelSupport,
  type RequirementSets,
} from "../../../src/hosts/excel/requirements";
import { runPipeline } from "../../../src/workbook/pipeline";
import { contractWorkbook, tableWorkbook, writePlan } from "./fixtures";

/**
 * `Office.context.requirements` of an Excel that has ExcelApi up to `excelApi` (and SharedRuntime 1.1),
 * comparing versions part by part as Office does ("1.13" is above "1.9"). Records what it was asked.
 */
function requirementsUpTo(excelApi: string): RequirementSets & { asked: string[] } {
  const parts = (v: string) => v.split(".").map(Number);
  const atLeast = (have: string, want: string) => {
    const [a, b] = [parts(have), parts(want)];
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
    return true;
  };
  const sets: Record<string, string> = { ExcelApi: excelApi, SharedRuntime: "1.1" };
  const asked: string[] = [];
  return {
    asked,
    isSetSupported(name: string, minVersion = "1.1") {
      asked.push(`${name} ${minVersion}`);
      return sets[name] !== undefined && atLeast(sets[name], minVersion);
    },
  };
}

describe("excelSupport", () => {
  it("needs ExcelApi 1.9 for everything and 1.13 for merged areas", () => {
    expect(EXCEL_API_MINIMUM).toBe("1.9");
    expect(EXCEL_API_MERGED_AREAS).toBe("1.13");
    // Excel for Windows 2002–2101 and Mac 16.35–16.49 have the shared runtime and ExcelApi 1.10–1.12.
    expect(excelSupport(requirementsUpTo("1.12"))).toEqual({ minimum: true, mergedAreas: false });
    expect(excelSupport(requirementsUpTo("1.13"))).toEqual({ minimum: true, mergedAreas: true });
    expect(excelSupport(requirementsUpTo("1.20"))).toEqual({ minimum: true, mergedAreas: true });
    // Excel 2019 stops at ExcelApi 1.8: nothing the host does is there.
    expect(excelSupport(requirementsUpTo("1.8"))).toEqual({ minimum: false, mergedAreas: false });
  });

  it("asks Office about the ExcelApi set by name and version", () => {
    const requirements = requirementsUpTo("1.12");
    excelSupport(requirements);
    expect(requirements.asked).toEqual(["ExcelApi 1.9", "ExcelApi 1.13"]);
  });

  it("assumes everything where there is no Office to ask (outside Office, the tests' fake Excel)", () => {
    expect(excelSupport(undefined)).toEqual({ minimum: true, mergedAreas: true });
  });
});

describe("readWorkbook on an Excel without ExcelApi 1.13", () => {
  it("reads everything but the merged areas, in the same two syncs, and says what was left out", async () => {
    const fx = contractWorkbook();
    const full = await readWorkbook(contractWorkbook().context);
    const partial = await readWorkbook(fx.context, { mergedAreas: false });
    // The contract workbook has one merge (its title, B2:G2); without 1.13 no sheet has any.
    expect(full.sheets[0].merges).toEqual(["B2:G2"]);
    expect(partial.sheets.map((s) => s.merges)).toEqual([[], [], []]);
    expect(partial.readNotes).toEqual([excelHostStrings.mergedAreasSkipped]);
    expect(full.readNotes).toBeUndefined();
    // Everything else is as read with 1.13.
    expect(partial.sheets.map((s) => ({ ...s, merges: [] }))).toEqual(full.sheets.map((s) => ({ ...s, merges: [] })));
    expect(fx.syncs).toHaveLength(2);
    expect(fx.calls.filter((c) => c.text.includes("getMergedAreasOrNullObject"))).toEqual([]);
    // The title was merged across, not down: the tables are found the same.
    expect(runPipeline(partial).tables.map((t) => t.ref)).toEqual(runPipeline(full).tables.map((t) => t.ref));
  });
});

describe("createOfficeHost and the Excel version", () => {
  it("passes the 1.13 check to the read: merged areas left out and noted", async () => {
    const fx = contractWorkbook();
    const read = await createOfficeHost(fx.run, undefined, excelSupport(requirementsUpTo("1.12"))).read();
    if (!read.ok) throw new Error(read.message);
    expect(read.value.sheets[0].merges).toEqual([]);
    expect(read.value.readNotes).toEqual([excelHostStrings.mergedAreasSkipped]);
  });

  it("on an Excel without ExcelApi 1.9, names the Excel it needs and calls Excel for nothing", async () => {
    const fx = tableWorkbook(3);
    const host = createOfficeHost(fx.run, undefined, excelSupport(requirementsUpTo("1.8")));
    const tooOld = { ok: false, message: excelHostStrings.excelTooOld };
    expect(await host.read()).toEqual(tooOld);
    expect(await host.apply(writePlan(3), { replaceSummaries: false })).toEqual({
      kind: "failed",
      message: excelHostStrings.excelTooOld,
    });
    expect(await host.select("Metas", "B5")).toEqual(tooOld);
    expect(await host.saveSettings({ versao: 1 })).toEqual(tooOld);
    expect(await host.writeCells([{ sheet: "Metas", address: "E5", value: 1 }])).toEqual(tooOld);
    expect(fx.syncs).toEqual([]);
    expect(excelHostStrings.excelTooOld).toMatch(/Excel 2021.*Microsoft 365.*Excel na Web/);
  });
});

describe("officeErrorMessage for what this Excel lacks", () => {
  it("says which Excel is needed for ApiNotFound, instead of 'try again, restart Excel'", () => {
    expect(officeErrorMessage({ code: "ApiNotFound" })).toBe(excelHostStrings.excelTooOld);
    expect(officeErrorMessage({ code: "NotImplemented" })).toBe(excelHostStrings.excelTooOld);
    expect(officeErrorMessage({ code: "ApiNotFound" })).not.toBe(officeStrings.general("ApiNotFound"));
    // Any other unknown code still gets the general advice.
    expect(officeErrorMessage({ code: "GeneralException" })).toBe(officeStrings.general("GeneralException"));
  });

  it("passes a message the adapter already worded through as it is", () => {
    expect(officeErrorMessage(new HostMessageError("Planilha “X”: …"))).toBe("Planilha “X”: …");
  });
});

describe("readWorkbook when Excel answers a huge range without its values", () => {
  it("reads it again in row chunks, with the same result as one read", async () => {
    const normal = await readWorkbook(tableWorkbook(10_000).context);
    // 10,001 rows × 4 columns = 40,004 cells: over this Excel's limit, so values and formats come back null.
    const fx = tableWorkbook(10_000, { valuesLimit: 30_000 });
    const chunked = await readWorkbook(fx.context, { maxCellsPerSync: 8_000 });
    expect(chunked).toEqual(normal);
    // Sheets and tables; the used ranges (answered null); their addresses; then 2,000 rows (8,000 cells) a
    // sync: 5 full chunks and one of the last row = 6.
    expect(fx.syncs).toHaveLength(3 + 6);
    expect(fx.syncs.every((s) => !s.error)).toBe(true);
  });

  it("stops with a message naming the sheet and the range when even a chunk comes back null", async () => {
    const fx = tableWorkbook(10_000, { valuesLimit: 1_000 });
    const error = await readWorkbook(fx.context, { maxCellsPerSync: 8_000 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    // The first chunk: the header row 4 and 1,999 rows below it, B to E = 2,000 × 4 = 8,000 cells.
    expect(officeErrorMessage(error)).toBe(excelHostStrings.valuesNotReturned("Metas", "B4:E2003", 8_000));
    expect(officeErrorMessage(error)).toContain("“Metas” (B4:E2003, 8.000 células)");
    // Through the pane's host, the same words: there the chunk is 50,000 cells, so the whole table, rows 4
    // to 10,004 (10,001 × 4 = 40,004 cells), is the one chunk.
    const read = await createOfficeHost(tableWorkbook(10_000, { valuesLimit: 1_000 }).run).read();
    expect(read).toEqual({ ok: false, message: excelHostStrings.valuesNotReturned("Metas", "B4:E10004", 40_004) });
  });
});
