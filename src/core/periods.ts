/**
 * Periods: months, bimesters, quarters (trimestres), four-month periods (quadrimestres), semesters, years
 * and explicit date ranges. Reading what people write in a period column, and the calendar arithmetic the
 * evaluation needs (which months a quarter gathers, whether a period lies inside another).
 *
 * All date arithmetic is on calendar fields or in UTC; local time never enters. Dates are ISO strings
 * `YYYY-MM-DD`, which sort as text in date order.
 *
 * Domain fact: `Q` is a quadrimestre (four-month period, Q1 = Jan–Apr, Q2 = May–Aug, Q3 = Sep–Dec), as in
 * the SISAB panel header `2022 Q1 (%)`; a quarter (trimestre) is written `T` (`2025-T1`).
 */
import { messages } from "./messages";
import { normalizeText } from "./parse";
import { CellValue, Period, PeriodKind, Problem } from "./types";

/** Every kind of period except an explicit date range: the kinds a year divides into. */
export type CalendarKind = Exclude<PeriodKind, "range">;

/** The outcome of reading a period. */
export type PeriodOutcome = { kind: "period"; period: Period } | { kind: "invalid"; problem: Problem };

/** Options of {@link parsePeriod}. */
export interface ParsePeriodOptions {
  /**
   * The kind of period a single date stands for (a JS `Date`, an Excel serial date, `01/08/2011`,
   * `2011-08-01`); default `month`. `range` makes a date the one-day range. It does not change how other
   * texts are read (`2025 Q1` is always a four-month period).
   */
  hint?: PeriodKind;
  /** The year of a bare month name (`Jan`, `Fevereiro`), as in a wide table whose header names only months. */
  defaultYear?: number;
}

/** How many months one period of each calendar kind spans. */
export const MONTHS_PER_PERIOD: Readonly<Record<CalendarKind, number>> = {
  month: 1,
  bimester: 2,
  quarter: 3,
  fourMonth: 4,
  semester: 6,
  year: 12,
};

/** The smallest year {@link parsePeriod} accepts; earlier years are taken for typing errors. */
export const PARSE_MIN_YEAR = 1900;
/** The largest year {@link parsePeriod} accepts. */
export const PARSE_MAX_YEAR = 2100;

/** Letters of the labels (`2025-T1`), by kind. */
const LABEL_LETTERS: Readonly<Record<"bimester" | "quarter" | "fourMonth" | "semester", string>> = {
  bimester: "B",
  quarter: "T",
  fourMonth: "Q",
  semester: "S",
};

const KIND_OF_LETTER: Readonly<Record<string, CalendarKind>> = {
  b: "bimester",
  t: "quarter",
  q: "fourMonth",
  s: "semester",
};

const ALL_KINDS: readonly PeriodKind[] = ["month", "bimester", "quarter", "fourMonth", "semester", "year", "range"];

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 for serials from 61 on (1900-03-01): 1899-12-30, which absorbs Excel's fictitious 1900-02-29. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/**
 * The first serial read as a date: 61 = 1900-03-01. Excel's serials 1–59 are a day off from the count since
 * 1899-12-30, and 60 is Excel's fictitious 1900-02-29.
 */
export const MIN_EXCEL_SERIAL = 61;
/** The last serial read as a date: 73415 = 2100-12-31 (the last day of {@link PARSE_MAX_YEAR}). */
export const MAX_EXCEL_SERIAL = Math.round((Date.UTC(PARSE_MAX_YEAR, 11, 31) - EXCEL_EPOCH_MS) / MS_PER_DAY);

/** Texts longer than this are not periods; the cap keeps the reading cheap on any cell. */
const MAX_TEXT_LENGTH = 120;

// ---------------------------------------------------------------------------------------------------------
// Calendar helpers

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Reads a strict ISO date `YYYY-MM-DD`; undefined when it is not one or the day does not exist. */
function readIso(text: string): Ymd | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? { year, month, day } : undefined;
}

function requireIso(text: string, what: string): Ymd {
  const ymd = readIso(text);
  if (!ymd) throw new RangeError(`${what}: expected an ISO date YYYY-MM-DD, got ${JSON.stringify(text)}`);
  return ymd;
}

function isCalendarKind(kind: unknown): kind is CalendarKind {
  return typeof kind === "string" && kind !== "range" && (ALL_KINDS as readonly string[]).includes(kind);
}

// ---------------------------------------------------------------------------------------------------------
// Building periods

