/**
 * SIAPS exports (Sistema de Informação para a Atenção Primária à Saúde), the source of the federal
 * co-financing results since 2025: one indicator, one municipality and one month (competência) per file,
 * one row per team. Pure: a sheet in, a table (or a notice) out; never throws.
 *
 * The layout, as the ministry publishes it (CSV, or the same content saved as a workbook):
 * - title lines, one text each (column A): `Ministério da Saúde - MS`, `Dado gerado em: …`,
 *   `Módulo … - Componente Qualidade | ‹indicador›`, `UF: SP`, `Município: 355070 / SÃO SEBASTIÃO`,
 *   `Competência selecionada: JUN/26`, `Indicador selecionado: ‹indicador›`, `Visualizacao: …`;
 * - a header: `Competência/Ano; UF; IBGE Município; Nome Município; Condição de Equipe; CNES;
 *   ESTABELECIMENTO; …; INE; NOME DA EQUIPE; SIGLA DA EQUIPE; ‹numerador e denominador, por componente›;
 *   ‹a razão›; Classificação`;
 * - data rows, whose cells may outnumber the header's (a name holding the separator, cells added at the
 *   end). The columns left of the team's code are read from the left; the team's code and the columns after
 *   it are read at the shift, from 0 (left-aligned) to the extra cells (right-aligned), that makes the row
 *   hang together: an INE of digits, a known class, a number where the ratio is, and the ratio equal to
 *   numerator ÷ denominator × 100 when the export has them. Ties go to reading from the right.
 *
 * A sheet is a SIAPS export when its title lines carry two of `Indicador selecionado:`, `Competência
 * selecionada:`, `Município:` and the `Módulo … Componente … |` line, one of them SIAPS's own (not
 * `Município:` alone). The indicator is matched by name to C1–C7 of the co-financing catalogue (a mapping's
 * `indicador` overrides it). Exports of another component (*Vínculo e Acompanhamento Territorial*) or of an
 * indicator that is none of C1–C7 (the oral-health teams' B1…) are named in a `notScored` problem, with no
 * table: these rules do not score them.
 *
 * Rows get the title's indicator (and its code), the team (`NOME DA EQUIPE`, `INE`), the municipality (the
 * row's, else the title's), the month (the row's `Competência/Ano`, else the title's), the ratio as the
 * result on the 0–100 scale (`scaleHint: "points"`), and the numerator and the denominator when the export
 * has exactly one column of each. The export's own `Classificação` of each row is kept beside the table,
 * for the comparison with ours after the evaluation (workbook/exportClasses).
 */
import { catalogForPreset, matchCode, matchName } from "../../core/catalogs/lookup";
import type { CellInput, LocatedProblem, RowInput } from "../../core/evaluate";
import { detectionMessages, siapsStrings } from "../messages";
import { normalizeText, readNumber } from "../../core/parse";
import { formatPeriodPtBR } from "../../core/periods";
import type { Period } from "../../core/types";
import { columnLetter, toA1, toA1Range } from "../a1";
import type { DetectedTable, MappedColumn, SheetData, SiapsExport } from "../model";
import { Grid } from "./grid";
import { headerKey, isMunicipalityCodeHeader, isTeamCodeHeader } from "./headers";
import { readPeriodCell } from "./periodCells";

/** Rows searched for the title lines and the header. */
const SEARCH_ROWS = 40;

/** The title labels only SIAPS writes, as a title row's normalized text starts. */
const INDICATOR_LABEL = /^indicador selecionado\s*:/;
const COMPETENCE_LABEL = /^competencia selecionada\s*:/;
const MODULE_LABEL = /^modulo\b.*\bcomponente\b/;
const OWN_LABELS = [INDICATOR_LABEL, COMPETENCE_LABEL, MODULE_LABEL];
/**
 * How a row's first non-empty cell (normalized) starts when the row's text can start with one of them: the
 * whole label, or its first word alone in the cell (`Indicador` | `selecionado: …` joins into the label).
 */
const OWN_LABEL_START = /^(?:indicador(?: selecionado|$)|competencia(?: selecionada|$)|modulo\b)/;

