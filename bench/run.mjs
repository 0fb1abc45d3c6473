// @ts-check
/**
 * `npm run bench [-- <rows>…]`: how long and how much memory evaluating a workbook takes, for 1k, 10k and
 * 100k indicator rows by default. `npm run bench -- --consolidar [<files>…]`: how long `contratualiza
 * consolidar` takes on a folder of 20, 200 and 853 small contracts, with one worker thread and with one per
 * core. `npm run bench -- --cofinanciamento [<rows>…]`: the co-financing quality component, evaluated per
 * team, on tables of C1–C7 per team and month of 1k, 10k and 100k rows. `npm run bench -- --pares [<rows>…]
 * [--milhao]`: the file host side by side with a bare ExcelJS load + write and LibreOffice headless, with
 * the ratios its targets are set in. See bench/README.md for what each figure means.
 *
 * Every measurement runs in its own Node process (bench/case.mjs), one after the other: peak memory is
 * the maxRSS of a process that did only that, and two measurements never compete for the CPU.
 */
import { execFile, fork } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { fileURLToPath } from "url";
import { performance } from "perf_hooks";
import { promisify } from "util";

const CASE = fileURLToPath(new URL("./case.mjs", import.meta.url));
const DEFAULT_SIZES = [1_000, 10_000, 100_000];
/** Files per folder for `--consolidar`: a small region, a large one, and Minas Gerais' 853 municipalities. */
const DEFAULT_FILE_COUNTS = [20, 200, 853];
/** Sizes for `--pares`: the issue's targets are set at 100k rows (`--milhao` adds 1M). */
const DEFAULT_PAIR_SIZES = [100_000];
/** Contracts consolidated by `--pares` (Minas Gerais' municipalities). */
const PAIR_CONTRACTS = 853;
/**
 * How many times `--pares` runs the command and ExcelJS on each size up to 200k rows, alternating, to
 * compare their medians: on a shared 2-core machine one run of either moved by a fifth from one minute to
 * the next, and a single pair could land on either side of the target.
 */
const PAIR_REPEATS = 3;

/**
 * Sizes from the command line: `1000`, `10_000`, `10k` (rows; with `--consolidar`, files); `--keep` keeps
 * the generated files; `--consolidar` measures the consolidation instead, `--cofinanciamento` the
 * co-financing per team.
 * @param {string[]} argv
 */
function parseCommandLine(argv) {
  const sizes = [];
  let keep = false;
  let consolidar = false;
  let cofinanciamento = false;
  let pairs = false;
  let million = false;
  for (const arg of argv) {
    if (arg === "--pares") {
      pairs = true;
      continue;
    }
    if (arg === "--milhao") {
      million = true;
      continue;
    }
    if (arg === "--keep") {
      keep = true;
      continue;
    }
    if (arg === "--consolidar") {
      consolidar = true;
      continue;
    }
    if (arg === "--cofinanciamento") {
      cofinanciamento = true;
      continue;
    }
    const m = /^(\d[\d_]*)(k?)$/i.exec(arg);
    if (!m) throw new Error(`not a row count: ${arg} (use e.g. 1000, 10_000 or 10k)`);
    const n = Number(m[1].replace(/_/g, "")) * (m[2] ? 1000 : 1);
    if (n < 1) throw new Error(`not a row count: ${arg}`);
    sizes.push(n);
  }
  if ([consolidar, cofinanciamento, pairs].filter(Boolean).length > 1)
    throw new Error(
      "--consolidar, --cofinanciamento and --pares are separate benchmarks: run them one after the other",
    );
  if (million && !pairs) throw new Error("--milhao goes with --pares");
  if (pairs)
    return {
      sizes: [...(sizes.length ? sizes : DEFAULT_PAIR_SIZES), ...(million ? [1_000_000] : [])],
      keep,
      consolidar,
      cofinanciamento,
      pairs,
    };
  return {
    sizes: sizes.length ? sizes : consolidar ? DEFAULT_FILE_COUNTS : DEFAULT_SIZES,
    keep,
    consolidar,
    cofinanciamento,
    pairs,
  };
}

