/**
 * What the screens do with a workbook they read, without React: the pipeline options from the stored
 * settings and the choices made on screen, the periods offered (grouped as the pipeline groups them), the
 * evaluations of the chosen periods, and the two write plans (owned columns and colours; summary sheets).
 */
import { summaryName } from "../workbook/plan/summary";
import { indicatorKey, type LocatedProblem } from "../core/evaluate";
import { taskpaneStrings } from "./messages";
import { formatPeriodPtBR } from "../core/periods";
import { defaultPreset, presets, type Preset, type PresetId } from "../core/presets";
import type { OverallMethod, Period } from "../core/types";
import { buildPlan } from "../workbook/plan/build";
import { buildAdditiveTerm } from "../workbook/plan/reports/additiveTerm";
import { communiqueSheet } from "../workbook/plan/reports/communique";
import type { WritePlan } from "../workbook/plan/types";
import {
  periodsToEvaluate,
  runPipeline,
  type PeriodEvaluation,
  type PipelineOptions,
  type PipelineResult,
} from "../workbook/pipeline";
import type { DetectedTable, WorkbookData } from "../workbook/model";
import { readSettings, runRules, type WorkbookSettings } from "../workbook/settings";

/** What the user chose on screen: the rules and the periods to evaluate (period labels; "" for rows without period). */
export interface Choice {
  preset: PresetId;
  method: OverallMethod;
  periods: string[];
}

/** A workbook read, its stored settings and the pipeline run with them. */
export interface Snapshot {
  /** The workbook as read. */
  data: WorkbookData;
  /** The workbook as read, every sheet (for names not to reuse). */
  all: WorkbookData;
  settings: WorkbookSettings;
  /** Stored settings that could not be used, in pt-BR. */
  settingsProblems: LocatedProblem[];
  result: PipelineResult;
  /** What the first screen says was found. */
  overview: Overview;
}

/** What was found, counted for the first screen (screen Início). */
export interface Overview {
  /** Indicator tables found. */
  tables: number;
  /** The sheets they are on, in workbook order. */
  sheets: string[];
  /** Distinct indicators over every table (by code, else by name). */
  indicators: number;
  /** Problems in the data and in the stored settings. */
  problems: number;
}

function overviewOf(result: PipelineResult, settingsProblems: LocatedProblem[]): Overview {
  const sheets = [...new Set(result.tables.flatMap((t) => t.sheets))];
  const indicators = new Set(result.tables.flatMap((t) => t.rows.map(indicatorKey))).size;
  return {
    tables: result.tables.length,
    sheets,
    indicators,
    problems: result.problems.length + settingsProblems.length,
  };
}

/**
 * Reads the stored settings of a workbook and runs the pipeline with them (detection itself skips the
 * add-in's own summary and settings sheets: workbook/addinParts `isAddinSheet`).
 */
export function analyse(workbook: WorkbookData): Snapshot {
  const data = workbook;
  const stored = readSettings(data);
  const settings = stored.settings ?? { versao: 1 };
  const { rules, problems } = runRules(stored.settings);
  const result = runPipeline(data, rules);
  const settingsProblems = [...stored.problems, ...problems];
  return { data, all: workbook, settings, settingsProblems, result, overview: overviewOf(result, settingsProblems) };
}

/** The stored method as the core names it. */
export function methodOf(settings: WorkbookSettings): OverallMethod | undefined {
  return settings.metodo === "proporcao" ? "shareMet" : settings.metodo === "media" ? "meanAttainment" : undefined;
}

/** The rules to start from: the stored ones, else the preset the pipeline chose, else the default. */
export function initialRules(snapshot: Snapshot): Pick<Choice, "preset" | "method"> {
  const preset = snapshot.settings.predefinicao ?? snapshot.result.presetChoice?.id ?? defaultPreset.id;
  return { preset, method: methodOf(snapshot.settings) ?? presets[preset].method };
}

/** Pipeline options: the stored settings with the preset and method chosen on screen (settings `runRules`). */
export function runOptions(
  settings: WorkbookSettings,
  rules: Pick<Choice, "preset" | "method">,
): { options: PipelineOptions; problems: LocatedProblem[] } {
  const resolved = runRules(settings, { preset: rules.preset, method: rules.method });
  return {
    options: { ...resolved.rules, preset: resolved.rules.preset ?? presets[rules.preset] },
    problems: resolved.problems,
  };
}

