/**
 * Several periods of one contract, side by side: which evaluations belong to a year, the trend of a series
 * of attainments, the year's overall figure, and which indicators to propose for revision. Pure; used by the
 * quarterly communiqué (./communique) and the annual / final report (./annual).
 *
 * Definitions (also printed on the annual sheet, so whoever reads it can check them):
 *
 * - **Trend** of a series of attainments (fractions) over the periods of a report: the least-squares slope of
 *   the attainment against the period's position in the report (0, 1, 2, …: one step per period shown), in
 *   percentage points per period. At least +2 pp per period is *melhorando*, at most −2 pp is *piorando*,
 *   anything between is *estável*. With fewer than two periods with data there is no trend. The series is
 *   the **scored** attainment (capped at 100%), the figure the reports show: an indicator above its target
 *   in every period is stable at 100%, however far above.
 * - **Year's overall figure**: the arithmetic mean of the overall attainment of the year's periods (those
 *   with a computed figure), banded with the preset's bands like a period's. Not a re-evaluation of the
 *   year's rows: a year evaluated as one period would make an indicator A only when every month of the
 *   year met its target and would ignore the commission's quarterly decisions on justifications, so the
 *   year would read worse than every one of its quarters. The mean keeps the year consistent with what the
 *   commission communicated each quarter.
 * - **Indicators to revise** (Cajamar decree of 2011, art. 5 IV and art. 11 II–III), among performance indicators scored
 *   by ratio to a target, over the periods considered (at least two, the indicator evaluated in every one):
 *   *met by a wide margin* — concept A in every period and raw attainment of at least 120% in every period
 *   (result at least 20% beyond the target, in the target's direction; targets of direction *at least* or
 *   *at most* only): the target may be too easy; *never met* — concept B in every period (justified or
 *   not): the target, the data or the conditions of execution need review; and, asked for by the proposal of
 *   an additive term (art. 11 V: conditions that may affect the contract's execution), *without data in most
 *   periods* — no evaluable result (no row, blank, invalid, or a target waiting for its baseline) in more than
 *   half of the periods considered: an indicator the contract cannot measure as agreed.
 */
import { findBand } from "../../../core/bands";
import type { ContractEvaluation, IndicatorEvaluation } from "../../../core/evaluate";
import { contains, makePeriod } from "../../../core/periods";
import type { Band, Period } from "../../../core/types";

/** Trend threshold: 2 percentage points per period, as a fraction. */
export const TREND_THRESHOLD = 0.02;
/** Raw attainment from which a target counts as met by a wide margin (120%). */
export const WIDE_MARGIN = 1.2;
/** Periods needed before indicators are proposed for revision. */
export const MIN_PERIODS_FOR_REVISION = 2;

export type TrendDirection = "improving" | "stable" | "worsening";

export interface Trend {
  direction: TrendDirection;
  /** Least-squares slope, as a fraction per period (0,05 = +5 pp per period). */
  slope: number;
  /** Periods with data the slope was fitted on. */
  points: number;
}

/**
 * The least-squares slope of `values` against their positions 0, 1, 2, …; `null` entries (no data) are left
 * out but keep their position. Undefined with fewer than two values.
 */
export function leastSquaresSlope(values: (number | null | undefined)[]): number | undefined {
  const points = values.flatMap((y, x) => (typeof y === "number" && Number.isFinite(y) ? [{ x, y }] : []));
  if (points.length < 2) return undefined;
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx === 0 ? undefined : sxy / sxx;
}

/** The trend of a series of attainments (fractions), by {@link TREND_THRESHOLD}; undefined with < 2 values. */
export function trendOf(values: (number | null | undefined)[]): Trend | undefined {
  const slope = leastSquaresSlope(values);
  if (slope === undefined) return undefined;
  // Round away floating-point noise before comparing with the threshold (2 pp exactly is a trend).
  const pp = Math.round(slope * 1e9) / 1e9;
  const direction: TrendDirection =
    pp >= TREND_THRESHOLD ? "improving" : pp <= -TREND_THRESHOLD ? "worsening" : "stable";
  return { direction, slope, points: values.filter((v) => typeof v === "number" && Number.isFinite(v)).length };
}

