import fs from "fs";
import path from "path";

/**
 * The layers point one way (docs/arquitetura.md):
 *
 *   core  ←  workbook (detect, pipeline, view, plan, consolidation)  ←  hosts/excel, hosts/file  ←  taskpane, cli
 *   core  ←  functions
 *
 * This reads every import under src/ and fails on one that points up or sideways, naming the file and the import,
 * so a change that breaks the shape is caught by `npm test` rather than in review.
 */
const src = path.join(__dirname, "..", "src");

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

// Static imports and re-exports, dynamic imports (a webpack comment may come first) and requires.
const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*(?:\/\*[^*]*\*\/\s*)?["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;

/** Every relative import of src/, as paths relative to src/ without extension (`workbook/plan/types`). */
function edges(): { from: string; to: string }[] {
  return filesUnder(src).flatMap((file) => {
    const text = fs.readFileSync(file, "utf8");
    const from = path.relative(src, file).split(path.sep).join("/");
    return [...text.matchAll(IMPORT)]
      .map((m) => m[1] ?? m[2] ?? m[3])
      .filter((spec) => spec.startsWith("."))
      .map((spec) => ({
        from,
        to: path
          .relative(src, path.resolve(path.dirname(file), spec))
          .split(path.sep)
          .join("/"),
      }));
  });
}

/** The layer of a module: its rank (imports may only go to an equal or lower rank) and its area. */
function layerOf(module: string): { rank: number; area: string } {
  const [top, second] = module.split("/");
  if (top === "core") return { rank: 0, area: "core" };
  if (top === "workbook") return { rank: 1, area: "workbook" };
  if (top === "functions") return { rank: 1, area: "functions" };
  if (top === "hosts") return { rank: 2, area: `hosts/${second}` };
  if (top === "taskpane" || top === "cli") return { rank: 3, area: top };
  return { rank: 99, area: top };
}

/** An import that points up, or sideways to another area of the same layer, or from or to a module outside the layers. */
function wrongWay({ from, to }: { from: string; to: string }): boolean {
  const a = layerOf(from);
  const b = layerOf(to);
  return b.rank > a.rank || (b.rank === a.rank && a.area !== b.area) || a.rank === 99 || b.rank === 99;
}

/** Inside workbook/: detection and the pipeline produce data, the plan turns it into writes; never backwards. */
const WORKBOOK_ORDER: [RegExp, number][] = [
  [/^workbook\/(model|a1|addinParts|reportSheets|excelErrors|messages)$/, 0],
  [/^workbook\/detect(\/|$)/, 1],
  [/^workbook\/plan\//, 3],
  [/^workbook\/host$/, 3],
  [/^workbook\/consolidation\//, 4],
  [/^workbook\//, 2],
];
const workbookRank = (module: string) => WORKBOOK_ORDER.find(([re]) => re.test(module))![1];

describe("layers point one way", () => {
  const all = edges();

  test("the reader finds the imports (a control: the pipeline imports the core)", () => {
    expect(all.some((e) => e.from === "workbook/pipeline.ts" && e.to.startsWith("core/"))).toBe(true);
    expect(all.length).toBeGreaterThan(300);
  });

  test("no import points to a higher layer or sideways to another area of the same layer", () => {
    expect(all.filter(wrongWay).map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  test("a control: the rule catches an upward import, a sideways one between hosts, and a module outside the layers", () => {
    expect(wrongWay({ from: "core/evaluate.ts", to: "workbook/pipeline" })).toBe(true);
    expect(wrongWay({ from: "hosts/file/xlsx/read.ts", to: "hosts/excel/cells" })).toBe(true);
    expect(wrongWay({ from: "taskpane/App.tsx", to: "cli/report" })).toBe(true);
    expect(wrongWay({ from: "misc/x.ts", to: "core/types" })).toBe(true);
    expect(wrongWay({ from: "cli/index.ts", to: "hosts/file/xlsx/read" })).toBe(false);
  });

  test("inside workbook/, nothing imports the plan, the consolidation or the host port from below", () => {
    const wrong = all.filter(
      ({ from, to }) =>
        from.startsWith("workbook/") &&
        to.startsWith("workbook/") &&
        workbookRank(to) > workbookRank(from.replace(/\.tsx?$/, "")),
    );
    expect(wrong.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  test("the command's build (tsconfig.cli.json) leaves the Excel host out", () => {
    const config = JSON.parse(fs.readFileSync(path.join(src, "..", "tsconfig.cli.json"), "utf8"));
    expect(config.include).not.toContain("src/hosts/excel");
    const reachable = new Set<string>();
    const visit = (module: string) => {
      if (reachable.has(module)) return;
      reachable.add(module);
      for (const e of all) if (e.from.replace(/\.tsx?$/, "") === module || e.from === `${module}/index.ts`) visit(e.to);
    };
    visit("cli/index");
    expect([...reachable].filter((m) => m.startsWith("hosts/excel") || m.startsWith("taskpane"))).toEqual([]);
  });
});
