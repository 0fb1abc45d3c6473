import fc from "fast-check";
import { columnIndex, columnLetter, fromA1, fromA1Range, toA1, toA1Range, MAX_COLUMN } from "../../src/workbook/a1";

describe("columnLetter / columnIndex", () => {
  it.each([
    [1, "A"],
    [26, "Z"], // last single letter
    [27, "AA"], // 26 + 1
    [52, "AZ"], // 26 + 26
    [53, "BA"], // 2 × 26 + 1
    [702, "ZZ"], // 26 × 26 + 26
    [703, "AAA"], // 26² + 26 + 1
    [16384, "XFD"], // 24 × 676 + 6 × 26 + 4 = 16224 + 156 + 4
  ])("%i ↔ %s", (col, letters) => {
    expect(columnLetter(col)).toBe(letters);
    expect(columnIndex(letters)).toBe(col);
  });

  it("reads lower case and surrounding spaces", () => {
    expect(columnIndex(" ab ")).toBe(28); // A=1 → 26 + 2
  });

  it("refuses what is not a column", () => {
    for (const bad of ["", "A1", "1", "ABCD", "XFE", "Ç", "-"]) expect(columnIndex(bad)).toBeUndefined();
    expect(() => columnLetter(0)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
  });

  it("round-trips every column up to XFD", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_COLUMN }), (col) => columnIndex(columnLetter(col)) === col));
  });
});

describe("toA1 / fromA1", () => {
  it("writes and reads addresses", () => {
    expect(toA1(7, 5)).toBe("E7");
    expect(toA1(12, 28)).toBe("AB12");
    expect(fromA1("E7")).toEqual({ row: 7, col: 5 });
    expect(fromA1("$AB$12")).toEqual({ row: 12, col: 28 });
    expect(fromA1("e7")).toEqual({ row: 7, col: 5 });
  });

  it("refuses what is not an address", () => {
    for (const bad of ["", "7E", "E0", "E", "7", "A1:B2", "XFE1"]) expect(fromA1(bad)).toBeUndefined();
    expect(() => toA1(0, 1)).toThrow(RangeError);
  });

  it("round-trips", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_048_576 }), fc.integer({ min: 1, max: MAX_COLUMN }), (row, col) => {
        expect(fromA1(toA1(row, col))).toEqual({ row, col });
      }),
    );
  });
});

describe("fromA1Range / toA1Range", () => {
  it("reads ranges, single cells, sheet prefixes and reversed corners", () => {
    expect(fromA1Range("A1:F10")).toEqual({ top: 1, left: 1, bottom: 10, right: 6 });
    expect(fromA1Range("B2")).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(fromA1Range("'Plan 1'!$C$3:$D$9")).toEqual({ top: 3, left: 3, bottom: 9, right: 4 });
    expect(fromA1Range("F10:A1")).toEqual({ top: 1, left: 1, bottom: 10, right: 6 });
    expect(toA1Range({ top: 3, left: 2, bottom: 9, right: 5 })).toBe("B3:E9");
  });

  it("refuses broken ranges", () => {
    for (const bad of ["", "A1:", "A1:B2:C3", "1:2", "A:B"]) expect(fromA1Range(bad)).toBeUndefined();
  });
});

describe("fromA1 read character by character", () => {
  /** The rule as a pattern: an optional `$`, 1–3 letters, an optional `$`, 1–7 digits; a row ≥ 1, a column ≤ XFD. */
  function byPattern(address: string): { row: number; col: number } | undefined {
    const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
    if (!match) return undefined;
    const col = columnIndex(match[1]);
    const row = Number(match[2]);
    return col === undefined || row < 1 ? undefined : { row, col };
  }

  test("property: reads what the pattern reads, and nothing else", () => {
    const piece = fc.constantFrom("A", "x", "Z", "$", "0", "1", "9", " ", "é", ":", "!");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const address = pieces.join("");
        expect(fromA1(address)).toEqual(byPattern(address));
      }),
      { numRuns: 3000 },
    );
  });
});
