/**
 * The command's arguments: `contratualiza avaliar <arquivo> [--periodo P] [--predefinicao ID]
 * [--metodo proporcao|media] [--mapa mapa.json] [--saida arquivo.xlsx] [--sem-arquivo] [--json] [--final]
 * [--termo-aditivo] [--ajustar-impressao]`. Parsing
 * only, through the commands' option parser (./options).
 */
import { cliStrings } from "./messages";
import { evaluateOptions, flag, HELP_OPTIONS, parseOptions, type OptionValues } from "./options";

/**
 * `avaliar`'s arguments: the file, and the values of its options (./options `evaluateOptions`): `output`,
 * where to write the evaluated copy (default `<name>.avaliado.xlsx` beside the input); `noOutput`
 * (`--sem-arquivo`), only print the result; `json`, print it as JSON.
 */
export type EvaluateCommand = { command: "avaliar"; file: string } & OptionValues<typeof avaliarOptions>;

/**
 * `avaliar`'s options: those it shares with `consolidar`, `--final`, the final report and the final
 * communiqué over every period (`Avaliação final`, `Comunicado final`), made only on request because the
 * data do not say when a contract ends, `--termo-aditivo`, the draft proposal of an additive term,
 * `--substituir`, to write over a file that is not an evaluated copy of the input, and `--ajustar-impressao`, to
 * fit the user's indicator sheets one page wide too (their page setup is otherwise left as it is).
 */
const avaliarOptions = {
  ...evaluateOptions,
  final: flag("--final"),
  additiveTerm: flag("--termo-aditivo"),
  replace: flag("--substituir"),
  fitPrint: flag("--ajustar-impressao"),
};

export type ParsedArgs = EvaluateCommand | { command: "ajuda" } | { command: "erro"; message: string };

/** Reads argv (without `node` and the script). Never throws: mistakes come back as a pt-BR message. */
export function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (!command || HELP_OPTIONS.includes(command) || command === "ajuda") return { command: "ajuda" };
  if (command !== "avaliar") return { command: "erro", message: cliStrings.unknownCommand(command) };
  const parsed = parseOptions(rest, avaliarOptions, {
    missing: cliStrings.missingFile,
    extra: cliStrings.extraArgument,
  });
  if (parsed.kind === "help") return { command: "ajuda" };
  if (parsed.kind === "error") return { command: "erro", message: parsed.message };
  return { command: "avaliar", file: parsed.operand, ...parsed.values };
}
