/**
 * The evaluation: rows (indicator × period × unit) → one result per indicator over the evaluated period →
 * per area → the contract's overall attainment and its band (docs/regras.md §3–§7). Pure: rows come in as cell
 * values with their formats and addresses, every finding comes out as a located pt-BR problem.
 */
import {
  adjustedScore,
  attainment,
  concept,
  credit,
  DEFAULT_PARTIAL_SHARE,
  nearlyEqual,
  overrideDirection,
  reconcileScale,
  weakestDecision,
  type ScaleHint,
} from "./attainment";
import { isImplausible, isTotalsUnit, placeKey, placeName, resultKind, slotsOf } from "./completeness";
import { findBand } from "./bands";
import { formatNumber, formatPercent, messages, nationalScaleStrings } from "./messages";
import {
  parseAggregation,
  parseDirection,
  parseJustificationDecision,
  parseKind,
  parseTarget,
  readNumber,
  isProblem,
  normalizeText,
  TextMemo,
} from "./parse";
import { contains, formatPeriodPtBR } from "./periods";
import { defaultPreset, type Preset } from "./presets";
import type {
  Aggregation,
  Attainment,
  Band,
  BandTable,
  CellValue,
  Concept,
  JustificationDecision,
  Kind,
  OverallMethod,
  Period,
  PeriodKind,
  Problem,
  Reading,
  Scale,
  Target,
} from "./types";
import { pushAll } from "./arrays";
import { CellTargets, sharedTarget } from "./sharedTarget";

/** A cell as a host hands it over: its value, its number format, and its address for messages. */
export interface CellInput {
  value: CellValue;
  numberFormat?: string;
  /** A1 address, e.g. `D7`. */
  address?: string;
  /** The sheet the cell is on, when not the row's own (a target carried from an earlier month's sheet). */
  sheet?: string;
}

/** One row of an indicator table, already mapped to fields by the workbook layer. */
export interface RowInput {
  sheet?: string;
  /** 1-based row of the sheet the row was read from (where the add-in writes its own columns). */
  sheetRow?: number;
  code?: string;
  indicator: string;
  area?: string;
  kind?: CellInput;
  /** The health unit or team the row is about (`Equipe`, `UBS`, `Nome da equipe`). */
  unit?: string;
  /** The team's national code (INE), when the table has one beside the team's name. */
  unitCode?: string;
  municipality?: string;
  /** The municipality's IBGE code, when the table has one (a SISAB panel's `IBGE` column). */
  municipalityCode?: string;
  period?: Period;
  target: CellInput;
  result?: CellInput;
  numerator?: CellInput;
  denominator?: CellInput;
  weight?: CellInput;
  direction?: CellInput;
  aggregation?: CellInput;
  /** "Periodicidade": how often the indicator is verified (Mensal, Trimestral, "4 vezes ao ano"). */
  periodicity?: CellInput;
  justification?: string;
  justificationAccepted?: CellInput;
  /** What the table says about the scale (a `(%)` header, a "Proporção de…" name), when it says anything. */
  scaleHint?: ScaleHint;
  /**
   * The preset's catalogue entry of the row's indicator, when found (by the indicator's code or by its
   * name), and the fields the table left empty that it filled (Previne Brasil's meta and peso; none when
   * the table gave both): filled cells carry no address, their values are not in the workbook.
   */
  fromCatalog?: {
    catalog: string;
    code: string;
    name: string;
    match: "code" | "name";
    fields: ("target" | "weight")[];
  };
}

/** A problem with the place it was found: sheet, cell, and the indicator it concerns. */
export interface LocatedProblem extends Problem {
  sheet?: string;
  cell?: string;
  indicator?: string;
}

/** `evaluated`: scored; `noData`: no result yet (Sem dado); `invalid`: unreadable; `needsBaseline`: target needs a baseline. */
export type Status = "evaluated" | "noData" | "invalid" | "needsBaseline";

/** One row evaluated. `result` and `target` are on the same scale (percentages as fractions). */
export interface RowEvaluation {
  input: RowInput;
  status: Status;
  kind: Kind;
  weight: number;
  /** True when the row's "Peso" cell gave a usable weight (otherwise `weight` is the default 1). */
  weightGiven: boolean;
  target?: Target;
  result?: number;
  /** Scale of the result as read, when it was read without a target (classification presets). */
  resultScale?: Reading["scale"];
  /** The class of the row's own result, when read without a target under a classifying preset. */
  classification?: Band;
  /** Numerator and denominator when the row has them (for pooling). */
  ratio?: { numerator: number; denominator: number };
  attainment?: Attainment;
  concept?: Concept;
  decision?: JustificationDecision;
  problems: LocatedProblem[];
  /**
   * Why the row, though read, does not count in its indicator's figure: a totals row beside the units'
   * rows, or the second of two rows with the same value for the same unit and month.
   */
  excluded?: "totals" | "duplicate";
}

/**
 * What decides an indicator's concept over a period of several months (or units):
 * - `periodResult` (the default): the period's result — Σ numerator ÷ Σ denominator, the mean of the
 *   monthly results, or their sum against a target for the whole period — against the target;
 * - `everyMonth`: the stricter rule some contracts write: A only when every month (and unit) met it.
 */
export type ConceptRule = "periodResult" | "everyMonth";

/** One indicator over the evaluated period, all its rows combined. */
export interface IndicatorEvaluation {
  key: string;
  code?: string;
  indicator: string;
  area?: string;
  kind: Kind;
  weight: number;
  aggregation: Aggregation;
  status: Status;
  target?: Target;
  result?: number;
  attainment?: Attainment;
  concept?: Concept;
  /** The commission's decision that applies to a B: the weakest among its B months. */
  decision?: JustificationDecision;
  /** Classification band of the result, for presets that classify (co-financing). */
  classification?: Band;
  /** What the indicator contributes, 0–1: credit (share met) or adjusted score (mean attainment). */
  score?: number;
  /** Contribution to the share of targets met, 0–1. */
  credit?: number;
  justification?: string;
  rows: RowEvaluation[];
  /** The rule that decided the concept. */
  rule: ConceptRule;
  /** How many results the period's result combines (the rows that count and were read). */
  combined: number;
  /**
   * Under `everyMonth`, the months/units that missed the target, with their own results: what makes the
   * concept B even when the period's result meets the target. Empty otherwise.
   */
  failing: RowEvaluation[];
}

/**
 * One result the period expects and does not have: a blank result cell (`blank`, with its cell), a month
 * with no row at all (`missingRow`), or a result that could not be used (`invalid`).
 */
export interface MissingResult {
  indicator: string;
  code?: string;
  unit?: string;
  /** The month (or bimester, quarter… per the indicator's periodicity) that is missing. */
  period: Period;
  state: "blank" | "missingRow" | "invalid";
  sheet?: string;
  cell?: string;
  /** The indicator is scored (desempenho): it counts towards the incompleteness threshold. */
  scored: boolean;
}

