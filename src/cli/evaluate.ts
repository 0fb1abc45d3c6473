/**
 * The command: `contratualiza avaliar <arquivo.xlsx> …` evaluates a workbook without Excel, writes an
 * evaluated copy (`<nome>.avaliado.xlsx`: owned columns, colours, a summary sheet per period) and prints
 * the result (pt-BR, or JSON with --json). Exit codes: 0 evaluated, 1 evaluated with problems,
 * 2 could not read, nothing to evaluate, or the copy could not be written. The input file is only read.
 *
 * Settings stored in the workbook by the task pane (preset, method, bands, mapping) apply; options given
 * on the command line win over them.
 */
import fs from "fs";
import { cliStrings, progressStrings } from "./messages";
import type { LocatedProblem } from "../core/evaluate";
import { headerRowsOf, typedSheet } from "../hosts/file/csv/typed";
import { runPipeline, type PipelineResult } from "../workbook/pipeline";
import { buildPlan } from "../workbook/plan/build";
import type { WritePlan } from "../workbook/plan/types";
import type { ExplicitMapping } from "../workbook/model";
import { isAddinSheet } from "../workbook/addinParts";
import type { WorkbookData } from "../workbook/model";
import { readSettings, runRules } from "../workbook/settings";
import { readWorkbookFile, type WorkbookSource } from "../hosts/file/xlsx/read";
import { defaultOutputPath, writeEvaluatedFile } from "../hosts/file/xlsx/write";
import path from "path";
import { parseArgs, type EvaluateCommand } from "./args";
import { createProgress, type Progress, type ProgressStream } from "./progress";
import { toJson, toText, whyNothingEvaluated, type OutputReport } from "./report";
import { pushAll, unshiftAll } from "../core/arrays";

export interface Output extends ProgressStream {
  write(text: string): unknown;
}

/** Reads a mapping file (JSON); a pt-BR message when it cannot be used. */
function readMapping(file: string): ExplicitMapping | string {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    return cliStrings.badMapping(file, (e as Error).message);
  }
  const tabelas = (data as { tabelas?: unknown }).tabelas;
  if (!Array.isArray(tabelas)) return cliStrings.badMapping(file, cliStrings.mappingShape);
  return data as ExplicitMapping;
}

const STEPS = 4;

type Prepared =
  | { kind: "unreadable"; message: string }
  | {
      kind: "prepared";
      result: PipelineResult;
      /** What to write, when a copy is to be written. */
      plan?: WritePlan;
      source: WorkbookSource;
      target: string;
      evaluated: boolean;
      emptyPeriod: boolean;
      writeError?: string;
    };

/**
 * Reads the workbook, evaluates it and plans the copy. Its own function so that the workbook as read is
 * held by this frame alone: it is garbage once the plan exists, before the copy is written (a million rows'
 * cells are a few hundred megabytes that the write would otherwise carry).
 */
async function evaluateAndPlan(
  args: EvaluateCommand,
  mapping: ExplicitMapping | undefined,
  progress: Progress,
): Promise<Prepared> {
  const read = await readWorkbookFile(args.file);
  if (read.kind === "unreadable") return read;
  progress.update(1, STEPS, progressStrings.evaluating);
  const stored = readSettings(read.workbook);
  const { rules, problems: settingsProblems } = runRules(stored.settings, {
    preset: args.preset,
    method: args.method,
    rule: args.rule,
    mapping,
  });
  const result = runPipeline(read.workbook, { ...rules, period: args.period });
  unshiftAll(result.problems, [...stored.problems, ...settingsProblems]);

  const evaluated = result.tables.length > 0 && result.evaluations.length > 0;
  const emptyPeriod = result.problems.some((p) => p.code === "emptyPeriod");
  const target = args.output ?? defaultOutputPath(args.file);
  const common = { kind: "prepared" as const, result, target, evaluated, emptyPeriod, source: read.source };
  if (!evaluated || args.noOutput) return common;
  if (!args.replace && !(await mayWrite(target, read.workbook)))
    return { ...common, writeError: cliStrings.outputExists(target) };
  progress.update(2, STEPS, progressStrings.writing);
  const plan = buildPlan(read.workbook, result, {
    source: result.tables.find((tb) => tb.title)?.title ?? path.basename(args.file),
    final: args.final,
    additiveTerm: args.additiveTerm,
    fitUserSheets: args.fitPrint,
    // The file host writes the owned cells' values, never their formulas.
    liveFormulas: false,
  });
  // A CSV's copy stores its numbers as numbers (below each table's header), not as the text the CSV holds.
  const source: WorkbookSource =
    read.source.kind === "csv"
      ? { ...read.source, sheet: typedSheet(read.source.sheet, headerRowsOf(result.tables, read.source.sheet.name)) }
      : read.source;
  return { ...common, plan, source };
}

