/**
 * A recording, in-memory fake of the Excel JavaScript API surface the Excel host (src/hosts/excel)
 * uses. `office-addin-mock` has no collections (worksheets, tables, conditional formats, charts), which
 * the host needs, so this fake exists; it behaves like Office.js where misuse would show:
 *
 * - proxies queue actions; nothing reaches the workbook until `context.sync()`, which runs the queue in
 *   order. A failing action rejects the sync; the actions before it stay applied (Excel is not
 *   transactional), the ones after it are dropped.
 * - a property can be read only after `load` and a sync (`PropertyNotLoaded` otherwise, as Office.js
 *   throws); reading a loaded property of a null object throws too (check `isNullObject` first);
 *   `getItem` of a missing sheet fails the sync with `ItemNotFound`.
 * - writing `values`/`formulas` parses texts as Excel does: `=` starts a formula, `'` keeps the rest as
 *   text, numbers, percentages, ISO/US dates and TRUE/FALSE are converted; `null` leaves a cell as it is;
 *   arrays must match the range's size (`InvalidArgument`).
 * - writes to a protected sheet fail with `AccessDenied`; adding or deleting sheets in a workbook whose
 *   structure is protected too; any sync fails with `InvalidOperationInCellEditMode` while
 *   `cellEditMode` is set; a request or a response over `payloadLimit` (5 MB, Excel on the web) fails the
 *   sync with `RequestPayloadSizeLimitExceeded` before anything runs (request) or after (response);
 *   `values` and `numberFormat` of a range over `valuesLimit` cells come back null (Excel does that for
 *   ranges of millions of cells instead of failing).
 *
 * - `run` stands for `Excel.run`: it hands the batch the context and, when the batch is done, rejects
 *   if actions were queued but never synced (Office.js would drop them silently: a bug in the caller).
 * - tables are unique by name in the workbook and may not overlap; a data-validation list typed as text
 *   holds at most 255 characters, as in Excel.
 *
 * Every action is recorded with the sync it went in, and every sync with the JSON size of what it sent
 * and received. Each fake class `implements Pick<Excel.X, …>` of the members it offers, so names and
 * signatures are checked against @types/office-js; objects cross between fake classes as their real
 * types through `real()`.
 */

/** Unchecked on purpose: every fake class is checked member by member against its real type. */
function real<T>(fake: object): T {
  return fake as unknown as T;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** The fixed cost of one action in the fake's request (the adapter estimates more, which is safe). */
const ACTION_BYTES = 60;

// ---------------------------------------------------------------------------------------------------
// Addresses

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `A1`, `A1:B2`, `H:J`, `3:5`, `$A$1`, with or without a sheet prefix. */
export function parseRange(address: string): Rect {
  const body = address
    .slice(address.lastIndexOf("!") + 1)
    .replace(/\$/g, "")
    .trim();
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(body);
  if (cols) return { top: 1, bottom: MAX_ROWS, left: colIndex(cols[1]), right: colIndex(cols[2]) };
  const rows = /^(\d+):(\d+)$/.exec(body);
  if (rows) return { top: Number(rows[1]), bottom: Number(rows[2]), left: 1, right: MAX_COLS };
  const m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(body);
  if (!m) throw new FakeOfficeError("InvalidArgument", `fake: bad address "${address}"`);
  const a = { row: Number(m[2]), col: colIndex(m[1]) };
  const b = m[3] ? { row: Number(m[4]), col: colIndex(m[3]) } : a;
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
}

export function rectA1(r: Rect): string {
  const start = `${colLetters(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? start : `${start}:${colLetters(r.right)}${r.bottom}`;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------------------
// The workbook's state

export type Scalar = string | number | boolean;

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borders?: { top?: boolean; bottom?: boolean; left?: boolean; right?: boolean };
}

export interface FakeCell {
  /** `""` is empty. For a formula, the value it shows. */
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  format: CellFormat;
}

export interface RuleModel {
  id: string;
  type: string;
  areas: string[];
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  stopIfTrue?: boolean;
}

export interface ChartAxisModel {
  minimum?: unknown;
  maximum?: unknown;
  majorUnit?: unknown;
  numberFormat?: string;
  reversePlotOrder?: boolean;
  position?: string;
}

export interface ChartModel {
  id: string;
  type: string;
  source: string;
  seriesBy?: string;
  name?: string;
  title?: string;
  legend: { position?: string; visible?: boolean };
  series: {
    name?: string;
    values: string;
    xValues?: string;
    color?: string;
    hasDataLabels?: boolean;
    dataLabels: { showValue?: boolean; numberFormat?: string };
    /** Fill colours set on single points, by index. */
    pointColors?: Record<number, string>;
  }[];
  valueAxis: ChartAxisModel;
  categoryAxis: ChartAxisModel;
  position?: { start: string; end?: string };
}

export interface TableModel {
  id: string;
  name: string;
  rect: Rect;
}

export interface ValidationModel {
  rect: Rect;
  rule: Excel.DataValidationRule;
}

export class SheetModel {
  readonly cells = new Map<number, FakeCell>();
  merges: Rect[] = [];
  readonly widths = new Map<number, number>();
  readonly heights = new Map<number, number>();
  /** In priority order: index 0 is priority 0, the first to apply. */
  rules: RuleModel[] = [];
  charts: ChartModel[] = [];
  tables: TableModel[] = [];
  /** Data-validation rules by rectangle, in the order they were set (a later one wins where they overlap). */
  validations: ValidationModel[] = [];
  pageLayout: {
    orientation?: string;
    paperSize?: string;
    zoom?: Excel.PageLayoutZoomOptions;
    printArea?: string;
    leftMargin?: number;
    rightMargin?: number;
    /** Print titles, as `$A:$A` / `$3:$3`. */
    printTitleColumns?: string;
    printTitleRows?: string;
    /** Manual page breaks above these cells (`A20`: row 20 starts a page), in the order they were added. */
    horizontalPageBreaks?: string[];
  } = {};
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  private static key(row: number, col: number): number {
    return row * (MAX_COLS + 1) + col;
  }

  cellAt(row: number, col: number, create: true): FakeCell;
  cellAt(row: number, col: number, create?: false): FakeCell | undefined;
  cellAt(row: number, col: number, create = false): FakeCell | undefined {
    const k = SheetModel.key(row, col);
    let cell = this.cells.get(k);
    if (!cell && create) {
      cell = { value: "", format: {} };
      this.cells.set(k, cell);
    }
    return cell;
  }

  /** The cell at an A1 address (an empty one when nothing was ever put there). */
  cell(address: string): FakeCell {
    const r = parseRange(address);
    return this.cellAt(r.top, r.left) ?? { value: "", format: {} };
  }

  value(address: string): Scalar {
    return this.cell(address).value;
  }

  /** Seeds a value (and a number format), as a person typing it would leave it. */
  set(address: string, value: Scalar, numberFormat?: string): this {
    const r = parseRange(address);
    const cell = this.cellAt(r.top, r.left, true);
    cell.value = value;
    delete cell.formula;
    if (numberFormat !== undefined) cell.numberFormat = numberFormat;
    return this;
  }

  /** Seeds a formula with the value it shows. */
  setFormula(address: string, formula: string, value: Scalar, numberFormat?: string): this {
    this.set(address, value, numberFormat);
    this.cell(address).formula = formula;
    return this;
  }

  /** Seeds rows of values from `address` (`null` skips a cell). */
  setRows(address: string, rows: (Scalar | null)[][]): this {
    const start = parseRange(address);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null)
          this.set(
            rectA1({ top: start.top + r, left: start.left + c, bottom: start.top + r, right: start.left + c }),
            v,
          );
      }),
    );
    return this;
  }

  /** The data-validation rule of a cell (the last one set over it), if any. */
  validationAt(address: string): Excel.DataValidationRule | undefined {
    const cell = parseRange(address);
    for (let i = this.validations.length - 1; i >= 0; i--)
      if (intersects(this.validations[i].rect, cell)) return this.validations[i].rule;
    return undefined;
  }

  merge(address: string): this {
    const rect = parseRange(address);
    this.merges = this.merges.filter((m) => !intersects(m, rect));
    this.merges.push(rect);
    return this;
  }

  /** The bounding rectangle of cells with values (`valuesOnly`) or with anything. */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let r: Rect | undefined;
    for (const [k, cell] of this.cells) {
      const used =
        cell.value !== "" ||
        cell.formula !== undefined ||
        (!valuesOnly && (cell.numberFormat !== undefined || Object.keys(cell.format).length > 0));
      if (!used) continue;
      const row = Math.floor(k / (MAX_COLS + 1));
      const col = k % (MAX_COLS + 1);
      if (!r) r = { top: row, bottom: row, left: col, right: col };
      else
        r = {
          top: Math.min(r.top, row),
          bottom: Math.max(r.bottom, row),
          left: Math.min(r.left, col),
          right: Math.max(r.right, col),
        };
    }
    return r;
  }

  /** Every cell of a rectangle (created), row by row; refuses whole-sheet sizes, which nobody writes. */
  forEachCell(rect: Rect, fn: (cell: FakeCell, r: number, c: number) => void): void {
    if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 5_000_000)
      throw new Error(`fake: ${rectA1(rect)} is too big to write cell by cell`);
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) fn(this.cellAt(r, c, true), r - rect.top, c - rect.left);
  }
}

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message };
  }
}

// ---------------------------------------------------------------------------------------------------
// Entering values as Excel parses them

/** What Excel makes of a text written through `values`/`formulas` (en-US parsing, as Office.js does). */
function parseEntry(text: string): Scalar {
  const t = text.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  const iso = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(t);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const ymd = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3] ?? 1)]
    : us
      ? [Number(us[3]), Number(us[1]), Number(us[2])]
      : undefined;
  if (ymd && ymd[1] >= 1 && ymd[1] <= 12)
    return Math.round((Date.UTC(ymd[0], ymd[1] - 1, ymd[2]) - Date.UTC(1899, 11, 30)) / 86_400_000);
  return text;
}

// ---------------------------------------------------------------------------------------------------
// The request queue

interface Loaded {
  bytes: number;
  commit: () => void;
}

interface Action {
  text: string;
  bytes: number;
  /** The sheet whose protection forbids this action. */
  guard?: () => SheetModel | undefined;
  /** Needs the workbook's structure unprotected (adding, deleting sheets). */
  structure?: boolean;
  run: () => Loaded | void;
}

export interface SyncRecord {
  index: number;
  actions: string[];
  requestBytes: number;
  responseBytes: number;
  error?: string;
}

const encoder = new TextEncoder();

/** Bytes of a value as JSON in UTF-8 (TextEncoder, so the fake runs in a browser too: tests/e2e). */
function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

/** A short form of a written value for the call log (big arrays as their size). */
function brief(value: unknown): string {
  if (Array.isArray(value) && Array.isArray(value[0])) return `[${value.length}×${(value[0] as unknown[]).length}]`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function parseLoad(arg: unknown): string[][] {
  let list: string[] = [];
  if (typeof arg === "string") list = arg.split(",");
  else if (Array.isArray(arg)) list = arg.flatMap((a) => String(a).split(","));
  else if (arg && typeof arg === "object" && typeof (arg as { select?: unknown }).select === "string")
    list = (arg as { select: string }).select.split(",");
  else throw new Error("fake: load() without property names loads everything; name the properties you need");
  return list
    .map((p) =>
      p
        .trim()
        .split("/")
        .map((s) => s.trim()),
    )
    .filter((p) => p[0] !== "");
}

// ---------------------------------------------------------------------------------------------------
// Proxies

abstract class FakeObject {
  protected readonly loaded = new Map<string, unknown>();
  /** For `…OrNullObject` proxies: undefined until a sync tells. */
  protected nullState: boolean | undefined;

  constructor(
    protected readonly fx: FakeExcel,
    readonly label: string,
    readonly nullable = false,
  ) {
    if (nullable) fx.pendingNull.push(this);
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullState === undefined)
      throw new FakeOfficeError("PropertyNotLoaded", `fake: ${this.label}.isNullObject read before context.sync()`);
    return this.nullState;
  }

  /** Whether the object this proxy stands for exists now (null objects only). */
  exists(): boolean {
    return true;
  }

  settleNull(): void {
    this.nullState = !this.exists();
  }

  protected prop<T>(name: string): T {
    if (this.nullable && this.nullState === true)
      throw new Error(`fake: ${this.label}.${name} read on a null object; check isNullObject first`);
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context. (fake: ${this.label})`,
      );
    }
    return this.loaded.get(name) as T;
  }

  /** The value of a scalar property now, for `load`. */
  protected scalar(name: string): unknown {
    throw new Error(`fake: ${this.label} cannot load "${name}"`);
  }

  /** A navigation property, for load paths like `protection/protected`. */
  protected nav(name: string): FakeObject | undefined {
    throw new Error(`fake: ${this.label} has no navigation property "${name}"`);
  }

  collect(paths: string[][]): Loaded {
    if (this.nullable && !this.exists()) return { bytes: 4, commit: () => {} };
    const commits: (() => void)[] = [];
    let bytes = 0;
    for (const path of paths) {
      if (path.length === 1) {
        const value = this.scalar(path[0]);
        bytes += jsonBytes(value) + path[0].length + 4;
        commits.push(() => this.loaded.set(path[0], value));
      } else {
        const child = this.nav(path[0]);
        if (!child) throw new Error(`fake: ${this.label}.${path[0]} is not there`);
        const got = child.collect([path.slice(1)]);
        bytes += got.bytes;
        commits.push(got.commit);
      }
    }
    return { bytes, commit: () => commits.forEach((c) => c()) };
  }

  protected queueLoad(arg: unknown): void {
    const paths = parseLoad(arg);
    const text = `${this.label}.load(${paths.map((p) => p.join("/")).join(",")})`;
    this.fx.enqueue({ text, bytes: ACTION_BYTES + text.length, run: () => this.collect(paths) });
  }

  /** Queues a property write or a method call. */
  protected act(text: string, payload: unknown, run: () => void, guard?: () => SheetModel | undefined): void {
    // A write answers nothing (the arrow functions that assign would otherwise return the value).
    const write = () => {
      run();
    };
    this.fx.enqueue({
      text: `${this.label}.${text}`,
      bytes: ACTION_BYTES + text.length + jsonBytes(payload),
      run: write,
      guard,
    });
  }
}