/**
 * The `index`-th period of a kind in a year, e.g. `makePeriod("fourMonth", 2022, 2)` is May–Aug 2022
 * (label `2022-Q2`). Index is 1-based: month 1–12, bimester 1–6, quarter 1–4, four-month 1–3, semester
 * 1–2, year 1.
 * @throws RangeError for `range` (use {@link rangePeriod}), a year outside 1–9999, or an index out of range:
 *   these are programming errors; user data goes through {@link parsePeriod}, which never throws.
 */
export function makePeriod(kind: CalendarKind, year: number, index = 1): Period {
  if (!isCalendarKind(kind)) throw new RangeError(`makePeriod: not a calendar kind: ${JSON.stringify(kind)}`);
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`makePeriod: bad year ${year}`);
  const size = MONTHS_PER_PERIOD[kind];
  const count = 12 / size;
  if (!Number.isInteger(index) || index < 1 || index > count) {
    throw new RangeError(`makePeriod: ${kind} index must be 1–${count}, got ${index}`);
  }
  const firstMonth = (index - 1) * size + 1;
  const lastMonth = firstMonth + size - 1;
  const yyyy = pad(year, 4);
  const label =
    kind === "month" ? `${yyyy}-${pad(index, 2)}` : kind === "year" ? yyyy : `${yyyy}-${LABEL_LETTERS[kind]}${index}`;
  return {
    kind,
    label,
    start: isoDate(year, firstMonth, 1),
    end: isoDate(year, lastMonth, daysInMonth(year, lastMonth)),
    year,
    index,
  };
}

/**
 * An explicit date range, both ends inclusive, labelled `start..end` (e.g. `2011-08-01..2011-12-31`).
 * Always of kind `range`, even when it coincides with a calendar period; see {@link canonicalPeriod}.
 * @throws RangeError when an end is not an ISO date `YYYY-MM-DD` or the start is after the end.
 */
export function rangePeriod(startIso: string, endIso: string): Period {
  requireIso(startIso, "rangePeriod start");
  requireIso(endIso, "rangePeriod end");
  if (startIso > endIso) throw new RangeError(`rangePeriod: start ${startIso} is after end ${endIso}`);
  return { kind: "range", label: `${startIso}..${endIso}`, start: startIso, end: endIso };
}

/**
 * The calendar period a range coincides with, if any (2025-01-01..2025-03-31 → `2025-T1`; a whole month,
 * bimester, four-month period, semester or year likewise); any other period is returned unchanged.
 * Since the kinds span 1, 2, 3, 4, 6 and 12 months, at most one kind fits.
 */
export function canonicalPeriod(period: Period): Period {
  if (period.kind !== "range") return period;
  const start = readIso(period.start);
  const end = readIso(period.end);
  if (!start || !end || start.day !== 1 || end.day !== daysInMonth(end.year, end.month)) return period;
  if (start.year !== end.year || end.month < start.month) return period;
  const months = end.month - start.month + 1;
  for (const kind of Object.keys(MONTHS_PER_PERIOD) as CalendarKind[]) {
    const size = MONTHS_PER_PERIOD[kind];
    if (size === months && (start.month - 1) % size === 0) {
      return makePeriod(kind, start.year, (start.month - 1) / size + 1);
    }
  }
  return period;
}

/**
 * The period of a kind that contains a date: `periodOf("2022-06-15", "fourMonth")` is `2022-Q2`.
 * For `range`, the one-day range.
 * @throws RangeError when `dateIso` is not an ISO date `YYYY-MM-DD`.
 */
export function periodOf(dateIso: string, kind: PeriodKind): Period {
  const { year, month } = requireIso(dateIso, "periodOf");
  if (kind === "range") return rangePeriod(dateIso, dateIso);
  if (!isCalendarKind(kind)) throw new RangeError(`periodOf: unknown kind ${JSON.stringify(kind)}`);
  return makePeriod(kind, year, Math.floor((month - 1) / MONTHS_PER_PERIOD[kind]) + 1);
}

// ---------------------------------------------------------------------------------------------------------
// Comparing periods

/** Whether `inner` lies wholly inside `outer` (ends included; a period contains itself). */
export function contains(outer: Period, inner: Period): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Whether two periods share at least one day. */
export function overlaps(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Order for sorting: by start, then by end (the shorter first). Returns -1, 0 or 1. */
export function compare(a: Period, b: Period): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return 0;
}

