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
import { evaluateDetected, type PipelineOptions, type PipelineResult } from "../workbook/pipeline";
import { detectTables } from "../workbook/detect";
import { cellsBesideTables } from "../workbook/plan/owned";
import { buildPlan } from "../workbook/plan/build";
import type { WritePlan } from "../workbook/plan/types";
import type { ExplicitMapping } from "../workbook/model";
import { isAddinSheet } from "../workbook/addinParts";
import type { DetectedTable, SheetData } from "../workbook/model";
import { readSettings, runRules } from "../workbook/settings";
import { readWorkbookFile, type WorkbookSource } from "../hosts/file/xlsx/read";
import { defaultOutputPath, writeEvaluatedFile } from "../hosts/file/xlsx/write";
import path from "path";
import { parseArgs, type EvaluateCommand } from "./args";
import { readMapping } from "./mappingFile";
import { createProgress, type Progress, type ProgressStream } from "./progress";
import { toJson, toText, whyNothingEvaluated, type OutputReport } from "./report";
import { pushAll, unshiftAll } from "../core/arrays";

export interface Output extends ProgressStream {
  write(text: string): unknown;
}

const STEPS = 4;

/** What the command prints and returns once done. */
interface Conclusion {
  /** The report, for stdout. */
  out: string;
  /** Why something went wrong, for stderr. */
  err?: string;
  code: number;
}

type Prepared =
  | { kind: "done"; conclusion: Conclusion }
  | {
      kind: "write";
      plan: WritePlan;
      source: WorkbookSource;
      target: string;
      /** The conclusion once the copy is written, and without it (the reason is added to stderr). */
      ifWritten: Conclusion;
      ifNotWritten: Conclusion;
    };

/**
 * The report and the exit code of an evaluation (`output.path`: the copy written; `writeError`: why none
 * was). Pure: worked out before the copy is written, for both outcomes, so that the evaluation is not held
 * while the copy is written.
 */
function conclude(
  args: EvaluateCommand,
  result: PipelineResult,
  output: OutputReport,
  writeError?: string,
): Conclusion {
  const emptyPeriod = result.problems.some((p) => p.code === "emptyPeriod");
  const evaluated = anythingEvaluated(result);
  // Nothing evaluated: why goes to stderr (and not twice on a terminal: the text report leaves it out).
  const failure = evaluated || emptyPeriod ? undefined : whyNothingEvaluated(args.file, result);
  const out = args.json
    ? JSON.stringify(toJson(args.file, result, output), null, 2)
    : toText(args.file, failure ? { ...result, problems: failure.rest } : result, output);
  if (writeError) return { out, err: `${cliStrings.notWritten}\n${writeError}`, code: 2 };
  if (emptyPeriod)
    return {
      out,
      err: `${result.problems.find((p) => p.code === "emptyPeriod")!.message}\n${cliStrings.emptyPeriodNotWritten}`,
      code: 1,
    };
  if (failure) return { out, err: failure.text, code: 2 };
  return { out, code: needsAttention(result) ? 1 : 0 };
}

/** Whether the run evaluated anything: tables were found and at least one period was evaluated. */
function anythingEvaluated(result: PipelineResult): boolean {
  return result.tables.length > 0 && result.evaluations.length > 0;
}

/** A workbook read and its tables detected, with what the rest of the command needs of the workbook. */
interface Detected {
  kind: "detected";
  source: WorkbookSource;
  options: PipelineOptions;
  /** Problems with the settings stored in the workbook and the options given. */
  settingsProblems: LocatedProblem[];
  detected: { tables: DetectedTable[]; problems: LocatedProblem[] };
  /** What the plan reads: the cells beside the tables (`cellsBesideTables`). */
  beside: { sheets: SheetData[] };
  /** The names of the user's sheets (not the add-in's), for `mayWrite`. */
  userSheets: string[];
}

/**
 * Reads the workbook and detects its tables. Its own function so that the workbook as read is held by this
 * frame alone: the evaluation that follows keeps only the tables' rows and the cells beside the tables (a
 * million-row table's cells are some 190 MB the evaluation would otherwise carry).
 */
async function readAndDetect(
  args: EvaluateCommand,
  mapping: ExplicitMapping | undefined,
  progress: Progress,
): Promise<Detected | { kind: "unreadable"; message: string }> {
  const read = await readWorkbookFile(args.file);
  if (read.kind === "unreadable") return read;
  progress.update(1, STEPS, progressStrings.evaluating);
  const stored = readSettings(read.workbook);
  const { rules, problems } = runRules(stored.settings, {
    preset: args.preset,
    method: args.method,
    rule: args.rule,
    mapping,
  });
  const options: PipelineOptions = { ...rules, period: args.period };
  const detected = detectTables(read.workbook, { mapping: options.mapping, defaultYear: options.defaultYear });
  return {
    kind: "detected",
    source: read.source,
    options,
    settingsProblems: [...stored.problems, ...problems],
    detected,
    beside: cellsBesideTables(read.workbook, detected.tables),
    userSheets: read.workbook.sheets.filter((sh) => !isAddinSheet(sh)).map((sh) => sh.name),
  };
}

/**
 * Evaluates, plans the copy and concludes. Its own function so that the evaluation is held by this frame
 * alone: it is garbage once the plan and the reports exist, before the copy is written.
 */
async function evaluateAndPlan(
  args: EvaluateCommand,
  mapping: ExplicitMapping | undefined,
  progress: Progress,
): Promise<Prepared | { kind: "unreadable"; message: string }> {
  const read = await readAndDetect(args, mapping, progress);
  if (read.kind === "unreadable") return read;
  const result = evaluateDetected(read.detected, read.options);
  unshiftAll(result.problems, read.settingsProblems);

  const evaluated = anythingEvaluated(result);
  const target = args.output ?? defaultOutputPath(args.file);
  if (!evaluated || args.noOutput) return { kind: "done", conclusion: conclude(args, result, {}) };
  if (!args.replace && !(await mayWrite(target, read.userSheets)))
    return { kind: "done", conclusion: conclude(args, result, {}, cliStrings.outputExists(target)) };
  progress.update(2, STEPS, progressStrings.writing);
  const plan = buildPlan(read.beside, result, {
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
  // Without the copy the report is the evaluation's; with it, it names the copy and the plan's own problems.
  const ifNotWritten = conclude(args, result, {});
  pushAll(result.problems, plan.problems);
  const ifWritten = conclude(args, result, { path: target });
  return { kind: "write", plan, source, target, ifWritten, ifNotWritten };
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
  let conclusion: Conclusion;
  if (prepared.kind === "write") {
    const written = await writeEvaluatedFile(prepared.source, prepared.plan, prepared.target, args.file);
    if (written.kind === "written") conclusion = prepared.ifWritten;
    else
      conclusion = {
        out: prepared.ifNotWritten.out,
        err: `${cliStrings.notWritten}\n${written.message}`,
        code: 2,
      };
  } else conclusion = prepared.conclusion;
  progress.update(STEPS, STEPS);
  progress.done();
  out.write(`${conclusion.out}\n`);
  if (conclusion.err) err.write(`${conclusion.err}\n`);
  return conclusion.code;
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
async function mayWrite(target: string, userSheets: string[]): Promise<boolean> {
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
  return ours && userSheets.every((name) => names.has(name));
}
