/**
 * The byte-level XML scanner the worksheet reader uses (src/hosts/file/xlsx/stream/xml `ByteScanner`) against
 * saxes, the SAX parser it replaced: on random documents cut into random pieces it must report the same
 * elements, attributes and text (CDATA, comments and processing instructions skipped, as the reader's SAX
 * handlers skipped them), and never throw on well-formed input. Plus the `t="d"` dates the reader now reads.
 */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { attrs, attrValue, ByteScanner, readAttributes, textOf } from "../../../../src/hosts/file/xlsx/stream/xml";
import { isoDate } from "../../../../src/hosts/file/xlsx/stream/sheet";
import { readWorkbookBytes } from "../../../../src/hosts/file/xlsx/read";
import { isAddinSheet } from "../../../../src/workbook/addinParts";
import { planStrings } from "../../../../src/workbook/messages";
import ExcelJS from "exceljs";
import { workbookOf } from "./helpers";

type Event = ["open", string, Record<string, string>] | ["close", string] | ["text", string];

/** Adjacent text events merged: both parsers may cut a text anywhere. */
function push(events: Event[], e: Event): void {
  const last = events[events.length - 1];
  if (e[0] === "text" && last?.[0] === "text") last[1] += e[1];
  else events.push(e);
}

function bySaxes(xml: string): Event[] {
  const events: Event[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  // Whitespace outside the root element is reported by saxes and by nothing that reads worksheets.
  let depth = 0;
  parser.on("opentag", (t) => {
    depth++;
    push(events, ["open", t.name, { ...(t.attributes as Record<string, string>) }]);
  });
  parser.on("closetag", (t) => {
    depth--;
    push(events, ["close", t.name]);
  });
  parser.on("text", (t) => depth > 0 && push(events, ["text", t]));
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(xml).close();
  return events.filter((e) => !(e[0] === "text" && e[1] === ""));
}

function byScanner(bytes: Buffer, cuts: number[]): Event[] {
  const events: Event[] = [];
  const scanner = new ByteScanner({
    open(buf, ns, ne, from, to) {
      const a: Record<string, string> = {};
      readAttributes(buf, from, to);
      for (let i = 0; i < attrs.count; i++)
        a[buf.toString("utf8", attrs.nameStart[i], attrs.nameEnd[i])] = attrValue(buf, i);
      push(events, ["open", buf.toString("utf8", ns, ne), a]);
    },
    close: (buf, ns, ne) => push(events, ["close", buf.toString("utf8", ns, ne)]),
    text: (buf, s, e) => push(events, ["text", textOf(buf, s, e)]),
  });
  let at = 0;
  for (const cut of [...cuts].sort((x, y) => x - y)) {
    scanner.write(bytes.subarray(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  scanner.write(bytes.subarray(at));
  scanner.end();
  return events;
}

// Text pieces as a worksheet holds them: entities (named and numeric), multi-byte characters, line ends.
const textPiece = fc.constantFrom(
  "1",
  "0.5",
  "Pré-natal",
  " ",
  "&amp;",
  "&lt;x&gt;",
  "&quot;",
  "&apos;",
  "&#233;",
  "&#x1F600;",
  "ção",
  "\r\n",
  "\r",
  "\t",
  "_x000D_",
  "😀",
  ">",
);
const text = fc.array(textPiece, { maxLength: 4 }).map((p) => p.join(""));
const attrText = fc
  .array(fc.constantFrom("A1", "&amp;", "&lt;", "x y", "\n", ">", "ç", "'", "&#34;"), { maxLength: 3 })
  .map((p) => p.join(""));
const tagName = fc.constantFrom("c", "row", "v", "x:c", "is", "t", "r", "f", "mergeCell");

const node: fc.Memo<string> = fc.memo((depth) =>
  fc.oneof(
    { depthSize: "small" },
    text,
    fc.constantFrom("<!-- a < comment -->", "<![CDATA[ <not> & markup ]]>", '<?pi x="1"?>'),
    fc
      .tuple(
        tagName,
        fc.array(fc.tuple(fc.constantFrom("r", "s", "t", "ref", "r:id"), attrText, fc.boolean()), { maxLength: 3 }),
        depth > 2 ? fc.constant([] as string[]) : fc.array(node(depth + 1), { maxLength: 4 }),
        fc.boolean(),
      )
      .map(([name, attributes, children, self]) => {
        const seen = new Set<string>();
        const list = attributes
          .filter(([n]) => !seen.has(n) && seen.add(n))
          .map(([n, v, single]) =>
            single ? ` ${n}='${v.replace(/'/g, "&apos;")}'` : ` ${n}="${v.replace(/"/g, "&quot;")}"`,
          )
          .join("");
        if (self && children.length === 0) return `<${name}${list}/>`;
        return `<${name}${list}>${children.join("")}</${name}>`;
      }),
  ),
);

const documentXml = fc
  .tuple(fc.boolean(), fc.array(node(1), { maxLength: 5 }))
  .map(([bom, children]) => `${bom ? "\ufeff" : ""}<?xml version="1.0"?>\n<sheetData>${children.join("")}</sheetData>`);

describe("the byte scanner reads what saxes reads", () => {
  test("random documents cut into random pieces: same elements, attributes and text; never throws", () => {
    fc.assert(
      fc.property(documentXml, fc.array(fc.nat(), { maxLength: 6 }), (xml, cuts) => {
        const bytes = Buffer.from(xml, "utf8");
        const expected = bySaxes(xml.replace(/^\ufeff/, ""));
        expect(
          byScanner(
            bytes,
            cuts.map((c) => c % (bytes.length + 1)),
          ),
        ).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  test("a hand-checked cell: entities decoded once, CDATA and comments skipped, a line end normalised", () => {
    const xml = '<c r="B2" t="str"><v>a &amp;lt; b<!-- no --><![CDATA[skip]]>&#233;\r\nz</v></c>';
    expect(byScanner(Buffer.from(xml), [5, 30])).toEqual([
      ["open", "c", { r: "B2", t: "str" }],
      ["open", "v", {}],
      // `&amp;lt;` decodes to `&lt;` (the reader decodes `str` text once more); `&#233;` is é.
      ["text", "a &lt; bé\nz"],
      ["close", "v"],
      ["close", "c"],
    ]);
  });

  test("malformed input throws an Error, never anything else", () => {
    for (const xml of ["<a><b></a>", "<a>", "<a x=1/>", "<a>&nope;</a>", "<a>& b</a>", "<a", "</a>"]) {
      expect(() => byScanner(Buffer.from(xml), [])).toThrow(Error);
    }
  });
});

describe('t="d" cells: ISO 8601 dates', () => {
  test("a date is that day at UTC midnight; a time of day is kept; a zone is applied", () => {
    expect(isoDate("2025-01-05")).toEqual(new Date(Date.UTC(2025, 0, 5)));
    expect(isoDate("2025-01-05T10:30:00")).toEqual(new Date(Date.UTC(2025, 0, 5, 10, 30)));
    expect(isoDate("2025-01-05T10:30:00.250Z")).toEqual(new Date(Date.UTC(2025, 0, 5, 10, 30, 0, 250)));
    // 10:30 at UTC−3 is 13:30 UTC.
    expect(isoDate("2025-01-05T10:30:00-03:00")).toEqual(new Date(Date.UTC(2025, 0, 5, 13, 30)));
  });

  test("what is not a date is not one: 30 February, a bare number, a text", () => {
    expect(isoDate("2025-02-30")).toBeUndefined();
    expect(isoDate("45000")).toBeUndefined();
    expect(isoDate("jan/2025")).toBeUndefined();
  });

  test("any valid date written as Excel writes it reads back as itself (to the millisecond)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }),
        (d) => {
          expect(isoDate(d.toISOString())).toEqual(d);
          expect(isoDate(d.toISOString().slice(0, 10))).toEqual(new Date(d.toISOString().slice(0, 10)));
        },
      ),
    );
  });
});

describe("reading row 1 only (whether an existing file is an evaluated copy)", () => {
  test("each sheet's name, state and row 1 as the whole read gives them; nothing below", async () => {
    const wb = new ExcelJS.Workbook();
    const data = wb.addWorksheet("Indicadores");
    data.getCell("B1").value = "Código";
    for (let r = 2; r <= 50; r++) data.getCell(r, 2).value = r;
    const summary = wb.addWorksheet("Resumo 2025", { state: "hidden" });
    summary.getCell("A1").value = planStrings.summaryTitle("contrato.xlsx");
    summary.getCell("A3").value = "Indicador";
    const late = wb.addWorksheet("Vazia no topo");
    late.getCell("C7").value = 1;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const whole = workbookOf(await readWorkbookBytes(bytes, "x.xlsx")).sheets;
    const heads = workbookOf(await readWorkbookBytes(bytes, "x.xlsx", true)).sheets;
    expect(heads.map((s) => [s.name, s.hidden])).toEqual(whole.map((s) => [s.name, s.hidden]));
    // Indicadores: B1 only (origin B1, one row); the 49 values below are not read.
    expect(heads[0]).toMatchObject({ origin: { row: 1, col: 2 }, rows: [[{ value: "Código" }]] });
    expect(whole[0].rows).toHaveLength(50);
    // The summary is told apart by its A1 either way; a sheet with nothing in row 1 reads as empty.
    expect(heads.map(isAddinSheet)).toEqual([false, true, false]);
    expect(whole.map(isAddinSheet)).toEqual([false, true, false]);
    expect(heads[2].rows).toEqual([]);
  });
});
