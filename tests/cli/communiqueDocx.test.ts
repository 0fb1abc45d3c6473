/**
 * `contratualiza comunicado <arquivo.xlsx> --saida x.docx` (src/cli/communique.ts, src/workbook/plan/reports/docx.ts)
 * on a real .xlsx with the four quarters of 2025 (tests/workbook/plan/reports/fixture.ts): the Word document it
 * writes, read back with JSZip — the figures worked out by hand from the fixture in its text and table, the
 * page, the styles, the package — then opened by LibreOffice as a person would: printed to PDF (its text
 * read with pdftotext) and rendered to PNG, kept in test-artifacts/communique-docx to look at. The input is
 * never written (same sha256) and no temporary file is left behind.
 */
import { execFile, execFileSync } from "child_process";
import { createHash } from "crypto";
import fs from "fs";
import JSZip from "jszip";
import { XMLValidator } from "fast-xml-parser";
import path from "path";
import { promisify } from "util";
import { runComunicado } from "../../src/cli/communique";
import { reportStrings } from "../../src/workbook/messages";
import { reportCommandStrings } from "../../src/cli/messages";
import { artifactsDir, convertWithLibreOffice, renderPdf, soffice, withLibreOffice } from "../support/libreoffice";
import { writeContractXlsx } from "../workbook/plan/reports/fixture";
import { tempDir } from "../hosts/file/xlsx/helpers";

let dir: string;
let cleanup: () => void;
let input: string;
let hash: string;
let docx: string;
let zip: JSZip;
let documentXml: string;
const sha256 = (f: string) => createHash("sha256").update(fs.readFileSync(f)).digest("hex");

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runComunicado(argv, { write: (x: string) => (out += x) }, { write: (x: string) => (err += x) });
  return { code, out, err };
}

const unescape = (x: string) =>
  x
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** The text of a piece of WordprocessingML: its `w:t`, line breaks as `\n`, tabs as `\t`. */
function textOf(xml: string): string {
  let text = "";
  for (const m of xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g))
    text += m[1] !== undefined ? unescape(m[1]) : m[0] === "<w:br/>" ? "\n" : "\t";
  return text;
}

/** The body's paragraphs outside tables: [style, text]. */
function paragraphs(xml: string): [string, string][] {
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  return [...outside.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => [
    /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1])?.[1] ?? "Normal",
    textOf(m[1]),
  ]);
}

/** Each table as rows of cell texts. */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1].matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1])),
    ),
  );
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  input = path.join(dir, "contrato.xlsx");
  await writeContractXlsx(input);
  hash = sha256(input);
  docx = path.join(dir, "comunicado-2025-T4.docx");
  const { code, out, err } = await run(input, "--saida", docx);
  expect(err).toBe("");
  expect(code).toBe(0);
  expect(out).toContain(reportCommandStrings.written("2025-T4", docx));
  zip = await JSZip.loadAsync(fs.readFileSync(docx));
  documentXml = await zip.file("word/document.xml")!.async("string");
}, 60_000);
afterAll(() => cleanup());
afterEach(() => expect(sha256(input)).toBe(hash)); // the input is never written

