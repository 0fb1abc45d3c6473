/**
 * `contratualiza consolidar <pasta|arquivo>`: the regional view of many municipalities at once. Evaluates every workbook of a
 * folder (or each sheet of one workbook with one table per municipality, or each municipality of a national
 * panel export) and writes one consolidated workbook — sheet `Consolidado`: one row per municipality (or
 * contract) and period, sorted by period and then overall attainment, the band's colour in the band column,
 * a bar chart of the latest period; sheet `Falhas`: the files that could not be evaluated and why — and
 * prints a short pt-BR report (or JSON with --json). Input files are only read.
 *
 * Files are evaluated in parallel in worker threads (./consolidateWorker, one job at a time per worker, a
 * pool of `defaultWorkers()` unless --paralelo says otherwise), each posting back only the
 * consolidated rows. The worker script is the compiled JavaScript beside this module (lib/cli/); when this
 * module runs as TypeScript (ts-jest) there is none, and the files are evaluated one after the other in
 * this thread, through the same function (./consolidateJob).
 *
 * Exit codes, as `avaliar`: 0 every file evaluated without problems; 1 some files failed or have problems
 * in their data; 2 bad arguments, nothing could be evaluated, or the consolidated file could not be written.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { Worker } from "worker_threads";
import { formatPercent } from "../core/messages";
import { consolidationStrings, siapsStrings } from "../workbook/messages";
import {
  cliStrings,
  commandStrings,
  consolidateCommandStrings,
  nationalCommandStrings,
  siapsCommandStrings,
} from "./messages";
import {
  allTeams,
  bandLabel,
  classCodes,
  missingSetText,
  planConsolidation,
  rowJson,
  sortRows,
  valueLabel,
  type ConsolidatedRow,
  type ConsolidationFailure,
} from "../workbook/consolidation/consolidate";
import type { WorkbookSource } from "../hosts/file/xlsx/read";
import { blankWorkbook } from "../hosts/file/xlsx/blankWorkbook";
import { writeEvaluatedFile } from "../hosts/file/xlsx/write";
import { evaluateJob, type ConsolidateJob, type JobFile, type JobOutcome, type JobSettings } from "./consolidateJob";
import { evaluateOptions, parseOptions, readInteger, valueOption, type OptionValues } from "./options";
import { readMapping } from "./mappingFile";
import { createProgress, type ProgressStream } from "./progress";
import { MAX_MUNICIPALITIES_IN_TEXT } from "./report";
import { pushAll, maxOf } from "../core/arrays";

interface Output extends ProgressStream {
  write(text: string): unknown;
}

// ---------------------------------------------------------------------------------------------------------
// Arguments

/**
 * Workers when --paralelo is not given: one per core but one. The main thread, and V8 compiling each
 * worker's code again (about a second of CPU per worker), need a core too: on two cores one worker read
 * 853 small contracts at 383–418 files/s and two at 340–344 (`npm run bench -- --consolidar 853`).
 */
export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

/** The most workers `--paralelo` may ask for. */
const MAX_PARALLEL = 256;

/**
 * `consolidar`'s arguments: a folder of workbooks, or one workbook, and the values of its options: those of
 * `avaliar` (`output` defaults to `consolidado.xlsx` in the folder, or `<nome>.consolidado.xlsx` beside the
 * one file) and `parallel`, the workers (files evaluated at the same time; default `defaultWorkers()`).
 */
export type ConsolidateCommand = { command: "consolidar"; input: string } & OptionValues<typeof consolidateOptions>;

export type ConsolidateArgs = ConsolidateCommand | { command: "ajuda" } | { command: "erro"; message: string };

/** The options of `consolidar`: those of `avaliar`, and how many files at the same time. */
export const consolidateOptions = {
  ...evaluateOptions,
  parallel: valueOption("--paralelo", commandStrings.integerExpected(1, MAX_PARALLEL), readInteger(1, MAX_PARALLEL)),
};