class FakeApplication
  extends FakeObject
  implements Pick<Excel.Application, "suspendApiCalculationUntilNextSync" | "suspendScreenUpdatingUntilNextSync">
{
  suspendApiCalculationUntilNextSync(): void {
    this.act("suspendApiCalculationUntilNextSync()", null, () => {});
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.act("suspendScreenUpdatingUntilNextSync()", null, () => {});
  }
}

class FakeWorkbookProtection extends FakeObject implements Pick<Excel.WorkbookProtection, "protected" | "load"> {
  get protected(): boolean {
    return this.prop("protected");
  }
  protected override scalar(name: string): unknown {
    if (name === "protected") return this.fx.structureProtected;
    return super.scalar(name);
  }
  load(arg?: unknown): Excel.WorkbookProtection {
    this.queueLoad(arg);
    return real(this);
  }
}

class FakeWorkbook extends FakeObject implements Pick<Excel.Workbook, "worksheets" | "tables" | "protection"> {
  private readonly _worksheets = new FakeWorksheetCollection(this.fx, "workbook.worksheets");
  private readonly _tables = new FakeTableCollection(this.fx, "workbook.tables");
  private readonly _protection = new FakeWorkbookProtection(this.fx, "workbook.protection");
  get worksheets(): Excel.WorksheetCollection {
    return real(this._worksheets);
  }
  get tables(): Excel.TableCollection {
    return real(this._tables);
  }
  get protection(): Excel.WorkbookProtection {
    return real(this._protection);
  }
}

