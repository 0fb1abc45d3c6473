/**
 * The evaluation pipeline, host-independent: workbook data → detected tables → one contract evaluation
 * per period (and, when the rows name several municipalities, one per municipality too). Both hosts (the
 * command and the Excel task pane) call this.
 *
 * Steps:
 * 1. detect the tables;
 * 2. choose the preset when none was given: Previne Brasil when every table is a SISAB panel export whose
 *    indicator is one of Previne's (`presetChoice` says so), the default contract instrument otherwise;
 * 3. fill, from the preset's catalogue, the targets and weights the rows leave empty (a panel has neither);
 *    the filled rows are marked `fromCatalog`;
 * 4. leave out the copies of a result found in two tables (./duplicates), and decide which columns of a
 *    classifying preset hold only plain fractions (core `findFractionColumns`), over whole tables;
 * 5. evaluate each period: the whole table, and each municipality on its own when there are several;
 * 6. compare the classes an export gives its own rows (SIAPS) with the evaluation's (workbook/exportClasses).
 */
import {
  findInCatalog,
  catalogForPreset,
  matchName,
  type CatalogMatch,
  type IndicatorCatalog,
} from "../core/catalogs/lookup";
import {
  evaluateContract,
  evaluateParts,
  findFractionColumns,
  prepareParts,
  prepareRows,
  type CellInput,
  type ConceptRule,
  type ContractEvaluation,
  type LocatedProblem,
  type RowInput,
} from "../core/evaluate";
import { cofinStrings, periodStrings, previneCatalogStrings, siapsStrings } from "./messages";
import { isTotalsUnit } from "../core/completeness";
import { normalizeText } from "../core/parse";
import { compare, contains, formatPeriodPtBR, overlaps, periodOf } from "../core/periods";
import { defaultPreset, presets, type Preset, type PresetId } from "../core/presets";
import type { OverallMethod, Period } from "../core/types";
import { detectTables } from "./detect";
import { findDuplicates, type Duplicate } from "./duplicates";
import { compareExportClasses } from "./exportClasses";
import type { DetectedTable, ExplicitMapping, WorkbookData } from "./model";
import { maxOf } from "../core/arrays";

export interface PipelineOptions {
  /** Evaluate only this period; without it, every period found. */
  period?: Period;
  /** The rules; without it, chosen from the tables (see `presetChoice`). */
  preset?: Preset;
  method?: OverallMethod;
  mapping?: ExplicitMapping;
  partialShare?: number;
  incompleteShare?: number;
  /** What decides a concept over several months (default: the period's result). */
  rule?: ConceptRule;
  /** Year for month headers written without one (`Jan`, `Fev`). */
  defaultYear?: number;
  /**
   * The file each sheet came from, when the sheets of several files are evaluated together (SISAB exports of
   * a folder): problems that concern two places name the files.
   */
  sources?: Readonly<Record<string, string>>;
}

/** One municipality's evaluation for a period: only its own rows, never another municipality's. */
export interface MunicipalityEvaluation {
  municipality: string;
  /** IBGE code, when the rows carry one. */
  code?: string;
  evaluation: ContractEvaluation;
}

/**
 * One team's evaluation for a period (co-financing: the quality component classifies each eSF/eAP team),
 * from that team's rows only.
 */
export interface TeamEvaluation {
  /** The team's name as the rows write it (or its INE when that is all they give). */
  team: string;
  /** INE, when the rows carry it beside the name. */
  code?: string;
  municipality?: string;
  evaluation: ContractEvaluation;
}

/**
 * The evaluation of one period. When the period's rows name more than one municipality, `byMunicipality`
 * holds one evaluation per municipality, in the order they first appear in the tables, and the evaluation
 * itself is the **pooled figure of the whole set**, the *conjunto*: each indicator gathers the rows of every
 * municipality (its result is the simple mean of the municipal results — or Σ numerator ÷ Σ denominator when
 * the table has them — and its concept follows that pooled result: A when it meets the target). For Previne
 * Brasil this makes the pooled ISF the simple mean of the municipal notas of each indicator, not weighted by
 * population: a regional overview, not any municipality's ISF, and the reports label it *do conjunto*. It is kept
 * (rather than dropped) because the hosts' write plan colours every row from it and its problems list
 * every row's problems exactly once.
 */
