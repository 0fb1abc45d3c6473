/**
 * The synthetic communiqué as a Word document (.docx), for `contratualiza comunicado --saida x.docx`: the
 * same parts as the Markdown (./communique: `communiqueParts`), laid out for printing and signing — A4
 * portrait with 2,5 cm margins, the title and headings as Word's own Title and Heading 1 styles (so they
 * show in the navigation pane), the header lines, the paragraphs (justified), bulleted lists, the tables
 * (the indicators not met, the justifications: a header row repeated on each page, numbers right-aligned,
 * the concept coloured as on the sheets), the place/date line, and one signature block per member, kept
 * on one page; page numbers in the footer.
 *
 * A minimal WordprocessingML package assembled with JSZip: [Content_Types].xml, _rels/.rels,
 * docProps/core.xml, word/document.xml, word/styles.xml (the text in pt-BR: spelling, hyphenation),
 * word/settings.xml, word/numbering.xml (the bullets), word/footer1.xml and their relationships. Every
 * text is XML-escaped and stripped of the characters XML cannot hold. Pure: gives back the bytes.
 */
import type JSZip from "jszip";
import { docxStrings } from "../../messages";
import type { CellStyle } from "../types";
import { communiqueParts, type CommuniqueText, type DocumentPart, type TableCell } from "./communique";
import { conceptStyle } from "./layout";
import { maxOf } from "../../../core/arrays";

// ---------------------------------------------------------------------------------------------------------
// XML

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` as XML character data or an attribute value: escaped, without the characters XML forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

// ---------------------------------------------------------------------------------------------------------
// The page: A4 portrait, 2,5 cm margins (twentieths of a point: 1 cm = 567)

const PAGE = { width: 11906, height: 16838, margin: 1417 };
/** The width between the margins: what the tables take. */
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Where the signature and name lines start: they are about 9,5 cm long, so the block sits in the middle. */
const SIGNATURE_INDENT = 1800;

const BLUE = "1F3864";
const HEADER_FILL = "DDEBF7";
const BORDER = "8EA9C1";

// ---------------------------------------------------------------------------------------------------------
// Runs, paragraphs, tables

interface RunFormat {
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

/** A run of text; line breaks become `<w:br/>` and tabs `<w:tab/>`. */
function run(text: string, format: RunFormat = {}): string {
  const props = [
    format.bold ? "<w:b/><w:bCs/>" : "",
    format.italic ? "<w:i/><w:iCs/>" : "",
    format.color ? `<w:color w:val="${format.color}"/>` : "",
  ].join("");
  const content = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) =>
      line
        .split("\t")
        .map((piece) => (piece ? `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>` : ""))
        .join("<w:tab/>"),
    )
    .join("<w:br/>");
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}${content}</w:r>`;
}

type Align = "left" | "center" | "right" | "both";