describe("the .docx read back", () => {
  test("is a WordprocessingML package whose parts are well-formed XML", async () => {
    const names = Object.keys(zip.files)
      .filter((n) => !zip.files[n].dir)
      .sort();
    expect(names).toEqual(
      expect.arrayContaining([
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/_rels/document.xml.rels",
        "docProps/core.xml",
      ]),
    );
    for (const name of names)
      expect([name, XMLValidator.validate(await zip.file(name)!.async("string"))]).toEqual([name, true]);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain(
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
    );
    expect(await zip.file("_rels/.rels")!.async("string")).toMatch(
      /relationships\/officeDocument" Target="word\/document.xml"/,
    );
    expect(await zip.file("docProps/core.xml")!.async("string")).toContain(
      "<dc:title>Comunicado Trimestral Sintético — 2025-T4</dc:title>",
    );
  });

  test("the page is A4 portrait with 2,5 cm margins; the styles are pt-BR, with Title and Heading 1", async () => {
    // A4 = 210 × 297 mm = 11906 × 16838 twentieths of a point; 2,5 cm = 1417.
    expect(documentXml).toMatch(
      /<w:sectPr>.*<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>.*<\/w:sectPr><\/w:body>/,
    );
    expect(documentXml).toContain('<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417"');
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="pt-BR"/);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"\/>/);
    expect(styles).toMatch(
      /<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"\/>.*?<w:outlineLvl w:val="0"\/>/,
    );
  });

  test("says the period, the overall result and the band, in the communiqué's order", () => {
    const ps = paragraphs(documentXml);
    expect(ps[1]).toEqual(["Title", "Comunicado Trimestral Sintético"]);
    expect(ps[2][0]).toBe("HeaderLine");
    expect(ps[2][1].split("\n").slice(0, 2)).toEqual([
      "Período avaliado: 4º trimestre de 2025 (2025-T4)",
      "Último comunicado do exercício de 2025",
    ]);
    expect(ps.filter(([style]) => style === "Heading1").map(([, text]) => text)).toEqual([
      "1. Resultado do período",
      "2. Indicadores de desempenho que não atingiram a meta",
      "3. Justificativas recebidas e deliberação da Comissão",
      "4. Ações corretivas e indutoras sugeridas",
      "5. Indicadores a serem revisados ou renegociados",
    ]);
    const texts = ps.map(([, text]) => text);
    // T4: I1, I2 and I5 met, I3, I4 and I7 not → 3 of 6 = 50% → band 5 (50% to 59,9%).
    expect(texts).toContain(
      "No 4º trimestre de 2025, 3 indicadores de desempenho, de 6 com resultado informado, atingiram a meta pactuada (conceito A = Suficiente).",
    );
    expect(texts).toContain(reportStrings.overallShare("50,0%"));
    expect(texts).toContain(reportStrings.band("Faixa 5 — 50% a 59,9%"));
    expect(ps).toContainEqual([
      "Quote",
      "“Recomendação pela abertura de Procedimento de sanção por descumprimento contratual.”",
    ]);
  });

  test("a table of the indicators not met, each with its target, result and attainment", () => {
    const [notMet, justifications] = tables(documentXml);
    // I3 71% vs ≥ 95% → 0,71/0,95 = 74,7%; I4 14% vs ≤ 10% → 0,10/0,14 = 71,4%; I7 48% vs ≥ 50% → 96%.
    expect(notMet).toEqual([
      ["Código", "Indicador", "Meta", "Resultado", "Atingimento", "Conceito"],
      ["I3", "Cobertura vacinal de crianças menores de 1 ano", "≥ 95%", "71,0%", "74,7%", "B"],
      ["I4", "Internações por condições sensíveis à atenção primária", "≤ 10%", "14,0%", "71,4%", "B"],
      ["I7", "Hipertensos com pressão arterial aferida", "≥ 50%", "48,0%", "96,0%", "B"],
    ]);
    expect(justifications[1]).toEqual([
      "I3 Cobertura vacinal de crianças menores de 1 ano",
      "Desabastecimento de vacinas pelo Estado",
      "Não acatada.",
    ]);
    // The header row repeats on each page; a B is coloured as on the sheets (Excel's "Bad" fill).
    expect(documentXml).toContain("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    expect(documentXml).toMatch(
      /<w:shd w:val="clear" w:color="auto" w:fill="FFC7CE"\/><\/w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"\/>(<w:keepNext\/>)?<w:jc w:val="center"\/><\/w:pPr><w:r><w:rPr><w:color w:val="9C0006"\/><\/w:rPr><w:t xml:space="preserve">B<\/w:t>/,
    );
  });

  test("ends with the place/date line and one signature block per member of the commission", () => {
    const ps = paragraphs(documentXml);
    const at = ps.findIndex(([style]) => style === "PlaceDate");
    expect(ps[at][1]).toBe(reportStrings.placeDate);
    const signatures = ps.slice(at + 1);
    expect(signatures).toHaveLength(4 * 3);
    expect(signatures.filter((_, i) => i % 3 === 2).map(([, text]) => text)).toEqual(reportStrings.members);
    expect(signatures[0][1]).toBe(`${reportStrings.signatureLabel} ${reportStrings.signatureLine}`);
    expect(signatures[1][1]).toBe(`${reportStrings.signatureName} ${reportStrings.signatureLine}`);
  });

  test("nothing but the .docx was added to the folder (no temporary file), and an upper-case .DOCX is Word too", async () => {
    expect(fs.readdirSync(dir).sort()).toEqual(["comunicado-2025-T4.docx", "contrato.xlsx"]);
    const upper = path.join(dir, "T1.DOCX");
    expect((await run(input, "--periodo", "2025-T1", `--saida=${upper}`)).code).toBe(0);
    const back = await JSZip.loadAsync(fs.readFileSync(upper));
    const xml = await back.file("word/document.xml")!.async("string");
    // T1: I1, I4, I5 and I7 met, I2's justification accepted in full (counts as met), I3 not → 5 of 6 = 83,3%.
    expect(paragraphs(xml).map(([, text]) => text)).toContain(reportStrings.overallShare("83,3%"));
    fs.rmSync(upper);
  });
});