export interface PeriodEvaluation extends ContractEvaluation {
  byMunicipality?: MunicipalityEvaluation[];
  /**
   * Under a preset that classifies per team (co-financing), one evaluation per team the period's rows name,
   * in the order teams first appear. Contract presets combine the units' rows of an indicator instead
   * (docs/regras.md §4), so they have none.
   */
  byTeam?: TeamEvaluation[];
  /**
   * Under a contract preset, when the period's rows name more than one unit (UBS, team), each unit evaluated
   * on its own rows: its own concepts, overall figure and band, beside the contract's pooled figure. Totals
   * rows ("Total", "Município", the municipality's name) are no unit.
   */
  byUnit?: TeamEvaluation[];
}

/** Why the pipeline chose a preset the user did not give. */
export interface PresetChoice {
  id: PresetId;
  /** pt-BR, for the reports. */
  reason: string;
}

/** A catalogue entry used to fill rows: which fields, for which of the table's indicator names. */
export interface CatalogUse {
  catalog: IndicatorCatalog["id"];
  catalogName: string;
  code: string;
  name: string;
  target?: number;
  weight: number;
  fields: ("target" | "weight")[];
  /** The indicator names of the rows it filled, as the tables write them. */
  indicators: string[];
}

export interface PipelineResult {
  tables: DetectedTable[];
  /** One evaluation per period, in time order; a single one without period when rows carry none. */
  evaluations: PeriodEvaluation[];
  /** Problems of detection (table-level); each evaluation carries its own row problems. */
  problems: LocatedProblem[];
  /** Set when no preset was given and the tables decided it. */
  presetChoice?: PresetChoice;
  /** Targets and weights taken from the preset's catalogue, one entry per catalogue indicator used. */
  catalogUses?: CatalogUse[];
  /** Results found twice, in two tables or files (each also among `problems`). */
  duplicates?: Duplicate[];
}

/**
 * The periods to evaluate when none is given: each row period grouped into the preset's evaluation period
 * (`preset.periodKind`: contracts by quarter, Cajamar decree of 2011, art. 7 §1; the national programmes by
 * four-month period), January–March → 2025-T1; periods already longer than that (a year, an irregular range
 * that spans more) are evaluated as they are. Stray periods (`strayAmong`) are left out, and returned apart.
 */
export function evaluationPeriods(rowPeriods: Period[], preset: Preset): { periods: Period[]; stray: PeriodRows[] } {
  const groups = groupedPeriods(rowPeriods, preset);
  const stray = strayAmong(groups);
  return { periods: groups.filter((g) => !stray.includes(g)).map((g) => g.period), stray };
}

/** The periods to evaluate when none is given (see `evaluationPeriods`). */
export function periodsToEvaluate(rowPeriods: Period[], preset: Preset): Period[] {
  return evaluationPeriods(rowPeriods, preset).periods;
}

/** An evaluation period and how many rows fall in it. */
interface PeriodRows {
  period: Period;
  rows: number;
}

/** The evaluation periods the rows fall in, with how many rows each holds, in time order. */
function groupedPeriods(rowPeriods: Period[], preset: Preset): PeriodRows[] {
  const kind = preset.periodKind;
  const found = new Map<string, { period: Period; rows: number }>();
  // One row period per row, a dozen distinct ones: each start's period is worked out once.
  const ofStart = new Map<string, Period>();
  for (const p of rowPeriods) {
    let grouped = ofStart.get(p.start);
    if (!grouped) ofStart.set(p.start, (grouped = periodOf(p.start, kind)));
    const target = contains(grouped, p) ? grouped : p;
    const entry = found.get(target.label);
    if (entry) entry.rows += 1;
    else found.set(target.label, { period: target, rows: 1 });
  }
  // A period inside another one evaluated anyway adds nothing: keep the outer one (and count its rows there).
  const all = [...found.values()];
  const kept = all.filter(
    (g) => !all.some((h) => h !== g && contains(h.period, g.period) && h.period.label !== g.period.label),
  );
  for (const g of all) {
    if (kept.includes(g)) continue;
    const outer = kept.find((h) => contains(h.period, g.period));
    if (outer) outer.rows += g.rows;
  }
  return kept.sort((a, b) => compare(a.period, b.period));
}

/** A stray period holds at most this share of the rows of the fullest period. */
const STRAY_SHARE = 0.1;

/**
 * Evaluation periods that hold a few rows far from the rest (one 2026 row in a 2025 table): at most a
 * tenth of the rows of the fullest period, and not next to any other period (a whole evaluation period or
 * more apart). Such rows are more likely a typo than a period of their own: they are reported, not
 * evaluated, unless asked for by name. A period next to the others (April rows in a January–March table)
 * is a period just begun and is evaluated (as incomplete).
 */