/**
 * Runs one case in a fresh process and returns what it reported.
 * @param {string[]} args
 * @returns {Promise<Record<string, any>>}
 */
function runCase(args) {
  return new Promise((resolve, reject) => {
    // The command's own report goes to /dev/null: writing it is part of the command, reading it is not ours.
    const child = fork(CASE, args, { stdio: ["ignore", "ignore", "pipe", "ipc"] });
    let stderr = "";
    /** @type {Record<string, any> | undefined} */
    let result;
    child.stderr?.on("data", (d) => (stderr += d));
    child.on("message", (m) => (result = /** @type {Record<string, any>} */ (m)));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (result) resolve(result);
      else
        reject(
          new Error(
            `case ${args.join(" ")} failed (${signal ?? `exit ${code}`}):\n${stderr.trim().split("\n").slice(-15).join("\n")}`,
          ),
        );
    });
  });
}

const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const fmtSeconds = (/** @type {number} */ s) => (s < 10 ? s.toFixed(2) : s.toFixed(1)) + " s";
const fmtMiB = (/** @type {number} */ b) => `${int.format(b / 2 ** 20)} MiB`;
const fmtSize = (/** @type {number} */ b) =>
  b < 2 ** 20 ? `${int.format(b / 1024)} KiB` : `${(b / 2 ** 20).toFixed(1)} MiB`;
const fmtRate = (/** @type {number} */ rows, /** @type {{ seconds: number }} */ t) =>
  `${int.format(rows / t.seconds)} rows/s`;

/**
 * A plain-text table: the first column left-aligned, the others right-aligned.
 * @param {string[]} head
 * @param {string[][]} rows
 */
function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (/** @type {string[]} */ cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** @param {string} text */
const note = (text) => process.stderr.write(`${text}\n`);

/** The machine: Node, platform, CPUs, and how busy it is (load averages over 1, 5 and 15 minutes). */
function machineLine() {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
  return `Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"} (${os.availableParallelism()} usable); load average ${load}`;
}

/**
 * `--consolidar`: one folder per count (the files of the smaller folders are hard links to the first files
 * of the largest), then the command on each folder with one worker thread and with one per core, each run
 * in a fresh process.
 * @param {number[]} counts
 * @param {boolean} keep
 */
async function consolidationBench(counts, keep) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "contratualiza-bench-consolidar-"));
  const cores = os.availableParallelism();
  const workerCounts = cores > 1 ? [1, cores] : [1];
  /** @type {string[][]} */
  const rows = [];
  const loadBefore = machineLine();
  try {
    const largest = Math.max(...counts);
    const all = path.join(dir, `contratos-${largest}`);
    await fs.mkdir(all);
    note(`generating ${largest} small contract workbooks…`);
    const gen = await runCase(["contracts", all, String(largest)]);
    note(`  ${fmtSeconds(gen.seconds)}`);
    const names = (await fs.readdir(all)).filter((n) => n.endsWith(".xlsx")).sort();
    for (const count of counts) {
      let folder = all;
      if (count !== largest) {
        folder = path.join(dir, `contratos-${count}`);
        await fs.mkdir(folder);
        for (const name of names.slice(0, count)) await fs.link(path.join(all, name), path.join(folder, name));
      }
      /** @type {number | undefined} */
      let single;
      for (const workers of workerCounts) {
        note(`${count} files, ${workers} worker${workers === 1 ? "" : "s"}: consolidar…`);
        const out = path.join(dir, `consolidado-${count}-${workers}.xlsx`);
        const r = await runCase(["consolidar", folder, String(workers), out]);
        if (workers === 1) single = r.seconds;
        rows.push([
          int.format(count),
          String(workers),
          fmtSeconds(r.seconds),
          `${(count / r.seconds).toFixed(1)} files/s`,
          single !== undefined && workers !== 1 ? `${(single / r.seconds).toFixed(2)}×` : "-",
          fmtSeconds(r.cpuSeconds),
          (r.cpuSeconds / r.seconds).toFixed(2),
          fmtMiB(r.peakRss),
          r.outSize ? fmtSize(r.outSize) : "none",
          String(r.code),
        ]);
      }
    }
    console.log(`\nContratualiza bench — consolidar`);
    console.log(`Before: ${loadBefore}`);
    console.log(`After:  ${machineLine()}`);
    console.log(`Files in ${dir}${keep ? " (kept)" : " (removed afterwards)"}; every run in a fresh process.`);
    console.log(
      `Code measured: ${process.env.BENCH_LIB ? path.resolve(process.env.BENCH_LIB) : "lib/ (npm run build:cli)"}.\n`,
    );
    console.log(
      "contratualiza consolidar <folder> --paralelo <workers> --saida <file> (10 indicators × 3 months per file)",
    );
    console.log(
      table(["files", "workers", "time", "rate", "speed-up", "CPU", "cores busy", "peak RSS", "output", "exit"], rows),
    );
  } finally {
    if (!keep) await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * The sheet names of an .xlsx, from its `xl/workbook.xml` (without loading the workbook itself).
 * @param {string} file
 * @returns {Promise<string[]>}
 */
async function sheetNames(file) {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const unescape = (/** @type {string} */ t) =>
    t
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => unescape(m[1]));
}

