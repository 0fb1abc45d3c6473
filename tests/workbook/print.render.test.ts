/**
 * Every document the product makes, printed as the commission reads it: the command writes them (the
 * evaluated copy of the bundled example with its Resumo, communiqué sheet and indicator sheet; the five
 * documents of the decree's art. 11 for a four-quarter contract — each quarter's Resumo and communiqué, the
 * annual and final reports, the final communiqué and the proposal of an additive term, as sheets, and the
 * communiqués as .docx —; the co-financing per-team sheet; the copy of a SISAB panel export; the regional
 * consolidation), LibreOffice prints them all to PDF in ONE start, and poppler reads the pages back. What is
 * measured on each page:
 * - the smallest word's height (the glyph box `pdftotext -bbox` gives, about 1,3 × the font size) at print
 *   size: at least 9 pt, so nothing is fitted down to unreadable type;
 * - no word outside the page less a 0,25-inch edge (nothing printed off the paper);
 * - no two words drawn over each other on one line (a cell's text cut by its neighbour);
 * - no heading as the last line of a page (its text would start the next);
 * - the page count and orientation; the signature blocks whole on one page each; the chart bars' colours,
 *   sampled from the rendered page beside each bar's label.
 * The PDFs are kept in test-artifacts/print/ to be looked at.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { main } from "../../src/cli/index";
import { runComunicado } from "../../src/cli/communique";
import { runConsolidar } from "../../src/cli/consolidate";
import { CONCEPT_STYLES } from "../../src/workbook/plan/owned";
import { contractBands } from "../../src/core/presets/bandTables";
import { artifactsDir, convertAllWithLibreOffice, pdftoppm, soffice } from "../support/libreoffice";
import {
  headingAtBottom,
  mainColourAlong,
  minTextHeight,
  pageLines,
  overlappingWords,
  pagePixels,
  pageText,
  pdfPages,
  wordsOutside,
  type Page,
  type Word,
} from "../support/pdf";
import { COFIN_HEADER, cofinRows } from "./cofinanciamento";
import { MUNICIPALITIES, writeContract } from "./consolidation/fixtures";
import { sisabExport } from "./previne";
import { writeContractXlsx } from "./plan/reports/fixture";
import { tempDir } from "../hosts/file/xlsx/helpers";

jest.setTimeout(300_000);

const EXAMPLE = path.join(__dirname, "..", "..", "assets", "exemplo-contrato.xlsx");
/** The least glyph height at print size, in points. */
const MIN_HEIGHT = 9;
/** The border a printer cannot print on, about 4 mm, in points: no word may come closer to the paper's edge. */
const EDGE = 12;

const quiet = { write: () => true };
const available = soffice !== undefined && pdftoppm !== undefined;
if (!available)
  console.warn("LibreOffice (soffice) or pdftoppm not found on PATH: the print render tests are skipped.");
const it = available ? test : test.skip;

let dir: string;
let cleanup: () => void;
let out: string;
const pdf: Record<string, string> = {};
const pages: Record<string, Page[]> = {};

/** The pages of a document whose text matches `title` (a sheet's own title), and the ones that follow it up to the next sheet's title. */
function sheetPages(doc: string, first: RegExp, next?: RegExp): Page[] {
  const all = pages[doc];
  const start = all.findIndex((p) => first.test(pageText(p)));
  if (start < 0) throw new Error(`${doc}: no page matches ${first}`);
  let end = start + 1;
  while (end < all.length && !(next ?? /$^/).test(pageText(all[end])) && !first.test(pageText(all[end]))) end++;
  return all.slice(start, next ? end : start + 1);
}

/** The PDF each page list comes from, to render a page when needed. */
const pdfOf = (page: Page) => Object.keys(pages).find((doc) => pages[doc].includes(page))!;

/**
 * Words near the paper's edge that are drawn: LibreOffice leaves the labels of a chart moved to the next
 * page (by its page break) as invisible, clipped words at the bottom of the page before, which a reader
 * never sees; a word whose box is all white on the rendered page is one of those.
 */
