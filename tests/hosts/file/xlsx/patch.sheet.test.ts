/**
 * The sheet patcher on hand-written worksheet XML: the shapes other programs write that ExcelJS never does
 * (a namespace prefix, rows and cells placed by order without `r`, empty rows written as `<row/>`, an empty
 * `<sheetData/>`), the column widths, the dimension and the conditional formats; and a property test:
 * random sheets with extra columns, merges and blank rows beside the table, patched, read back with
 * ExcelJS, give exactly the input's cells plus the owned cells.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { XMLValidator } from "fast-xml-parser";
import { columnLetter } from "../../../../src/workbook/a1";
import type { OwnedColumns, PlanCell } from "../../../../src/workbook/plan/types";
import { patchSheet } from "../../../../src/hosts/file/xlsx/patch/sheet";
import { StyleBook } from "../../../../src/hosts/file/xlsx/patch/styles";
import { evaluatedBytes } from "../../../../src/hosts/file/xlsx/write";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

const block = (over: Partial<OwnedColumns> = {}): OwnedColumns => ({
  sheet: "S",
  headerRow: 1,
  col: 3,
  headers: [{ value: "Atingimento (Contratualiza)" }],
  firstRow: 2,
  values: [[{ value: 0.5 }], [{ value: "B" }]],
  widths: [14],
  ...over,
});

describe("patchSheet: shapes of worksheet XML", () => {
  test("a prefixed sheet whose rows and cells have no r: cells get their place said, the owned ones go in order", () => {
    const xml =
      `<x:worksheet xmlns:x="${MAIN}"><x:dimension ref="A1:B2"/><x:sheetData>` +
      `<x:row><x:c t="inlineStr"><x:is><x:t>Código</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row>` +
      `<x:row><x:c><x:v>2</x:v></x:c><x:c><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c><x:c><x:v>5</x:v></x:c></x:row>` +
      `</x:sheetData></x:worksheet>`;
    const out = patchSheet(xml, [block()], [], new StyleBook(undefined));
    expect(XMLValidator.validate(out)).toBe(true);
    // Row 1: A1, B1 kept (now with r), C1 the header. Row 2: C2 (the user's 4) replaced by 0.5, D2 kept.
    expect(out).toContain(
      `<x:row r="1"><x:c t="inlineStr" r="A1"><x:is><x:t>Código</x:t></x:is></x:c><x:c r="B1"><x:v>1</x:v></x:c>` +
        `<x:c r="C1" s="1" t="inlineStr"><x:is><x:t>Atingimento (Contratualiza)</x:t></x:is></x:c></x:row>`,
    );
    expect(out).toContain(
      `<x:row r="2"><x:c r="A2"><x:v>2</x:v></x:c><x:c r="B2"><x:v>3</x:v></x:c><x:c r="C2" s="1"><x:v>0.5</x:v></x:c><x:c r="D2"><x:v>5</x:v></x:c></x:row>`,
    );
    // Row 3 did not exist: it is made, after row 2.
    expect(out).toContain(
      `<x:row r="3"><x:c r="C3" s="1" t="inlineStr"><x:is><x:t>B</x:t></x:is></x:c></x:row></x:sheetData>`,
    );
    // The dimension grows to the owned block (A1:B2 → A1:C3); the width goes in a new <cols> before sheetData.
    expect(out).toContain(
      `<x:dimension ref="A1:C3"/><x:cols><x:col min="3" max="3" width="14" customWidth="1"/></x:cols><x:sheetData>`,
    );
  });

  test("an empty sheetData and self-closing rows are opened; a row's spans are widened to its cells", () => {
    const empty = patchSheet(
      `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`,
      [block({ values: [] })],
      [],
      new StyleBook(undefined),
    );
    expect(empty).toContain(
      `<sheetData><row r="1"><c r="C1" s="1" t="inlineStr"><is><t>Atingimento (Contratualiza)</t></is></c></row></sheetData>`,
    );
    const rows = patchSheet(
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1" spans="1:1" ht="20" customHeight="1"/><row r="2" spans="1:1"><c r="A2"><v>7</v></c></row></sheetData></worksheet>`,
      [block()],
      [],
      new StyleBook(undefined),
    );
    expect(rows).toContain(`<row r="1" spans="3:3" ht="20" customHeight="1"><c r="C1"`);
    expect(rows).toContain(`<row r="2" spans="1:3"><c r="A2"><v>7</v></c><c r="C2" s="1"><v>0.5</v></c></row>`);
  });

  test("rows patched on their bytes keep them exactly; rows spelt otherwise are read as text", () => {
    // One owned column at C (block: header row 1, values from row 2). Each data row is a shape the byte path
    // must either copy exactly and append to, or hand to the text path.
    const rows = [
      // 2: the usual row, a multi-byte text kept byte for byte: appended.
      `<row r="2" spans="1:2"><c r="A2" t="inlineStr"><is><t>Avaliação ≥ 90%</t></is></c><c r="B2"><v>1</v></c></row>`,
      // 3: the row number in single quotes, no spans: appended (the tag copied as it is).
      `<row r='3'><c r="A3"><v>2</v></c></row>`,
      // 4: a cell reference in lower case: read as text, which rewrites the row with its cells in order.
      `<row r="4"><c r="a4"><v>3</v></c></row>`,
      // 5: the user's cell right of the owned column: read as text, the owned cell goes between.
      `<row r="5"><c r="A5"><v>4</v></c><c r="D5"><v>5</v></c></row>`,
      // 6: something after the last cell: read as text, which keeps it last.
      `<row r="6"><c r="A6"><v>6</v></c><extLst><ext uri="x"/></extLst></row>`,
      // 7: an empty self-closing row with spans: opened, spans from the owned column.
      `<row r="7" spans="1:1"/>`,
    ].join("");
    const values = [2, 3, 4, 5, 6, 7].map((r) => [{ value: r / 10 }]);
    const out = patchSheet(
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>0</v></c></row>${rows}</sheetData></worksheet>`,
      [block({ values })],
      [],
      new StyleBook(undefined),
    );
    expect(XMLValidator.validate(out)).toBe(true);
    const owned = (r: number) => `<c r="C${r}" s="1"><v>${r / 10}</v></c>`;
    // Appended: the row's own text untouched, spans widened from the first column to the owned one.
    expect(out).toContain(
      `<row r="2" spans="1:3"><c r="A2" t="inlineStr"><is><t>Avaliação ≥ 90%</t></is></c><c r="B2"><v>1</v></c>${owned(2)}</row>`,
    );
    expect(out).toContain(`<row r='3'><c r="A3"><v>2</v></c>${owned(3)}</row>`);
    // Read as text: the user's cell kept (its reference as written), the owned cell after it.
    expect(out).toContain(`<row r="4"><c r="a4"><v>3</v></c>${owned(4)}</row>`);
    expect(out).toContain(`<row r="5"><c r="A5"><v>4</v></c>${owned(5)}<c r="D5"><v>5</v></c></row>`);
    expect(out).toContain(`<row r="6"><c r="A6"><v>6</v></c>${owned(6)}<extLst><ext uri="x"/></extLst></row>`);
    expect(out).toContain(`<row r="7" spans="3:3">${owned(7)}</row>`);
  });

  test("a <col> range over an owned column is split, its other attributes kept; a second run changes nothing", () => {
    const styles = new StyleBook(undefined);
    const xml = `<worksheet xmlns="${MAIN}"><cols><col min="1" max="5" width="9" style="3" customWidth="1"/></cols><sheetData/></worksheet>`;
    const once = patchSheet(xml, [block({ values: [] })], [], styles);
    expect(once).toContain(
      `<cols><col min="1" max="2" width="9" style="3" customWidth="1"/><col min="3" max="3" width="14" style="3" customWidth="1"/><col min="4" max="5" width="9" style="3" customWidth="1"/></cols>`,
    );
    expect(patchSheet(once, [block({ values: [] })], [], styles)).toBe(once);
  });

  test("text with markup characters, spaces at the ends and control characters is escaped or dropped", () => {
    const cell: PlanCell = { value: " a<b & c>\u0001 " };
    const out = patchSheet(
      `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`,
      [block({ headers: [cell], values: [] })],
      [],
      new StyleBook(undefined),
    );
    expect(out).toContain(`<t xml:space="preserve"> a&lt;b &amp; c&gt; </t>`);
    expect(XMLValidator.validate(out)).toBe(true);
  });

  test("conditional formats go after the user's, before dataValidations, numbered after the user's priorities", () => {
    const styles = new StyleBook(undefined);
    const xml =
      `<worksheet xmlns="${MAIN}"><sheetData/>` +
      `<conditionalFormatting sqref="A1:A9"><cfRule type="cellIs" dxfId="0" priority="4" operator="lessThan"><formula>0.5</formula></cfRule></conditionalFormatting>` +
      `<conditionalFormatting sqref="C2:C3"><cfRule type="expression" dxfId="0" priority="5"><formula>$C2="old"</formula></cfRule></conditionalFormatting>` +
      `<dataValidations count="1"><dataValidation type="whole" sqref="B2"/></dataValidations></worksheet>`;
    const rule = {
      sheet: "S",
      areas: ["C2:C3"],
      conceptClass: "met" as const,
      formula: '$C2="A"',
      style: { fill: "#C6EFCE", color: "#006100" },
      priority: 1,
    };
    const out = patchSheet(xml, [block()], [rule], styles);
    // The earlier run's expression rule over the owned column is gone; the user's cellIs rule stays first.
    expect(out).not.toContain("old");
    expect(out).toContain(
      `<conditionalFormatting sqref="A1:A9"><cfRule type="cellIs" dxfId="0" priority="4" operator="lessThan"><formula>0.5</formula></cfRule></conditionalFormatting>` +
        `<conditionalFormatting sqref="C2:C3"><cfRule type="expression" dxfId="0" priority="5" stopIfTrue="1"><formula>$C2="A"</formula></cfRule></conditionalFormatting>` +
        `<dataValidations`,
    );
    expect(styles.toXml()).toContain(
      `<dxfs count="1"><dxf><font><color rgb="FF006100"/></font><fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE"/><bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf></dxfs>`,
    );
  });
});

// ---------------------------------------------------------------------------------------------------------

type Value = string | number | null;

const valueArb: fc.Arbitrary<Value> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.constantFrom("A", "B", "Sem dado", " espaço ", "a<b&c>", "ção"),
  fc.constant(null),
);

interface Case {
  cells: { row: number; col: number; value: Exclude<Value, null> }[];
  merges: { top: number; left: number; bottom: number; right: number }[];
  headerRow: number;
  col: number;
  values: Value[][];
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  // Rows 1–30 but only some of them used: the others are blank rows beside the table.
  cells: fc.array(
    fc.record({
      row: fc.integer({ min: 1, max: 30 }),
      col: fc.integer({ min: 1, max: 10 }),
      value: valueArb.filter((v): v is string | number => v !== null),
    }),
    { maxLength: 60 },
  ),
  merges: fc
    .array(
      fc.record({
        top: fc.integer({ min: 1, max: 28 }),
        left: fc.integer({ min: 1, max: 9 }),
        h: fc.integer({ min: 0, max: 2 }),
        w: fc.integer({ min: 0, max: 2 }),
      }),
      { maxLength: 4 },
    )
    .map((ms) =>
      ms
        .map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w }))
        .filter((m) => m.bottom > m.top || m.right > m.left),
    ),
  headerRow: fc.integer({ min: 1, max: 10 }),
  col: fc.integer({ min: 2, max: 9 }),
  values: fc.array(
    fc.tuple(valueArb, valueArb).map((t) => [...t]),
    { maxLength: 20 },
  ),
});

const overlaps = (a: Case["merges"][number], b: Case["merges"][number]) =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

/** Every cell with a value, address → value, as ExcelJS reads it (a merge's covered cells left out). */
function valuesOf(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type !== ExcelJS.ValueType.Merge && cell.value !== null && cell.value !== "")
        out.set(cell.address, cell.value);
    }),
  );
  return out;
}