function strayAmong(groups: PeriodRows[]): PeriodRows[] {
  if (groups.length < 2) return [];
  const fullest = maxOf(groups.map((g) => g.rows));
  const months = (p: Period) => Number(p.start.slice(0, 4)) * 12 + Number(p.start.slice(5, 7)) - 1;
  const few = (g: { rows: number }) => g.rows <= STRAY_SHARE * fullest;
  const regular = groups.filter((g) => !few(g));
  return groups.filter((g) => {
    if (!few(g)) return false;
    const size = Math.max(1, Math.round((Date.parse(g.period.end) - Date.parse(g.period.start)) / (30.44 * 86400000)));
    // Apart: at least one whole period of its size between it and every regular period.
    return regular.every((r) => Math.abs(months(r.period) - months(g.period)) >= 2 * size);
  });
}

/**
 * A national export's indicator: a SIAPS export's (co-financing, found when it was read: detect/siaps), or a
 * panel's, from its title: the catalogue (Previne Brasil or co-financing) whose name fits best.
 */
function panelIndicator(table: DetectedTable): { catalog: "previne" | "cofinanciamento"; code: string } | undefined {
  if (table.layout === "siaps")
    return table.siaps?.code ? { catalog: "cofinanciamento", code: table.siaps.code } : undefined;
  if (table.layout !== "panel" || !table.title) return undefined;
  let best: { catalog: "previne" | "cofinanciamento"; code: string; score: number } | undefined;
  for (const id of ["previne", "cofinanciamento"] as const) {
    const match = matchName(catalogForPreset(id)!, table.title);
    if (match && (!best || match.score > best.score))
      best = { catalog: id, code: match.entry.code, score: match.score };
  }
  return best;
}

/**
 * The co-financing codes of the tables' indicators when no row gives a target and every row's indicator is
 * one of C1–C7 (by code or name); undefined otherwise. The quality component classifies results instead of
 * comparing them with targets, and a contract's table always has targets, so a table of C-coded indicators
 * with targets stays a contract's.
 */
function cofinanciamentoCodes(tables: DetectedTable[]): string[] | undefined {
  const catalog = catalogForPreset("cofinanciamento")!;
  // Thousands of rows name a handful of indicators: each name (and code) is looked up once.
  const found = new Map<string, string | undefined>();
  const codes = new Set<string>();
  for (const table of tables) {
    if (table.layout === "panel" || table.layout === "siaps" || table.rows.length === 0) return undefined;
    for (const row of table.rows) {
      if (!isBlank(row.target)) return undefined;
      const key = `${row.code ?? ""}\u0000${row.indicator}`;
      if (!found.has(key)) found.set(key, findInCatalog(catalog, row)?.entry.code);
      const code = found.get(key);
      if (code === undefined) return undefined;
      codes.add(code);
    }
  }
  return [...codes].sort(byCode);
}

const collator = new Intl.Collator("pt-BR", { numeric: true });
const byCode = (a: string, b: string) => collator.compare(a, b);

/**
 * The preset the tables call for, when they are unmistakably of a national programme; nothing otherwise
 * (the caller then uses the default preset, the contract instrument):
 * - every table is a SISAB panel export whose title names an indicator of the same programme (Previne
 *   Brasil, or the co-financing), or a SIAPS export of C1–C7 (the co-financing);
 * - every table lists only co-financing indicators (C1–C7) and gives no target.
 */
export function choosePreset(tables: DetectedTable[]): PresetChoice | undefined {
  if (tables.length === 0) return undefined;
  const panels = tables.map(panelIndicator);
  if (panels.every((p) => p !== undefined) && panels.every((p) => p!.catalog === panels[0]!.catalog)) {
    const codes = [...new Set(panels.map((p) => p!.code))].sort(byCode);
    const id = panels[0]!.catalog;
    const reason =
      id === "previne"
        ? previneCatalogStrings.presetReasonPanels(tables.length, codes)
        : tables.every((tb) => tb.layout === "siaps")
          ? siapsStrings.presetReason(tables.length, codes)
          : cofinStrings.presetReasonPanels(tables.length, codes);
    return { id, reason };
  }
  const codes = cofinanciamentoCodes(tables);
  return codes ? { id: "cofinanciamento", reason: cofinStrings.presetReasonTable(codes) } : undefined;
}

function isBlank(cell: CellInput | undefined): boolean {
  return (
    !cell ||
    cell.value === null ||
    cell.value === undefined ||
    (typeof cell.value === "string" && cell.value.trim() === "")
  );
}

