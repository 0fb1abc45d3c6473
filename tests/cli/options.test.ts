/**
 * The commands' one option parser (src/cli/options.ts) and the three commands that declare their options
 * with it (avaliar: src/cli/args.ts, consolidar, comunicado): values, flags, `--opcao=valor`, help, and each
 * mistake as a pt-BR message naming the option and what it expects; then properties over arbitrary argv —
 * it never throws, an unknown option is always named, the order of the options does not matter.
 */
import fc from "fast-check";
import { parseArgs } from "../../src/cli/args";
import { parseComunicadoArgs } from "../../src/cli/communique";
import { parseConsolidarArgs } from "../../src/cli/consolidate";
import {
  commonOptions,
  evaluateOptions,
  flag,
  parseOptions,
  readInteger,
  readMethod,
  readPath,
  readPeriod,
  readPreset,
  valueOption,
} from "../../src/cli/options";
import { cliStrings, commandStrings, consolidateCommandStrings } from "../../src/cli/messages";

const operand = { missing: "falta o arquivo", extra: (a: string) => `a mais: ${a}` };
const specs = {
  period: commonOptions.period,
  count: valueOption("--quantos", "um número de 1 a 9", readInteger(1, 9)),
  out: valueOption("--saida", "um .txt", readPath({ pattern: /\.txt$/i, wrong: (f) => `${f} não é .txt.` })),
  quiet: flag("--quieto"),
};

describe("parseOptions", () => {
  test("values, flags (false unless given), `--opcao=valor` and the operand anywhere", () => {
    const parsed = parseOptions(["--quantos", "3", "a.xlsx", "--saida=b.TXT"], specs, operand);
    expect(parsed).toEqual({ kind: "parsed", operand: "a.xlsx", values: { count: 3, out: "b.TXT", quiet: false } });
    const all = parseOptions(["--quieto", "--periodo=2025-T1", "a.xlsx"], specs, operand);
    expect(all.kind === "parsed" && [all.values.quiet, all.values.period?.label]).toEqual([true, "2025-T1"]);
    // The value after the name is taken whatever it looks like; the last of a repeated option wins.
    expect(parseOptions(["a", "--saida", "-x.txt", "--saida", "y.txt"], specs, operand)).toMatchObject({
      values: { out: "y.txt" },
    });
  });

  test("--help or -h anywhere asks for help, unless a mistake comes first", () => {
    expect(parseOptions(["a.xlsx", "--quieto", "-h"], specs, operand)).toEqual({ kind: "help" });
    expect(parseOptions(["--help=sim"], specs, operand)).toEqual({ kind: "help" });
    expect(parseOptions(["--quantos", "0", "--help"], specs, operand)).toMatchObject({ kind: "error" });
  });

  test("each mistake names the option and says what it expects", () => {
    const error = (...argv: string[]) => {
      const parsed = parseOptions(argv, specs, operand);
      return parsed.kind === "error" ? parsed.message : `no error: ${parsed.kind}`;
    };
    expect(error("a", "--quantos")).toBe("A opção --quantos precisa de um valor: um número de 1 a 9.");
    expect(error("a", "--quantos=")).toBe(commandStrings.missingValue("--quantos", "um número de 1 a 9"));
    expect(error("a", "--quantos", "10")).toBe("Opção --quantos: “10” não é um número inteiro de 1 a 9.");
    expect(error("a", "--saida", "b.doc")).toBe("Opção --saida: b.doc não é .txt.");
    expect(error("a", "--periodo", "2025-T5")).toMatch(
      /^Opção --periodo: Período “2025-T5”: o trimestre deve ir de 1 a 4\.$/,
    );
    expect(error("a", "--quieto=sim")).toBe("A opção --quieto não recebe valor; escreva só --quieto.");
    expect(error("a", "--outra")).toBe(cliStrings.unknownOption("--outra"));
    expect(error("a", "--outra=1")).toBe("Opção “--outra=1” desconhecida.");
    expect(error("a", "-")).toBe(cliStrings.unknownOption("-"));
    expect(error("a", "b")).toBe("a mais: b");
    expect(error("--quieto")).toBe("falta o arquivo");
  });

  test("the shared readers", () => {
    expect(readPeriod("2025-T1")).toMatchObject({ ok: true, value: { label: "2025-T1" } });
    expect(readPreset("previne")).toEqual({ ok: true, value: "previne" });
    expect(readMethod("MÉDIA")).toEqual({ ok: true, value: "meanAttainment" });
    expect(readMethod("proporção")).toEqual({ ok: true, value: "shareMet" });
    // Names every object has are not presets nor methods.
    for (const name of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
      expect(readPreset(name)).toEqual({ ok: false, problem: cliStrings.unknownPreset(name) });
      expect(readMethod(name)).toEqual({ ok: false, problem: cliStrings.unknownMethod(name.toLowerCase()) });
    }
    const n = readInteger(1, 256);
    expect([" 4 ", "1", "256"].map(n)).toEqual([4, 1, 256].map((value) => ({ ok: true, value })));
    for (const bad of ["0", "257", "2.5", "-1", "1e2", "abc", "0x10"]) expect(n(bad).ok).toBe(false);
  });
});

