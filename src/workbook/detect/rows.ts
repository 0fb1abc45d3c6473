/**
 * Reading a table's data rows into the core's `RowInput`s, for the long, wide and panel layouts.
 *
 * - The table ends at the first footer row (`Fonte:`, `Dado gerado em`, a signature…) and, for a plain
 *   range, at the first row blank across the header's columns (an Excel table skips blank rows instead).
 * - Cells are read through vertical merges (a target or an indicator name merged over its month rows),
 *   with the address of the merge's top-left cell, where the value is.
 * - Area carries forward: an area cell applies to the rows below until the next one, and a section row
 *   (a single text cell and no values, e.g. `SAÚDE DA MULHER`) becomes the area of the rows below and is not
 *   an indicator. A single text cell counts as a section title when it is in the area column, merged
 *   across columns, written in capitals, or left of the indicator column; a lone name in the indicator
 *   column otherwise stays an indicator without data.
 * - Rows whose indicator and value cells are all empty are skipped; `Total`/`Média geral` rows too.
 * - Long tables: an empty period cell takes the period of the row above (months written once per block);
 *   so does an empty indicator cell the indicator (and code) of the row above, on a row that has values
 *   and no code of its own — names written once per block without merging the cells.
 * - Wide tables: each period's row takes that period's own target (`Meta Jan/2025`) when the table has
 *   one, else the row's target.
 */
import type { LocatedProblem, RowInput } from "../../core/evaluate";
import type { ScaleHint } from "../../core/attainment";
import { messages } from "../../core/messages";
import { detectionMessages } from "../messages";
import { normalizeText, PairMemo } from "../../core/parse";
import type { CellValue, Period } from "../../core/types";
import type { Field } from "../model";
import { cellText, isEmptyValue, type Grid } from "./grid";
import type { HeaderAnalysis } from "./headerRow";
import { isMunicipalityCodeHeader, isTeamCodeHeader } from "./headers";
import { readPeriodCell, readPeriodText } from "./periodCells";

export interface TableFrame {
  grid: Grid;
  header: HeaderAnalysis;
  layout: "long" | "wide" | "panel";
  firstDataRow: number;
  /** Last row that may belong to the table (an Excel table's bottom; else the sheet's). */
  lastRow: number;
  /** Excel tables: blank rows are skipped, not the end. */
  skipBlankRows: boolean;
  /** Year for periods written without one. */
  year?: number;
  /** A panel's indicator. */
  title?: string;
  /** First column a footer is looked for in (a table beside another); the sheet's first otherwise. */
  footerLeft?: number;
  /** The indicator of every row, named by a mapping instead of a column. */
  indicator?: string;
}

export interface RowsRead {
  rows: RowInput[];
  problems: LocatedProblem[];
  /** Last row read as part of the table (the header row when there is none). */
  endRow: number;
  /** The row that ended the table (blank or footer), or the row after `lastRow`. */
  stopRow: number;
}

/** Labels of summary rows, which are not indicators. */
const TOTAL_LABELS = new Set(["total", "total geral", "subtotal", "soma", "media", "media geral"]);

const PERCENT_NAME = /^(proporcao|percentual|porcentagem|cobertura|taxa de cobertura)\b/;
const COUNT_NAME = /^(media|numero|razao)\b/;

/**
 * What a row says about its scale. The indicator's name speaks first, since it is about that row:
 * `Proporção…`, `Percentual…`, `Porcentagem…`, `Cobertura…`, `Taxa de cobertura…` → percent;
 * `Média…`, `Número…`, `Razão…` → count. Otherwise a `(%)`/`%` in the result or target header → percent.
 */
export function scaleHintOf(indicator: string, headerPercent: boolean): ScaleHint | undefined {
  const name = normalizeText(indicator);
  if (PERCENT_NAME.test(name)) return "percent";
  if (COUNT_NAME.test(name)) return "count";
  return headerPercent ? "percent" : undefined;
}

/** The cells a row may have beside its indicator, read when the table has their column. */
const OPTIONAL_FIELDS = ["kind", "weight", "direction", "aggregation", "periodicity", "justificationAccepted"] as const;
/** A long table's value cells. */
const VALUE_FIELDS = ["result", "numerator", "denominator"] as const;