/**
 * Fills the target and the weight a row leaves empty from the catalogue entry of its indicator (by name,
 * else by code: catalogs/lookup), **in place** — the rows stay the tables' own objects, so that the write
 * plan finds them — and marks what it filled in `fromCatalog`. A target the table gives is never replaced.
 * Returns the entries used, and a problem for each indicator without a target the catalogue does not know.
 */
export function fillFromCatalog(
  rows: RowInput[],
  catalog: IndicatorCatalog,
): { uses: CatalogUse[]; problems: LocatedProblem[] } {
  const found = new Map<string, CatalogMatch | null>();
  const uses = new Map<string, CatalogUse>();
  const unknown = new Map<string, LocatedProblem>();
  for (const row of rows) {
    const needTarget = isBlank(row.target);
    const needWeight = isBlank(row.weight);
    const key = `${row.code?.trim() ?? ""}\u0000${row.indicator}`;
    let match = found.get(key);
    if (match === undefined) {
      match = findInCatalog(catalog, row) ?? null;
      found.set(key, match);
    }
    if (!match) {
      if (needTarget && !unknown.has(key)) {
        unknown.set(key, {
          code: "empty",
          sheet: row.sheet,
          indicator: row.indicator,
          message: previneCatalogStrings.catalogNoMatch(row.indicator, catalog.name),
        });
      }
      continue;
    }
    const { entry } = match;
    const fields: ("target" | "weight")[] = [];
    // A catalogue target is a percentage: written as a fraction with a percent format, as Excel holds 50%.
    if (needTarget && entry.target !== undefined) {
      row.target = { value: entry.target, numberFormat: "0%" };
      fields.push("target");
    }
    if (needWeight) {
      row.weight = { value: entry.weight };
      fields.push("weight");
    }
    // Recorded even when nothing was filled: the co-financing classifies C1 by its own table, and a row
    // found by its name ("Mais acesso…") carries no code of its own to say it is C1.
    row.fromCatalog = { catalog: catalog.id, code: entry.code, name: entry.name, match: match.by, fields };
    if (fields.length === 0) continue;
    const use = uses.get(entry.code) ?? {
      catalog: catalog.id,
      catalogName: catalog.name,
      code: entry.code,
      name: entry.name,
      ...(entry.target !== undefined ? { target: entry.target } : {}),
      weight: entry.weight,
      fields: [],
      indicators: [],
    };
    for (const f of fields) if (!use.fields.includes(f)) use.fields.push(f);
    if (!use.indicators.includes(row.indicator)) use.indicators.push(row.indicator);
    uses.set(entry.code, use);
  }
  const sorted = [...uses.values()].sort((a, b) => a.code.localeCompare(b.code, "pt-BR", { numeric: true }));
  return { uses: sorted, problems: [...unknown.values()] };
}

/** The rows of one municipality. */
interface MunicipalityRows {
  municipality: string;
  code?: string;
  rows: RowInput[];
}

/**
 * Rows grouped by municipality, in the order municipalities first appear. Municipalities are told apart by
 * name (case and accents ignored) and, when one name comes with several IBGE codes (two "Bom Jesus" of
 * different states in a national panel), by code too; a row of such a name without a code stays apart.
 * Rows without a municipality belong to no group (they count in the pooled evaluation only).
 */
export function groupByMunicipality(rows: RowInput[]): MunicipalityRows[] {
  const byName = new Map<string, RowInput[]>();
  for (const row of rows) {
    const name = row.municipality?.trim();
    if (!name) continue;
    const key = normalizeText(name);
    const list = byName.get(key);
    if (list) list.push(row);
    else byName.set(key, [row]);
  }
  const groups: MunicipalityRows[] = [];
  for (const list of byName.values()) {
    const codes = [...new Set(list.map((r) => r.municipalityCode?.trim()).filter((c): c is string => !!c))];
    if (codes.length <= 1) {
      groups.push({ municipality: list[0].municipality!.trim(), ...(codes[0] ? { code: codes[0] } : {}), rows: list });
      continue;
    }
    const byCode = new Map<string, RowInput[]>();
    for (const row of list) {
      const code = row.municipalityCode?.trim() ?? "";
      const sub = byCode.get(code);
      if (sub) sub.push(row);
      else byCode.set(code, [row]);
    }
    for (const [code, sub] of byCode)
      groups.push({ municipality: sub[0].municipality!.trim(), ...(code ? { code } : {}), rows: sub });
  }
  // First appearance order, across the name groups: where each group's first row stands (a small map, one
  // entry per group, rather than one per row of the table).
  const heads = new Set(groups.map((g) => g.rows[0]));
  const first = new Map<RowInput, number>();
  rows.forEach((r, i) => {
    if (heads.has(r)) first.set(r, i);
  });
  return groups.sort((a, b) => (first.get(a.rows[0]) ?? 0) - (first.get(b.rows[0]) ?? 0));
}