/** Reads the arguments after `consolidar`. Never throws: mistakes come back as a pt-BR message. */
export function parseConsolidarArgs(argv: string[]): ConsolidateArgs {
  const parsed = parseOptions(argv, consolidateOptions, {
    missing: consolidateCommandStrings.missingInput,
    extra: consolidateCommandStrings.extraArgument,
  });
  if (parsed.kind === "help") return { command: "ajuda" };
  if (parsed.kind === "error") return { command: "erro", message: parsed.message };
  return { command: "consolidar", input: parsed.operand, ...parsed.values };
}

// ---------------------------------------------------------------------------------------------------------
// The files

/** Extensions taken from a folder. Old and foreign formats are taken too, so the report says why they failed. */
const INPUT_EXTENSIONS = new Set([".xlsx", ".xlsm", ".csv", ".xls", ".xlsb", ".ods"]);

/**
 * Files of a folder that are not inputs: Excel's lock files (`~$x.xlsx`), hidden and temporary files
 * (`.x.xlsx.123.tmp`), evaluated copies (`x.avaliado.xlsx`, `x.avaliado-2.xlsx`) and consolidated
 * workbooks (`consolidado.xlsx`, `x.consolidado.xlsx`).
 */
export function isSkipped(name: string): boolean {
  return (
    /^~\$/.test(name) ||
    name.startsWith(".") ||
    /\.avaliado(-\d+)?\.xlsx$/i.test(name) ||
    /(^|\.)consolidado\.xlsx$/i.test(name)
  );
}

/** The default output: `consolidado.xlsx` in the folder, or `<nome>.consolidado.xlsx` beside the file. */
export function defaultConsolidatedPath(input: string, isFolder: boolean): string {
  if (isFolder) return path.join(input, consolidateCommandStrings.defaultFileName);
  return path.join(path.dirname(input), `${path.basename(input, path.extname(input))}.consolidado.xlsx`);
}

/**
 * File names in pt-BR order, numbers by value (`municipio-2` before `municipio-10`). One collator for every
 * comparison: `localeCompare` with options builds one per call (some 40 µs, against well under 1 µs).
 */
const byName = new Intl.Collator("pt-BR", { numeric: true });

/** The input files of a folder (not its subfolders), by name; and the spreadsheet files skipped. */
export function listInputs(folder: string, output: string): { files: JobFile[]; skipped: string[] } {
  const files: JobFile[] = [];
  const skipped: string[] = [];
  // Windows and macOS file systems ignore case by default.
  const fold = (p: string) => (process.platform === "win32" || process.platform === "darwin" ? p.toLowerCase() : p);
  const target = fold(path.resolve(output));
  const names = fs.readdirSync(folder, { withFileTypes: true });
  for (const entry of names) {
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    const name = entry.name;
    if (!INPUT_EXTENSIONS.has(path.extname(name).toLowerCase())) continue;
    const full = path.join(folder, name);
    if (isSkipped(name) || fold(path.resolve(full)) === target) skipped.push(name);
    else files.push({ path: full, source: name });
  }
  files.sort((a, b) => byName.compare(a.source, b.source));
  skipped.sort(byName.compare);
  return { files, skipped };
}

// ---------------------------------------------------------------------------------------------------------
// The pool

/** The compiled worker script beside this module, when this module is compiled JavaScript (see the module comment). */
export function defaultWorkerScript(): string | undefined {
  if (path.extname(__filename) !== ".js") return undefined;
  const script = path.join(__dirname, "consolidateWorker.js");
  return fs.existsSync(script) ? script : undefined;
}

function crashed(job: ConsolidateJob, detail: string): JobOutcome {
  return {
    id: job.id,
    kind: "failed",
    failure: {
      source: job.files.map((f) => f.source).join(", "),
      message: consolidateCommandStrings.unexpected(detail),
    },
  };
}

/**
 * Jobs handed to a worker ahead of the one it is evaluating: when it posts an outcome the next job is
 * already in its queue, so it never waits for the main thread to answer (a round trip that, on a busy
 * machine, can cost more than a small file's evaluation). Two is enough for that; more would only leave
 * one worker with a backlog at the end while another has nothing left.
 */