/** What the title lines say. */
export interface SiapsTitle {
  /** The `Módulo … Componente X | …` line's component. */
  component?: string;
  /** `Indicador selecionado: …`, else the module line's text after `|`. */
  indicator?: string;
  indicatorRow?: number;
  uf?: string;
  municipality?: string;
  municipalityCode?: string;
  competence?: Period;
  competenceText?: string;
  /** The labels found, for the recognition rule. */
  labels: Set<"indicator" | "competence" | "municipality" | "module">;
}

/** The text of a title row: its cells joined (a title is one cell, but a CSV line may hold a `;`). */
function rowText(grid: Grid, row: number): string {
  const texts: string[] = [];
  for (let col = grid.left; col <= Math.min(grid.right, grid.left + 63); col += 1) {
    const text = grid.text(row, col);
    if (text) texts.push(text);
  }
  return texts.join(" ");
}

/** The text after a label's `:` (`Município: 355070 / X` → `355070 / X`). */
function afterColon(text: string): string {
  const i = text.indexOf(":");
  return i < 0 ? "" : text.slice(i + 1).trim();
}

/** Reads the title lines from `grid.top` to `last` (see the module's note). */
export function readSiapsTitle(grid: Grid, last: number): SiapsTitle {
  const title: SiapsTitle = { labels: new Set() };
  for (let row = grid.top; row <= last; row += 1) {
    const text = rowText(grid, row);
    if (!text) continue;
    const key = normalizeText(text);
    if (INDICATOR_LABEL.test(key)) {
      const value = afterColon(text);
      if (value) {
        title.indicator = value;
        title.indicatorRow = row;
      }
      title.labels.add("indicator");
    } else if (COMPETENCE_LABEL.test(key)) {
      title.labels.add("competence");
      const value = afterColon(text);
      const reading = value ? readPeriodCell(value, undefined) : undefined;
      title.competenceText = value;
      if (reading?.kind === "period" && reading.period.kind === "month") title.competence = reading.period;
    } else if (/^municipio\s*:/.test(key)) {
      title.labels.add("municipality");
      const value = afterColon(text);
      const m = /^(\d{6,7})\s*(?:[/\-–]\s*(.*))?$/.exec(value);
      if (m) {
        title.municipalityCode = m[1];
        if (m[2]?.trim()) title.municipality = m[2].trim();
      } else if (value) title.municipality = value;
    } else if (/^uf\s*:/.test(key)) {
      title.uf = afterColon(text) || undefined;
    } else if (MODULE_LABEL.test(key)) {
      title.labels.add("module");
      const bar = text.indexOf("|");
      const left = bar < 0 ? text : text.slice(0, bar);
      const component = /componente\s+(?:de\s+|da\s+|do\s+)?(.+)$/i.exec(left)?.[1]?.trim();
      if (component) title.component = component;
      const right = bar < 0 ? "" : text.slice(bar + 1).trim();
      if (right && !title.indicator) {
        title.indicator = right;
        title.indicatorRow = row;
      }
    }
  }
  return title;
}

/**
 * Whether some row of the search window carries one of SIAPS's own title labels — without which no title
 * makes the sheet an export (`isSiapsTitle`). A cheap test first, so that a sheet which is no export (a
 * contract's table) is not searched 40 rows × 128 columns for a team code header: a title row's text starts
 * with its first non-empty cell's (`rowText` joins them with spaces), so only a row whose first cell starts
 * as a label can (`OWN_LABEL_START`) has its whole text joined and matched.
 */
function hasOwnTitleLabel(grid: Grid): boolean {
  const last = Math.min(grid.bottom, grid.top + SEARCH_ROWS - 1);
  const right = Math.min(grid.right, grid.left + 63);
  for (let row = grid.top; row <= last; row += 1) {
    let first = "";
    for (let col = grid.left; col <= right && !first; col += 1) first = grid.text(row, col);
    if (!first || !OWN_LABEL_START.test(normalizeText(first))) continue;
    const key = normalizeText(rowText(grid, row));
    if (OWN_LABELS.some((re) => re.test(key))) return true;
  }
  return false;
}

/** Whether the title lines make the sheet a SIAPS export (see the module's note). */
function isSiapsTitle(title: SiapsTitle): boolean {
  const own = title.labels.has("indicator") || title.labels.has("competence") || title.labels.has("module");
  return own && title.labels.size >= 2;
}

