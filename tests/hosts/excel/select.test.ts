/**
 * `selectCell` (the task pane's "click a problem"): with office-addin-mock's `OfficeMockObject` for the
 * plain call sequence, and with the fake Excel for a sheet that is gone.
 */
import { OfficeMockObject } from "office-addin-mock";
import { officeStrings } from "../../../src/hosts/excel/messages";
import { selectCell } from "../../../src/hosts/excel/select";
import { FakeExcel } from "./fakeExcel";

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose entry point pulls in an
// ES-module dependency (strip-bom) that jest's CommonJS runtime cannot load; the enum's own file has none.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));

describe("selectCell", () => {
  it("activates the sheet and selects the cell in one sync (OfficeMockObject)", async () => {
    const calls: string[] = [];
    // The mock has no collections: getItem is a plain function that hands back the sheet's calls.
    const context = new OfficeMockObject({
      workbook: {
        worksheets: {
          getItem: (name: string) => ({
            activate: () => calls.push(`activate ${name}`),
            getRange: (address: string) => ({ select: () => calls.push(`select ${name}!${address}`) }),
          }),
        },
      },
    });
    const sync = jest.spyOn(context, "sync");
    const result = await selectCell(context as unknown as Excel.RequestContext, "Metas", "E7");
    expect(result).toEqual({ kind: "selected" });
    expect(calls).toEqual(["activate Metas", "select Metas!E7"]);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it("goes to the cell in the fake Excel", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Resumo");
    fx.addSheet("Metas");
    expect(await selectCell(fx.context, "Metas", "E7")).toEqual({ kind: "selected" });
    expect(fx.activeSheet).toBe("Metas");
    expect(fx.selection).toEqual({ sheet: "Metas", address: "E7" });
    expect(fx.syncs).toHaveLength(1);
  });

  it("says in pt-BR when the sheet is gone", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Metas");
    expect(await selectCell(fx.context, "Metas 2024", "E7")).toEqual({
      kind: "failed",
      message: officeStrings.selectMissing("Metas 2024", "E7"),
    });
  });

  it("says in pt-BR when the user is typing in a cell", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Metas");
    fx.cellEditMode = true;
    expect(await selectCell(fx.context, "Metas", "E7")).toEqual({
      kind: "failed",
      message: officeStrings.cellEditMode,
    });
  });
});