/** The expected results of the period and those missing (domain rule: more than 20% missing is incomplete). */
export interface Completeness {
  /** Expected results of scored indicators (indicator × unit × month). */
  expected: number;
  /** Of those, the missing or unusable ones. */
  missing: number;
  /** More than the allowed share of `expected` is missing: the band is provisional. */
  incomplete: boolean;
  /** Every missing result, scored or not, in table order. */
  slots: MissingResult[];
}

/** The overall figures of a group of indicators (the contract, or one area). */
export interface GroupSummary {
  /** Fraction 0–1 (× preset scale for display); undefined when no scored indicator has data. */
  attainment?: number;
  /** The same on the preset's scale: percentage points (0–100) or a note (0–10). */
  value?: number;
  scored: number;
  withData: number;
  withoutData: number;
  met: number;
  /**
   * More than the allowed share of scored indicators lack data (docs/regras.md §6); under a preset whose set of
   * indicators keeps every weight (the co-financing), any indicator of the set without a result.
   */
  incomplete: boolean;
  /** The Σ peso the overall value divides by (with data only, or the whole national set when weights stay fixed). */
  weightTotal: number;
}

/**
 * How much of a national programme's set of indicators an evaluation has (presets with an `indicatorSet`:
 * Previne Brasil's seven, the co-financing's C1–C7). An indicator of the set is present when it is scored
 * and has a result; missing otherwise (no row, no data, or an unreadable result).
 */
export interface SetCoverage {
  whenMissing: "partial" | "zero";
  /** Indicators in the set (7). */
  total: number;
  /** Codes of the set's indicators with a result, in the set's order. */
  present: string[];
  /** The set's indicators without a result, in the set's order, with the weight the set gives them. */
  missing: { code: string; name: string; weight: number }[];
  /** How many of the missing have no row at all in the evaluation (not even one without data). */
  absent: number;
}

export interface ContractEvaluation {
  period?: Period;
  preset: Preset;
  method: OverallMethod;
  indicators: IndicatorEvaluation[];
  areas: ({ area: string } & GroupSummary)[];
  overall: GroupSummary;
  /** `provisional`: the evaluation is incomplete (too many results missing), so the band may still change. */
  band?: { band: Band; rounded: number; provisional: boolean };
  /** Under a preset with a national set of indicators: which of them have a result (see `SetCoverage`). */
  coverage?: SetCoverage;
  /** Indicators with no data yet (Sem dado) or whose target needs a baseline. */
  pending: IndicatorEvaluation[];
  /** The results the period expects, and those missing (empty without a period). */
  completeness: Completeness;
  rule: ConceptRule;
  problems: LocatedProblem[];
}

export interface EvaluateOptions {
  /** Only rows within this period (rows without a period are always taken). */
  period?: Period;
  preset?: Preset;
  /** Overrides the preset's method. */
  method?: OverallMethod;
  /** Share of the missing attainment a partially accepted justification earns (default 0,5). */
  partialShare?: number;
  /**
   * More than this share of scored indicators without data, or of the expected results of scored
   * indicators, makes the evaluation incomplete (default 0,2).
   */
  incompleteShare?: number;
  /**
   * Columns of plain fractions under a classifying preset, decided over whole tables by the caller (a team's
   * rows are part of a column); without it, decided over the rows given (see `findFractionColumns`).
   */
  fractionColumns?: FractionColumn[];
  /**
   * The evaluation is a pooled figure over several municipalities (a *conjunto*): each indicator's concept
   * follows its own pooled result (result meets target → A), not whether every municipality met.
   */
  pooled?: boolean;
  /**
   * Rows whose result the caller found unusable and explained itself (the same result twice with different
   * values, in two files): evaluated as invalid, never scored.
   */
  withheld?: ReadonlySet<RowInput>;
  /** What decides a concept over several months (default `periodResult`). */
  rule?: ConceptRule;
}

/** Share of missing results (or indicators without data) above which an evaluation is incomplete. */
export const DEFAULT_INCOMPLETE_SHARE = 0.2;

/** The key that groups rows of one indicator: its code, or its name when it has none (case and accents ignored). */
export function indicatorKey(row: Pick<RowInput, "code" | "indicator">): string {
  const code = row.code?.trim();
  return code ? codeKeys.get(code) : normalizeText(row.indicator);
}

/** Target cells already read, for the rows that repeat them. */
const cellTargets = new CellTargets();

/** Asked for every row of every evaluation: each code's key is built once, and is then the same string. */
const codeKeys = new TextMemo((code: string) => `#${normalizeText(code)}`);

function locate(row: RowInput, cell: CellInput | undefined, problem: Problem): LocatedProblem {
  // Copied, then given its place, rather than `{ ...problem, sheet, … }`: see NO_SPREAD_NOTE.
  const located: LocatedProblem = Object.assign({}, problem);
  located.sheet = cell?.sheet ?? row.sheet;
  located.cell = cell?.address;
  located.indicator = row.indicator;
  return located;
}

/**
 * NO_SPREAD_NOTE. On rows' paths no object is built as `{ ...other, newKey }`: this V8 (Node 20) gives every
 * object built so, once the code is optimised, a hidden class of its own — about a microsecond each, a
 * class kept alive per object, and every function that reads such objects slowed to a lookup per property
 * (measured: 13k classes for 100k rows). A literal with its keys, or `Object.assign({}, other)` then the
 * new keys, shares one class. Spreading to copy (`{ ...other }`) or to replace existing keys is not affected.
 */

/**
 * Evaluates one row: reads its cells, puts result and target on one scale, and finds attainment and concept.
 * Under a preset that classifies the result itself (co-financing) a row needs no target: a row without one
 * is evaluated on its result alone, and gets the class of that result (`classification`).
 */
export function evaluateRow(
  row: RowInput,
  options: { preset?: Preset; fractionColumn?: boolean; withheld?: boolean } = {},
): RowEvaluation {
  return readRowShared(row, options.preset ?? defaultPreset, options.fractionColumn, options.withheld);
}

/**
 * The problems of a row that has none: one frozen array shared by every such row. Nearly every row of a
 * large table is clean, and each row's evaluation lives until the reports are written (100k empty arrays,
 * about 3 MB). A problem found later goes through `addRowProblem`; a push into the shared array throws.
 */
const NO_PROBLEMS = Object.freeze([]) as unknown as LocatedProblem[];

/** The failing months of an indicator that has none, shared likewise (a unit's indicators are tens of thousands). */
const NO_FAILING = Object.freeze([]) as unknown as RowEvaluation[];

/** Records a problem found after the row was read (its class, a duplicate), never in the shared empty list. */
function addRowProblem(row: RowEvaluation, problem: LocatedProblem): void {
  if (row.problems === NO_PROBLEMS) row.problems = [problem];
  else row.problems.push(problem);
}

/** `readRow`, with a clean row's empty problems replaced by the shared one. */
function readRowShared(
  row: RowInput,
  preset: Preset,
  fractionColumn: boolean | undefined,
  withheld: boolean | undefined,
): RowEvaluation {
  const evaluated = readRow(row, preset, fractionColumn, withheld);
  if (evaluated.problems.length === 0) evaluated.problems = NO_PROBLEMS;
  return evaluated;
}