/** The header row: the first row in the search window with a team code column (`INE`) and four cells or more. */
function headerRow(grid: Grid): number | undefined {
  for (let row = grid.top; row <= Math.min(grid.bottom, grid.top + SEARCH_ROWS - 1); row += 1) {
    let cells = 0;
    let ine = false;
    for (let col = grid.left; col <= Math.min(grid.right, grid.left + 127); col += 1) {
      const text = grid.text(row, col);
      if (!text) continue;
      cells += 1;
      if (isTeamCodeHeader(text)) ine = true;
    }
    if (ine && cells >= 4) return row;
  }
  return undefined;
}

/** The columns of a SIAPS header, by role (1-based columns of the header row). */
interface SiapsColumns {
  period?: number;
  municipalityCode?: number;
  municipality?: number;
  teamCode?: number;
  team?: number;
  acronym?: number;
  numerator?: number;
  denominator?: number;
  ratio?: number;
  classification?: number;
  /** The header's last column. */
  right: number;
  texts: Map<number, string>;
}

const RATIO_WORDS = [
  "resultado",
  "indicador",
  "percentual",
  "proporcao",
  "pontuacao",
  "taxa",
  "nota",
  "valor",
  "razao",
];

function readHeader(grid: Grid, row: number): SiapsColumns {
  const texts = new Map<number, string>();
  let right = grid.left;
  for (let col = grid.left; col <= Math.min(grid.right, grid.left + 127); col += 1) {
    const text = grid.text(row, col);
    if (!text) continue;
    texts.set(col, text);
    right = col;
  }
  const columns: SiapsColumns = { right, texts };
  const numerators: number[] = [];
  const denominators: number[] = [];
  const ratios: number[] = [];
  for (const [col, text] of texts) {
    const { key, percent } = headerKey(text);
    if (key.startsWith("competencia") && columns.period === undefined) columns.period = col;
    else if (isMunicipalityCodeHeader(text) || key === "ibge municipio" || key === "cod ibge municipio")
      columns.municipalityCode ??= col;
    else if (["nome municipio", "nome do municipio", "municipio"].includes(key)) columns.municipality ??= col;
    else if (isTeamCodeHeader(text)) columns.teamCode ??= col;
    else if (["nome da equipe", "nome equipe", "equipe"].includes(key)) columns.team ??= col;
    else if (key.startsWith("sigla")) columns.acronym ??= col;
    else if (key.startsWith("classificacao")) columns.classification ??= col;
    else if (key === "numerador" || key.startsWith("numerador ")) numerators.push(col);
    else if (key === "denominador" || key.startsWith("denominador ")) denominators.push(col);
    else if (percent || RATIO_WORDS.some((w) => key === w || key.startsWith(`${w} `))) ratios.push(col);
  }
  // One numerator and one denominator: the ratio's. Several (one per component) make none of them the ratio's.
  const only = (cols: number[]) => (cols.length === 1 ? cols[0] : undefined);
  const exact = (cols: number[], word: string) => cols.find((c) => headerKey(texts.get(c)!).key === word);
  columns.numerator = exact(numerators, "numerador") ?? only(numerators);
  columns.denominator = exact(denominators, "denominador") ?? only(denominators);
  // The ratio: the last such column before the class (the export writes the ratio right before it).
  const beforeClass = ratios.filter((c) => columns.classification === undefined || c < columns.classification);
  columns.ratio = beforeClass[beforeClass.length - 1] ?? ratios[ratios.length - 1];
  return columns;
}

/** Class labels the export writes (normalized). */
const CLASS_KEYS = new Set(["otimo", "bom", "suficiente", "regular"]);

/** Where a header column's cell is on a row read at a shift: columns from `pivot` on move, the others stay. */
type Placer = (col: number | undefined) => number | undefined;

function placer(pivot: number, shift: number): Placer {
  return (col) => (col === undefined ? undefined : col >= pivot ? col + shift : col);
}

