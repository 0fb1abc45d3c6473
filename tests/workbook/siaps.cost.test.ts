/**
 * What recognising a SIAPS export costs on a sheet that is not one. Every workbook is first asked whether
 * it is an export; `consolidar` asks it of hundreds of contracts, so a contract must be turned away after
 * a look at each row's first cell, not after the search of 40 rows × 128 columns for a team code header
 * that an export's reading needs.
 */
import { readSiapsSheet } from "../../src/workbook/detect/siaps";
import type { CellData, SheetData } from "../../src/workbook/model";
import { sheet } from "./fixtures";
import { CENTRO, JARDIM, siapsCells, siapsSheet, teamsFile } from "./siaps";

/** The sheet with its rows counting every cell read (a numeric index asked of a row). */
function counted(sh: SheetData): { sheet: SheetData; reads: () => number } {
  let reads = 0;
  const rows = sh.rows.map(
    (row) =>
      new Proxy(row, {
        get(target, key, receiver) {
          if (typeof key === "string" && /^\d+$/.test(key)) reads += 1;
          return Reflect.get(target, key, receiver) as CellData | undefined;
        },
      }),
  );
  return { sheet: { ...sh, rows }, reads: () => reads };
}

/** A contract's table: a title, a header opening with `Indicador`, 40 rows of 12 cells. */
function contract(): SheetData {
  const header = ["Indicador", "Código", "Área", "Natureza", "Mês", "Meta", "Resultado", "Peso", "Just.", "Unidade"];
  const rows = Array.from({ length: 40 }, (_, i) => [
    `Indicador ${i + 1}`,
    `I${String(i + 1).padStart(2, "0")}`,
    "Gestão",
    "Desempenho",
    "jan/25",
    "90%",
    0.9,
    1,
    null,
    "UBS Centro",
    "x",
    "y",
  ]);
  return sheet("Indicadores", [["Contrato de Gestão — Município X"], [], [...header, "Obs.", "Fonte"], ...rows]);
}

describe("a sheet that is no SIAPS export", () => {
  test("is turned away after reading about one cell per row of the search window", () => {
    const { sheet: sh, reads } = counted(contract());
    expect(readSiapsSheet(sh)).toBeUndefined();
    // The 40-row window: the title row, a blank row, the header row and 37 data rows. A row is read up to
    // its first filled cell: the title's and each data row's first (1 + 37), the blank row's 12 (none
    // filled). The header's first is `Indicador`, which a split `Indicador` | `selecionado: …` label also
    // starts with, so its 12 cells are read for the joined text (1 + 12); the data rows' `Indicador 1`… are
    // no label. 1 + 37 + 12 + 13 = 63. The search for a team code header would read the 40 rows' 12 cells
    // (480) before any title was looked at.
    expect(reads()).toBe(63);
  });
});

describe("a SIAPS export", () => {
  test("is still read, its two teams with the result of each", () => {
    const reading = readSiapsSheet(siapsSheet("C6", teamsFile("C6", "MAI/26")));
    // C6 in May: ESF CENTRO 19/25 = 76, ESF JARDIM has no row in the C6 exports (the fixture's data).
    expect(reading?.table?.rows.map((r) => [r.unitCode, r.result?.value])).toEqual([[CENTRO.ine, "76,00"]]);
  });

  test("is still read when its `Indicador selecionado:` label is split over two cells", () => {
    const { titles, header, rows } = siapsCells(teamsFile("C2", "JUN/26"));
    // `Indicador selecionado: X` written as `Indicador` | `selecionado: X`, and the module and competence
    // lines left out: that label is the only one of SIAPS's own (with `Município:`, two labels make an export).
    const split = titles
      .filter((t) => !t.startsWith("Módulo") && !t.startsWith("Competência"))
      .map((t) => (t.startsWith("Indicador selecionado") ? ["Indicador", t.slice(10)] : [t]));
    const reading = readSiapsSheet(sheet("C2", [...split, [], header, ...rows]));
    // C2 in June: ESF CENTRO 18/20 = 90, ESF JARDIM 5/10 = 50.
    expect(reading?.table?.rows.map((r) => [r.unitCode, r.result?.value])).toEqual([
      [CENTRO.ine, "90,00"],
      [JARDIM.ine, "50,00"],
    ]);
  });
});
