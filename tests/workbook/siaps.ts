/**
 * SIAPS-shaped exports, built by code: one indicator, one municipality (355070 / SÃO SEBASTIÃO, SP) and one
 * month per file, one row per team, as the ministry's `Componente Qualidade` reports publish them — title
 * lines, a `;` header, every data cell quoted and padded with tabs (`"\t0000123456\t"`), Latin-1 or UTF-8 —
 * or the same content saved as a workbook (title lines in column A, the header below).
 *
 * The data: two teams over May and June 2026 (both in the four-month period 2026-Q2, May–August), each
 * month's result written as numerator ÷ denominator × 100 with two decimals, and the class the export gives
 * it. Classes (co-financing quality component, Portaria GM/MS 3.493/2024 and its technical note):
 *   C1 (target range): Ótimo > 50 e ≤ 70 · Bom > 30 e ≤ 50 · Suficiente > 10 e ≤ 30 · Regular ≤ 10 ou > 70
 *   C2–C7:             Ótimo > 75 e ≤ 100 · Bom > 50 e ≤ 75 · Suficiente > 25 e ≤ 50 · Regular ≤ 25
 *   factors Regular 0,25 · Suficiente 0,5 · Bom 0,75 · Ótimo 1; weights C1 1, C2 2, C3 2, C4 1, C5 1, C6 1, C7 2
 *   nota final = Σ factor × weight (0–10): Ótimo > 7,5 · Bom ≥ 5 e ≤ 7,5 · Suficiente > 2,5 e < 5 · Regular ≤ 2,5
 * The four-month result is the mean of the months, not the pooled Σnum ÷ Σden: the denominators differ from
 * month to month so that the two disagree where it matters (C1 of both teams).
 *
 * ESF CENTRO (INE 0000123456) — the official note's worked example:
 *   C1  9/20 = 45 · 22/40 = 55  → mean 50    Bom        0,75 × 1 = 0,75   (pooled 31/60 = 51,67 would be Ótimo)
 *   C2 16/20 = 80 · 18/20 = 90  → mean 85    Ótimo      1    × 2 = 2      (June's export says "Bom": disagrees)
 *   C3  7/10 = 70 · 21/25 = 84  → mean 77    Ótimo      1    × 2 = 2
 *   C4 12/30 = 40 ·  9/30 = 30  → mean 35    Suficiente 0,5  × 1 = 0,5
 *   C5  4/20 = 20 ·  2/20 = 10  → mean 15    Regular    0,25 × 1 = 0,25
 *   C6 19/25 = 76 · 16/20 = 80  → mean 78    Ótimo      1    × 1 = 1
 *   C7 30/30 = 100 · 27/30 = 90 → mean 95    Ótimo      1    × 2 = 2
 *   nota final 0,75 + 2 + 2 + 0,5 + 0,25 + 1 + 2 = 8,5 → Ótimo
 * ESF JARDIM (INE 0000654321) — no row in the C6 exports:
 *   C1 30/40 = 75 · 13/20 = 65  → mean 70    Ótimo (≤ 70)  1 × 1 = 1       (pooled 43/60 = 71,67 would be Regular)
 *   C2 10/20 = 50 ·  5/10 = 50  → mean 50    Suficiente (≤ 50) 0,5 × 2 = 1
 *   C3  6/10 = 60 · 14/20 = 70  → mean 65    Bom        0,75 × 2 = 1,5
 *   C4  5/20 = 25 · 10/40 = 25  → mean 25    Regular (≤ 25) 0,25 × 1 = 0,25
 *   C5 15/25 = 60 · 11/25 = 44  → mean 52    Bom        0,75 × 1 = 0,75
 *   C6 —
 *   C7  2/20 = 10 ·  4/20 = 20  → mean 15    Regular    0,25 × 2 = 0,5
 *   Σ factor × weight = 5,0 over the nine weights of the six indicators with a result.
 */
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import type { SheetData } from "../../src/workbook/model";
import { sheet } from "./fixtures";

export const MUNICIPALITY = { code: "355070", name: "SÃO SEBASTIÃO", uf: "SP" };