const JOBS_AHEAD = 2;

/**
 * Runs the jobs, `size` at a time: in worker threads running `script`, or one after the other in this
 * thread when there is no script or only one job (a worker would only add its start-up). Each worker
 * holds up to {@link JOBS_AHEAD} jobs and evaluates them in order, taking the next as soon as it posts an
 * outcome, so a slow file never holds the others back for long. A worker that dies (a bug, out of memory)
 * fails the job it was evaluating only: the jobs queued behind it go to another worker, which takes its
 * place. Outcomes come back in the jobs' order; `onOutcome` hears each as it arrives.
 */
export async function runJobs(
  jobs: ConsolidateJob[],
  size: number,
  script: string | undefined,
  onOutcome: (o: JobOutcome) => void = () => undefined,
): Promise<JobOutcome[]> {
  const outcomes = new Map<number, JobOutcome>();
  const record = (o: JobOutcome) => {
    outcomes.set(o.id, o);
    onOutcome(o);
  };
  if (!script || jobs.length <= 1) {
    for (const job of jobs) record(await evaluateJob(job));
  } else {
    // Jobs not yet handed to a worker: first those a dead worker left queued, then the rest in order.
    const returned: ConsolidateJob[] = [];
    let next = 0;
    const takeJob = (): ConsolidateJob | undefined =>
      returned.shift() ?? (next < jobs.length ? jobs[next++] : undefined);
    const pending = () => returned.length > 0 || next < jobs.length;
    let running = 0;
    const workers = new Set<Worker>();
    await new Promise<void>((resolve) => {
      const start = (): void => {
        if (!pending()) {
          if (running === 0) resolve();
          return;
        }
        running++;
        const worker = new Worker(script);
        workers.add(worker);
        /** Handed to this worker, oldest first: the first is the one it is evaluating. */
        const queued: ConsolidateJob[] = [];
        let error: string | undefined;
        let finished = false;
        const finish = () => {
          if (finished) return;
          finished = true;
          workers.delete(worker);
          void worker.terminate();
          running--;
          if (pending()) start();
          else if (running === 0) resolve();
        };
        const feed = () => {
          while (queued.length < JOBS_AHEAD) {
            const job = takeJob();
            if (!job) break;
            queued.push(job);
            worker.postMessage(job);
          }
          if (queued.length === 0) finish();
        };
        worker.on("message", (o: JobOutcome) => {
          const at = queued.findIndex((job) => job.id === o.id);
          if (at >= 0) queued.splice(at, 1);
          record(o);
          feed();
        });
        // The error comes before the outcomes the worker posted ahead of it may have been delivered; `exit`
        // comes after them (Node delivers what is left on the port first), so the blame is laid there.
        worker.on("error", (e: Error) => {
          error = e.message;
        });
        worker.on("exit", (code: number) => {
          if (finished) return;
          const [current, ...behind] = queued;
          if (current) record(crashed(current, error ?? consolidateCommandStrings.workerExit(code)));
          returned.unshift(...behind);
          queued.length = 0;
          finish();
        });
        feed();
      };
      for (let i = 0; i < Math.max(1, Math.min(size, jobs.length)); i++) start();
    });
    await Promise.all([...workers].map((w) => w.terminate()));
  }
  return jobs.map((job) => outcomes.get(job.id) ?? crashed(job, consolidateCommandStrings.workerLost));
}

// ---------------------------------------------------------------------------------------------------------
// The report

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** A class by its initial (`Ótimo` → `Ó`), `–` without one. */
function initialOf(label: string | undefined): string {
  return label ? (siapsCommandStrings.classInitials[label] ?? label.charAt(0)) : siapsCommandStrings.noClass;
}

