/**
 * The blank workbook package (src/hosts/file/xlsx/blankWorkbook.ts), the base of the consolidated workbook:
 * read back by ExcelJS, by the file host's own reader and by openpyxl (warnings as errors), alone and once
 * the package writer has put a plan's sheets in it.
 */
import { execFile } from "child_process";
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { promisify } from "util";
import { blankWorkbook } from "../../../../src/hosts/file/xlsx/blankWorkbook";
import { patchPackage } from "../../../../src/hosts/file/xlsx/patch";
import { openZip } from "../../../../src/hosts/file/xlsx/stream/zip";
import { readWorkbookBytes } from "../../../../src/hosts/file/xlsx/read";
import type { WritePlan } from "../../../../src/workbook/plan/types";
import { tempDir, workbookOf } from "./helpers";

const run = promisify(execFile);

/** A name with every character XML escapes in an attribute or text (and a valid sheet name: ≤ 31, no `[]:*?/\`). */
const NAME = `Consolidado & "Cia" <1>`;
const MADE = new Date(Date.UTC(2026, 2, 5, 14, 30, 15, 999));

async function excel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The plan the consolidation writes, cut down: its sheet replaces the blank one, a second sheet is added. */
const plan: WritePlan = {
  owned: [],
  rules: [],
  problems: [],
  summaries: [
    {
      name: NAME,
      rows: [
        [{ value: "Município" }, { value: "Atingimento" }],
        [{ value: "Lavras" }, { value: 0.8, numberFormat: "0.0%" }],
      ],
      merges: [],
      widths: [26, 13],
      print: { orientation: "landscape" },
    },
    {
      name: "Falhas",
      rows: [[{ value: "Nenhuma falha" }]],
      merges: [],
      widths: [36],
      print: { orientation: "portrait" },
    },
  ],
};

describe("blankWorkbook", () => {
  test("one empty sheet with the name given, read back by ExcelJS and by the file host's reader", async () => {
    const bytes = blankWorkbook(NAME, MADE);
    const wb = await excel(bytes);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([NAME]);
    expect(wb.worksheets[0].actualRowCount).toBe(0);
    // The milliseconds are dropped: the document properties hold whole seconds.
    expect(wb.created).toEqual(new Date(Date.UTC(2026, 2, 5, 14, 30, 15)));
    const read = workbookOf(await readWorkbookBytes(bytes, "branco.xlsx"));
    expect(read.sheets.map((s) => [s.name, s.rows.length])).toEqual([[NAME, 0]]);
  });

  test("Calibri 11 is the default font, and the theme is Office's (a chart's gridlines take their colour from it)", () => {
    const zip = openZip(blankWorkbook(NAME, MADE));
    const parts = new Map([...zip.entries.keys()].map((name) => [name, zip.text(name)!]));
    expect(parts.get("xl/styles.xml")).toContain('<sz val="11"/><color theme="1"/><name val="Calibri"/>');
    expect(parts.get("xl/theme/theme1.xml")).toContain(
      '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme">',
    );
    expect(parts.get("xl/_rels/workbook.xml.rels")).toContain('Target="theme/theme1.xml"');
    expect(parts.get("[Content_Types].xml")).toContain('PartName="/xl/theme/theme1.xml"');
  });

  test("the package writer replaces its sheet with the plan's and adds the others", async () => {
    const out = await patchPackage(blankWorkbook(NAME, MADE), plan);
    const wb = await excel(out);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([NAME, "Falhas"]);
    const ws = wb.getWorksheet(NAME)!;
    expect(ws.getCell("A2").value).toBe("Lavras");
    expect(ws.getCell("B2").value).toBe(0.8);
    expect(ws.getCell("B2").numFmt).toBe("0.0%");
    expect(wb.getWorksheet("Falhas")!.getCell("A1").value).toBe("Nenhuma falha");
    // Office's list of sheet titles follows the sheets.
    const app = openZip(out).text("docProps/app.xml")!;
    expect(app).toContain('<vt:lpstr>Consolidado &amp; "Cia" &lt;1&gt;</vt:lpstr><vt:lpstr>Falhas</vt:lpstr>');
  });

  const python = fs.existsSync("/usr/bin/python3") ? test : test.skip;
  python("openpyxl loads the blank package and the patched one with warnings as errors", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const blank = path.join(dir, "branco.xlsx");
      const patched = path.join(dir, "consolidado.xlsx");
      fs.writeFileSync(blank, blankWorkbook(NAME, MADE));
      fs.writeFileSync(patched, await patchPackage(blankWorkbook(NAME, MADE), plan));
      const script = [
        "import sys, warnings",
        "warnings.simplefilter('error')",
        "import openpyxl",
        "for f in sys.argv[1:]:",
        "    wb = openpyxl.load_workbook(f)",
        "    print('|'.join(wb.sheetnames))",
      ].join("\n");
      let stdout: string;
      try {
        ({ stdout } = await run("/usr/bin/python3", ["-c", script, blank, patched], { timeout: 60_000 }));
      } catch (e) {
        const err = e as { stderr?: string };
        if (err.stderr?.includes("No module named 'openpyxl'"))
          return console.warn("openpyxl is not installed: skipped");
        throw new Error(err.stderr ?? String(e));
      }
      expect(stdout.trim().split("\n")).toEqual([NAME, `${NAME}|Falhas`]);
    } finally {
      cleanup();
    }
  });
});