/** The co-financing indicators as the SIAPS titles name them. */
export const SIAPS_NAMES: Record<string, string> = {
  C1: "Mais acesso à Atenção Primária à Saúde",
  C2: "Cuidado no desenvolvimento infantil",
  C3: "Cuidado na gestação e puerpério",
  C4: "Cuidado da pessoa com diabetes",
  C5: "Cuidado da pessoa com hipertensão",
  C6: "Cuidado da pessoa idosa",
  C7: "Cuidado da mulher na prevenção do câncer",
};

export interface SiapsTeam {
  cnes: string;
  establishment: string;
  ine: string;
  name: string;
  acronym: string;
}

export const CENTRO: SiapsTeam = {
  cnes: "2049953",
  establishment: "UBS CENTRO",
  ine: "0000123456",
  name: "ESF CENTRO",
  acronym: "eSF",
};
export const JARDIM: SiapsTeam = {
  cnes: "2049961",
  establishment: "USF JARDIM",
  ine: "0000654321",
  name: "ESF JARDIM",
  acronym: "eSF",
};

/** One month of one team: numerator, denominator, and the export's class of numerator ÷ denominator × 100. */
export interface SiapsFigure {
  numerator: number;
  denominator: number;
  /** The export's `Classificação`. */
  label: string;
}

export type Month = "MAI/26" | "JUN/26";
export const MONTHS: Month[] = ["MAI/26", "JUN/26"];

const f = (numerator: number, denominator: number, label: string): SiapsFigure => ({ numerator, denominator, label });

/** ESF CENTRO's months (see the module's note). June's C2 class is the export's disagreement with the rules. */
export const CENTRO_DATA: Record<string, Record<Month, SiapsFigure>> = {
  C1: { "MAI/26": f(9, 20, "Bom"), "JUN/26": f(22, 40, "Ótimo") },
  C2: { "MAI/26": f(16, 20, "Ótimo"), "JUN/26": f(18, 20, "Bom") },
  C3: { "MAI/26": f(7, 10, "Bom"), "JUN/26": f(21, 25, "Ótimo") },
  C4: { "MAI/26": f(12, 30, "Suficiente"), "JUN/26": f(9, 30, "Suficiente") },
  C5: { "MAI/26": f(4, 20, "Regular"), "JUN/26": f(2, 20, "Regular") },
  C6: { "MAI/26": f(19, 25, "Ótimo"), "JUN/26": f(16, 20, "Ótimo") },
  C7: { "MAI/26": f(30, 30, "Ótimo"), "JUN/26": f(27, 30, "Ótimo") },
};

/** ESF JARDIM's months: no C6 (see the module's note). */
export const JARDIM_DATA: Record<string, Record<Month, SiapsFigure>> = {
  C1: { "MAI/26": f(30, 40, "Regular"), "JUN/26": f(13, 20, "Ótimo") },
  C2: { "MAI/26": f(10, 20, "Suficiente"), "JUN/26": f(5, 10, "Suficiente") },
  C3: { "MAI/26": f(6, 10, "Bom"), "JUN/26": f(14, 20, "Bom") },
  C4: { "MAI/26": f(5, 20, "Regular"), "JUN/26": f(10, 40, "Regular") },
  C5: { "MAI/26": f(15, 25, "Bom"), "JUN/26": f(11, 25, "Suficiente") },
  C7: { "MAI/26": f(2, 20, "Regular"), "JUN/26": f(4, 20, "Regular") },
};

/** One row of an export: a team, its figures, and optional oddities of the published files. */
export interface SiapsRow {
  team: SiapsTeam;
  figure: SiapsFigure;
  /** Cells more after the establishment's (its name cut in two: `UBS CENTRO` `ANEXO`), left of the team. */
  middle?: string[];
  /** Cells more after the class (`"\t0\t";"\tS\t"`). */
  trailing?: string[];
  /** The ratio as written, when not numerator ÷ denominator × 100 (a wrong export). */
  ratio?: string;
}