function isCapitals(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toLocaleUpperCase("pt-BR");
}

/**
 * A panel's column of IBGE codes: an unmapped column headed `IBGE` (it loses *municipality* to `Munícipio`),
 * or the municipality column itself when it is headed so (a panel naming municipalities by code only).
 */
function municipalityCodeColumn(header: HeaderAnalysis): number | undefined {
  const municipalityCol = header.fields.get("municipality")?.col;
  if (municipalityCol !== undefined && isMunicipalityCodeHeader(header.texts.get(municipalityCol) ?? ""))
    return municipalityCol;
  const taken = new Set([...[...header.fields.values()].map((f) => f.col), ...header.periodCols.map((p) => p.col)]);
  for (const [col, text] of header.texts) if (!taken.has(col) && isMunicipalityCodeHeader(text)) return col;
  return undefined;
}

/** A column of team codes (INE) left unmapped beside the team's name column; none when the unit column is the INE itself. */
function teamCodeColumn(header: HeaderAnalysis): number | undefined {
  const unitCol = header.fields.get("unit")?.col;
  if (unitCol === undefined || isTeamCodeHeader(header.texts.get(unitCol) ?? "")) return undefined;
  const taken = new Set([...[...header.fields.values()].map((f) => f.col), ...header.periodCols.map((p) => p.col)]);
  for (const [col, text] of header.texts) if (!taken.has(col) && isTeamCodeHeader(text)) return col;
  return undefined;
}

