/**
 * The command `contratualiza comunicado <arquivo.xlsx> [--periodo 2025-T1] [--predefinicao ID]
 * [--metodo proporcao|media] [--saida comunicado.md|comunicado.docx]`: evaluates the workbook as `avaliar`
 * does (settings stored in the workbook apply; options win over them) and writes the synthetic communiqué of
 * one period (workbook/reports/communique) to edit and sign: as Markdown, or as a Word document when the
 * output's name ends in .docx (workbook/reports/docx). Default period: the last one found; default
 * output: `<nome>.comunicado-<período>.md` beside the input. The input is only read, never written; the
 * output is never the input. Prints where it wrote.
 *
 * Exit codes: 0 written; 1 written, with problems in the data; 2 could not read, nothing to evaluate, no
 * rows in the period asked for, or the file could not be written.
 */
import path from "path";
import { commandStrings as c, cliStrings as t, nationalStrings, reportStrings as r } from "../core/messages";
import { bandText, figureText } from "../workbook/view";
import { runPipeline, type PipelineOptions } from "../workbook/pipeline";
import { buildCommunique, communiqueMarkdown } from "../workbook/reports/communique";
import { communiqueDocx } from "../workbook/reports/docx";
import { readSettings, runRules } from "../workbook/settings";
import { readWorkbookFile } from "../workbook/xlsx/read";
import { samePath, writeAtomically } from "../workbook/xlsx/write";
import { commonOptions, parseOptions, readPath, valueOption, type OptionValues } from "./options";
import { overallFigure } from "../workbook/overallFigure";
import { detectionReasons } from "./report";

interface Output {
  write(text: string): unknown;
}

/** The command's arguments: the workbook, and the values of its options (`output`: .md or .docx). */
export type CommuniqueArgs = { file: string } & OptionValues<typeof communiqueOptions>;

type Parsed = { kind: "args"; args: CommuniqueArgs } | { kind: "help" } | { kind: "error"; message: string };

/** The options of `comunicado`: those every command has, and where to write (Markdown or Word). */
export const communiqueOptions = {
  ...commonOptions,
  output: valueOption("--saida", c.expects.communiqueOutput, readPath({ pattern: /\.(md|docx)$/i, wrong: c.outputNotCommunique })),
};

/** Reads the command's arguments (with or without the leading `comunicado`). Never throws. */
export function parseComunicadoArgs(argv: string[]): Parsed {
  const rest = argv[0] === "comunicado" ? argv.slice(1) : argv;
  const parsed = parseOptions(rest, communiqueOptions, { missing: t.missingFile, extra: t.extraArgument });
  if (parsed.kind !== "parsed") return parsed;
  return { kind: "args", args: { file: parsed.operand, ...parsed.values } };
}

/** The output is a Word document (`.docx`), not Markdown. */
export function isDocx(file: string): boolean {
  return /\.docx$/i.test(file);
}

/** Where the communiqué goes by default: `<folder>/<name>.comunicado-<período>.md` beside the input. */
export function defaultCommuniquePath(input: string, label: string): string {
  const name = path.basename(input, path.extname(input));
  const safe = (label || "todas-as-linhas").replace(/[\\/:*?"<>|]/g, "-");
  return path.join(path.dirname(input), `${name}.comunicado-${safe}.md`);
}

/** Runs `contratualiza comunicado …`; returns the exit code. `argv` may start with `comunicado` or not. */
export async function runComunicado(argv: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  const parsed = parseComunicadoArgs(argv);
  if (parsed.kind === "help") {
    out.write(`${c.communiqueUsage}\n`);
    return 0;
  }
  if (parsed.kind === "error") {
    err.write(`${parsed.message}\n\n${c.communiqueUsage}\n`);
    return 2;
  }
  const args = parsed.args;
  const read = await readWorkbookFile(args.file);
  if (read.kind === "unreadable") {
    err.write(`${read.message}\n`);
    return 2;
  }
  const stored = readSettings(read.workbook);
  const { rules, problems: settingsProblems } = runRules(stored.settings, { preset: args.preset, method: args.method, rule: args.rule });
  const options: PipelineOptions = rules;
  // Every period, for the history of the revision proposals; then the one asked for.
  const all = runPipeline(read.workbook, options);
  const evaluations = all.evaluations.filter((ev) => ev.indicators.length > 0);
  if (all.tables.length === 0 || evaluations.length === 0) {
    err.write(`${[r.nothingToEvaluate(args.file), ...detectionReasons(all)].join("\n")}\n`);
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
  const data = isDocx(target) ? await communiqueDocx(doc) : communiqueMarkdown(doc);
  const failure = await writeAtomically(target, data);
  if (failure) {
    err.write(`${failure}\n`);
    return 2;
  }
  const value = figureText(current) ?? t.noOverall;
  const label = current.preset.scale === 10 ? nationalStrings.capitalized(overallFigure(current).name) : r.overallLabel;
  out.write(`${r.written(current.period?.label ?? "", target)}\n${r.summaryLine(label, value, bandText(current) ?? "")}\n`);
  problems += stored.problems.length + settingsProblems.length + current.problems.length;
  if (problems > 0) out.write(`${r.problemsNote(problems)}\n`);
  return problems > 0 ? 1 : 0;
}