class FakeWorksheetCollection
  extends FakeObject
  implements Pick<Excel.WorksheetCollection, "items" | "load" | "getItem" | "getItemOrNullObject" | "add">
{
  get items(): Excel.Worksheet[] {
    return this.prop("items");
  }
  override collect(paths: string[][]): Loaded {
    if (paths.some((p) => p[0] !== "items" || p.length < 2))
      throw new Error(`fake: load items/<property> on ${this.label}`);
    const items = this.fx.sheets.map(
      (s) => new FakeWorksheet(this.fx, `worksheets[${s.name}]`, () => this.fx.sheets.find((x) => x.id === s.id)),
    );
    const got = items.map((item) => item.collect(paths.map((p) => p.slice(1))));
    return {
      bytes: got.reduce((n, g) => n + g.bytes, 2),
      commit: () => {
        got.forEach((g) => g.commit());
        this.loaded.set(
          "items",
          items.map((i) => real<Excel.Worksheet>(i)),
        );
      },
    };
  }
  load(arg?: unknown): Excel.WorksheetCollection {
    this.queueLoad(arg);
    return real(this);
  }
  getItem(key: string): Excel.Worksheet {
    const ws = new FakeWorksheet(this.fx, `worksheets.getItem(${key})`, () => this.fx.sheetByName(key));
    // Office.js resolves the item in the batch: a missing one fails the sync even if nothing uses it.
    this.fx.enqueue({
      text: `worksheets.getItem(${JSON.stringify(key)})`,
      bytes: ACTION_BYTES + key.length,
      run: () => {
        if (!this.fx.sheetByName(key))
          throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (fake: sheet "${key}")`);
      },
    });
    return real(ws);
  }
  getItemOrNullObject(key: string): Excel.Worksheet {
    return real(
      new FakeWorksheet(this.fx, `worksheets.getItemOrNullObject(${key})`, () => this.fx.sheetByName(key), true),
    );
  }
  add(name?: string): Excel.Worksheet {
    const id = this.fx.nextId("sheet");
    const sheetName = name ?? `Sheet${this.fx.sheets.length + 1}`;
    this.fx.enqueue({
      text: `worksheets.add(${JSON.stringify(sheetName)})`,
      bytes: ACTION_BYTES + sheetName.length,
      structure: true,
      run: () => {
        if (this.fx.sheetByName(sheetName))
          throw new FakeOfficeError("ItemAlreadyExists", `fake: a sheet named "${sheetName}" exists`);
        this.fx.sheets.push(new SheetModel(id, sheetName));
      },
    });
    return real(new FakeWorksheet(this.fx, `worksheets[${sheetName}]`, () => this.fx.sheets.find((s) => s.id === id)));
  }
}

class FakeWorksheetProtection extends FakeObject implements Pick<Excel.WorksheetProtection, "protected" | "load"> {
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly sheet: FakeWorksheet,
  ) {
    super(fx, label);
  }
  get protected(): boolean {
    return this.prop("protected");
  }
  protected override scalar(name: string): unknown {
    if (name === "protected") return this.sheet.model().protected;
    return super.scalar(name);
  }
  load(arg?: unknown): Excel.WorksheetProtection {
    this.queueLoad(arg);
    return real(this);
  }
}

class FakeWorksheet
  extends FakeObject
  implements
    Pick<
      Excel.Worksheet,
      | "name"
      | "position"
      | "visibility"
      | "protection"
      | "tables"
      | "charts"
      | "pageLayout"
      | "horizontalPageBreaks"
      | "isNullObject"
      | "getRange"
      | "getRanges"
      | "getUsedRangeOrNullObject"
      | "activate"
      | "delete"
      | "load"
    >
{
  private _protection?: FakeWorksheetProtection;
  private _tables?: FakeWorksheetTableCollection;
  private _charts?: FakeChartCollection;
  private _pageLayout?: FakePageLayout;

  constructor(
    fx: FakeExcel,
    label: string,
    private readonly locate: () => SheetModel | undefined,
    nullable = false,
  ) {
    super(fx, label, nullable);
  }

  override exists(): boolean {
    return !!this.locate();
  }

  /** The sheet now; a missing one fails the action as Office.js does. */
  model(): SheetModel {
    const sheet = this.locate();
    if (!sheet) {
      if (this.nullable) throw new Error(`fake: ${this.label} is a null object; check isNullObject before using it`);
      throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (fake: ${this.label})`);
    }
    return sheet;
  }

  get name(): string {
    return this.prop("name");
  }
  get position(): number {
    return this.prop("position");
  }
  set position(value: number) {
    this.act(`position = ${value}`, value, () => this.fx.moveSheet(this.model(), value));
  }
  get visibility(): "Visible" | "Hidden" | "VeryHidden" {
    return this.prop("visibility");
  }
  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    // Hiding or showing a sheet changes the workbook's structure.
    this.fx.enqueue({
      text: `${this.label}.visibility = ${v}`,
      bytes: ACTION_BYTES + v.length,
      structure: true,
      run: () => {
        const sheet = this.model();
        if (v !== "Visible" && this.fx.sheets.every((s) => s === sheet || s.visibility !== "Visible")) {
          throw new FakeOfficeError("InvalidOperation", "fake: a workbook must keep one visible sheet");
        }
        sheet.visibility = v;
      },
    });
  }
  get tables(): Excel.TableCollection {
    return real((this._tables ??= new FakeWorksheetTableCollection(this.fx, `${this.label}.tables`, this)));
  }
  get protection(): Excel.WorksheetProtection {
    return real((this._protection ??= new FakeWorksheetProtection(this.fx, `${this.label}.protection`, this)));
  }
  get charts(): Excel.ChartCollection {
    return real((this._charts ??= new FakeChartCollection(this.fx, `${this.label}.charts`, this)));
  }
  get pageLayout(): Excel.PageLayout {
    return real((this._pageLayout ??= new FakePageLayout(this.fx, `${this.label}.pageLayout`, this)));
  }
  get horizontalPageBreaks(): Excel.PageBreakCollection {
    return real(new FakePageBreakCollection(this.fx, `${this.label}.horizontalPageBreaks`, this));
  }

  protected override scalar(name: string): unknown {
    const s = this.model();
    if (name === "name") return s.name;
    if (name === "position") return this.fx.sheets.indexOf(s);
    if (name === "visibility") return s.visibility;
    if (name === "id") return s.id;
    return super.scalar(name);
  }
  protected override nav(name: string): FakeObject | undefined {
    if (name === "protection")
      return (this._protection ??= new FakeWorksheetProtection(this.fx, `${this.label}.protection`, this));
    return super.nav(name);
  }

  getRange(address?: string): Excel.Range {
    const rect = address === undefined ? { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } : parseRange(address);
    return real(new FakeRange(this.fx, `${this.label}.getRange(${address ?? ""})`, this, () => rect));
  }
  getRanges(address?: string): Excel.RangeAreas {
    const rects = (address ?? "").split(/[,;]/).map((a) => parseRange(a));
    return real(new FakeRangeAreas(this.fx, `${this.label}.getRanges(${address})`, this, () => rects));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return real(
      new FakeRange(
        this.fx,
        `${this.label}.getUsedRangeOrNullObject(${valuesOnly ?? ""})`,
        this,
        () => this.model().usedRect(!!valuesOnly),
        true,
      ),
    );
  }
  activate(): void {
    this.act("activate()", null, () => (this.fx.activeSheet = this.model().name));
  }
  delete(): void {
    this.fx.enqueue({
      text: `${this.label}.delete()`,
      bytes: ACTION_BYTES,
      structure: true,
      run: () => {
        const s = this.model();
        this.fx.sheets.splice(this.fx.sheets.indexOf(s), 1);
      },
    });
  }
  load(arg?: unknown): Excel.Worksheet {
    this.queueLoad(arg);
    return real(this);
  }
}

class FakeTableCollection extends FakeObject implements Pick<Excel.TableCollection, "items" | "load"> {
  get items(): Excel.Table[] {
    return this.prop("items");
  }
  override collect(paths: string[][]): Loaded {
    if (paths.some((p) => p[0] !== "items" || p.length < 2))
      throw new Error(`fake: load items/<property> on ${this.label}`);
    const items = this.fx.sheets.flatMap((s) =>
      s.tables.map(
        (t) => new FakeTable(this.fx, `tables[${t.name}]`, () => this.fx.sheets.find((x) => x.id === s.id), t.id),
      ),
    );
    const got = items.map((item) => item.collect(paths.map((p) => p.slice(1))));
    return {
      bytes: got.reduce((n, g) => n + g.bytes, 2),
      commit: () => {
        got.forEach((g) => g.commit());
        this.loaded.set(
          "items",
          items.map((i) => real<Excel.Table>(i)),
        );
      },
    };
  }
  load(arg?: unknown): Excel.TableCollection {
    this.queueLoad(arg);
    return real(this);
  }
}

/** Excel's rule for table names: a letter, `_` or a backslash first, then letters, digits, `_` and `.`; not a cell address. */
function validTableName(name: string): boolean {
  return /^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[rRcC]$/.test(name);
}

/**
 * A worksheet's tables (`worksheet.tables`): `add` makes an Excel table over a range, named `Table<n>`
 * until the caller renames it; the header row is the range's first row (`hasHeaders`), or one is inserted
 * above the data (not modelled: the fake requires `hasHeaders`).
 */
class FakeWorksheetTableCollection extends FakeObject implements Pick<Excel.TableCollection, "add"> {
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly sheet: FakeWorksheet,
  ) {
    super(fx, label);
  }
  add(address: Excel.Range | string, hasHeaders: boolean): Excel.Table {
    if (typeof address !== "string") throw new Error("fake: tables.add takes an address here");
    if (!hasHeaders) throw new Error("fake: tables.add without headers is not modelled");
    const id = this.fx.nextId("table");
    const rect = parseRange(address);
    this.act(
      `add(${address}, ${hasHeaders})`,
      address,
      () => {
        const model = this.sheet.model();
        if (rect.bottom - rect.top < 1)
          throw new FakeOfficeError("InvalidArgument", `fake: a table needs a header row and a data row (${address})`);
        if (model.tables.some((t) => intersects(t.rect, rect)))
          throw new FakeOfficeError("InvalidOperation", `fake: a table cannot overlap another table (${address})`);
        if (model.merges.some((m) => intersects(m, rect)))
          throw new FakeOfficeError("InvalidOperation", `fake: a table cannot hold merged cells (${address})`);
        const taken = new Set(this.fx.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
        let n = 1;
        while (taken.has(`table${n}`)) n++;
        model.tables.push({ id, name: `Table${n}`, rect });
      },
      () => this.sheet.model(),
    );
    return real(
      new FakeTable(this.fx, `tables[${id}]`, () => (this.sheet.exists() ? this.sheet.model() : undefined), id),
    );
  }
}

class FakeTable extends FakeObject implements Pick<Excel.Table, "name" | "worksheet" | "getRange"> {
  private readonly _worksheet: FakeWorksheet;
  constructor(
    fx: FakeExcel,
    label: string,
    locate: () => SheetModel | undefined,
    private readonly tableId: string,
  ) {
    super(fx, label);
    this._worksheet = new FakeWorksheet(fx, `${label}.worksheet`, locate);
  }
  private model(): TableModel {
    const t = this._worksheet.model().tables.find((x) => x.id === this.tableId);
    if (!t) throw new FakeOfficeError("ItemNotFound", `fake: table ${this.tableId}`);
    return t;
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.act(
      `name = ${JSON.stringify(v)}`,
      v,
      () => {
        const table = this.model();
        if (!validTableName(v)) throw new FakeOfficeError("InvalidArgument", `fake: "${v}" is not a valid table name`);
        const other = this.fx.sheets
          .flatMap((s) => s.tables)
          .find((t) => t !== table && t.name.toLowerCase() === v.toLowerCase());
        if (other) throw new FakeOfficeError("InvalidArgument", `fake: a table named "${v}" exists`);
        table.name = v;
      },
      () => this._worksheet.model(),
    );
  }
  get worksheet(): Excel.Worksheet {
    return real(this._worksheet);
  }
  protected override scalar(name: string): unknown {
    if (name === "name") return this.model().name;
    return super.scalar(name);
  }
  protected override nav(name: string): FakeObject | undefined {
    if (name === "worksheet") return this._worksheet;
    return super.nav(name);
  }
  getRange(): Excel.Range {
    return real(new FakeRange(this.fx, `${this.label}.getRange()`, this._worksheet, () => this.model().rect));
  }
}