/** A paragraph of one style; `extra`: other direct properties, `pPr` elements that come before `w:jc` in the schema. */
function paragraph(style: string | undefined, runs: string, align?: Align, extra = ""): string {
  const props = `${style ? `<w:pStyle w:val="${style}"/>` : ""}${extra}${align ? `<w:jc w:val="${align}"/>` : ""}`;
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${runs}</w:p>`;
}

const KEEP_NEXT = "<w:keepNext/>";

/** `#C6EFCE` → `C6EFCE`, as WordprocessingML writes colours. */
const hex = (color: string | undefined): string | undefined => color?.replace(/^#/, "").toUpperCase();

/**
 * Twips a character of the tables' text (9 pt) takes, about: a little more than in Arial, so that the wider
 * fonts that stand in for it where Arial is missing (DejaVu Sans) fit too; wider for bold (the header) and
 * for short texts, which are mostly figures and symbols (`≥ 95%`).
 */
const CHAR_WIDTH = 114;
const WIDE_CHAR_WIDTH = 133;
/** A cell's left and right margins (0,1 cm each) and some slack. */
const CELL_MARGIN = 57;
const CELL_PADDING = 2 * CELL_MARGIN + 30;
/** Texts this short are never broken (`≥ 95%`, `71,4%`): the column fits them whole. */
const SHORT_TEXT = 12;

/**
 * Column widths (twips, adding up to {@link TEXT_WIDTH}) from the texts. Each column needs its longest
 * word (or its longest short text whole) and would like each text on one line, up to 40 characters; when
 * not all fit, every column gets what it needs and the rest goes, a little at a time, to the columns whose
 * texts still wrap, in proportion to how much of their text wraps (a column of long names takes more than
 * one with a single long cell).
 */
export function columnWidths(headers: string[], rows: TableCell[][]): number[] {
  const longestWord = (x: string) => Math.max(...x.split(/\s+/).map((w) => w.length));
  const unbreakable = (x: string) =>
    x.length <= SHORT_TEXT ? x.length * WIDE_CHAR_WIDTH : longestWord(x) * CHAR_WIDTH;
  const oneLine = (x: string) =>
    x.length <= SHORT_TEXT ? x.length * WIDE_CHAR_WIDTH : Math.min(40, x.length) * CHAR_WIDTH;
  const texts = headers.map((_, j) => rows.map((row) => row[j]?.text ?? ""));
  const need = headers.map((h, j) => maxOf(texts[j].map(unbreakable), longestWord(h) * WIDE_CHAR_WIDTH) + CELL_PADDING);
  /** The width each text of a column (the header in bold) would like, on one line. */
  const likes = headers.map((h, j) =>
    [h.length * WIDE_CHAR_WIDTH, ...texts[j].map(oneLine)].map((w) => w + CELL_PADDING),
  );
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const widths = [...need];
  if (sum(need) >= TEXT_WIDTH) return fill(widths.map((w) => Math.floor((w * TEXT_WIDTH) / sum(need))));
  // Share the rest out in steps, each in proportion to the width the texts still lack.
  for (let step = 0; step < 20; step++) {
    const spare = TEXT_WIDTH - sum(widths);
    const lack = likes.map((xs, j) => sum(xs.map((x) => Math.max(0, x - widths[j]))));
    if (spare <= 0 || sum(lack) === 0) break;
    const share = Math.min(spare, sum(lack));
    lack.forEach(
      (l, j) =>
        (widths[j] += Math.max(0, Math.min(Math.floor((share * l) / sum(lack)), Math.max(...likes[j]) - widths[j]))),
    );
  }
  // What is left when every text fits: in proportion to the widths.
  const total = sum(widths);
  return fill(widths.map((w) => Math.floor((w * TEXT_WIDTH) / total)));
}

/** The rounding's few twips to the last column, so the widths add up to the text width. */
function fill(widths: number[]): number[] {
  widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function tableCell(width: number, content: string, fill?: string): string {
  const shading = fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>` : "";
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shading}</w:tcPr>${content}</w:tc>`;
}

/**
 * A table: the header row repeated on each page, rows never split across pages, and the whole table kept
 * on one page when it fits (every row's text kept with the next row, as Word does it).
 */
function table(headers: string[], rows: TableCell[][]): string {
  const widths = columnWidths(headers, rows);
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("");
  const head = headers.map((h, j) => tableCell(widths[j], paragraph("TableHeader", run(h)), HEADER_FILL)).join("");
  const body = rows
    .map((row, i) => {
      const keep = i < rows.length - 1 ? KEEP_NEXT : "";
      const cells = row.map((c, j) => {
        if (c.concept) {
          const style: CellStyle = conceptStyle(c.text);
          const runs = run(c.text, { bold: style.bold, italic: style.italic, color: hex(style.color) });
          return tableCell(widths[j], paragraph("TableText", runs, "center", keep), hex(style.fill));
        }
        return tableCell(
          widths[j],
          paragraph("TableText", run(c.text), c.value !== undefined ? "right" : undefined, keep),
        );
      });
      return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.join("")}</w:tr>`;
    })
    .join("");
  return (
    `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/>` +
    `<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>` +
    `<w:tblGrid>${grid}</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${head}</w:tr>${body}</w:tbl>` +
    // Word wants a paragraph between a table and what follows: a small empty one, for a little space.
    '<w:p><w:pPr><w:spacing w:after="0" w:line="160" w:lineRule="exact"/><w:rPr><w:sz w:val="8"/><w:szCs w:val="8"/></w:rPr></w:pPr></w:p>'
  );
}

/** One part of the communiqué as WordprocessingML body content; `keep`: kept on the page of what follows. */
function bodyOf(part: DocumentPart, keep: boolean): string {
  switch (part.kind) {
    case "draftNote":
      return paragraph("DraftNote", run(part.text));
    case "title":
      return paragraph("Title", run(part.text));
    case "header":
      return paragraph("HeaderLine", run(part.lines.join("\n")));
    case "heading":
      return paragraph("Heading1", run(part.text));
    case "paragraph":
      return paragraph(
        part.style === "quote" ? "Quote" : part.style === "warning" ? "Warning" : undefined,
        run(part.text),
        undefined,
        keep ? KEEP_NEXT : "",
      );
    case "list":
      return part.items.map((item) => paragraph("ListBullet", run(item))).join("");
    case "table":
      return table(part.headers, part.rows);
    case "placeDate":
      return paragraph("PlaceDate", run(part.text));
    case "signature":
      // Room to sign above the first line; the block kept on one page (keepNext on all but the role).
      return [
        ...part.lines.map((line, n) =>
          paragraph("Signature", run(line), undefined, n === 0 ? '<w:spacing w:before="720"/>' : ""),
        ),
        paragraph(
          "Signature",
          run(part.role, { bold: true }),
          "center",
          '<w:keepNext w:val="0"/><w:spacing w:after="240"/><w:ind w:left="0"/>',
        ),
      ].join("");
  }
}

// ---------------------------------------------------------------------------------------------------------
// The package's parts

function documentXml(body: string): string {
  const section =
    `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>` +
    `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${PAGE.margin}" w:right="${PAGE.margin}" w:bottom="${PAGE.margin}" w:left="${PAGE.margin}" w:header="709" w:footer="709" w:gutter="0"/>` +
    `<w:cols w:space="708"/></w:sectPr>`;
  return `${XML_DECLARATION}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}${section}</w:body></w:document>`;
}

/** A paragraph style: `pPr` and `rPr` contents, based on Normal unless said otherwise. */
function paragraphStyle(
  id: string,
  name: string,
  pPr: string,
  rPr: string,
  options: { basedOn?: string; next?: string; builtIn?: boolean } = {},
): string {
  return (
    `<w:style w:type="paragraph" ${options.builtIn ? "" : 'w:customStyle="1" '}w:styleId="${id}"><w:name w:val="${escapeXml(name)}"/>` +
    `<w:basedOn w:val="${options.basedOn ?? "Normal"}"/>${options.next ? `<w:next w:val="${options.next}"/>` : ""}<w:qFormat/>` +
    `${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}</w:style>`
  );
}

function stylesXml(): string {
  const names = docxStrings.docxStyles;
  const font = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>';
  const blue = `<w:color w:val="${BLUE}"/>`;
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${BORDER}"/>`;
  return (
    `${XML_DECLARATION}<w:styles xmlns:w="${W}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${font}<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="pt-BR" w:eastAsia="pt-BR" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>` +
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
    paragraphStyle(
      "Title",
      "Title",
      '<w:keepNext/><w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/>',
      `<w:b/><w:bCs/>${blue}<w:sz w:val="32"/><w:szCs w:val="32"/>`,
      { next: "Normal", builtIn: true },
    ) +
    paragraphStyle(
      "Heading1",
      "heading 1",
      '<w:keepNext/><w:keepLines/><w:spacing w:before="300" w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/>',
      `<w:b/><w:bCs/>${blue}<w:sz w:val="24"/><w:szCs w:val="24"/>`,
      { next: "Normal", builtIn: true },
    ) +
    paragraphStyle("Quote", "Quote", '<w:ind w:left="567" w:right="567"/>', "<w:b/><w:bCs/><w:i/><w:iCs/>", {
      builtIn: true,
    }) +
    paragraphStyle(
      "ListBullet",
      "List Bullet",
      '<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="80"/><w:ind w:left="357" w:hanging="357"/><w:jc w:val="left"/>',
      "",
      { builtIn: true },
    ) +
    paragraphStyle(
      "DraftNote",
      names.draftNote,
      `<w:pBdr>${border("bottom")}</w:pBdr><w:spacing w:after="240"/><w:jc w:val="left"/>`,
      '<w:i/><w:iCs/><w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
    ) +
    paragraphStyle(
      "HeaderLine",
      names.headerLine,
      '<w:keepNext/><w:spacing w:after="240"/><w:jc w:val="center"/>',
      `<w:b/><w:bCs/>${blue}`,
    ) +
    paragraphStyle("Warning", names.warning, "", '<w:b/><w:bCs/><w:color w:val="9C0006"/>') +
    paragraphStyle(
      "TableText",
      names.tableText,
      '<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>',
      '<w:sz w:val="18"/><w:szCs w:val="18"/>',
    ) +
    paragraphStyle("TableHeader", names.tableHeader, '<w:keepNext/><w:jc w:val="center"/>', `<w:b/><w:bCs/>${blue}`, {
      basedOn: "TableText",
    }) +
    paragraphStyle("PlaceDate", names.placeDate, '<w:spacing w:before="360" w:after="240"/><w:jc w:val="right"/>', "") +
    paragraphStyle(
      "Signature",
      names.signature,
      `<w:keepNext/><w:keepLines/><w:spacing w:after="60"/><w:ind w:left="${SIGNATURE_INDENT}"/><w:jc w:val="left"/>`,
      "",
    ) +
    paragraphStyle(
      "Footer",
      "footer",
      '<w:spacing w:after="0"/><w:jc w:val="center"/>',
      '<w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
      { builtIn: true },
    ) +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>` +
    `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>` +
    `<w:tblPr><w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders>` +
    `<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `</w:styles>`
  );
}

function settingsXml(): string {
  return (
    `${XML_DECLARATION}<w:settings xmlns:w="${W}"><w:defaultTabStop w:val="708"/><w:autoHyphenation/><w:characterSpacingControl w:val="doNotCompress"/>` +
    // Current Word (2013 and later), not "compatibility mode".
    `<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
    `<w:themeFontLang w:val="pt-BR"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>`
  );
}

function numberingXml(): string {
  return (
    `${XML_DECLARATION}<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>` +
    `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>` +
    `<w:pPr><w:ind w:left="357" w:hanging="357"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
  );
}

/** `Página N de M`, the numbers as fields Word and LibreOffice fill in. */
function footerXml(): string {
  const field = (name: string) =>
    `<w:fldSimple w:instr=" ${name} \\* MERGEFORMAT "><w:r><w:t>1</w:t></w:r></w:fldSimple>`;
  const [before, middle] = docxStrings.docxPageOf;
  return `${XML_DECLARATION}<w:ftr xmlns:w="${W}" xmlns:r="${R}">${paragraph("Footer", `${run(before)}${field("PAGE")}${run(middle)}${field("NUMPAGES")}`)}</w:ftr>`;
}

function coreXml(title: string): string {
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>${escapeXml(docxStrings.docxCreator)}</dc:creator><dc:language>pt-BR</dc:language></cp:coreProperties>`
  );
}

const CONTENT_TYPES =
  `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
  `<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
  `<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
  `<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
  `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
  `</Types>`;

function relationships(rels: [id: string, type: string, target: string][]): string {
  const items = rels
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`)
    .join("");
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELS}">${items}</Relationships>`;
}

const OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The package around a document body: every part a word processor needs to open it. */
async function docxPackage(body: string, title: string): Promise<Uint8Array> {
  // Loaded when a .docx is asked for: requiring JSZip costs every command's start about 80 ms.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zip = new (require("jszip") as typeof JSZip)();
  zip.file("[Content_Types].xml", CONTENT_TYPES);
  zip.file(
    "_rels/.rels",
    relationships([
      ["rId1", `${OFFICE_RELS}/officeDocument`, "word/document.xml"],
      [
        "rId2",
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "docProps/core.xml",
      ],
    ]),
  );
  zip.file("docProps/core.xml", coreXml(title));
  zip.file("word/document.xml", documentXml(body));
  zip.file(
    "word/_rels/document.xml.rels",
    relationships([
      ["rIdStyles", `${OFFICE_RELS}/styles`, "styles.xml"],
      ["rIdSettings", `${OFFICE_RELS}/settings`, "settings.xml"],
      ["rIdNumbering", `${OFFICE_RELS}/numbering`, "numbering.xml"],
      ["rIdFooter", `${OFFICE_RELS}/footer`, "footer1.xml"],
    ]),
  );
  zip.file("word/styles.xml", stylesXml());
  zip.file("word/settings.xml", settingsXml());
  zip.file("word/numbering.xml", numberingXml());
  zip.file("word/footer1.xml", footerXml());
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** The communiqué as the bytes of a .docx file (see the module comment). */
export async function communiqueDocx(doc: CommuniqueText): Promise<Uint8Array> {
  const parts = communiqueParts(doc);
  // The paragraph that introduces a table stays with it.
  const body = parts.map((part, i) => bodyOf(part, parts[i + 1]?.kind === "table")).join("");
  const title = doc.period ? `${doc.title} — ${doc.period.label}` : doc.title;
  return docxPackage(body, title);
}