function visibleOutside(page: Page): Word[] {
  const outside = wordsOutside(page, EDGE);
  if (outside.length === 0) return [];
  const doc = pdfOf(page);
  const pixels = pagePixels(pdf[doc], page.number, path.join(dir, `${doc}-edge-${page.number}`));
  return outside.filter((w) => {
    // Wholly beyond the paper: lost. Partly: drawn if the part on the paper shows (those phantom labels
    // may reach a fraction of a point past the paper's bottom edge).
    if (w.xMax < 0 || w.yMax < 0 || w.xMin > page.width || w.yMin > page.height) return true;
    const [x0, x1] = [Math.max(0, w.xMin), Math.min(page.width, w.xMax)];
    for (let y = Math.max(0, w.yMin) + 1; y < Math.min(page.height, w.yMax) - 1; y += 1)
      if (mainColourAlong(pixels, x0, x1, y)) return true;
    return false;
  });
}

/** The checks every page of the add-in's own documents passes; `minHeight` only where a sheet cannot reach 9 pt yet. */
function expectLegible(list: Page[], minHeight = MIN_HEIGHT): void {
  for (const page of list) {
    expect({ page: page.number, min: minTextHeight(page) }).toEqual({ page: page.number, min: expect.any(Number) });
    expect(minTextHeight(page)).toBeGreaterThanOrEqual(minHeight);
    expect(visibleOutside(page).map((w) => w.text)).toEqual([]);
    expect(overlappingWords(page).map(([a, b]) => `${a.text}|${b.text}`)).toEqual([]);
    // No heading printed as the last line of a page, its text on the next.
    expect({ page: page.number, alone: headingAtBottom(page) }).toEqual({ page: page.number, alone: undefined });
  }
}

/**
 * Each signature block whole on one page: every member's role line (`Presidente|Membro da Comissão de
 * Avaliação`) has on its page, just above, the `Nome:` line, and above that the line to sign on (a rule
 * `____` on the sheet, `Assinatura: ____` in the .docx). Gives how many blocks there are.
 */
function expectWholeSignatures(list: Page[]): number {
  let blocks = 0;
  for (const page of list) {
    const lines = pageLines(page).map((l) => ({
      y: (l[0].yMin + l[0].yMax) / 2,
      text: l.map((w) => w.text).join(" "),
    }));
    const near = (y: number, test: RegExp) => lines.some((l) => y - l.y > 3 && y - l.y < 45 && test.test(l.text));
    for (const role of lines.filter((l) => /(Presidente|Membro) da Comissão de Avaliação/.test(l.text))) {
      const name = lines.find((l) => role.y - l.y > 3 && role.y - l.y < 45 && /^Nome:/.test(l.text));
      expect({ page: page.number, role: role.text, name: !!name }).toEqual({
        page: page.number,
        role: role.text,
        name: true,
      });
      expect({ page: page.number, role: role.text, line: near(name!.y, /^(Assinatura: )?_{20,}$/) }).toEqual({
        page: page.number,
        role: role.text,
        line: true,
      });
      blocks++;
    }
  }
  return blocks;
}

/**
 * The colour of each chart bar, sampled on the rendered page just right of its category label: the label
 * words below the chart's title, each label's bar on its line.
 */
function barColours(doc: string, page: Page, title: RegExp, labels: string[]): Record<string, string | undefined> {
  const titleWord = page.words.find((_, i) =>
    title.test(
      page.words
        .slice(i, i + 3)
        .map((x) => x.text)
        .join(" "),
    ),
  );
  if (!titleWord) throw new Error(`no chart title ${title} on page ${page.number}`);
  const pixels = pagePixels(pdf[doc], page.number, path.join(dir, `${doc}-${page.number}`));
  const out: Record<string, string | undefined> = {};
  for (const label of labels) {
    const word = page.words.find((w) => w.text === label && w.yMin > titleWord.yMax);
    if (!word) throw new Error(`no bar label ${label}`);
    const y = (word.yMin + word.yMax) / 2;
    // A stretch of 150 pt right of the label: the bar, whatever its length past 20%.
    out[label] = mainColourAlong(pixels, word.xMax + 12, word.xMax + 162, y, ["#FFFFFF", "#B3B3B3", "#000000"]);
  }
  return out;
}

