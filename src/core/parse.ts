/**
 * Reading what people type: pt-BR numbers and percentages, Excel errors, target texts ("90% ou mais",
 * "Mínimo de 10 visitas", "> 50 e ≤ 70"), and the small vocabularies of the indicator table's columns.
 * Nothing here throws on user data: unreadable input comes back as a `Problem` with a pt-BR reason.
 */
import { messages, targetTextStrings } from "./messages";
import type {
  Aggregation,
  Bound,
  CellValue,
  Direction,
  Interval,
  JustificationDecision,
  Kind,
  PeriodKind,
  Problem,
  ReadOutcome,
  Reading,
  Scale,
  Target,
  TargetOutcome,
  Unit,
} from "./types";

/**
 * A small memo for pure text → value functions called once per row on texts that repeat across rows (an
 * indicator's name, "Desempenho", a target text): the work is done once per distinct text. It forgets
 * everything when full instead of tracking use, which is cheaper and enough for a table's few hundred
 * distinct texts; long texts (justifications) are rarely repeated and are not kept.
 */
export class TextMemo<T> {
  private readonly entries = new Map<string, T>();
  constructor(
    private readonly compute: (text: string) => T,
    private readonly capacity = 2048,
    private readonly maxLength = 256,
  ) {}

  get(text: string): T {
    const found = this.entries.get(text);
    if (found !== undefined) return found;
    const value = this.compute(text);
    if (typeof text === "string" && text.length <= this.maxLength) {
      if (this.entries.size >= this.capacity) this.entries.clear();
      this.entries.set(text, value);
    }
    return value;
  }
}

/**
 * The same memo for functions of two texts (a row's unit and its municipality): one map per first text.
 * It forgets everything when full, as `TextMemo` does.
 */
export class PairMemo<T> {
  private readonly entries = new Map<string, Map<string, T>>();
  private size = 0;
  constructor(
    private readonly compute: (a: string, b: string) => T,
    private readonly capacity = 65536,
  ) {}

  get(a: string, b: string): T {
    let inner = this.entries.get(a);
    const found = inner?.get(b);
    if (found !== undefined) return found;
    const value = this.compute(a, b);
    if (this.size >= this.capacity) {
      this.entries.clear();
      this.size = 0;
      inner = undefined;
    }
    if (!inner) {
      inner = new Map<string, T>();
      this.entries.set(a, inner);
    }
    inner.set(b, value);
    this.size += 1;
    return value;
  }
}

const normalized = new TextMemo((text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u00a0\u202f\u2007\s]+/g, " ")
    .trim()
    .toLowerCase(),
);

/** Lower-cases, strips accents and folds every kind of space, so keywords match however they were typed. */
export function normalizeText(text: string): string {
  return normalized.get(text);
}

/** Excel error values, in English and pt-BR Excel. */
const EXCEL_ERRORS = new Set([
  "#N/A",
  "#N/D",
  "#DIV/0!",
  "#VALUE!",
  "#VALOR!",
  "#REF!",
  "#NAME?",
  "#NOME?",
  "#NUM!",
  "#NÚM!",
  "#NULL!",
  "#NULO!",
  "#SPILL!",
  "#DESPEJAR!",
  "#CALC!",
  "#GETTING_DATA",
  "#OBTENDO_DADOS",
  "#FIELD!",
  "#CAMPO!",
]);

/** True when a text is one of Excel's error values (`#N/D`, `#DIV/0!`, …). */
export function isExcelError(text: string): boolean {
  return EXCEL_ERRORS.has(text.trim().toUpperCase());
}

const percentFormat = new TextMemo((numberFormat: string) =>
  numberFormat
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .includes("%"),
);

/** True when an Excel number format displays percentages (a `%` outside quoted text and escapes). */
export function isPercentFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  // Read for every number cell, and a workbook has only a handful of formats.
  return percentFormat.get(numberFormat);
}

/**
 * Parses a number written the pt-BR way or the plain way, without a `%`:
 * `75,5`, `1.234,5`, `1234.5`, `0,95`, `-3`, `1.234` (a dot followed by groups of three digits is a
 * thousands separator, as pt-BR writes it). Returns undefined when the text is not just a number.
 */
