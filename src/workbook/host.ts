/**
 * What the task pane needs from the workbook it runs in. In Excel this is the Office.js adapter
 * (hosts/excel); in tests, an in-memory fake. The screens never call Office.js themselves: they run the
 * pure pipeline (detect → evaluate → plan) and hand the results to the host.
 *
 * Every method resolves (never rejects): Office errors come back as a pt-BR message saying what to do.
 */
import type { WritePlan } from "./plan/types";
import type { WorkbookData } from "./model";
import type { WorkbookSettings } from "./settings";
import type { LocatedProblem } from "../core/evaluate";

export type HostResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** The outcome of applying a write plan. */
export type ApplyOutcome =
  | { kind: "applied"; syncs: number; largestPayload: number }
  /** Summary sheets of these names exist: ask the user, then apply again with `replaceSummaries`. */
  | { kind: "needsConfirmation"; sheets: string[] }
  /** Nothing was written: e.g. an owned column would cover a cell the user typed. */
  | { kind: "refused"; problems: LocatedProblem[] }
  | { kind: "failed"; message: string };

/** One cell the user asked to change through the task pane (e.g. a justification and its decision). */
export interface CellWrite {
  sheet: string;
  /** A1 address. */
  address: string;
  value: string | number | null;
}

/** A starter indicator table to insert as an Excel table on a new sheet (screen Modelos). */
export interface TemplateTable {
  /** A sheet name not used yet. */
  sheet: string;
  /** Excel table name (letters, digits, `_`; unique in the workbook). */
  table: string;
  /** A title above the table (row 1); the table's header is on row 3. */
  title: string;
  headers: string[];
  rows: (string | number | null)[][];
  /** In-cell drop-down lists (data validation) by 0-based column of `headers`. */
  lists: { column: number; values: string[] }[];
  /** Column widths in characters. */
  widths: number[];
}

/**
 * What the host tells the pane between reads: the pane was shown or hidden (Excel keeps the page running,
 * hidden, to calculate the add-in's functions), or the workbook's sheets changed (one activated, added or
 * deleted), so the last read may be stale.
 */
export type HostEvent = "shown" | "hidden" | "changed";

export interface TaskpaneHost {
  /**
   * Whether the pane is on screen now. False in the hidden runtime a function recalculation starts: the
   * pane then reads nothing until it is shown. Absent: always shown.
   */
  isShown?(): boolean;
  /** Calls `listener` on each event until the returned function is called. Absent: no events. */
  subscribe?(listener: (event: HostEvent) => void): () => void;
  /** Reads every sheet's used range, tables and merges. */
  read(): Promise<HostResult<WorkbookData>>;
  /** Applies a plan (owned columns, rules, summary sheets); see workbook/plan/types.ts for the rules. */
  apply(plan: WritePlan, options: { replaceSummaries: boolean }): Promise<ApplyOutcome>;
  /** Activates the sheet and selects the cell (clicking a problem). */
  select(sheet: string, address: string): Promise<HostResult<void>>;
  /** Stores the settings in the workbook's very hidden settings sheet (workbook/settings). */
  saveSettings(settings: WorkbookSettings): Promise<HostResult<void>>;
  /** Writes cells the user filled in through the pane (justifications). Refuses protected sheets. */
  writeCells(cells: CellWrite[]): Promise<HostResult<void>>;
  /** Inserts a starter table on a new sheet; returns the sheet's name. */
  insertTemplate(template: TemplateTable): Promise<HostResult<{ sheet: string }>>;
}
