#!/usr/bin/env node
/**
 * The command: `contratualiza avaliar <arquivo.xlsx> …` evaluates a workbook without Excel and prints
 * the result (pt-BR, or JSON with --json). Exit codes: 0 evaluated, 1 evaluated with problems,
 * 2 could not read (or nothing to evaluate). It only reads its input file.
 */
import fs from "fs";
import { cliStrings as t } from "../core/messages";
import { presets } from "../core/presets";
import { runPipeline } from "../workbook/pipeline";
import type { ExplicitMapping } from "../workbook/port";
import { readWorkbookFile } from "../workbook/xlsx/read";
import { parseArgs } from "./args";
import { toJson, toText } from "./report";

interface Output {
  write(text: string): unknown;
}

/** Reads a mapping file (JSON); a pt-BR message when it cannot be used. */
function readMapping(file: string): ExplicitMapping | string {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    return t.badMapping(file, (e as Error).message);
  }
  const tabelas = (data as { tabelas?: unknown }).tabelas;
  if (!Array.isArray(tabelas)) return t.badMapping(file, t.mappingShape);
  return data as ExplicitMapping;
}

/** Runs the command; returns the exit code. */
export async function main(argv: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === "ajuda") {
    out.write(`${t.usage}\n`);
    return 0;
  }
  if (args.command === "erro") {
    err.write(`${args.message}\n\n${t.usage}\n`);
    return 2;
  }
  let mapping: ExplicitMapping | undefined;
  if (args.mapFile) {
    const m = readMapping(args.mapFile);
    if (typeof m === "string") {
      err.write(`${m}\n`);
      return 2;
    }
    mapping = m;
  }
  const read = await readWorkbookFile(args.file);
  if (read.kind === "unreadable") {
    err.write(`${read.message}\n`);
    return 2;
  }
  const result = runPipeline(read.workbook, {
    period: args.period,
    preset: args.preset ? presets[args.preset] : undefined,
    method: args.method,
    mapping,
  });
  if (args.json) out.write(`${JSON.stringify(toJson(args.file, result), null, 2)}\n`);
  else out.write(`${toText(args.file, result)}\n`);
  if (result.tables.length === 0 || result.evaluations.length === 0) return 2;
  const problems = result.problems.length + result.evaluations.reduce((n, ev) => n + ev.problems.length, 0);
  return problems > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A bug, not bad input: say so plainly and keep the details for a report.
      process.stderr.write(`${t.unexpected}\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