/** The rows of one team. */
interface TeamRows {
  team: string;
  code?: string;
  municipality?: string;
  rows: RowInput[];
}

/**
 * Rows grouped by team, in the order teams first appear. A team is its INE when the rows carry one, else
 * its name (case and accents ignored), within its municipality: "ESF 01" of two municipalities are two
 * teams. Rows without a team belong to none.
 */
export function groupByTeam(rows: RowInput[]): TeamRows[] {
  const groups = new Map<string, TeamRows>();
  for (const row of rows) {
    const name = row.unit?.trim();
    const code = row.unitCode?.trim();
    if (!name && !code) continue;
    const place = normalizeText(row.municipality?.trim() ?? "");
    const key = code ? `#${code}` : `${place}\u0000${normalizeText(name!)}`;
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else {
      const municipality = row.municipality?.trim();
      groups.set(key, {
        team: name || code!,
        ...(code && name ? { code } : {}),
        ...(municipality ? { municipality } : {}),
        rows: [row],
      });
    }
  }
  return [...groups.values()];
}

/** A period asked for with no data: names the span the data cover, so the user can ask again. */
function emptyPeriodProblem(asked: Period, rowPeriods: Period[]): LocatedProblem {
  const sorted = [...rowPeriods].sort(compare);
  const span =
    sorted.length > 0
      ? periodStrings.span(formatPeriodPtBR(sorted[0]), formatPeriodPtBR(sorted[sorted.length - 1]))
      : periodStrings.noDates;
  return { code: "emptyPeriod", message: periodStrings.emptyPeriod(formatPeriodPtBR(asked), asked.label, span) };
}

/** Rows of a stray period: reported with their cells, and how to evaluate them anyway. */
function strayProblem(period: Period, rows: RowInput[]): LocatedProblem {
  const inIt = rows.filter((r) => r.period && contains(period, r.period));
  const cells = inIt.slice(0, 5).map((r) => {
    const cell = r.result ?? r.numerator;
    return cell?.address ? `${cell.sheet ?? r.sheet}!${cell.address}` : `${r.sheet ?? ""} ${r.sheetRow ?? ""}`.trim();
  });
  const first = inIt[0];
  return {
    code: "strayPeriod",
    ...(first?.sheet ? { sheet: first.sheet } : {}),
    ...(first?.result?.address ? { cell: first.result.address } : {}),
    message: periodStrings.strayPeriod(formatPeriodPtBR(period), period.label, inIt.length, cells.join(", ")),
  };
}

/** Runs detection and evaluation on a workbook already read by a host. */
export function runPipeline(workbook: WorkbookData, options: PipelineOptions = {}): PipelineResult {
  return evaluateDetected(
    detectTables(workbook, { mapping: options.mapping, defaultYear: options.defaultYear }),
    options,
  );
}

/**
 * The pipeline after detection: everything `runPipeline` does once the tables are found and read. Nothing
 * here reads the workbook, so a caller holding a large one may let it go between the two (the command
 * does, keeping only what the plan looks at: `cellsBesideTables`).
 */
