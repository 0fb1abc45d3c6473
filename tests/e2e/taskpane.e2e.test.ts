/**
 * The task pane in a real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core; no
 * browser is ever downloaded), at the task pane's width:
 *
 * 1. the test page (tests/e2e/harness.tsx, built here with webpack): the pane on the Office host over the
 *    recording fake Excel holding the example workbook (tests/e2e/example.ts). A person's path — Tabelas →
 *    Avaliar → Resumo → Justificativas → Consolidar — by roles and pt-BR labels; after each step, what the screen says
 *    and what the workbook (the fake, read from `window.__fake`) holds;
 * 2. the production page (dist/taskpane.html, built by `npm test` before jest runs) opened outside Office,
 *    with Office.js from the CDN blocked: the "open in Excel" notice and the list of functions.
 *
 * Every request to anything but 127.0.0.1 is aborted; console errors and page errors fail the tests.
 * Screenshots of each screen go to test-artifacts/e2e/.
 *
 * The numbers, by hand (rules: instrumento, share of targets met; period 2025-T1):
 * - I1 330, 310, 320 against ≥ 300 → A; I2 90%, 88%, 86% against 85% → A; I3 12, 11, 10 against ≥ 10 → A;
 *   I5 55, 60, 52 against ≥ 50 → A.
 * - I4 70%, 85%, 75% against 80% → the quarter's mean (0,70 + 0,85 + 0,75) / 3 = 76,7% < 80%: B, attainment
 *   0,767 / 0,80 = 95,8%.
 * - I6 is a monitoring indicator: coloured, never scored.
 * - Share of targets met: 4 of the 5 performance indicators = 80,0% → "Faixa 2 — 80% a 99,9%".
 * - After the commission accepts I4's justification in total, I4 counts as met: 5 of 5 = 100,0% →
 *   "Faixa 1 — 100%".
 */
import fs from "fs";
import http from "http";
import type { AddressInfo } from "net";
import os from "os";
import path from "path";
import { chromium, type Browser, type Page, type Route } from "playwright-core";
import { consolidationSheetStrings, planStrings } from "../../src/workbook/messages";
import { consolidatePaneStrings, paneStrings, taskpaneStrings } from "../../src/taskpane/messages";
import type { FakeCell, FakeExcel, RuleModel } from "../hosts/excel/fakeExcel";
import { buildHarness } from "./build";
import { firstRow, LAST_ROW, SHEET } from "./example";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const ARTIFACTS = path.join(ROOT, "test-artifacts/e2e");
const VIEWPORT = { width: 320, height: 800 };

jest.setTimeout(90_000);

// ---------------------------------------------------------------------------------------------------
// A static server on 127.0.0.1: /e2e/… from the built harness, /dist/… from the production build.

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