/** The calendar year a period lies in, or undefined when it spans two years. */
export function yearOf(period: Period | undefined): number | undefined {
  if (!period) return undefined;
  if (period.year !== undefined && period.kind !== "range") return period.year;
  const start = Number(period.start.slice(0, 4));
  const end = Number(period.end.slice(0, 4));
  return start === end ? start : undefined;
}

/** Whether a period ends on 31 December (the last quarter, four-month period or semester of a year). */
export function endsYear(period: Period | undefined): boolean {
  return !!period && period.kind !== "year" && period.end.slice(5) === "12-31";
}

/** The evaluations whose period lies within `year`, in time order. */
export function evaluationsOfYear<T extends ContractEvaluation>(evaluations: T[], year: number): T[] {
  const whole = makePeriod("year", year);
  return evaluations.filter((ev) => ev.period && contains(whole, ev.period)).sort(byPeriod);
}

/** Orders evaluations by their period's start, then end. */
export function byPeriod(a: ContractEvaluation, b: ContractEvaluation): number {
  const x = a.period;
  const y = b.period;
  if (!x || !y) return x ? 1 : y ? -1 : 0;
  return x.start !== y.start ? (x.start < y.start ? -1 : 1) : x.end < y.end ? -1 : x.end > y.end ? 1 : 0;
}

/**
 * The periods of the same year as `current`, up to and including it, in time order: the history a
 * communiqué looks at. Later periods are left out (a communiqué of the 1st quarter is written before the
 * 2nd exists), and so are periods of other years.
 */
export function historyFor<T extends ContractEvaluation>(current: T, all: T[]): T[] {
  const year = yearOf(current.period);
  if (year === undefined || !current.period) return [current];
  const end = current.period.end;
  const same = evaluationsOfYear(all, year).filter(
    (ev) => ev !== current && ev.period!.label !== current.period!.label && ev.period!.end <= end,
  );
  return [...same, current].sort(byPeriod);
}

/** The figure an overall result is shown and banded on: percentage points (0–100) or a note (0–10). */
export function overallValue(ev: ContractEvaluation): number | undefined {
  return ev.overall.value;
}

export interface CombinedOverall {
  /** Mean of the periods' overall values, on the preset's scale (0–100 or 0–10); undefined when none has one. */
  value?: number;
  /** The same as a fraction (value ÷ scale). */
  attainment?: number;
  /** Periods whose figure entered the mean, and all periods. */
  counted: number;
  periods: number;
  band?: { band: Band; rounded: number };
}

/** The overall figure of several periods: the mean of their overall values (see the module comment). */
export function combinedOverall(evaluations: ContractEvaluation[]): CombinedOverall {
  const values = evaluations.map(overallValue).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const out: CombinedOverall = { counted: values.length, periods: evaluations.length };
  if (values.length === 0) return out;
  const preset = evaluations[evaluations.length - 1].preset;
  out.value = values.reduce((s, v) => s + v, 0) / values.length;
  out.attainment = out.value / preset.scale;
  if (preset.bands) {
    const found = findBand(preset.bands, out.value);
    if (found.kind === "band") out.band = { band: found.band, rounded: found.rounded };
  }
  return out;
}

/** What an indicator shows in a series: its scored attainment, or a classifying preset's factor (both 0–1). */
export function seriesValue(i: IndicatorEvaluation | undefined): number | undefined {
  if (!i || i.status !== "evaluated") return undefined;
  if (i.attainment) return i.attainment.scored;
  return i.classification ? i.score : undefined;
}

/** One indicator across periods: its evaluation in each (undefined where a period lacks it). */
export interface IndicatorSeries {
  key: string;
  code?: string;
  indicator: string;
  area?: string;
  kind: IndicatorEvaluation["kind"];
  byPeriod: (IndicatorEvaluation | undefined)[];
}

