/**
 * Band tables: the recommendation bands of a contract and the classification tables of the presets.
 * A table is data (see `BandTable`); this module checks that a table is sound, finds the band of a value,
 * and builds a table from the lower bounds people type in a workbook. Nothing here throws on user data.
 */
import { formatNumber, messages } from "./messages";
import type { Band, BandTable, Bound, Interval, Problem } from "./types";
import { pushAll } from "./arrays";

/** The outcome of looking a value up in a band table. `rounded` is the value actually looked up. */
export type BandLookup = { kind: "band"; band: Band; rounded: number } | { kind: "invalid"; problem: Problem };

/** One row of a table typed as lower bounds: the band starts at `lower` (inclusive). */
export interface LowerBoundRow {
  lower: number;
  label: string;
  recommendation?: string;
  color?: string;
  factor?: number;
}

/** The outcome of building a band table from lower bounds. */
export type BandTableOutcome = { kind: "table"; table: BandTable } | { kind: "invalid"; problems: Problem[] };

/** The most decimals a table may round to (beyond that, doubles cannot hold the digits reliably). */
const MAX_DECIMALS = 10;

/** A fill colour as the `Band` type documents it: `#RRGGBB`. */
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

function problem(code: Problem["code"], message: string): Problem {
  return { code, message };
}

/** The name a message uses for a band: its label, or its position when the label is blank. */
function bandName(band: Band, index: number): string {
  const label = typeof band.label === "string" ? band.label.trim() : "";
  return label !== "" ? label : messages.bandDefaultLabel(band.number ?? index + 1);
}

/**
 * Intervals as the sources write them: `> 50 e ≤ 70`, `≤ 10 ou > 70`, `≥ 5 e ≤ 7,5`. An end on the edge of
 * the table's `domain` that the interval includes says nothing and is left out (`≤ 25` on a 0–100 table); an
 * interval with neither end left is the whole domain, written from one edge to the other. The text reads back
 * with `parseIntervalText` to the same intervals, up to the ends left out.
 */
export function describeIntervals(intervals: readonly Interval[], domain?: { min: number; max: number }): string {
  const num = (v: number) => formatNumber(v, 10);
  return intervals
    .map((interval) => {
      const { lower, upper } = interval;
      if (lower && upper && lower.inclusive && upper.inclusive && lower.value === upper.value) return num(lower.value);
      const parts: string[] = [];
      if (lower && !(domain && lower.inclusive && lower.value <= domain.min))
        parts.push(`${lower.inclusive ? "≥" : ">"} ${num(lower.value)}`);
      if (upper && !(domain && upper.inclusive && upper.value >= domain.max))
        parts.push(`${upper.inclusive ? "≤" : "<"} ${num(upper.value)}`);
      if (parts.length === 0) return domain ? `≥ ${num(domain.min)} e ≤ ${num(domain.max)}` : "";
      return parts.join(" e ");
    })
    .filter((t) => t !== "")
    .join(" ou ");
}

/**
 * True when `value` lies in `interval`, honouring inclusive and exclusive ends; a missing end is unbounded.
 * NaN is in no interval.
 *
 * @example inInterval(70, { lower: { value: 50, inclusive: false }, upper: { value: 70, inclusive: true } }) // true
 */
export function inInterval(value: number, interval: Interval): boolean {
  if (Number.isNaN(value)) return false;
  const { lower, upper } = interval;
  if (lower && !(lower.inclusive ? value >= lower.value : value > lower.value)) return false;
  if (upper && !(upper.inclusive ? value <= upper.value : value < upper.value)) return false;
  return true;
}

/**
 * Rounds half away from zero to `decimals` decimals (`69.95` → `70`, `-0.05` → `-0.1`).
 * The scaled value is first cut to 15 significant digits, so that a value typed as `69.95` (held as
 * 69.9499999…) rounds as written. Returns `-0` as `0`; NaN and infinities come back unchanged.
 */
export function roundToDecimals(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
  return rounded + 0; // turns -0 into 0
}

function decimalsAreValid(decimals: number | undefined): boolean {
  return decimals === undefined || (Number.isInteger(decimals) && decimals >= 0 && decimals <= MAX_DECIMALS);
}

/** A band interval cut to the domain, with both ends finite. */
interface Piece {
  bandIndex: number;
  lower: Bound;
  upper: Bound;
}