export function parseNumberText(text: string): number | undefined {
  const t = text.replace(/[\u00a0\u202f\u2007 ]/g, "");
  if (!/^[+-]?(\d|[.,]\d)/.test(t)) return undefined;
  let body = t;
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) body = t.replace(/\./g, "").replace(",", ".");
  else if (/^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(t)) body = t.replace(/,/g, "");
  else if (/^[+-]?(\d+)?,\d+$/.test(t)) body = t.replace(",", ".");
  else if (/^[+-]?\d+,$/.test(t)) body = t.slice(0, -1);
  else if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return undefined;
  const value = Number(body);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Parses a text that is a number with an optional `%` (`75%`, `75 %`, ` 80% `, `0,8`, `1.234,5`).
 * Percent readings hold fractions: `75%` → { value: 0.75, scale: "percent" }.
 */
export function parseReadingText(text: string): Reading | undefined {
  const t = text.trim();
  const percent = /%\s*$/.test(t);
  const value = parseNumberText(percent ? t.replace(/%\s*$/, "").trim() : t);
  if (value === undefined) return undefined;
  return percent ? { value: value / 100, scale: "percent" } : { value, scale: "plain" };
}

/**
 * Reads one cell as a number. `numberFormat` is the cell's Excel format: a percentage format means the
 * stored number is already a fraction. Empty cells are `empty` (no data yet, "Sem dado"); anything else that
 * is not a number is `invalid` with the reason.
 */
export function readNumber(value: CellValue, numberFormat?: string): ReadOutcome {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return invalid("notANumber", messages.notANumber(String(value)));
    return { kind: "number", reading: { value, scale: isPercentFormat(numberFormat) ? "percent" : "plain" } };
  }
  if (typeof value === "boolean") return invalid("notANumber", messages.logicalValue(value));
  if (value instanceof Date) return invalid("notANumber", messages.dateNotNumber);
  const text = String(value);
  if (text.trim() === "") return { kind: "empty" };
  if (isExcelError(text)) return invalid("excelError", messages.excelError(text.trim()));
  const reading = parseReadingText(text);
  if (reading) return { kind: "number", reading };
  return invalid("notANumber", messages.notANumber(text));
}

function invalid(code: Problem["code"], message: string): { kind: "invalid"; problem: Problem } {
  return { kind: "invalid", problem: { code, message } };
}

// ---------------------------------------------------------------------------------------------------
// Intervals and targets

/** A number found in a text, with its scale, and where it sits. */
interface NumberToken {
  reading: Reading;
  index: number;
  end: number;
}

