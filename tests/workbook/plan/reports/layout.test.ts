/** How many lines a wrapped text takes, as the report layouts size their rows. */
import fc from "fast-check";
import { linesFor } from "../../../../src/workbook/plan/reports/layout";

describe("linesFor", () => {
  it("wraps whole words, as the spreadsheet programs do", () => {
    // Width 22 holds floor(22 / 1.1) = 20 characters a line. "Pontualidade na entrega dos relatórios"
    // is 38 characters: by characters alone 38 ÷ 20 → 2 lines, but whole words give "Pontualidade na" (15;
    // adding " entrega" makes 23) / "entrega dos" (11; " relatórios" makes 22) / "relatórios": 3 lines.
    expect(linesFor("Pontualidade na entrega dos relatórios", 22)).toBe(3);
    // Bold letters are wider: floor(22 / 1.2) = 18 a line; "Atingimento global" is 18: one line.
    expect(linesFor("Atingimento global", 22, true)).toBe(1);
    // A line break starts a line; an empty paragraph still takes one.
    expect(linesFor("a\n\nb", 22)).toBe(3);
    // A word longer than a line is broken: 45 characters at 20 a line → 3 lines.
    expect(linesFor("x".repeat(45), 22)).toBe(3);
  });

  it("never gives fewer lines than the characters need, nor fewer than one per paragraph", () => {
    fc.assert(
      fc.property(
        // Words as texts have them: no empty ones (no double or leading spaces).
        fc.array(fc.stringMatching(/^[a-zé]{1,14}$/), { maxLength: 30 }),
        fc.integer({ min: 1, max: 80 }),
        (words, width) => {
          const text = words.join(" ");
          const perLine = Math.max(1, Math.floor(width / 1.1));
          const letters = words.join("").length;
          const lines = linesFor(text, width);
          // No line holds more than perLine letters (the space where a line breaks is not printed)…
          expect(lines).toBeGreaterThanOrEqual(Math.max(1, Math.ceil(letters / perLine)));
          // …and every line holds at least one.
          expect(lines).toBeLessThanOrEqual(Math.max(1, letters));
        },
      ),
    );
  });
});
