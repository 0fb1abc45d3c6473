/** Helpers for the file host's tests: temp dirs, reading cells of a `SheetData` by A1 address, and the sheet parts of a package. */
import fs from "fs";
import os from "os";
import path from "path";
import type JSZip from "jszip";
import type { CellData, SheetData, WorkbookData } from "../../../../src/workbook/model";
import type { ReadWorkbookResult } from "../../../../src/hosts/file/xlsx/read";

/** A fresh temp directory, removed by `cleanup`. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "contratualiza-test-"));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** `B4` → { row: 4, col: 2 }. */
export function decode(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

/** The cell at an A1 address of the sheet (empty when outside the used block). */
export function cellAt(sheet: SheetData, address: string): CellData {
  const { row, col } = decode(address);
  return sheet.rows[row - sheet.origin.row]?.[col - sheet.origin.col] ?? { value: null };
}

export function valueAt(sheet: SheetData, address: string): CellData["value"] {
  return cellAt(sheet, address).value;
}

/** The workbook of a successful read; fails the test with the message otherwise. */
export function workbookOf(result: ReadWorkbookResult): WorkbookData {
  if (result.kind !== "workbook") throw new Error(`expected a workbook, got: ${result.message}`);
  return result.workbook;
}

export function sheetOf(workbook: WorkbookData, name: string): SheetData {
  const sheet = workbook.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name} in ${workbook.sheets.map((s) => s.name).join(", ")}`);
  return sheet;
}

/** Sheet name → its worksheet part in a package, through the workbook part and its relationships. */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new Map(
    [...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const t = target.get(m[2]);
    if (t)
      out.set(
        m[1]
          .replace(/&amp;/g, "&")
          .replace(/&apos;/g, "'")
          .replace(/&quot;/g, '"'),
        t.startsWith("/") ? t.slice(1) : `xl/${t}`,
      );
  }
  return out;
}