/** What every row's reading has, scored or not. */
type RowBase = Pick<RowEvaluation, "input" | "kind" | "weight" | "weightGiven" | "decision" | "problems">;

/** A row read but not scored (no data, unreadable, withheld, awaiting a baseline): one literal (NO_SPREAD_NOTE). */
function unscored(base: RowBase, status: Status, target?: Target): RowEvaluation {
  const { input, kind, weight, weightGiven, decision, problems } = base;
  return target === undefined
    ? { input, kind, weight, weightGiven, decision, problems, status }
    : { input, kind, weight, weightGiven, decision, problems, status, target };
}

/** `evaluateRow` with its options as arguments: an evaluation reads every row, without an options object each. */
function readRow(
  row: RowInput,
  preset: Preset,
  fractionColumn: boolean | undefined,
  withheld: boolean | undefined,
): RowEvaluation {
  const problems: LocatedProblem[] = [];
  let kind: Kind = "desempenho";
  if (row.kind && !(row.kind.value === null || row.kind.value === undefined || String(row.kind.value).trim() === "")) {
    const parsed = parseKind(row.kind.value);
    if (parsed) kind = parsed;
    else
      problems.push(
        locate(row, row.kind, { code: "invalidArgument", message: messages.unreadableKind(String(row.kind.value)) }),
      );
  }
  let weight = 1;
  let weightGiven = false;
  if (row.weight) {
    const w = readNumber(row.weight.value, row.weight.numberFormat);
    if (w.kind === "number" && w.reading.value >= 0) {
      weight = w.reading.value;
      weightGiven = true;
    } else if (w.kind !== "empty")
      problems.push(
        locate(row, row.weight, {
          code: "invalidArgument",
          message: messages.unreadableWeight(String(row.weight.value)),
        }),
      );
  }
  let decision: JustificationDecision | undefined;
  // Without a commission (national programmes) a decision is never read, so it can never score.
  if (row.justificationAccepted && preset.commission !== false) {
    const d = parseJustificationDecision(row.justificationAccepted.value);
    if (isProblem(d)) problems.push(locate(row, row.justificationAccepted, d));
    else decision = d;
  }
  const base: RowBase = { input: row, kind, weight, weightGiven, decision, problems };
  // Explained by the caller (a duplicate with another value): neither copy is used.
  if (withheld) return unscored(base, "invalid");

  // A target cell seen on an earlier row (without a direction of its own) is that row's shared target.
  let target = row.direction ? undefined : cellTargets.get(row.target.value, row.target.numberFormat);
  if (!target) {
    const parsedTarget = parseTarget(row.target.value, row.target.numberFormat);
    if (parsedTarget.kind === "empty" && preset.scoring.kind === "classification") {
      // The result cell, else numerator ÷ denominator: a share, so × 100 points.
      const res = readResult(row, "percent", problems);
      if (res.kind === "empty") return unscored(base, "noData");
      if (res.kind === "invalid") return unscored(base, "invalid");
      if (isImplausible(res.reading.value, res.reading.scale === "percent")) {
        const shown =
          res.reading.scale === "percent" ? formatPercent(res.reading.value) : formatNumber(res.reading.value);
        problems.push(
          locate(row, row.result, {
            code: "implausible",
            message: messages.implausibleResult(shown, res.reading.scale === "percent"),
          }),
        );
        return unscored(base, "invalid");
      }
      // A column of plain fractions cannot be told apart from points: not classified (its problem is the column's).
      if (fractionColumn && res.reading.scale === "plain") return unscored(base, "invalid");
      // Property by property, not `{ ...base, … }`: see the note on the evaluated row below (about 10× faster).
      const evaluated: RowEvaluation = {
        input: row,
        kind,
        weight,
        weightGiven,
        decision,
        problems,
        status: "evaluated",
        result: res.reading.value,
        resultScale: res.reading.scale,
      };
      if (res.ratio) evaluated.ratio = res.ratio;
      // The row's own class (a month's), for its owned cell; out-of-domain results are reported once, by the indicator.
      const found = findBand(classificationTable(preset, classificationCode(row))!, pointsOfReading(res.reading));
      if (found.kind === "band") evaluated.classification = found.band;
      return evaluated;
    }
    if (parsedTarget.kind === "empty") {
      problems.push(locate(row, row.target, { code: "empty", message: messages.missingTarget }));
      return unscored(base, "invalid");
    }
    if (parsedTarget.kind === "invalid") {
      problems.push(locate(row, row.target, parsedTarget.problem));
      return unscored(base, "invalid");
    }
    if (parsedTarget.kind === "needsBaseline") {
      problems.push(locate(row, row.target, parsedTarget.problem));
      return unscored(base, "needsBaseline");
    }
    target = parsedTarget.target;
    if (row.direction) target = overrideDirection(target, parseDirection(row.direction.value));
    target = sharedTarget(target);
    // Only a shared (frozen) target goes to other rows: a range target stays each row's own.
    if (!row.direction && Object.isFrozen(target)) cellTargets.set(row.target.value, row.target.numberFormat, target);
  }

  const read = readResult(row, target.scale === "percent" ? "percent" : "plain", problems);
  if (read.kind === "empty") return unscored(base, "noData", target);
  if (read.kind === "invalid") return unscored(base, "invalid", target);
  if (read.reading.value < 0) {
    problems.push(
      locate(row, read.cell, {
        code: "negativeValue",
        message: messages.negativeResult(formatNumber(read.reading.value)),
      }),
    );
    return unscored(base, "invalid", target);
  }
  const reconciled = reconcileScale(read.reading, target, row.scaleHint);
  if (reconciled.kind === "invalid") {
    problems.push(locate(row, read.cell, reconciled.problem));
    return unscored(base, "invalid", target);
  }
  const result = reconciled.result;
  // Rescaled (a new object) or the shared one as it was.
  if (reconciled.target !== target) target = sharedTarget(reconciled.target);
  if (isImplausible(result, target.scale === "percent")) {
    const shown = target.scale === "percent" ? formatPercent(result) : formatNumber(result);
    problems.push(
      locate(row, read.cell, {
        code: "implausible",
        message: messages.implausibleResult(shown, target.scale === "percent"),
      }),
    );
    return unscored(base, "invalid", target);
  }
  // One literal with every key, rather than spreads around a conditional one (which made V8 build every
  // evaluated row as a slow dictionary object) or keys added afterwards (which V8 keeps in a second array
  // beside the object: about 40 bytes more per row, 40 MB at a million rows). `ratio` is undefined without one.
  return {
    input: row,
    kind,
    weight,
    weightGiven,
    decision,
    problems,
    status: "evaluated",
    target,
    result,
    ratio: read.ratio,
    attainment: attainment(result, target),
    concept: concept(result, target),
  };
}

/**
 * The row's result: the result cell, or numerator ÷ denominator when the result is empty. `ratioScale`: how a
 * ratio reads — `percent` (a share: on a percent target, or classified on 0–100 points) or `plain`.
 */
