/**
 * The communiqué as a Word document (src/workbook/plan/reports/docx.ts), in memory: the text is XML-escaped and
 * rid of what XML cannot hold, whatever a workbook's cells say (a property over arbitrary strings); line
 * breaks and tabs become Word's; the Markdown and the document say the same texts in the same order (one
 * source, ./communique's `communiqueParts`); the tables' columns fill the text width. The file itself, as
 * the command writes it and LibreOffice prints it: tests/cli/communiqueDocx.test.ts.
 */
import fc from "fast-check";
import { XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { reportStrings } from "../../../../src/workbook/messages";
import { runPipeline } from "../../../../src/workbook/pipeline";
import {
  buildCommunique,
  communiqueMarkdown,
  communiqueParts,
  type Communique,
} from "../../../../src/workbook/plan/reports/communique";
import { columnWidths, communiqueDocx, escapeXml, TEXT_WIDTH } from "../../../../src/workbook/plan/reports/docx";
import { contractWorkbook } from "./fixture";

const evs = runPipeline(contractWorkbook()).evaluations;
const t4 = buildCommunique(evs[3], { source: "Contrato de Gestão nº 001/2025", others: evs });

/** Well-formed XML 1.0: the parser's check, and no character XML cannot hold (which the parser lets through). */
const wellFormed = (xml: string) =>
  XMLValidator.validate(xml) === true && !/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(xml);

async function documentXml(doc: Communique): Promise<string> {
  const zip = await JSZip.loadAsync(await communiqueDocx(doc));
  return zip.file("word/document.xml")!.async("string");
}

/** A communiqué whose not-met table has one row with `text` as the indicator and the justification. */
function withText(text: string): Communique {
  const sections = t4.sections.map((sec) => ({ ...sec }));
  sections[1] = {
    heading: text,
    blocks: [{ kind: "table", headers: ["Código", "Indicador"], spans: [1, 1], rows: [[{ text: "I9" }, { text }]] }],
  };
  return { ...t4, title: text, sections };
}

test("escapeXml escapes markup and drops what XML 1.0 cannot hold", () => {
  expect(escapeXml(`a < b & c > "d" 'e'`)).toBe("a &lt; b &amp; c &gt; &quot;d&quot; 'e'");
  expect(escapeXml("x\u0000y\u0008z\u000B\uFFFE\uFFFF\uD800")).toBe("xyz");
  expect(escapeXml("tab\tquebra\nçã 😀 ≥ 95%")).toBe("tab\tquebra\nçã 😀 ≥ 95%");
});

test("a cell's markup, control characters, line breaks and tabs come out as text, breaks and tabs", async () => {
  const xml = await documentXml(withText('<b>Vacinas & "testes"</b>\u0001\nlinha 2\tcoluna'));
  expect(wellFormed(xml)).toBe(true);
  expect(xml).toContain(
    '<w:t xml:space="preserve">&lt;b&gt;Vacinas &amp; &quot;testes&quot;&lt;/b&gt;</w:t><w:br/><w:t xml:space="preserve">linha 2</w:t><w:tab/><w:t xml:space="preserve">coluna</w:t>',
  );
  expect(xml).not.toContain("<b>");
});

test("property: whatever the texts, every part of the package is well-formed XML", async () => {
  // Any code point, and any UTF-16 unit (lone surrogates included).
  const texts = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: fc.nat(0xffff).map((n) => String.fromCharCode(n)), maxLength: 40 }),
  );
  await fc.assert(
    fc.asyncProperty(texts, async (text) => {
      const zip = await JSZip.loadAsync(await communiqueDocx(withText(text)));
      for (const name of Object.keys(zip.files)) {
        if (zip.files[name].dir) continue;
        if (!wellFormed(await zip.file(name)!.async("string"))) return false;
      }
      return true;
    }),
    { numRuns: 40 },
  );
  // 40 documents zipped and unzipped: about 2 s on an idle 2-core machine, several times that under load. The
  // property's size stays (it is what finds a stray control character); the time limit is sized to it.
}, 30_000);

test("one source, two renderings: the document holds the Markdown's paragraphs and headings, in the same order", async () => {
  const xml = await documentXml(t4);
  const texts = communiqueParts(t4).flatMap((p) =>
    p.kind === "paragraph" ||
    p.kind === "heading" ||
    p.kind === "title" ||
    p.kind === "draftNote" ||
    p.kind === "placeDate"
      ? [p.text]
      : p.kind === "list"
        ? p.items
        : [],
  );
  let at = 0;
  for (const text of texts) {
    const found = xml.indexOf(`>${escapeXml(text)}<`, at);
    expect([text, found >= 0]).toEqual([text, true]);
    at = found;
  }
  const md = communiqueMarkdown(t4);
  expect(md).toContain(reportStrings.overallShare("50,0%"));
  expect(xml).toContain(`>${reportStrings.overallShare("50,0%")}<`);
  // One signature block per member in both.
  expect(md.match(/^Assinatura: /gm)).toHaveLength(reportStrings.members.length);
  expect(xml.match(new RegExp(`>${reportStrings.signatureLabel} _+<`, "g"))).toHaveLength(reportStrings.members.length);
});

test("the tables' columns add up to the text width; a short figure is never broken", () => {
  for (const block of t4.sections.flatMap((sec) => sec.blocks)) {
    if (block.kind !== "table") continue;
    const widths = columnWidths(block.headers, block.rows);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(Math.min(...widths)).toBeGreaterThan(500);
  }
  const [code, name, target] = columnWidths(
    ["Código", "Indicador", "Meta"],
    [[{ text: "I3" }, { text: "x ".repeat(60) }, { text: "≥ 95%" }]],
  );
  expect(name).toBeGreaterThan(code + target); // the long text takes what the short ones leave
  expect(target).toBeGreaterThanOrEqual(5 * 120); // "≥ 95%" on one line
  // Far more text than fits: every column still gets its longest word, in proportion.
  const many = columnWidths(
    Array.from({ length: 12 }, (_, j) => `Coluna${j}`),
    [Array.from({ length: 12 }, () => ({ text: "palavra-muito-comprida" }))],
  );
  expect(many.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
});