export interface PeriodOption {
  /** The period's label (`2025-T1`), or "" for rows without a period. */
  key: string;
  text: string;
  period?: Period;
}

/** A preset by id (so callers that load this module on demand need not import the presets themselves). */
export function presetOf(id: PresetId): Preset {
  return presets[id];
}

/** The periods to offer: the tables' periods grouped as the pipeline groups them for the preset. */
export function periodOptions(tables: DetectedTable[], preset: Preset): PeriodOption[] {
  const rowPeriods = tables.flatMap((t) => t.periods);
  if (rowPeriods.length === 0)
    return tables.some((t) => t.rows.length > 0) ? [{ key: "", text: taskpaneStrings.periodAll }] : [];
  return periodsToEvaluate(rowPeriods, preset).map((p) => ({
    key: p.label,
    text: taskpaneStrings.periodOption(formatPeriodPtBR(p), p.label),
    period: p,
  }));
}

/** The chosen periods that are still offered; the latest one when none is. */
export function keepPeriods(chosen: string[], options: PeriodOption[]): string[] {
  const kept = chosen.filter((k) => options.some((o) => o.key === k));
  if (kept.length > 0 || options.length === 0) return kept;
  return [options[options.length - 1].key];
}

export interface Evaluation {
  result: PipelineResult;
  /** The evaluations of the chosen periods, in time order. */
  evaluations: PeriodEvaluation[];
  /** Problems of the settings (a custom band table that cannot be used). */
  settingsProblems: LocatedProblem[];
}

/** Runs the pipeline with the chosen rules and keeps the chosen periods. */
export function evaluate(data: WorkbookData, settings: WorkbookSettings, choice: Choice): Evaluation {
  const { options, problems } = runOptions(settings, choice);
  const result = runPipeline(data, options);
  const evaluations = result.evaluations.filter((ev) => choice.periods.includes(ev.period?.label ?? ""));
  return { result, evaluations, settingsProblems: problems };
}

/** Where a table is: `Indicadores!A3:G20`, or its sheets for a table with one sheet per period. */
export function tableWhere(table: DetectedTable): string {
  return table.sheets.length > 1 ? table.sheets.join(", ") : `${table.sheet}!${table.ref}`;
}

/** The summary's "Origem": the tables evaluated. */
export function sourceOf(result: PipelineResult): string {
  return taskpaneStrings.summarySource(result.tables.map(tableWhere).join("; "));
}

/** The plan of screen Avaliar: owned columns and colours of every table, no summary sheet. */
export function ownedPlan(data: WorkbookData, ev: Evaluation): WritePlan {
  const plan = buildPlan(data, { ...ev.result, evaluations: ev.evaluations }, { source: sourceOf(ev.result) });
  return { ...plan, summaries: [] };
}

/**
 * The plans of screen Resumo: the summary sheets of the chosen periods, or (`reports`) the communiqué of
 * the last one, the annual report of each year with two periods or more, the co-financing's per-team sheets
 * and, when asked (`final`), the final report over every chosen period (workbook/plan/reports).
 */
export function summaryPlan(data: WorkbookData, ev: Evaluation, reports = false, final = false): WritePlan {
  const plan = buildPlan(data, { ...ev.result, evaluations: ev.evaluations }, { source: sourceOf(ev.result), final });
  const names = new Set(ev.evaluations.map(summaryName));
  return {
    owned: [],
    rules: [],
    summaries: plan.summaries.filter((sh) => names.has(sh.name) !== reports),
    problems: plan.problems,
  };
}

/** The plan of screen Resumo's additive-term button: the `Proposta de Termo Aditivo` sheet over the chosen periods, alone. */
export function additiveTermPlan(ev: Evaluation): WritePlan {
  const evaluations = ev.evaluations.filter((e) => e.indicators.length > 0);
  return {
    owned: [],
    rules: [],
    summaries: [communiqueSheet(buildAdditiveTerm(evaluations, { source: sourceOf(ev.result) }))],
    problems: [],
  };
}