function readResult(
  row: RowInput,
  ratioScale: Scale,
  problems: LocatedProblem[],
):
  | { kind: "number"; reading: Reading; cell?: CellInput; ratio?: { numerator: number; denominator: number } }
  | { kind: "empty" }
  | { kind: "invalid" } {
  const num = row.numerator ? readNumber(row.numerator.value, row.numerator.numberFormat) : { kind: "empty" as const };
  const den = row.denominator
    ? readNumber(row.denominator.value, row.denominator.numberFormat)
    : { kind: "empty" as const };
  let ratio: { numerator: number; denominator: number } | undefined;
  if (num.kind === "number" && den.kind === "number" && den.reading.value !== 0)
    ratio = { numerator: num.reading.value, denominator: den.reading.value };

  const res = row.result ? readNumber(row.result.value, row.result.numberFormat) : { kind: "empty" as const };
  if (res.kind === "number") return { kind: "number", reading: res.reading, cell: row.result, ratio };
  if (res.kind === "invalid") {
    problems.push(locate(row, row.result, res.problem));
    return { kind: "invalid" };
  }
  if (num.kind === "empty" && den.kind === "empty") return { kind: "empty" };
  for (const [cell, outcome] of [
    [row.numerator, num],
    [row.denominator, den],
  ] as const) {
    if (outcome.kind === "invalid") problems.push(locate(row, cell, outcome.problem));
  }
  if (num.kind === "invalid" || den.kind === "invalid") return { kind: "invalid" };
  if (num.kind === "empty" || den.kind === "empty") {
    const missing = num.kind === "empty" ? row.numerator : row.denominator;
    problems.push(locate(row, missing, { code: "empty", message: messages.halfRatio }));
    return { kind: "invalid" };
  }
  if (den.reading.value === 0) {
    problems.push(locate(row, row.denominator, { code: "zeroDenominator", message: messages.zeroDenominator }));
    return { kind: "invalid" };
  }
  const value = num.reading.value / den.reading.value;
  // A pooled ratio is a fraction: on a percent target (or a 0–100 classification) it reads as a percentage, otherwise as it is.
  return { kind: "number", reading: { value, scale: ratioScale }, cell: row.numerator, ratio };
}

/**
 * Combines the rows of one indicator over the period. The rows that count are those read (`evaluated`)
 * and not excluded (a totals row beside the units, a repeated month); every row stays in `rows`, for its
 * own cells and problems.
 *
 * The period's result is Σ numerator ÷ Σ denominator when every counted row has them, else the mean of
 * the results (a column *Agregação* may ask for the sum or the last one). Under the default rule that result
 * decides attainment and concept; under `everyMonth` the concept is A only when every counted row met the
 * target, and `failing` names the rows that did not.
 */
export function aggregateIndicator(
  rows: RowEvaluation[],
  preset: Preset,
  partialShare = DEFAULT_PARTIAL_SHARE,
  rule: ConceptRule = "periodResult",
): IndicatorEvaluation {
  // Called for every indicator of every unit of every period: one pass over the rows, no copies of them.
  const first = rows[0].input;
  const last = rows[rows.length - 1];
  let kindGiven: Kind | undefined;
  let area: string | undefined;
  let explicit: Aggregation | undefined;
  // The last row that gave a usable weight decides (weights are usually written on every row, or the first).
  let weight = 1;
  let justifications: Set<string> | undefined;
  const evaluated: RowEvaluation[] = [];
  for (const r of rows) {
    if (kindGiven === undefined && r.input.kind) kindGiven = r.kind;
    if (area === undefined && r.input.area) area = r.input.area;
    if (explicit === undefined && r.input.aggregation) explicit = parseAggregation(r.input.aggregation.value);
    if (r.weightGiven) weight = r.weight;
    const text = r.input.justification?.trim();
    if (text) (justifications ??= new Set()).add(text);
    if (r.status === "evaluated" && !r.excluded) evaluated.push(r);
  }
  const kind = kindGiven ?? last.kind;
  const justification = justifications ? [...justifications].join(" | ") : undefined;
  const pooled = evaluated.length > 0 && evaluated.every((r) => r.ratio);
  const aggregation: Aggregation = explicit ?? (pooled ? "ratio" : "mean");
  const key = indicatorKey(first);
  if (evaluated.length === 0) {
    const status: Status = rows.some((r) => r.status === "needsBaseline")
      ? "needsBaseline"
      : rows.some((r) => r.status === "invalid")
        ? "invalid"
        : "noData";
    // Written out rather than spread from a common part: the same keys, in the same order, on every path.
    return {
      key,
      code: first.code,
      indicator: first.indicator,
      area,
      kind,
      weight,
      aggregation,
      justification,
      rows,
      rule,
      combined: 0,
      failing: NO_FAILING,
      status,
      target: lastTarget(rows),
    };
  }
  const target = evaluated[evaluated.length - 1].target;
  if (!target)
    return classifyWithoutTarget(
      {
        key,
        code: first.code,
        indicator: first.indicator,
        area,
        kind,
        weight,
        aggregation,
        justification,
        rows,
        rule,
        combined: evaluated.length,
        failing: NO_FAILING,
      },
      evaluated,
      preset,
    );

  let result: number;
  if (aggregation === "ratio" && evaluated.some((r) => r.ratio)) {
    let num = 0;
    let den = 0;
    for (const r of evaluated) {
      if (!r.ratio) continue;
      num += r.ratio.numerator;
      den += r.ratio.denominator;
    }
    result = den === 0 ? 0 : num / den;
  } else if (aggregation === "sum") {
    result = 0;
    for (const r of evaluated) result += r.result as number;
  } else if (aggregation === "last") {
    result = evaluated[evaluated.length - 1].result as number;
  } else {
    result = meanOf(evaluated, (r) => r.result as number);
  }
  let att = attainment(result, target);
  let con = concept(result, target);
  // The strict rule compares each month with the target; a sum or a last value answers a target for the
  // whole period, which no single month is measured against.
  const strict = rule === "everyMonth" && (aggregation === "mean" || aggregation === "ratio");
  let failing: RowEvaluation[] = NO_FAILING;
  if (strict) {
    failing = evaluated.filter((r) => r.concept === "B");
    if (failing.length === 0) failing = NO_FAILING;
    con = failing.length > 0 ? "B" : "A";
  }
  // The commission decides on the B it sees: the period's (any row may carry the decision; the weakest of
  // those given applies), or, under the strict rule, each failing month's (the weakest of theirs).
  const decision =
    con !== "B"
      ? undefined
      : weakestDecision(
          strict ? failing.map((r) => r.decision) : evaluated.map((r) => r.decision).filter((d) => d !== undefined),
        );
  let adjusted = adjustedScore(att.scored, con, decision, partialShare);
  if (strict && aggregation === "mean") {
    // Month by month: the attainment is the mean of the months' (so a failing month shows in it), and each
    // month's decision applies to that month.
    att = {
      raw: meanOf(evaluated, (r) => r.attainment!.raw),
      scored: meanOf(evaluated, (r) => r.attainment!.scored),
    };
    adjusted = meanOf(evaluated, (r) => adjustedScore(r.attainment!.scored, r.concept!, r.decision, partialShare));
  }
  const figure: IndicatorEvaluation = {
    key,
    code: first.code,
    indicator: first.indicator,
    area,
    kind,
    weight,
    aggregation,
    justification,
    rows,
    rule,
    combined: evaluated.length,
    failing,
    status: "evaluated",
    target,
    result,
    attainment: att,
    concept: con,
    decision,
    score: adjusted,
    credit: credit(con, decision, partialShare),
  };
  if (preset.scoring.kind !== "classification") return figure;
  // Classification tables are on the 0–100 scale of the result itself.
  return Object.assign(
    figure,
    classify(preset, classificationCode(first), target.scale === "percent" ? result * 100 : result, rows[0]),
  );
}

