/**
 * Periods written in headers (`Jan/2025`, `Fev`, `1º trim`, `2024 Q3 (%)`, `Resultado Jan/2025`), in sheet
 * names (`Fevereiro 2025`, `2025-T1`) and in period cells of long tables, with a year borrowed from the
 * table's context when the text has none (`Jan`, `1º Trimestre`).
 */
import { messages } from "../../core/messages";
import { PairMemo } from "../../core/parse";
import { parsePeriod } from "../../core/periods";
import type { CellValue, Period } from "../../core/types";
import { isDateFormat } from "./grid";

/** What a text or cell says about a period. */
export type PeriodReading =
  /** `completed`: the text had no year and took the one given (`Jan` → jan/2025). */
  | { kind: "period"; period: Period; completed?: boolean }
  /** A period without a year (`Jan`, `1º trim`) and no year known to complete it. */
  | { kind: "needsYear" }
  /** Looks like a period but cannot be one (`2025 Q4`: Q is a four-month period, there are three). */
  | { kind: "invalid"; message: string }
  /** Not a period at all. */
  | { kind: "none" };

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** A year probe appended to a text without one, to see whether it is a period lacking only its year. */
const PROBE_YEAR = 2000;

/** Whether a number is a whole year the periods module accepts. */
export function isYear(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR;
}

/** The first four-digit year (1900–2100) written in a text, e.g. `Indicadores 2025` → 2025. */
export function findYear(text: string): number | undefined {
  const match = /(?<!\d)(19\d{2}|20\d{2}|2100)(?!\d)/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** Texts with a `(%)`/`%` mark and line breaks off: `2024 Q3 (%)` → `2024 Q3`. */
function bare(text: string): string {
  return text
    .replace(/\(\s*%\s*\)/g, " ")
    .replace(/%/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Reads a period from a text, completing it with `year` when the text has no four-digit year and reads
 * as a period once a year is added (`Jan` → jan/2025, `1º trim` → 2025-T1). Texts that are only a
 * leading word the periods module drops (`Resultado`, `Mês`) are not periods.
 */
export function readPeriodText(raw: string, year: number | undefined): PeriodReading {
  return readPeriodTexts.get(year === undefined ? "" : String(year), raw);
}

/**
 * `readPeriodText` by year and text, worked out once: every candidate header row reads each of its cells as
 * a period, and a folder of contracts repeats the same headers in every file. Readings are values (a
 * period is never changed once made), so callers may share them.
 */
const readPeriodTexts = new PairMemo((year: string, raw: string) =>
  periodOfText(raw, year === "" ? undefined : Number(year)),
);

function periodOfText(raw: string, year: number | undefined): PeriodReading {
  const text = bare(raw);
  if (text === "" || text.length > 100) return { kind: "none" };
  const direct = parsePeriod(text, { defaultYear: year });
  if (direct.kind === "period") {
    // Only a bare month name takes the default year inside parsePeriod; tell it apart from `Jan/25`.
    const completed = year !== undefined && findYear(text) === undefined && parsePeriod(text).kind !== "period";
    return completed ? { kind: "period", period: direct.period, completed } : { kind: "period", period: direct.period };
  }
  if (findYear(text) === undefined) {
    const probe = parsePeriod(`${text} ${PROBE_YEAR}`);
    // A year alone means the text added nothing (`Resultado 2000`): not a period.
    if (probe.kind === "period" && probe.period.kind !== "year") {
      if (year === undefined) return { kind: "needsYear" };
      const completed = parsePeriod(`${text} ${year}`);
      return completed.kind === "period"
        ? { kind: "period", period: completed.period, completed: true }
        : { kind: "invalid", message: completed.problem.message };
    }
  }
  // parsePeriod explains a text it recognised but could not accept (an index or a year out of range) in
  // its own words; a text it did not recognise at all gets the generic "não reconhecido".
  if (direct.problem.message === messages.invalidPeriod(text)) return { kind: "none" };
  return { kind: "invalid", message: direct.problem.message };
}

/**
 * Reads a sequence of periods written in order (a header's columns left to right, sheets in tab order),
 * completing those without a year with `year` — and with the next year once the sequence goes back in
 * time: `Out | Nov | Dez | Jan | Fev` with 2024 is Oct–Dec 2024 then Jan–Feb 2025. Only periods of one kind
 * are compared (a `1º trim` total after `Jan | Fev | Mar` is not a step back), and only a period that took
 * the year moves; one written with its own year (`Dez/2024`) still counts as the step it is.
 */
export function readPeriodSequence<T>(
  items: readonly T[],
  read: (item: T, year: number | undefined) => PeriodReading,
  year: number | undefined,
): PeriodReading[] {
  const last = new Map<string, string>();
  let offset = 0;
  return items.map((item) => {
    let reading = read(item, year === undefined ? undefined : year + offset);
    if (reading.kind === "period" && reading.completed && year !== undefined) {
      const before = last.get(reading.period.kind);
      if (before !== undefined && reading.period.start < before) {
        offset += 1;
        reading = read(item, year + offset);
      }
    }
    if (reading.kind === "period") last.set(reading.period.kind, reading.period.start);
    return reading;
  });
}

/**
 * Reads a header cell as a period: a date (Excel turns `jan/25` typed in a header into one), a whole
 * number 1900–2100 (a year), a number with a date format (a date as Office.js hands it), or a text.
 */
export function readHeaderPeriod(
  value: CellValue,
  numberFormat: string | undefined,
  year: number | undefined,
): PeriodReading {
  if (value instanceof Date) {
    const outcome = parsePeriod(value);
    return outcome.kind === "period" ? { kind: "period", period: outcome.period } : { kind: "none" };
  }
  if (typeof value === "number") {
    if (!isYear(value) && !isDateFormat(numberFormat)) return { kind: "none" };
    const outcome = parsePeriod(value);
    return outcome.kind === "period" ? { kind: "period", period: outcome.period } : { kind: "none" };
  }
  if (typeof value === "string") return readPeriodText(value, year);
  return { kind: "none" };
}

/**
 * Reads a period cell of a long table: numbers and dates as the periods module reads them (Excel serial
 * dates, years), texts completed with `year` when they lack one. Never `none`: whatever is not a period
 * is a problem with parsePeriod's own message.
 */
export function readPeriodCell(
  value: CellValue,
  year: number | undefined,
): { kind: "period"; period: Period } | { kind: "invalid"; message: string } {
  if (typeof value === "string") {
    const reading = readPeriodText(value, year);
    if (reading.kind === "period" || reading.kind === "invalid") return reading;
    if (reading.kind === "needsYear") return { kind: "invalid", message: messages.periodWithoutYear(value.trim()) };
  }
  const outcome = parsePeriod(value, { defaultYear: year });
  return outcome.kind === "period"
    ? { kind: "period", period: outcome.period }
    : { kind: "invalid", message: outcome.problem.message };
}