/** How well a row reads with its cells placed so (see the module's note). */
function fit(grid: Grid, row: number, columns: SiapsColumns, place: Placer): number {
  const at = (col: number | undefined) => (col === undefined ? undefined : grid.text(row, place(col)!));
  let score = 0;
  const code = at(columns.teamCode);
  if (code !== undefined && /^\d{4,15}$/.test(code)) score += 1;
  const team = at(columns.team);
  if (team && readNumber(team).kind !== "number") score += 1;
  const label = at(columns.classification);
  if (label !== undefined && (label === "" || CLASS_KEYS.has(normalizeText(label)))) score += 1;
  const ratio = numberAt(grid, row, place(columns.ratio));
  if (ratio !== undefined) score += 1;
  const num = numberAt(grid, row, place(columns.numerator));
  const den = numberAt(grid, row, place(columns.denominator));
  if (ratio !== undefined && num !== undefined && den !== undefined && den !== 0 && agrees(ratio, num, den)) score += 2;
  return score;
}

/** A cell's number on the 0–100 scale (a percent-formatted 0,57 is 57); undefined when it holds none. */
function numberAt(grid: Grid, row: number, col: number | undefined): number | undefined {
  if (col === undefined) return undefined;
  const cell = grid.cell(row, col);
  const read = readNumber(cell?.value ?? null, cell?.numberFormat);
  if (read.kind !== "number") return undefined;
  return read.reading.scale === "percent" ? read.reading.value * 100 : read.reading.value;
}

/** The export rounds its ratio (to two decimals, or to whole points): half a point of slack. */
const RATIO_TOLERANCE = 0.5 + 1e-9;

function agrees(ratio: number, numerator: number, denominator: number): boolean {
  return Math.abs(ratio - (numerator / denominator) * 100) <= RATIO_TOLERANCE;
}

/** The last non-empty column of a row. */
function lastFilled(grid: Grid, row: number): number {
  for (let col = grid.right; col >= grid.left; col -= 1) if (!grid.isEmpty(row, col)) return col;
  return grid.left - 1;
}

/** The notice for an export these rules do not score; undefined when it is one of C1–C7. */
function notScoredReason(title: SiapsTitle, indicator: string | undefined, acronyms: string[]): string | undefined {
  const component = title.component ?? "";
  const key = normalizeText(`${component} ${indicator ?? ""}`);
  if (/vinculo e acompanhamento territorial/.test(key) || (component && !/qualidade/.test(normalizeText(component)))) {
    return siapsStrings.otherComponent(
      /vinculo e acompanhamento/.test(normalizeText(component)) || !component ? siapsStrings.vinculoName : component,
    );
  }
  const bucal =
    /^b\s*\d/.test(normalizeText(indicator ?? "")) ||
    /\b(bucal|odontolog)/.test(key) ||
    acronyms.some((a) => /^esb\b/.test(normalizeText(a)));
  if (bucal) return siapsStrings.oralHealth(indicator ?? "");
  return undefined;
}

export interface SiapsReading {
  /** The table, when the export is of C1–C7 and its header was found. */
  table?: DetectedTable;
  /** Why there is no table (another component, no header, no indicator), as located problems. */
  problems: LocatedProblem[];
}

export interface SiapsOptions {
  /** The indicator a mapping names for the sheet (`"indicador": "C7"`): wins over the title's. */
  indicator?: string;
}

const COFIN = () => catalogForPreset("cofinanciamento")!;

/** The indicator's co-financing entry, by name (the title), else by code (`C7`, a mapping's). */
function cofinEntry(indicator: string): { code: string; name: string } | undefined {
  const match = matchName(COFIN(), indicator) ?? matchCode(COFIN(), indicator);
  return match ? { code: match.entry.code, name: match.entry.name } : undefined;
}

/**
 * The sheet read as a SIAPS export; undefined when it is not one (see the module's note). Never throws.
 */
