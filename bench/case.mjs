// @ts-check
/**
 * One measurement, run by run.mjs in a fresh Node process so that its peak memory (the process's maxRSS)
 * belongs to that measurement alone. The result goes back over the IPC channel; stdout is left to the
 * command being measured (run.mjs sends it to /dev/null).
 *
 *   node bench/case.mjs generate <file> <rows> [formulas]
 *   node bench/case.mjs read <file>
 *   node bench/case.mjs no-output <file>
 *   node bench/case.mjs baseline
 *   node bench/case.mjs exceljs <file>
 *   node bench/case.mjs command <file> <outDir>
 *   node bench/case.mjs core <file>
 *   node bench/case.mjs contracts <dir> <count>
 *   node bench/case.mjs consolidar <dir> <workers> <out>
 *   node bench/case.mjs cofin-generate <file> <rows>
 *   node bench/case.mjs cofin-core <file> <teams> <municipalities> <periods>
 *
 * Modules are imported inside each case, so a case pays in memory only for what it uses.
 */
import { promises as fs } from "fs";
import path from "path";
import { performance } from "perf_hooks";
import { pathToFileURL } from "url";

// BENCH_LIB points at another compiled tree (e.g. a build of the previous commit), to compare two versions.
const LIB = process.env.BENCH_LIB
  ? pathToFileURL(path.resolve(process.env.BENCH_LIB) + path.sep)
  : new URL("../lib/", import.meta.url);

/**
 * A compiled module of the project (lib/, built by `npm run build:cli`).
 * @param {string} relative
 * @returns {Promise<any>}
 */
async function lib(relative) {
  const mod = await import(new URL(relative, LIB).href);
  // Node exposes a CommonJS module's exports as `default` (and, when it can tell, as named exports too).
  return mod.default ?? mod;
}

/**
 * The command as `contratualiza …` runs it: `program` (its process settings, then `main`), or `main` in a
 * build from before `program` existed (BENCH_LIB).
 * @returns {Promise<(argv: string[]) => Promise<number>>}
 */
async function command() {
  const mod = await lib("cli/index.js");
  return mod.program ?? mod.main;
}

/** Peak resident memory of this process so far, in bytes. */
function peakRss() {
  return process.resourceUsage().maxRSS * 1024;
}

/**
 * Times `fn` over repeated runs: one warm-up run (so the JIT has seen the code, as it has in a long task
 * pane session), then runs until about `budget` seconds have passed, at least `min` and at most `max`
 * of them. Returns the median seconds of the measured runs. `check`, when given, runs once after the
 * warm-up run (not timed): a wrong result then fails before the repeats.
 * @param {() => unknown} fn
 * @param {{ budget?: number; min?: number; max?: number; check?: () => void }} [options]
 */
function timeRepeated(fn, { budget = 2, min = 3, max = 15, check } = {}) {
  const warm = performance.now();
  fn();
  const warmSeconds = (performance.now() - warm) / 1000;
  check?.();
  const times = [];
  const start = performance.now();
  while (times.length < max && (times.length < min || (performance.now() - start) / 1000 < budget)) {
    const t0 = performance.now();
    fn();
    times.push((performance.now() - t0) / 1000);
    // A run that takes most of the budget alone is not repeated beyond `min` anyway; spare the machine.
    if (warmSeconds > budget && times.length >= 1) break;
  }
  times.sort((a, b) => a - b);
  return { seconds: times[Math.floor(times.length / 2)], runs: times.length, first: warmSeconds };
}

