const ExcelJS = require("exceljs");
const fs = require("fs");
const { readWorkbookBytes, sheetData } = require("/work/wt/read/lib/workbook/xlsx/read");
const util = require("util");
(async () => {
  for (const f of process.argv.slice(2)) {
    const bytes = fs.readFileSync(f);
    let t = Date.now();
    const r = await readWorkbookBytes(bytes, f);
    const ts = Date.now() - t; t = Date.now();
    const wb = new ExcelJS.Workbook(); await wb.xlsx.load(bytes);
    const ref = wb.worksheets.map(sheetData);
    const te = Date.now() - t;
    if (r.kind !== "workbook") { console.log(f, r); continue; }
    const same = util.isDeepStrictEqual(r.workbook.sheets, ref);
    console.log(f, "stream", ts, "ms exceljs", te, "ms same:", same, r.workbook.unsupported, r.workbook.summaryCharts);
    if (!same) {
      for (let i = 0; i < ref.length; i++) {
        const a = r.workbook.sheets[i], b = ref[i];
        if (util.isDeepStrictEqual(a, b)) continue;
        console.log("sheet", b.name, a && a.name);
        for (const k of ["name","origin","tables","merges","hidden"]) if (!util.isDeepStrictEqual(a[k], b[k])) console.log(k, a[k], b[k]);
        const n = Math.max(a.rows.length, b.rows.length); let shown = 0;
        for (let j = 0; j < n && shown < 5; j++) if (!util.isDeepStrictEqual(a.rows[j], b.rows[j])) { shown++; console.log("row", j, JSON.stringify(a.rows[j]), "\n   ref", JSON.stringify(b.rows[j])); }
      }
    }
  }
})();
