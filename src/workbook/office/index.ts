/**
 * The Excel host (Office.js): read the open workbook into `WorkbookData`, apply a `WritePlan`, take the
 * user to a cell. Every function takes the `Excel.RequestContext` of the caller's `Excel.run`, and uses
 * no `Excel.*` value at load time (enums are passed as their strings), so it also runs under tests.
 */
export { readWorkbook, type ReadOptions } from "./read";
export { applyPlan, type ApplyOptions, type ApplyProblem, type ApplyReport } from "./apply";
export { selectCell, type SelectResult } from "./select";
export { officeErrorCode, officeErrorMessage } from "./errors";