test("property: patched output read back = the input's cells + the owned cells (merges and blank rows beside the table)", async () => {
  await fc.assert(
    fc.asyncProperty(caseArb, async (c) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Dados");
      for (const cell of c.cells) ws.getCell(cell.row, cell.col).value = cell.value;
      const merges: Case["merges"] = [];
      for (const m of c.merges) {
        if (merges.some((o) => overlaps(o, m))) continue;
        merges.push(m);
        ws.mergeCells(m.top, m.left, m.bottom, m.right);
      }
      const input = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      const before = new ExcelJS.Workbook();
      await before.xlsx.load(input as unknown as ArrayBuffer);
      const expected = valuesOf(before.getWorksheet("Dados")!);

      const headers: PlanCell[] = [{ value: "Atingimento (Contratualiza)" }, { value: "Conceito (Contratualiza)" }];
      const values: PlanCell[][] = c.values.map((row) =>
        row.map((value, j) => (j === 0 && typeof value === "number" ? { value, numberFormat: "0.0%" } : { value })),
      );
      const owned: OwnedColumns = {
        sheet: "Dados",
        headerRow: c.headerRow,
        col: c.col,
        headers,
        firstRow: c.headerRow + 1,
        values,
        widths: [14, 18],
      };
      const covered = (row: number, col: number) =>
        merges.some(
          (m) =>
            m.top <= row && row <= m.bottom && m.left <= col && col <= m.right && (m.top !== row || m.left !== col),
        );
      const write = (row: number, col: number, cell: PlanCell) => {
        if (covered(row, col)) return; // left alone: the merge starts elsewhere
        const address = `${columnLetter(col)}${row}`;
        if (cell.value === null || cell.value === "") expected.delete(address);
        else expected.set(address, cell.value);
      };
      headers.forEach((h, j) => write(c.headerRow, c.col + j, h));
      values.forEach((row, i) => row.forEach((cell, j) => write(c.headerRow + 1 + i, c.col + j, cell)));

      const output = await evaluatedBytes(
        { kind: "package", bytes: input },
        { owned: [owned], rules: [], summaries: [], problems: [] },
      );
      const after = new ExcelJS.Workbook();
      await after.xlsx.load(output as unknown as ArrayBuffer);
      expect(valuesOf(after.getWorksheet("Dados")!)).toEqual(expected);
    }),
    { numRuns: 40 },
  );
}, 60_000);