function serve(roots: Record<string, string>): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const [, prefix, ...rest] = url.pathname.split("/");
    const root = roots[prefix];
    const file = root ? path.resolve(root, decodeURIComponent(rest.join("/"))) : undefined;
    if (!root || !file || !file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// ---------------------------------------------------------------------------------------------------
// A page at the task pane's size that reaches nothing but 127.0.0.1 and records what went wrong.

interface Watched {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests aborted because they left 127.0.0.1. */
  blocked: string[];
}

async function openPage(browser: Browser, url: string): Promise<Watched> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const errors: string[] = [];
  const blocked: string[] = [];
  await page.route("**/*", (route) => {
    const target = new URL(route.request().url());
    if (target.hostname === "127.0.0.1") return route.continue();
    blocked.push(target.href);
    return route.abort("blockedbyclient");
  });
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const at = msg.location().url;
    // The browser's own line for a request this test aborted on purpose (Office.js from the CDN).
    if (/^Failed to load resource/.test(msg.text()) && blocked.includes(at)) return;
    errors.push(`console: ${msg.text()}${at ? ` (${at})` : ""}`);
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  await page.goto(url);
  return { page, errors, blocked };
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

// ---------------------------------------------------------------------------------------------------
// The fake's state, as plain data (FakeExcel.snapshot) read in the page.

interface SheetState {
  name: string;
  visibility: string;
  cells: [string, FakeCell][];
  rules: Omit<RuleModel, "id">[];
  charts: unknown[];
  tables: { name: string; ref: string }[];
}

interface FakeState {
  sheets: SheetState[];
  activeSheet?: string;
  syncs: { actions: string[]; error?: string }[];
}

async function fakeState(page: Page): Promise<FakeState> {
  return page.evaluate(() => {
    const fx = (window as unknown as { __fake: FakeExcel }).__fake;
    return JSON.parse(
      JSON.stringify({ sheets: fx.snapshot(), activeSheet: fx.activeSheet, syncs: fx.syncs }),
    ) as FakeState;
  });
}

function sheetOf(state: FakeState, name: string): SheetState {
  const sheet = state.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet "${name}" in the fake; sheets: ${state.sheets.map((s) => s.name).join(", ")}`);
  return sheet;
}

/** A cell of a sheet's state (an empty one when nothing is there). */
function cellOf(sheet: SheetState, address: string): FakeCell {
  return sheet.cells.find(([a]) => a === address)?.[1] ?? { value: "", format: {} };
}

/**
 * What is wrong with the page's layout at the pane's width: an element wider than the pane (or reaching
 * past its right edge), or text cut off without an ellipsis (an element that hides its overflow, is wider
 * inside than outside, and does not end its text in "…").
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const problems: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.split(" ")[0]}` : ""} “${(el.textContent ?? "").trim().slice(0, 40)}”`;
    if (document.documentElement.scrollWidth > width)
      problems.push(`page ${document.documentElement.scrollWidth} px wide`);
    for (const el of document.body.querySelectorAll("*")) {
      const html = el as HTMLElement;
      if (!html.offsetParent && getComputedStyle(html).position !== "fixed") continue;
      const box = html.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > width + 0.5) problems.push(`${name(el)} reaches ${Math.round(box.right)} px`);
      const style = getComputedStyle(html);
      const hides = ["hidden", "clip"].includes(style.overflowX);
      if (
        hides &&
        html.scrollWidth > html.clientWidth + 1 &&
        style.textOverflow !== "ellipsis" &&
        (html.textContent ?? "").trim() !== ""
      ) {
        problems.push(`${name(el)} cut off without an ellipsis (${html.scrollWidth} > ${html.clientWidth})`);
      }
    }
    return problems;
  }, VIEWPORT.width);
}

const AXE = path.join(ROOT, "node_modules/axe-core/axe.min.js");

/** axe-core's WCAG 2 A/AA violations on the page as it is, by rule and element. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: object,
            options: object,
          ) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    // Tabster's focus sentinels (Fluent's keyboard navigation: empty, aria-hidden <i tabindex="0"> that
    // hand focus on) are not content; axe reads them as focusable hidden elements.
    const result = await axe.run(
      { exclude: [["[data-tabster-dummy]"]] },
      { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } },
    );
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  });
}
const I4 = firstRow(3); // I4's January row; February and March follow

// ---------------------------------------------------------------------------------------------------

describe("the task pane in Chromium", () => {
  let browser: Browser | undefined;
  let server: http.Server | undefined;
  let base = "";
  let tmp = "";

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(
        `The browser tests need Chromium at ${CHROMIUM} (Debian's "chromium" package; .ci/run installs it: apt-get install chromium). ` +
          "playwright-core never downloads a browser here.",
      );
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "contratualiza-e2e-"));
    await buildHarness(tmp);
    server = await serve({ e2e: tmp, dist: DIST });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe.each(["light", "dark"] as const)(
    "the first run on the example workbook, %s theme: Início → Avaliar → Resumo → Justificativas → Comunicado → Consolidar",
    (theme) => {
      let w: Watched;
      const panel = (name: string) => w.page.getByRole("tabpanel", { name });
      /** Opens a tab from the row, or from the "Mais" menu when it did not fit the pane. */
      const openTab = async (name: string) => {
        const tab = w.page.getByRole("tab", { name });
        if (await tab.isVisible()) await tab.click();
        else {
          await w.page.getByRole("button", { name: /^Mais telas/ }).click();
          await w.page.getByRole("menuitem", { name }).click();
        }
        await panel(name).waitFor();
        // The screen's chunk has arrived: its spinner is gone.
        await panel(name).getByText(paneStrings.loadingScreen).waitFor({ state: "detached" });
      };
      /** Screenshot, then what every screen must be at 320 px: nothing wider, nothing cut off unseen, axe clean. */
      const look = async (name: string) => {
        await screenshot(w.page, `${theme}-${name}`);
        expect(await layoutProblems(w.page)).toEqual([]);
        expect(await axeViolations(w.page)).toEqual([]);
      };

      beforeAll(async () => {
        if (!browser) throw new Error("Chromium did not start");
        w = await openPage(browser, `${base}/e2e/index.html?theme=${theme}`);
      });

      afterAll(async () => {
        await w?.page.close();
      });

      it("Início: says in plain words what was found, with the tables' details one click away", async () => {
        const home = panel(paneStrings.tabs.inicio);
        await home.getByText(paneStrings.homeFound(1, [SHEET]), { exact: false }).waitFor();
        const text = (await home.textContent()) ?? "";
        expect(text).toContain(`${paneStrings.homeIndicators(6)}.`);
        expect(text).toContain(paneStrings.homePeriods(["1º trimestre de 2025 (2025-T1)"]));
        // None of the detection's words on the first screen.
        for (const jargon of ["formato longo", "confiança", `${SHEET}!A3`, "mapeamento", "#RRGGBB", "pelo comando"])
          expect(text).not.toContain(jargon);
        // The one thing to do next.
        expect(await home.getByRole("button", { name: paneStrings.homeStart }).isVisible()).toBe(true);
        // At 320 px the tabs stay on one row: the rest are under "Mais".
        const rows = await w.page.evaluate(
          () =>
            new Set(
              [...document.querySelectorAll('[role="tab"]')]
                .filter((t) => (t as HTMLElement).offsetParent)
                .map((t) => t.getBoundingClientRect().top),
            ).size,
        );
        expect(rows).toBe(1);
        await look("1-inicio");

        await home.getByRole("button", { name: paneStrings.homeDetails }).click();
        const tables = panel(taskpaneStrings.tabs.tabelas);
        await tables.getByText(`${SHEET}!A3:H${LAST_ROW}`).waitFor();
        expect(await tables.textContent()).toContain(taskpaneStrings.tableRows(18));
        await look("1b-detalhes");
        await openTab(paneStrings.tabs.inicio);
        await panel(paneStrings.tabs.inicio).getByRole("button", { name: paneStrings.homeStart }).click();
        await panel(taskpaneStrings.tabs.avaliar).waitFor();
        expect(w.errors).toEqual([]);
      });

      it("Avaliar: shows 80,0% and Faixa 2, writes the owned columns and their colours, and offers the next step", async () => {
        const screen = panel(taskpaneStrings.tabs.avaliar);
        await screen.getByRole("button", { name: taskpaneStrings.evaluateRun, exact: true }).click();
        await screen.getByText(taskpaneStrings.evaluateApplied).waitFor();
        const view = screen.getByRole("region", { name: /2025-T1/ });
        expect(await view.locator("strong").first().textContent()).toBe("80,0%");
        expect(await view.locator("[data-band]").textContent()).toBe("Faixa 2 — 80% a 99,9%");
        // The band's chip on one line.
        const chip = await view.locator("[data-band]").boundingBox();
        expect(chip && chip.height).toBeLessThan(30);
        expect(await view.textContent()).toContain(
          `I4 Proporção de mulheres com citopatológico: ${taskpaneStrings.attained("95,8%")}`,
        );
        await look("2-avaliar");

        const state = await fakeState(w.page);
        const ws = sheetOf(state, SHEET);
        expect(cellOf(ws, "I3").value).toBe("Atingimento (Contratualiza)");
        expect(cellOf(ws, "J3").value).toBe("Conceito (Contratualiza)");
        // Live formulas, showing what the add-in's functions compute (the fake calculates them with the real ones).
        expect(cellOf(ws, "I4")).toMatchObject({ formula: "=META.ATINGIMENTO(F4,E4)", value: 1, numberFormat: "0.0%" });
        const i4 = [I4, I4 + 1, I4 + 2];
        i4.forEach((r, m) => expect(cellOf(ws, `I${r}`).value).toBeCloseTo([0.875, 1, 0.9375][m], 12));
        expect(i4.map((r) => cellOf(ws, `J${r}`).value)).toEqual(["B", "A", "B"]);
        expect(cellOf(ws, `J${firstRow(5)}`).value).toMatch(/monitoramento/);
        // The user's cells are as they were.
        expect(cellOf(ws, `F${I4}`)).toMatchObject({ value: 0.7, numberFormat: "0%" });
        expect(ws.tables).toEqual([{ name: "TabelaIndicadores", ref: `A3:H${LAST_ROW}` }]);
        // One rule per concept class, on the owned columns and the results, in the plan's order.
        const fills = Object.fromEntries(ws.rules.map((r) => [r.formula, r.fill]));
        expect(fills['=$J4="A"']).toBe("#C6EFCE");
        expect(fills['=$J4="B"']).toBe("#FFC7CE");
        expect(ws.rules).toHaveLength(6);
        for (const rule of ws.rules)
          expect(rule.areas).toEqual(expect.arrayContaining([`I4:J${LAST_ROW}`, `F4:F${LAST_ROW}`]));
        expect(state.sheets.map((sh) => sh.name)).toEqual([SHEET]); // no summary from this screen
        await screen.getByRole("button", { name: paneStrings.nextSummary }).click();
        await panel(taskpaneStrings.tabs.resumo).waitFor();
        expect(w.errors).toEqual([]);
      });

      it("Resumo: inserts the sheet Resumo 2025-T1 with 80,0% and Faixa 2", async () => {
        const screen = panel(taskpaneStrings.tabs.resumo);
        await screen.getByRole("button", { name: taskpaneStrings.summaryRun }).click();
        await screen.getByText(taskpaneStrings.summaryApplied(["Resumo 2025-T1"])).waitFor();
        // Done: the button may be used again (a later change, a new summary).
        expect(await screen.getByRole("button", { name: taskpaneStrings.summaryRun }).isEnabled()).toBe(true);
        await look("3-resumo");

        const state = await fakeState(w.page);
        expect(state.sheets.map((sh) => sh.name)).toEqual([SHEET, "Resumo 2025-T1"]);
        const summary = sheetOf(state, "Resumo 2025-T1");
        // Rows 1–4: title, source, rules, the concept rule; then the figures.
        expect(cellOf(summary, "A6").value).toBe(planStrings.overallLabel);
        expect(cellOf(summary, "C6")).toMatchObject({ value: 0.8, numberFormat: "0.0%" });
        expect(cellOf(summary, "A7").value).toBe(planStrings.bandLabel);
        expect(cellOf(summary, "C7")).toMatchObject({ value: "Faixa 2 — 80% a 99,9%", format: { fill: "#8BC34A" } });
        expect(summary.charts).toHaveLength(1);
        await screen.getByRole("button", { name: paneStrings.nextJustifications }).click();
        await panel(taskpaneStrings.tabs.justificativas).waitFor();
        expect(w.errors).toEqual([]);
      });

      it("Justificativas: a justification accepted in total is written into the table; 100,0% and Faixa 1", async () => {
        const screen = panel(taskpaneStrings.tabs.justificativas);
        const name = "I4 Proporção de mulheres com citopatológico";
        await screen.getByRole("heading", { name }).waitFor();
        expect(await screen.locator("strong").first().textContent()).toBe("80,0%");
        await screen.getByRole("radio", { name: taskpaneStrings.decisions.Total }).check();
        const text =
          "Faltaram 2 técnicas de enfermagem em janeiro e março; coleta remarcada. A equipe repôs as coletas em abril.";
        const box = screen.getByRole("textbox", { name: `${taskpaneStrings.justificationText} — ${name}` });
        await box.fill(text);
        // The text fits the box: no third line cut off.
        expect(await box.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
        await look("4-justificativas-preenchida");
        await screen.getByRole("button", { name: taskpaneStrings.justificationsSave }).click();
        await screen.getByText(taskpaneStrings.justificationsSaved(6)).waitFor();
        await screen.locator("strong", { hasText: "100,0%" }).waitFor();
        expect(await screen.locator("[data-band]").textContent()).toBe("Faixa 1 — 100%");
        await look("5-justificativas-gravada");

        const state = await fakeState(w.page);
        const ws = sheetOf(state, SHEET);
        const rows = [I4, I4 + 1, I4 + 2];
        expect(rows.map((r) => cellOf(ws, `G${r}`).value)).toEqual([text, text, text]);
        expect(rows.map((r) => cellOf(ws, `H${r}`).value)).toEqual(["Total", "Total", "Total"]);
        // Nothing else in the table moved: the other indicators' justification cells are empty.
        expect(cellOf(ws, `G${I4 - 1}`).value).toBe("");
        expect(cellOf(ws, `H${I4 + 3}`).value).toBe("");
        // The write: one sync whose ranges are the three rows' G:H pairs.
        const write = state.syncs.filter((sync) =>
          sync.actions.some((a) => a.includes(`getRange(G${I4}:H${I4}).formulas`)),
        );
        expect(write).toHaveLength(1);
        expect(write[0].actions.filter((a) => a.includes(".formulas ="))).toHaveLength(3);
        expect(state.syncs.filter((sync) => sync.error)).toEqual([]);
        await screen.getByRole("button", { name: paneStrings.nextCommunique }).click();
        await panel(paneStrings.tabs.comunicado).waitFor();
        expect(w.errors).toEqual([]);
      });

      it("Comunicado: inserts the communiqué of 2025-T1", async () => {
        const screen = panel(paneStrings.tabs.comunicado);
        await screen.getByRole("button", { name: taskpaneStrings.reportsRun }).click();
        await screen.getByText(/^Planilha “Comunicado 2025-T1” inserida\.$/).waitFor();
        await look("6-comunicado");
        const state = await fakeState(w.page);
        expect(state.sheets.map((sh) => sh.name)).toEqual([SHEET, "Resumo 2025-T1", "Comunicado 2025-T1"]);
        expect(w.errors).toEqual([]);
      });

      it("Consolidar (from Mais): previews the one contract and inserts the sheet Consolidado (100,0%, Faixa 1)", async () => {
        await openTab(consolidatePaneStrings.tab);
        const screen = panel(consolidatePaneStrings.tab);
        // One contract (named by its sheet), 2025-T1 only; after the justification, 5 of 5 = 100,0%.
        await screen.getByText(consolidatePaneStrings.previewLine(1, ["2025-T1"], 1)).waitFor();
        await screen.getByText(consolidatePaneStrings.rowText(SHEET, "100,0%", "Faixa 1 — 100%")).waitFor();
        await screen.getByRole("button", { name: consolidatePaneStrings.run }).click();
        await screen.getByText(consolidatePaneStrings.applied).waitFor();
        await look("7-consolidar");

        const state = await fakeState(w.page);
        // The sheets written by Resumo and Comunicado are the add-in's: neither read as tables nor replaced.
        expect(state.sheets.map((sh) => sh.name)).toEqual([
          SHEET,
          "Resumo 2025-T1",
          "Comunicado 2025-T1",
          "Consolidado",
        ]);
        const sheet = sheetOf(state, "Consolidado");
        expect(cellOf(sheet, "A1").value).toBe(consolidationSheetStrings.sheetTitle(1));
        expect(cellOf(sheet, "B5").value).toBe(consolidationSheetStrings.sheetHeader);
        expect(cellOf(sheet, "A6").value).toBe(SHEET);
        expect(cellOf(sheet, "C6").value).toBe("2025-T1");
        expect(cellOf(sheet, "D6")).toMatchObject({ value: 1, numberFormat: "0.0%" });
        expect(cellOf(sheet, "E6")).toMatchObject({
          value: "Faixa 1 — 100%",
          format: { fill: expect.stringMatching(/^#/) },
        });
        expect(cellOf(sheet, "A7").value).toBe("");
        expect(sheet.charts).toHaveLength(1);
        expect(state.syncs.filter((sync) => sync.error)).toEqual([]);
        expect(w.errors).toEqual([]);
      });

      it("Regras, Modelos and Funções (from Mais) fit the pane too", async () => {
        for (const [name, shot] of [
          [taskpaneStrings.tabs.regras, "8-regras"],
          [taskpaneStrings.tabs.modelos, "9-modelos"],
          [taskpaneStrings.tabs.funcoes, "10-funcoes"],
        ] as const) {
          await openTab(name);
          await look(shot);
        }
        expect(w.errors).toEqual([]);
      });
    },
  );

  describe("the production page while Office.js is missing or slow", () => {
    const OFFICE = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
    /** Inside Office the pane's address carries `_host_Info` (Excel for Windows here). */
    const INSIDE = "?_host_Info=Excel$Win32$16.01$pt-BR$$$$0";

    /**
     * The page with Office.js held: its request is never answered until the test says so. Timings are not
     * asserted (a busy machine makes any threshold flaky); the order is: the page must show words while
     * Office.js has not arrived (boot.js does not wait for it), and after Office.js fails, the failure's own
     * advice, not the advice for an Office that never answers.
     */
    async function open(query = "") {
      if (!browser) throw new Error("Chromium did not start");
      const page = await browser.newPage({ viewport: VIEWPORT });
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      let release: (route: Route) => void = () => undefined;
      const officeRequested = new Promise<Route>((resolve) => (release = resolve));
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (new URL(url).hostname === "127.0.0.1") return route.continue();
        if (url === OFFICE) return release(route); // held: answered (or not) by the test
        return route.abort("internetdisconnected");
      });
      await page.goto(`${base}/dist/taskpane.html${query}`, { waitUntil: "commit" });
      return { page, errors, officeRequested };
    }

    /** Words while Office.js is held; then Office.js fails and the given advice shows. */
    async function failingOffice(query: string, advice: string, text: string) {
      const { page, errors, officeRequested } = await open(query);
      try {
        const office = await officeRequested;
        await page.getByText(paneStrings.loadingOffice).waitFor({ timeout: 10_000 });
        await office.abort("internetdisconnected");
        await page.getByText(advice).waitFor({ timeout: 10_000 });
        // The failure's own text: on a slow machine the no-answer advice may show first, but not last.
        await page.getByText(text).waitFor({ timeout: 10_000 });
        expect(errors).toEqual([]);
        return page;
      } catch (e) {
        await page.close();
        throw e;
      }
    }

    it("Office.js failing, in a plain browser: words while it loads, then the notice to open the pane in Excel", async () => {
      const page = await failingOffice("", paneStrings.outsideOfficeTitle, paneStrings.outsideOffice);
      await page.close();
    });

    it("Office.js failing, inside Office: words while it loads, then what to do about Office (not the plain-browser notice)", async () => {
      const page = await failingOffice(INSIDE, paneStrings.officeFailedTitle, paneStrings.officeFailed);
      try {
        expect(await page.getByText(paneStrings.outsideOfficeTitle).count()).toBe(0);
        await screenshot(page, "office-falhou");
      } finally {
        await page.close();
      }
    });

    it("Office.js never answering, inside Office: a loading state, then the advice after a few seconds", async () => {
      const { page, errors } = await open(INSIDE);
      try {
        await page.getByText(paneStrings.loadingOffice).waitFor({ timeout: 10_000 });
        await screenshot(page, "office-carregando");
        await page.getByText(/O Office ainda não respondeu/).waitFor({ timeout: 20_000 });
        await screenshot(page, "office-sem-resposta");
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });

  describe("the production page opened outside Office", () => {
    it("shows the notice to open it in Excel and the list of functions, without page errors", async () => {
      if (!browser) throw new Error("Chromium did not start");
      const page = path.join(DIST, "taskpane.html");
      if (!fs.existsSync(page))
        throw new Error(`${page} is missing: run "npm run build" first (npm test builds it before jest).`);
      const w = await openPage(browser, `${base}/dist/taskpane.html`);
      try {
        await w.page.getByText(paneStrings.outsideOfficeTitle).waitFor();
        await w.page.getByRole("heading", { name: taskpaneStrings.functionsHeading }).waitFor();
        const signatures = await w.page.locator("code").allTextContents();
        expect(signatures.length).toBeGreaterThan(5);
        expect(signatures).toEqual(
          expect.arrayContaining(["=META.ATINGIMENTO(resultado; meta; [sentido]; [limitar])"]),
        );
        await screenshot(w.page, "0-fora-do-excel");
        expect(w.blocked).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
        expect(w.errors).toEqual([]);
      } finally {
        await w.page.close();
      }
    });
  });
});
