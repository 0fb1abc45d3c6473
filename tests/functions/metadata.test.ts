/**
 * dist/functions.json, the metadata Excel registers the functions from, checked against what Excel and the
 * code expect:
 * - Microsoft's own schema for it: the `extensionCustomFunctions` object of the Microsoft 365 app manifest
 *   schema in the npm package @microsoft/app-manifest, validated with ajv (with negative controls, so the
 *   validation is known to bite);
 * - every parameter the code reads as a range is declared `matrix` (Excel passes a range to nothing else),
 *   and every `matrix` one is read as a range, found by reading src/functions with the TypeScript parser;
 * - every function's help link points at its section of the shipped help page (dist/ajuda.html), whose
 *   sections match the functions one for one, each with the signature and an example;
 * - data-type objects are not asked for (`allowCustomDataForDataTypeAny` off: coerce.ts reads plain values).
 * Needs `npm run build` first.
 */
import fs from "fs";
import path from "path";
import Ajv, { type ValidateFunction } from "ajv";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");

function readDist(file: string): string {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) throw new Error(`dist/${file} is missing: run \`npm run build\` first (npm test does it).`);
  return fs.readFileSync(full, "utf8");
}

interface Parameter {
  name: string;
  optional?: boolean;
  dimensionality?: string;
}
interface FunctionEntry {
  id: string;
  name: string;
  helpUrl?: string;
  parameters: Parameter[];
}
interface Metadata {
  allowCustomDataForDataTypeAny?: boolean;
  functions: FunctionEntry[];
}

const metadataText = readDist("functions.json");
const metadata = JSON.parse(metadataText) as Metadata;

// ---------------------------------------------------------------------------------------------------------
// Microsoft's schema

type Schema = Record<string, unknown>;

/** The newest Microsoft 365 app manifest schema in @microsoft/app-manifest that defines custom functions. */
function manifestSchema(): { version: string; schema: { definitions: Record<string, Schema> } } {
  const dir = path.join(
    path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
    "build",
    "json-schemas",
    "teams",
  );
  const versions = fs
    .readdirSync(dir)
    .filter((v) => /^v\d+\.\d+$/.test(v))
    .sort(
      (a, b) =>
        Number(b.slice(1).split(".")[1]) - Number(a.slice(1).split(".")[1]) ||
        Number(b.slice(1).split(".")[0]) - Number(a.slice(1).split(".")[0]),
    );
  for (const version of versions) {
    const schema = JSON.parse(fs.readFileSync(path.join(dir, version, "MicrosoftTeams.schema.json"), "utf8")) as {
      definitions?: Record<string, Schema>;
    };
    if (schema.definitions?.extensionCustomFunctions) return { version, schema: { definitions: schema.definitions } };
  }
  throw new Error("no schema in @microsoft/app-manifest defines extensionCustomFunctions");
}

/** The definitions `extensionCustomFunctions` reaches through `$ref`, and the keywords they use. */
function reachable(definitions: Record<string, Schema>): { names: Set<string>; keywords: Set<string> } {
  const names = new Set<string>(["extensionCustomFunctions"]);
  const keywords = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node as Schema)) {
      if (key === "properties") {
        Object.values(value as Schema).forEach(walk);
        continue;
      }
      keywords.add(key);
      if (key === "$ref" && typeof value === "string") {
        const name = value.replace("#/definitions/", "");
        if (!names.has(name)) {
          names.add(name);
          walk(definitions[name]);
        }
      }
      walk(value);
    }
  };
  walk(definitions.extensionCustomFunctions);
  return { names, keywords };
}

/**
 * The schema is JSON Schema draft-04; ajv 8 speaks draft-07. The custom-functions part is compiled alone
 * (its definitions only), which is sound while it uses only keywords both drafts read alike: checked below.
 */
const SAME_IN_DRAFT_04_AND_07 = new Set([
  "type",
  "description",
  "items",
  "$ref",
  "pattern",
  "minLength",
  "maxLength",
  "default",
  "enum",
  "required",
  "minItems",
  "maxItems",
  "additionalProperties",
]);

const { version: schemaVersion, schema } = manifestSchema();
const { names: usedDefinitions, keywords: usedKeywords } = reachable(schema.definitions);