type Grid = unknown[][];

class FakeRange
  extends FakeObject
  implements
    Pick<
      Excel.Range,
      | "address"
      | "values"
      | "formulas"
      | "numberFormat"
      | "format"
      | "conditionalFormats"
      | "dataValidation"
      | "isNullObject"
      | "getMergedAreasOrNullObject"
      | "merge"
      | "setCellProperties"
      | "clear"
      | "select"
      | "load"
    >
{
  private _format?: FakeRangeFormat;
  private _conditionalFormats?: FakeConditionalFormatCollection;

  constructor(
    fx: FakeExcel,
    label: string,
    readonly sheet: FakeWorksheet,
    private readonly rectAt: () => Rect | undefined,
    nullable = false,
  ) {
    super(fx, label, nullable);
  }

  override exists(): boolean {
    return this.sheet.exists() && !!this.rectAt();
  }

  resolve(): { model: SheetModel; rect: Rect } {
    const model = this.sheet.model();
    const rect = this.rectAt();
    if (!rect) throw new Error(`fake: ${this.label} is a null object; check isNullObject before using it`);
    return { model, rect };
  }

  private readonly guard = () => this.sheet.model();

  protected override scalar(name: string): unknown {
    const { model, rect } = this.resolve();
    const grid = (f: (cell: FakeCell | undefined) => unknown) => {
      const out: unknown[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: unknown[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push(f(model.cellAt(r, c)));
        out.push(row);
      }
      return out;
    };
    if (name === "address") return `${quoteSheet(model.name)}!${rectA1(rect)}`;
    const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    if ((name === "values" || name === "numberFormat") && cells > this.fx.valuesLimit) return null;
    if (name === "values") return grid((cell) => cell?.value ?? "");
    if (name === "formulas") return grid((cell) => cell?.formula ?? cell?.value ?? "");
    if (name === "numberFormat") return grid((cell) => cell?.numberFormat ?? "General");
    return super.scalar(name);
  }

  get address(): string {
    return this.prop("address");
  }
  get values(): Grid {
    return this.prop("values");
  }
  set values(grid: Grid) {
    this.write("values", grid, (cell, v, at) => this.enter(cell, v, at));
  }
  get formulas(): Grid {
    return this.prop("formulas");
  }
  set formulas(grid: Grid) {
    this.write("formulas", grid, (cell, v, at) => this.enter(cell, v, at));
  }
  get numberFormat(): Grid {
    return this.prop("numberFormat");
  }
  set numberFormat(grid: Grid) {
    this.write("numberFormat", grid, (cell, v) => {
      if (v === null || v === undefined) return;
      if (typeof v !== "string") throw new FakeOfficeError("InvalidArgument", `fake: number format ${String(v)}`);
      if (v === "General") delete cell.numberFormat;
      else cell.numberFormat = v;
    });
  }

  private enter(cell: FakeCell, input: unknown, at: FormulaCell): void {
    if (input === null || input === undefined) return;
    if (typeof input === "number" || typeof input === "boolean") {
      cell.value = input;
      delete cell.formula;
      return;
    }
    if (typeof input !== "string") throw new FakeOfficeError("InvalidArgument", `fake: cannot write ${typeof input}`);
    delete cell.formula;
    if (input.startsWith("'")) cell.value = input.slice(1);
    else if (input.startsWith("=") && input.length > 1) {
      cell.formula = input;
      cell.value = this.fx.evaluate(input, at);
    } else cell.value = input === "" ? "" : parseEntry(input);
  }

  /** A 2D write: the array must match the range (a single value fills it), applied cell by cell. */
  private write(prop: string, grid: unknown, apply: (cell: FakeCell, value: unknown, at: FormulaCell) => void): void {
    this.act(
      `${prop} = ${brief(grid)}`,
      grid,
      () => {
        const { model, rect } = this.resolve();
        const rows = rect.bottom - rect.top + 1;
        const cols = rect.right - rect.left + 1;
        if (Array.isArray(grid)) {
          if (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols)) {
            throw new FakeOfficeError(
              "InvalidArgument",
              `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (fake: ${prop} on ${rectA1(rect)})`,
            );
          }
          model.forEachCell(rect, (cell, r, c) =>
            apply(cell, (grid as Grid)[r][c], { sheet: model, row: rect.top + r, col: rect.left + c }),
          );
        } else
          model.forEachCell(rect, (cell, r, c) =>
            apply(cell, grid, { sheet: model, row: rect.top + r, col: rect.left + c }),
          );
      },
      this.guard,
    );
  }

  get format(): Excel.RangeFormat {
    return real((this._format ??= new FakeRangeFormat(this.fx, `${this.label}.format`, this)));
  }
  get conditionalFormats(): Excel.ConditionalFormatCollection {
    return real(
      (this._conditionalFormats ??= new FakeConditionalFormatCollection(
        this.fx,
        `${this.label}.conditionalFormats`,
        this.sheet,
        () => [this.resolve().rect],
      )),
    );
  }
  get dataValidation(): Excel.DataValidation {
    return real(new FakeDataValidation(this.fx, `${this.label}.dataValidation`, this));
  }

  getMergedAreasOrNullObject(): Excel.RangeAreas {
    const areas = () => {
      if (!this.exists()) return undefined;
      const { model, rect } = this.resolve();
      const found = model.merges.filter((m) => intersects(m, rect));
      return found.length > 0 ? found : undefined;
    };
    return real(new FakeRangeAreas(this.fx, `${this.label}.getMergedAreasOrNullObject()`, this.sheet, areas, true));
  }

  merge(across?: boolean): void {
    this.act(
      `merge(${across ?? ""})`,
      null,
      () => {
        const { model, rect } = this.resolve();
        if (across) throw new Error("fake: merge(true) is not modelled");
        // Excel keeps the top-left cell's content only.
        model.forEachCell(rect, (cell, r, c) => {
          if (r > 0 || c > 0) {
            cell.value = "";
            delete cell.formula;
          }
        });
        model.merges = model.merges.filter((m) => !intersects(m, rect));
        model.merges.push(rect);
      },
      this.guard,
    );
  }

  setCellProperties(cellPropertiesData: Excel.SettableCellProperties[][]): void {
    this.act(
      `setCellProperties(${brief(cellPropertiesData)})`,
      cellPropertiesData,
      () => {
        const { model, rect } = this.resolve();
        const rows = rect.bottom - rect.top + 1;
        const cols = rect.right - rect.left + 1;
        if (cellPropertiesData.length !== rows || cellPropertiesData.some((row) => row.length !== cols)) {
          throw new FakeOfficeError("InvalidArgument", `fake: setCellProperties array does not match ${rectA1(rect)}`);
        }
        model.forEachCell(rect, (cell, r, c) => applyCellProperties(cell, cellPropertiesData[r][c]));
      },
      this.guard,
    );
  }

  clear(applyTo?: string): void {
    this.act(
      `clear(${applyTo ?? ""})`,
      null,
      () => {
        const { model, rect } = this.resolve();
        const what = applyTo ?? "All";
        for (const [k, cell] of model.cells) {
          const row = Math.floor(k / (MAX_COLS + 1));
          const col = k % (MAX_COLS + 1);
          if (row < rect.top || row > rect.bottom || col < rect.left || col > rect.right) continue;
          if (what === "All" || what === "Formats") {
            cell.format = {};
            delete cell.numberFormat;
          }
          if (what === "All" || what === "Contents") {
            cell.value = "";
            delete cell.formula;
          }
        }
      },
      this.guard,
    );
  }

  select(): void {
    this.act("select()", null, () => {
      const { model, rect } = this.resolve();
      this.fx.selection = { sheet: model.name, address: rectA1(rect) };
    });
  }

  load(arg?: unknown): Excel.Range {
    this.queueLoad(arg);
    return real(this);
  }

  /** Applies a change to every cell's format (the format setters). */
  formatCells(text: string, value: unknown, change: (format: CellFormat) => void): void {
    this.act(
      text,
      value,
      () => {
        const { model, rect } = this.resolve();
        model.forEachCell(rect, (cell) => change(cell.format));
      },
      this.guard,
    );
  }

  /** A border line of the range: its edges or the lines inside it. */
  borderCells(edge: string): void {
    this.act(
      `format.borders.getItem(${edge}).style = "Continuous"`,
      null,
      () => {
        const { model, rect } = this.resolve();
        model.forEachCell(rect, (cell, r, c) => {
          const b = (cell.format.borders ??= {});
          const lastRow = rect.bottom - rect.top;
          const lastCol = rect.right - rect.left;
          if (edge === "EdgeTop" && r === 0) b.top = true;
          if (edge === "EdgeBottom" && r === lastRow) b.bottom = true;
          if (edge === "EdgeLeft" && c === 0) b.left = true;
          if (edge === "EdgeRight" && c === lastCol) b.right = true;
          if (edge === "InsideHorizontal") {
            if (r > 0) b.top = true;
            if (r < lastRow) b.bottom = true;
          }
          if (edge === "InsideVertical") {
            if (c > 0) b.left = true;
            if (c < lastCol) b.right = true;
          }
        });
      },
      this.guard,
    );
  }

  /** Row heights of the range's rows. */
  setHeight(points: number): void {
    this.act(
      `format.rowHeight = ${points}`,
      points,
      () => {
        const { model, rect } = this.resolve();
        for (let r = rect.top; r <= rect.bottom; r++) model.heights.set(r, points);
      },
      this.guard,
    );
  }

  /** Column widths of the range's columns. */
  setWidth(points: number): void {
    this.act(
      `format.columnWidth = ${points}`,
      points,
      () => {
        const { model, rect } = this.resolve();
        for (let c = rect.left; c <= rect.right; c++) model.widths.set(c, points);
      },
      this.guard,
    );
  }
}

