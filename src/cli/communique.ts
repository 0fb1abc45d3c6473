/**
 * The command `contratualiza comunicado <arquivo.xlsx> [--periodo 2025-T1] [--final | --termo-aditivo]
 * [--predefinicao ID] [--metodo proporcao|media] [--saida comunicado.md|comunicado.docx]`: evaluates the
 * workbook as `avaliar` does (settings stored in the workbook apply; options win over them) and writes the
 * synthetic communiqués (workbook/plan/reports/communique) to edit and sign: as Markdown, or as a Word document
 * when the output's name ends in .docx (workbook/plan/reports/docx).
 * - Without `--periodo` and `--saida`: one communiqué per period found, each at
 *   `<nome>.comunicado-<período>.md` beside the input (the commission signs one per quarter, and the
 *   year's last one closes the year); with `--saida` alone, the last period's, there; with `--periodo`, that
 *   period's.
 * - `--final`: the final synthetic communiqué over every period found (workbook/plan/reports/finalCommunique),
 *   default `<nome>.comunicado-final.md`.
 * - `--termo-aditivo`: the proposal of an additive term over every period found
 *   (workbook/plan/reports/additiveTerm), default `<nome>.termo-aditivo.md`.
 * The input is only read, never written; an output is never the input. Prints where it wrote.
 *
 * Exit codes: 0 written; 1 written, with problems in the data; 2 could not read, nothing to evaluate, no
 * rows in the period asked for, or the file could not be written.
 */
import path from "path";
import type { ContractEvaluation } from "../core/evaluate";
import { documentStrings, nationalStrings } from "../workbook/messages";
import { cliDocumentStrings, cliStrings, commandStrings, reportCommandStrings } from "./messages";
import { bandText, figureText } from "../workbook/view";
import { runPipeline, type PipelineOptions } from "../workbook/pipeline";
import { buildAdditiveTerm } from "../workbook/plan/reports/additiveTerm";
import { buildCommunique, communiqueMarkdown, type CommuniqueText } from "../workbook/plan/reports/communique";
import { buildFinalCommunique } from "../workbook/plan/reports/finalCommunique";
import { communiqueDocx } from "../workbook/plan/reports/docx";
import { readSettings, runRules } from "../workbook/settings";
import { readWorkbookFile } from "../hosts/file/xlsx/read";
import { samePath, writeAtomically } from "../hosts/file/xlsx/write";
import { commonOptions, flag, parseOptions, readPath, valueOption, type OptionValues } from "./options";
import { overallFigure } from "../workbook/overallFigure";
import { detectionReasons } from "./report";

interface Output {
  write(text: string): unknown;
}

/** The command's arguments: the workbook, and the values of its options (`output`: .md or .docx). */
export type CommuniqueArgs = { file: string } & OptionValues<typeof communiqueOptions>;

type Parsed = { kind: "args"; args: CommuniqueArgs } | { kind: "help" } | { kind: "error"; message: string };

/**
 * The options of `comunicado`: those every command has, where to write (Markdown or Word), and which of the
 * documents over every period instead of the periods' communiqués: the final one, or the additive term.
 */
export const communiqueOptions = {
  ...commonOptions,
  output: valueOption(
    "--saida",
    commandStrings.expects.communiqueOutput,
    readPath({ pattern: /\.(md|docx)$/i, wrong: commandStrings.outputNotCommunique }),
  ),
  final: flag("--final"),
  additiveTerm: flag("--termo-aditivo"),
};

/** Reads the command's arguments (with or without the leading `comunicado`). Never throws. */
export function parseComunicadoArgs(argv: string[]): Parsed {
  const rest = argv[0] === "comunicado" ? argv.slice(1) : argv;
  const parsed = parseOptions(rest, communiqueOptions, {
    missing: cliStrings.missingFile,
    extra: cliStrings.extraArgument,
  });
  if (parsed.kind !== "parsed") return parsed;
  const values = parsed.values;
  if (values.final && values.additiveTerm) return { kind: "error", message: cliDocumentStrings.bothDocuments };
  if ((values.final || values.additiveTerm) && values.period)
    return { kind: "error", message: cliDocumentStrings.documentWithPeriod };
  return { kind: "args", args: { file: parsed.operand, ...values } };
}

/** The output is a Word document (`.docx`), not Markdown. */
export function isDocx(file: string): boolean {
  return /\.docx$/i.test(file);
}