/** Cuts an interval to the domain [min, max]; undefined when nothing of it is left. */
function clipToDomain(interval: Interval, min: number, max: number): { lower: Bound; upper: Bound } | undefined {
  const lower: Bound =
    !interval.lower || interval.lower.value < min
      ? { value: min, inclusive: true }
      : interval.lower.value === min
        ? { value: min, inclusive: interval.lower.inclusive }
        : interval.lower;
  const upper: Bound =
    !interval.upper || interval.upper.value > max
      ? { value: max, inclusive: true }
      : interval.upper.value === max
        ? { value: max, inclusive: interval.upper.inclusive }
        : interval.upper;
  return isEmpty(lower, upper) ? undefined : { lower, upper };
}

function isEmpty(lower: Bound, upper: Bound): boolean {
  return lower.value > upper.value || (lower.value === upper.value && !(lower.inclusive && upper.inclusive));
}

/** Orders lower ends: smaller value first; at the same value, inclusive (which starts earlier) first. */
function compareLower(a: Bound, b: Bound): number {
  if (a.value !== b.value) return a.value - b.value;
  return a.inclusive === b.inclusive ? 0 : a.inclusive ? -1 : 1;
}

/** True when upper end `a` reaches further right than upper end `b`. */
function upperBeyond(a: Bound, b: Bound): boolean {
  return a.value > b.value || (a.value === b.value && a.inclusive && !b.inclusive);
}

/** Checks each band on its own: intervals present, numbers finite, ends in order, colour and factor. */
function bandProblems(band: Band, index: number): Problem[] {
  const name = bandName(band, index);
  const found: Problem[] = [];
  const intervals = Array.isArray(band.intervals) ? band.intervals : [];
  if (intervals.length === 0) found.push(problem("invalidBandTable", messages.bandWithoutIntervals(name)));
  for (const interval of intervals) {
    const { lower, upper } = interval;
    if ((lower && !Number.isFinite(lower.value)) || (upper && !Number.isFinite(upper.value))) {
      found.push(problem("invalidBandTable", messages.bandBoundNotANumber(name)));
    } else if (lower && upper && lower.value > upper.value) {
      found.push(problem("invalidBandTable", messages.bandLowerAboveUpper(name, lower.value, upper.value)));
    } else if (lower && upper && lower.value === upper.value && !(lower.inclusive && upper.inclusive)) {
      found.push(problem("invalidBandTable", messages.bandEmptyInterval(name, lower.value)));
    }
  }
  if (band.color !== undefined && !HEX_COLOR.test(band.color)) {
    found.push(problem("invalidBandTable", messages.bandColorInvalid(name, String(band.color))));
  }
  if (band.factor !== undefined && !Number.isFinite(band.factor)) {
    found.push(problem("invalidBandTable", messages.bandFactorInvalid(name)));
  }
  return found;
}

/**
 * Checks a band table and returns what is wrong with it, in pt-BR (code `invalidBandTable`); an empty list
 * means the table is sound. A sound table has at least one band; every interval has its lower end at most
 * its upper end (both inclusive when they are equal); and together the intervals of all bands put every
 * value of the domain [min, max] (both inclusive) in exactly one interval: no gap, no overlap, down to a
 * single shared end (`≤ 70` then `> 70` is sound; `< 70` then `> 70` leaves 70 out; `≤ 70` then `≥ 70`
 * puts 70 in both). Parts of intervals beyond the domain are allowed and ignored (`≤ 25` on a 0–100 table).
 */