/** `8,00`: built once, as `toLocaleString` with options builds a formatter per call. */
const twoDecimals = new Intl.NumberFormat("pt-BR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A row's overall value for a terminal: `75,5%`, or `8,00` on the 0–10 scale. */
function valueText(r: ConsolidatedRow): string {
  if (r.scale === 10) return r.value === undefined ? consolidationStrings.noValue : twoDecimals.format(r.value);
  return r.attainment === undefined ? consolidationStrings.noValue : formatPercent(r.attainment);
}

export interface ConsolidationReport {
  input: string;
  /** Files given (after skipping). */
  files: number;
  evaluated: number;
  skipped: string[];
  rows: ConsolidatedRow[];
  failures: ConsolidationFailure[];
  /** Where the consolidated workbook was written. */
  output?: string;
}

/** The pt-BR report: counts, each period's rows (the first {@link MAX_MUNICIPALITIES_IN_TEXT}), failures, the file written. */
export function consolidationText(report: ConsolidationReport): string {
  const lines = [
    consolidateCommandStrings.heading(report.input),
    "",
    consolidateCommandStrings.filesLine(report.files, report.evaluated, report.failures.length),
  ];
  if (report.skipped.length > 0) lines.push(consolidateCommandStrings.skippedLine(report.skipped.length));
  const rows = sortRows(report.rows);
  const periods: ConsolidatedRow[][] = [];
  for (const r of rows) {
    const last = periods[periods.length - 1];
    if (last && last[0].period?.label === r.period?.label) last.push(r);
    else periods.push([r]);
  }
  for (const group of periods) {
    const p = group[0].period;
    lines.push(
      "",
      consolidateCommandStrings.periodHeading(p ? p.label : consolidationStrings.noPeriodLong, group.length),
    );
    const shown = group.slice(0, MAX_MUNICIPALITIES_IN_TEXT);
    // Teams classified by the co-financing: their class in each indicator, by its initial (legend below).
    const codes = classCodes(group);
    // A team's name carries its municipality and INE: room for them.
    const nameHeader = allTeams(group) ? siapsStrings.teamHeader : consolidateCommandStrings.textHeaders.name;
    const nameWidth = Math.min(
      codes.length > 0 ? 52 : 32,
      maxOf(
        shown.map((r) => r.name.length),
        nameHeader.length,
      ),
    );
    const bandWidth = Math.min(
      24,
      maxOf(
        shown.map((r) => (r.band ? bandLabel(r.band) : consolidationStrings.noValue).length),
        consolidateCommandStrings.textHeaders.band.length,
      ),
    );
    // On the 0–10 scale the column is the ISF (or the nota final), as the sheet's.
    const onTen = group.every((r) => r.scale === 10);
    const valueHeader = !onTen ? consolidateCommandStrings.textHeaders.value : valueLabel(group);
    const valueWidth = Math.max(11, valueHeader.length);
    // The band column only when the rules have bands (Previne Brasil has none).
    const band = (text: string) => (group.some((r) => r.band) ? `${fit(text, bandWidth)}  ` : "");
    const classesWidth = Math.max(siapsCommandStrings.classesHeader.length, codes.length * 2 - 1);
    const classes = (r: ConsolidatedRow | undefined) => {
      if (codes.length === 0) return "";
      const text = r
        ? codes.map((code) => initialOf(r.classes?.find((c) => c.code === code)?.label)).join(" ")
        : siapsCommandStrings.classesHeader;
      return `${text.padEnd(classesWidth)}  `;
    };
    // Targets not met mean nothing to teams that are classified instead (every row with classes).
    const missed = (text: string) => (group.every((r) => r.classes) ? "" : text);
    // When every ISF with a value is partial alike, the column's name says so once; otherwise each row does.
    const valued = group.filter((r) => r.value !== undefined);
    const samePartial =
      valued.length > 0 &&
      valued.every((r) => r.figure.partial) &&
      new Set(valued.map((r) => JSON.stringify(r.figure.partial))).size === 1;
    lines.push(
      `    ${fit(nameHeader, nameWidth)}  ${valueHeader.padStart(valueWidth)}  ${band(consolidateCommandStrings.textHeaders.band)}${classes(undefined)}${missed(consolidateCommandStrings.textHeaders.missed)}`.trimEnd(),
    );
    for (const r of shown) {
      // A partial ISF or a co-financing team without some indicator says which ones, instead of the bare flag.
      const named = r.missingSet && r.value !== undefined && !(r.figure.partial && samePartial);
      const incomplete = named ? missingSetText(r) : r.incomplete ? consolidateCommandStrings.incompleteFlag : "";
      const flags = [incomplete, r.problems > 0 ? consolidateCommandStrings.problemsFlag(r.problems) : ""]
        .filter(Boolean)
        .join("; ");
      const line = `    ${fit(r.name, nameWidth)}  ${valueText(r).padStart(valueWidth)}  ${band(r.band ? bandLabel(r.band) : consolidationStrings.noValue)}${classes(r)}${missed(String(r.missed.length).padStart(consolidateCommandStrings.textHeaders.missed.length))}`;
      lines.push(flags ? `${line.trimEnd()}  (${flags})` : line.trimEnd());
    }
    if (codes.length > 0) lines.push(`    ${siapsCommandStrings.classLegend(codes)}`);
    if (group.length > shown.length) lines.push(consolidateCommandStrings.moreRows(group.length - shown.length));
    // Results found twice (two exports of one indicator): each message once, naming both files.
    const duplicates = [...new Set(group.flatMap((r) => r.duplicates ?? []))];
    if (duplicates.length > 0)
      pushAll(lines, [
        nationalCommandStrings.duplicatesHeading(duplicates.length),
        ...duplicates.map((d) => `    • ${d}`),
      ]);
  }
  if (report.failures.length > 0) {
    lines.push("", consolidateCommandStrings.failuresHeading(report.failures.length));
    for (const f of report.failures) lines.push(`  • ${f.source}: ${f.message}`);
  }
  const withProblems = rows.filter((r) => r.problems > 0).length;
  if (withProblems > 0) lines.push("", consolidateCommandStrings.problemsHint(withProblems));
  if (report.output) lines.push("", consolidateCommandStrings.written(report.output));
  return lines.join("\n");
}

/** The `--json` output. */
export function consolidationJson(report: ConsolidationReport) {
  return {
    entrada: report.input,
    arquivoConsolidado: report.output ?? null,
    arquivos: report.files,
    avaliados: report.evaluated,
    ignorados: report.skipped,
    linhas: sortRows(report.rows).map(rowJson),
    falhas: [...report.failures]
      .sort((a, b) => byName.compare(a.source, b.source))
      .map((f) => ({ arquivo: f.source, motivo: f.message })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The command

/** What the writer starts from: a workbook with one empty sheet named as the consolidated one, which the plan replaces. */
function emptySource(): WorkbookSource {
  return { kind: "package", bytes: blankWorkbook(consolidationStrings.sheetName) };
}

export interface ConsolidarOptions {
  /**
   * The worker thread script; default {@link defaultWorkerScript}. `null`: evaluate in this thread. Tests
   * running TypeScript may point it at the compiled lib/cli/consolidateWorker.js.
   */
  workerScript?: string | null;
}

/**
 * Runs `contratualiza consolidar …`; `argv` are the arguments after `consolidar`. Returns the exit code.
 */
export async function runConsolidar(
  argv: string[],
  out: Output = process.stdout,
  err: Output = process.stderr,
  options: ConsolidarOptions = {},
): Promise<number> {
  const args = parseConsolidarArgs(argv);
  if (args.command === "ajuda") {
    out.write(`${consolidateCommandStrings.usage}\n`);
    return 0;
  }
  if (args.command === "erro") {
    err.write(`${args.message}\n\n${consolidateCommandStrings.usage}\n`);
    return 2;
  }
  const settings: JobSettings = {
    ...(args.period ? { period: args.period } : {}),
    ...(args.preset ? { preset: args.preset } : {}),
    ...(args.method ? { method: args.method } : {}),
    ...(args.rule ? { rule: args.rule } : {}),
  };
  if (args.mapFile) {
    const m = readMapping(args.mapFile);
    if (typeof m === "string") {
      err.write(`${m}\n`);
      return 2;
    }
    settings.mapping = m;
  }

  let stat: fs.Stats;
  try {
    stat = fs.statSync(args.input);
  } catch {
    err.write(`${consolidateCommandStrings.inputNotFound(args.input)}\n`);
    return 2;
  }
  const isFolder = stat.isDirectory();
  const output = args.output ?? defaultConsolidatedPath(args.input, isFolder);
  let files: JobFile[];
  let skipped: string[] = [];
  if (isFolder) {
    try {
      ({ files, skipped } = listInputs(args.input, output));
    } catch (e) {
      err.write(
        `${consolidateCommandStrings.folderUnreadable(args.input, (e as NodeJS.ErrnoException).code ?? (e as Error).message)}\n`,
      );
      return 2;
    }
    if (files.length === 0) {
      err.write(`${consolidateCommandStrings.emptyFolder(args.input)}\n`);
      return 2;
    }
  } else files = [{ path: args.input, source: path.basename(args.input) }];

  const jobs: ConsolidateJob[] = files.map((file, id) => ({ id, files: [file], splitSheets: !isFolder, settings }));
  const script = options.workerScript === null ? undefined : (options.workerScript ?? defaultWorkerScript());
  const size = args.parallel ?? defaultWorkers();

  // On a terminal, a progress line on stderr (stdout carries the report); nothing when piped.
  const progress = createProgress(err, consolidateCommandStrings.progress(0, files.length));
  const steps = files.length + 1;
  let done = 0;
  progress.update(0, steps);
  const outcomes = await runJobs(jobs, size, script, () => {
    done++;
    progress.update(done, steps, consolidateCommandStrings.progress(done, files.length));
  });

  // SISAB panel and SIAPS exports come one indicator (and, for SIAPS, one month) per file: the files of one
  // kind are evaluated together, so that each municipality gets its ISF, and each team its nota final, over
  // all of them (evaluated apart, each file would give a figure of one indicator).
  for (const kind of ["panel", "siaps"] as const) {
    const same = outcomes.filter((o) => o.kind === "evaluated" && o.gather === kind).map((o) => o.id);
    if (same.length < 2) continue;
    const together: ConsolidateJob = {
      id: jobs.length + (kind === "panel" ? 0 : 1),
      files: same.flatMap((id) => jobs[id].files),
      splitSheets: false,
      settings,
    };
    const [merged] = await runJobs([together], 1, script);
    if (merged.kind === "evaluated") {
      const replaced = new Set(same);
      const keptOutcomes = outcomes.filter((o) => !replaced.has(o.id));
      outcomes.length = 0;
      pushAll(outcomes, keptOutcomes).push(merged);
    }
  }

  const rows = outcomes.flatMap((o) => (o.kind === "evaluated" ? o.rows : []));
  const failures = outcomes.flatMap((o) => (o.kind === "failed" ? [o.failure] : []));
  const evaluated = files.length - failures.length;
  const report: ConsolidationReport = { input: args.input, files: files.length, evaluated, skipped, rows, failures };

  let writeError: string | undefined;
  if (rows.length > 0 && !args.noOutput) {
    progress.update(files.length, steps, consolidateCommandStrings.writing);
    const plan = planConsolidation(rows, failures, files.length);
    const written = await writeEvaluatedFile(emptySource(), plan, output, isFolder ? undefined : args.input);
    if (written.kind === "written") report.output = written.path;
    else writeError = written.message;
  }
  progress.update(steps, steps);
  progress.done();

  if (args.json) out.write(`${JSON.stringify(consolidationJson(report), null, 2)}\n`);
  else out.write(`${consolidationText(report)}\n`);
  if (writeError) {
    err.write(`${consolidateCommandStrings.notWritten}\n${writeError}\n`);
    return 2;
  }
  if (rows.length === 0) {
    err.write(`${consolidateCommandStrings.nothingEvaluated}\n`);
    return 2;
  }
  return failures.length > 0 || rows.some((r) => r.problems > 0) ? 1 : 0;
}

if (require.main === module) {
  // Run directly (`node lib/cli/consolidar.js <pasta>`) until the main command dispatches `consolidar`.
  runConsolidar(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${cliStrings.unexpected}\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