/**
 * The months a period covers, in order, as month periods. For a range that starts or ends in the middle
 * of a month, that month is included too (every month the range touches); use {@link contains} to keep
 * only whole months.
 */
export function monthsOf(period: Period): Period[] {
  const start = readIso(period.start);
  const end = readIso(period.end);
  if (!start || !end || period.start > period.end) return [];
  const months: Period[] = [];
  for (let year = start.year, month = start.month; year < end.year || (year === end.year && month <= end.month);) {
    months.push(makePeriod("month", year, month));
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

// ---------------------------------------------------------------------------------------------------------
// Display

function toBrazilianDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/**
 * A period as people read it in pt-BR: `jan/2025`, `1º bimestre de 2025`, `1º trimestre de 2025`,
 * `1º quadrimestre de 2025`, `1º semestre de 2025`, `2025`, `01/08/2011 a 31/12/2011`.
 */
export function formatPeriodPtBR(period: Period): string {
  if (period.kind === "range" || period.year === undefined || period.index === undefined) {
    return messages.periodDateRange(toBrazilianDate(period.start), toBrazilianDate(period.end));
  }
  switch (period.kind) {
    case "month":
      return messages.periodMonthOfYear(messages.periodMonthAbbreviations[period.index - 1], period.year);
    case "year":
      return String(period.year);
    default:
      return messages.periodOrdinalOfYear(period.index, messages.periodUnitNames[period.kind], period.year);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reading

const MONTH_NAMES: Readonly<Record<string, number>> = (() => {
  const full = [
    "janeiro",
    "fevereiro",
    "marco",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
  ];
  const abbreviations = ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"];
  // English abbreviations, as an en-US Excel shows dates (`Feb-25`); none clashes with a pt-BR one.
  const english: Record<string, number> = { feb: 2, apr: 4, may: 5, aug: 8, sep: 9, oct: 10, dec: 12 };
  const names: Record<string, number> = { ...english };
  full.forEach((name, i) => (names[name] = i + 1));
  abbreviations.forEach((name, i) => (names[name] = i + 1));
  return names;
})();

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  primeiro: 1,
  segundo: 2,
  terceiro: 3,
  quarto: 4,
  quinto: 5,
  sexto: 6,
};

const UNIT_WORDS: Readonly<Record<string, CalendarKind>> = {
  bim: "bimester",
  bimestre: "bimester",
  trim: "quarter",
  trimestre: "quarter",
  quad: "fourMonth",
  quadri: "fourMonth",
  quadrimestre: "fourMonth",
  sem: "semester",
  semestre: "semester",
};

/** Words that may precede a period (`Resultado 2025-T1`, `Competência: 01/2025`, `ano de 2025`). */
const PREFIX =
  /^(?:resultados?|competencias?|periodos?|referencia|mes|ano)(?=[\s:\-–]|$)(?:\s+(?:de|do|da)(?=\s))?\s*[:\-–]?\s*/;

/**
 * Lower case, accents off (`Março` → `marco`), spaces collapsed, a trailing `(%)` or `%` off (SISAB
 * headers), and leading words such as `Resultado`, `Competência`, `Período` off.
 */
function normalize(raw: string): string {
  let text = normalizeText(raw)
    .replace(/\s*\(\s*%\s*\)$/, "")
    .replace(/\s*%$/, "");
  for (let i = 0; i < 3; i += 1) {
    const stripped = text.replace(PREFIX, "");
    if (stripped === text) break;
    text = stripped;
  }
  return text.trim();
}

/**
 * The month (1–12) a bare month name stands for, for wide tables whose header names only the month:
 * pt-BR names and 3-letter abbreviations (`jan fev mar abr mai jun jul ago set out nov dez`), accents and
 * case optional (`Março`, `marco`, `MAR.`), plus the English abbreviations Excel shows (`Feb`, `Apr`, …).
 * Undefined for anything else, including a month with a year (`jan/2025`: use {@link parsePeriod}).
 */
export function parseMonthName(text: string): number | undefined {
  if (typeof text !== "string" || text.length > MAX_TEXT_LENGTH) return undefined;
  const name = normalize(text).replace(/\.$/, "");
  return Object.prototype.hasOwnProperty.call(MONTH_NAMES, name) ? MONTH_NAMES[name] : undefined;
}

function invalid(message: string): PeriodOutcome {
  return { kind: "invalid", problem: { code: "invalidPeriod", message } };
}

function found(period: Period): PeriodOutcome {
  return { kind: "period", period };
}

/** Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999 (the POSIX `%y` pivot). */
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length !== 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function yearProblem(year: number, raw: string): PeriodOutcome | undefined {
  return year >= PARSE_MIN_YEAR && year <= PARSE_MAX_YEAR
    ? undefined
    : invalid(messages.periodYearOutOfRange(raw, PARSE_MIN_YEAR, PARSE_MAX_YEAR));
}

/** The `index`-th period of a kind, or the problem with the year or the index. */
function calendarPeriod(kind: CalendarKind, year: number, index: number, raw: string): PeriodOutcome {
  const badYear = yearProblem(year, raw);
  if (badYear) return badYear;
  const count = 12 / MONTHS_PER_PERIOD[kind];
  if (index < 1 || index > count) {
    if (kind === "fourMonth") return invalid(messages.periodFourMonthIndex(raw));
    const unit = kind === "year" ? messages.periodUnitNames.month : messages.periodUnitNames[kind];
    return invalid(messages.periodIndexOutOfRange(raw, unit, count));
  }
  return found(makePeriod(kind, year, index));
}

/** A single day, read as the period of `dayKind` containing it. */
function dayPeriod(year: number, month: number, day: number, dayKind: PeriodKind, raw: string): PeriodOutcome {
  const badYear = yearProblem(year, raw);
  if (badYear) return badYear;
  if (!isValidDate(year, month, day)) return invalid(messages.periodNoSuchDate(raw));
  return found(periodOf(isoDate(year, month, day), dayKind));
}

function fromEpochMs(ms: number, dayKind: PeriodKind, raw: string): PeriodOutcome {
  const date = new Date(ms);
  return dayPeriod(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), dayKind, raw);
}

/**
 * A number: any number with four digits before the point (1000–9999) is taken for a year, which must be
 * whole and within 1900–2100; any other number from 61 to 73415 is an Excel serial date (time of day
 * ignored).
 */
function fromNumber(value: number, dayKind: PeriodKind): PeriodOutcome {
  const raw = String(value);
  if (value >= 1000 && value < 10000) {
    return Number.isInteger(value)
      ? calendarPeriod("year", value, 1, raw)
      : invalid(messages.periodBadNumber(raw, PARSE_MIN_YEAR, PARSE_MAX_YEAR));
  }
  if (Number.isFinite(value) && value >= MIN_EXCEL_SERIAL && value < MAX_EXCEL_SERIAL + 1) {
    return fromEpochMs(EXCEL_EPOCH_MS + Math.floor(value) * MS_PER_DAY, dayKind, raw);
  }
  return invalid(messages.periodBadNumber(raw, PARSE_MIN_YEAR, PARSE_MAX_YEAR));
}

interface ReadContext {
  /** What the user wrote, for messages. */
  raw: string;
  /** The kind a single date stands for. */
  dayKind: PeriodKind;
  defaultYear?: number;
}

const YEAR = "(\\d{4}|\\d{2})";
const SEP = "(?:\\s*[/.\\-]\\s*|\\s+de\\s+|\\s*)";
const ORDINAL = "(\\d{1,2}|primeiro|segundo|terceiro|quarto|quinto|sexto)\\s*(?:o|º|°|ª|\\.)?\\s*";

const PATTERNS = {
  year: /^(\d{4})$/,
  isoDay: /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  brDay: /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/,
  yearMonth: /^(\d{4})\s*[/.-]\s*(\d{1,2})$/,
  monthYear: /^(\d{1,2})\s*[/.-]\s*(\d{4})$/,
  yearLetter: /^(\d{4})\s*[/.-]?\s*([bqst])\s*(\d{1,2})$/,
  letterYear: new RegExp(`^([bqst])\\s*(\\d{1,2})\\s*[/.\\-]?\\s*${YEAR}$`),
  digitLetterYear: new RegExp(`^(\\d)\\s*([bqst])\\s*${YEAR}$`),
  worded: new RegExp(`^${ORDINAL}([a-z]+)\\.?${SEP}${YEAR}$`),
  nameYear: new RegExp(`^([a-z]+)\\.?${SEP}${YEAR}$`),
  yearName: new RegExp(`^(\\d{4})${SEP}([a-z]+)\\.?$`),
};

/** Reads one period (not a range of two); undefined when the text has none of the known shapes. */
function readSingle(text: string, context: ReadContext): PeriodOutcome | undefined {
  const { raw, dayKind } = context;
  let m: RegExpExecArray | null;
  if ((m = PATTERNS.year.exec(text))) return calendarPeriod("year", Number(m[1]), 1, raw);
  if ((m = PATTERNS.isoDay.exec(text))) return dayPeriod(Number(m[1]), Number(m[2]), Number(m[3]), dayKind, raw);
  if ((m = PATTERNS.brDay.exec(text))) return dayPeriod(Number(m[3]), Number(m[2]), Number(m[1]), dayKind, raw);
  if ((m = PATTERNS.yearMonth.exec(text))) return calendarPeriod("month", Number(m[1]), Number(m[2]), raw);
  if ((m = PATTERNS.monthYear.exec(text))) return calendarPeriod("month", Number(m[2]), Number(m[1]), raw);
  if ((m = PATTERNS.yearLetter.exec(text))) {
    return calendarPeriod(KIND_OF_LETTER[m[2]], Number(m[1]), Number(m[3]), raw);
  }
  if ((m = PATTERNS.letterYear.exec(text))) {
    return calendarPeriod(KIND_OF_LETTER[m[1]], fullYear(m[3]), Number(m[2]), raw);
  }
  if ((m = PATTERNS.digitLetterYear.exec(text))) {
    return calendarPeriod(KIND_OF_LETTER[m[2]], fullYear(m[3]), Number(m[1]), raw);
  }
  if ((m = PATTERNS.worded.exec(text)) && Object.prototype.hasOwnProperty.call(UNIT_WORDS, m[2])) {
    const index = ORDINAL_WORDS[m[1]] ?? Number(m[1]);
    return calendarPeriod(UNIT_WORDS[m[2]], fullYear(m[3]), index, raw);
  }
  if ((m = PATTERNS.nameYear.exec(text))) {
    const month = parseMonthName(m[1]);
    if (month !== undefined) return calendarPeriod("month", fullYear(m[2]), month, raw);
  }
  if ((m = PATTERNS.yearName.exec(text))) {
    const month = parseMonthName(m[2]);
    if (month !== undefined) return calendarPeriod("month", Number(m[1]), month, raw);
  }
  const month = parseMonthName(text);
  if (month !== undefined) {
    if (context.defaultYear === undefined) return invalid(messages.periodWithoutYear(raw));
    if (!Number.isInteger(context.defaultYear)) {
      return invalid(messages.periodYearOutOfRange(raw, PARSE_MIN_YEAR, PARSE_MAX_YEAR));
    }
    return calendarPeriod("month", context.defaultYear, month, raw);
  }
  return undefined;
}

/** Separators of a range: `..`, ` a `, ` até `, an en or em dash, a hyphen between spaces. */
const RANGE_SEPARATOR = /\s*\.\.\s*|\s+(?:a|ate)\s+|\s*[–—]\s*|\s+-\s+/;

/** Reads `start a end`; undefined when the text is not two readable periods joined by a separator. */
function readRange(text: string, context: ReadContext): PeriodOutcome | undefined {
  const parts = text.split(RANGE_SEPARATOR);
  if (parts.length === 2) return joinRange(parts[0], parts[1], context);
  if (parts.length > 2) return undefined;
  // No spaced separator: try each bare hyphen (`01/08/2011-31/12/2011`, `2025-01-2025-03`, `jan-mar/2025`).
  // Only a split whose two sides are both periods counts; failing that, the first specific problem.
  let problem: PeriodOutcome | undefined;
  for (let at = text.indexOf("-"); at > 0; at = text.indexOf("-", at + 1)) {
    const outcome = joinRange(text.slice(0, at), text.slice(at + 1), context);
    if (outcome?.kind === "period") return outcome;
    problem ??= outcome;
  }
  return problem;
}

function joinRange(leftText: string, rightText: string, context: ReadContext): PeriodOutcome | undefined {
  const sideContext: ReadContext = { raw: context.raw, dayKind: "range" };
  const left = leftText.trim().replace(/^(?:de|do|desde)\s+/, "");
  const right = readSingle(rightText.trim(), sideContext);
  if (!right || right.kind === "invalid") return right;
  let start: Period;
  const leftMonth = parseMonthName(left);
  if (leftMonth !== undefined && right.period.kind === "month" && right.period.year !== undefined) {
    // `jan a mar/2025`: the first month takes the year of the last (`nov a fev/2025`: the year before).
    const year = leftMonth <= (right.period.index ?? 12) ? right.period.year : right.period.year - 1;
    const outcome = calendarPeriod("month", year, leftMonth, context.raw);
    if (outcome.kind === "invalid") return outcome;
    start = outcome.period;
  } else {
    const outcome = readSingle(left, sideContext);
    if (!outcome || outcome.kind === "invalid") return outcome;
    start = outcome.period;
  }
  if (start.start > right.period.end) return invalid(messages.periodReversedRange(context.raw));
  return found(canonicalPeriod(rangePeriod(start.start, right.period.end)));
}

/**
 * Reads a period from a cell. Never throws; anything unreadable comes back as an `invalidPeriod` problem
 * in pt-BR that quotes what was written.
 *
 * Accepted (case, accents and surrounding spaces optional; leading `Resultado`, `Competência`, `Período`,
 * `Mês`, `Ano` and a trailing `(%)` ignored):
 * - a JS `Date` (its UTC calendar day) → the month containing it, or the period of `options.hint`;
 * - a number: a four-digit number (1000–9999) is a **year** (it must be whole and within 1900–2100:
 *   `2101` is a year out of range, not a 1905 date); any other number is an **Excel serial date** (days
 *   since 1899-12-30, time of day ignored) from 61 (1900-03-01) to 73415 (2100-12-31), read like a `Date`.
 *   Serials 1–60 are refused: Excel counts a fictitious 1900-02-29 (serial 60), so they are off by a day,
 *   and such small numbers in a period column are far likelier mistakes;
 * - months: `2025-01`, `2025/01`, `01/2025`, `1/2025`, `jan/2025`, `Jan/25`, `JAN-2025`, `Mar.2025`,
 *   `Janeiro 2025`, `janeiro de 2025`, `2025 jan`;
 * - bimesters `2025-B1`; quarters `2025-T1`, `T1/2025`, `1T25`, `1º trim/2025`, `1° Trimestre de 2025`;
 *   four-month periods `2025-Q1`, `2025 Q1 (%)` (SISAB), `Q1/2025`, `1º quadrimestre de 2025`; semesters
 *   `2025-S1`, `1º semestre de 2025`; ordinals may be words (`primeiro trimestre de 2025`);
 * - years `2025`, `ano de 2025`;
 * - a single date `01/08/2011` or `2011-08-01` → its month, or the period of `options.hint`;
 * - ranges `01/08/2011 a 31/12/2011`, `2011-08-01..2011-12-31`, `2025-01..2025-03`, `jan a abr/2025`
 *   (separators `..`, `a`, `até`, `–`, `-`): from the start of the first to the end of the second. A range
 *   that coincides with a calendar period is returned as that period (`2025-01..2025-03` is `2025-T1`), so
 *   the same period always has the same label.
 *
 * Two-digit years: 00–69 → 2000–2069, 70–99 → 1970–1999. Years must lie in 1900–2100. A bare month name
 * (`Jan`, `Fevereiro`) needs `options.defaultYear`. Numeric month/year needs four year digits (`01/25` is
 * refused: day/month or month/year?). A serial written as text (`"45658"`) is not read as a date.
 *
 * @param options the options, or just the hint (the kind a single date stands for).
 */
export function parsePeriod(value: CellValue, options?: ParsePeriodOptions | PeriodKind): PeriodOutcome {
  const settings: ParsePeriodOptions = typeof options === "string" ? { hint: options } : (options ?? {});
  const dayKind: PeriodKind = ALL_KINDS.includes(settings.hint as PeriodKind) ? (settings.hint as PeriodKind) : "month";
  if (value === null || value === undefined) return invalid(messages.periodEmpty);
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return invalid(messages.invalidPeriod(String(value)));
    return fromEpochMs(ms, dayKind, value.toISOString());
  }
  if (typeof value === "number") return fromNumber(value, dayKind);
  if (typeof value !== "string") {
    return invalid(messages.invalidPeriod(typeof value === "boolean" ? String(value) : "?"));
  }
  const raw = value.trim();
  if (raw === "") return invalid(messages.periodEmpty);
  if (raw.length > MAX_TEXT_LENGTH) return invalid(messages.invalidPeriod(raw));
  const text = normalize(raw);
  const context: ReadContext = { raw, dayKind, defaultYear: settings.defaultYear };
  return readSingle(text, context) ?? readRange(text, context) ?? invalid(messages.invalidPeriod(raw));
}