function compile(strict: boolean): ValidateFunction {
  const definitions: Record<string, Schema> = {};
  for (const name of usedDefinitions) definitions[name] = structuredClone(schema.definitions[name]);
  if (strict) {
    // Microsoft leaves a function's and a parameter's properties open; a misspelt key ("dimensionallity")
    // would pass unseen and Excel would ignore it. Closed here. (Not the result's: the generator writes its
    // `type`, which Excel reads but the schema does not list.)
    for (const name of ["extensionFunction", "extensionFunctionParameter"])
      definitions[name].additionalProperties = false;
  }
  // `strict: false`: Microsoft's schema has `null` in a string enum, which ajv's strict mode rejects.
  return new Ajv({ allErrors: true, strict: false }).compile({
    definitions,
    $ref: "#/definitions/extensionCustomFunctions",
  });
}

const validate = compile(false);
const validateStrict = compile(true);

const errorsOf = (fn: ValidateFunction, data: unknown) =>
  fn(data) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

describe("dist/functions.json against Microsoft's custom-functions metadata schema", () => {
  test("the schema part used is draft-04 read the same way by ajv's draft-07", () => {
    expect(schemaVersion).toMatch(/^v1\.\d+$/);
    expect([...usedKeywords].filter((k) => !SAME_IN_DRAFT_04_AND_07.has(k))).toEqual([]);
  });

  test("validates, also with no property the schema does not know", () => {
    expect(errorsOf(validate, metadata)).toEqual([]);
    expect(errorsOf(validateStrict, metadata)).toEqual([]);
  });

  // Negative controls: each breaks one rule Excel relies on, so a schema that accepted anything would show.
  test.each([
    [
      "a function without a result",
      (m: Metadata) => delete (m.functions[0] as Partial<FunctionEntry> & { result?: unknown }).result,
    ],
    ["an id with a space", (m: Metadata) => (m.functions[0].id = "META ATINGIMENTO")],
    ["a name that starts with a digit", (m: Metadata) => (m.functions[0].name = "1ATINGIMENTO")],
    ["a dimensionality Excel does not have", (m: Metadata) => (m.functions[2].parameters[1].dimensionality = "vector")],
    [
      "a help link over plain http",
      (m: Metadata) => (m.functions[0].helpUrl = "http://localhost:3000/ajuda.html#ATINGIMENTO"),
    ],
    ["a property unknown at the top", (m: Metadata) => Object.assign(m, { allowCustomDataForDataTypeAnything: true })],
  ])("rejects %s", (_, breakIt) => {
    const broken = JSON.parse(metadataText) as Metadata;
    breakIt(broken);
    expect(errorsOf(validate, broken).length).toBeGreaterThan(0);
  });

  test("the strict variant rejects a misspelt parameter property the open schema lets through", () => {
    const broken = JSON.parse(metadataText) as Metadata;
    Object.assign(broken.functions[2].parameters[1], { dimensionallity: "matrix" });
    expect(errorsOf(validate, broken)).toEqual([]);
    expect(errorsOf(validateStrict, broken).length).toBeGreaterThan(0);
  });

  // coerce.ts reads numbers, texts, booleans and empty cells; data-type objects would reach it as JSON.
  test("does not ask Excel for data-type objects", () => {
    expect(metadata.allowCustomDataForDataTypeAny).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Range parameters, from the source

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.ES2022, true);
}

function functionsOf(source: ts.SourceFile): ts.FunctionDeclaration[] {
  return source.statements.filter((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && !!s.name);
}

const paramNames = (fn: ts.FunctionDeclaration) => fn.parameters.map((p) => p.name.getText());

/**
 * The coerce helpers that read an argument as a range: exported functions of coerce.ts whose first
 * parameter is tested with `Array.isArray` (a range arrives as an array of rows).
 */
function rangeHelpers(): Set<string> {
  const out = new Set<string>();
  for (const fn of functionsOf(parse("src/functions/coerce.ts"))) {
    const exported = fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const first = paramNames(fn)[0];
    if (exported && first && new RegExp(`Array\\.isArray\\(${first}\\)`).test(fn.body?.getText() ?? ""))
      out.add(fn.name!.text);
  }
  return out;
}

/**
 * For every function of functions.ts, the indices of its parameters that reach a range helper, directly
 * or through another function of the file (followed until nothing new is found).
 */
function rangeParameters(source: ts.SourceFile, helpers: Set<string>): Map<string, Set<number>> {
  const fns = functionsOf(source);
  const reads = new Map<string, Set<number>>(fns.map((f) => [f.name!.text, new Set<number>()]));
  const readsAsRange = (callee: string, index: number) =>
    helpers.has(callee) ? index === 0 : (reads.get(callee)?.has(index) ?? false);
  for (let changed = true; changed;) {
    changed = false;
    for (const fn of fns) {
      const names = paramNames(fn);
      const found = reads.get(fn.name!.text)!;
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
          node.arguments.forEach((arg, i) => {
            const at = ts.isIdentifier(arg) ? names.indexOf(arg.text) : -1;
            if (at >= 0 && !found.has(at) && readsAsRange(node.expression.getText(), i)) {
              found.add(at);
              changed = true;
            }
          });
        }
        ts.forEachChild(node, visit);
      };
      if (fn.body) visit(fn.body);
    }
  }
  return reads;
}

/** The id each `@customfunction ID` tag gives a function of the file, by the function's name in the code. */
function customFunctionIds(source: ts.SourceFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const fn of functionsOf(source)) {
    const tag = ts.getJSDocTags(fn).find((t) => t.tagName.text === "customfunction");
    if (tag)
      out.set(
        fn.name!.text,
        String(tag.comment ?? fn.name!.text)
          .trim()
          .split(/\s+/)[0],
      );
  }
  return out;
}

