/**
 * Loads the built custom-functions bundle (dist/functions.js) the way Excel's runtime does: a global
 * `CustomFunctions` whose `associate(id, fn)` collects the functions by the ids of dist/functions.json.
 * Tests then call `call("ATINGIMENTO", …)` exactly as Excel would (omitted optionals as null, ranges as
 * 2-D arrays), so they exercise the registered entry points, not only the TypeScript source.
 */
import fs from "fs";
import path from "path";
import vm from "vm";

const dist = path.join(__dirname, "..", "..", "dist");

/** The error Excel shows: `code` is one of CustomFunctions.ErrorCode's values ("#VALUE!", "#N/A"…). */
export class ExcelError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message);
  }
}

/** The subset of @types/custom-functions-runtime's ErrorCode the functions use, with the same values. */
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
} as const satisfies Partial<Record<keyof typeof CustomFunctions.ErrorCode, `${CustomFunctions.ErrorCode}`>>;

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; description: string; type: string; optional?: boolean; dimensionality?: string }[];
  result?: { type?: string };
}

/** Reads dist/ or fails with the command that makes it. */
function readDist(file: string): string {
  const full = path.join(dist, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run \`npm run build\` first (npm test does it).`);
  return fs.readFileSync(full, "utf8");
}

export function loadMetadata(): FunctionMetadata[] {
  return (JSON.parse(readDist("functions.json")) as { functions: FunctionMetadata[] }).functions;
}

/** Runs dist/functions.js in a fresh context and returns what it associated, by id. */
export function loadRegistered(): Map<string, (...args: unknown[]) => unknown> {
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  const context: Record<string, unknown> = {
    console,
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
      Error: ExcelError,
      ErrorCode,
    },
  };
  context.self = context;
  context.window = context;
  vm.createContext(context);
  vm.runInContext(readDist("functions.js"), context, { filename: "functions.js" });
  return registered;
}
