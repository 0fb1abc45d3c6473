/**
 * The mapping file both `avaliar` and `consolidar` take (`--mapa`): which columns hold which fields, when
 * detection needs telling. Its own module so that `consolidar` reads it without loading `avaliar`.
 */
import fs from "fs";
import { cliStrings } from "./messages";
import type { ExplicitMapping } from "../workbook/model";

/** Reads a mapping file (JSON); a pt-BR message when it cannot be used (unreadable, or not `{ "tabelas": [...] }`). */
export function readMapping(file: string): ExplicitMapping | string {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    return cliStrings.badMapping(file, (e as Error).message);
  }
  if (!Array.isArray((data as { tabelas?: unknown } | null)?.tabelas))
    return cliStrings.badMapping(file, cliStrings.mappingShape);
  return data as ExplicitMapping;
}
