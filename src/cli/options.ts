/**
 * One option parser for the commands (`avaliar`, `consolidar`, `comunicado`). Each command declares its
 * options — a name (`--periodo`), whether it is a flag or takes a value, and for a value what it expects
 * (in pt-BR, for the messages) and how it is read (`read`: the value, or the problem with it) — and the
 * messages for its one operand (the file or folder) missing or given twice. `parseOptions` walks argv once
 * and gives back the values, help, or the first mistake as a pt-BR message that names the option and says
 * what was expected. It never throws.
 *
 * The syntax, the same for every command: `--opcao valor` or `--opcao=valor`; the value after the name is
 * taken whatever it looks like (`--saida -x.xlsx`); an empty value is a missing one; `--help` or `-h`
 * anywhere asks for help; anything else starting with `-` is an unknown option; the rest is the operand.
 * The readers below are the ones the commands share (period, preset, method, path, whole number).
 */
import { cliStrings, commandStrings } from "./messages";
import { parsePeriod } from "../core/periods";
import { presets, type PresetId } from "../core/presets";
import type { ConceptRule } from "../core/evaluate";
import type { OverallMethod, Period } from "../core/types";
import { RULES, type RuleName } from "../workbook/settings";

/** What a reader makes of a value: the value, or a pt-BR sentence on what is wrong with it. */
export type ReadResult<T> = { ok: true; value: T } | { ok: false; problem: string };
export type Reader<T> = (raw: string) => ReadResult<T>;

export interface FlagOption {
  kind: "flag";
  name: string;
}

export interface ValueOption<T> {
  kind: "value";
  name: string;
  /** What the option expects, for the message when its value is missing (`proporcao ou media`). */
  expects: string;
  read: Reader<T>;
}

export type OptionSpec = FlagOption | ValueOption<unknown>;
export type OptionSpecs = Record<string, OptionSpec>;

/** The command's one operand: the messages when it is missing and when a second one is given. */
export interface OperandSpec {
  missing: string;
  extra: (arg: string) => string;
}

type FlagKeys<S extends OptionSpecs> = { [K in keyof S]: S[K] extends FlagOption ? K : never }[keyof S];
type ValueKeys<S extends OptionSpecs> = Exclude<keyof S, FlagKeys<S>>;

/** The parsed options: every flag as a boolean, each value option only when it was given. */
export type OptionValues<S extends OptionSpecs> = { [K in FlagKeys<S>]: boolean } & {
  [K in ValueKeys<S>]?: S[K] extends ValueOption<infer T> ? T : never;
};

export type ParsedOptions<S extends OptionSpecs> =
  { kind: "parsed"; operand: string; values: OptionValues<S> } | { kind: "help" } | { kind: "error"; message: string };

export const HELP_OPTIONS: readonly string[] = ["--help", "-h"];

export function flag(name: string): FlagOption {
  return { kind: "flag", name };
}

export function valueOption<T>(name: string, expects: string, read: Reader<T>): ValueOption<T> {
  return { kind: "value", name, expects, read };
}

const own = (table: object, key: string): boolean => Object.prototype.hasOwnProperty.call(table, key);

/** Reads `argv` (the arguments after the command's name) against the command's options. Never throws. */
export function parseOptions<S extends OptionSpecs>(
  argv: readonly string[],
  specs: S,
  operand: OperandSpec,
): ParsedOptions<S> {
  const byName = new Map<string, [keyof S, OptionSpec]>();
  for (const key of Object.keys(specs)) byName.set(specs[key].name, [key, specs[key]]);
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(specs)) if (specs[key].kind === "flag") values[key] = false;
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = String(argv[i]);
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (HELP_OPTIONS.includes(name)) return { kind: "help" };
    const entry = byName.get(name);
    if (!entry) {
      if (arg.startsWith("-")) return { kind: "error", message: cliStrings.unknownOption(arg) };
      if (found !== undefined) return { kind: "error", message: operand.extra(arg) };
      found = arg;
      continue;
    }
    const [key, spec] = entry;
    if (spec.kind === "flag") {
      if (inline !== undefined) return { kind: "error", message: commandStrings.flagWithValue(spec.name) };
      values[key as string] = true;
      continue;
    }
    const raw = inline ?? (i + 1 < argv.length ? String(argv[++i]) : "");
    if (raw === "") return { kind: "error", message: commandStrings.missingValue(spec.name, spec.expects) };
    const read = spec.read(raw);
    if (!read.ok) return { kind: "error", message: commandStrings.invalidValue(spec.name, read.problem) };
    values[key as string] = read.value;
  }
  if (found === undefined) return { kind: "error", message: operand.missing };
  return { kind: "parsed", operand: found, values: values as OptionValues<S> };
}

// ---------------------------------------------------------------------------------------------------------
// The readers the commands share

export const readPeriod: Reader<Period> = (raw) => {
  const p = parsePeriod(raw);
  return p.kind === "period" ? { ok: true, value: p.period } : { ok: false, problem: p.problem.message };
};

export const readPreset: Reader<PresetId> = (raw) =>
  own(presets, raw) ? { ok: true, value: raw as PresetId } : { ok: false, problem: cliStrings.unknownPreset(raw) };

/** The method's names on the command line, with and without the accent. */
const METHODS: Record<string, OverallMethod> = {
  proporcao: "shareMet",
  proporção: "shareMet",
  media: "meanAttainment",
  média: "meanAttainment",
};

export const readMethod: Reader<OverallMethod> = (raw) => {
  const v = raw.toLowerCase();
  return own(METHODS, v) ? { ok: true, value: METHODS[v] } : { ok: false, problem: cliStrings.unknownMethod(v) };
};

/** The concept rule by its pt-BR name (settings `RULES`). */
export const readRule: Reader<ConceptRule> = (raw) => {
  const v = raw.toLowerCase();
  return own(RULES, v) ? { ok: true, value: RULES[v as RuleName] } : { ok: false, problem: cliStrings.unknownRule(v) };
};

/** A file name; with `ending`, one whose name matches its pattern (`wrong` says what it should end with). */
export function readPath(ending?: { pattern: RegExp; wrong: (file: string) => string }): Reader<string> {
  return (raw) =>
    !ending || ending.pattern.test(raw) ? { ok: true, value: raw } : { ok: false, problem: ending.wrong(raw) };
}

/** A whole number from `min` to `max` (digits only; spaces around are allowed). */
export function readInteger(min: number, max: number): Reader<number> {
  return (raw) => {
    const n = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
    return n >= min && n <= max
      ? { ok: true, value: n }
      : { ok: false, problem: commandStrings.notAnInteger(raw, min, max) };
  };
}

/** The options every command has: which period, which rules, which overall method. */
export const commonOptions = {
  period: valueOption("--periodo", commandStrings.expects.period, readPeriod),
  preset: valueOption("--predefinicao", commandStrings.expects.preset, readPreset),
  method: valueOption("--metodo", commandStrings.expects.method, readMethod),
  rule: valueOption("--regra", commandStrings.expects.rule, readRule),
};

/** The options of `avaliar`, which `consolidar` has too: the mapping, the .xlsx written, what is printed. */
export const evaluateOptions = {
  ...commonOptions,
  mapFile: valueOption("--mapa", commandStrings.expects.mapFile, readPath()),
  output: valueOption(
    "--saida",
    commandStrings.expects.xlsxOutput,
    readPath({ pattern: /\.xlsx$/i, wrong: cliStrings.outputNotXlsx }),
  ),
  noOutput: flag("--sem-arquivo"),
  json: flag("--json"),
};
