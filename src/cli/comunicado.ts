/**
 * The command `contratualiza comunicado <arquivo.xlsx> [--periodo 2025-T1] [--predefinicao ID]
 * [--metodo proporcao|media] [--saida comunicado.md]`: evaluates the workbook as `avaliar` does (settings
 * stored in the workbook apply; options win over them) and writes the synthetic communiqué of one period
 * (workbook/reports/communique) as Markdown, to edit and sign. Default period: the last one found; default
 * output: `<nome>.comunicado-<período>.md` beside the input. The input is only read, never written; the
 * output is never the input. Prints where it wrote.
 *
 * Exit codes: 0 written; 1 written, with problems in the data; 2 could not read, nothing to evaluate, no
 * rows in the period asked for, or the file could not be written.
 */
import { randomBytes } from "crypto";
import { promises as fs } from "fs";
import path from "path";
import { cliStrings as t, formatNumber, formatPercent, reportStrings as r } from "../core/messages";
import { parsePeriod } from "../core/periods";
import { presets, type PresetId } from "../core/presets";
import type { OverallMethod, Period } from "../core/types";
import { runPipeline, type PipelineOptions } from "../workbook/pipeline";
import { buildCommunique, communiqueMarkdown } from "../workbook/reports/communique";
import { readSettings, resolveSettings } from "../workbook/settings";
import { readWorkbookFile } from "../workbook/xlsx/read";
import { describeWriteError, samePath } from "../workbook/xlsx/write";

interface Output {
  write(text: string): unknown;
}

export interface CommuniqueArgs {
  file: string;
  period?: Period;
  preset?: PresetId;
  method?: OverallMethod;
  output?: string;
}

type Parsed = { kind: "args"; args: CommuniqueArgs } | { kind: "help" } | { kind: "error"; message: string };

const METHODS: Record<string, OverallMethod> = { proporcao: "shareMet", "proporção": "shareMet", media: "meanAttainment", "média": "meanAttainment" };

/** Reads the command's arguments (with or without the leading `comunicado`). Never throws. */
export function parseComunicadoArgs(argv: string[]): Parsed {
  const rest = argv[0] === "comunicado" ? argv.slice(1) : argv;
  const out: CommuniqueArgs = { file: "" };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    switch (flag) {
      case "--periodo": {
        const v = value();
        if (!v) return { kind: "error", message: t.missingValue("--periodo") };
        const p = parsePeriod(v);
        if (p.kind === "invalid") return { kind: "error", message: p.problem.message };
        out.period = p.period;
        break;
      }
      case "--predefinicao": {
        const v = value();
        if (!v || !(v in presets)) return { kind: "error", message: t.unknownPreset(v ?? "") };
        out.preset = v as PresetId;
        break;
      }
      case "--metodo": {
        const v = value()?.toLowerCase();
        if (!v || !METHODS[v]) return { kind: "error", message: t.unknownMethod(v ?? "") };
        out.method = METHODS[v];
        break;
      }
      case "--saida": {
        const v = value();
        if (!v) return { kind: "error", message: t.missingValue("--saida") };
        if (!/\.md$/i.test(v)) return { kind: "error", message: r.outputNotMarkdown(v) };
        out.output = v;
        break;
      }
      case "--help":
      case "-h":
        return { kind: "help" };
      default:
        if (arg.startsWith("-")) return { kind: "error", message: t.unknownOption(arg) };
        if (out.file) return { kind: "error", message: t.extraArgument(arg) };
        out.file = arg;
    }
  }
  if (!out.file) return { kind: "error", message: t.missingFile };
  return { kind: "args", args: out };
}

/** Where the communiqué goes by default: `<folder>/<name>.comunicado-<período>.md` beside the input. */
export function defaultCommuniquePath(input: string, label: string): string {
  const name = path.basename(input, path.extname(input));
  const safe = (label || "todas-as-linhas").replace(/[\\/:*?"<>|]/g, "-");
  return path.join(path.dirname(input), `${name}.comunicado-${safe}.md`);
}

/** Writes `text` to `target` through a temporary file in the same folder; a pt-BR message on failure. */
async function writeText(target: string, text: string): Promise<string | undefined> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  try {
    await fs.writeFile(temp, text, { encoding: "utf8", flag: "wx" });
    await fs.rename(temp, target);
    return undefined;
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    return describeWriteError(e, target);
  }
}

/** Runs `contratualiza comunicado …`; returns the exit code. `argv` may start with `comunicado` or not. */
export async function runComunicado(argv: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  const parsed = parseComunicadoArgs(argv);
  if (parsed.kind === "help") {
    out.write(`${r.usage}\n`);
    return 0;
  }
  if (parsed.kind === "error") {
    err.write(`${parsed.message}\n\n${r.usage}\n`);
    return 2;
  }
  const args = parsed.args;
  const read = await readWorkbookFile(args.file);
  if (read.kind === "unreadable") {
    err.write(`${read.message}\n`);
    return 2;
  }
  const stored = readSettings(read.workbook);
  const settings = resolveSettings(stored.settings);
  const options: PipelineOptions = {
    preset: args.preset ? presets[args.preset] : settings.preset,
    method: args.method ?? settings.method,
    mapping: settings.mapping,
    partialShare: settings.partialShare,
    incompleteShare: settings.incompleteShare,
  };
  // Every period, for the history of the revision proposals; then the one asked for.
  const all = runPipeline(read.workbook, options);
  const evaluations = all.evaluations.filter((ev) => ev.indicators.length > 0);
  if (all.tables.length === 0 || evaluations.length === 0) {
    err.write(`${r.nothingToEvaluate(args.file)}\n`);
    return 2;
  }
  let current = args.period ? evaluations.find((ev) => ev.period?.label === args.period!.label) : evaluations[evaluations.length - 1];
  let problems = all.problems.length;
  if (!current && args.period) {
    // A period other than the evaluation periods found (a month, a range): evaluated on its own.
    const own = runPipeline(read.workbook, { ...options, period: args.period }).evaluations[0];
    if (own && own.indicators.length > 0) current = own;
  }
  if (!current) {
    const found = evaluations.map((ev) => ev.period?.label).filter((l): l is string => !!l);
    err.write(`${r.periodNotFound(args.period?.label ?? "", found.join(", "))}\n`);
    return 2;
  }

  const source = all.tables.find((tb) => tb.title)?.title ?? path.basename(args.file);
  const doc = buildCommunique(current, { source, others: evaluations });
  const target = args.output ?? defaultCommuniquePath(args.file, current.period?.label ?? "");
  if (await samePath(args.file, target)) {
    err.write(`${r.outputIsInput(target)}\n`);
    return 2;
  }
  const failure = await writeText(target, communiqueMarkdown(doc));
  if (failure) {
    err.write(`${failure}\n`);
    return 2;
  }
  const value =
    current.overall.value === undefined
      ? t.noOverall
      : current.preset.scale === 10
        ? formatNumber(current.overall.value, 2)
        : formatPercent(current.overall.attainment ?? 0, 1);
  const label = current.preset.scale === 10 ? (current.preset.id === "previne" ? r.isfLabel : r.finalNoteLabel) : r.overallLabel;
  out.write(`${r.written(current.period?.label ?? "", target)}\n${r.summaryLine(label, value, current.band?.band.label ?? "")}\n`);
  problems += stored.problems.length + settings.problems.length + current.problems.length;
  if (problems > 0) out.write(`${r.problemsNote(problems)}\n`);
  return problems > 0 ? 1 : 0;
}