export function validateBandTable(table: BandTable): Problem[] {
  const bands = Array.isArray(table.bands) ? table.bands : [];
  if (bands.length === 0) return [problem("invalidBandTable", messages.bandTableEmpty)];
  const found: Problem[] = [];
  const { min, max } = table.domain ?? { min: NaN, max: NaN };
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
    return [problem("invalidBandTable", messages.bandDomainInvalid(min, max))];
  }
  if (!decimalsAreValid(table.decimals)) {
    found.push(problem("invalidBandTable", messages.bandDecimalsInvalid(table.decimals as number)));
  }

  const perBand = bands.map(bandProblems);
  perBand.forEach((list) => pushAll(found, list));

  // Coverage is checked on the well-formed intervals only, cut to the domain.
  const pieces: Piece[] = [];
  bands.forEach((band, bandIndex) => {
    if (perBand[bandIndex].length > 0) return;
    const clipped = band.intervals
      .map((interval) => clipToDomain(interval, min, max))
      .filter((piece) => piece !== undefined);
    if (clipped.length === 0) {
      found.push(problem("invalidBandTable", messages.bandOutsideDomain(bandName(band, bandIndex), min, max)));
    }
    clipped.forEach((piece) => pieces.push({ bandIndex, ...piece }));
  });
  if (perBand.some((list) => list.length > 0)) return found; // gaps would only repeat the problems above

  // Sweep from min to max. `covered` is the upper end of what the intervals seen so far cover; it starts
  // just below min (min itself not yet covered). Each interval, in order of its lower end, must start
  // exactly where coverage stops: later leaves a gap, earlier overlaps the band that reached furthest.
  pieces.sort((a, b) => compareLower(a.lower, b.lower) || a.bandIndex - b.bandIndex);
  let covered: Bound = { value: min, inclusive: false };
  let coveringBand = -1;
  for (const piece of pieces) {
    const { lower, upper } = piece;
    if (lower.value > covered.value) {
      found.push(problem("invalidBandTable", messages.bandsGap(covered.value, lower.value)));
    } else if (lower.value === covered.value && !lower.inclusive && !covered.inclusive) {
      found.push(problem("invalidBandTable", messages.bandsPointGap(lower.value)));
    } else if (lower.value < covered.value || (lower.inclusive && covered.inclusive)) {
      const to = Math.min(upper.value, covered.value);
      const message =
        coveringBand === piece.bandIndex
          ? messages.bandOverlapsItself(bandName(bands[piece.bandIndex], piece.bandIndex), lower.value, to)
          : messages.bandsOverlap(
              bandName(bands[coveringBand], coveringBand),
              bandName(bands[piece.bandIndex], piece.bandIndex),
              lower.value,
              to,
            );
      found.push(problem("invalidBandTable", message));
    }
    if (upperBeyond(upper, covered)) {
      covered = upper;
      coveringBand = piece.bandIndex;
    }
  }
  if (covered.value < max) {
    found.push(problem("invalidBandTable", messages.bandsGap(covered.value, max)));
  } else if (!covered.inclusive) {
    found.push(problem("invalidBandTable", messages.bandsPointGap(max)));
  }
  return found;
}

/**
 * Finds the band of `value`. When the table sets `decimals`, the value is first rounded to that many
 * decimals, half away from zero (`79.95` → `80.0`), and the rounded value is what is compared and returned
 * as `rounded`. A value that is NaN, infinite or (after rounding) outside the domain gives an
 * `outOfDomain` problem. Tables are meant to be checked once with `validateBandTable`; should an unchecked
 * table leave the value in no band or in two, the answer is an `invalidBandTable` problem. Never throws.
 */
export function findBand(table: BandTable, value: number): BandLookup {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return { kind: "invalid", problem: problem("outOfDomain", messages.bandValueNotFinite) };
  }
  if (!decimalsAreValid(table.decimals)) {
    return {
      kind: "invalid",
      problem: problem("invalidBandTable", messages.bandDecimalsInvalid(table.decimals as number)),
    };
  }
  const rounded = table.decimals === undefined ? value + 0 : roundToDecimals(value, table.decimals);
  const { min, max } = table.domain ?? { min: NaN, max: NaN };
  if (!(rounded >= min && rounded <= max)) {
    return { kind: "invalid", problem: problem("outOfDomain", messages.bandValueOutOfDomain(rounded, min, max)) };
  }
  const bands = Array.isArray(table.bands) ? table.bands : [];
  const matches = bands
    .map((band, index) => ({ band, index }))
    .filter(
      ({ band }) => Array.isArray(band.intervals) && band.intervals.some((interval) => inInterval(rounded, interval)),
    );
  if (matches.length === 0) {
    return { kind: "invalid", problem: problem("invalidBandTable", messages.bandsPointGap(rounded)) };
  }
  if (matches.length > 1) {
    const [first, second] = matches;
    return {
      kind: "invalid",
      problem: problem(
        "invalidBandTable",
        messages.bandValueInSeveralBands(
          rounded,
          bandName(first.band, first.index),
          bandName(second.band, second.index),
        ),
      ),
    };
  }
  return { kind: "band", band: matches[0].band, rounded };
}

