/** The Excel host's small parts: cells and addresses, styles by rectangles, payload sizes and batches. */
import { utf8Bytes, WriteQueue } from "../../../src/hosts/excel/batch";
import { formulaInput, needsTextPrefix, readCell, readValue, splitAreas } from "../../../src/hosts/excel/cells";
import { officeErrorMessage } from "../../../src/hosts/excel/errors";
import { cellProperties, columnWidthPoints, styleRects } from "../../../src/hosts/excel/format";
import { officeStrings } from "../../../src/hosts/excel/messages";

describe("cells", () => {
  it("reads values as the core expects: empty strings as empty, English errors in pt-BR, serials as numbers", () => {
    expect(["", "#N/A", "#VALUE!", "#N/D", "#DIV/0!", 45658, true, "texto"].map(readValue)).toEqual([
      null,
      "#N/D",
      "#VALOR!",
      "#N/D",
      "#DIV/0!",
      45658,
      true,
      "texto",
    ]);
    expect(readCell(0.5, "General")).toEqual({ value: 0.5 });
    expect(readCell("", "0%")).toEqual({ value: null, numberFormat: "0%" });
  });

  it("keeps plan texts as texts with the apostrophe Excel consumes", () => {
    expect(["Sem dado", "2025-T1", "=não", "-", "TRUE", "Verdadeiro", "'citação"].map(needsTextPrefix)).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(formulaInput({ value: "Atingida" })).toBe("Atingida");
    expect(formulaInput({ value: "75,0%" })).toBe("'75,0%");
    expect(formulaInput({ value: 0.75, formula: "=META.ATINGIMENTO(E5,D5)" })).toBe("=META.ATINGIMENTO(E5,D5)");
    expect(formulaInput({ value: null })).toBe("");
    expect(formulaInput(undefined)).toBe("");
  });

  it("splits a RangeAreas address, commas inside quoted sheet names included", () => {
    expect(splitAreas("Plan1!$A$1:$F$1, 'Plano, B'!B3:C3,Plan1!D4")).toEqual(["A1:F1", "B3:C3", "D4"]);
  });
});

describe("styles", () => {
  it("joins runs of one style into rectangles: a header row and a body give two", () => {
    const head = { bold: true };
    const body = { border: true };
    const grid = [
      [head, head, head],
      [body, body, body],
      [body, body, body],
      [undefined, body, body],
    ];
    expect(styleRects(grid).map(({ top, left, bottom, right }) => [top, left, bottom, right])).toEqual([
      [0, 0, 0, 2],
      [1, 0, 2, 0],
      [1, 1, 3, 2],
    ]);
  });

  it("translates a style to setCellProperties and a width to points", () => {
    expect(cellProperties({ bold: true, fill: "#FFFFFF", align: "center", valign: "middle", border: true })).toEqual({
      format: {
        font: { bold: true },
        fill: { color: "#FFFFFF" },
        horizontalAlignment: "Center",
        verticalAlignment: "Center",
        borders: {
          top: { style: "Continuous", weight: "Thin" },
          bottom: { style: "Continuous", weight: "Thin" },
          left: { style: "Continuous", weight: "Thin" },
          right: { style: "Continuous", weight: "Thin" },
        },
      },
    });
    expect(cellProperties(undefined)).toEqual({});
    // Excel's default column (8.43 characters) is 64 pixels, 48 points.
    expect(columnWidthPoints(8.43)).toBe(48);
  });
});

describe("batches", () => {
  it("counts UTF-8 bytes as the request travels", () => {
    expect(utf8Bytes("abc")).toBe(3);
    expect(utf8Bytes("ção")).toBe(5);
    expect(utf8Bytes("😀")).toBe(4);
  });

  it("packs writes in order under the budget, rows filling what room a batch has left", () => {
    const q = new WriteQueue(100);
    const log: string[] = [];
    q.add(30, () => log.push("small"));
    q.addRows([20, 20, 20, 20, 20, 20], 10, (s, e) => log.push(`rows ${s}-${e}`));
    q.add(90, () => log.push("big"));
    const batches = q.batches();
    expect(batches.map((b) => b.size)).toEqual([100, 70, 90]);
    batches.forEach((b, i) => {
      log.push(`sync ${i + 1}`);
      b.writes.forEach((w) => w.queue());
    });
    expect(log).toEqual(["sync 1", "small", "rows 0-3", "sync 2", "rows 3-6", "sync 3", "big"]);
  });

  it("gives a row bigger than the budget a batch of its own", () => {
    const q = new WriteQueue(100);
    q.add(50, () => {});
    q.addRows([500], 10, () => {});
    expect(q.batches().map((b) => b.size)).toEqual([50, 510]);
  });
});

describe("errors", () => {
  it("words Office error codes in pt-BR", () => {
    expect(officeErrorMessage({ code: "InvalidOperationInCellEditMode" })).toBe(officeStrings.cellEditMode);
    expect(officeErrorMessage({ code: "RequestPayloadSizeLimitExceeded" })).toBe(officeStrings.payloadTooLarge);
    expect(officeErrorMessage({ code: "ItemNotFound" })).toBe(officeStrings.itemNotFound);
    expect(officeErrorMessage({ code: "AccessDenied" })).toBe(officeStrings.accessDenied);
    expect(officeErrorMessage({ code: "GeneralException" })).toBe(officeStrings.general("GeneralException"));
    expect(officeErrorMessage(new Error("boom"))).toBe(officeStrings.general("boom"));
  });
});
