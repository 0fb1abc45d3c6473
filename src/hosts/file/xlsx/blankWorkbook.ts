/**
 * A blank workbook package: one empty sheet, the default style (Calibri 11) and the document properties,
 * for a writer that makes a workbook of its own rather than a copy of one it read (the consolidated
 * workbook of `contratualiza consolidar`). The package writer (./patch) then adds the plan's sheets, as it
 * does to any workbook.
 *
 * Built from a few fixed parts in a millisecond, where ExcelJS took a tenth of a second of the command's
 * serial end (after some 700 modules loaded) to make the same base. The theme is ExcelJS's own (Office's
 * default), taken from the one module that holds it: a chart's gridlines and axes take their colour from
 * the theme, and without one LibreOffice draws none.
 */
import { escapeAttr, escapeText, NS } from "./chart";
import { newEntry, writeZip } from "./patch/zip";

/** Office's default theme, as ExcelJS 4.4 writes it (a string module of its own, nothing else of ExcelJS loaded). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const OFFICE_THEME = require("exceljs/lib/xlsx/xml/theme1.js") as string;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  "</Types>";

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${NS.pkgRel}">` +
  `<Relationship Id="rId1" Type="${NS.rel}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${NS.pkgRel}/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${NS.rel}/extended-properties" Target="docProps/app.xml"/>` +
  "</Relationships>";

const WORKBOOK_RELS =
  `${XML_HEAD}<Relationships xmlns="${NS.pkgRel}">` +
  `<Relationship Id="rId1" Type="${NS.rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${NS.rel}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rId3" Type="${NS.rel}/theme" Target="theme/theme1.xml"/>` +
  "</Relationships>";

const SHEET = `${XML_HEAD}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheetData/></worksheet>`;

/**
 * The default cell style: the theme's body font (Calibri 11) in its text colour, no fill, no border; and the two
 * fills every workbook has.
 */
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${NS.main}">` +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/>' +
  "</styleSheet>";

const workbookXml = (sheet: string) =>
  `${XML_HEAD}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
  `<sheets><sheet name="${escapeAttr(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

/** Office lists the sheets' names in `TitlesOfParts`; the package writer keeps the list up to date. */
const appXml = (sheet: string) =>
  `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  "<Application>Microsoft Excel</Application>" +
  '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>' +
  "<vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>" +
  `<TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>${escapeText(sheet)}</vt:lpstr></vt:vector></TitlesOfParts>` +
  "</Properties>";

/** When the workbook was made, as Excel shows it in the file's properties (to the second, UTC). */
const coreXml = (made: Date) => {
  const when = `${made.toISOString().slice(0, 19)}Z`;
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
};

/** The package of a workbook with one empty sheet named `sheet`, made at `made`. */
export function blankWorkbook(sheet: string, made = new Date()): Buffer {
  return writeZip([
    newEntry("[Content_Types].xml", CONTENT_TYPES),
    newEntry("_rels/.rels", ROOT_RELS),
    newEntry("docProps/app.xml", appXml(sheet)),
    newEntry("docProps/core.xml", coreXml(made)),
    newEntry("xl/workbook.xml", workbookXml(sheet)),
    newEntry("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
    newEntry("xl/worksheets/sheet1.xml", SHEET),
    newEntry("xl/styles.xml", STYLES),
    newEntry("xl/theme/theme1.xml", OFFICE_THEME),
  ]);
}