beforeAll(async () => {
  if (!available) return;
  ({ dir, cleanup } = tempDir());
  out = artifactsDir("print");
  const files: Record<string, string> = {};
  // The bundled example, evaluated: Indicadores (owned columns), Leia-me, Resumo 2025-T1, Comunicado 2025-T1.
  files.exemplo = path.join(out, "exemplo.xlsx");
  expect(await main(["avaliar", EXAMPLE, "--saida", files.exemplo], quiet, quiet)).toBeLessThan(2);
  files.comunicado = path.join(out, "comunicado.docx");
  expect(await runComunicado([EXAMPLE, "--saida", files.comunicado], quiet, quiet)).toBeLessThan(2);
  // Four quarters of a contract, with the final report: Resumo ×4, Comunicado 2025-T4, annual 2025, final.
  const contract = path.join(dir, "contrato.xlsx");
  await writeContractXlsx(contract);
  files.contrato = path.join(out, "contrato.xlsx");
  expect(
    await main(["avaliar", contract, "--final", "--termo-aditivo", "--saida", files.contrato], quiet, quiet),
  ).toBeLessThan(2);
  // The final communiqué and the proposal of an additive term as Word documents.
  files.finalDocx = path.join(out, "comunicado-final.docx");
  expect(await runComunicado([contract, "--final", "--saida", files.finalDocx], quiet, quiet)).toBe(0);
  files.termDocx = path.join(out, "termo-aditivo.docx");
  expect(await runComunicado([contract, "--termo-aditivo", "--saida", files.termDocx], quiet, quiet)).toBe(0);
  // Co-financing: two teams over four months.
  const cofin = new ExcelJS.Workbook();
  const ws = cofin.addWorksheet("Equipes");
  ws.addRow(COFIN_HEADER);
  for (const row of cofinRows()) ws.addRow(row);
  const cofinFile = path.join(dir, "cofin.xlsx");
  await cofin.xlsx.writeFile(cofinFile);
  files.cofin = path.join(out, "cofin.xlsx");
  expect(
    await main(["avaliar", cofinFile, "--predefinicao", "cofinanciamento", "--saida", files.cofin], quiet, quiet),
  ).toBeLessThan(2);
  // A SISAB panel export of three municipalities, one with a long name.
  const csv = path.join(dir, "painel.csv");
  const panel = sisabExport(
    "Proporção de pessoas com hipertensão, com consulta e pressão arterial aferida no semestre",
    [
      ["310010", "ABADIA DOS DOURADOS", 40, 55, 25],
      ["316990", "Tiradentes", 50, 60, 70],
      ["310560", "Barroso", 0, 20, 60],
    ],
    ["2024 Q1", "2024 Q2", "2024 Q3"],
  );
  fs.writeFileSync(csv, Buffer.from(panel, "latin1"));
  files.sisab = path.join(out, "sisab.xlsx");
  expect(await main(["avaliar", csv, "--saida", files.sisab], quiet, quiet)).toBeLessThan(2);
  // The consolidation of three municipal contracts.
  const folder = path.join(dir, "regiao");
  fs.mkdirSync(folder);
  for (const m of MUNICIPALITIES) await writeContract(path.join(folder, `${m}.xlsx`), m);
  files.consolidado = path.join(out, "consolidado.xlsx");
  await runConsolidar([folder, "--saida", files.consolidado], quiet, quiet, { workerScript: null });

  const names = Object.keys(files);
  const pdfs = await convertAllWithLibreOffice(
    names.map((n) => files[n]),
    out,
    "pdf",
  );
  names.forEach((n, i) => {
    pdf[n] = pdfs[i];
    pages[n] = pdfPages(pdfs[i]);
  });
});
afterAll(() => cleanup?.());

const landscape = (p: Page) => p.width > p.height;
const lineText = (line: Word[]) => line.map((w) => w.text).join(" ");

