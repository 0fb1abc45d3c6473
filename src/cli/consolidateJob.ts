/**
 * One job of `contratualiza consolidar`: read one workbook (or, for SISAB panel or SIAPS exports of several
 * indicators, a few together), evaluate it (workbook/consolidation/workbookPart, as the task pane does on the open
 * workbook), and hand back the consolidated rows only — a compact summary that a worker thread posts to
 * the main thread (structured-clone safe: strings, numbers, plain objects), never the pipeline result with
 * its cells. The same function runs in a worker (./consolidateWorker) and,
 * when no compiled worker script is available (TypeScript under ts-jest), in the main thread.
 *
 * It never throws: a file that cannot be read, has no indicator table or no row to evaluate comes back as a
 * failure with a pt-BR reason; a bug comes back as a failure saying so, with its message.
 */
import fs from "fs";
import type { ConceptRule, LocatedProblem } from "../core/evaluate";
import { consolidateCommandStrings, siapsCommandStrings } from "./messages";
import type { PresetId } from "../core/presets";
import type { OverallMethod, Period } from "../core/types";
import type { ConsolidatedRow, ConsolidationFailure } from "../workbook/consolidation/consolidate";
import { consolidateWorkbook, type WorkbookConsolidation } from "../workbook/consolidation/workbookPart";
import type { PipelineOptions } from "../workbook/pipeline";
import type { ExplicitMapping, SheetData, WorkbookData } from "../workbook/model";
import { readSettings, runRules } from "../workbook/settings";
import { readWorkbookBytes, readWorkbookFile, type ReadWorkbookResult } from "../hosts/file/xlsx/read";

/** What the command line says about the evaluation (plain data, posted to workers). */
export interface JobSettings {
  period?: Period;
  preset?: PresetId;
  method?: OverallMethod;
  rule?: ConceptRule;
  mapping?: ExplicitMapping;
}

export interface JobFile {
  /** Where to read it. */
  path: string;
  /** How the user knows it (relative to the folder given): the rows' `source`. */
  source: string;
}

export interface ConsolidateJob {
  id: number;
  /** One file; several only for national exports evaluated together (SISAB panels, SIAPS: one indicator per file). */
  files: JobFile[];
  /**
   * A workbook whose tables sit on several sheets and name no municipality is one table per municipality
   * (or contract): each sheet is evaluated on its own and its rows go by the sheet's name
   * (workbook/consolidation/workbookPart `sheetsToSplit`). Set when the command was given one file; a folder's
   * files are one contract each.
   */
  splitSheets: boolean;
  settings: JobSettings;
}

export type JobOutcome =
  | {
      id: number;
      kind: "evaluated";
      rows: ConsolidatedRow[];
      /** Every table is a national export of one kind (SISAB panel, SIAPS): the command evaluates such files together. */
      gather?: "panel" | "siaps";
    }
  | { id: number; kind: "failed"; failure: ConsolidationFailure };

/** The pipeline's options: the command line's, else the workbook's stored settings. */
function pipelineOptions(
  settings: JobSettings,
  workbook: WorkbookData | undefined,
): { options: PipelineOptions; problems: LocatedProblem[] } {
  const stored = workbook ? readSettings(workbook) : { problems: [] };
  const { rules, problems } = runRules(stored.settings, settings);
  return {
    options: { ...rules, ...(settings.period ? { period: settings.period } : {}) },
    problems: [...stored.problems, ...problems],
  };
}

/**
 * Reads a file at once (blocking the thread): a worker has nothing else to do meanwhile, and reading it the
 * asynchronous way (a stat, then open, stat, read and close) is four or five round trips to libuv's thread
 * pool, each a wait for another thread to be scheduled — on a busy machine longer than evaluating a small
 * file. A file that cannot be read goes the asynchronous way, for its pt-BR message.
 */
async function readFile(file: string): Promise<ReadWorkbookResult> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return readWorkbookFile(file);
  }
  return readWorkbookBytes(bytes, file);
}

async function evaluateOne(job: ConsolidateJob, file: JobFile): Promise<JobOutcome> {
  const read = await readFile(file.path);
  if (read.kind === "unreadable")
    return { id: job.id, kind: "failed", failure: { source: file.source, message: read.message } };
  const { options, problems } = pipelineOptions(job.settings, read.workbook);
  return outcomeOf(
    job,
    consolidateWorkbook(read.workbook, { ...options, source: file.source, splitSheets: job.splitSheets, problems }),
  );
}

/** The job's outcome: the workbook's consolidated rows, or its failure. */
function outcomeOf(job: ConsolidateJob, c: WorkbookConsolidation): JobOutcome {
  if (c.kind === "failed") return { id: job.id, kind: "failed", failure: c.failure };
  return { id: job.id, kind: "evaluated", rows: c.rows, ...(c.gather ? { gather: c.gather } : {}) };
}

/** Several national exports (of one kind) as one workbook: their sheets side by side, names made unique. */
async function evaluateTogether(job: ConsolidateJob): Promise<JobOutcome> {
  const sheets: SheetData[] = [];
  const taken = new Set<string>();
  // Which file each sheet came from: a result found in two of them is a problem naming both files.
  const sources: Record<string, string> = {};
  for (const file of job.files) {
    const read = await readFile(file.path);
    if (read.kind === "unreadable")
      return { id: job.id, kind: "failed", failure: { source: file.source, message: read.message } };
    for (const sheet of read.workbook.sheets) {
      let name = sheet.name;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${sheet.name.slice(0, 26)} (${n})`;
      taken.add(name.toLowerCase());
      sources[name] = file.source;
      sheets.push(name === sheet.name ? sheet : { ...sheet, name });
    }
  }
  const { options } = pipelineOptions(job.settings, undefined);
  // A dozen SIAPS exports (an indicator per month) named one by one would fill the `Arquivo` cell of every row.
  const names = job.files.map((f) => f.source);
  const source =
    names.length > 3
      ? siapsCommandStrings.gatheredFiles(names.length, names[0], names[names.length - 1])
      : names.join(", ");
  return outcomeOf(job, consolidateWorkbook({ sheets }, { ...options, source, sources, splitSheets: false }));
}

/** Runs a job; never throws (see the module comment). */
export async function evaluateJob(job: ConsolidateJob): Promise<JobOutcome> {
  try {
    return job.files.length === 1 ? await evaluateOne(job, job.files[0]) : await evaluateTogether(job);
  } catch (e) {
    const source = job.files.map((f) => f.source).join(", ");
    return {
      id: job.id,
      kind: "failed",
      failure: { source, message: consolidateCommandStrings.unexpected(e instanceof Error ? e.message : String(e)) },
    };
  }
}
