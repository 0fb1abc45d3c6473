#!/usr/bin/env node
/**
 * The command `contratualiza`: `avaliar` (./evaluate), `comunicado` (./communique) and `consolidar`
 * (./consolidate). Each is loaded only when asked for, so `consolidar` starts its workers without first
 * loading everything `avaliar` needs (some 90 modules, a third of a second).
 */
import { cliStrings } from "./messages";
import type { Output } from "./evaluate";

/** Runs the command; returns the exit code. */
export async function main(
  argv: string[],
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  if (argv[0] === "consolidar") return (await import("./consolidate")).runConsolidar(argv.slice(1), out, err);
  if (argv[0] === "comunicado") return (await import("./communique")).runComunicado(argv, out, err);
  return (await import("./evaluate")).runAvaliar(argv, out, err);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A bug, not bad input: say so plainly and keep the details for a report.
      process.stderr.write(`${cliStrings.unexpected}\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