describe("the evaluated copy of the bundled example", () => {
  it("Resumo 2025-T1: two landscape A4 pages, the chart under the tables, text ≥ 9 pt", () => {
    const resumo = sheetPages("exemplo", /^Resumo da avaliação/, /^Minuta gerada/);
    // The tables on the first page, the last two indicators, the notes and the chart on the second.
    expect(resumo).toHaveLength(2);
    expect(resumo.every(landscape)).toBe(true);
    // A4 landscape: 842 × 595 pt.
    expect([Math.round(resumo[0].width), Math.round(resumo[0].height)]).toEqual([842, 595]);
    expectLegible(resumo);
    expect(pageText(resumo[1])).toContain("Atingimento por indicador");
    // The pending result: the indicator's name wraps in its column (it was cut where the text beside it
    // starts, `…com vaci|UBS Jardim`), its second line under its first.
    const lines = pageLines(resumo[1]);
    const k = lines.findIndex((l) => /^2\.3 Proporção de crianças menores de 1 ano com UBS Jardim/.test(lineText(l)));
    expect(k).toBeGreaterThan(0);
    expect(lineText(lines[k + 1])).toBe("vacina em dia");
    expect(lines[k + 1][0].xMin).toBeCloseTo(lines[k][1].xMin, 0);
  });

  it("Resumo's chart: each bar in its concept's colour, and the monitoring indicator left out", () => {
    const chartPage = sheetPages("exemplo", /Atingimento por indicador/)[0];
    // I14 and 1.4 missed their targets with a justification accepted (wholly, partly): yellow as their
    // concept cells; the other performance indicators met theirs: green.
    const colours = barColours("exemplo", chartPage, /^Atingimento por indicador/, ["I01", "I14", "1.4", "2.3"]);
    expect(colours).toEqual({
      I01: CONCEPT_STYLES.met.fill,
      I14: CONCEPT_STYLES.justified.fill,
      "1.4": CONCEPT_STYLES.justified.fill,
      "2.3": CONCEPT_STYLES.met.fill,
    });
    // 2.7 is a monitoring indicator: in the table, not in the chart (no label below the chart's title).
    const title = chartPage.words.find(
      (w) => w.text === "Atingimento" && chartPage.words[chartPage.words.indexOf(w) + 2]?.text === "indicador",
    )!;
    expect(chartPage.words.filter((w) => w.text === "2.7" && w.yMin > title.yMax)).toEqual([]);
    // One series: no legend under the chart naming it.
    expect(chartPage.words.filter((w) => w.yMin > title.yMax).map((w) => w.text)).not.toContain("Atingimento");
  });

  it("Comunicado 2025-T1: two portrait pages, text ≥ 9 pt, each signature block whole on one page", () => {
    const communique = sheetPages("exemplo", /^Minuta gerada/, /^$/);
    expect(communique).toHaveLength(2);
    expect(communique.some(landscape)).toBe(false);
    expectLegible(communique);
    // The president and three members (Decreto, art. 9): four blocks.
    expect(expectWholeSignatures(communique)).toBe(4);
  });

  it("Indicadores: concepts never cut, and the indicator's code beside the owned columns on every page", () => {
    const user = pages.exemplo.filter((p) => !landscape(p) && /Contrato de Gestão nº 001\/2025/.test(pageText(p)));
    expect(user.length).toBeGreaterThan(0);
    for (const page of user) expect(overlappingWords(page).map(([a, b]) => `${a.text}|${b.text}`)).toEqual([]);
    const all = user.map(pageText).join(" ");
    expect(all).toContain("B – justificado parcialmente");
    // Print titles: every page with the owned columns also shows the indicator codes (column A).
    const owned = user.filter((p) => /\(Contratualiza\)/.test(pageText(p)));
    expect(owned.length).toBeGreaterThan(0);
    for (const page of owned) expect(pageText(page)).toMatch(/\bI01\b[\s\S]*\bI14\b/);
  });
});

describe("the communiqué as .docx", () => {
  it("A4 portrait, text ≥ 9 pt, every signature block whole on one page", () => {
    const doc = pages.comunicado;
    expect(doc.length).toBeLessThanOrEqual(3);
    expect([Math.round(doc[0].width), Math.round(doc[0].height)]).toEqual([595, 842]);
    expectLegible(doc);
    expect(expectWholeSignatures(doc)).toBe(4);
  });
});

/** The first line of each sheet's first page (each sheet starts a page): a page beginning so starts a document. */
const SHEET_START = /^(Resumo da avaliação|Minuta gerada|Relatório anual|Relatório final|Contrato de Gestão nº)/;

