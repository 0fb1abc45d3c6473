/**
 * A CSV's numbers in the evaluated copy (hosts/file/csv/typed): numbers, not numbers stored as text, with a
 * percent format where the CSV writes `%` or the header says `(%)`; codes, titles and headers untouched.
 */
import fc from "fast-check";
import { headerRowsOf, typedSheet } from "../../../../src/hosts/file/csv/typed";
import type { CellData, DetectedTable } from "../../../../src/workbook/model";
import { sheet } from "../../../workbook/fixtures";

const cells = (rows: CellData[][]) =>
  rows.map((r) => r.map((c) => (c.numberFormat ? [c.value, c.numberFormat] : c.value)));

describe("typedSheet", () => {
  const csv = sheet("Painel", [
    ["Indicador: Proporção de gestantes 2022"],
    [],
    ["IBGE", "Município", "2022 Q1 (%)", "Numerador", "Resultado", "INE", "Meta"],
    ["316250", "São João del-Rei", "62", "1.234", "57,14", "0000123456", "≥ 45%"],
    ["316900", "Tiradentes", "48,5", "12", "71%", "0000654321", "n/d"],
  ]);

  test("below the header: numbers as numbers, (%) and % as percentages, decimals and grouping kept; codes and texts stay", () => {
    const typed = typedSheet(csv, [3]);
    expect(cells(typed.rows)).toEqual([
      // The title and the header are text as written (a year in a title is not a number to store).
      ["Indicador: Proporção de gestantes 2022"],
      [],
      ["IBGE", "Município", "2022 Q1 (%)", "Numerador", "Resultado", "INE", "Meta"],
      // `62` under `(%)` is 62%: 0,62 shown `0%`. `1.234` is one thousand two hundred and thirty-four (pt-BR
      // grouping), `57,14` keeps its two decimals; the IBGE code (a code column) and the INE (leading zeros) stay text.
      ["316250", "São João del-Rei", [0.62, "0%"], [1234, "#,##0"], [57.14, "0.00"], "0000123456", "≥ 45%"],
      // `48,5` under `(%)` is 0,485 shown `0.0%`; `71%` is 0,71.
      ["316900", "Tiradentes", [0.485, "0.0%"], 12, [0.71, "0%"], "0000654321", "n/d"],
    ]);
    // The sheet read is not changed.
    expect(csv.rows[3][2].value).toBe("62");
  });

  test("without a header row nothing changes", () => {
    expect(typedSheet(csv, [])).toBe(csv);
  });

  test("the header rows of the tables on the sheet", () => {
    const table = (sheetName: string, headerRow: number) =>
      ({ frames: [{ sheet: sheetName, ref: "A1:B2", headerRow }] }) as unknown as DetectedTable;
    expect(headerRowsOf([table("Painel", 3), table("Outra", 5), table("Painel", 12)], "Painel")).toEqual([3, 12]);
  });

  test("property: any pt-BR number below a plain header becomes that number; never throws on any text", () => {
    const ptBR = fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((n) => Math.round(n * 100) / 100);
    fc.assert(
      fc.property(ptBR, fc.boolean(), (n, grouped) => {
        const text = n.toLocaleString("pt-BR", { useGrouping: grouped, maximumFractionDigits: 2 });
        const typed = typedSheet(sheet("S", [["Valor"], [text]]), [1]);
        const cell = typed.rows[1][0];
        // `-0` (from rounding) is written `-0` and stored as 0.
        expect(cell.value).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.constant(null), fc.double())), { maxLength: 6 }),
        fc.array(fc.integer({ min: -3, max: 8 })),
        (rows, headers) => {
          typedSheet(sheet("S", rows), headers);
        },
      ),
      { numRuns: 200 },
    );
  });
});
