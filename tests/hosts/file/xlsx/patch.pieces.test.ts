/**
 * The sheet patcher fed in pieces (as a large sheet is inflated): however the sheet's bytes are cut, even
 * inside a row, a tag, a multi-byte character or the `</sheetData>` the rows end on, the part it deflates
 * inflates to exactly what patching the whole text at once gives, with the CRC-32 and size of those bytes.
 */
import fc from "fast-check";
import zlib from "zlib";
import type { ConditionalRule, OwnedColumns } from "../../../../src/workbook/plan/types";
import { PieceDeflater } from "../../../../src/hosts/file/xlsx/patch/deflate";
import { patchSheet, patchSheetPart } from "../../../../src/hosts/file/xlsx/patch/sheet";
import { SharedStrings } from "../../../../src/hosts/file/xlsx/patch/strings";
import { StyleBook } from "../../../../src/hosts/file/xlsx/patch/styles";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A sheet of `rows` rows (B holds a text with accents, so characters of 2 bytes are cut too), a merge and a rule after them. */
function sheetXml(p: string, rows: number): string {
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ""}="${MAIN}"><${p}dimension ref="A1:B${rows}"/><${p}sheetData>`;
  for (let r = 1; r <= rows; r++)
    xml += `<${p}row r="${r}"><${p}c r="A${r}"><${p}v>${r}</${p}v></${p}c><${p}c r="B${r}" t="inlineStr"><${p}is><${p}t>Unidade ção ${r}</${p}t></${p}is></${p}c></${p}row>`;
  return (
    xml +
    `</${p}sheetData><${p}mergeCells count="1"><${p}mergeCell ref="C3:D4"/></${p}mergeCells>` +
    `<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>`
  );
}

function plan(rows: number): { blocks: OwnedColumns[]; rules: ConditionalRule[] } {
  const values = Array.from({ length: rows - 1 }, (_, i) => [{ value: i % 3 === 0 ? "" : (i % 7) / 7 }]);
  return {
    blocks: [
      { sheet: "S", headerRow: 1, col: 3, headers: [{ value: "Atingimento" }], firstRow: 2, values, widths: [14] },
    ],
    rules: [
      {
        sheet: "S",
        areas: [`C2:C${rows}`],
        conceptClass: "notMet",
        formula: "$C2<0.5",
        priority: 1,
        style: { fill: "FFC7CE" },
      },
    ],
  };
}

/** `bytes` cut at the given sizes (cycled). */
function* cut(bytes: Buffer, sizes: number[]): Generator<Buffer> {
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const n = sizes[i % sizes.length];
    yield bytes.subarray(at, at + n);
    at += n;
  }
}

test("property: the sheet patched in pieces of any size gives the bytes of the sheet patched whole", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom("", "x:"),
      fc.integer({ min: 2, max: 2500 }),
      fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 1, maxLength: 6 }),
      async (p, rows, sizes) => {
        const xml = sheetXml(p, rows);
        const { blocks, rules } = plan(rows);
        // Each run has its own styles and strings: both grow as they are asked for.
        const whole = patchSheet(xml, blocks, rules, new StyleBook(undefined), new SharedStrings(() => undefined));
        const bytes = Buffer.from(xml, "utf8");
        const part = await patchSheetPart(
          () => cut(bytes, sizes),
          blocks,
          rules,
          new StyleBook(undefined),
          new SharedStrings(() => undefined),
        );
        expect(part).toBeDefined();
        const inflated = zlib.inflateRawSync(Buffer.concat(part!.pieces));
        expect(inflated.toString("utf8")).toBe(whole);
        expect(part!.size).toBe(inflated.length);
        expect(part!.crc).toBe(zlib.crc32(inflated) >>> 0);
      },
    ),
    { numRuns: 30 },
  );
}, 60_000);

test("a sheet the plan does not change is not rewritten, in pieces or not", async () => {
  const bytes = Buffer.from(sheetXml("", 50), "utf8");
  const part = await patchSheetPart(
    () => cut(bytes, [100]),
    [],
    [],
    new StyleBook(undefined),
    new SharedStrings(() => undefined),
  );
  expect(part).toBeUndefined();
});

test("an empty self-closing sheetData, in pieces, is opened for the owned rows", async () => {
  const xml = `<worksheet xmlns="${MAIN}"><sheetData/><pageMargins left="0.7"/></worksheet>`;
  const { blocks } = plan(3);
  const whole = patchSheet(xml, blocks, [], new StyleBook(undefined), new SharedStrings(() => undefined));
  const part = await patchSheetPart(
    () => cut(Buffer.from(xml), [5]),
    blocks,
    [],
    new StyleBook(undefined),
    new SharedStrings(() => undefined),
  );
  const text = zlib.inflateRawSync(Buffer.concat(part!.pieces)).toString("utf8");
  expect(text).toBe(whole);
  // The header and the two value rows: row 1's header and rows 2–3's values, after the opened sheetData.
  expect(text).toContain('<sheetData><row r="1">');
  expect(text).toContain("</row></sheetData><pageMargins");
});

test("the fit asked for goes into the user's own sheetPr and pageSetup (with attributes), never a second one", async () => {
  const xml =
    `<worksheet xmlns="${MAIN}"><sheetPr codeName="Plan1"/><dimension ref="A1:B3"/><sheetData>` +
    `<row r="1"><c r="A1"><v>1</v></c></row></sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="portrait"/></worksheet>`;
  const part = await patchSheetPart(
    () => cut(Buffer.from(xml), [7]),
    plan(3).blocks,
    [],
    new StyleBook(undefined),
    new SharedStrings(() => undefined),
    { sheet: "S", fit: { width: 1, height: 0 }, orientation: "landscape" },
  );
  const text = zlib.inflateRawSync(Buffer.concat(part!.pieces)).toString("utf8");
  // One of each: the user's codeName and paper size kept, the fit added to them.
  expect(text.match(/<sheetPr\b/g)).toHaveLength(1);
  expect(text).toContain('<sheetPr codeName="Plan1"><pageSetUpPr fitToPage="1"/></sheetPr>');
  expect(text.match(/<pageSetup\b/g)).toHaveLength(1);
  expect(text).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
});

test("the deflater's pieces hold their own bytes, not zlib's whole output chunk, and inflate to the text", () => {
  // 5 MB of text: three pieces of 2 MB are deflated; each deflates to far less than zlib's 512 KB chunk.
  const line = '<row><c><v>0.853</v></c><c t="inlineStr"><is><t>Unidade Básica ção</t></is></c></row>';
  const text = line.repeat(Math.ceil((5 << 20) / line.length));
  const deflater = new PieceDeflater(1);
  deflater.add(text);
  const part = deflater.finish();
  expect(part.pieces.length).toBe(3);
  // A kept view of the chunk would hold 512 KB each; a small copy may sit in Node's 8 KB pool.
  for (const piece of part.pieces) expect(piece.buffer.byteLength).toBeLessThanOrEqual(Math.max(piece.length, 8192));
  const bytes = Buffer.from(text, "utf8");
  expect(zlib.inflateRawSync(Buffer.concat(part.pieces)).equals(bytes)).toBe(true);
  expect(part.size).toBe(bytes.length);
  expect(part.crc).toBe(zlib.crc32(bytes));
});
