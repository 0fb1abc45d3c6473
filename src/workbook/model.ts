/**
 * What both hosts (Excel through Office.js, .xlsx files through ExcelJS) hand the pipeline, and what the
 * pipeline hands back. Plain data: a host reads its workbook into `WorkbookData`, the pipeline detects
 * tables and evaluates, and a host applies the resulting plan.
 */
import type { LocatedProblem, RowInput } from "../core/evaluate";
import type { CellValue, Period } from "../core/types";

/** One cell as read: its value (formulas: the cached result) and its number format. */
export interface CellData {
  value: CellValue;
  numberFormat?: string;
}

/** An Excel table (ListObject) on a sheet. `ref` is its A1 range including the header row. */
export interface TableInfo {
  name: string;
  ref: string;
}

/**
 * One sheet's used range, row-major. `rows[0][0]` is the cell at (`origin.row`, `origin.col`), both
 * 1-based (A1 = row 1, col 1); rows may be ragged (missing trailing cells are empty).
 */
export interface SheetData {
  name: string;
  origin: { row: number; col: number };
  rows: CellData[][];
  tables: TableInfo[];
  /** Merged ranges in A1 form (`A1:F1`), e.g. title rows. */
  merges: string[];
  /** Hidden or very hidden sheets (the add-in's settings sheet) are not searched for tables. */
  hidden?: boolean;
}

export interface WorkbookData {
  sheets: SheetData[];
  /**
   * What the host could not read and the user should know, in pt-BR (merged cells on an Excel too old to
   * report them): shown with the read, not per table.
   */
  readNotes?: string[];
}

/** The fields of an indicator table the pipeline knows (glossary: docs/regras.md §2). */
export type Field =
  | "indicator"
  | "code"
  | "area"
  | "kind"
  | "type"
  | "target"
  | "result"
  | "numerator"
  | "denominator"
  | "period"
  | "unit"
  | "municipality"
  | "weight"
  | "direction"
  | "periodicity"
  | "aggregation"
  | "source"
  | "responsible"
  | "justification"
  | "justificationAccepted";

/** How a table lays out indicators and periods. */
export type Layout =
  /** One row per indicator × period (× unit). */
  | "long"
  /** One row per indicator, one result column per period (`Jan/2025`, `1º trim`, `2024 Q3 (%)`). */
  | "wide"
  /** The same table on several sheets, one per period (`Jan`, `Fevereiro 2025`, `1º Trimestre`). */
  | "sheetPerPeriod"
  /** A national panel export (SISAB): title lines naming the indicator, one row per municipality. */
  | "panel"
  /**
   * A SIAPS export: title lines naming the indicator, the municipality and the month (competência), one row
   * per team (detect/siaps).
   */
  | "siaps";

/** Where a table sits on one sheet: its A1 range (header row included) and its header row. */
export interface TableFrameRef {
  sheet: string;
  ref: string;
  headerRow: number;
}

/** A column mapped to a field. `col` is 1-based (A = 1); wide result columns (and per-period targets) carry their period. */
export interface MappedColumn {
  field: Field;
  col: number;
  header: string;
  period?: Period;
}

/** An indicator table found in a workbook, mapped and read into rows for the core. */
export interface DetectedTable {
  /** The sheet it is on (for `sheetPerPeriod`, the first of `sheets`). */
  sheet: string;
  sheets: string[];
  /** The Excel table's name, when it is one. */
  name?: string;
  /** A1 range of the table on `sheet`, header row included. */
  ref: string;
  /** 1-based row of the header. */
  headerRow: number;
  /** Where the table sits on each of its sheets (one entry, or one per sheet for `sheetPerPeriod`). */
  frames: TableFrameRef[];
  layout: Layout;
  columns: MappedColumn[];
  /** 0–1: how sure the mapping is. */
  confidence: number;
  /** pt-BR reasons for the mapping (which header matched which field). */
  reasons: string[];
  /** Fields that matter and were not found (indicator, target, result…). */
  unmapped: Field[];
  /** A title found above the table (a panel's `Indicador: …`). */
  title?: string;
  rows: RowInput[];
  /** Distinct periods of the rows, sorted. */
  periods: Period[];
  problems: LocatedProblem[];
  /** What a SIAPS export's title lines say, and the classes it gives its own rows (layout `siaps`). */
  siaps?: SiapsExport;
}

/** A SIAPS export as its title lines describe it (detect/siaps). */
export interface SiapsExport {
  /** The component of the module line (`Qualidade`, `Vínculo e Acompanhamento Territorial`). */
  component?: string;
  /** The indicator as the title writes it. */
  indicator: string;
  /** Its co-financing code (`C7`), found by name in the catalogue (or given by a mapping). */
  code?: string;
  municipality?: string;
  municipalityCode?: string;
  /** The month the export covers (`Competência selecionada: JUN/26`). */
  competence?: Period;
  /** The export's own class of each row's result (`Classificação`), by the row of the sheet. */
  classes: { sheetRow: number; cell: string; label: string }[];
}

/**
 * A mapping given by the user (a JSON file for the command; stored in the workbook by the task pane):
 * pt-BR keys, columns as letters. It wins over detection for the sheet it names.
 * Example: `{ "tabelas": [{ "planilha": "Indicadores", "linhaCabecalho": 3,
 *   "colunas": { "indicador": "B", "meta": "D", "resultado": "E", "periodo": "C" } }] }`; for a sheet whose
 * indicator is written only above the table: `{ "planilha": "C7", "indicador": "C7", "colunas": { … } }`.
 */
export interface ExplicitMapping {
  tabelas: {
    planilha: string;
    linhaCabecalho?: number;
    colunas?: Partial<Record<FieldPtBR, string>>;
    /**
     * The indicator of every row of the sheet (its name or code, `"C7"`), for an export that names it only
     * above the table; instead of `colunas.indicador`.
     */
    indicador?: string;
  }[];
}

/** The pt-BR names of the fields, as users write them in a mapping file. */
export type FieldPtBR =
  | "indicador"
  | "codigo"
  | "area"
  | "natureza"
  | "tipo"
  | "meta"
  | "resultado"
  | "numerador"
  | "denominador"
  | "periodo"
  | "unidade"
  | "municipio"
  | "peso"
  | "sentido"
  | "periodicidade"
  | "agregacao"
  | "fonte"
  | "responsavel"
  | "justificativa"
  | "justificativaAceita";

export const FIELD_FROM_PT: Record<FieldPtBR, Field> = {
  indicador: "indicator",
  codigo: "code",
  area: "area",
  natureza: "kind",
  tipo: "type",
  meta: "target",
  resultado: "result",
  numerador: "numerator",
  denominador: "denominator",
  periodo: "period",
  unidade: "unit",
  municipio: "municipality",
  peso: "weight",
  sentido: "direction",
  periodicidade: "periodicity",
  agregacao: "aggregation",
  fonte: "source",
  responsavel: "responsible",
  justificativa: "justification",
  justificativaAceita: "justificationAccepted",
};
