/**
 * What an indicator table owes a period, and what it holds twice or cannot hold at all:
 * - totals rows (a unit named "Total", "Município", "Geral" or the municipality itself): shown, never a
 *   unit of their own and never pooled with the units;
 * - duplicates: two rows for the same indicator, unit and month;
 * - the expected grid: each indicator (× unit) owes one result per month of the period (or per bimester,
 *   quarter… when its periodicity says so); a blank result or a missing row is pending, never absorbed
 *   into an average of the months that are there;
 * - implausible results: a value that cannot be true for its unit.
 * Pure functions of rows and periods.
 */
import { normalizeText, PairMemo, parsePeriodicity } from "./parse";
import { compare, contains, monthsOf, periodOf } from "./periods";
import type { CellValue, Period, PeriodKind } from "./types";

/** Unit names that mean "all units together" rather than one unit (compared without case or accents). */
const TOTALS_NAMES = new Set([
  "total",
  "totais",
  "total geral",
  "geral",
  "municipio",
  "total do municipio",
  "todas",
  "todas as unidades",
  "consolidado",
]);

/** True when a row's unit is a totals row: a totals word, or the name of the row's own municipality. */
export function isTotalsUnit(unit: string | undefined, municipality?: string): boolean {
  if (!unit) return false;
  // Asked for every row of every evaluation (each period, each unit): a table names a few hundred places.
  return totalsUnits.get(unit, municipality ?? "");
}

const totalsUnits = new PairMemo((unit: string, municipality: string): boolean => {
  const n = normalizeText(unit);
  if (!n) return false;
  if (TOTALS_NAMES.has(n)) return true;
  return !!municipality && normalizeText(municipality) === n;
});

/**
 * Where a row's result was measured, as a key: its municipality and its unit, compared without case or
 * accents ("UBS  Centro" and "ubs centro" are one unit; "ESF 01" of two municipalities are two). A totals
 * unit counts as no unit. "" for a row that names neither.
 */
export function placeKey(row: { unit?: string; municipality?: string }): string {
  // Remembered per place: the same key object for every row of a place is also cheaper to look up in a map.
  return placeKeys.get(row.unit ?? "", row.municipality ?? "");
}

const placeKeys = new PairMemo((unitText: string, municipalityText: string): string => {
  const unit = unitText && !isTotalsUnit(unitText, municipalityText) ? normalizeText(unitText) : "";
  const municipality = municipalityText ? normalizeText(municipalityText) : "";
  return municipality || unit ? `${municipality}\u0000${unit}` : "";
});

/** The place as people read it: "UBS Jardim", "Lavras", "Lavras, UBS Centro". */
export function placeName(
  row: { unit?: string; municipality?: string },
  withMunicipality: boolean,
): string | undefined {
  const unit = row.unit && !isTotalsUnit(row.unit, row.municipality) ? row.unit.trim() : undefined;
  const municipality = withMunicipality ? row.municipality?.trim() : undefined;
  return [municipality, unit].filter(Boolean).join(", ") || undefined;
}

/**
 * A result that cannot be true: not finite; a percentage above 1000% (coverages and count ratios may pass
 * 100%, never tenfold); a count above one billion (no municipality counts that many of anything).
 * `percent`: the result is a fraction of a percentage target (75% is 0,75).
 */
export function isImplausible(result: number, percent: boolean): boolean {
  if (!Number.isFinite(result)) return true;
  return percent ? Math.abs(result) > 10 : Math.abs(result) > 1e9;
}

/** The periods of `kind` that lie wholly inside `period`, in order (none when a `kind` period is longer). */
export function slotsOf(period: Period, kind: PeriodKind): Period[] {
  if (kind === "range") return [];
  const found = new Map<string, Period>();
  for (const month of monthsOf(period)) {
    const slot = kind === "month" ? month : periodOf(month.start, kind);
    if (contains(period, slot)) found.set(slot.label, slot);
  }
  return [...found.values()].sort(compare);
}

/**
 * The kind of period one result of an indicator covers: its "Periodicidade" when a row gives one, else the
 * kind most of its rows are written in (a table of months is monthly), else undefined (rows without period).
 */
export function resultKind(rows: { period?: Period; periodicity?: { value: CellValue } }[]): PeriodKind | undefined {
  for (const row of rows) {
    const kind = row.periodicity ? parsePeriodicity(row.periodicity.value) : undefined;
    if (kind) return kind;
  }
  const counts = new Map<PeriodKind, number>();
  for (const row of rows) if (row.period) counts.set(row.period.kind, (counts.get(row.period.kind) ?? 0) + 1);
  let best: PeriodKind | undefined;
  for (const [kind, n] of counts) if (!best || n > counts.get(best)!) best = kind;
  return best;
}