export function readRows(frame: TableFrame): RowsRead {
  const { grid, header, layout } = frame;
  const colOf = (f: Field) => header.fields.get(f)?.col;
  const cellOf = (row: number, f: Field) => {
    const col = colOf(f);
    return col === undefined ? undefined : grid.resolved(row, col);
  };
  const inputOf = (row: number, f: Field) => {
    const col = colOf(f);
    return col === undefined ? undefined : grid.resolvedInput(row, col);
  };
  const textOf = (row: number, f: Field) => {
    const col = colOf(f);
    return col === undefined ? "" : cellText(grid.resolvedValue(row, col));
  };
  // A long table repeats a dozen months over thousands of rows: each distinct period cell is read once
  // (dates by their time, other values as they are; -0 is left out, as a key it would stand for 0).
  // Rows then share the Period object, as rows under an empty period cell already share the one above.
  const periodsByTime = new Map<number, ReturnType<typeof readPeriodCell>>();
  const periodsByValue = new Map<CellValue, ReturnType<typeof readPeriodCell>>();
  const readPeriod = (value: CellValue) => {
    if (value instanceof Date) {
      const time = value.getTime();
      const known = periodsByTime.get(time);
      if (known) return known;
      const reading = readPeriodCell(value, frame.year);
      periodsByTime.set(time, reading);
      return reading;
    }
    if (Object.is(value, -0)) return readPeriodCell(value, frame.year);
    const known = periodsByValue.get(value);
    if (known) return known;
    const reading = readPeriodCell(value, frame.year);
    periodsByValue.set(value, reading);
    return reading;
  };
  // Bare months (`Out`, `Jan`) take the table's year; read in row order they move to the next year once
  // they go back in time (`Out, Nov, Dez, Jan` → jan of the next year), as header cells do
  // (periodCells.readPeriodSequence). Per indicator (and unit and municipality): a long table starts each
  // indicator's block of months over, which is not a step back in time.
  const lacksYear = new Map<string, boolean>();
  const laterYears = new Map<string, ReturnType<typeof readPeriodCell>>();
  const sequences = new Map<string, { offset: number; last: Map<string, string> }>();
  // The sequence's key, joined once per distinct indicator and place rather than once per row.
  const joined = new PairMemo((a: string, b: string) => `${a}\u0000${b}`);
  const readInSequence = (value: CellValue, key: string) => {
    let sequence = sequences.get(key);
    if (!sequence) sequences.set(key, (sequence = { offset: 0, last: new Map<string, string>() }));
    const bare =
      typeof value === "string" &&
      frame.year !== undefined &&
      (lacksYear.get(value) ?? lacksYear.set(value, readPeriodText(value, undefined).kind === "needsYear").get(value)!);
    const at = (offset: number) => {
      if (!bare || offset === 0) return readPeriod(value);
      const memo = `${offset}\u0000${value as string}`;
      return laterYears.get(memo) ?? laterYears.set(memo, readPeriodCell(value, frame.year! + offset)).get(memo)!;
    };
    let reading = at(sequence.offset);
    if (reading.kind !== "period") return reading;
    const before = sequence.last.get(reading.period.kind);
    if (bare && before !== undefined && reading.period.start < before) {
      sequence.offset += 1;
      reading = at(sequence.offset);
      if (reading.kind !== "period") return reading;
    }
    sequence.last.set(reading.period.kind, reading.period.start);
    return reading;
  };
  const periodCols = layout === "long" ? [] : header.periodCols.filter((p) => p.period !== undefined);
  const targetColOf = new Map<string, number>();
  if (layout === "wide") for (const t of header.targetPeriodCols) if (t.period) targetColOf.set(t.period.label, t.col);
  const valueCols = [
    ...(["target", "result", "numerator", "denominator"] as Field[])
      .map(colOf)
      .filter((c): c is number => c !== undefined),
    ...periodCols.map((p) => p.col),
    ...targetColOf.values(),
  ];
  const indicatorCol = colOf("indicator");
  const periodCol = colOf("period");
  const areaCol = colOf("area");
  const targetCol = colOf("target");
  const resultCol = colOf("result");
  const headerPercent = [targetCol, resultCol].some((c) => c !== undefined && header.percentCols.has(c));
  const targetPercent = targetCol !== undefined && header.percentCols.has(targetCol);
  const municipalityCodeCol = layout === "panel" ? municipalityCodeColumn(header) : undefined;
  const teamCodeCol = teamCodeColumn(header);

  const rows: RowInput[] = [];
  const problems: LocatedProblem[] = [];
  let area: string | undefined;
  let lastPeriod: Period | undefined;
  /** The indicator of the row above, for a long table's rows that leave the name empty. */
  let lastIndicator: { name: string; code: string } | undefined;
  let endRow = header.row;
  let r = frame.firstDataRow;
  for (; r <= frame.lastRow; r += 1) {
    if (grid.isFooter(r, header.right, frame.footerLeft)) break;
    if (grid.isBlank(r, header.left, header.right)) {
      lastIndicator = undefined;
      if (frame.skipBlankRows) continue;
      break;
    }
    endRow = r;
    let hasValue = false;
    for (let i = 0; i < valueCols.length && !hasValue; i++) hasValue = !grid.isEmpty(r, valueCols[i]);

    if (layout !== "panel" && !hasValue) {
      const filled: number[] = [];
      for (let c = header.left; c <= header.right && filled.length < 2; c += 1) if (!grid.isEmpty(r, c)) filled.push(c);
      if (filled.length === 1) {
        const c = filled[0];
        const text = grid.text(r, c);
        const leftOfIndicator = indicatorCol !== undefined && c < indicatorCol;
        if (
          /\p{L}/u.test(text) &&
          (c === areaCol || leftOfIndicator || grid.startsWideMerge(r, c) || isCapitals(text))
        ) {
          area = text;
          lastIndicator = undefined;
          continue;
        }
      }
    }
    const areaText = textOf(r, "area");
    if (areaText) area = areaText;

    const base: RowInput = { sheet: grid.name, sheetRow: r, indicator: "", target: { value: null } };
    if (layout === "panel") {
      const municipality = textOf(r, "municipality");
      if (!municipality) {
        const cell = cellOf(r, "municipality");
        if (hasValue && cell)
          problems.push({
            code: "empty",
            sheet: grid.name,
            cell: cell.address,
            message: detectionMessages.detectRowWithoutMunicipality(r, cell.address),
          });
        continue;
      }
      if (TOTAL_LABELS.has(normalizeText(municipality))) continue;
      base.indicator = frame.title ?? grid.name;
      base.municipality = municipality;
      const code = municipalityCodeCol === undefined ? "" : cellText(grid.resolved(r, municipalityCodeCol).value);
      if (code) base.municipalityCode = code;
    } else {
      let name = textOf(r, "indicator") || (frame.indicator ?? "");
      let code = textOf(r, "code");
      // A long table's block of months under a name written once: the name, and its code, carry down to
      // rows with values; a row with another code is another indicator, and a name is then missing.
      if (!name && layout === "long" && hasValue && lastIndicator && (!code || code === lastIndicator.code)) {
        name = lastIndicator.name;
        code = lastIndicator.code;
      }
      if (!name) {
        const cell = cellOf(r, "indicator");
        if (hasValue && cell)
          problems.push({
            code: "empty",
            sheet: grid.name,
            cell: cell.address,
            message: detectionMessages.detectRowWithoutIndicator(r, cell.address),
          });
        // A row left out, or another indicator's code: the rows under it are not the block above.
        if (hasValue || (code && code !== lastIndicator?.code)) lastIndicator = undefined;
        continue;
      }
      if (TOTAL_LABELS.has(normalizeText(name))) {
        lastIndicator = undefined;
        continue;
      }
      lastIndicator = { name, code };
      base.indicator = name;
      if (code) base.code = code;
      if (area !== undefined) base.area = area;
      const municipality = textOf(r, "municipality");
      if (municipality) base.municipality = municipality;
    }
    const unit = textOf(r, "unit");
    if (unit) base.unit = unit;
    const unitCode = teamCodeCol === undefined ? "" : cellText(grid.resolved(r, teamCodeCol).value);
    if (unitCode) base.unitCode = unitCode;
    const justification = textOf(r, "justification");
    if (justification) base.justification = justification;
    // An empty optional cell reads as no cell (the core treats both the same): most rows leave Peso,
    // Natureza or the decision empty, and a cell kept with its address costs two objects per row.
    for (const field of OPTIONAL_FIELDS) {
      const cell = inputOf(r, field);
      if (cell && !isEmptyValue(cell.value)) base[field] = cell;
    }
    const target = layout === "panel" ? undefined : inputOf(r, "target");
    if (target) base.target = target;

    if (layout === "long") {
      if (periodCol !== undefined) {
        // The value alone: the cell (with its address) is made only for a problem.
        const periodValue = grid.resolvedValue(r, periodCol);
        if (isEmptyValue(periodValue)) {
          if (!lastPeriod) {
            problems.push({
              code: "invalidPeriod",
              sheet: grid.name,
              cell: grid.resolved(r, periodCol).address,
              indicator: base.indicator,
              message: detectionMessages.detectRowLeftOut(messages.periodEmpty),
            });
            continue;
          }
          base.period = lastPeriod;
        } else {
          const reading = readInSequence(
            periodValue,
            joined.get(
              joined.get(base.code ?? "", base.indicator),
              joined.get(base.unit ?? "", base.municipality ?? ""),
            ),
          );
          if (reading.kind === "invalid") {
            problems.push({
              code: "invalidPeriod",
              sheet: grid.name,
              cell: grid.resolved(r, periodCol).address,
              indicator: base.indicator,
              message: detectionMessages.detectRowLeftOut(reading.message),
            });
            continue;
          }
          base.period = reading.period;
          lastPeriod = reading.period;
        }
      }
      for (const field of VALUE_FIELDS) {
        const cell = inputOf(r, field);
        if (cell) base[field] = cell;
      }
      const hint = scaleHintOf(base.indicator, headerPercent);
      if (hint) base.scaleHint = hint;
      rows.push(base);
      continue;
    }
    for (const column of periodCols) {
      // Copied, then given its period and result, not spread with them: a spread adding keys makes a hidden
      // class per row in this V8 (see NO_SPREAD_NOTE in core/evaluate).
      const row: RowInput = Object.assign({}, base);
      row.period = column.period;
      row.result = grid.resolvedInput(r, column.col);
      const ownTarget = column.period ? targetColOf.get(column.period.label) : undefined;
      if (ownTarget !== undefined) row.target = grid.resolvedInput(r, ownTarget);
      // The panels write integer percentages: 1 means 1%, not 100%.
      const hint = layout === "panel" ? "points" : scaleHintOf(base.indicator, column.percent || targetPercent);
      if (hint) row.scaleHint = hint;
      rows.push(row);
    }
  }
  return { rows, problems, endRow, stopRow: r };
}