/** Numbers in a text: pt-BR or plain, with an optional `%` (and the footnote star of "75%*"). */
function numberTokens(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  const re = /(?<![\d.,/])[-+]?(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?:\s?%)?(?![\d/])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const reading = parseReadingText(m[0]);
    if (reading) tokens.push({ reading, index: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** Comparison operators as people type them, longest first so `>=` is not read as `>`. */
const OPERATORS: [RegExp, "lower" | "upper" | "equal", boolean][] = [
  [/^(?:>=|=>|≥|maior ou igual (?:a )?|no minimo |pelo menos |a partir de )$/, "lower", true],
  [/^(?:<=|=<|≤|menor ou igual (?:a )?|no maximo |ate )$/, "upper", true],
  [/^(?:>|maior (?:que|do que) |acima de |superior a |mais (?:de|que) )$/, "lower", false],
  [/^(?:<|menor (?:que|do que) |abaixo de |inferior a |menos (?:de|que) )$/, "upper", false],
  [/^(?:=|igual a )$/, "equal", true],
];

/** Reads one comparison such as `> 50`, `≤ 70%` or `até 5%` into the bound it sets. */
function parseComparison(text: string): { side: "lower" | "upper" | "equal"; bound: Bound; scale: Scale } | undefined {
  const m = /^(.*?)\s*([-+]?[\d.,]+\s?%?)$/.exec(text.trim());
  if (!m) return undefined;
  const reading = parseReadingText(m[2]);
  if (!reading) return undefined;
  const op = m[1].trim() === "" ? "" : `${m[1].trim()}${/[a-z]$/.test(m[1].trim()) ? " " : ""}`;
  if (op === "") return { side: "equal", bound: { value: reading.value, inclusive: true }, scale: reading.scale };
  for (const [re, side, inclusive] of OPERATORS) {
    if (re.test(op)) return { side, bound: { value: reading.value, inclusive }, scale: reading.scale };
  }
  return undefined;
}

/**
 * Parses an interval condition such as `> 50 e ≤ 70`, `≤ 10 ou > 70`, `entre 50% e 70%`, `de 50 a 70`,
 * `50 a 70`, `≥ 5`, or a lone number (that single point). `ou` joins intervals; `e` joins the two ends of
 * one. Percent values come back as fractions and `scale` says so.
 */
export function parseIntervalText(
  text: string,
): { kind: "intervals"; intervals: Interval[]; scale: Scale } | { kind: "invalid"; problem: Problem } {
  const t = normalizeText(String(text)).replace(/(\d)\s*%/g, "$1%");
  const fail = {
    kind: "invalid" as const,
    problem: { code: "unreadableTarget" as const, message: messages.unreadableInterval(String(text)) },
  };
  if (t === "") return fail;
  const intervals: Interval[] = [];
  let scale: Scale = "plain";
  for (const part of t.split(/\s+ou\s+/)) {
    const between = /^(?:entre|de)?\s*([-+]?[\d.,]+%?)\s+(?:e|a|ate)\s+([-+]?[\d.,]+%?)$/.exec(part);
    if (between) {
      const lo = parseReadingText(between[1]);
      const hi = parseReadingText(between[2]);
      if (!lo || !hi) return fail;
      const s = lo.scale === "percent" || hi.scale === "percent" ? "percent" : "plain";
      const fix = (r: Reading) => (s === "percent" && r.scale === "plain" ? r.value / 100 : r.value);
      intervals.push({ lower: { value: fix(lo), inclusive: true }, upper: { value: fix(hi), inclusive: true } });
      if (s === "percent") scale = "percent";
      continue;
    }
    const interval: Interval = {};
    for (const piece of part.split(/\s+e\s+/)) {
      const c = parseComparison(piece);
      if (!c) return fail;
      if (c.scale === "percent") scale = "percent";
      if (c.side === "equal") {
        interval.lower = c.bound;
        interval.upper = c.bound;
      } else if (c.side === "lower") {
        if (interval.lower) return fail;
        interval.lower = c.bound;
      } else {
        if (interval.upper) return fail;
        interval.upper = c.bound;
      }
    }
    intervals.push(interval);
  }
  return { kind: "intervals", intervals, scale };
}

/** Words that say lower is better, after `normalizeText`. */
const AT_MOST_WORDS =
  /\b(no maximo|maximo|ate|nao ultrapassar|nao superior|inferior a|menor que|menor ou igual|abaixo de|ou menos|diminuir|diminuicao|reduzir|reducao|reduzida?|zerar)\b/;
/** Words that say higher is better (the default anyway; listed so conflicting texts can be noticed). */
const AT_LEAST_WORDS =
  /\b(no minimo|minimo|ou mais|pelo menos|cobertura|acima de|superior a|maior que|maior ou igual|aumentar|ampliar|cumprir|atingir|atingimento)\b/;
/** Words that ask for a change relative to a baseline, which a target text alone cannot give. */
const CHANGE_WORDS = /\b(diminuir|diminuicao|reduzir|reducao|aumentar|ampliar|aumento)\b/;
/** Words that mean "all of them": 100%. */
const ALL_WORDS = /\b(todas|todos|totalidade)\b/;

/** The unit of a target number: percent when written with `%`, count for whole numbers, ratio otherwise. */
function unitOf(reading: Reading, normalized: string): Unit {
  if (reading.scale === "percent") return "percent";
  if (/\brazao\b/.test(normalized)) return "ratio";
  return Number.isInteger(reading.value) ? "count" : "ratio";
}

/**
 * Reads a target from a cell: a number (with the cell's format) or a text as contracts write them:
 * `90% ou mais das fichas`, `75%* de gestantes`, `Cobertura de 80%`, `Mínimo de 10 visitas domiciliares ao
 * mês`, `0% de casos de sífilis congênita`, `≥ 90%`, `até 5%`, `no máximo 2`, `entre 50% e 70%`,
 * `> 50 e ≤ 70`, `de 50 a 70%`. When a text has several numbers, the first one is the target (the rest
 * qualify it: "… para 100% dos relatórios", "… LEI 7247"). Rules, in order:
 * - a text with two targets ("≥ 95% e 0% de casos de sífilis"; see `secondTarget`) is not read: the
 *   problem names both and asks for one per row, rather than silently dropping the second;
 * - a range holding the first number (`entre … e …`, `> a e ≤ b`, `de a a b`) is a `range` target;
 * - an operator before the first number (`≥`, `>`, `≤`, `<`, `=`) decides the direction;
 * - otherwise at-most words (`no máximo`, `até`, `reduzir`…) make it `atMost`; at-least is the default;
 * - a target of 0 with no explicit direction is `atMost` ("0% de casos"): at least 0 would always be met;
 * - no number: "todas/todos" is 100% at least; a change word (`diminuir`, `reduzir`, `aumentar`) needs a
 *   baseline (`needsBaseline`, never a guess); anything else is unreadable.
 */
export function parseTarget(value: CellValue, numberFormat?: string): TargetOutcome {
  if (
    typeof value === "number" ||
    value === null ||
    value === undefined ||
    (typeof value === "string" && value.trim() === "")
  ) {
    const read = readNumber(value, numberFormat);
    if (read.kind === "empty") return { kind: "empty" };
    if (read.kind === "invalid")
      return {
        kind: "invalid",
        problem: { code: "unreadableTarget", message: messages.unreadableTarget(String(value), read.problem.message) },
      };
    return { kind: "target", target: targetFromNumber(read.reading, "") };
  }
  if (typeof value !== "string") {
    return {
      kind: "invalid",
      problem: {
        code: "unreadableTarget",
        message: messages.unreadableTarget(String(value), messages.expectedTargetText),
      },
    };
  }
  if (isExcelError(value)) {
    return {
      kind: "invalid",
      problem: {
        code: "unreadableTarget",
        message: messages.unreadableTarget(value, messages.excelError(value.trim())),
      },
    };
  }
  // A contract's target text is repeated on every month and unit of its indicator: parse each text once.
  // Callers get their own copy, so a caller changing what it got cannot change what later rows read.
  return copyTargetOutcome(parsedTargetTexts.get(value));
}

/** Parsed target texts (a target text's reading does not depend on the cell's number format). */
const parsedTargetTexts = new TextMemo(parseTargetText, 1024);

function copyTargetOutcome(outcome: TargetOutcome): TargetOutcome {
  switch (outcome.kind) {
    case "target":
      return { kind: "target", target: copyTarget(outcome.target) };
    case "needsBaseline":
      return { kind: "needsBaseline", direction: outcome.direction, problem: { ...outcome.problem } };
    case "invalid":
      return { kind: "invalid", problem: { ...outcome.problem } };
    default:
      return { ...outcome };
  }
}

function copyTarget(target: Target): Target {
  const copy = { ...target };
  if (target.interval) {
    const { lower, upper } = target.interval;
    copy.interval = {
      ...target.interval,
      ...(lower ? { lower: { ...lower } } : {}),
      ...(upper ? { upper: { ...upper } } : {}),
    };
  }
  return copy;
}

function targetFromNumber(reading: Reading, normalized: string, direction?: Direction, strict = false): Target {
  const dir = direction ?? (reading.value === 0 ? "atMost" : "atLeast");
  return {
    direction: dir,
    value: reading.value,
    unit: unitOf(reading, normalized),
    scale: reading.scale,
    ...(strict ? { strict } : {}),
  };
}

const RANGE_NUMBER = String.raw`[-+]?[\d.,]+%?`;
/** A comparison's operator, in signs or in the words `OPERATORS` reads ("no mínimo 50 e no máximo 70" is a range). */
const RANGE_OPERATOR = String.raw`(?:>=|=>|≥|>|<=|=<|≤|<|(?<![a-z])(?:no minimo|pelo menos|a partir de|no maximo|ate|acima de|abaixo de|superior a|inferior a|mais (?:de|que)|menos (?:de|que)|(?:maior|menor) (?:ou igual a|que|do que)))`;
/** A change word just before `de a a b`: "reduzir de 10 a 5" is a change, not a range. */
const CHANGE_BEFORE = /\b(diminuir|diminuicao|reduzir|reducao|aumentar|aumento|ampliar)\s*$/;
/** The ways a range is written (see `leadingRange`), each with whether its ends must come in order. */
const RANGE_FORMS: [RegExp, boolean][] = [
  [new RegExp(String.raw`(?:^|\s)entre\s+${RANGE_NUMBER}\s+(?:e|a|ate)\s+${RANGE_NUMBER}`), false],
  [new RegExp(String.raw`${RANGE_OPERATOR}\s*${RANGE_NUMBER}\s+e\s+${RANGE_OPERATOR}\s*${RANGE_NUMBER}`), false],
  [new RegExp(String.raw`(?:^|\s)de\s+${RANGE_NUMBER}\s+(?:a|ate)\s+${RANGE_NUMBER}`), true],
  [new RegExp(String.raw`^${RANGE_NUMBER}\s+(?:a|ate)\s+${RANGE_NUMBER}`), true],
];

/**
 * Two numbers written as one range, and where it ends: `entre a e b` (or `a`, `até`), two comparisons joined
 * by `e` (`> 50 e ≤ 70`, `no mínimo 6 e no máximo 10`), `de a a b`, or `a a b` opening the text. A range counts only when it holds the
 * text's first number: "90% das crianças entre 2 e 5 anos" is a target of 90% (the ages qualify it). `de a a
 * b` and `a a b` also need a ≤ b and no change word before them ("reduzir de 10 a 5" is a change).
 */
function leadingRange(n: string, first: NumberToken): { target: Target; end: number } | undefined {
  for (const [re, ordered] of RANGE_FORMS) {
    const m = re.exec(n);
    if (!m || m.index + m[0].search(/[-+]?\d/) !== first.index) continue;
    const parsed = parseIntervalText(m[0]);
    if (parsed.kind !== "intervals" || parsed.intervals.length !== 1) continue;
    const interval = parsed.intervals[0];
    if (!interval.lower || !interval.upper) continue;
    // An empty interval is no range ("até 0,1% e pelo menos 1 consulta" is two targets, not one).
    if (interval.lower.value > interval.upper.value) continue;
    if (ordered && CHANGE_BEFORE.test(n.slice(0, m.index))) continue;
    const unit: Unit = parsed.scale === "percent" ? "percent" : "ratio";
    return {
      target: { direction: "range", value: NaN, unit, scale: parsed.scale, interval },
      end: m.index + m[0].length,
    };
  }
  return undefined;
}

/** Where a clause ends and another may begin: a sentence end (`.`, `;`), a comma, or the word `e`. */
const CLAUSE_BOUNDARY = /[.;]\s+|,\s+(?:e\s+)?|\s+e\s+/gi;
/** What may stand between a clause's start and its number for that number to open a target (after `normalizeText`). */
const TARGET_LEAD =
  /^(?:>=|=>|≥|<=|=<|≤|>|<|=|(?:no |ao )?(?:minimo|maximo)(?: de)?|pelo menos|ao menos|a partir de|ate|acima de|abaixo de|mais (?:de|que)|menos (?:de|que)|superior a|inferior a|(?:maior|menor) (?:ou igual a|que|do que)|exatamente|igual a)$/;

/**
 * The two targets of a text that carries more than one ("75% de gestantes com 6 consultas ou mais e 100% da
 * consulta de puerpério"; "Tratamento de 100% das gestantes. 0% de casos de sífilis congênita."), or
 * undefined. Taking the first one silently would drop the second, so the caller reports them.
 *
 * `from` is the ordinal of the first number after the first target (1, or the one after a range). A later
 * number opens a second target when a clause boundary (`.`, `;`, `,`, `e`) stands between it and the
 * number before, and after that boundary:
 * - it comes first (`… e 100% da consulta`, `… e 2 atividades`), or right after an operator or a
 *   minimum/maximum word (`… e ≤ 5%`, `… e no máximo 2`);
 * - or it is a percentage after other words, past `.`, `;` or `e` (`… e cobertura de 80%`); a plain
 *   number after words qualifies (`… CONFORME LEI 7247`, `… e diabéticos com 2 consultas`).
 * Numbers listed together after the first target ("crianças de 1, 2 e 3 anos") qualify it too.
 * Ranges are one target: the caller starts after them.
 */
function secondTarget(text: string, from: number): { first: string; second: string } | undefined {
  // Original case and accents (for the message); spaces folded as normalizeText folds them.
  const t = text
    .replace(/[\u00a0\u202f\u2007\s]+/g, " ")
    .trim()
    .replace(/(\d) %/g, "$1%");
  const tokens = numberTokens(t);
  for (let k = Math.max(from, 1); k < tokens.length; k += 1) {
    const previous = tokens[k - 1];
    const token = tokens[k];
    const gap = t.slice(previous.end, token.index);
    let boundary: RegExpMatchArray | undefined;
    for (const m of gap.matchAll(CLAUSE_BOUNDARY)) boundary = m;
    if (!boundary || boundary.index === undefined) continue;
    const lead = normalizeText(gap.slice(boundary.index + boundary[0].length));
    const percent = token.reading.scale === "percent";
    const comma = /^,\s*$/.test(boundary[0]);
    const listed = gap.slice(0, boundary.index).trim() === "" && k - 1 >= from;
    const opens = listed ? false : lead === "" || TARGET_LEAD.test(lead) || (percent && !comma);
    if (!opens) continue;
    const cut = previous.end + boundary.index;
    const first = t.slice(0, cut).replace(/[\s.;,]+$/, "");
    const rest = t.slice(cut + boundary[0].length);
    const second = rest.split(/[.;]\s/)[0].replace(/[\s.;,]+$/, "");
    return { first, second };
  }
  return undefined;
}

function parseTargetText(text: string): TargetOutcome {
  const n = normalizeText(text).replace(/(\d)\s+%/g, "$1%");
  const tokens = numberTokens(n);
  const range = tokens.length > 0 ? leadingRange(n, tokens[0]) : undefined;

  if (tokens.length > 1) {
    const after = range ? tokens.filter((token) => token.end <= range.end).length : 1;
    const two = secondTarget(text, after);
    if (two) {
      // Two bare numbers ("50% e 70%") may have been meant as a range: the message says how to write one.
      const plain = (s: string) => /^[-+]?[\d.,]+%?$/.test(s.trim());
      const reason =
        plain(two.first) && plain(two.second)
          ? targetTextStrings.twoTargetsOrRange(two.first, two.second)
          : targetTextStrings.twoTargets(two.first, two.second);
      return {
        kind: "invalid",
        problem: { code: "unreadableTarget", message: messages.unreadableTarget(text, reason) },
      };
    }
  }
  if (range) return { kind: "target", target: range.target };

  if (tokens.length === 0) {
    if (ALL_WORDS.test(n))
      return { kind: "target", target: { direction: "atLeast", value: 1, unit: "percent", scale: "percent" } };
    if (CHANGE_WORDS.test(n)) {
      const direction: Direction = AT_MOST_WORDS.test(n) ? "atMost" : "atLeast";
      return {
        kind: "needsBaseline",
        direction,
        problem: { code: "needsBaseline", message: messages.needsBaseline(text) },
      };
    }
    return {
      kind: "invalid",
      problem: { code: "unreadableTarget", message: messages.unreadableTarget(text, messages.expectedTargetText) },
    };
  }

  const first = tokens[0];
  if (first.reading.value < 0) {
    return {
      kind: "invalid",
      problem: { code: "unreadableTarget", message: messages.unreadableTarget(text, messages.negativeTarget) },
    };
  }
  const before = n.slice(0, first.index).trimEnd();
  const operator = /(>=|=>|≥|<=|=<|≤|>|<|=)$/.exec(before)?.[1];
  // "Reduzir em 10%" is a change relative to a baseline, not a value to stay under.
  if (/\b(diminuir|reduzir|aumentar|ampliar)\s+(em|de)\s*$/.test(before)) {
    const direction: Direction = /diminuir|reduzir/.test(before) ? "atMost" : "atLeast";
    return {
      kind: "needsBaseline",
      direction,
      problem: { code: "needsBaseline", message: messages.needsBaseline(text) },
    };
  }
  if (operator) {
    const lower = operator.includes(">") || operator === "≥";
    const upper = operator.includes("<") || operator === "≤";
    const strict = operator === ">" || operator === "<";
    const direction: Direction = lower ? "atLeast" : upper ? "atMost" : "exactly";
    return { kind: "target", target: targetFromNumber(first.reading, n, direction, strict) };
  }
  let direction: Direction | undefined;
  if (/\b(exatamente|igual a)\s*$/.test(before)) direction = "exactly";
  else if (AT_MOST_WORDS.test(n) && !AT_LEAST_WORDS.test(before)) direction = "atMost";
  else if (AT_LEAST_WORDS.test(n)) direction = "atLeast";
  return { kind: "target", target: targetFromNumber(first.reading, n, direction) };
}

// ---------------------------------------------------------------------------------------------------
// The small vocabularies of the table's columns

/** Reads the "Sentido"/"Polaridade" column: `maior melhor` → atLeast, `menor melhor` → atMost. */
export function parseDirection(value: CellValue): Direction | undefined {
  if (typeof value !== "string") return undefined;
  const n = normalizeText(value);
  if (n === "") return undefined;
  if (/\b(menor|decrescente|negativa|reduzir|diminuir)\b|↓|≤|<=/.test(n)) return "atMost";
  if (/\b(maior|crescente|positiva|aumentar)\b|↑|≥|>=/.test(n)) return "atLeast";
  if (/\b(faixa|intervalo|entre)\b/.test(n)) return "range";
  if (/\b(igual|exato|exatamente)\b|^=$/.test(n)) return "exactly";
  return undefined;
}

/** Reads the "Natureza"/"Classificação" column: Desempenho or Monitoramento. */
export function parseKind(value: CellValue): Kind | undefined {
  if (typeof value !== "string") return undefined;
  const n = normalizeText(value);
  if (/^desempenho\b|^d$/.test(n)) return "desempenho";
  if (/^monitoramento\b|^m$/.test(n)) return "monitoramento";
  return undefined;
}

/**
 * Reads the "Justificativa aceita" column: `Sim`/`Total` → total, `Parcial`/`Parcialmente` → partial,
 * `Não` → rejected; empty → undefined (no decision yet).
 */
export function parseJustificationDecision(value: CellValue): JustificationDecision | undefined | Problem {
  if (value === null || value === undefined || value === false) return value === false ? "rejected" : undefined;
  if (value === true) return "total";
  const n = normalizeText(String(value));
  if (n === "") return undefined;
  if (/^(sim|s|total|totalmente|aceita|aceito|acatada|acatado)$/.test(n)) return "total";
  if (/^(parcial|parcialmente|parcialmente aceita|em parte)$/.test(n)) return "partial";
  if (/^(nao|n|rejeitada|recusada|nao aceita|negada)$/.test(n)) return "rejected";
  return { code: "invalidArgument", message: messages.unreadableDecision(String(value)) };
}

/** Reads the "Agregação" column: média, soma, último, razão. */
export function parseAggregation(value: CellValue): Aggregation | undefined {
  if (typeof value !== "string") return undefined;
  const n = normalizeText(value);
  if (/^media/.test(n)) return "mean";
  if (/^soma|^total/.test(n)) return "sum";
  if (/^ultim/.test(n)) return "last";
  if (/^razao|^proporcao/.test(n)) return "ratio";
  return undefined;
}

/**
 * Reads the "Periodicidade" column as the kind of period one result covers: Mensal → month, Bimestral,
 * Trimestral, Quadrimestral, Semestral, Anual, and "N vezes ao ano" (12 → month, 6 → bimester, 4 → quarter,
 * 3 → four-month, 2 → semester, 1 → year). Finer than a month (diária, semanal) is read as monthly: a month
 * is the smallest period a table holds. Anything else is undefined (the rows' own periods then decide).
 */
export function parsePeriodicity(value: CellValue): PeriodKind | undefined {
  if (typeof value !== "string") return undefined;
  const n = normalizeText(value);
  if (/^mensal/.test(n) || /^diari|^semanal|^quinzenal/.test(n)) return "month";
  if (/^bimestral/.test(n)) return "bimester";
  if (/^trimestral/.test(n)) return "quarter";
  if (/^quadrimestral/.test(n)) return "fourMonth";
  if (/^semestral/.test(n)) return "semester";
  if (/^anual/.test(n)) return "year";
  const times = /^(\d+)\s*(x|vezes)\s*(ao|por|no)\s*ano/.exec(n);
  if (times) {
    const byCount: Record<string, PeriodKind> = {
      "12": "month",
      "6": "bimester",
      "4": "quarter",
      "3": "fourMonth",
      "2": "semester",
      "1": "year",
    };
    return byCount[String(Number(times[1]))];
  }
  return undefined;
}

/** True for a value that is a `Problem` rather than a result. */
export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" && value !== null && "code" in value && "message" in value && !(value instanceof Date)
  );
}
