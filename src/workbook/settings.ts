/**
 * The add-in's settings stored with the workbook, so they travel with the file and both hosts read them:
 * the chosen preset and method, the partial-justification share, a custom band table, and the column
 * mapping of each table. They live in a very hidden sheet (`Contratualiza_config`) as JSON text in column
 * A — not in `Office.context.document.settings`, which ExcelJS drops when it rewrites a file.
 *
 * Keys are pt-BR, like the mapping file the command takes (`mapa.json`), so a person who opens the sheet
 * (or writes the JSON for the command) reads the same words.
 */
import type { ConceptRule, LocatedProblem } from "../core/evaluate";
import { bandTableFromLowerBounds } from "../core/bands";
import { settingsStrings } from "./messages";
import { presets, type Preset, type PresetId } from "../core/presets";
import type { OverallMethod } from "../core/types";
import { SETTINGS_SHEET } from "./addinParts";
import type { ExplicitMapping, WorkbookData } from "./model";

export { SETTINGS_SHEET };

/** The concept rules by their pt-BR names, as the settings and the command line write them. */
export const RULES: Record<"resultado-do-periodo" | "todos-os-meses", ConceptRule> = {
  "resultado-do-periodo": "periodResult",
  "todos-os-meses": "everyMonth",
};
export type RuleName = keyof typeof RULES;

/** The pt-BR name of a concept rule. */
export function ruleName(rule: ConceptRule): RuleName {
  return rule === "everyMonth" ? "todos-os-meses" : "resultado-do-periodo";
}
/** Excel holds at most 32,767 characters in a cell; JSON is split into chunks below that. */
const CHUNK = 30000;

/** One band of a custom table, typed as its lower bound (on the preset's scale: 0–100 or 0–10). */
export interface StoredBand {
  inicio: number;
  rotulo?: string;
  recomendacao?: string;
  cor?: string;
}

export interface WorkbookSettings {
  versao: 1;
  predefinicao?: PresetId;
  metodo?: "proporcao" | "media";
  /** What decides a concept over several months: the period's result (default) or every month. */
  regra?: RuleName;
  /** Share of the missing attainment a partially accepted justification earns (0–1; default 0,5). */
  parcial?: number;
  /** More than this share of scored indicators without data makes an evaluation incomplete (0–1). */
  incompleta?: number;
  faixas?: StoredBand[];
  mapa?: ExplicitMapping["tabelas"];
}

/** The settings sheet's cells, column A from A1: a note for whoever unhides it, then the JSON in chunks. */
export function settingsToCells(settings: WorkbookSettings): string[][] {
  const json = JSON.stringify(settings);
  const rows: string[][] = [[settingsStrings.sheetNote]];
  for (let i = 0; i < json.length; i += CHUNK) rows.push([json.slice(i, i + CHUNK)]);
  return rows;
}

/** The stored settings of a workbook, if it has the sheet; what cannot be used becomes a pt-BR problem. */
export function readSettings(workbook: WorkbookData): { settings?: WorkbookSettings; problems: LocatedProblem[] } {
  const sheet = workbook.sheets.find((s) => s.name === SETTINGS_SHEET);
  if (!sheet) return { problems: [] };
  const problem = (message: string): LocatedProblem => ({ code: "invalidArgument", sheet: SETTINGS_SHEET, message });
  // Column A from row 2 down (row 1 is the note), wherever the used range starts.
  const text = sheet.rows
    .map((row, i) => ({ row: sheet.origin.row + i, value: sheet.origin.col === 1 ? row[0]?.value : undefined }))
    .filter((c) => c.row >= 2 && typeof c.value === "string")
    .map((c) => c.value as string)
    .join("");
  if (text.trim() === "") return { problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problems: [problem(settingsStrings.notJson)] };
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return { problems: [problem(settingsStrings.notJson)] };
  const raw = data as Record<string, unknown>;
  const problems: LocatedProblem[] = [];
  const settings: WorkbookSettings = { versao: 1 };
  if (raw.predefinicao !== undefined) {
    if (typeof raw.predefinicao === "string" && raw.predefinicao in presets)
      settings.predefinicao = raw.predefinicao as PresetId;
    else problems.push(problem(settingsStrings.badPreset(String(raw.predefinicao))));
  }
  if (raw.metodo !== undefined) {
    if (raw.metodo === "proporcao" || raw.metodo === "media") settings.metodo = raw.metodo;
    else problems.push(problem(settingsStrings.badMethod(String(raw.metodo))));
  }
  for (const key of ["parcial", "incompleta"] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v === "number" && v >= 0 && v <= 1) settings[key] = v;
    else problems.push(problem(settingsStrings.badShare(key, String(v))));
  }
  if (raw.regra !== undefined) {
    if (typeof raw.regra === "string" && raw.regra in RULES) settings.regra = raw.regra as RuleName;
    else problems.push(problem(settingsStrings.badRule(String(raw.regra))));
  }
  if (raw.faixas !== undefined) {
    if (Array.isArray(raw.faixas)) settings.faixas = raw.faixas as StoredBand[];
    else problems.push(problem(settingsStrings.badBands));
  }
  if (raw.mapa !== undefined) {
    if (Array.isArray(raw.mapa)) settings.mapa = raw.mapa as ExplicitMapping["tabelas"];
    else problems.push(problem(settingsStrings.badMapping));
  }
  return { settings, problems };
}

