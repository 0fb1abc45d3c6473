/**
 * The package patcher on a corpus of real workbooks (tests/fixtures/fidelity, made by LibreOffice through
 * make.py; the example workbook, written by ExcelJS; an evaluated copy of it): each one is evaluated as the
 * command does (read, pipeline, plan) and written, then
 *
 * - every part the plan does not touch is in the output with the same compressed bytes;
 * - the owned cells and the summary read back as the plan has them;
 * - a second run on the output gives the same bytes;
 * - openpyxl (an independent reader) loads every output with warnings turned into errors, and LibreOffice
 *   prints every one to PDF.
 */
import { execFile } from "child_process";
import fs from "fs";
import path from "path";
import { promisify } from "util";
import zlib from "zlib";
import { buildPlan } from "../../../../src/workbook/plan/build";
import type { WritePlan } from "../../../../src/workbook/plan/types";
import { runPipeline } from "../../../../src/workbook/pipeline";
import { openZip } from "../../../../src/hosts/file/xlsx/stream/zip";
import { readWorkbookBytes, readWorkbookFile } from "../../../../src/hosts/file/xlsx/read";
import { defaultOutputPath, evaluatedBytes, writeEvaluatedFile } from "../../../../src/hosts/file/xlsx/write";
import type { WorkbookData } from "../../../../src/workbook/model";
import { artifactsDir, convertAllWithLibreOffice, withLibreOffice } from "../../../support/libreoffice";
import { sheetOf, tempDir, valueAt } from "./helpers";

const run = promisify(execFile);
const FIXTURES = path.join(__dirname, "..", "..", "..", "fixtures", "fidelity");
const EXAMPLE = path.join(__dirname, "..", "..", "..", "..", "assets", "exemplo-contrato.xlsx");

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

interface Evaluated {
  name: string;
  input: Buffer;
  workbook: WorkbookData;
  plan: WritePlan;
  output: Uint8Array;
}

async function evaluate(name: string, input: Buffer): Promise<Evaluated> {
  const read = await readWorkbookBytes(input, name);
  if (read.kind !== "workbook") throw new Error(read.message);
  const result = runPipeline(read.workbook);
  const plan = buildPlan(read.workbook, result, { source: "teste" });
  return { name, input, workbook: read.workbook, plan, output: await evaluatedBytes(read.source, plan) };
}

/** Each part of an archive by name: its CRC and its compressed bytes as stored. */
function byName(bytes: Uint8Array): Map<string, { name: string; crc: number; raw: Buffer }> {
  const zip = openZip(bytes);
  return new Map([...zip.entries.values()].map((e) => [e.name, { name: e.name, crc: e.crc, raw: zip.raw(e.name)! }]));
}

/** The parts a plan may change: the workbook's lists of sheets and styles, and the sheets that get owned columns. */
function mayChange(ev: Evaluated): Set<string> {
  // The shared strings too: an empty text is written as the one shared string (see patch/strings).
  const parts = new Set([
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "[Content_Types].xml",
    "docProps/app.xml",
    "xl/styles.xml",
    "xl/sharedStrings.xml",
  ]);
  // Sheet parts by position: every corpus file keeps the sheetN.xml numbering of its tab order.
  const names = ev.workbook.sheets.map((s) => s.name);
  for (const block of ev.plan.owned) parts.add(`xl/worksheets/sheet${names.indexOf(block.sheet) + 1}.xml`);
  return parts;
}

const CORPUS = [
  "chart.xlsx",
  "pivot.xlsx",
  "comments.xlsx",
  "validation.xlsx",
  "image.xlsx",
  "names.xlsx",
  "frozen.xlsx",
  "protected.xlsx",
  "hidden.xlsx",
  "macros.xlsm",
];