/** Runs `avaliar` (and the usage text); returns the exit code. */
export async function runAvaliar(argv: string[], out: Output, err: Output): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === "ajuda") {
    out.write(`${cliStrings.usage}\n`);
    return 0;
  }
  if (args.command === "erro") {
    err.write(`${args.message}\n\n${cliStrings.usage}\n`);
    return 2;
  }
  let mapping: ExplicitMapping | undefined;
  if (args.mapFile) {
    const m = readMapping(args.mapFile);
    if (typeof m === "string") {
      err.write(`${m}\n`);
      return 2;
    }
    mapping = m;
  }
  // On a terminal, a progress line on stderr (stdout carries the report); nothing when piped.
  const progress = createProgress(err, progressStrings.reading);
  progress.update(0, STEPS, progressStrings.reading);
  const prepared = await evaluateAndPlan(args, mapping, progress);
  if (prepared.kind === "unreadable") {
    progress.done();
    err.write(`${prepared.message}\n`);
    return 2;
  }
  const { result, plan, source, target, evaluated, emptyPeriod } = prepared;
  const output: OutputReport = {};
  let writeError = prepared.writeError;
  if (plan) {
    const written = await writeEvaluatedFile(source, plan, target, args.file);
    if (written.kind === "written") {
      output.path = written.path;
      pushAll(result.problems, plan.problems);
    } else writeError = written.message;
  }
  progress.update(STEPS, STEPS);
  progress.done();
  // Nothing evaluated: why goes to stderr (and not twice on a terminal: the text report leaves it out).
  const failure = evaluated || emptyPeriod ? undefined : whyNothingEvaluated(args.file, result);
  if (args.json) out.write(`${JSON.stringify(toJson(args.file, result, output), null, 2)}\n`);
  else out.write(`${toText(args.file, failure ? { ...result, problems: failure.rest } : result, output)}\n`);
  if (writeError) {
    err.write(`${cliStrings.notWritten}\n${writeError}\n`);
    return 2;
  }
  if (emptyPeriod) {
    err.write(
      `${result.problems.find((p) => p.code === "emptyPeriod")!.message}\n${cliStrings.emptyPeriodNotWritten}\n`,
    );
    return 1;
  }
  if (failure) {
    err.write(`${failure.text}\n`);
    return 2;
  }
  return needsAttention(result) ? 1 : 0;
}

/**
 * Exit 1 rather than 0: a data problem (notes, such as a month written twice with the same value, do not
 * count), or an incomplete evaluation whose band is provisional.
 */
export function needsAttention(result: PipelineResult): boolean {
  const isProblem = (p: LocatedProblem) => p.severity !== "note";
  return (
    result.problems.some(isProblem) ||
    result.evaluations.some((ev) => ev.problems.some(isProblem) || ev.overall.incomplete)
  );
}

/**
 * Whether the evaluated copy may go to `target`: a new file, or an evaluated copy of this input (it holds
 * the add-in's own sheets and every sheet of the input), which a new evaluation replaces. Anything else
 * is somebody's file and needs `--substituir`.
 */
async function mayWrite(target: string, input: WorkbookData): Promise<boolean> {
  try {
    await fs.promises.access(target);
  } catch {
    return true;
  }
  // Row 1 of each sheet is all `isAddinSheet` looks at (A1, the first cell when it holds a value).
  const existing = await readWorkbookFile(target, true);
  if (existing.kind === "unreadable") return false;
  const names = new Set(existing.workbook.sheets.map((sh) => sh.name));
  const ours = existing.workbook.sheets.some(isAddinSheet);
  return ours && input.sheets.filter((sh) => !isAddinSheet(sh)).every((sh) => names.has(sh.name));
}
