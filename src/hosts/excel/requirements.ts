/**
 * Which Excel JavaScript API the Excel host needs, and what it does when Excel has less. Each member the
 * adapter (read.ts, apply.ts, select.ts, host.ts) calls, with the requirement set @types/office-js names
 * for it:
 *
 * | set          | members                                                                               |
 * | ------------ | ------------------------------------------------------------------------------------- |
 * | ExcelApi 1.1 | worksheets/tables (items, getItem, add, delete, activate), `getRange`, `values`,      |
 * |              | `formulas`, `numberFormat`, `address`, `clear`, `select`, range format, fill, font,   |
 * |              | borders, charts (add, title, legend, series, axes min/max/unit, setPosition)          |
 * | ExcelApi 1.2 | worksheet protection, setting visibility, `Table.worksheet`, `merge`, column width,   |
 * |              | row height                                                                            |
 * | ExcelApi 1.4 | `getUsedRangeOrNullObject`, `getItemOrNullObject`                                     |
 * | ExcelApi 1.6 | conditional formats (add, delete, id, type, custom rule), `suspendApiCalculation…`    |
 * | ExcelApi 1.7 | workbook protection, `setXAxisValues`, `hasDataLabels`, `reversePlotOrder`            |
 * | ExcelApi 1.8 | data validation, chart data labels, axis position and number format                  |
 * | ExcelApi 1.9 | `setCellProperties`, `getRanges` (rules on many areas), page layout,                  |
 * |              | `suspendScreenUpdatingUntilNextSync`                                                  |
 * | ExcelApi 1.13| `Range.getMergedAreasOrNullObject` (read.ts)                                          |
 *
 * The pane's own page (taskpane/index.tsx) uses only the Common API (`Office.onReady`,
 * `Office.context.officeTheme`) and the shared runtime (SharedRuntime 1.1, also in the manifest). Events a
 * pane may listen to have their own sets: `Office.addin.onVisibilityModeChanged` SharedRuntime 1.1,
 * `WorksheetCollection.onActivated` ExcelApi 1.7, `Workbook.onActivated` ExcelApi 1.13 (check that one with
 * `isSetSupported` too).
 *
 * So 1.9 is the minimum, declared in manifest.xml beside SharedRuntime 1.1 (the Excel versions with the
 * shared runtime, Windows 2002 and Mac 16.35 on, all have 1.9). Merged areas are the one optional part: without 1.13 the read leaves them out
 * and says so (they only help read a value merged down several rows). A host without 1.9 gets a message
 * naming the Excel it needs, before any call that would fail with a bare `ApiNotFound`.
 */

/** The part of `Office.context.requirements` the checks use (a fake in tests). */
export interface RequirementSets {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** The ExcelApi version every read and write needs (see the table above). */
export const EXCEL_API_MINIMUM = "1.9";
/** The ExcelApi version of `Range.getMergedAreasOrNullObject`. */
export const EXCEL_API_MERGED_AREAS = "1.13";

/** What this Excel can do of what the host uses. */
export interface ExcelSupport {
  /** Every read and write (ExcelApi 1.9). */
  minimum: boolean;
  /** Reading merged areas (ExcelApi 1.13). */
  mergedAreas: boolean;
}

/** Everything: where no Office requirements exist to ask (the fake Excel in tests implements it all). */
export const FULL_SUPPORT: ExcelSupport = { minimum: true, mergedAreas: true };

/** `Office.context.requirements` when the page runs inside Office, else undefined. */
export function officeRequirements(): RequirementSets | undefined {
  if (typeof Office === "undefined") return undefined;
  return Office.context?.requirements;
}

/** What the Excel behind `requirements` supports; everything when there is nothing to ask. */
export function excelSupport(requirements: RequirementSets | undefined = officeRequirements()): ExcelSupport {
  if (!requirements) return FULL_SUPPORT;
  const has = (version: string) => requirements.isSetSupported("ExcelApi", version);
  const minimum = has(EXCEL_API_MINIMUM);
  return { minimum, mergedAreas: minimum && has(EXCEL_API_MERGED_AREAS) };
}
