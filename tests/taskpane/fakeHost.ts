/**
 * An in-memory `TaskpaneHost` for the task pane tests: it holds a `WorkbookData`, records every call, and
 * applies what it is asked to write to its data (owned columns, summary sheets, cells, settings, inserted
 * tables), so a later `read()` sees the writes, as in Excel.
 */
import { fromA1, toA1 } from "../../src/workbook/a1";
import type { PlanCell, WritePlan } from "../../src/workbook/plan/types";
import type { CellData, SheetData, WorkbookData } from "../../src/workbook/model";
import { settingsToCells, SETTINGS_SHEET, type WorkbookSettings } from "../../src/workbook/settings";
import type {
  ApplyOutcome,
  CellWrite,
  HostEvent,
  HostResult,
  TaskpaneHost,
  TemplateTable,
} from "../../src/workbook/host";

/** A copy of a workbook whose cells can be changed without touching the original. */
export function cloneWorkbook(wb: WorkbookData): WorkbookData {
  return {
    sheets: wb.sheets.map((sh) => ({
      ...sh,
      rows: sh.rows.map((r) => r.map((c) => ({ ...c }))),
      tables: sh.tables.map((t) => ({ ...t })),
      merges: [...sh.merges],
    })),
  };
}

/** Sets one cell of a sheet (1-based row and column), growing its rows as needed. */
function put(sheet: SheetData, row: number, col: number, cell: CellData): void {
  const r = row - sheet.origin.row;
  const c = col - sheet.origin.col;
  if (r < 0 || c < 0) throw new Error(`fake host: ${toA1(row, col)} is above or left of ${sheet.name}'s used range`);
  while (sheet.rows.length <= r) sheet.rows.push([]);
  while (sheet.rows[r].length <= c) sheet.rows[r].push({ value: null });
  sheet.rows[r][c] = cell;
}

function planCell(cell: PlanCell): CellData {
  return cell.numberFormat ? { value: cell.value, numberFormat: cell.numberFormat } : { value: cell.value };
}

/** The workbook with cell writes applied (a new copy). */
export function applyCellWrites(wb: WorkbookData, cells: CellWrite[]): WorkbookData {
  const next = cloneWorkbook(wb);
  for (const c of cells) {
    const sheet = next.sheets.find((sh) => sh.name === c.sheet);
    const at = fromA1(c.address);
    if (!sheet || !at) throw new Error(`fake host: no cell ${c.sheet}!${c.address}`);
    put(sheet, at.row, at.col, { value: c.value });
  }
  return next;
}

/** The workbook with a plan's owned columns and summary sheets written (a new copy). */
export function applyPlanToData(wb: WorkbookData, plan: WritePlan): WorkbookData {
  const next = cloneWorkbook(wb);
  for (const o of plan.owned) {
    const sheet = next.sheets.find((sh) => sh.name === o.sheet);
    if (!sheet) throw new Error(`fake host: no sheet ${o.sheet}`);
    o.headers.forEach((h, j) => put(sheet, o.headerRow, o.col + j, planCell(h)));
    o.values.forEach((row, i) => row.forEach((cell, j) => put(sheet, o.firstRow + i, o.col + j, planCell(cell))));
  }
  for (const summary of plan.summaries) {
    const sheet: SheetData = {
      name: summary.name,
      origin: { row: 1, col: 1 },
      rows: summary.rows.map((r) => r.map(planCell)),
      tables: [],
      merges: [...summary.merges],
    };
    const at = next.sheets.findIndex((sh) => sh.name === summary.name);
    if (at >= 0) next.sheets[at] = sheet;
    else next.sheets.push(sheet);
  }
  return next;
}

/** A template inserted as Excel would hold it: title on row 1, header on row 3, an Excel table over header and rows. */
export function templateSheet(t: TemplateTable): SheetData {
  const last = toA1(3 + t.rows.length, t.headers.length);
  return {
    name: t.sheet,
    origin: { row: 1, col: 1 },
    rows: [
      [{ value: t.title }],
      [],
      t.headers.map((h) => ({ value: h })),
      ...t.rows.map((r) => r.map((value) => ({ value }))),
    ],
    tables: [{ name: t.table, ref: `A3:${last}` }],
    merges: [],
  };
}

