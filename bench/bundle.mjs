// @ts-check
/**
 * `node bench/bundle.mjs` (after `npm run build`): the gzip size of the JavaScript the task pane's page
 * loads before its first screen is usable (the initial scripts) and of the chunks it loads later, on
 * demand (the screens other than the first). The budget for the initial scripts is 200 KB gzip: the page
 * loads on every Excel start (shared runtime), and again each time the pane is opened.
 *
 * Initial = the scripts taskpane.html names, plus the entry scripts the page's loader adds itself
 * (functions.js, taskpane.js). Sizes are gzip at level 9, as a web server would send them.
 */
import { promises as fs } from "fs";
import path from "path";
import { fileURLToPath } from "url";
import zlib from "zlib";

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
/** Budget for the initial scripts, in KB (1 KB = 1024 bytes) of gzip. */
const BUDGET_KB = 200;
/** Entry scripts the page loads without naming them in its HTML (the loader in boot.js adds them). */
const LOADER_ENTRIES = ["functions.js", "taskpane.js"];

const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1);

async function main() {
  let html;
  try {
    html = await fs.readFile(path.join(DIST, "taskpane.html"), "utf8");
  } catch {
    console.error('dist/taskpane.html is missing: run "npm run build" first.');
    process.exit(2);
  }
  const named = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2])
    .filter((src) => !/^https?:/.test(src));
  const files = (await fs.readdir(DIST)).filter((f) => f.endsWith(".js"));
  const initial = [...new Set([...named, ...LOADER_ENTRIES.filter((f) => files.includes(f))])];
  const lazy = files.filter((f) => !initial.includes(f)).sort();

  /** @param {string} file */
  const measure = async (file) => {
    const bytes = await fs.readFile(path.join(DIST, file));
    return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  };
  const rows = await Promise.all(initial.map(measure));
  const later = await Promise.all(lazy.map(measure));
  const total = rows.reduce((sum, r) => sum + r.gzip, 0);

  console.log("Initial scripts (loaded before the first screen):");
  for (const r of rows)
    console.log(`  ${r.file.padEnd(28)} ${kb(r.raw).padStart(8)} KB   ${kb(r.gzip).padStart(7)} KB gzip`);
  console.log(
    `  ${"total".padEnd(28)} ${"".padStart(8)}      ${kb(total).padStart(7)} KB gzip (budget ${BUDGET_KB} KB)`,
  );
  if (later.length > 0) {
    console.log("Loaded on demand:");
    for (const r of later)
      console.log(`  ${r.file.padEnd(28)} ${kb(r.raw).padStart(8)} KB   ${kb(r.gzip).padStart(7)} KB gzip`);
  }
  if (total > BUDGET_KB * 1024) {
    console.log(`Over budget by ${kb(total - BUDGET_KB * 1024)} KB.`);
    process.exitCode = 1;
  }
}

await main();