export interface SiapsFile {
  indicator: string;
  month: Month;
  rows: SiapsRow[];
  /** `Qualidade` unless told (`Vínculo e Acompanhamento Territorial`). */
  component?: string;
  /** Without the numerator and denominator columns: the ratio only. */
  ratioOnly?: boolean;
  /** Without the `Classificação` column. */
  noClass?: boolean;
  /** Without the `Indicador selecionado` line and with a module line naming no indicator. */
  noIndicatorInTitle?: boolean;
}

const pt = (n: number, decimals = 2) =>
  n.toLocaleString("pt-BR", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });

/** The export as lines of cells (titles one cell each), before quoting. */
export function siapsCells(file: SiapsFile): { titles: string[]; header: string[]; rows: string[][] } {
  const component = file.component ?? "Qualidade";
  const titles = [
    "Ministério da Saúde - MS",
    "Dado gerado em: 14/07/2026 09:12",
    file.noIndicatorInTitle
      ? `Módulo Relatórios - Componente ${component}`
      : `Módulo Relatórios - Componente ${component} | ${file.indicator}`,
    `UF: ${MUNICIPALITY.uf}`,
    `Município: ${MUNICIPALITY.code} / ${MUNICIPALITY.name}`,
    `Competência selecionada: ${file.month}`,
    ...(file.noIndicatorInTitle ? [] : [`Indicador selecionado: ${file.indicator}`]),
    "Visualizacao: Equipe",
  ];
  const header = [
    "Competência/Ano",
    "UF",
    "IBGE Município",
    "Nome Município",
    "Condição de Equipe",
    "CNES",
    "ESTABELECIMENTO",
    "TIPO DE EQUIPE",
    "INE",
    "NOME DA EQUIPE",
    "SIGLA DA EQUIPE",
    ...(file.ratioOnly ? [] : ["Numerador", "Denominador"]),
    "Resultado (%)",
    ...(file.noClass ? [] : ["Classificação"]),
  ];
  const rows = file.rows.map((r) => {
    const ratio = r.ratio ?? pt((r.figure.numerator / r.figure.denominator) * 100);
    const establishment = [r.team.establishment, ...(r.middle ?? [])];
    return [
      file.month,
      MUNICIPALITY.uf,
      MUNICIPALITY.code,
      MUNICIPALITY.name,
      "Homologada",
      r.team.cnes,
      ...establishment,
      r.team.acronym === "eSB" ? "72 - eSB" : "70 - eSF",
      r.team.ine,
      r.team.name,
      r.team.acronym,
      ...(file.ratioOnly ? [] : [String(r.figure.numerator), String(r.figure.denominator)]),
      ratio,
      ...(file.noClass ? [] : [r.figure.label]),
      ...(r.trailing ?? []),
    ];
  });
  return { titles, header, rows };
}

/** The export as CSV text: quoted title lines, a quoted header, data cells quoted and padded with tabs. */
export function siapsText(file: SiapsFile): string {
  const { titles, header, rows } = siapsCells(file);
  const q = (s: string) => `"${s}"`;
  const lines = [
    ...titles.map(q),
    "",
    header.map(q).join(";"),
    ...rows.map((cells) => cells.map((c) => q(`\t${c}\t`)).join(";")),
    "",
  ];
  return lines.join("\r\n");
}

/** The CSV bytes, in Latin-1 (as most national exports) or UTF-8 (with a BOM when `bom`). */
export function siapsCsv(file: SiapsFile, encoding: "latin1" | "utf-8", bom = false): Buffer {
  const text = siapsText(file);
  if (encoding === "latin1") return Buffer.from(text, "latin1");
  return Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, "utf8")]);
}