export function readSiapsSheet(sheet: SheetData, options: SiapsOptions = {}): SiapsReading | undefined {
  const grid = new Grid(sheet);
  if (!hasOwnTitleLabel(grid)) return undefined;
  const header = headerRow(grid);
  const title = readSiapsTitle(grid, (header ?? Math.min(grid.bottom, grid.top + SEARCH_ROWS - 1) + 1) - 1);
  if (!isSiapsTitle(title)) return undefined;
  const name = grid.name;
  const given = options.indicator?.trim();
  const columns = header !== undefined ? readHeader(grid, header) : undefined;
  const acronyms: string[] = [];
  if (header !== undefined && columns?.acronym !== undefined) {
    for (let r = header + 1; r <= Math.min(grid.bottom, header + 50); r += 1) {
      const a = grid.text(r, columns.acronym);
      if (a) acronyms.push(a);
    }
  }
  const indicator = given || title.indicator;
  const reason = given ? undefined : notScoredReason(title, indicator, acronyms);
  if (reason) return { problems: [{ code: "notScored", sheet: name, message: siapsStrings.notScored(name, reason) }] };
  if (!indicator) return { problems: [{ code: "empty", sheet: name, message: siapsStrings.noIndicator(name) }] };
  const entry = cofinEntry(indicator);
  if (!entry)
    return {
      problems: [
        { code: "notScored", sheet: name, message: siapsStrings.notScored(name, siapsStrings.notCofin(indicator)) },
      ],
    };
  if (header === undefined || !columns)
    return { problems: [{ code: "empty", sheet: name, message: siapsStrings.noHeader(name) }] };
  if (columns.ratio === undefined && (columns.numerator === undefined || columns.denominator === undefined)) {
    return { problems: [{ code: "empty", sheet: name, message: siapsStrings.noResultColumn(name, header) }] };
  }
  return {
    table: readTable(grid, header, columns, title, indicator, entry, given !== undefined && given !== ""),
    problems: [],
  };
}

function input(grid: Grid, row: number, col: number): CellInput {
  const cell = grid.cell(row, col);
  const result: CellInput = { value: cell?.value ?? null, address: toA1(row, col) };
  if (cell?.numberFormat !== undefined) result.numberFormat = cell.numberFormat;
  return result;
}

/** Rows that are not teams: totals the export may add. */
const TOTAL_TEXTS = new Set(["total", "total geral", "municipio", "total municipio"]);