/** @type {Record<string, (...args: string[]) => Promise<Record<string, unknown>>>} */
const CASES = {
  async generate(file, rows, formulas) {
    const { generateWorkbook } = await import("./generate.mjs");
    const t0 = performance.now();
    await generateWorkbook(file, Number(rows), { formulas: formulas === "formulas" });
    const { size } = await fs.stat(file);
    return { seconds: (performance.now() - t0) / 1000, size };
  },

  /** What a process holding ExcelJS and the project's modules uses before doing anything. */
  async baseline() {
    await import("exceljs");
    await lib("cli/index.js");
    return {};
  },

  /** ExcelJS alone: what any command built on it pays to read and rewrite the file. */
  async exceljs(file) {
    const { default: ExcelJS } = await import("exceljs");
    const bytes = await fs.readFile(file);
    const wb = new ExcelJS.Workbook();
    const t0 = performance.now();
    await wb.xlsx.load(/** @type {any} */ (bytes));
    const t1 = performance.now();
    const out = await wb.xlsx.writeBuffer();
    const t2 = performance.now();
    return { load: (t1 - t0) / 1000, write: (t2 - t1) / 1000, outSize: out.byteLength };
  },

  /**
   * The whole command, as a user runs it: `avaliar <file>`, with `--saida` when this version of the command
   * accepts it (the output workbook is then part of the measure).
   */
  async command(file, outDir) {
    const run = await command();
    const { parseArgs } = await lib("cli/args.js");
    const out = path.join(outDir, `saida-${path.basename(file)}`);
    const probe = parseArgs(["avaliar", file, "--saida", out]);
    const saida = probe.command !== "erro";
    const argv = saida ? ["avaliar", file, "--saida", out] : ["avaliar", file];
    const t0 = performance.now();
    const code = await run(argv);
    const seconds = (performance.now() - t0) / 1000;
    let outSize;
    if (saida)
      outSize = await fs.stat(out).then(
        (s) => s.size,
        () => undefined,
      );
    return { seconds, code, saida, outSize };
  },

  /** The read phase alone: `readWorkbookFile` (the file's bytes into `WorkbookData`). */
  async read(file) {
    const { readWorkbookFile } = await lib("hosts/file/xlsx/read.js");
    const t0 = performance.now();
    const read = await readWorkbookFile(file);
    const seconds = (performance.now() - t0) / 1000;
    if (read.kind !== "workbook") throw new Error(read.message);
    const rows = read.workbook.sheets.reduce(
      (/** @type {number} */ n, /** @type {{ rows: unknown[] }} */ s) => n + s.rows.length,
      0,
    );
    return { seconds, rows };
  },

  /** The whole command without the output workbook: `avaliar <file> --sem-arquivo`. */
  async "no-output"(file) {
    const run = await command();
    const t0 = performance.now();
    const code = await run(["avaliar", file, "--sem-arquivo"]);
    return { seconds: (performance.now() - t0) / 1000, code };
  },

  /**
   * The core on data already in memory: the workbook is read first (not timed), then detection, the
   * pipeline (detection + one evaluation per period) and evaluateContract (every row, one call) are timed.
   */
  async core(file) {
    const { readWorkbookFile } = await lib("hosts/file/xlsx/read.js");
    const { detectTables } = await lib("workbook/detect/index.js");
    const { runPipeline } = await lib("workbook/pipeline.js");
    const { evaluateContract } = await lib("core/evaluate.js");
    const read = await readWorkbookFile(file);
    if (read.kind !== "workbook") throw new Error(read.message);
    const workbook = read.workbook;
    const detected = detectTables(workbook);
    const rows = detected.tables.flatMap((/** @type {{ rows: unknown[] }} */ t) => t.rows);
    let periods = 0;
    const detect = timeRepeated(() => detectTables(workbook));
    const pipeline = timeRepeated(() => {
      periods = runPipeline(workbook).evaluations.length;
    });
    const evaluate = timeRepeated(() => evaluateContract(rows));
    return { rows: rows.length, periods, detect, pipeline, evaluate };
  },

  /** Writes `count` small contract workbooks into `dir`, for the consolidation benchmark. */
  async contracts(dir, count) {
    const { generateContracts } = await import("./generate.mjs");
    const t0 = performance.now();
    await generateContracts(dir, Number(count));
    return { seconds: (performance.now() - t0) / 1000 };
  },

  /**
   * The whole consolidation command, as a user runs it: `consolidar <dir> --paralelo <workers> --saida <out>`
   * (every file read and evaluated in `workers` worker threads, the consolidated workbook written); `workers`
   * "default" leaves --paralelo out, so the command picks. The peak memory is the process's, worker threads
   * included.
   */
  async consolidar(dir, workers, out) {
    const { runConsolidar } = await lib("cli/consolidate.js");
    const sink = { write: () => true };
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const parallel = workers === "default" ? [] : ["--paralelo", workers];
    const code = await runConsolidar([dir, ...parallel, "--saida", out], sink, sink);
    const seconds = (performance.now() - t0) / 1000;
    // CPU time of the whole process, worker threads included: ÷ seconds = cores kept busy on average.
    const cpu = process.cpuUsage(cpu0);
    const outSize = await fs.stat(out).then(
      (s) => s.size,
      () => undefined,
    );
    return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, code, outSize };
  },

  /** Writes the co-financing workbook (C1–C7 per team and month) and says how many teams it holds. */
  async "cofin-generate"(file, rows) {
    const { generateCofinanciamento } = await import("./generate.mjs");
    const t0 = performance.now();
    const shape = await generateCofinanciamento(file, Number(rows));
    const { size } = await fs.stat(file);
    return { seconds: (performance.now() - t0) / 1000, size, ...shape };
  },

  /**
   * The co-financing pipeline on data already in memory: the workbook is read first (timed once, apart),
   * then `runPipeline` runs with no options, as the command runs it. The result must have chosen the preset
   * `cofinanciamento` and hold, for each of the `periods` periods, one evaluation per team (`byTeam`, `teams`
   * of them) and per municipality (`byMunicipality`): the case fails otherwise. The per-team part (grouping
   * the rows by team, then one `evaluateContract` per team) is also timed on its own, on the rows the
   * pipeline filled, to tell how much of the pipeline it is.
   */
  async "cofin-core"(file, teams, municipalities, periods) {
    const { readWorkbookFile } = await lib("hosts/file/xlsx/read.js");
    const { runPipeline, groupByTeam } = await lib("workbook/pipeline.js");
    const { evaluateContract } = await lib("core/evaluate.js");
    const t0 = performance.now();
    const read = await readWorkbookFile(file);
    const readSeconds = (performance.now() - t0) / 1000;
    if (read.kind !== "workbook") throw new Error(read.message);
    const workbook = read.workbook;
    // maxRSS once the file is read: what the pipeline adds comes on top of it (or fits in what ExcelJS freed).
    const readPeak = peakRss();

    /** @type {any} */
    let result;
    const pipeline = timeRepeated(
      () => {
        // Let the previous run's result go first: two results alive at once would inflate the peak.
        result = undefined;
        result = runPipeline(workbook);
      },
      { check: () => checkCofinanciamento(result, Number(teams), Number(municipalities), Number(periods)) },
    );

    // The per-team part alone, as runPipeline does it, on the filled rows of the last run.
    const rows = result.tables.flatMap((/** @type {{ rows: unknown[] }} */ t) => t.rows);
    const preset = result.evaluations[0].preset;
    const evPeriods = result.evaluations.map((/** @type {{ period: unknown }} */ ev) => ev.period);
    let evaluated = 0;
    const perTeam = timeRepeated(() => {
      const groups = groupByTeam(rows);
      evaluated = 0;
      for (const period of evPeriods) {
        for (const g of groups) {
          evaluateContract(g.rows, { preset, period });
          evaluated++;
        }
      }
    });
    const byTeam = result.evaluations.reduce(
      (/** @type {number} */ n, /** @type {{ byTeam?: unknown[] }} */ ev) => n + (ev.byTeam?.length ?? 0),
      0,
    );
    if (evaluated !== byTeam)
      throw new Error(`the per-team timing evaluated ${evaluated} teams, the pipeline ${byTeam}`);
    return {
      rows: rows.length,
      teams: result.evaluations[0].byTeam.length,
      municipalities: result.evaluations[0].byMunicipality?.length ?? 1,
      periods: result.evaluations.length,
      problems: result.evaluations.reduce(
        (/** @type {number} */ n, /** @type {{ problems: unknown[] }} */ ev) => n + ev.problems.length,
        0,
      ),
      read: readSeconds,
      readPeak,
      pipeline,
      perTeam,
    };
  },
};