/** The target of the last row that has one. */
function lastTarget(rows: RowEvaluation[]): Target | undefined {
  for (let i = rows.length - 1; i >= 0; i -= 1) if (rows[i].target) return rows[i].target;
  return undefined;
}

/**
 * The code that picks a classification table: the catalogue's when the row was found in it (a table's own
 * codes are often row numbers, and a row named "Mais acesso…" has none), else the row's own.
 */
export function classificationCode(row: RowInput): string | undefined {
  return row.fromCatalog?.code ?? row.code;
}

/** The preset's classification table for an indicator code (C1 has its own); none for presets that do not classify. */
export function classificationTable(preset: Preset, code: string | undefined): BandTable | undefined {
  if (preset.scoring.kind !== "classification") return undefined;
  return preset.scoring.tables[code?.trim().toUpperCase() ?? ""] ?? preset.scoring.defaultTable;
}

/** A result read without a target, on the 0–100 scale of the classes: 45% → 45; plain numbers as they are. */
function pointsOfReading(reading: Reading): number {
  return reading.scale === "percent" ? reading.value * 100 : reading.value;
}

/** Classifies a result (0–100 points) by the preset's table for the indicator's code; its factor is the score. */
function classify(
  preset: Preset,
  code: string | undefined,
  points: number,
  row: RowEvaluation,
): Pick<IndicatorEvaluation, "classification" | "score" | "credit"> {
  const table = classificationTable(preset, code);
  if (!table) return {};
  const found = findBand(table, points);
  if (found.kind === "invalid") {
    addRowProblem(row, locate(row.input, row.input.result, found.problem));
    return { score: 0, credit: 0 };
  }
  const factor = found.band.factor ?? 0;
  return { classification: found.band, score: factor, credit: factor };
}