/**
 * A range's data validation: setting `rule` puts the rule on the range's cells (only list rules are
 * modelled); `clear` removes every rule from them.
 */
class FakeDataValidation extends FakeObject implements Pick<Excel.DataValidation, "rule" | "clear"> {
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly range: FakeRange,
  ) {
    super(fx, label);
  }
  get rule(): Excel.DataValidationRule {
    return this.prop("rule");
  }
  set rule(v: Excel.DataValidationRule) {
    const kinds = Object.keys(v).filter((k) => v[k as keyof Excel.DataValidationRule] !== undefined);
    if (kinds.length !== 1 || !v.list)
      throw new Error(`fake: only one list rule is modelled (got ${kinds.join(", ")})`);
    const list = { ...v.list };
    if (typeof list.source !== "string") throw new Error("fake: a list's source is a text here");
    const source = list.source;
    this.act(
      `rule = ${JSON.stringify(v)}`,
      v,
      () => {
        // Excel refuses a list typed as text longer than 255 characters.
        if (source.length === 0 || source.length > 255)
          throw new FakeOfficeError("InvalidArgument", `fake: a validation list of ${source.length} characters`);
        const { model, rect } = this.range.resolve();
        model.validations.push({ rect, rule: { list } });
      },
      () => this.range.sheet.model(),
    );
  }
  clear(): void {
    this.act(
      "clear()",
      null,
      () => {
        const { model, rect } = this.range.resolve();
        if (
          model.validations.some(
            (x) =>
              intersects(x.rect, rect) &&
              !(
                x.rect.top >= rect.top &&
                x.rect.bottom <= rect.bottom &&
                x.rect.left >= rect.left &&
                x.rect.right <= rect.right
              ),
          )
        ) {
          throw new Error("fake: clearing part of a validation's cells is not modelled");
        }
        model.validations = model.validations.filter((x) => !intersects(x.rect, rect));
      },
      () => this.range.sheet.model(),
    );
  }
}

function applyCellProperties(cell: FakeCell, props: Excel.SettableCellProperties): void {
  const f = props.format;
  if (!f) return;
  if (f.font?.bold !== undefined) cell.format.bold = f.font.bold;
  if (f.font?.italic !== undefined) cell.format.italic = f.font.italic;
  if (f.font?.size !== undefined) cell.format.size = f.font.size;
  if (f.font?.color !== undefined) cell.format.color = f.font.color;
  if (f.fill?.color !== undefined) cell.format.fill = f.fill.color;
  if (f.wrapText !== undefined) cell.format.wrap = f.wrapText;
  if (f.horizontalAlignment !== undefined) cell.format.horizontalAlignment = f.horizontalAlignment;
  if (f.verticalAlignment !== undefined) cell.format.verticalAlignment = f.verticalAlignment;
  if (f.borders) {
    const b = (cell.format.borders ??= {});
    for (const side of ["top", "bottom", "left", "right"] as const) {
      const style = f.borders[side]?.style;
      if (style !== undefined) b[side] = style !== "None";
    }
  }
}

class FakeRangeFormat
  extends FakeObject
  implements
    Pick<
      Excel.RangeFormat,
      | "columnWidth"
      | "rowHeight"
      | "wrapText"
      | "horizontalAlignment"
      | "verticalAlignment"
      | "font"
      | "fill"
      | "borders"
      | "load"
    >
{
  private readonly _font: FakeRangeFont;
  private readonly _fill: FakeRangeFill;
  private readonly _borders: FakeRangeBorderCollection;
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly range: FakeRange,
  ) {
    super(fx, label);
    this._font = new FakeRangeFont(fx, `${label}.font`, range);
    this._fill = new FakeRangeFill(fx, `${label}.fill`, range);
    this._borders = new FakeRangeBorderCollection(fx, `${label}.borders`, range);
  }
  get columnWidth(): number {
    return this.prop("columnWidth");
  }
  set columnWidth(points: number) {
    this.range.setWidth(points);
  }
  get rowHeight(): number {
    return this.prop("rowHeight");
  }
  load(arg?: unknown): Excel.RangeFormat {
    this.queueLoad(arg);
    return real(this);
  }
  /** The first row's height (15 pt unless set): what Excel answers for one row. */
  protected override scalar(name: string): unknown {
    if (name === "rowHeight") {
      const { model, rect } = this.range.resolve();
      return model.heights.get(rect.top) ?? 15;
    }
    return super.scalar(name);
  }
  set rowHeight(points: number) {
    this.range.setHeight(points);
  }
  get wrapText(): boolean {
    return this.prop("wrapText");
  }
  set wrapText(wrap: boolean) {
    this.range.formatCells(`format.wrapText = ${wrap}`, wrap, (f) => (f.wrap = wrap));
  }
  get horizontalAlignment(): Excel.HorizontalAlignment {
    return this.prop("horizontalAlignment");
  }
  set horizontalAlignment(a: Excel.HorizontalAlignment) {
    this.range.formatCells(`format.horizontalAlignment = ${a}`, a, (f) => (f.horizontalAlignment = a));
  }
  get verticalAlignment(): Excel.VerticalAlignment {
    return this.prop("verticalAlignment");
  }
  set verticalAlignment(a: Excel.VerticalAlignment) {
    this.range.formatCells(`format.verticalAlignment = ${a}`, a, (f) => (f.verticalAlignment = a));
  }
  get font(): Excel.RangeFont {
    return real(this._font);
  }
  get fill(): Excel.RangeFill {
    return real(this._fill);
  }
  get borders(): Excel.RangeBorderCollection {
    return real(this._borders);
  }
}

class FakeRangeFont extends FakeObject implements Pick<Excel.RangeFont, "bold" | "italic" | "color" | "size"> {
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly range: FakeRange,
  ) {
    super(fx, label);
  }
  get bold(): boolean {
    return this.prop("bold");
  }
  set bold(v: boolean) {
    this.range.formatCells(`format.font.bold = ${v}`, v, (f) => (f.bold = v));
  }
  get italic(): boolean {
    return this.prop("italic");
  }
  set italic(v: boolean) {
    this.range.formatCells(`format.font.italic = ${v}`, v, (f) => (f.italic = v));
  }
  get color(): string {
    return this.prop("color");
  }
  set color(v: string) {
    this.range.formatCells(`format.font.color = ${v}`, v, (f) => (f.color = v));
  }
  get size(): number {
    return this.prop("size");
  }
  set size(v: number) {
    this.range.formatCells(`format.font.size = ${v}`, v, (f) => (f.size = v));
  }
}

class FakeRangeFill extends FakeObject implements Pick<Excel.RangeFill, "color" | "clear"> {
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly range: FakeRange,
  ) {
    super(fx, label);
  }
  get color(): string {
    return this.prop("color");
  }
  set color(v: string) {
    this.range.formatCells(`format.fill.color = ${v}`, v, (f) => (f.fill = v));
  }
  clear(): void {
    this.range.formatCells("format.fill.clear()", null, (f) => delete f.fill);
  }
}

class FakeRangeBorderCollection extends FakeObject implements Pick<Excel.RangeBorderCollection, "getItem"> {
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly range: FakeRange,
  ) {
    super(fx, label);
  }
  getItem(index: string): Excel.RangeBorder {
    return real(new FakeRangeBorder(this.fx, `${this.label}.getItem(${index})`, this.range, index));
  }
}

class FakeRangeBorder extends FakeObject implements Pick<Excel.RangeBorder, "style"> {
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly range: FakeRange,
    private readonly edge: string,
  ) {
    super(fx, label);
  }
  get style(): Excel.BorderLineStyle {
    return this.prop("style");
  }
  set style(v: Excel.BorderLineStyle) {
    if ((v as string) !== "Continuous") throw new Error(`fake: border style ${v} is not modelled`);
    this.range.borderCells(this.edge);
  }
}

class FakeRangeAreas
  extends FakeObject
  implements Pick<Excel.RangeAreas, "address" | "conditionalFormats" | "isNullObject" | "load">
{
  private _conditionalFormats?: FakeConditionalFormatCollection;
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly sheet: FakeWorksheet,
    private readonly rectsAt: () => Rect[] | undefined,
    nullable = false,
  ) {
    super(fx, label, nullable);
  }
  override exists(): boolean {
    return this.sheet.exists() && !!this.rectsAt();
  }
  private rects(): Rect[] {
    const rects = this.rectsAt();
    if (!rects) throw new Error(`fake: ${this.label} is a null object; check isNullObject before using it`);
    return rects;
  }
  protected override scalar(name: string): unknown {
    if (name === "address")
      return this.rects()
        .map((r) => `${quoteSheet(this.sheet.model().name)}!${rectA1(r)}`)
        .join(", ");
    return super.scalar(name);
  }
  get address(): string {
    return this.prop("address");
  }
  get conditionalFormats(): Excel.ConditionalFormatCollection {
    return real(
      (this._conditionalFormats ??= new FakeConditionalFormatCollection(
        this.fx,
        `${this.label}.conditionalFormats`,
        this.sheet,
        () => this.rects(),
      )),
    );
  }
  load(arg?: unknown): Excel.RangeAreas {
    this.queueLoad(arg);
    return real(this);
  }
}