describe("the package patcher on the fidelity corpus", () => {
  const evaluated = new Map<string, Evaluated>();

  beforeAll(async () => {
    for (const name of CORPUS) evaluated.set(name, await evaluate(name, fs.readFileSync(path.join(FIXTURES, name))));
    // Written by ExcelJS: the example workbook the project ships; and an evaluated copy of it.
    const example = await evaluate("exemplo-contrato.xlsx", fs.readFileSync(EXAMPLE));
    evaluated.set("exemplo-contrato.xlsx", example);
    evaluated.set(
      "exemplo-contrato.avaliado.xlsx",
      await evaluate("exemplo-contrato.avaliado.xlsx", Buffer.from(example.output)),
    );
  }, 60_000);

  test("every file has a table the detection finds, so each one gets owned columns and a summary", () => {
    for (const ev of evaluated.values()) {
      expect([ev.name, ev.plan.owned.length > 0, ev.plan.summaries.length > 0]).toEqual([ev.name, true, true]);
    }
  });

  test.each([...CORPUS, "exemplo-contrato.xlsx", "exemplo-contrato.avaliado.xlsx"])(
    "%s: every part the plan does not touch is copied byte for byte",
    (name) => {
      const ev = evaluated.get(name)!;
      const before = byName(ev.input).values();
      const after = byName(ev.output);
      const changing = mayChange(ev);
      // An evaluated input already holds the add-in's summary sheets, drawings and charts: those are replaced.
      const summaryParts = /^xl\/(worksheets\/(_rels\/)?sheet[3-9]\d*\.xml(\.rels)?|drawings\/.*|charts\/.*)$/;
      for (const part of before) {
        if (changing.has(part.name)) continue;
        if (name === "exemplo-contrato.avaliado.xlsx" && summaryParts.test(part.name)) continue;
        const out = after.get(part.name);
        expect([part.name, out !== undefined]).toEqual([part.name, true]);
        // Same compressed bytes, same CRC: the part was neither inflated nor deflated.
        expect([part.name, out!.crc, Buffer.compare(Buffer.from(out!.raw), Buffer.from(part.raw))]).toEqual([
          part.name,
          part.crc,
          0,
        ]);
      }
    },
  );

  test("the parts each feature lives in are there, unchanged", () => {
    const kept = (name: string, part: string) => {
      const ev = evaluated.get(name)!;
      const a = byName(ev.input).get(part);
      const b = byName(ev.output).get(part);
      return a !== undefined && b !== undefined && Buffer.compare(Buffer.from(a.raw), Buffer.from(b.raw)) === 0;
    };
    expect(kept("chart.xlsx", "xl/charts/chart1.xml")).toBe(true);
    expect(kept("pivot.xlsx", "xl/pivotTables/pivotTable1.xml")).toBe(true);
    expect(kept("pivot.xlsx", "xl/pivotCache/pivotCacheDefinition1.xml")).toBe(true);
    expect(kept("comments.xlsx", "xl/comments1.xml")).toBe(true);
    expect(kept("image.xlsx", "xl/media/image1.png")).toBe(true);
    expect(kept("macros.xlsm", "xl/vbaProject.bin")).toBe(true);
  });

  test("what lives inside a changed sheet or the workbook part survives: validation, pane, protection, names, hidden states", () => {
    const xml = (name: string, part: string) =>
      zlib.inflateRawSync(byName(evaluated.get(name)!.output).get(part)!.raw).toString("utf8");
    expect(xml("validation.xlsx", "xl/worksheets/sheet1.xml")).toContain('sqref="J4:J57" type="decimal"');
    expect(xml("frozen.xlsx", "xl/worksheets/sheet1.xml")).toContain(
      '<pane xSplit="0" ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>',
    );
    expect(xml("names.xlsx", "xl/workbook.xml")).toContain(">Indicadores!$J$4:$J$57</definedName>");
    const hidden = xml("hidden.xlsx", "xl/workbook.xml");
    expect(hidden).toContain('<sheet name="Apoio" sheetId="3" state="hidden" r:id="rId4"/>');
    expect(hidden).toContain('<sheet name="Tabelas auxiliares" sheetId="4" state="hidden" r:id="rId5"/>');
    // The chart's sheet keeps its drawing; the owned cells go in beside it.
    expect(xml("chart.xlsx", "xl/worksheets/sheet1.xml")).toMatch(/<drawing r:id="rId\d+"\/>/);
  });

  test("the .xlsm keeps its macro-enabled workbook type and gets an .xlsm copy by default", async () => {
    const ev = evaluated.get("macros.xlsm")!;
    const types = zlib.inflateRawSync(byName(ev.output).get("[Content_Types].xml")!.raw).toString("utf8");
    expect(types).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    const input = path.join(dir, "macros.xlsm");
    fs.copyFileSync(path.join(FIXTURES, "macros.xlsm"), input);
    const output = defaultOutputPath(input);
    expect(path.basename(output)).toBe("macros.avaliado.xlsm");
    const read = await readWorkbookFile(input);
    if (read.kind !== "workbook") throw new Error(read.message);
    expect(await writeEvaluatedFile(read.source, ev.plan, output, input)).toEqual({ kind: "written", path: output });
    // An .xlsx name for a workbook with macros is refused: Excel would not open it.
    const wrong = await writeEvaluatedFile(read.source, ev.plan, path.join(dir, "macros.avaliado.xlsx"), input);
    expect(wrong.kind).toBe("failed");
    expect(wrong.kind === "failed" && wrong.message).toContain(".xlsm");
  });

  test("the owned cells and the summary read back as the plan has them", async () => {
    for (const ev of evaluated.values()) {
      const read = await readWorkbookBytes(ev.output, ev.name);
      if (read.kind !== "workbook") throw new Error(read.message);
      for (const block of ev.plan.owned) {
        const sheet = sheetOf(read.workbook, block.sheet);
        const at = (row: number, col: number) => valueAt(sheet, `${String.fromCharCode(64 + col)}${row}`);
        block.headers.forEach((h, j) =>
          expect([ev.name, at(block.headerRow, block.col + j)]).toEqual([ev.name, h.value]),
        );
        block.values.forEach((row, i) =>
          row.forEach((c, j) =>
            expect([ev.name, i, j, at(block.firstRow + i, block.col + j)]).toEqual([ev.name, i, j, c.value]),
          ),
        );
      }
      for (const summary of ev.plan.summaries) {
        const sheet = sheetOf(read.workbook, summary.name);
        summary.rows.forEach((row, r) =>
          row.forEach((c, col) => {
            // An empty text reads back as an empty cell, as from any workbook.
            if (c.value === null || c.value === "") return;
            const got = valueAt(sheet, `${String.fromCharCode(65 + col)}${r + 1}`);
            expect([ev.name, summary.name, r + 1, col + 1, got]).toEqual([
              ev.name,
              summary.name,
              r + 1,
              col + 1,
              c.value,
            ]);
          }),
        );
      }
    }
  });

  test("run twice = run once: the second run on the first's output gives the same bytes", async () => {
    for (const ev of evaluated.values()) {
      const again = await evaluate(ev.name, Buffer.from(ev.output));
      expect([ev.name, Buffer.compare(Buffer.from(again.output), Buffer.from(ev.output))]).toEqual([ev.name, 0]);
    }
  });

  const python = fs.existsSync("/usr/bin/python3") ? test : test.skip;
  python(
    "openpyxl loads every output with warnings as errors",
    async () => {
      const files = [...evaluated.values()].map((ev) => {
        const f = path.join(dir, "openpyxl", ev.name);
        fs.mkdirSync(path.dirname(f), { recursive: true });
        fs.writeFileSync(f, ev.output);
        return f;
      });
      const script = [
        "import sys, warnings",
        "warnings.simplefilter('error')",
        "import openpyxl",
        "for f in sys.argv[1:]:",
        "    wb = openpyxl.load_workbook(f, keep_vba=f.endswith('.xlsm'))",
        "    print(f.rsplit('/', 1)[-1], len(wb.sheetnames))",
      ].join("\n");
      let stdout: string;
      try {
        ({ stdout } = await run("/usr/bin/python3", ["-c", script, ...files], { timeout: 60_000 }));
      } catch (e) {
        const err = e as { stderr?: string };
        if (err.stderr?.includes("No module named 'openpyxl'"))
          return console.warn("openpyxl is not installed: skipped");
        throw new Error(err.stderr ?? String(e));
      }
      expect(stdout.trim().split("\n")).toHaveLength(files.length);
    },
    90_000,
  );

  withLibreOffice()(
    "LibreOffice prints every output to PDF (kept in test-artifacts/fidelity)",
    async () => {
      const out = artifactsDir("fidelity");
      const files = [...evaluated.values()].map((ev) => {
        const f = path.join(out, ev.name.replace(/(\.xlsx|\.xlsm)$/, ".saida$1"));
        fs.writeFileSync(f, ev.output);
        return f;
      });
      await convertAllWithLibreOffice(files, out, "pdf", 240_000);
      for (const f of files) {
        const pdf = f.replace(/\.xls[xm]$/, ".pdf");
        expect([
          path.basename(pdf),
          fs.existsSync(pdf) && fs.readFileSync(pdf).subarray(0, 5).toString("latin1"),
        ]).toEqual([path.basename(pdf), "%PDF-"]);
      }
    },
    300_000,
  );
});