/**
 * Fails loudly unless the pipeline evaluated the co-financing per team as the generated workbook asks:
 * preset chosen from the tables, `periods` evaluations, each with `teams` team evaluations (each with its
 * INE and municipality, every one a classification of C1–C7) and `municipalities` municipal ones.
 * @param {any} result  runPipeline's PipelineResult
 * @param {number} teams
 * @param {number} municipalities
 * @param {number} periods
 */
function checkCofinanciamento(result, teams, municipalities, periods) {
  const fail = (/** @type {string} */ why) => {
    throw new Error(`co-financing pipeline check failed: ${why}`);
  };
  if (result.presetChoice?.id !== "cofinanciamento")
    fail(`preset chosen: ${result.presetChoice?.id ?? "none (default preset)"}, expected cofinanciamento`);
  if (result.evaluations.length !== periods)
    fail(
      `${result.evaluations.length} evaluations (${result.evaluations.map((/** @type {any} */ e) => e.period?.label).join(", ")}), expected ${periods}`,
    );
  for (const ev of result.evaluations) {
    const label = ev.period?.label ?? "(no period)";
    if (ev.preset.id !== "cofinanciamento") fail(`${label} evaluated with preset ${ev.preset.id}`);
    if (!ev.byTeam) fail(`${label} has no byTeam`);
    if (ev.byTeam.length !== teams) fail(`${label} has ${ev.byTeam.length} teams in byTeam, expected ${teams}`);
    const ines = new Set(ev.byTeam.map((/** @type {any} */ t) => t.code));
    if (ines.size !== teams || ines.has(undefined)) fail(`${label}: ${ines.size} distinct INEs among ${teams} teams`);
    if (ev.byTeam.some((/** @type {any} */ t) => !t.municipality)) fail(`${label}: a team without its municipality`);
    const classified = ev.byTeam.filter((/** @type {any} */ t) =>
      t.evaluation.indicators.some((/** @type {any} */ i) => i.classification),
    ).length;
    if (classified === 0) fail(`${label}: no team has a classified indicator`);
    const m = ev.byMunicipality?.length ?? 1;
    if (m !== municipalities) fail(`${label} has ${m} municipalities, expected ${municipalities}`);
  }
}

const [name, ...args] = process.argv.slice(2);
const run = CASES[name];
if (!run) throw new Error(`unknown case ${name}`);
const result = await run(...args);
const message = { ...result, peakRss: peakRss() };
if (process.send) process.send(message);
else console.log(JSON.stringify(message));