class FakeConditionalFormatCollection
  extends FakeObject
  implements Pick<Excel.ConditionalFormatCollection, "add" | "items" | "load">
{
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly sheet: FakeWorksheet,
    private readonly rects: () => Rect[],
  ) {
    super(fx, label);
  }
  get items(): Excel.ConditionalFormat[] {
    return this.prop("items");
  }
  /** The rules that intersect the range, as Excel's `range.conditionalFormats`. */
  override collect(paths: string[][]): Loaded {
    if (paths.some((p) => p[0] !== "items" || p.length < 2))
      throw new Error(`fake: load items/<property> on ${this.label}`);
    const model = this.sheet.model();
    const rects = this.rects();
    const found = model.rules.filter((rule) => rule.areas.some((a) => rects.some((r) => intersects(parseRange(a), r))));
    const items = found.map(
      (rule) => new FakeConditionalFormat(this.fx, `conditionalFormats[${rule.id}]`, this.sheet, rule.id),
    );
    const got = items.map((item) => item.collect(paths.map((p) => p.slice(1))));
    return {
      bytes: got.reduce((n, g) => n + g.bytes, 2),
      commit: () => {
        got.forEach((g) => g.commit());
        this.loaded.set(
          "items",
          items.map((i) => real<Excel.ConditionalFormat>(i)),
        );
      },
    };
  }
  add(type: string): Excel.ConditionalFormat {
    const id = this.fx.nextId("cf");
    this.act(
      `add(${type})`,
      type,
      () => {
        const model = this.sheet.model();
        // A new rule comes first, as in Excel.
        model.rules.unshift({ id, type, areas: this.rects().map(rectA1) });
      },
      () => this.sheet.model(),
    );
    return real(new FakeConditionalFormat(this.fx, `conditionalFormats[${id}]`, this.sheet, id));
  }
  load(arg?: unknown): Excel.ConditionalFormatCollection {
    this.queueLoad(arg);
    return real(this);
  }
}

class FakeConditionalFormat
  extends FakeObject
  implements Pick<Excel.ConditionalFormat, "id" | "type" | "custom" | "stopIfTrue" | "priority" | "delete">
{
  private readonly _custom: FakeCustomConditionalFormat;
  constructor(
    fx: FakeExcel,
    label: string,
    readonly sheet: FakeWorksheet,
    private readonly ruleId: string,
  ) {
    super(fx, label);
    this._custom = new FakeCustomConditionalFormat(fx, `${label}.custom`, this);
  }
  rule(): RuleModel {
    const rule = this.sheet.model().rules.find((r) => r.id === this.ruleId);
    if (!rule) throw new FakeOfficeError("ItemNotFound", `fake: conditional format ${this.ruleId}`);
    return rule;
  }
  /** Queues a change to the rule. */
  change(text: string, value: unknown, fn: (rule: RuleModel) => void): void {
    this.act(
      text,
      value,
      () => fn(this.rule()),
      () => this.sheet.model(),
    );
  }
  protected override scalar(name: string): unknown {
    if (name === "id") return this.rule().id;
    if (name === "type") return this.rule().type;
    return super.scalar(name);
  }
  get id(): string {
    return this.prop("id");
  }
  get type(): Excel.ConditionalFormatType {
    return this.prop("type");
  }
  get custom(): Excel.CustomConditionalFormat {
    return real(this._custom);
  }
  get stopIfTrue(): boolean {
    return this.prop("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this.change(`stopIfTrue = ${v}`, v, (rule) => (rule.stopIfTrue = v));
  }
  get priority(): number {
    return this.prop("priority");
  }
  set priority(p: number) {
    this.change(`priority = ${p}`, p, (rule) => {
      const rules = this.sheet.model().rules;
      rules.splice(rules.indexOf(rule), 1);
      rules.splice(Math.max(0, Math.min(p, rules.length)), 0, rule);
    });
  }
  delete(): void {
    this.change("delete()", null, (rule) => {
      const rules = this.sheet.model().rules;
      rules.splice(rules.indexOf(rule), 1);
    });
  }
}

class FakeCustomConditionalFormat extends FakeObject implements Pick<Excel.CustomConditionalFormat, "rule" | "format"> {
  private readonly _rule: FakeConditionalFormatRule;
  private readonly _format: FakeConditionalRangeFormat;
  constructor(fx: FakeExcel, label: string, cf: FakeConditionalFormat) {
    super(fx, label);
    this._rule = new FakeConditionalFormatRule(fx, `${label}.rule`, cf);
    this._format = new FakeConditionalRangeFormat(fx, `${label}.format`, cf);
  }
  get rule(): Excel.ConditionalFormatRule {
    return real(this._rule);
  }
  get format(): Excel.ConditionalRangeFormat {
    return real(this._format);
  }
}

class FakeConditionalFormatRule extends FakeObject implements Pick<Excel.ConditionalFormatRule, "formula"> {
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly cf: FakeConditionalFormat,
  ) {
    super(fx, label);
  }
  get formula(): string {
    return this.prop("formula");
  }
  set formula(v: string) {
    this.cf.change(`custom.rule.formula = ${JSON.stringify(v)}`, v, (rule) => (rule.formula = v));
  }
}

class FakeConditionalRangeFormat extends FakeObject implements Pick<Excel.ConditionalRangeFormat, "fill" | "font"> {
  private readonly _fill: FakeConditionalRangeFill;
  private readonly _font: FakeConditionalRangeFont;
  constructor(fx: FakeExcel, label: string, cf: FakeConditionalFormat) {
    super(fx, label);
    this._fill = new FakeConditionalRangeFill(fx, `${label}.fill`, cf);
    this._font = new FakeConditionalRangeFont(fx, `${label}.font`, cf);
  }
  get fill(): Excel.ConditionalRangeFill {
    return real(this._fill);
  }
  get font(): Excel.ConditionalRangeFont {
    return real(this._font);
  }
}

class FakeConditionalRangeFill extends FakeObject implements Pick<Excel.ConditionalRangeFill, "color"> {
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly cf: FakeConditionalFormat,
  ) {
    super(fx, label);
  }
  get color(): string {
    return this.prop("color");
  }
  set color(v: string) {
    this.cf.change(`fill.color = ${v}`, v, (rule) => (rule.fill = v));
  }
}

class FakeConditionalRangeFont
  extends FakeObject
  implements Pick<Excel.ConditionalRangeFont, "color" | "bold" | "italic">
{
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly cf: FakeConditionalFormat,
  ) {
    super(fx, label);
  }
  get color(): string {
    return this.prop("color");
  }
  set color(v: string) {
    this.cf.change(`font.color = ${v}`, v, (rule) => (rule.fontColor = v));
  }
  get bold(): boolean {
    return this.prop("bold");
  }
  set bold(v: boolean) {
    this.cf.change(`font.bold = ${v}`, v, (rule) => (rule.bold = v));
  }
  get italic(): boolean {
    return this.prop("italic");
  }
  set italic(v: boolean) {
    this.cf.change(`font.italic = ${v}`, v, (rule) => (rule.italic = v));
  }
}

/** The fake range behind an `Excel.Range` handed back to the fake (a chart's data). */
function unwrapRange(range: Excel.Range | string, sheet: FakeWorksheet): string {
  if (typeof range === "string") return rectA1(parseRange(range));
  const fake = range as unknown as FakeRange;
  if (!(fake instanceof FakeRange)) throw new Error("fake: not a range of this fake");
  if (fake.sheet.model() !== sheet.model()) throw new Error("fake: a chart's data must be on its own sheet");
  return rectA1(fake.resolve().rect);
}

class FakeChartCollection extends FakeObject implements Pick<Excel.ChartCollection, "add"> {
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly sheet: FakeWorksheet,
  ) {
    super(fx, label);
  }
  add(type: string, sourceData: Excel.Range, seriesBy?: string): Excel.Chart {
    const id = this.fx.nextId("chart");
    this.act(
      `add(${type})`,
      [type, seriesBy],
      () => {
        const source = unwrapRange(sourceData, this.sheet);
        this.sheet.model().charts.push({
          id,
          type,
          source,
          seriesBy,
          legend: {},
          series: [{ values: source, dataLabels: {} }],
          valueAxis: {},
          categoryAxis: {},
        });
      },
      () => this.sheet.model(),
    );
    return real(new FakeChart(this.fx, `charts[${id}]`, this.sheet, id));
  }
}

class FakeChart
  extends FakeObject
  implements Pick<Excel.Chart, "name" | "title" | "legend" | "series" | "axes" | "setPosition">
{
  constructor(
    fx: FakeExcel,
    label: string,
    readonly sheet: FakeWorksheet,
    private readonly chartId: string,
  ) {
    super(fx, label);
  }
  model(): ChartModel {
    const chart = this.sheet.model().charts.find((c) => c.id === this.chartId);
    if (!chart) throw new FakeOfficeError("ItemNotFound", `fake: chart ${this.chartId}`);
    return chart;
  }
  change(text: string, value: unknown, fn: (chart: ChartModel) => void): void {
    this.act(
      text,
      value,
      () => fn(this.model()),
      () => this.sheet.model(),
    );
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.change(`name = ${v}`, v, (c) => (c.name = v));
  }
  get title(): Excel.ChartTitle {
    return real(new FakeChartTitle(this.fx, `${this.label}.title`, this));
  }
  get legend(): Excel.ChartLegend {
    return real(new FakeChartLegend(this.fx, `${this.label}.legend`, this));
  }
  get series(): Excel.ChartSeriesCollection {
    return real(new FakeChartSeriesCollection(this.fx, `${this.label}.series`, this));
  }
  get axes(): Excel.ChartAxes {
    return real(new FakeChartAxes(this.fx, `${this.label}.axes`, this));
  }
  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    this.change(`setPosition(${String(startCell)}, ${String(endCell)})`, [startCell, endCell], (c) => {
      c.position = {
        start: unwrapRange(startCell, this.sheet),
        ...(endCell !== undefined ? { end: unwrapRange(endCell, this.sheet) } : {}),
      };
    });
  }
}

