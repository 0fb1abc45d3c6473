/**
 * The one place where what Excel passes to a custom function becomes core input, and core problems become
 * Excel errors. Excel passes optional arguments as `null` (TypeScript defaults do not apply), empty cells as
 * `null` or `""`, and ranges as 2-D arrays.
 */
import { bandTableFromLowerBounds, validateBandTable } from "../core/bands";
import { functionMessages } from "./messages";
import { parseIntervalText, parseReadingText, parseTarget } from "../core/parse";
import { cofinC1Bands, cofinC2C7Bands, cofinFinalBands, contractBands } from "../core/presets/bandTables";
import type { Band, BandTable, CellValue, Problem, Reading, Target } from "../core/types";

/** Throws the Excel error that shows `message`: #VALOR! by default, #N/D for "no data yet". */
export function fail(message: string, kind: "value" | "na" | "div0" = "value"): never {
  const code =
    kind === "na"
      ? CustomFunctions.ErrorCode.notAvailable
      : kind === "div0"
        ? CustomFunctions.ErrorCode.divisionByZero
        : CustomFunctions.ErrorCode.invalidValue;
  throw new CustomFunctions.Error(code, message);
}

/** Throws the Excel error for a core problem. */
export function failWith(problem: Problem): never {
  return fail(problem.message, problem.code === "empty" || problem.code === "needsBaseline" ? "na" : "value");
}

/** True when Excel passed nothing: an omitted optional argument or an empty cell. */
export function isBlank(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A number argument: a number, or a text such as "75%" or "75,5". Blank → undefined. */
export function readingArg(value: unknown, name: string): Reading | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === "number" && Number.isFinite(value)) return { value, scale: "plain" };
  if (typeof value === "string") {
    const reading = parseReadingText(value);
    if (reading) return reading;
  }
  return fail(functionMessages.expectedNumber(name, String(value)));
}

/** A required number argument. */
export function numberArg(value: unknown, name: string): number {
  const reading = readingArg(value, name);
  if (!reading) return fail(functionMessages.missingArgument(name), "na");
  return reading.value;
}

/** A target argument: a number or a target text ("90% ou mais"). */
export function targetArg(value: unknown): Target {
  const out = parseTarget(value as CellValue);
  if (out.kind === "target") return out.target;
  if (out.kind === "empty") return fail(functionMessages.missingArgument("meta"), "na");
  return failWith(out.problem);
}

/** An optional TRUE/FALSE argument ("VERDADEIRO"/"FALSO" arrive as booleans; 1/0 and "sim"/"não" accepted). */
export function booleanArg(value: unknown, fallback: boolean): boolean {
  if (isBlank(value)) return fallback;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  const t = String(value).trim().toLowerCase();
  if (["sim", "verdadeiro", "true", "s"].includes(t)) return true;
  if (["não", "nao", "falso", "false", "n"].includes(t)) return false;
  return fail(functionMessages.expectedBoolean(String(value)));
}

/** A 2-D range flattened row by row. */
export function flatten<T>(range: T[][] | T | null | undefined): T[] {
  if (range === null || range === undefined) return [];
  if (!Array.isArray(range)) return [range];
  return range.flat() as T[];
}

/**
 * A band table argument: omitted → the contract's six bands; a text → a shipped table by id (`C1`,
 * `C2`…`C7`, `final`); a range → the user's own table. Range rows are either `[lower bound, label,
 * recommendation?]` (lower bounds in the table's scale, e.g. 0–100) or `[condition, label, factor?]` with
 * conditions such as "> 50 e ≤ 70" or "≤ 10 ou > 70". A first row of titles is skipped.
 */
export function bandTableArg(value: unknown, domain = { min: 0, max: 100 }): BandTable {
  // Excel hands a `tabela` declared as a range over as a matrix, even a single text typed in the call
  // ("C1" arrives as [["C1"]]) or an empty optional argument: one cell is read as that cell.
  const only =
    Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1
      ? (value[0][0] as unknown)
      : value;
  if (isBlank(only)) return contractBands;
  if (typeof only === "string") return shippedTable(only);
  const rows = (Array.isArray(value) ? value : [[value]]) as unknown[][];
  const body = rows.filter((row) => !row.every(isBlank));
  if (body.length > 0 && isTitleRow(body[0])) body.shift();
  if (body.length === 0) return fail(functionMessages.emptyBandTable);
  const text = (v: unknown) => (isBlank(v) ? undefined : String(v));
  if (body.every((row) => typeof row[0] === "number")) {
    const out = bandTableFromLowerBounds(
      body.map((row) => ({
        lower: row[0] as number,
        label: text(row[1]) ?? String(row[0]),
        recommendation: text(row[2]),
      })),
      domain,
    );
    if (out.kind === "invalid") return fail(out.problems.map((p) => p.message).join(" "));
    return out.table;
  }
  // Bands are numbered in the order the user listed them, so FAIXA always has a number to return.
  const bands: Band[] = body.map((row, index) => {
    const parsed = parseIntervalText(String(row[0] ?? ""));
    if (parsed.kind === "invalid") return failWith(parsed.problem);
    // Conditions written with % ("> 50%") are fractions; the table's scale is percentage points.
    const factor = parsed.scale === "percent" && domain.max > 1 ? 100 : 1;
    const intervals = parsed.intervals.map((i) => ({
      ...(i.lower ? { lower: { ...i.lower, value: i.lower.value * factor } } : {}),
      ...(i.upper ? { upper: { ...i.upper, value: i.upper.value * factor } } : {}),
    }));
    const f = row[2];
    return {
      number: index + 1,
      label: text(row[1]) ?? String(row[0]),
      intervals,
      ...(typeof f === "number" ? { factor: f } : {}),
    };
  });
  const table: BandTable = { id: "usuario", name: functionMessages.userTable, domain, bands };
  const problems = validateBandTable(table);
  if (problems.length > 0) return fail(problems.map((p) => p.message).join(" "));
  return table;
}

function isTitleRow(row: unknown[]): boolean {
  const first = row[0];
  return typeof first === "string" && parseIntervalText(first).kind === "invalid" && !/^\s*[\d<>≤≥=]/.test(first);
}

function shippedTable(name: string): BandTable {
  const key = name.trim().toUpperCase().replace(/\s+/g, "");
  if (key === "C1") return cofinC1Bands;
  if (/^C[2-7]$/.test(key)) return cofinC2C7Bands;
  if (["FINAL", "NOTAFINAL", "COFINANCIAMENTO"].includes(key)) return cofinFinalBands;
  if (["CONTRATO", "INSTRUMENTO", "FAIXAS"].includes(key)) return contractBands;
  return fail(functionMessages.unknownTable(name));
}