export interface FakeHostCalls {
  read: number;
  apply: { plan: WritePlan; options: { replaceSummaries: boolean } }[];
  select: { sheet: string; address: string }[];
  saveSettings: WorkbookSettings[];
  writeCells: CellWrite[][];
  insertTemplate: TemplateTable[];
}

export class FakeHost implements TaskpaneHost {
  data: WorkbookData;
  readonly calls: FakeHostCalls = {
    read: 0,
    apply: [],
    select: [],
    saveSettings: [],
    writeCells: [],
    insertTemplate: [],
  };
  /** Set to make the next `apply` answer this instead of writing. */
  nextApply?: ApplyOutcome;
  /** Set to make `read` fail with this message. */
  readFailure?: string;
  /** Set to make `writeCells` fail with this message. */
  writeFailure?: string;

  /** Whether the pane is on screen (false: the hidden runtime a function recalculation starts). */
  shown = true;
  private listeners = new Set<(event: HostEvent) => void>();

  constructor(data: WorkbookData) {
    this.data = cloneWorkbook(data);
  }

  isShown(): boolean {
    return this.shown;
  }

  subscribe(listener: (event: HostEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What Office would tell the pane: shown, hidden, or a sheet activated, added or deleted. */
  emit(event: HostEvent): void {
    if (event === "shown") this.shown = true;
    if (event === "hidden") this.shown = false;
    for (const listener of this.listeners) listener(event);
  }

  sheet(name: string): SheetData | undefined {
    return this.data.sheets.find((sh) => sh.name === name);
  }

  /** The value of a cell (A1) of a sheet, or undefined. */
  value(sheet: string, address: string): CellData["value"] {
    const sh = this.sheet(sheet);
    const at = fromA1(address);
    if (!sh || !at) return undefined;
    return sh.rows[at.row - sh.origin.row]?.[at.col - sh.origin.col]?.value;
  }

  async read(): Promise<HostResult<WorkbookData>> {
    this.calls.read += 1;
    if (this.readFailure) return { ok: false, message: this.readFailure };
    return { ok: true, value: cloneWorkbook(this.data) };
  }

  async apply(plan: WritePlan, options: { replaceSummaries: boolean }): Promise<ApplyOutcome> {
    this.calls.apply.push({ plan, options });
    if (this.nextApply) {
      const outcome = this.nextApply;
      this.nextApply = undefined;
      return outcome;
    }
    const existing = plan.summaries.map((s) => s.name).filter((name) => this.sheet(name));
    if (existing.length > 0 && !options.replaceSummaries) return { kind: "needsConfirmation", sheets: existing };
    this.data = applyPlanToData(this.data, plan);
    return { kind: "applied", syncs: 1, largestPayload: 0 };
  }

  async select(sheet: string, address: string): Promise<HostResult<void>> {
    this.calls.select.push({ sheet, address });
    return { ok: true, value: undefined };
  }

  async saveSettings(settings: WorkbookSettings): Promise<HostResult<void>> {
    this.calls.saveSettings.push(settings);
    const sheet: SheetData = {
      name: SETTINGS_SHEET,
      origin: { row: 1, col: 1 },
      rows: settingsToCells(settings).map((r) => r.map((value) => ({ value }))),
      tables: [],
      merges: [],
      hidden: true,
    };
    this.data = { ...this.data, sheets: [...this.data.sheets.filter((sh) => sh.name !== SETTINGS_SHEET), sheet] };
    return { ok: true, value: undefined };
  }

  async writeCells(cells: CellWrite[]): Promise<HostResult<void>> {
    this.calls.writeCells.push(cells);
    if (this.writeFailure) return { ok: false, message: this.writeFailure };
    this.data = applyCellWrites(this.data, cells);
    return { ok: true, value: undefined };
  }

  async insertTemplate(template: TemplateTable): Promise<HostResult<{ sheet: string }>> {
    this.calls.insertTemplate.push(template);
    this.data = { ...this.data, sheets: [...this.data.sheets, templateSheet(template)] };
    return { ok: true, value: { sheet: template.sheet } };
  }
}