/** An indicator with results but no target, under a classifying preset: the mean result, classified. */
function classifyWithoutTarget(
  common: Omit<IndicatorEvaluation, "status">,
  evaluated: RowEvaluation[],
  preset: Preset,
): IndicatorEvaluation {
  const points = mean(
    evaluated.map((r) => pointsOfReading({ value: r.result as number, scale: r.resultScale ?? "plain" })),
  );
  return {
    ...common,
    status: "evaluated",
    result: points,
    ...classify(preset, classificationCode(evaluated[0].input), points, evaluated[0]),
  };
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** `mean(rows.map(value))` without the array: added in the same order, so the same figure to the last bit. */
function meanOf(rows: RowEvaluation[], value: (r: RowEvaluation) => number): number {
  let sum = 0;
  for (const r of rows) sum += value(r);
  return sum / rows.length;
}

/**
 * Overall figures of a group of indicators; only `desempenho` indicators with data are scored (docs/regras.md §6).
 * With a `coverage` whose weights stay fixed (the co-financing), the value divides by the weights of the whole
 * set: an indicator of the set without a result adds nothing to the sum and keeps its weight in the divisor
 * (nota = Σ factor × peso over the ten weights), counts as scored without data, and makes the group incomplete.
 */
export function summarize(
  indicators: IndicatorEvaluation[],
  method: OverallMethod,
  scale: number,
  incompleteShare = 0.2,
  coverage?: SetCoverage,
): GroupSummary {
  const fixed = coverage?.whenMissing === "zero" ? coverage : undefined;
  const scoredAll = indicators.filter((i) => i.kind === "desempenho");
  const withData = scoredAll.filter((i) => i.status === "evaluated");
  const missingWeight = fixed ? fixed.missing.reduce((s, m) => s + m.weight, 0) : 0;
  const totalWeight = withData.reduce((s, i) => s + i.weight, 0) + missingWeight;
  const part = (i: IndicatorEvaluation) => (method === "shareMet" ? (i.credit ?? 0) : (i.score ?? 0));
  const value =
    totalWeight > 0 && withData.length > 0
      ? withData.reduce((s, i) => s + i.weight * part(i), 0) / totalWeight
      : undefined;
  const scored = scoredAll.length + (fixed?.absent ?? 0);
  const withoutData = scored - withData.length;
  return {
    attainment: value,
    value: value === undefined ? undefined : value * scale,
    scored,
    withData: withData.length,
    withoutData,
    met: withData.filter((i) => i.concept === "A").length,
    incomplete:
      (scored > 0 && withoutData / scored > incompleteShare) || (fixed !== undefined && fixed.missing.length > 0),
    weightTotal: totalWeight,
  };
}

/** The code that places an indicator in a national set: the catalogue's, else its own (upper case). */
function setCode(i: IndicatorEvaluation): string | undefined {
  return classificationCode(i.rows[0].input)?.trim().toUpperCase();
}

/** Which indicators of the preset's national set have a result; undefined for presets without a set. */
export function setCoverage(preset: Preset, indicators: IndicatorEvaluation[]): SetCoverage | undefined {
  const set = preset.indicatorSet;
  if (!set) return undefined;
  const scored = indicators.filter((i) => i.kind === "desempenho");
  const present: string[] = [];
  const missing: SetCoverage["missing"] = [];
  let absent = 0;
  for (const entry of set.entries) {
    const code = entry.code.toUpperCase();
    const own = scored.filter((i) => setCode(i) === code);
    if (own.some((i) => i.status === "evaluated")) present.push(entry.code);
    else {
      missing.push({ code: entry.code, name: entry.name, weight: entry.weight });
      if (own.length === 0) absent += 1;
    }
  }
  return { whenMissing: set.whenMissing, total: set.entries.length, present, missing, absent };
}

/** A column of plain fractions under a classifying preset: its rows, and the one problem that names its cells. */
export interface FractionColumn {
  rows: RowInput[];
  problem: LocatedProblem;
}

/**
 * The columns (one indicator's rows in one table) whose results are all plain fractions — every number at most
 * 1, none written with `%` or a percentage format, some above 0 — under a preset that classifies results on a
 * 0–100 scale (the co-financing). `0,6` there could be 0,6 points or 60%: the rows are not classified, and one
 * problem per column names its cells (domain rule on ambiguous scales; a column written in points by a
 * national panel is taken as it says).
 */
export function findFractionColumns(rows: RowInput[], preset: Preset): FractionColumn[] {
  if (preset.scoring.kind !== "classification") return [];
  const columns = new Map<string, { rows: RowInput[]; readings: Reading[]; points: boolean }>();
  for (const row of rows) {
    if (!row.result || !isBlankCell(row.target)) continue;
    const read = readNumber(row.result.value, row.result.numberFormat);
    if (read.kind !== "number") continue;
    const key = `${row.sheet ?? ""}\u0000${classificationCode(row)?.trim().toUpperCase() ?? indicatorKey(row)}`;
    const column = columns.get(key) ?? { rows: [], readings: [], points: false };
    column.rows.push(row);
    column.readings.push(read.reading);
    if (row.scaleHint === "points") column.points = true;
    columns.set(key, column);
  }
  const found: FractionColumn[] = [];
  for (const column of columns.values()) {
    if (column.points || !areFractions(column.readings)) continue;
    const first = column.rows[0];
    const cells = column.rows.map((r) => r.result?.address).filter((a): a is string => !!a);
    const example = column.readings.find((r) => r.value > 0)!.value;
    const name = classificationCode(first) ?? first.indicator;
    found.push({
      rows: column.rows,
      problem: {
        code: "ambiguousScale",
        sheet: first.sheet,
        ...(cells[0] ? { cell: cells[0] } : {}),
        indicator: first.indicator,
        message: nationalScaleStrings.fractionColumn(
          name,
          cells,
          formatNumber(example, 4),
          formatNumber(example * 100, 2),
        ),
      },
    });
  }
  return found;
}

/**
 * Results that are plain fractions only: every one between 0 and 1, none written as a percentage, some above
 * 0 — on a 0–100 scale they cannot be told from points (see `findFractionColumns`).
 */
export function areFractions(readings: readonly Reading[]): boolean {
  return (
    readings.length > 0 &&
    readings.every((r) => r.scale === "plain" && r.value >= 0 && r.value <= 1) &&
    readings.some((r) => r.value > 0)
  );
}

function isBlankCell(cell: CellInput | undefined): boolean {
  return (
    !cell ||
    cell.value === null ||
    cell.value === undefined ||
    (typeof cell.value === "string" && cell.value.trim() === "")
  );
}

/**
 * A pooled figure's concept from its own result (a *conjunto* of municipalities): A when the pooled result
 * meets the target, and the credit that follows. Classified indicators keep their class.
 */
function conceptFromOwnFigure(i: IndicatorEvaluation, partialShare: number): void {
  if (i.status !== "evaluated" || !i.target || i.result === undefined || i.classification) return;
  const con = concept(i.result, i.target);
  if (con === i.concept) return;
  i.concept = con;
  if (con === "A") delete i.decision;
  i.credit = credit(con, i.decision, partialShare);
}

/** The fraction columns with rows among `rows` (a period's, a team's). */
function columnsAmong(columns: FractionColumn[], rows: RowInput[]): FractionColumn[] {
  if (columns.length === 0) return columns;
  const given = new Set(rows);
  return columns.filter((c) => c.rows.some((r) => given.has(r)));
}

/**
 * Evaluates a contract's rows for one period (or all rows when no period is given). `given`: the rows, or
 * the rows prepared once for the evaluation of several periods (`prepareRows`).
 */
export function evaluateContract(given: RowInput[] | PreparedRows, options: EvaluateOptions = {}): ContractEvaluation {
  const prepared = Array.isArray(given) ? prepareRows(given) : given;
  const rows = prepared.rows;
  const preset = options.preset ?? defaultPreset;
  const method = options.method ?? preset.method;
  const partialShare = options.partialShare ?? DEFAULT_PARTIAL_SHARE;
  const incompleteShare = options.incompleteShare ?? DEFAULT_INCOMPLETE_SHARE;
  const rule = options.rule ?? "periodResult";
  const period = options.period;
  const inPeriod = (r: RowInput) => !period || !r.period || contains(period, r.period);
  // The period's rows, only when columns of fractions need them: never under a contract preset, whose
  // evaluation would otherwise walk every row of the table once more per period.
  let inScope: RowInput[] | undefined;
  const scope = () => (inScope ??= period ? rows.filter(inPeriod) : rows);
  const candidates = options.fractionColumns ?? findFractionColumns(scope(), preset);
  const fractionColumns = candidates.length === 0 ? candidates : columnsAmong(candidates, scope());
  const inFractionColumn = new Set(fractionColumns.flatMap((c) => c.rows));

  // Every row of the table, per indicator, in table order: the units an indicator is kept for come from
  // all its rows, so a unit whose row is missing this period is still expected.
  const read: ReadIndicator[] = [];
  for (const group of prepared.byKey.values()) {
    const tableRows = group.tableRows;
    const selected = period ? tableRows.filter(inPeriod) : tableRows;
    if (selected.length === 0) continue;
    const list = selected.map((row) =>
      readRowShared(row, preset, inFractionColumn.has(row), options.withheld?.has(row) ?? false),
    );
    byPeriodStart(list);
    const owing = (group.owing ??= owingOf(tableRows));
    if (owing.hasUnits)
      for (const r of list) if (isTotalsUnit(r.input.unit, r.input.municipality)) r.excluded = "totals";
    markDuplicates(list);
    read.push({ owing, list });
  }
  const { indicators, grid } = combine(read, preset, partialShare, rule, period);
  if (options.pooled) for (const i of indicators) conceptFromOwnFigure(i, partialShare);
  return conclude(
    indicators,
    grid,
    fractionColumns.map((c) => c.problem),
    { preset, method, incompleteShare, rule, period },
  );
}

/** One indicator's rows read in the period, and what all its rows in the table say about the results it owes. */
interface ReadIndicator {
  owing: Owing;
  list: RowEvaluation[];
}

/**
 * What an indicator's rows in every period say about the results it owes, whatever the period evaluated:
 * whether they name units (its totals rows then stay out of the figure), the kind of period one result
 * covers, and every place (municipality × unit) they name — one nameless place when none.
 */
interface Owing {
  hasUnits: boolean;
  kind: PeriodKind | undefined;
  places: Map<string, string | undefined>;
}

function owingOf(tableRows: RowInput[]): Owing {
  const units = hasUnits(tableRows);
  const municipalities = namesSeveral(tableRows);
  const places = new Map<string, string | undefined>();
  // A row of the same unit and municipality as the row before is that place again (a unit's own rows are
  // all one place): nothing to look up.
  let unit: string | undefined;
  let municipality: string | undefined;
  for (let i = 0; i < tableRows.length; i++) {
    const r = tableRows[i];
    if (i > 0 && r.unit === unit && r.municipality === municipality) continue;
    unit = r.unit;
    municipality = r.municipality;
    if (units && isTotalsUnit(r.unit, r.municipality)) continue;
    const key = placeKey(r);
    if (!places.has(key)) places.set(key, placeName(r, municipalities));
  }
  if (places.size === 0) places.set("", undefined);
  return { hasUnits: units, kind: resultKind(tableRows), places };
}

/**
 * Whether the rows name more than one municipality (names trimmed, blanks ignored). Asked for every
 * indicator of every unit: it stops at the second name, with no list or set of them.
 */
function namesSeveral(rows: RowInput[]): boolean {
  let first: string | undefined;
  for (let i = 0; i < rows.length; i++) {
    const name = rows[i].municipality?.trim();
    if (!name) continue;
    if (first === undefined) first = name;
    else if (name !== first) return true;
  }
  return false;
}

/** Rows per indicator, in the order indicators first appear and rows stand in the table. */
function byIndicator(rows: RowInput[]): Map<string, RowInput[]> {
  const groups = new Map<string, RowInput[]>();
  for (const row of rows) {
    const key = indicatorKey(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** Whether an indicator's rows name units (a totals row is no unit): its totals rows then stay out of the figure. */
function hasUnits(tableRows: RowInput[]): boolean {
  return tableRows.some((r) => r.unit?.trim() && !isTotalsUnit(r.unit, r.municipality));
}

/** Each indicator's period figure from its rows read, and the results the period owes and lacks. */
function combine(
  read: ReadIndicator[],
  preset: Preset,
  partialShare: number,
  rule: ConceptRule,
  period: Period | undefined,
): { indicators: IndicatorEvaluation[]; grid: { expected: number; missing: number; slots: MissingResult[] } } {
  const grid = { expected: 0, missing: 0, slots: [] as MissingResult[] };
  const indicators = read.map(({ owing, list }) => {
    const indicator = aggregateIndicator(list, preset, partialShare, rule);
    if (period) {
      const owed = missingResults(owing, list, indicator, period);
      if (indicator.kind === "desempenho") {
        grid.expected += owed.expected;
        grid.missing += owed.missing.length;
      }
      pushAll(grid.slots, owed.missing);
    }
    return indicator;
  });
  return { indicators, grid };
}

/**
 * Rows (a table's, or one unit's, in every period) grouped by indicator once, for the evaluation of each
 * period (`evaluateContract`, `evaluatePart`): the grouping, and what each indicator's rows owe, do not
 * change from one period to the next. `owing` is worked out on first use.
 */
export interface PreparedRows {
  rows: RowInput[];
  byKey: Map<string, { tableRows: RowInput[]; owing?: Owing }>;
}

export function prepareRows(rows: RowInput[]): PreparedRows {
  const byKey = new Map<string, { tableRows: RowInput[]; owing?: Owing }>();
  for (const [key, tableRows] of byIndicator(rows)) byKey.set(key, { tableRows });
  return { rows, byKey };
}

/**
 * The evaluation of a part of the table (one unit's rows) reusing the rows an evaluation of the whole has
 * read: reading a row is most of the cost, and a row reads the same in the whole and in its unit (its
 * marks, duplicate or totals, concern rows of the same place). `rows` are the part's rows in every period,
 * for the results it owes. Combined as `evaluateContract` combines rows. See `evaluateParts` for many parts.
 */
export function evaluatePart(
  whole: ContractEvaluation,
  rows: RowInput[],
  options: EvaluateOptions = {},
): ContractEvaluation {
  return evaluateParts(whole, prepareParts([rows]), [0], options)[0];
}

/**
 * Parts of a table that share no row (its units), each grouped by indicator, and which part each row
 * belongs to: prepared once for the evaluation of every period (`evaluateParts`).
 */
export interface PreparedParts {
  parts: PreparedRows[];
  partOf: Map<RowInput, number>;
}

export function prepareParts(parts: RowInput[][]): PreparedParts {
  const partOf = new Map<RowInput, number>();
  parts.forEach((rows, index) => {
    for (const row of rows) partOf.set(row, index);
  });
  return { parts: parts.map(prepareRows), partOf };
}

/**
 * `evaluatePart` for the parts `which` (indices into `prepared.parts`), in that order. The whole's rows
 * read are dealt to their parts once — each indicator's rows are in time order already, and stay in it —
 * rather than each part looking up its rows of every period among them.
 */
export function evaluateParts(
  whole: ContractEvaluation,
  prepared: PreparedParts,
  which: readonly number[],
  options: EvaluateOptions = {},
): ContractEvaluation[] {
  const partialShare = options.partialShare ?? DEFAULT_PARTIAL_SHARE;
  const incompleteShare = options.incompleteShare ?? DEFAULT_INCOMPLETE_SHARE;
  const { preset, method, rule, period } = whole;
  const position = new Map<number, number>();
  which.forEach((part, k) => position.set(part, k));
  const reads: ReadIndicator[][] = which.map(() => []);
  for (const ofWhole of whole.indicators) {
    const dealt: (RowEvaluation[] | undefined)[] = new Array(which.length);
    for (const r of ofWhole.rows) {
      const part = prepared.partOf.get(r.input);
      const k = part === undefined ? undefined : position.get(part);
      if (k !== undefined) (dealt[k] ??= []).push(r);
    }
    dealt.forEach((list, k) => {
      const group = list && prepared.parts[which[k]].byKey.get(ofWhole.key);
      if (!list || !group) return;
      group.owing ??= owingOf(group.tableRows);
      reads[k].push({ owing: group.owing, list });
    });
  }
  return reads.map((read) => {
    const { indicators, grid } = combine(read, preset, partialShare, rule, period);
    return conclude(indicators, grid, [], { preset, method, incompleteShare, rule, period });
  });
}

/**
 * Rows in time order. Period starts are ISO dates (YYYY-MM-DD): comparing them as plain strings orders them
 * as localeCompare did, without a collation per comparison; the sort is stable, so table order stays within
 * a month.
 */
function byPeriodStart(list: RowEvaluation[]): void {
  list.sort((a, b) => {
    const x = a.input.period?.start ?? "";
    const y = b.input.period?.start ?? "";
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** From the indicators of a period to the evaluation: overall and per area, completeness, band, pending, problems. */
function conclude(
  indicators: IndicatorEvaluation[],
  grid: { expected: number; missing: number; slots: MissingResult[] },
  problems: LocatedProblem[],
  ctx: { preset: Preset; method: OverallMethod; incompleteShare: number; rule: ConceptRule; period?: Period },
): ContractEvaluation {
  const { preset, method, incompleteShare, rule, period } = ctx;
  const coverage = setCoverage(preset, indicators);
  const overall = summarize(indicators, method, preset.scale, incompleteShare, coverage);
  const completeness: Completeness = {
    expected: grid.expected,
    missing: grid.missing,
    slots: grid.slots,
    incomplete: grid.expected > 0 && grid.missing / grid.expected > incompleteShare,
  };
  if (completeness.incomplete) overall.incomplete = true;
  const areaNames = [...new Set(indicators.map((i) => i.area).filter((a): a is string => !!a))];
  const areas = areaNames.map((area) => ({
    area,
    ...summarize(
      indicators.filter((i) => i.area === area),
      method,
      preset.scale,
      incompleteShare,
    ),
  }));
  for (const i of indicators) for (const r of i.rows) pushAll(problems, r.problems);

  let band: ContractEvaluation["band"];
  if (preset.bands && overall.value !== undefined) {
    const found = findBand(preset.bands, overall.value);
    if (found.kind === "band") band = { band: found.band, rounded: found.rounded, provisional: overall.incomplete };
    else problems.push(found.problem);
  }
  const pending = indicators.filter((i) => i.status === "noData" || i.status === "needsBaseline");
  return {
    period,
    preset,
    method,
    indicators,
    areas,
    overall,
    band,
    ...(coverage ? { coverage } : {}),
    pending,
    completeness,
    rule,
    problems,
  };
}

/**
 * Two rows of one indicator for the same unit and month: with the same result one counts and a note names
 * both cells; with different results neither counts (both become invalid) and a problem names both —
 * averaging them would sign a figure nobody typed.
 */
function markDuplicates(list: RowEvaluation[]): void {
  // Place → month → first row: two maps rather than one key joined from both, which cost a string per row.
  const seen = new Map<string, Map<string, RowEvaluation>>();
  for (const row of list) {
    // Blank and unreadable rows are pending or reported already; rows withheld by the caller (the same
    // result in two files) carry their own problem.
    if (row.excluded || !row.input.period || row.status === "noData" || row.status === "invalid") continue;
    // Rows that name no place are told apart by their sheet (one sheet per municipality, unnamed).
    const place = placeKey(row.input) || `sheet:${row.input.sheet ?? ""}`;
    let ofPlace = seen.get(place);
    if (!ofPlace) seen.set(place, (ofPlace = new Map()));
    const earlier = ofPlace.get(row.input.period.label);
    if (!earlier) {
      ofPlace.set(row.input.period.label, row);
      continue;
    }
    const where = (r: RowEvaluation) => cellName(r.input, r.input.result ?? r.input.numerator);
    const what = [row.input.code, row.input.indicator].filter(Boolean).join(" ");
    const month = formatPeriodPtBR(row.input.period);
    const same =
      earlier.status === "evaluated" && row.status === "evaluated" && nearlyEqual(earlier.result!, row.result!);
    if (same) {
      row.excluded = "duplicate";
      addRowProblem(row, {
        ...locate(row.input, row.input.result, {
          code: "duplicate",
          message: messages.duplicateSame(what, placeName(row.input, true), month, where(earlier), where(row)),
        }),
        severity: "note",
      });
      continue;
    }
    const message = messages.duplicateDifferent(what, placeName(row.input, true), month, where(earlier), where(row));
    for (const r of [earlier, row]) {
      if (r.status === "evaluated") {
        r.status = "invalid";
        delete r.attainment;
        delete r.concept;
      }
    }
    addRowProblem(row, locate(row.input, row.input.result, { code: "duplicate", message }));
  }
}

/** `Planilha!D7`, or the sheet alone when the cell has no address. */
function cellName(row: RowInput, cell: CellInput | undefined): string {
  const sheet = cell?.sheet ?? row.sheet;
  if (!cell?.address) return sheet ?? "";
  return sheet ? `${sheet}!${cell.address}` : cell.address;
}

/**
 * The results one indicator owes the period — one per unit (every unit its rows name, in any period) and
 * per month (or per period of its periodicity) — and the ones it does not have: a blank result, a missing
 * row, or only unusable rows.
 */
const NO_ROWS: readonly RowEvaluation[] = Object.freeze([]);

function missingResults(
  owing: Owing,
  list: RowEvaluation[],
  indicator: IndicatorEvaluation,
  period: Period,
): { expected: number; missing: MissingResult[] } {
  const firstDated = list.find((r) => r.input.period);
  if (!firstDated) return { expected: 0, missing: [] };
  const kind = owing.kind;
  if (!kind) return { expected: 0, missing: [] };
  const expectedSlots = slotsIn(period, kind);
  const units = owing.places;
  const missing: MissingResult[] = [];
  const scored = indicator.kind === "desempenho";
  // Rows by unit once: a regional table has thousands of units. When the indicator's rows name one place
  // (a unit's own rows), every row that counts is of that place: no key to work out per row.
  const onlyPlace = units.size === 1 ? units.keys().next().value : undefined;
  const byUnit = new Map<string, RowEvaluation[]>();
  // Indexed loops here: this runs for every indicator of every unit, and `for…of` made an iterator result
  // per step before the function was optimised (a fifth of the pipeline's garbage at 100k rows).
  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    if (!r.input.period || r.excluded === "totals") continue;
    const key = onlyPlace ?? placeKey(r.input);
    const found = byUnit.get(key);
    if (found) found.push(r);
    else byUnit.set(key, [r]);
  }
  units.forEach((unit, key) => {
    const ofUnit = byUnit.get(key) ?? NO_ROWS;
    for (let s = 0; s < expectedSlots.length; s++) {
      const slot = expectedSlots[s];
      // The unit's rows of the slot (or covering it): one that counts settles it; else its first blank, or
      // its first unusable row, says why it is missing.
      let counts = false;
      let blank: RowEvaluation | undefined;
      let invalid: RowEvaluation | undefined;
      for (let i = 0; i < ofUnit.length; i++) {
        const r = ofUnit[i];
        if (!contains(slot, r.input.period!) && !contains(r.input.period!, slot)) continue;
        if (r.status === "evaluated" || r.status === "needsBaseline") {
          counts = true;
          break;
        }
        if (r.status === "noData") blank ??= r;
        else invalid ??= r;
      }
      if (counts) continue;
      // Key by key, not spread together (NO_SPREAD_NOTE): a table with many blanks owes thousands of these.
      const slotMissing = { indicator: indicator.indicator } as MissingResult;
      if (indicator.code) slotMissing.code = indicator.code;
      if (unit) slotMissing.unit = unit;
      slotMissing.period = slot;
      slotMissing.scored = scored;
      const row = blank ?? invalid;
      if (row) {
        const cell = row.input.result ?? row.input.numerator;
        slotMissing.state = blank ? "blank" : "invalid";
        const sheet = cell?.sheet ?? row.input.sheet;
        if (sheet) slotMissing.sheet = sheet;
        if (cell?.address) slotMissing.cell = cell.address;
      } else {
        slotMissing.state = "missingRow";
        if (firstDated.input.sheet) slotMissing.sheet = firstDated.input.sheet;
      }
      missing.push(slotMissing);
    }
  });
  return { expected: expectedSlots.length * units.size, missing };
}

/**
 * The slots a period holds (`slotsOf`), worked out once per period and kind: every indicator of every unit
 * asks for them. The list and its periods are shared, never changed.
 */
function slotsIn(period: Period, kind: PeriodKind): readonly Period[] {
  const key = `${period.start}/${period.end}/${kind}`;
  let found = slotCache.get(key);
  if (!found) {
    found = Object.freeze(slotsOf(period, kind));
    if (slotCache.size >= 256) slotCache.clear();
    slotCache.set(key, found);
  }
  return found;
}

const slotCache = new Map<string, readonly Period[]>();