export function evaluateDetected(
  detected: { tables: DetectedTable[]; problems: LocatedProblem[] },
  options: PipelineOptions = {},
): PipelineResult {
  const presetChoice = options.preset ? undefined : choosePreset(detected.tables);
  const preset = options.preset ?? (presetChoice ? presets[presetChoice.id] : defaultPreset);
  const all: RowInput[] = detected.tables.flatMap((t) => t.rows);
  const catalog = catalogForPreset(preset.id);
  const filled = catalog ? fillFromCatalog(all, catalog) : { uses: [], problems: [] };
  // After the catalogue, which names each row's indicator by its code: two exports may word it differently.
  const duplicates = findDuplicates(detected.tables, options.sources);
  const rows = duplicates.drop.size > 0 ? all.filter((r) => !duplicates.drop.has(r)) : all;
  // Decided over whole tables, once: a team's or a period's rows are part of a column.
  const fractionColumns = findFractionColumns(rows, preset);

  const common = {
    preset,
    method: options.method,
    partialShare: options.partialShare,
    incompleteShare: options.incompleteShare,
    rule: options.rule,
    fractionColumns,
    withheld: duplicates.withhold,
  };
  const periodProblems: LocatedProblem[] = [];
  const rowPeriods = rows.map((r) => r.period).filter((p): p is Period => !!p);
  let periods: (Period | undefined)[];
  if (options.period) {
    const asked = options.period;
    // Rows without a period count in any period; a period with none of the dated rows has no data.
    const any = rows.some((r) => !r.period || overlaps(asked, r.period));
    periods = any ? [asked] : [];
    if (!any && rows.length > 0) periodProblems.push(emptyPeriodProblem(asked, rowPeriods));
  } else {
    const found = evaluationPeriods(rowPeriods, preset);
    periods = rowPeriods.length > 0 ? found.periods : [undefined];
    for (const stray of found.stray) periodProblems.push(strayProblem(stray.period, rows));
  }
  const municipalities = groupByMunicipality(rows);
  const teams = preset.scoring.kind === "classification" ? groupByTeam(rows) : [];
  // Units of a contract: the rows' units, without totals rows (shown, never a unit of their own).
  const units =
    preset.scoring.kind === "classification"
      ? []
      : groupByTeam(rows.filter((r) => !isTotalsUnit(r.unit, r.municipality)));
  // The rows, and each unit's, grouped by indicator once for every period (a region has hundreds of units).
  const prepared = prepareRows(rows);
  const unitParts = prepareParts(units.map((u) => u.rows));
  const inPeriod = (period: Period | undefined) => (r: RowInput) => !period || !r.period || contains(period, r.period);
  const evaluations: PeriodEvaluation[] =
    rows.length === 0
      ? []
      : periods.map((period) => {
          const present = municipalities.filter((m) => m.rows.some(inPeriod(period)));
          // Over several municipalities the period's figure is the conjunto's: its concepts follow its own results.
          const whole: PeriodEvaluation = evaluateContract(prepared, { ...common, period, pooled: present.length > 1 });
          if (present.length > 1) {
            // Each municipality is evaluated on its own rows only, so no indicator mixes municipalities.
            whole.byMunicipality = present.map((m) => ({
              municipality: m.municipality,
              ...(m.code ? { code: m.code } : {}),
              evaluation: evaluateContract(m.rows, { ...common, period }),
            }));
          }
          // Each team (co-financing) or unit (contracts) on its own rows; units only when there are several.
          // A unit's rows are read once, by the whole's evaluation (evaluateParts); a team's are evaluated
          // again, since the co-financing decides some things per team (its indicators without a result).
          const onTheirOwn = (
            groups: TeamRows[],
            evaluate: (rows: RowInput[], index: number) => ContractEvaluation,
          ): TeamEvaluation[] =>
            groups.map((g, index) => {
              // Key by key (NO_SPREAD_NOTE in core/evaluate): a region has hundreds of units per period.
              const own = { team: g.team } as TeamEvaluation;
              if (g.code) own.code = g.code;
              if (g.municipality) own.municipality = g.municipality;
              own.evaluation = evaluate(g.rows, index);
              return own;
            });
          const teamsIn = teams.filter((t) => t.rows.some(inPeriod(period)));
          if (teamsIn.length > 0) whole.byTeam = onTheirOwn(teamsIn, (r) => evaluateContract(r, { ...common, period }));
          const unitsIn = units.flatMap((u, index) => (u.rows.some(inPeriod(period)) ? [index] : []));
          if (unitsIn.length > 1) {
            const parts = evaluateParts(whole, unitParts, unitsIn, common);
            whole.byUnit = onTheirOwn(
              unitsIn.map((index) => units[index]),
              (_, k) => parts[k],
            );
          }
          return whole;
        });
  // The exports' own classes (SIAPS `Classificação`) against ours: disagreements join each period's problems.
  compareExportClasses(detected.tables, evaluations);
  const problems = [
    ...detected.problems,
    ...detected.tables.flatMap((t) => t.problems),
    ...filled.problems,
    ...duplicates.duplicates.map((d) => d.problem),
    ...periodProblems,
  ];
  return {
    tables: detected.tables,
    evaluations,
    problems,
    ...(presetChoice ? { presetChoice } : {}),
    catalogUses: filled.uses,
    ...(duplicates.duplicates.length > 0 ? { duplicates: duplicates.duplicates } : {}),
  };
}