/** The same content as a workbook: titles in column A, a blank row, the header, the rows (all text, as saved from the CSV). */
export function addSiapsSheet(book: ExcelJS.Workbook, name: string, file: SiapsFile): void {
  const ws = book.addWorksheet(name);
  const { titles, header, rows } = siapsCells(file);
  for (const t of titles) ws.addRow([t]);
  ws.addRow([]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
}

export async function siapsXlsx(...sheets: [string, SiapsFile][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, file] of sheets) addSiapsSheet(book, name, file);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * The export of one indicator and month for both teams (JARDIM has no C6). `extra`: ESF CENTRO's row has a
 * cell more after the establishment (`middle`) or two after the class (`trailing`).
 */
export function teamsFile(code: string, month: Month, extra?: "middle" | "trailing"): SiapsFile {
  const odd = extra === "middle" ? { middle: ["ANEXO"] } : extra === "trailing" ? { trailing: ["0", "S"] } : {};
  const rows: SiapsRow[] = [{ team: CENTRO, figure: CENTRO_DATA[code][month], ...odd }];
  if (JARDIM_DATA[code]) rows.push({ team: JARDIM, figure: JARDIM_DATA[code][month] });
  return { indicator: SIAPS_NAMES[code], month, rows };
}

/** An oral-health (eSB) export: indicator B1, one eSB team. */
export function oralHealthFile(month: Month): SiapsFile {
  const team: SiapsTeam = {
    cnes: "2049953",
    establishment: "UBS CENTRO",
    ine: "0000777777",
    name: "ESB CENTRO",
    acronym: "eSB",
  };
  return {
    indicator: "B1 - Primeira consulta odontológica programática",
    month,
    rows: [{ team, figure: f(12, 40, "Bom") }],
  };
}

/** A *Vínculo e Acompanhamento Territorial* export. */
export function vinculoFile(month: Month): SiapsFile {
  return {
    component: "Vínculo e Acompanhamento Territorial",
    indicator: "Cadastro e acompanhamento territorial",
    month,
    rows: [{ team: CENTRO, figure: f(3000, 3500, "Ótimo") }],
  };
}

/** The files of a folder as a coordinator downloads them (see `writeSiapsFolder`). */
export async function siapsFolderFiles(): Promise<{ name: string; bytes: Buffer }[]> {
  const files: { name: string; bytes: Buffer }[] = [];
  for (const code of ["C1", "C2", "C3", "C4", "C5", "C6", "C7"]) {
    for (const month of MONTHS) {
      const name = `${code}_${month.replace("/", "-")}`;
      const extra =
        code === "C3" && month === "JUN/26" ? "middle" : code === "C4" && month === "MAI/26" ? "trailing" : undefined;
      const file = teamsFile(code, month, extra);
      if (code === "C7" && month === "JUN/26")
        files.push({ name: `${name}.xlsx`, bytes: await siapsXlsx(["Relatório", file]) });
      else
        files.push({
          name: `${name}.csv`,
          bytes: siapsCsv(file, month === "MAI/26" ? "latin1" : "utf-8", code === "C1"),
        });
    }
  }
  files.push({ name: "B1_JUN-26.csv", bytes: siapsCsv(oralHealthFile("JUN/26"), "latin1") });
  files.push({ name: "Vinculo_JUN-26.csv", bytes: siapsCsv(vinculoFile("JUN/26"), "latin1") });
  return files;
}

/**
 * Writes the folder: the fourteen exports of C1–C7 for May and June 2026 (May's in Latin-1, June's in UTF-8,
 * C1 of June with a BOM, C7 of June saved as a workbook; C3 of June with a cell more in ESF CENTRO's row
 * after the establishment, C4 of May with two more after the class), an oral-health (eSB) export and a
 * Vínculo one. Returns the names written.
 */
export async function writeSiapsFolder(dir: string): Promise<string[]> {
  const files = await siapsFolderFiles();
  for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.bytes);
  return files.map((f) => f.name);
}

/** The export as a sheet of an open workbook (pasted or opened in Excel): titles in column A, then the table. */
export function siapsSheet(name: string, file: SiapsFile): SheetData {
  const { titles, header, rows } = siapsCells(file);
  return sheet(name, [...titles.map((t) => [t]), [], header, ...rows]);
}

/** The fourteen exports of C1–C7 for May and June as sheets of one workbook (June's C2 class of ESF CENTRO wrong). */
export function siapsSheets(): SheetData[] {
  return ["C1", "C2", "C3", "C4", "C5", "C6", "C7"].flatMap((code) =>
    MONTHS.map((m) => siapsSheet(`${code} ${m.replace("/", "-")}`, teamsFile(code, m))),
  );
}