/**
 * `--cofinanciamento`: for each size, the co-financing workbook (C1–C7 per team and month), then in fresh
 * processes the pipeline on the workbook in memory (checked: preset `cofinanciamento`, one evaluation per
 * team) and the whole command `avaliar <file> --saida <out>` (checked: the output has the sheet
 * `Cofinanciamento 2025-Q1`).
 * @param {number[]} sizes
 * @param {boolean} keep
 */
async function cofinanciamentoBench(sizes, keep) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "contratualiza-bench-cofinanciamento-"));
  /** @type {string[][]} */
  const coreRows = [];
  /** @type {string[][]} */
  const fileRows = [];
  const loadBefore = machineLine();
  try {
    const baseline = await runCase(["baseline"]);
    for (const size of sizes) {
      const file = path.join(dir, `cofinanciamento-${size}.xlsx`);
      note(`${int.format(size)} rows: generating…`);
      const gen = await runCase(["cofin-generate", file, String(size)]);
      note(
        `${int.format(size)} rows (${int.format(gen.teams)} teams, ${gen.municipalities} municipalities): the pipeline on the workbook in memory…`,
      );
      const core = await runCase([
        "cofin-core",
        file,
        String(gen.teams),
        String(gen.municipalities),
        String(gen.periods),
      ]);
      note(`${int.format(size)} rows: the command (avaliar --saida)…`);
      const cmd = await runCase(["command", file, dir]);
      if (!cmd.saida) throw new Error("this version of the command does not accept --saida");
      const out = path.join(dir, `saida-${path.basename(file)}`);
      if (!cmd.outSize) throw new Error(`avaliar --saida wrote no file (exit ${cmd.code})`);
      const sheets = await sheetNames(out);
      const expected = "Cofinanciamento 2025-Q1";
      if (!sheets.includes(expected))
        throw new Error(`the output has no sheet "${expected}" (sheets: ${sheets.join(", ")})`);
      coreRows.push([
        int.format(core.rows),
        int.format(core.teams),
        int.format(core.municipalities),
        String(core.periods),
        fmtSeconds(core.read),
        fmtSeconds(core.pipeline.first),
        fmtSeconds(core.pipeline.seconds),
        fmtRate(core.rows, core.pipeline),
        `${fmtSeconds(core.perTeam.seconds)} (${Math.round((100 * core.perTeam.seconds) / core.pipeline.seconds)}%)`,
        fmtMiB(core.readPeak),
        fmtMiB(core.peakRss),
      ]);
      fileRows.push([
        int.format(size),
        fmtSize(gen.size),
        fmtSeconds(cmd.seconds),
        fmtRate(size, { seconds: cmd.seconds }),
        fmtMiB(cmd.peakRss),
        fmtSize(cmd.outSize),
        String(cmd.code),
      ]);
    }
    console.log(`\nContratualiza bench — cofinanciamento (per team)`);
    console.log(`Before: ${loadBefore}`);
    console.log(`After:  ${machineLine()}`);
    console.log(`Files in ${dir}${keep ? " (kept)" : " (removed afterwards)"}; every measure in a fresh process.`);
    console.log(
      `Code measured: ${process.env.BENCH_LIB ? path.resolve(process.env.BENCH_LIB) : "lib/ (npm run build:cli)"}.\n`,
    );
    console.log(
      "runPipeline on the workbook in memory (C1–C7 × 4 months per team; checked: preset cofinanciamento chosen, one byTeam entry per team)",
    );
    console.log(
      table(
        [
          "rows",
          "teams",
          "municipalities",
          "periods",
          "read",
          "1st runPipeline",
          "runPipeline",
          "rate",
          "of which per team",
          "peak after read",
          "peak RSS",
        ],
        coreRows,
      ),
    );
    console.log("\ncontratualiza avaliar <file> --saida <out> (output checked for the sheet Cofinanciamento 2025-Q1)");
    console.log(table(["rows", "file", "command", "rate", "peak RSS", "output", "exit"], fileRows));
    console.log(`Baseline: a process that only loaded ExcelJS and the command peaks at ${fmtMiB(baseline.peakRss)}.`);
  } finally {
    if (!keep) await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs a case, or says why it failed (a crash of the command measured is a result too, not the end of the
 * bench).
 * @param {string[]} args
 * @returns {Promise<Record<string, any>>}
 */
async function tryCase(args) {
  try {
    return await runCase(args);
  } catch (e) {
    const lines = (e instanceof Error ? e.message : String(e)).split("\n");
    // The exit (`SIGABRT`, `exit 1`) from runCase's first line, and the error the child printed, if any.
    const exit = /\(([^()]*)\):?$/.exec(lines[0])?.[1];
    const error = lines
      .slice(1)
      .find((l) => /heap out of memory|RangeError|Error:/.test(l))
      ?.trim();
    return { failed: [exit, error].filter(Boolean).join(": ").slice(0, 160) || lines[0].slice(0, 160) };
  }
}

/**
 * LibreOffice headless converting `file` to .xlsx, which recalculates its formulas (they have no cached
 * value), under GNU time for the peak resident memory of soffice and its children. Its own profile, so
 * that no other LibreOffice running on the machine blocks it.
 * @param {string} file
 * @param {string} outDir
 * @returns {Promise<Record<string, any>>}
 */
async function libreOfficeConvert(file, outDir) {
  const profile = path.join(os.tmpdir(), `lo-bench-${process.pid}-${Date.now()}`);
  try {
    const t0 = performance.now();
    const { stderr } = await promisify(execFile)(
      "/usr/bin/time",
      [
        "-f",
        "BENCH_PEAK_KB %M",
        "soffice",
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx",
        "--outdir",
        outDir,
        file,
      ],
      { timeout: 900_000, maxBuffer: 1 << 24 },
    );
    const seconds = (performance.now() - t0) / 1000;
    const peak = /BENCH_PEAK_KB (\d+)/.exec(stderr);
    const out = path.join(outDir, path.basename(file));
    const size = await fs.stat(out).then(
      (st) => st.size,
      () => undefined,
    );
    if (!size) return { failed: `LibreOffice wrote no file (${stderr.trim().split("\n").slice(-2).join(" ")})` };
    return { seconds, peakRss: peak ? Number(peak[1]) * 1024 : undefined, outSize: size };
  } catch (e) {
    return { failed: `LibreOffice: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}` };
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
}

/** @param {Record<string, any>} r @param {(r: Record<string, any>) => number} seconds */
const cellTime = (r, seconds) => (r.failed ? "failed" : fmtSeconds(seconds(r)));
/** @param {Record<string, any>} r */
const cellPeak = (r) => (r.failed || r.peakRss === undefined ? "-" : fmtMiB(r.peakRss));
/** @param {number} a @param {number} b */
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

/**
 * The run of median time among `runs` (a failed run counts as the slowest), with the highest peak of them
 * all: the time is the typical one, the memory the worst seen.
 * @param {Record<string, any>[]} runs
 * @param {(r: Record<string, any>) => number} seconds
 */
function medianRun(runs, seconds) {
  const time = (/** @type {Record<string, any>} */ r) => (r.failed ? Infinity : seconds(r));
  const sorted = [...runs].sort((a, b) => time(a) - time(b));
  const median = sorted[(sorted.length - 1) >> 1];
  const peaks = runs.filter((r) => !r.failed && r.peakRss !== undefined).map((r) => r.peakRss);
  return median.failed || peaks.length === 0 ? median : { ...median, peakRss: Math.max(...peaks) };
}

/**
 * `--pares`: the issue's side-by-side figures, in one run. For each size, the same generated workbook
 * through `avaliar --saida` and a bare ExcelJS load + write in turns (PAIR_REPEATS times each up to 200k
 * rows, compared by their medians), `avaliar --sem-arquivo` and the read phase alone;
 * and LibreOffice headless converting the same rows with two formulas per row to recalculate. Then
 * `consolidar` on 853 small contracts with one worker per core. The ratios the issue targets are printed
 * under the table. At 1M rows (`--milhao`) ExcelJS and LibreOffice are not run (ExcelJS alone needs well
 * over 10 GB there); the command's time is compared with 10 × its 100k time instead.
 * @param {number[]} sizes
 * @param {boolean} keep
 */
async function pairsBench(sizes, keep) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "contratualiza-bench-pares-"));
  const loadBefore = machineLine();
  /** @type {string[][]} */
  const rows = [];
  /** @type {string[]} */
  const ratios = [];
  /** @type {Map<number, Record<string, any>>} */
  const commandBySize = new Map();
  try {
    for (const size of sizes) {
      const big = size > 200_000;
      const file = path.join(dir, `pares-${size}.xlsx`);
      note(`${int.format(size)} rows: generating…`);
      await runCase(["generate", file, String(size)]);
      // The command and ExcelJS in turns, PAIR_REPEATS times (once at 1M rows, where ExcelJS is not run).
      /** @type {Record<string, any>[]} */
      const cmds = [];
      /** @type {Record<string, any>[]} */
      const xls = [];
      const repeats = big ? 1 : PAIR_REPEATS;
      for (let k = 1; k <= repeats; k++) {
        const turn = repeats > 1 ? ` (${k} of ${repeats})` : "";
        note(`${int.format(size)} rows: avaliar --saida${turn}…`);
        cmds.push(await tryCase(["command", file, dir]));
        if (big) continue;
        note(`${int.format(size)} rows: ExcelJS load + write${turn}…`);
        xls.push(await tryCase(["exceljs", file]));
      }
      const cmd = medianRun(cmds, (r) => r.seconds);
      commandBySize.set(size, cmd);
      note(`${int.format(size)} rows: avaliar --sem-arquivo…`);
      const noOut = await tryCase(["no-output", file]);
      note(`${int.format(size)} rows: the read phase…`);
      const read = await tryCase(["read", file]);
      /** @type {Record<string, any>} */
      let xl = { failed: "not run (over 200k rows)" };
      /** @type {Record<string, any>} */
      let lo = { failed: "not run (over 200k rows)" };
      if (!big) {
        xl = medianRun(xls, (r) => r.load + r.write);
        const withFormulas = path.join(dir, `pares-${size}-formulas.xlsx`);
        await runCase(["generate", withFormulas, String(size), "formulas"]);
        note(`${int.format(size)} rows: LibreOffice headless converting the rows with two formulas each…`);
        lo = await libreOfficeConvert(withFormulas, path.join(dir, "libreoffice"));
      }
      rows.push([
        int.format(size),
        cellTime(cmd, (r) => r.seconds),
        cellPeak(cmd),
        cellTime(noOut, (r) => r.seconds),
        cellPeak(noOut),
        cellTime(read, (r) => r.seconds),
        cellPeak(read),
        big ? "-" : cellTime(xl, (r) => r.load + r.write),
        big ? "-" : cellPeak(xl),
        big ? "-" : cellTime(lo, (r) => r.seconds),
        big ? "-" : cellPeak(lo),
      ]);
      const label = `${int.format(size)} rows`;
      if (cmd.failed) ratios.push(`${label}: avaliar --saida failed: ${cmd.failed}`);
      else {
        if (!xl.failed) {
          // Each turn's own ratio too, so that the spread is seen beside the medians' ratio.
          const turns = cmds.map((c, k) =>
            c.failed || xls[k].failed ? "failed" : ratio(c.seconds, xls[k].load + xls[k].write),
          );
          ratios.push(
            `${label}: avaliar --saida ÷ ExcelJS load + write = ${ratio(cmd.seconds, xl.load + xl.write)} (target ≤ 0.35×)` +
              (turns.length > 1
                ? `; medians of ${turns.length} turns (${cmds.map((c) => cellTime(c, (r) => r.seconds)).join(", ")} against ${xls.map((x) => cellTime(x, (r) => r.load + r.write)).join(", ")}), each turn ${turns.join(", ")}`
                : ""),
          );
        }
        if (!lo.failed)
          ratios.push(
            `${label}: avaliar --saida ÷ LibreOffice converting = ${ratio(cmd.seconds, lo.seconds)} (target ≤ 0.5×)`,
          );
        else if (!big) ratios.push(`${label}: LibreOffice ${lo.failed}`);
        const limit = big ? 1.5 * 1024 : 300;
        ratios.push(
          `${label}: avaliar --saida peak = ${fmtMiB(cmd.peakRss)} (target ${big ? "<" : "≤"} ${int.format(limit)} MiB)`,
        );
        const base = commandBySize.get(size / 10);
        if (big && base && !base.failed)
          ratios.push(
            `${label}: avaliar --saida ÷ (10 × its ${int.format(size / 10)}-row time) = ${ratio(cmd.seconds, 10 * base.seconds)} (target ≤ 1.2×)`,
          );
      }
    }

    const contracts = path.join(dir, "contratos");
    await fs.mkdir(contracts);
    note(`generating ${PAIR_CONTRACTS} small contract workbooks…`);
    await runCase(["contracts", contracts, String(PAIR_CONTRACTS)]);
    // As a user runs it: the command's own number of workers (one per core but one).
    const workers = Math.max(1, os.availableParallelism() - 1);
    note(`consolidar of ${PAIR_CONTRACTS} files, the command's default of ${workers} workers…`);
    const cons = await tryCase(["consolidar", contracts, "default", path.join(dir, "consolidado.xlsx")]);
    ratios.push(
      cons.failed
        ? `consolidar ${PAIR_CONTRACTS} files failed: ${cons.failed}`
        : `consolidar ${PAIR_CONTRACTS} files, ${workers} workers: ${fmtSeconds(cons.seconds)}, ${(PAIR_CONTRACTS / cons.seconds).toFixed(1)} files/s (target ≥ 400), peak ${fmtMiB(cons.peakRss)}`,
    );

    console.log(
      `\nContratualiza bench — pares (side by side, one run; medians of ${PAIR_REPEATS} turns for avaliar --saida and ExcelJS)`,
    );
    console.log(`Before: ${loadBefore}`);
    console.log(`After:  ${machineLine()}`);
    console.log(
      `Files in ${dir}${keep ? " (kept)" : " (removed afterwards)"}; every measure in a fresh process, one after the other.`,
    );
    console.log(
      `Code measured: ${process.env.BENCH_LIB ? path.resolve(process.env.BENCH_LIB) : "lib/ (npm run build:cli)"}.\n`,
    );
    console.log(
      table(
        [
          "rows",
          "avaliar --saida",
          "peak",
          "--sem-arquivo",
          "peak",
          "read",
          "peak",
          "ExcelJS load+write",
          "peak",
          "LibreOffice 2 formulas/row",
          "peak",
        ],
        rows,
      ),
    );
    console.log("");
    for (const line of ratios) console.log(line);
  } finally {
    if (!keep) await fs.rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  const { sizes, keep, consolidar, cofinanciamento, pairs } = parseCommandLine(process.argv.slice(2));
  if (pairs) return pairsBench(sizes, keep);
  if (consolidar) return consolidationBench(sizes, keep);
  if (cofinanciamento) return cofinanciamentoBench(sizes, keep);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "contratualiza-bench-"));
  /** @type {string[][]} */
  const fileRows = [];
  /** @type {string[][]} */
  const coreRows = [];
  let saida = false;
  try {
    const baseline = await runCase(["baseline"]);
    for (const size of sizes) {
      const file = path.join(dir, `bench-${size}.xlsx`);
      note(`${int.format(size)} rows: generating…`);
      const gen = await runCase(["generate", file, String(size)]);
      note(`${int.format(size)} rows: ExcelJS load + write…`);
      const xl = await runCase(["exceljs", file]);
      note(`${int.format(size)} rows: the command…`);
      const cmd = await runCase(["command", file, dir]);
      saida = saida || cmd.saida;
      note(`${int.format(size)} rows: detection and evaluation on ready data…`);
      const core = await runCase(["core", file]);
      fileRows.push([
        int.format(size),
        fmtSize(gen.size),
        fmtSeconds(xl.load),
        fmtSeconds(xl.write),
        fmtMiB(xl.peakRss),
        fmtSeconds(cmd.seconds),
        fmtMiB(cmd.peakRss),
        // Whether --saida really produced a file: the option may be parsed before the writer exists.
        cmd.saida ? (cmd.outSize ? fmtSize(cmd.outSize) : "none") : "-",
        String(cmd.code),
      ]);
      coreRows.push([
        int.format(core.rows),
        fmtRate(core.rows, core.detect),
        fmtRate(core.rows, core.pipeline),
        String(core.periods),
        fmtRate(core.rows, core.evaluate),
        `${(core.pipeline.first * 1000).toFixed(0)} ms`,
      ]);
    }
    const cpus = os.cpus();
    console.log(
      `\nContratualiza bench — Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"}`,
    );
    console.log(`Files in ${dir}${keep ? " (kept)" : " (removed afterwards)"}; every measure in a fresh process.`);
    console.log(
      `Code measured: ${process.env.BENCH_LIB ? path.resolve(process.env.BENCH_LIB) : "lib/ (npm run build:cli)"}.\n`,
    );
    console.log("Whole files");
    console.log(
      table(
        [
          "rows",
          "file",
          "ExcelJS load",
          "ExcelJS write",
          "ExcelJS peak",
          saida ? "command (--saida)" : "command",
          "command peak",
          "output",
          "exit",
        ],
        fileRows,
      ),
    );
    console.log(`Baseline: a process that only loaded ExcelJS and the command peaks at ${fmtMiB(baseline.peakRss)}.\n`);
    console.log("Detection and evaluation on data already in memory (median of repeated runs after a warm-up)");
    console.log(
      table(["rows", "detectTables", "runPipeline", "periods", "evaluateContract", "1st runPipeline"], coreRows),
    );
  } finally {
    if (!keep) await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