export interface ResolvedSettings {
  preset?: Preset;
  method?: OverallMethod;
  partialShare?: number;
  incompleteShare?: number;
  rule?: ConceptRule;
  mapping?: ExplicitMapping;
  problems: LocatedProblem[];
}

/**
 * Settings → pipeline options. A custom band table replaces the preset's bands (on the preset's scale);
 * an invalid one is reported and the preset's own bands stay.
 */
export function resolveSettings(settings: WorkbookSettings | undefined): ResolvedSettings {
  if (!settings) return { problems: [] };
  const problems: LocatedProblem[] = [];
  let preset: Preset | undefined = settings.predefinicao ? presets[settings.predefinicao] : undefined;
  if (settings.faixas && settings.faixas.length > 0) {
    const base = preset ?? presets.instrumento;
    const built = bandTableFromLowerBounds(
      settings.faixas.map((b) => ({
        lower: b.inicio,
        label: b.rotulo ?? "",
        recommendation: b.recomendacao,
        color: b.cor,
      })),
      { min: 0, max: base.scale },
      { decimals: base.bands?.decimals ?? 1 },
    );
    if (built.kind === "table") preset = { ...base, bands: built.table };
    else
      problems.push(
        ...built.problems.map((p) => ({
          ...p,
          sheet: SETTINGS_SHEET,
          message: settingsStrings.bandsIgnored(p.message),
        })),
      );
  }
  return {
    preset,
    method: settings.metodo === "proporcao" ? "shareMet" : settings.metodo === "media" ? "meanAttainment" : undefined,
    partialShare: settings.parcial,
    incompleteShare: settings.incompleta,
    rule: settings.regra ? RULES[settings.regra] : undefined,
    mapping: settings.mapa && settings.mapa.length > 0 ? { tabelas: settings.mapa } : undefined,
    problems,
  };
}

/** What a host or the command line chose over the stored settings (each one wins when given). */
export interface RunOverrides {
  preset?: PresetId;
  method?: OverallMethod;
  rule?: ConceptRule;
  mapping?: ExplicitMapping;
}

/**
 * The one way both hosts turn stored settings and the choices made now (command-line options, the pane's
 * screen) into the pipeline's rules. A stored band table goes with the preset it was stored for (the stored
 * preset, or the default one): choosing that same preset again keeps it, choosing another uses the other
 * preset's own bands.
 */
export function runRules(
  stored: WorkbookSettings | undefined,
  overrides: RunOverrides = {},
): { rules: Omit<ResolvedSettings, "problems">; problems: LocatedProblem[] } {
  const storedPreset = stored?.predefinicao ?? presets.instrumento.id;
  const sameBands = !overrides.preset || overrides.preset === storedPreset;
  const resolved = resolveSettings(
    stored
      ? {
          ...stored,
          ...(sameBands ? {} : { faixas: undefined }),
          predefinicao: overrides.preset ?? stored.predefinicao,
        }
      : undefined,
  );
  const preset = resolved.preset ?? (overrides.preset ? presets[overrides.preset] : undefined);
  return {
    rules: {
      ...(preset ? { preset } : {}),
      ...((overrides.method ?? resolved.method) ? { method: overrides.method ?? resolved.method } : {}),
      ...(resolved.partialShare !== undefined ? { partialShare: resolved.partialShare } : {}),
      ...(resolved.incompleteShare !== undefined ? { incompleteShare: resolved.incompleteShare } : {}),
      ...((overrides.rule ?? resolved.rule) ? { rule: overrides.rule ?? resolved.rule } : {}),
      ...((overrides.mapping ?? resolved.mapping) ? { mapping: overrides.mapping ?? resolved.mapping } : {}),
    },
    problems: resolved.problems,
  };
}
