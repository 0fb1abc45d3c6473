/**
 * The vocabulary of the rules core. Plain data only: no Office, no I/O.
 *
 * Conventions:
 * - Percentages are held as fractions (75% is 0.75). Attainment is a fraction (1 = 100%).
 * - Band tables work in their own scale (percentage points 0–100 for the contract bands, 0–10 for ISF notes).
 * - Every function of the core returns problems as values; none throws on user data.
 */

/** What a spreadsheet cell can hold, as both hosts hand it over. */
export type CellValue = number | string | boolean | Date | null | undefined;

/** A problem with the user's data, explained in pt-BR. `code` is stable for programs; `message` is for people. */
export interface Problem {
  code: ProblemCode;
  /** pt-BR text that says what was found and what was expected. */
  message: string;
  /**
   * `note`: worth saying, but the figures stand as they are (two rows with the same value for the same
   * month: one counts). Problems without a severity are data problems: the command exits 1.
   */
  severity?: "note";
}

export type ProblemCode =
  | "empty"
  | "excelError"
  | "notANumber"
  | "unreadableTarget"
  | "needsBaseline"
  | "ambiguousScale"
  | "negativeValue"
  | "zeroDenominator"
  | "invalidPeriod"
  | "invalidBandTable"
  | "outOfDomain"
  | "invalidArgument"
  /** No indicator table was found in the workbook. */
  | "noTable"
  /** An explicit column mapping that cannot be used (or part of it). */
  | "mapping"
  /** The workbook refused a write: a sheet is gone or protected, or a cell the user filled is in the way. */
  | "writeRefused"
  /** Two rows for the same indicator, unit and month. */
  | "duplicate"
  /** A result that cannot be true (1e300, 5000%). */
  | "implausible"
  /** A few rows far from the span of the rest (one 2026 row in a 2025 table): not evaluated on their own. */
  | "strayPeriod"
  /** A period asked for that has no data. */
  | "emptyPeriod"
  /** More than the allowed share of the expected results is missing: the band is provisional. */
  | "incomplete"
  /** A national export recognised, of a component or indicator these rules do not score (SIAPS eSB, Vínculo). */
  | "notScored"
  /** A national export disagrees with itself or with the evaluation (its ratio, its own class). */
  | "exportMismatch";

/** How a number was written: with a `%` sign or a percentage format, or as a plain number. */
export type Scale = "percent" | "plain";

/** A number read from a cell or a text. For `percent`, `value` is already a fraction (75% → 0.75). */
export interface Reading {
  value: number;
  scale: Scale;
}

/** The outcome of reading a cell: a number, nothing (no data yet), or something that is not a number. */
export type ReadOutcome =
  { kind: "number"; reading: Reading } | { kind: "empty" } | { kind: "invalid"; problem: Problem };

/** The unit a target is expressed in. */
export type Unit = "percent" | "count" | "ratio";

/** Which way is better. `range`: best inside an interval, worse on either side. */
export type Direction = "atLeast" | "atMost" | "exactly" | "range";

/** One end of an interval. `inclusive` says whether the end value itself belongs to it. */
export interface Bound {
  value: number;
  inclusive: boolean;
}

/** An interval of the real line; a missing end is unbounded. */
export interface Interval {
  lower?: Bound;
  upper?: Bound;
}

/**
 * An agreed target. For `atLeast`/`atMost`/`exactly`, `value` is the reference value; `strict` marks a
 * target written with `>`/`<` (the value itself does not meet it). For `range`, `interval` holds the
 * bounds and `value` is unused (NaN).
 */
export interface Target {
  direction: Direction;
  value: number;
  unit: Unit;
  strict?: boolean;
  interval?: Interval;
  /** The scale the target was written in (decides how plain results are read against it). */
  scale: Scale;
}

/** The outcome of reading a target (a number or a text such as "90% ou mais"). */
export type TargetOutcome =
  | { kind: "target"; target: Target }
  | { kind: "needsBaseline"; direction: Direction; problem: Problem }
  | { kind: "empty" }
  | { kind: "invalid"; problem: Problem };

/** A = Suficiente (target met), B = Insuficiente (not met). */
export type Concept = "A" | "B";

/** The commission's decision on a justification (column "Justificativa aceita"). */
export type JustificationDecision = "total" | "partial" | "rejected";

/** Desempenho (performance, scored) or monitoramento (monitoring: shown, not scored). */
export type Kind = "desempenho" | "monitoramento";

/** How the overall attainment of a contract is computed. */
export type OverallMethod = "shareMet" | "meanAttainment";

/** How the rows of one indicator across several periods are combined (column "Agregação"). */
export type Aggregation = "mean" | "sum" | "last" | "ratio";

/** Raw attainment may pass 100%; scored attainment is clamped to [0, 1]. */
export interface Attainment {
  raw: number;
  scored: number;
}

export type PeriodKind = "month" | "bimester" | "quarter" | "fourMonth" | "semester" | "year" | "range";

/**
 * A period of time. `start` and `end` are ISO dates (YYYY-MM-DD), both inclusive.
 * Labels: month `2025-01`, bimester `2025-B1`, quarter `2025-T1`, four-month `2025-Q1`, semester `2025-S1`,
 * year `2025`, explicit range `2011-08-01..2011-12-31`.
 */
export interface Period {
  kind: PeriodKind;
  label: string;
  start: string;
  end: string;
  /** The year and the 1-based index within it (month 1–12, quarter 1–4, …); absent for ranges. */
  year?: number;
  index?: number;
}

/** One band of a band table: a label, the intervals it covers, and what it carries. */
export interface Band {
  /** 1-based position as the source numbers it ("Faixa 1"), when it has one. */
  number?: number;
  label: string;
  intervals: Interval[];
  /** pt-BR recommendation text shown to the user. */
  recommendation?: string;
  /** Fill colour, hex `#RRGGBB`. */
  color?: string;
  /** What the band is worth when a result is classified by it (e.g. co-financing: Bom = 0.75). */
  factor?: number;
}

/**
 * A table of bands over a domain. Values are in the table's own scale (e.g. percentage points 0–100).
 * `decimals`: values are rounded to that many decimals before lookup (the contract bands round to 0.1 pp).
 */
export interface BandTable {
  id: string;
  name: string;
  domain: { min: number; max: number };
  decimals?: number;
  bands: Band[];
}