/** The pages of the one document of `doc` whose first page's text matches `first`, up to the next document. */
function documentOf(doc: string, first: RegExp): Page[] {
  const all = pages[doc];
  const starts = all.map((p, i) => (i === 0 || SHEET_START.test(pageText(p)) ? i : -1)).filter((i) => i >= 0);
  const found = starts.filter((i) => first.test(pageText(all[i])));
  expect({ doc, first: String(first), found: found.length }).toEqual({ doc, first: String(first), found: 1 });
  const end = starts.find((i) => i > found[0]) ?? all.length;
  return all.slice(found[0], end);
}

// The decree's art. 11 asks for five documents; the four-quarter contract, evaluated with `--final
// --termo-aditivo`, holds them all as sheets, and `comunicado` writes the communiqués as .docx.
describe("the decree's five documents, on a four-quarter contract", () => {
  it("(1) each quarter's follow-up report (Resumo): the tables, then its chart whole on a page of its own", () => {
    for (const q of [1, 2, 3, 4]) {
      const resumo = documentOf("contrato", new RegExp(`^Resumo da avaliação — ${q}º trimestre`));
      // Below the tables the chart would have been cut in two: a page break puts it on the next page.
      expect({ q, pages: resumo.length, landscape: resumo.every(landscape) }).toEqual({ q, pages: 2, landscape: true });
      expectLegible(resumo);
      expect(pageText(resumo[1])).toMatch(/^Atingimento por indicador/);
    }
  });

  it("(1) the first quarter's chart: a red bar for a target missed", () => {
    const resumo = documentOf("contrato", /^Resumo da avaliação — 1º trimestre/);
    // 2025-T1: I3 70% of ≥ 95%, not met (red, as its B cell); I2 60% of ≥ 80% with its justification
    // accepted (yellow); I1 400 of ≥ 300 met (green).
    expect(barColours("contrato", resumo[1], /^Atingimento por indicador/, ["I1", "I2", "I3"])).toEqual({
      I1: CONCEPT_STYLES.met.fill,
      I2: CONCEPT_STYLES.justified.fill,
      I3: CONCEPT_STYLES.notMet.fill,
    });
  });

  it("(2) each quarter's synthetic communiqué: two portrait pages, four whole signature blocks", () => {
    for (const q of [1, 2, 3, 4]) {
      const communique = documentOf("contrato", new RegExp(`^Minuta gerada.*Período avaliado: ${q}º trimestre`));
      expect({ q, pages: communique.length, landscape: communique.some(landscape) }).toEqual({
        q,
        pages: 2,
        landscape: false,
      });
      expectLegible(communique);
      // The president and three members (Decreto, art. 9).
      expect(expectWholeSignatures(communique)).toBe(4);
    }
    // Only the fourth quarter's closes the year (art. 11 §2).
    expect(pageText(documentOf("contrato", /^Minuta gerada.*Período avaliado: 4º trimestre/)[0])).toContain(
      "Último comunicado do exercício de 2025",
    );
  });

  it("(3) the annual and the final evaluation reports: three landscape pages each, type ≥ 9 pt", () => {
    const annual = documentOf("contrato", /^Relatório anual de avaliação/);
    const final = documentOf("contrato", /^Relatório final de avaliação/);
    // The overall table and its chart; the indicators' table, a row per indicator and quarter (170
    // characters wide: four quarters side by side made 269 and printed at 5,5 pt); the revision proposals
    // and notes.
    expect([annual.length, final.length]).toEqual([3, 3]);
    expect([...annual, ...final].every(landscape)).toBe(true);
    expectLegible([...annual, ...final]);
    for (const report of [annual, final]) {
      expect(pageText(report[1])).toMatch(/^Programado × alcançado por indicador de desempenho Código Indicador/);
      // I2's quarters, each on a line of its own, under I1's last (the merged name and trend share the first
      // quarter's line): 60% of ≥ 80% → 75%, B justified; 70% → 87,5%; 82% and 85% → 100%, A.
      const lines = pageLines(report[1]).map((l) => l.map((w) => w.text).join(" "));
      const order = [
        /2025-T4 450,00 100,0% A/,
        /^I2 Proporção .*2025-T1 60,0% 75,0% B – justificado melhorando \+8,8/,
        /2025-T2 70,0% 87,5% B – justificado/,
        /2025-T3 82,0% 100,0% A/,
        /2025-T4 85,0% 100,0% A/,
      ].map((re) => lines.findIndex((l) => re.test(l)));
      expect(order.every((k, i) => k >= 0 && (i === 0 || k > order[i - 1]))).toBe(true);
    }
  });

  it("(4) the final synthetic communiqué, as a sheet and as .docx: four whole signature blocks", () => {
    const sheet = documentOf("contrato", /^Minuta gerada.*Comunicado Final Sintético/);
    const docx = pages.finalDocx;
    expect([sheet.length, docx.length]).toEqual([2, 3]);
    expect([...sheet, ...docx].some(landscape)).toBe(false);
    expect([Math.round(docx[0].width), Math.round(docx[0].height)]).toEqual([595, 842]);
    expectLegible(sheet);
    expectLegible(docx);
    expect([expectWholeSignatures(sheet), expectWholeSignatures(docx)]).toEqual([4, 4]);
    // (83,33 + 70 + 66,67 + 50) / 4 = 67,5% → Faixa 4, in both.
    for (const doc of [sheet, docx]) expect(doc.map(pageText).join(" ")).toContain("67,5%");
  });

  it("(5) the proposal of an additive term, as a sheet and as .docx: four whole signature blocks", () => {
    const sheet = documentOf("contrato", /^Minuta gerada.*Proposta de Termo Aditivo/);
    const docx = pages.termDocx;
    expect([sheet.length, docx.length]).toEqual([2, 2]);
    expect([...sheet, ...docx].some(landscape)).toBe(false);
    expectLegible(sheet);
    expectLegible(docx);
    expect([expectWholeSignatures(sheet), expectWholeSignatures(docx)]).toEqual([4, 4]);
    // I1 exceeded its target by a wide margin (130% to 150%), I3 never met it (71,6% to 75,8%).
    for (const doc of [sheet, docx]) expect(doc.map(pageText).join(" ")).toMatch(/130,0% a 150,0%[\s\S]*71,6% a 75,8%/);
  });
});