class FakeChartTitle extends FakeObject implements Pick<Excel.ChartTitle, "text"> {
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly chart: FakeChart,
  ) {
    super(fx, label);
  }
  get text(): string {
    return this.prop("text");
  }
  set text(v: string) {
    this.chart.change(`title.text = ${JSON.stringify(v)}`, v, (c) => (c.title = v));
  }
}

class FakeChartSeriesCollection extends FakeObject implements Pick<Excel.ChartSeriesCollection, "getItemAt"> {
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly chart: FakeChart,
  ) {
    super(fx, label);
  }
  getItemAt(index: number): Excel.ChartSeries {
    return real(new FakeChartSeries(this.fx, `${this.label}.getItemAt(${index})`, this.chart, index));
  }
}

class FakeChartLegend extends FakeObject implements Pick<Excel.ChartLegend, "position" | "visible"> {
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly chart: FakeChart,
  ) {
    super(fx, label);
  }
  get position(): Excel.ChartLegendPosition {
    return this.prop("position");
  }
  set position(v: Excel.ChartLegendPosition) {
    this.chart.change(`legend.position = ${v}`, v, (c) => (c.legend.position = v));
  }
  get visible(): boolean {
    return this.prop("visible");
  }
  set visible(v: boolean) {
    this.chart.change(`legend.visible = ${v}`, v, (c) => (c.legend.visible = v));
  }
}

class FakeChartSeries
  extends FakeObject
  implements
    Pick<
      Excel.ChartSeries,
      "name" | "format" | "hasDataLabels" | "dataLabels" | "setXAxisValues" | "setValues" | "points"
    >
{
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly chart: FakeChart,
    private readonly index: number,
  ) {
    super(fx, label);
  }
  change(text: string, value: unknown, fn: (s: ChartModel["series"][number]) => void): void {
    this.chart.change(`series[${this.index}].${text}`, value, (c) => {
      const s = c.series[this.index];
      if (!s) throw new FakeOfficeError("ItemNotFound", `fake: series ${this.index}`);
      fn(s);
    });
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.change(`name = ${JSON.stringify(v)}`, v, (s) => (s.name = v));
  }
  get format(): Excel.ChartSeriesFormat {
    const fill = {
      setSolidColor: (color: string) =>
        this.change(`format.fill.setSolidColor(${color})`, color, (s) => (s.color = color)),
    };
    return real({ fill: real<Excel.ChartFill>(fill satisfies Pick<Excel.ChartFill, "setSolidColor">) } satisfies Pick<
      Excel.ChartSeriesFormat,
      "fill"
    >);
  }
  get points(): Excel.ChartPointsCollection {
    const getItemAt = (i: number) => {
      const fill = {
        setSolidColor: (color: string) =>
          this.change(
            `points.getItemAt(${i}).format.fill.setSolidColor(${color})`,
            color,
            (s) => (s.pointColors = { ...s.pointColors, [i]: color }),
          ),
      };
      return real({
        format: real({ fill: real<Excel.ChartFill>(fill satisfies Pick<Excel.ChartFill, "setSolidColor">) }),
      } as Pick<Excel.ChartPoint, "format">);
    };
    return real({ getItemAt } as Pick<Excel.ChartPointsCollection, "getItemAt">);
  }
  get hasDataLabels(): boolean {
    return this.prop("hasDataLabels");
  }
  set hasDataLabels(v: boolean) {
    this.change(`hasDataLabels = ${v}`, v, (s) => (s.hasDataLabels = v));
  }
  get dataLabels(): Excel.ChartDataLabels {
    return real(new FakeChartDataLabels(this.fx, `${this.label}.dataLabels`, this));
  }
  setXAxisValues(sourceData: Excel.Range): void {
    this.change("setXAxisValues()", null, (s) => (s.xValues = unwrapRange(sourceData, this.chart.sheet)));
  }
  setValues(sourceData: Excel.Range): void {
    this.change("setValues()", null, (s) => (s.values = unwrapRange(sourceData, this.chart.sheet)));
  }
}

class FakeChartDataLabels extends FakeObject implements Pick<Excel.ChartDataLabels, "showValue" | "numberFormat"> {
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly series: FakeChartSeries,
  ) {
    super(fx, label);
  }
  get showValue(): boolean {
    return this.prop("showValue");
  }
  set showValue(v: boolean) {
    this.series.change(`dataLabels.showValue = ${v}`, v, (s) => (s.dataLabels.showValue = v));
  }
  get numberFormat(): string {
    return this.prop("numberFormat");
  }
  set numberFormat(v: string) {
    this.series.change(`dataLabels.numberFormat = ${v}`, v, (s) => (s.dataLabels.numberFormat = v));
  }
}

class FakeChartAxes extends FakeObject implements Pick<Excel.ChartAxes, "valueAxis" | "categoryAxis"> {
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly chart: FakeChart,
  ) {
    super(fx, label);
  }
  get valueAxis(): Excel.ChartAxis {
    return real(new FakeChartAxis(this.fx, `${this.label}.valueAxis`, this.chart, "valueAxis"));
  }
  get categoryAxis(): Excel.ChartAxis {
    return real(new FakeChartAxis(this.fx, `${this.label}.categoryAxis`, this.chart, "categoryAxis"));
  }
}

class FakeChartAxis
  extends FakeObject
  implements
    Pick<Excel.ChartAxis, "minimum" | "maximum" | "majorUnit" | "numberFormat" | "reversePlotOrder" | "position">
{
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly chart: FakeChart,
    private readonly which: "valueAxis" | "categoryAxis",
  ) {
    super(fx, label);
  }
  private set<K extends keyof ChartAxisModel>(prop: K, value: ChartAxisModel[K]): void {
    this.chart.change(`axes.${this.which}.${prop} = ${String(value)}`, value, (c) => (c[this.which][prop] = value));
  }
  get minimum(): unknown {
    return this.prop("minimum");
  }
  set minimum(v: unknown) {
    this.set("minimum", v);
  }
  get maximum(): unknown {
    return this.prop("maximum");
  }
  set maximum(v: unknown) {
    this.set("maximum", v);
  }
  get majorUnit(): unknown {
    return this.prop("majorUnit");
  }
  set majorUnit(v: unknown) {
    this.set("majorUnit", v);
  }
  get numberFormat(): string {
    return this.prop("numberFormat");
  }
  set numberFormat(v: string) {
    this.set("numberFormat", v);
  }
  get reversePlotOrder(): boolean {
    return this.prop("reversePlotOrder");
  }
  set reversePlotOrder(v: boolean) {
    this.set("reversePlotOrder", v);
  }
  get position(): Excel.ChartAxisPosition {
    return this.prop("position");
  }
  set position(v: Excel.ChartAxisPosition) {
    this.set("position", v);
  }
}

/** `Worksheet.horizontalPageBreaks` (ExcelApi 1.9): only `add`, by address, which is what the adapter uses. */
class FakePageBreakCollection extends FakeObject implements Pick<Excel.PageBreakCollection, "add"> {
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly sheet: FakeWorksheet,
  ) {
    super(fx, label);
  }
  add(pageBreakRange: Excel.Range | string): Excel.PageBreak {
    if (typeof pageBreakRange !== "string") throw new Error("fake: horizontalPageBreaks.add takes an address here");
    this.act(
      `add(${pageBreakRange})`,
      pageBreakRange,
      () => {
        const page = this.sheet.model().pageLayout;
        (page.horizontalPageBreaks ??= []).push(pageBreakRange);
      },
      () => this.sheet.model(),
    );
    return undefined as unknown as Excel.PageBreak;
  }
}