/** The indicators of several evaluations, in the order they first appear, each with one entry per period. */
export function indicatorSeries(evaluations: ContractEvaluation[]): IndicatorSeries[] {
  const out = new Map<string, IndicatorSeries>();
  evaluations.forEach((ev, p) => {
    for (const i of ev.indicators) {
      let s = out.get(i.key);
      if (!s) {
        s = {
          key: i.key,
          code: i.code,
          indicator: i.indicator,
          area: i.area,
          kind: i.kind,
          byPeriod: evaluations.map(() => undefined),
        };
        out.set(i.key, s);
      }
      s.byPeriod[p] = i;
      // The latest period's kind decides (an indicator moved to monitoring mid-year is shown as such).
      s.kind = i.kind;
    }
  });
  return [...out.values()];
}

export type RevisionReason = "wideMargin" | "neverMet" | "mostlyNoData";

/** An indicator proposed for revision, with the figures that justify it. */
export interface RevisionSuggestion {
  key: string;
  code?: string;
  indicator: string;
  reason: RevisionReason;
  /** Labels of the periods considered. */
  periods: string[];
  /** Lowest and highest attainment over those periods: raw for a wide margin, scored for never met; for mostly no data, over the periods with data (0 when none). */
  min: number;
  max: number;
  /** Mostly no data: the labels of the periods without an evaluable result. */
  withoutData?: string[];
}

export interface RevisionOptions {
  /** Also the indicators without data in most periods (the additive term's third reason). */
  withoutData?: boolean;
}

/**
 * Performance indicators met by a wide margin in every period, or never met (see the module comment).
 * Needs at least {@link MIN_PERIODS_FOR_REVISION} periods; the indicator must be evaluated in all of them.
 */
export function revisionSuggestions(
  evaluations: ContractEvaluation[],
  options: RevisionOptions = {},
): RevisionSuggestion[] {
  if (evaluations.length < MIN_PERIODS_FOR_REVISION) return [];
  const labels = evaluations.map((ev) => ev.period?.label ?? "");
  const out: RevisionSuggestion[] = [];
  for (const s of indicatorSeries(evaluations)) {
    if (s.kind !== "desempenho") continue;
    const all = s.byPeriod;
    if (options.withoutData) {
      const missing = labels.filter((_, p) => all[p]?.status !== "evaluated");
      // More than half: 3 of 4 quarters, 2 of 3; never 2 of 4.
      if (missing.length * 2 > labels.length) {
        const seen = all.flatMap((i) => (i?.status === "evaluated" && i.attainment ? [i.attainment.scored] : []));
        const base = { key: s.key, ...(s.code ? { code: s.code } : {}), indicator: s.indicator, periods: labels };
        out.push({
          ...base,
          reason: "mostlyNoData",
          min: seen.length ? Math.min(...seen) : 0,
          max: seen.length ? Math.max(...seen) : 0,
          withoutData: missing,
        });
        continue;
      }
    }
    if (
      !all.every(
        (i): i is IndicatorEvaluation =>
          !!i && i.status === "evaluated" && !!i.attainment && !!i.concept && !i.classification,
      )
    )
      continue;
    const base = { key: s.key, ...(s.code ? { code: s.code } : {}), indicator: s.indicator, periods: labels };
    const directional = all.every((i) => i.target?.direction === "atLeast" || i.target?.direction === "atMost");
    const raw = all.map((i) => i.attainment!.raw);
    if (directional && all.every((i) => i.concept === "A") && raw.every((r) => r >= WIDE_MARGIN - 1e-9)) {
      out.push({ ...base, reason: "wideMargin", min: Math.min(...raw), max: Math.max(...raw) });
      continue;
    }
    if (all.every((i) => i.concept === "B")) {
      const scored = all.map((i) => i.attainment!.scored);
      out.push({ ...base, reason: "neverMet", min: Math.min(...scored), max: Math.max(...scored) });
    }
  }
  return out;
}
