/**
 * The command's arguments: `contratualiza avaliar <arquivo> [--periodo P] [--predefinicao ID]
 * [--metodo proporcao|media] [--mapa mapa.json] [--saida arquivo.xlsx] [--sem-arquivo] [--json]`. Parsing only.
 */
import { cliStrings as t } from "../core/messages";
import { parsePeriod } from "../core/periods";
import { presets, type PresetId } from "../core/presets";
import type { OverallMethod, Period } from "../core/types";

export interface EvaluateCommand {
  command: "avaliar";
  file: string;
  period?: Period;
  preset?: PresetId;
  method?: OverallMethod;
  mapFile?: string;
  /** Where to write the evaluated copy; default `<name>.avaliado.xlsx` beside the input. */
  output?: string;
  /** Only print the result (`--sem-arquivo`). */
  noOutput: boolean;
  json: boolean;
}

export type ParsedArgs = EvaluateCommand | { command: "ajuda" } | { command: "erro"; message: string };

const METHODS: Record<string, OverallMethod> = { proporcao: "shareMet", "proporção": "shareMet", media: "meanAttainment", "média": "meanAttainment" };

/** Reads argv (without `node` and the script). Never throws: mistakes come back as a pt-BR message. */
export function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "ajuda") return { command: "ajuda" };
  if (command !== "avaliar") return { command: "erro", message: t.unknownCommand(command) };
  const out: EvaluateCommand = { command: "avaliar", file: "", json: false, noOutput: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    switch (flag) {
      case "--json":
        out.json = true;
        break;
      case "--periodo": {
        const v = value();
        if (!v) return { command: "erro", message: t.missingValue("--periodo") };
        const p = parsePeriod(v);
        if (p.kind === "invalid") return { command: "erro", message: p.problem.message };
        out.period = p.period;
        break;
      }
      case "--predefinicao": {
        const v = value();
        if (!v || !(v in presets)) return { command: "erro", message: t.unknownPreset(v ?? "") };
        out.preset = v as PresetId;
        break;
      }
      case "--metodo": {
        const v = value()?.toLowerCase();
        if (!v || !METHODS[v]) return { command: "erro", message: t.unknownMethod(v ?? "") };
        out.method = METHODS[v];
        break;
      }
      case "--mapa": {
        const v = value();
        if (!v) return { command: "erro", message: t.missingValue("--mapa") };
        out.mapFile = v;
        break;
      }
      case "--saida": {
        const v = value();
        if (!v) return { command: "erro", message: t.missingValue("--saida") };
        if (!/\.xlsx$/i.test(v)) return { command: "erro", message: t.outputNotXlsx(v) };
        out.output = v;
        break;
      }
      case "--sem-arquivo":
        out.noOutput = true;
        break;
      case "--help":
      case "-h":
        return { command: "ajuda" };
      default:
        if (arg.startsWith("-")) return { command: "erro", message: t.unknownOption(arg) };
        if (out.file) return { command: "erro", message: t.extraArgument(arg) };
        out.file = arg;
    }
  }
  if (!out.file) return { command: "erro", message: t.missingFile };
  return out;
}