class FakePageLayout
  extends FakeObject
  implements
    Pick<
      Excel.PageLayout,
      | "orientation"
      | "paperSize"
      | "zoom"
      | "setPrintArea"
      | "leftMargin"
      | "rightMargin"
      | "getPrintTitleColumnsOrNullObject"
      | "getPrintTitleRowsOrNullObject"
      | "setPrintTitleColumns"
    >
{
  constructor(
    fx: FakeExcel,
    label: string,
    private readonly sheet: FakeWorksheet,
  ) {
    super(fx, label);
  }
  private change(text: string, value: unknown, fn: (p: SheetModel["pageLayout"]) => void): void {
    this.act(
      text,
      value,
      () => fn(this.sheet.model().pageLayout),
      () => this.sheet.model(),
    );
  }
  get orientation(): Excel.PageOrientation {
    return this.prop("orientation");
  }
  set orientation(v: Excel.PageOrientation) {
    this.change(`orientation = ${v}`, v, (p) => (p.orientation = v));
  }
  get paperSize(): Excel.PaperType {
    return this.prop("paperSize");
  }
  set paperSize(v: Excel.PaperType) {
    this.change(`paperSize = ${v}`, v, (p) => (p.paperSize = v));
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.prop("zoom");
  }
  get leftMargin(): number {
    return this.prop("leftMargin");
  }
  set leftMargin(v: number) {
    this.change(`leftMargin = ${v}`, v, (p) => (p.leftMargin = v));
  }
  get rightMargin(): number {
    return this.prop("rightMargin");
  }
  set rightMargin(v: number) {
    this.change(`rightMargin = ${v}`, v, (p) => (p.rightMargin = v));
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.change(`zoom = ${JSON.stringify(v)}`, v, (p) => (p.zoom = { ...v }));
  }
  /** The print titles as a range, or a null object when the sheet has none. */
  private titles(which: "printTitleColumns" | "printTitleRows"): Excel.Range {
    const at = () => {
      const address = this.sheet.model().pageLayout[which];
      return address ? parseRange(address.replace(/\$/g, "")) : undefined;
    };
    return real(
      new FakeRange(
        this.fx,
        `${this.label}.get${which === "printTitleRows" ? "PrintTitleRows" : "PrintTitleColumns"}OrNullObject()`,
        this.sheet,
        at,
        true,
      ),
    );
  }
  getPrintTitleColumnsOrNullObject(): Excel.Range {
    return this.titles("printTitleColumns");
  }
  getPrintTitleRowsOrNullObject(): Excel.Range {
    return this.titles("printTitleRows");
  }
  setPrintTitleColumns(columns: Excel.Range | string): void {
    if (typeof columns !== "string") throw new Error("fake: setPrintTitleColumns takes an address here");
    this.change(`setPrintTitleColumns(${columns})`, columns, (p) => (p.printTitleColumns = columns));
  }
  setPrintArea(printArea: Excel.Range | Excel.RangeAreas | string): void {
    if (typeof printArea !== "string") throw new Error("fake: setPrintArea takes an address here");
    this.change(`setPrintArea(${printArea})`, printArea, (p) => (p.printArea = rectA1(parseRange(printArea))));
  }
}

class FakeRequestContext implements Pick<Excel.RequestContext, "workbook" | "application" | "sync"> {
  constructor(
    private readonly fx: FakeExcel,
    private readonly _workbook: FakeWorkbook,
    private readonly _application: FakeApplication,
  ) {}
  get workbook(): Excel.Workbook {
    return real(this._workbook);
  }
  get application(): Excel.Application {
    return real(this._application);
  }
  sync<T>(passThroughValue?: T): Promise<T> {
    return this.fx.runSync().then(() => passThroughValue as T);
  }
}

// ---------------------------------------------------------------------------------------------------
// The fake itself

/** Where a formula is being written: its sheet and cell (1-based). */
export interface FormulaCell {
  sheet: SheetModel;
  row: number;
  col: number;
}

export interface FakeExcelOptions {
  /** Request and response limit, in bytes (Excel on the web: 5 MB). */
  payloadLimit?: number;
  /** Ranges of more cells answer `values` and `numberFormat` as null, as Excel does past about five million. */
  valuesLimit?: number;
  /** The value a written formula shows, from the cell it is written in (the fake calculates nothing itself). */
  evaluate?: (formula: string, at: FormulaCell) => Scalar;
}

export class FakeExcel {
  readonly sheets: SheetModel[] = [];
  structureProtected = false;
  /** While set, every sync fails as when the user is typing in a cell. */
  cellEditMode = false;
  activeSheet: string | undefined;
  selection: { sheet: string; address: string } | undefined;
  readonly payloadLimit: number;
  readonly valuesLimit: number;
  readonly evaluate: (formula: string, at: FormulaCell) => Scalar;
  readonly syncs: SyncRecord[] = [];
  /** Every action, with the sync it went in (1-based). */
  readonly calls: { sync: number; text: string }[] = [];
  /** `…OrNullObject` proxies waiting for a sync to tell whether they exist. */
  pendingNull: FakeObject[] = [];
  readonly context: Excel.RequestContext;

  private queue: Action[] = [];
  private ids = 0;
  private readonly failures = new Map<number, string>();

  constructor(options: FakeExcelOptions = {}) {
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
    this.valuesLimit = options.valuesLimit ?? 5_000_000;
    this.evaluate = options.evaluate ?? (() => 0);
    const workbook = new FakeWorkbook(this, "workbook");
    const application = new FakeApplication(this, "application");
    this.context = real(new FakeRequestContext(this, workbook, application));
  }

  /**
   * `Excel.run` for this workbook: the batch gets the context. Actions queued but never synced are a bug in
   * the caller (Office.js would drop them without a word), so the run then rejects.
   */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.queue = [];
    this.pendingNull = [];
    const result = await batch(this.context);
    if (this.queue.length > 0) {
      const left = this.queue.map((a) => a.text);
      this.queue = [];
      throw new Error(`fake: ${left.length} action(s) queued but never synced: ${left.join("; ")}`);
    }
    return result;
  };

  nextId(prefix: string): string {
    return `${prefix}-${++this.ids}`;
  }

  sheetByName(name: string): SheetModel | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  /** A sheet by name, for tests (throws when missing). */
  sheet(name: string): SheetModel {
    const s = this.sheetByName(name);
    if (!s) throw new Error(`fake: no sheet "${name}"`);
    return s;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  addSheet(name: string, options: { visibility?: SheetModel["visibility"]; protected?: boolean } = {}): SheetModel {
    const s = new SheetModel(this.nextId("sheet"), name);
    if (options.visibility) s.visibility = options.visibility;
    if (options.protected) s.protected = true;
    this.sheets.push(s);
    return s;
  }

  addTable(sheet: string, name: string, address: string): void {
    this.sheet(sheet).tables.push({ id: this.nextId("table"), name, rect: parseRange(address) });
  }

  /** A user's own conditional format, for tests. */
  addRule(sheet: string, rule: Omit<RuleModel, "id">): RuleModel {
    const full = { id: this.nextId("cf"), ...rule };
    this.sheet(sheet).rules.push(full);
    return full;
  }

  moveSheet(sheet: SheetModel, position: number): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(Math.max(0, Math.min(position, this.sheets.length)), 0, sheet);
  }

  /** Makes sync number `index` (1-based, counting from the fake's creation) fail with this Office error code before running anything. */
  failSync(index: number, code: string): void {
    this.failures.set(index, code);
  }

  enqueue(action: Action): void {
    this.queue.push(action);
  }

  /** How many actions of the log contain `text`, in one sync or in all. */
  count(text: string, sync?: number): number {
    return this.calls.filter((c) => c.text.includes(text) && (sync === undefined || c.sync === sync)).length;
  }

  async runSync(): Promise<void> {
    const actions = this.queue;
    const pending = this.pendingNull;
    this.queue = [];
    this.pendingNull = [];
    const record: SyncRecord = {
      index: this.syncs.length + 1,
      actions: actions.map((a) => a.text),
      requestBytes: actions.reduce((n, a) => n + a.bytes, 0),
      responseBytes: 0,
    };
    this.syncs.push(record);
    for (const a of actions) this.calls.push({ sync: record.index, text: a.text });
    const fail = (code: string, message: string): never => {
      record.error = code;
      throw new FakeOfficeError(code, message);
    };
    const injected = this.failures.get(record.index);
    if (injected) fail(injected, `fake: injected ${injected}`);
    if (this.cellEditMode && actions.length > 0)
      fail("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. (fake)");
    if (record.requestBytes > this.payloadLimit)
      fail("RequestPayloadSizeLimitExceeded", `fake: request of ${record.requestBytes} bytes`);
    const commits: (() => void)[] = [];
    for (const action of actions) {
      if (action.guard?.()?.protected)
        fail(
          "AccessDenied",
          `The cell or chart you're trying to change is on a protected sheet. (fake: ${action.text})`,
        );
      if (action.structure && this.structureProtected)
        fail("AccessDenied", `The workbook's structure is protected. (fake: ${action.text})`);
      try {
        const loaded = action.run();
        if (loaded) {
          record.responseBytes += loaded.bytes;
          commits.push(loaded.commit);
        }
      } catch (e) {
        record.error = e instanceof FakeOfficeError ? e.code : String(e);
        throw e;
      }
    }
    if (record.responseBytes > this.payloadLimit)
      fail("RequestPayloadSizeLimitExceeded", `fake: response of ${record.responseBytes} bytes`);
    for (const c of commits) c();
    for (const p of pending) p.settleNull();
  }

  /**
   * The workbook's state as plain data without ids: sheets in order with their cells, merges, widths,
   * rules (in priority order), charts and page setup. Two runs that should leave the same workbook give
   * equal snapshots.
   */
  snapshot(): unknown {
    return this.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells.entries()]
        .filter(
          ([, c]) =>
            c.value !== "" ||
            c.formula !== undefined ||
            c.numberFormat !== undefined ||
            Object.keys(c.format).length > 0,
        )
        .sort(([a], [b]) => a - b)
        .map(([k, c]) => [
          rectA1({
            top: Math.floor(k / (MAX_COLS + 1)),
            left: k % (MAX_COLS + 1),
            bottom: Math.floor(k / (MAX_COLS + 1)),
            right: k % (MAX_COLS + 1),
          }),
          c,
        ]),
      merges: s.merges.map(rectA1).sort(),
      widths: [...s.widths.entries()].sort(([a], [b]) => a - b),
      heights: [...s.heights.entries()].sort(([a], [b]) => a - b),
      rules: s.rules.map(({ id: _id, ...rest }) => rest),
      charts: s.charts.map(({ id: _id, ...rest }) => rest),
      pageLayout: s.pageLayout,
      tables: s.tables.map((t) => ({ name: t.name, ref: rectA1(t.rect) })),
      validations: s.validations.map((v) => ({ ref: rectA1(v.rect), rule: v.rule })),
    }));
  }
}