describe("range parameters", () => {
  const source = parse("src/functions/functions.ts");
  const helpers = rangeHelpers();
  const reads = rangeParameters(source, helpers);
  const ids = customFunctionIds(source);

  test("the helpers that read a range are found in coerce.ts", () => {
    // flatten (ISF, GLOBAL, NOTA_FINAL) and bandTableArg (every `tabela`): if a rename hid them, the next
    // test would find no range parameter and prove nothing.
    expect([...helpers].sort()).toEqual(["bandTableArg", "flatten"]);
  });

  test("every parameter read as a range is declared matrix, and every matrix parameter is read as one", () => {
    const fromCode: string[] = [];
    for (const [fnName, id] of ids) {
      const fn = functionsOf(source).find((f) => f.name!.text === fnName)!;
      for (const i of reads.get(fnName) ?? []) fromCode.push(`${id}(${paramNames(fn)[i]})`);
    }
    const declared = metadata.functions.flatMap((f) =>
      f.parameters.filter((p) => p.dimensionality === "matrix").map((p) => `${f.id}(${p.name})`),
    );
    expect(ids.size).toBe(metadata.functions.length);
    expect(fromCode.sort()).toEqual(declared.sort());
    // Worked out by hand from functions.ts: the three band tables, ISF's two ranges, GLOBAL's four, NOTA_FINAL's one.
    expect(declared.length).toBe(3 + 2 + 4 + 1);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Help

/** CONTRATUALIZA_URL as webpack.config.js reads it (with a trailing slash), else the dev server. */
function servedFrom(): string {
  const value = (process.env.CONTRATUALIZA_URL ?? "").trim();
  if (value === "") return "https://localhost:3000/";
  const href = new URL(value).href;
  return href.endsWith("/") ? href : `${href}/`;
}

/** The sections of the help page, by id, with their text (the build minifies it: quotes may be gone). */
function helpSections(): Map<string, string> {
  const html = readDist("ajuda.html");
  return new Map([...html.matchAll(/<section id="?([^"\s>]+)"?>([\s\S]*?)<\/section>/g)].map((m) => [m[1], m[2]]));
}

const signature = (f: FunctionEntry) =>
  `=META.${f.name}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join("; ")})`;

describe("help for each function", () => {
  const sections = helpSections();

  test("every function links to its own section of the shipped help page", () => {
    const wrong = metadata.functions
      .filter((f) => f.helpUrl !== `${servedFrom()}ajuda.html#${f.name}`)
      .map((f) => `${f.name}: ${f.helpUrl}`);
    expect(wrong).toEqual([]);
  });

  test("the page has one section per function (and the band-table note), no more", () => {
    expect([...sections.keys()].sort()).toEqual([...metadata.functions.map((f) => f.name), "tabela"].sort());
  });

  test("each section shows the signature as typed in pt-BR Excel and an example of the function", () => {
    const problems: string[] = [];
    for (const f of metadata.functions) {
      const text = sections.get(f.name) ?? "";
      if (!text.includes(signature(f))) problems.push(`${f.name}: no ${signature(f)}`);
      if (!new RegExp(`class="?exemplo"?>[\\s\\S]*=META\\.${f.name}\\(`).test(text))
        problems.push(`${f.name}: no example`);
    }
    expect(problems).toEqual([]);
  });

  test("the page needs nothing from the network", () => {
    const html = readDist("ajuda.html");
    expect(html).not.toMatch(/<script|<link\b|src=|@import/);
  });
});