const pdftotext = (() => {
  try {
    return execFileSync("which", ["pdftotext"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
})();
/** LibreOffice's word processor (Writer) is a package of its own: without it a .docx does not convert. */
const hasWriter =
  soffice !== undefined && fs.existsSync(path.join(path.dirname(fs.realpathSync(soffice)), "libswlo.so"));
if (soffice && !hasWriter)
  console.warn("LibreOffice Writer (libreoffice-writer-nogui) is not installed: the .docx is not printed.");
const withWriter = hasWriter && pdftotext ? withLibreOffice(true) : test.skip;

withWriter(
  "LibreOffice prints the .docx on A4: the PDF says the figures; the pages are kept as PNG in test-artifacts/communique-docx",
  async () => {
    const artifacts = artifactsDir("communique-docx");
    const copy = path.join(artifacts, "comunicado-2025-T4.docx");
    fs.copyFileSync(docx, copy);
    const pdf = await convertWithLibreOffice(copy, artifacts, "pdf");
    expect(fs.readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { stdout: layout } = await promisify(execFile)(pdftotext!, ["-layout", pdf, "-"]);
    const { stdout: info } = await promisify(execFile)("pdfinfo", [pdf]).catch(() => ({ stdout: "" }));
    if (info) expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const flat = layout.replace(/\s+/g, " ");
    expect(flat).toContain("Comunicado Trimestral Sintético");
    expect(flat).toContain("Período avaliado: 4º trimestre de 2025 (2025-T4)");
    expect(flat).toContain("foi de 50,0%.");
    expect(flat).toContain("Faixa 5 — 50% a 59,9%");
    // Each indicator not met on one line of its table row: code, target, result, attainment, concept.
    const lines = layout.split("\n");
    for (const [code, target, result, attainment] of [
      ["I3", "≥ 95%", "71,0%", "74,7%"],
      ["I4", "≤ 10%", "14,0%", "71,4%"],
      ["I7", "≥ 50%", "48,0%", "96,0%"],
    ]) {
      const row = lines.find((l) => new RegExp(`^\\s*${code}\\s+\\S`).test(l) && l.includes(result));
      expect([code, row]).toEqual([
        code,
        expect.stringMatching(new RegExp(`${target}\\s+${result}\\s+${attainment}\\s+B\\s*$`)),
      ]);
    }
    expect(flat).toContain("Página 1 de");
    for (const member of reportStrings.members) expect(flat).toContain(member.slice(0, 40));
    const pngs = await renderPdf(pdf, path.join(artifacts, "comunicado-2025-T4"), 70);
    expect(pngs.length).toBeGreaterThanOrEqual(2);
    for (const png of pngs) expect(fs.statSync(png).size).toBeGreaterThan(5000);
  },
  120_000,
);