function readTable(
  grid: Grid,
  header: number,
  columns: SiapsColumns,
  title: SiapsTitle,
  indicator: string,
  entry: { code: string; name: string },
  fromMapping: boolean,
): DetectedTable {
  const name = grid.name;
  const problems: LocatedProblem[] = [];
  const rows: RowInput[] = [];
  const classes: SiapsExport["classes"] = [];
  // Columns from the team's code on are read at the row's shift; those left of it from the left.
  const pivot = columns.teamCode ?? columns.team ?? columns.ratio ?? columns.right;
  let right = columns.right;
  let end = header;
  let longRows = 0;
  for (let r = header + 1; r <= grid.bottom; r += 1) {
    if (grid.isBlank(r) || grid.isFooter(r)) break;
    end = r;
    const extra = Math.max(0, lastFilled(grid, r) - columns.right);
    right = Math.max(right, columns.right + extra);
    let place = placer(pivot, extra);
    if (extra > 0) {
      let best = -1;
      for (let s = extra; s >= 0; s -= 1) {
        const candidate = placer(pivot, s);
        const score = fit(grid, r, columns, candidate);
        if (score > best) {
          best = score;
          place = candidate;
        }
      }
      longRows += 1;
    }
    const text = (col: number | undefined) => (col === undefined ? "" : grid.text(r, place(col)!));
    const team = text(columns.team);
    const teamCode = text(columns.teamCode);
    const first = grid.firstText(r);
    if ((!team && !teamCode) || (first && TOTAL_TEXTS.has(normalizeText(first.text)))) continue;

    let period = title.competence;
    if (columns.period !== undefined && !grid.isEmpty(r, columns.period)) {
      const reading = readPeriodCell(grid.value(r, columns.period), title.competence?.year);
      if (reading.kind === "period") period = reading.period;
      else if (!period) {
        problems.push({
          code: "invalidPeriod",
          sheet: name,
          cell: toA1(r, columns.period),
          indicator,
          message: detectionMessages.detectRowLeftOut(reading.message),
        });
        continue;
      }
    }
    if (!period) {
      problems.push({
        code: "invalidPeriod",
        sheet: name,
        cell: toA1(r, columns.period ?? grid.left),
        indicator,
        message: siapsStrings.noCompetence(r),
      });
      continue;
    }
    const row: RowInput = {
      sheet: name,
      sheetRow: r,
      code: entry.code,
      indicator,
      target: { value: null },
      period,
      scaleHint: "points",
    };
    if (team || teamCode) row.unit = team || teamCode;
    if (team && teamCode) row.unitCode = teamCode;
    const municipality = text(columns.municipality) || title.municipality;
    if (municipality) row.municipality = municipality;
    const municipalityCode = text(columns.municipalityCode) || title.municipalityCode;
    if (municipalityCode) row.municipalityCode = municipalityCode;
    const at = (col: number | undefined) => (col === undefined ? undefined : input(grid, r, place(col)!));
    const ratio = at(columns.ratio);
    if (ratio) row.result = ratio;
    const numerator = at(columns.numerator);
    const denominator = at(columns.denominator);
    if (numerator && denominator) {
      row.numerator = numerator;
      row.denominator = denominator;
    }
    rows.push(row);

    const label = text(columns.classification);
    if (label && columns.classification !== undefined)
      classes.push({ sheetRow: r, cell: toA1(r, place(columns.classification)!), label });
    // The ratio the export wrote against its own numerator and denominator.
    const [value, num, den] = [columns.ratio, columns.numerator, columns.denominator].map((c) =>
      numberAt(grid, r, place(c)),
    );
    if (value !== undefined && num !== undefined && den !== undefined && den !== 0 && !agrees(value, num, den)) {
      problems.push({
        code: "exportMismatch",
        sheet: name,
        cell: ratio?.address,
        indicator,
        message: siapsStrings.ratioMismatch(ratio?.address ?? "", team || teamCode, value, num, den),
      });
    }
  }

  const reasons = [
    siapsStrings.recognised(
      indicator,
      entry.code,
      title.municipality,
      title.municipalityCode,
      title.competence ? formatPeriodPtBR(title.competence) : title.competenceText,
    ),
  ];
  if (fromMapping) reasons.push(detectionMessages.detectMappingUsed(name));
  if (title.indicatorRow !== undefined && !fromMapping)
    reasons.push(detectionMessages.detectPanelTitle(title.indicatorRow, title.indicator ?? indicator));
  reasons.push(detectionMessages.detectHeaderRow(header, header));
  const mapped: MappedColumn[] = [];
  const add = (field: MappedColumn["field"], col: number | undefined) => {
    if (col === undefined) return;
    const text = columns.texts.get(col) ?? "";
    mapped.push({ field, col, header: text });
    reasons.push(
      detectionMessages.detectColumnField(columnLetter(col), text, detectionMessages.detectFieldLabels[field]),
    );
  };
  add("period", columns.period);
  add("municipality", columns.municipality ?? columns.municipalityCode);
  add("unit", columns.team ?? columns.teamCode);
  add(
    "numerator",
    columns.numerator !== undefined && columns.denominator !== undefined ? columns.numerator : undefined,
  );
  add(
    "denominator",
    columns.numerator !== undefined && columns.denominator !== undefined ? columns.denominator : undefined,
  );
  add("result", columns.ratio);
  if (columns.classification !== undefined)
    reasons.push(
      siapsStrings.classColumn(columnLetter(columns.classification), columns.texts.get(columns.classification) ?? ""),
    );
  if (longRows > 0) reasons.push(siapsStrings.longRows(longRows));
  mapped.sort((a, b) => a.col - b.col);

  const ref = toA1Range({ top: header, left: grid.left, bottom: Math.max(end, header), right });
  const periods = [...new Map(rows.map((r) => [r.period!.label, r.period!])).values()].sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : 0,
  );
  const siaps: SiapsExport = {
    ...(title.component ? { component: title.component } : {}),
    indicator,
    code: entry.code,
    ...(title.municipality ? { municipality: title.municipality } : {}),
    ...(title.municipalityCode ? { municipalityCode: title.municipalityCode } : {}),
    ...(title.competence ? { competence: title.competence } : {}),
    classes,
  };
  return {
    sheet: name,
    sheets: [name],
    ref,
    headerRow: header,
    frames: [{ sheet: name, ref, headerRow: header }],
    layout: "siaps",
    columns: mapped,
    confidence: 1,
    reasons,
    unmapped: ["target"],
    title: indicator,
    rows,
    periods,
    problems,
    siaps,
  };
}