describe("the three commands declare their options with it", () => {
  test("the options they share read the same values, under the same names", () => {
    const shared = ["--periodo", "2025-T2", "--predefinicao=decreto", "--metodo", "media", "--regra", "todos-os-meses"];
    const expected = {
      preset: "decreto",
      method: "meanAttainment",
      rule: "everyMonth",
      period: expect.objectContaining({ label: "2025-T2" }),
    };
    expect(parseArgs(["avaliar", "a.xlsx", ...shared])).toMatchObject({
      command: "avaliar",
      file: "a.xlsx",
      json: false,
      noOutput: false,
      ...expected,
    });
    expect(parseConsolidarArgs(["pasta", ...shared])).toMatchObject({
      command: "consolidar",
      input: "pasta",
      json: false,
      noOutput: false,
      ...expected,
    });
    expect(parseComunicadoArgs(["a.xlsx", ...shared])).toMatchObject({
      kind: "args",
      args: { file: "a.xlsx", ...expected },
    });
    expect(Object.keys(evaluateOptions)).toEqual([
      "period",
      "preset",
      "method",
      "rule",
      "mapFile",
      "output",
      "noOutput",
      "json",
    ]);
  });

  test("each command's own options and messages", () => {
    expect(
      parseArgs(["avaliar", "a.xlsx", "--mapa", "m.json", "--saida", "b.XLSX", "--sem-arquivo", "--json"]),
    ).toEqual({
      command: "avaliar",
      file: "a.xlsx",
      mapFile: "m.json",
      output: "b.XLSX",
      noOutput: true,
      json: true,
      final: false,
      additiveTerm: false,
      replace: false,
      fitPrint: false,
    });
    expect(parseArgs(["avaliar", "a.xlsx", "--ajustar-impressao"])).toMatchObject({
      command: "avaliar",
      fitPrint: true,
    });
    expect(parseArgs(["avaliar", "a.xlsx", "--final"])).toMatchObject({ command: "avaliar", final: true });
    expect(parseArgs(["avaliar", "a.xlsx", "--substituir"])).toMatchObject({ command: "avaliar", replace: true });
    // Writing over somebody's file is avaliar's question: consolidar has no --substituir.
    expect(parseConsolidarArgs(["pasta", "--substituir"])).toEqual({
      command: "erro",
      message: cliStrings.unknownOption("--substituir"),
    });
    // The rule by its pt-BR name; anything else says which names there are.
    expect(parseArgs(["avaliar", "a.xlsx", "--regra", "resultado-do-periodo"])).toMatchObject({ rule: "periodResult" });
    expect(parseArgs(["avaliar", "a.xlsx", "--regra", "mensal"])).toEqual({
      command: "erro",
      message: commandStrings.invalidValue("--regra", cliStrings.unknownRule("mensal")),
    });
    // The final report is avaliar's: consolidar has none.
    expect(parseConsolidarArgs(["pasta", "--final"])).toEqual({
      command: "erro",
      message: cliStrings.unknownOption("--final"),
    });
    expect(parseArgs(["avaliar", "a.xlsx", "--saida", "b.ods"])).toEqual({
      command: "erro",
      message: commandStrings.invalidValue("--saida", cliStrings.outputNotXlsx("b.ods")),
    });
    expect(parseArgs(["avaliar", "a.xlsx", "b.xlsx"])).toEqual({
      command: "erro",
      message: cliStrings.extraArgument("b.xlsx"),
    });
    expect(parseArgs(["avaliar", "--json"])).toEqual({ command: "erro", message: cliStrings.missingFile });
    expect(parseArgs(["avaliar", "a.xlsx", "--paralelo", "2"])).toEqual({
      command: "erro",
      message: cliStrings.unknownOption("--paralelo"),
    });
    expect(parseArgs(["avaliar", "--help"])).toEqual({ command: "ajuda" });
    expect(parseArgs(["-h"])).toEqual({ command: "ajuda" });
    expect(parseArgs(["avalia"])).toEqual({ command: "erro", message: cliStrings.unknownCommand("avalia") });

    expect(parseConsolidarArgs(["pasta", "--paralelo", "4", "--saida", "c.xlsx"])).toMatchObject({
      parallel: 4,
      output: "c.xlsx",
    });
    expect(parseConsolidarArgs(["pasta", "--paralelo", "0"])).toEqual({
      command: "erro",
      message: "Opção --paralelo: “0” não é um número inteiro de 1 a 256.",
    });
    expect(parseConsolidarArgs(["pasta", "--paralelo"])).toEqual({
      command: "erro",
      message: "A opção --paralelo precisa de um valor: um número inteiro de 1 a 256.",
    });
    expect(parseConsolidarArgs([])).toEqual({ command: "erro", message: consolidateCommandStrings.missingInput });
    expect(parseConsolidarArgs(["a", "b"])).toEqual({
      command: "erro",
      message: consolidateCommandStrings.extraArgument("b"),
    });

    expect(parseComunicadoArgs(["comunicado", "a.xlsx", "--saida", "c.docx"])).toEqual({
      kind: "args",
      args: { file: "a.xlsx", output: "c.docx", final: false, additiveTerm: false },
    });
    expect(parseComunicadoArgs(["a.xlsx", "--saida=c.MD"])).toEqual({
      kind: "args",
      args: { file: "a.xlsx", output: "c.MD", final: false, additiveTerm: false },
    });
    expect(parseComunicadoArgs(["a.xlsx", "--saida", "c.xlsx"])).toEqual({
      kind: "error",
      message: commandStrings.invalidValue("--saida", commandStrings.outputNotCommunique("c.xlsx")),
    });
    expect(parseComunicadoArgs(["a.xlsx", "--saida"])).toEqual({
      kind: "error",
      message: "A opção --saida precisa de um valor: o nome do arquivo .md ou .docx a gravar.",
    });
    expect(parseComunicadoArgs(["a.xlsx", "--json"])).toEqual({
      kind: "error",
      message: cliStrings.unknownOption("--json"),
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties

/** Every option name the commands know, and help. */
const KNOWN = [
  "--periodo",
  "--predefinicao",
  "--metodo",
  "--mapa",
  "--saida",
  "--sem-arquivo",
  "--json",
  "--paralelo",
  "--help",
  "-h",
];

type Outcome = { kind: string; message?: string };

/** The four parsers, each as (argv after the command's name) → its outcome, in one shape. */
const PARSERS: Record<string, (argv: string[]) => Outcome> = {
  avaliar: (argv) => {
    const p = parseArgs(["avaliar", ...argv]);
    return p.command === "erro" ? { kind: "error", message: p.message } : { kind: p.command, ...p };
  },
  consolidar: (argv) => {
    const p = parseConsolidarArgs(argv);
    return p.command === "erro" ? { kind: "error", message: p.message } : { kind: p.command, ...p };
  },
  comunicado: (argv) => parseComunicadoArgs(argv),
  parseOptions: (argv) => parseOptions(argv, specs, operand),
};
const NAMES = Object.keys(PARSERS);

/** A token: anything, or something close to a real option (a known name, with `=`, a dash or two). */
const token = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom(...KNOWN, "--", "-", "=", "--=", "2025-T1", "previne", "media", "x.xlsx", "x.md", "x.docx", "4", ""),
  fc.tuple(fc.constantFrom(...KNOWN), fc.string()).map(([name, value]) => `${name}=${value}`),
  fc.string().map((x) => `--${x}`),
);

test("property: no argv makes a parser throw; each gives back values, help or a non-empty message", () => {
  fc.assert(
    fc.property(fc.array(token, { maxLength: 12 }), (argv) => {
      for (const parse of Object.values(PARSERS)) {
        const result = parse(argv);
        expect(["avaliar", "consolidar", "args", "parsed", "ajuda", "help", "error"]).toContain(result.kind);
        if (result.kind === "error") expect(result.message).toMatch(/\S/);
      }
    }),
    { numRuns: 300 },
  );
});

/** Whole, valid groups of each command's options (a name and its value, or a flag). */
const COMMON_GROUPS = [
  ["--periodo", "2025-T1"],
  ["--periodo=2025"],
  ["--predefinicao", "previne"],
  ["--metodo", "media"],
];
const GROUPS: Record<string, string[][]> = {
  avaliar: [...COMMON_GROUPS, ["--mapa", "m.json"], ["--saida", "s.xlsx"], ["--sem-arquivo"], ["--json"]],
  consolidar: [
    ...COMMON_GROUPS,
    ["--mapa=m.json"],
    ["--saida=s.xlsx"],
    ["--sem-arquivo"],
    ["--json"],
    ["--paralelo", "3"],
  ],
  comunicado: [...COMMON_GROUPS, ["--saida", "s.docx"], ["--saida=s.md"]],
  parseOptions: [["--periodo", "2025-T1"], ["--quantos", "2"], ["--saida=s.txt"], ["--quieto"]],
};

/** An option no command knows: one or two dashes, then anything (no known name before an `=`). */
const unknownOption = fc
  .tuple(fc.constantFrom("-", "--"), fc.string({ unit: "binary", maxLength: 80 }))
  .map(([dashes, rest]) => dashes + rest)
  .filter(
    (arg) => !KNOWN.includes(arg.startsWith("--") && arg.indexOf("=") > 0 ? arg.slice(0, arg.indexOf("=")) : arg),
  );

test("property: an unknown option, wherever it stands among valid ones, is an error that names it", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...NAMES),
      fc.array(fc.nat(20), { maxLength: 6 }),
      fc.nat(7),
      unknownOption,
      (name, picks, at, unknown) => {
        const groups = picks.map((i) => GROUPS[name][i % GROUPS[name].length]);
        groups.splice(at % (groups.length + 1), 0, [unknown]);
        const result = PARSERS[name](["arquivo.xlsx", ...groups.flat()]);
        expect(result).toEqual({ kind: "error", message: cliStrings.unknownOption(unknown) });
        // Named as written (a very long one shortened, as every quoted text is).
        expect(result.message).toContain(unknown.length > 60 ? unknown.slice(0, 57) : unknown);
      },
    ),
    { numRuns: 300 },
  );
});

/** A command's groups, one per option name (a repeated option: the last wins, which depends on the order). */
const onePerOption = (name: string) =>
  GROUPS[name].filter((g, i, all) => all.findIndex((o) => o[0].split("=")[0] === g[0].split("=")[0]) === i);

test("property: the order of the options and of the operand does not change what is read", () => {
  const cases = fc
    .constantFrom(...NAMES)
    .chain((name) => fc.tuple(fc.constant(name), fc.shuffledSubarray(onePerOption(name)), fc.nat()));
  fc.assert(
    fc.property(cases, ([name, groups, at]) => {
      const canonical = [...groups].sort((a, b) => onePerOption(name).indexOf(a) - onePerOption(name).indexOf(b));
      const shuffled: string[][] = [...groups];
      shuffled.splice(at % (groups.length + 1), 0, ["arquivo.xlsx"]);
      const result = PARSERS[name](shuffled.flat());
      expect(result.kind).not.toBe("error");
      expect(result).toEqual(PARSERS[name](["arquivo.xlsx", ...canonical.flat()]));
    }),
    { numRuns: 200 },
  );
});
