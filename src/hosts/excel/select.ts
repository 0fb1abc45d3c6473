/**
 * Takes the user to a cell: the task pane's "click a problem" (a problem names its sheet and cell).
 */
import { officeStrings } from "./messages";
import { officeErrorCode, officeErrorMessage } from "./errors";

export type SelectResult = { kind: "selected" } | { kind: "failed"; message: string };

/** Activates `sheet` and selects `address` (`E7`, `B3:F20`) in one sync. */
export async function selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<SelectResult> {
  try {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
    return { kind: "selected" };
  } catch (error) {
    const code = officeErrorCode(error);
    // A sheet renamed since the evaluation, or an address that no longer makes sense.
    if (code === "ItemNotFound" || code === "InvalidArgument")
      return { kind: "failed", message: officeStrings.selectMissing(sheet, address) };
    return { kind: "failed", message: officeErrorMessage(error) };
  }
}
