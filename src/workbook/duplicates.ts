/**
 * The same indicator × municipality × team × period found in two tables of what is evaluated together — two
 * SISAB exports of one indicator in a folder, the same table pasted on two sheets. National programmes give
 * one result per indicator, municipality (or team) and period; two of them are never averaged:
 * - the same value: it counts once, and a problem names both places;
 * - different values: neither counts — every copy is withheld, evaluated as invalid, so the indicator is
 *   there without a result — and a problem names both places with both values.
 * Rows repeated inside one table are not looked at here (the table's own rows are the evaluation's business),
 * nor rows that name no municipality and no team (a workbook of one contract per sheet pools its sheets).
 * Pure.
 */
import { nearlyEqual } from "../core/attainment";
import { indicatorKey, type LocatedProblem, type RowInput } from "../core/evaluate";
import { formatNumber, formatPercent } from "../core/messages";
import { nationalStrings } from "./messages";
import { normalizeText, readNumber } from "../core/parse";
import type { DetectedTable } from "./model";

/** Two (or more) rows for one indicator × municipality × team × period, from different tables. */
export interface Duplicate {
  indicator: string;
  municipality?: string;
  municipalityCode?: string;
  team?: string;
  periodLabel?: string;
  /** The rows' values agree (one counted) or not (none counted). */
  same: boolean;
  problem: LocatedProblem;
}

export interface DuplicateCheck {
  /** Rows left out of the evaluation: the later copies of an equal value. */
  drop: Set<RowInput>;
  /** Rows evaluated as invalid: every copy of a result found with different values. */
  withhold: Set<RowInput>;
  duplicates: Duplicate[];
}

/** What identifies one result: the indicator (its catalogue code when found), municipality, team, period. */
function keyOf(row: RowInput, normalize: (text: string | undefined) => string): string {
  const indicator = row.fromCatalog ? `@${row.fromCatalog.catalog}:${row.fromCatalog.code}` : indicatorKey(row);
  const municipality = `${normalize(row.municipality)}|${row.municipalityCode?.trim() ?? ""}`;
  const team = row.unitCode?.trim() ? `#${row.unitCode.trim()}` : normalize(row.unit);
  return [indicator, municipality, team, row.period?.label ?? ""].join("\u0000");
}

/** The numbers a row's result is made of (result, numerator, denominator; NaN for an empty cell), and as text. */
function valueOf(row: RowInput): { numbers: number[]; text: string } {
  const read = (cell: RowInput["result"]) => {
    const r = cell ? readNumber(cell.value, cell.numberFormat) : ({ kind: "empty" } as const);
    return r.kind === "number" ? r.reading : undefined;
  };
  const result = read(row.result);
  const num = read(row.numerator);
  const den = read(row.denominator);
  const numbers = [result?.value ?? NaN, num?.value ?? NaN, den?.value ?? NaN];
  let text: string = nationalStrings.blankValue;
  if (result) text = result.scale === "percent" ? formatPercent(result.value, 2) : formatNumber(result.value, 4);
  else if (num && den) text = `${formatNumber(num.value, 4)}/${formatNumber(den.value, 4)}`;
  else if (row.result && row.result.value !== null && row.result.value !== undefined) text = String(row.result.value);
  return { numbers, text };
}

function sameNumbers(a: number[], b: number[]): boolean {
  return a.every((x, i) =>
    Number.isNaN(x) ? Number.isNaN(b[i]) : !Number.isNaN(b[i]) && (x === b[i] || nearlyEqual(x, b[i])),
  );
}

/**
 * Finds the duplicates among the rows of `tables`. `sources` names the file each sheet came from, when sheets
 * of several files are evaluated together (the consolidation of a folder); places are then the files.
 */
export function findDuplicates(tables: DetectedTable[], sources?: Readonly<Record<string, string>>): DuplicateCheck {
  const drop = new Set<RowInput>();
  const withhold = new Set<RowInput>();
  const duplicates: Duplicate[] = [];
  // Copies come from different tables: one table has none to find.
  if (tables.length < 2) return { drop, withhold, duplicates };
  // Thousands of rows name a few municipalities and teams: each name is normalised once.
  const normalized = new Map<string, string>();
  const normalize = (text: string | undefined) => {
    const raw = text?.trim() ?? "";
    let out = normalized.get(raw);
    if (out === undefined) normalized.set(raw, (out = normalizeText(raw)));
    return out;
  };
  const first = new Map<string, { row: RowInput; table: number; copies: RowInput[] }>();
  tables.forEach((table, index) => {
    for (const row of table.rows) {
      // Only a row that says whose result it is: tables that name no municipality or team (one contract per
      // sheet) are different contracts' rows, not copies.
      if (!row.municipality?.trim() && !row.municipalityCode?.trim() && !row.unit?.trim() && !row.unitCode?.trim())
        continue;
      const key = keyOf(row, normalize);
      const seen = first.get(key);
      if (!seen) first.set(key, { row, table: index, copies: [] });
      else if (seen.table !== index) seen.copies.push(row);
    }
  });
  const place = (row: RowInput) => {
    const sheet = row.sheet ?? "";
    const cell = row.result?.address ?? row.numerator?.address;
    const file = sources?.[sheet];
    return file ? nationalStrings.fileWhere(file, cell) : nationalStrings.sheetWhere(sheet, cell);
  };
  for (const { row, copies } of first.values()) {
    if (copies.length === 0) continue;
    const value = valueOf(row);
    const values = copies.map(valueOf);
    const same = values.every((v) => sameNumbers(value.numbers, v.numbers));
    for (const r of same ? copies : [row, ...copies]) (same ? drop : withhold).add(r);
    const where = nationalStrings.duplicateWhere([
      ...(row.municipality?.trim() ? [nationalStrings.municipalityPart(row.municipality.trim())] : []),
      ...(row.unit?.trim() || row.unitCode?.trim()
        ? [nationalStrings.teamPart((row.unit?.trim() || row.unitCode?.trim())!)]
        : []),
      ...(row.period ? [row.period.label] : []),
    ]);
    const name = row.fromCatalog ? `${row.fromCatalog.code} ${row.fromCatalog.name}` : row.indicator;
    copies.forEach((copy, i) => {
      const message = same
        ? nationalStrings.duplicateSame(name, where, place(row), place(copy), value.text)
        : nationalStrings.duplicateDiffers(name, where, place(row), place(copy), value.text, values[i].text);
      duplicates.push({
        indicator: name,
        ...(row.municipality?.trim() ? { municipality: row.municipality.trim() } : {}),
        ...(row.municipalityCode?.trim() ? { municipalityCode: row.municipalityCode.trim() } : {}),
        ...(row.unit?.trim() ? { team: row.unit.trim() } : {}),
        ...(row.period ? { periodLabel: row.period.label } : {}),
        same,
        problem: {
          code: "duplicate",
          message,
          sheet: copy.sheet,
          ...(copy.result?.address ? { cell: copy.result.address } : {}),
          indicator: row.indicator,
        },
      });
    });
  }
  return { drop, withhold, duplicates };
}