/**
 * Builds a band table from rows typed as lower bounds, in any order: each band runs from its lower bound
 * (inclusive) up to the next higher lower bound (exclusive); the top band runs up to `domain.max`
 * (inclusive), so a top lower bound equal to the maximum makes a one-value band (`= 100%`). Bands are
 * numbered from the best, as the sources do: the highest lower bound is band 1, and the table lists bands
 * in that order. A blank label becomes "Faixa N". The rows must start at `domain.min`, have distinct lower
 * bounds, and lie within the domain; the built table is then checked with `validateBandTable`.
 *
 * @example bandTableFromLowerBounds([{ lower: 0, label: "Baixo" }, { lower: 50, label: "Alto" }], { min: 0, max: 100 })
 * // Alto = [50, 100] (band 1), Baixo = [0, 50) (band 2)
 */
export function bandTableFromLowerBounds(
  rows: LowerBoundRow[],
  domain: { min: number; max: number },
  options: { id?: string; name?: string; decimals?: number } = {},
): BandTableOutcome {
  const invalid = (problems: Problem[]): BandTableOutcome => ({ kind: "invalid", problems });
  if (!Array.isArray(rows) || rows.length === 0) return invalid([problem("invalidBandTable", messages.bandTableEmpty)]);
  const { min, max } = domain;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
    return invalid([problem("invalidBandTable", messages.bandDomainInvalid(min, max))]);
  }

  // Highest lower bound first: that order gives the band numbers.
  const sorted = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const byLower = b.row.lower - a.row.lower;
      return Number.isNaN(byLower) ? 0 : byLower || a.index - b.index;
    });
  const nameOf = (row: LowerBoundRow, position: number): string => {
    const label = typeof row.label === "string" ? row.label.trim() : "";
    return label !== "" ? label : messages.bandDefaultLabel(position + 1);
  };

  const found: Problem[] = [];
  sorted.forEach(({ row }, position) => {
    const name = nameOf(row, position);
    if (typeof row.lower !== "number" || !Number.isFinite(row.lower)) {
      found.push(problem("invalidBandTable", messages.bandLowerNotANumber(name)));
    } else if (row.lower < min || row.lower > max) {
      found.push(problem("invalidBandTable", messages.bandLowerOutsideDomain(name, row.lower, min, max)));
    }
  });
  const numeric = sorted.filter(({ row }) => typeof row.lower === "number" && Number.isFinite(row.lower));
  for (let i = 1; i < numeric.length; i++) {
    if (numeric[i].row.lower === numeric[i - 1].row.lower) {
      found.push(
        problem(
          "invalidBandTable",
          messages.bandDuplicateLower(
            nameOf(numeric[i - 1].row, sorted.indexOf(numeric[i - 1])),
            nameOf(numeric[i].row, sorted.indexOf(numeric[i])),
            numeric[i].row.lower,
          ),
        ),
      );
    }
  }
  const lowest = numeric.length > 0 ? numeric[numeric.length - 1].row.lower : undefined;
  if (lowest !== undefined && lowest > min && lowest <= max) {
    found.push(problem("invalidBandTable", messages.bandLowestNotMin(lowest, min)));
  }
  if (found.length > 0) return invalid(found);

  const bands: Band[] = sorted.map(({ row }, position) => {
    const upper: Bound =
      position === 0 ? { value: max, inclusive: true } : { value: sorted[position - 1].row.lower, inclusive: false };
    return {
      number: position + 1,
      label: nameOf(row, position),
      intervals: [{ lower: { value: row.lower + 0, inclusive: true }, upper }],
      ...(row.recommendation !== undefined ? { recommendation: row.recommendation } : {}),
      ...(row.color !== undefined ? { color: row.color } : {}),
      ...(row.factor !== undefined ? { factor: row.factor } : {}),
    };
  });
  const table: BandTable = {
    id: options.id ?? "personalizada",
    name: options.name ?? messages.bandCustomTableName,
    domain: { min, max },
    ...(options.decimals !== undefined ? { decimals: options.decimals } : {}),
    bands,
  };
  const problems = validateBandTable(table);
  return problems.length > 0 ? invalid(problems) : { kind: "table", table };
}