/** Where the communiqué goes by default: `<folder>/<name>.comunicado-<período>.md` beside the input. */
export function defaultCommuniquePath(input: string, label: string): string {
  const safe = (label || "todas-as-linhas").replace(/[\\/:*?"<>|]/g, "-");
  return besideInput(input, `comunicado-${safe}`);
}

/** `<folder>/<name>.<suffix>.md` beside the input: `contrato.comunicado-final.md`, `contrato.termo-aditivo.md`. */
export function besideInput(input: string, suffix: string): string {
  const name = path.basename(input, path.extname(input));
  return path.join(path.dirname(input), `${name}.${suffix}.md`);
}

/** Writes one document (Markdown or Word by the name); a message when it cannot (the input itself, a write error). */
async function writeDocument(input: string, target: string, doc: CommuniqueText): Promise<string | undefined> {
  if (await samePath(input, target)) return reportCommandStrings.outputIsInput(target);
  const data = isDocx(target) ? await communiqueDocx(doc) : communiqueMarkdown(doc);
  return writeAtomically(target, data);
}

/** Runs `contratualiza comunicado …`; returns the exit code. `argv` may start with `comunicado` or not. */
export async function runComunicado(
  argv: string[],
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  const parsed = parseComunicadoArgs(argv);
  if (parsed.kind === "help") {
    out.write(`${commandStrings.communiqueUsage}\n`);
    return 0;
  }
  if (parsed.kind === "error") {
    err.write(`${parsed.message}\n\n${commandStrings.communiqueUsage}\n`);
    return 2;
  }
  const args = parsed.args;
  const read = await readWorkbookFile(args.file);
  if (read.kind === "unreadable") {
    err.write(`${read.message}\n`);
    return 2;
  }
  const stored = readSettings(read.workbook);
  const { rules, problems: settingsProblems } = runRules(stored.settings, {
    preset: args.preset,
    method: args.method,
    rule: args.rule,
  });
  const options: PipelineOptions = rules;
  // Every period: the history of the revision proposals, and what the documents over the term read.
  const all = runPipeline(read.workbook, options);
  const evaluations = all.evaluations.filter((ev) => ev.indicators.length > 0);
  if (all.tables.length === 0 || evaluations.length === 0) {
    err.write(`${[reportCommandStrings.nothingToEvaluate(args.file), ...detectionReasons(all)].join("\n")}\n`);
    return 2;
  }
  const source = all.tables.find((tb) => tb.title)?.title ?? path.basename(args.file);
  const baseProblems = all.problems.length + stored.problems.length + settingsProblems.length;
  const finish = (problems: number): number => {
    if (problems > 0) out.write(`${reportCommandStrings.problemsNote(problems)}\n`);
    return problems > 0 ? 1 : 0;
  };
  const evaluationProblems = evaluations.reduce((n, ev) => n + ev.problems.length, 0);

  // The documents over every period: the final communiqué, or the proposal of an additive term.
  if (args.final || args.additiveTerm) {
    const doc = args.final ? buildFinalCommunique(evaluations, { source }) : buildAdditiveTerm(evaluations, { source });
    const target = args.output ?? besideInput(args.file, args.final ? "comunicado-final" : "termo-aditivo");
    const failure = await writeDocument(args.file, target, doc);
    if (failure) {
      err.write(`${failure}\n`);
      return 2;
    }
    if ("grade" in doc) {
      const value = doc.gradeText ?? cliStrings.noOverall;
      const band = doc.grade.band
        ? doc.provisional.length > 0
          ? `${doc.grade.band.band.label} (${documentStrings.provisionalMark})`
          : doc.grade.band.band.label
        : "";
      out.write(`${cliDocumentStrings.writtenFinal(target)}\n${cliDocumentStrings.gradeLine(value, band)}\n`);
    } else
      out.write(
        `${cliDocumentStrings.writtenAdditive(target)}\n${cliDocumentStrings.candidatesLine(doc.candidates.length)}\n`,
      );
    return finish(baseProblems + evaluationProblems);
  }

  // Without --periodo or --saida: a communiqué per period found.
  const chosen: ContractEvaluation[] = [];
  if (!args.period && !args.output) chosen.push(...evaluations);
  else {
    let current = args.period
      ? evaluations.find((ev) => ev.period?.label === args.period!.label)
      : evaluations[evaluations.length - 1];
    if (!current && args.period) {
      // A period other than the evaluation periods found (a month, a range): evaluated on its own.
      const own = runPipeline(read.workbook, { ...options, period: args.period }).evaluations[0];
      if (own && own.indicators.length > 0) current = own;
    }
    if (!current) {
      const found = evaluations.map((ev) => ev.period?.label).filter((l): l is string => !!l);
      err.write(`${reportCommandStrings.periodNotFound(args.period?.label ?? "", found.join(", "))}\n`);
      return 2;
    }
    chosen.push(current);
  }

  let problems = baseProblems;
  for (const current of chosen) {
    const doc = buildCommunique(current, { source, others: evaluations });
    const target = args.output ?? defaultCommuniquePath(args.file, current.period?.label ?? "");
    const failure = await writeDocument(args.file, target, doc);
    if (failure) {
      err.write(`${failure}\n`);
      return 2;
    }
    const value = figureText(current) ?? cliStrings.noOverall;
    const label =
      current.preset.scale === 10
        ? nationalStrings.capitalized(overallFigure(current).name)
        : reportCommandStrings.overallLabel;
    out.write(
      `${reportCommandStrings.written(current.period?.label ?? "", target)}\n${reportCommandStrings.summaryLine(label, value, bandText(current) ?? "")}\n`,
    );
    problems += current.problems.length;
  }
  return finish(problems);
}