describe("the co-financing copy", () => {
  it("the per-team sheet: one landscape page, type ≥ 9 pt", () => {
    const teams = pages.cofin.filter((p) => /^Cofinanciamento federal da APS/.test(pageText(p)));
    expect(teams).toHaveLength(1);
    expect(landscape(teams[0])).toBe(true);
    // 178 characters: the seven indicator columns hold `100,0 (Suficiente)` on one line (a number whose class
    // is in its format cannot wrap); the names wrap in narrower columns. At 184 it printed at 8,8 pt.
    expectLegible(teams);
  });
});

describe("the copy of a SISAB panel export", () => {
  it("names and period headers whole; the per-municipality sheet", () => {
    const panel = pages.sisab[0];
    const text = pageText(panel);
    expect(text).toContain("ABADIA DOS DOURADOS");
    expect(text).toContain("2024 Q1 (%)");
    expect(overlappingWords(panel)).toEqual([]);
    const municipalities = pages.sisab.filter((p) => /por município — 1º quadrimestre de 2024/.test(pageText(p)));
    expect(municipalities).toHaveLength(1);
    expectLegible(municipalities);
    // Highest ISF first: Tiradentes 50% of a 50% target (10,00), ABADIA 40% (8,00), Barroso 0% (0,00).
    expect(pageText(municipalities[0])).toMatch(/Tiradentes[\s\S]*ABADIA DOS DOURADOS[\s\S]*Barroso/);
  });
});

describe("the regional consolidation", () => {
  it("one landscape page, text ≥ 9 pt, bars in the bands' colours", () => {
    const sheet = pages.consolidado[0];
    expect(landscape(sheet)).toBe(true);
    expectLegible([sheet]);
    // 2025-T2: Perdões 100% (Faixa 1), Lavras and Nepomuceno 60% (Faixa 4).
    const band = Object.fromEntries(contractBands.bands.map((b) => [b.number!, b.color!]));
    const colours = barColours("consolidado", sheet, /^Atingimento global por/, ["Perdões", "Lavras", "Nepomuceno"]);
    expect(colours).toEqual({ Perdões: band[1], Lavras: band[4], Nepomuceno: band[4] });
  });
});
