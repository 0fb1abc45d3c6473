/**
 * The shared-strings part, for the one text the patcher cannot write inline: the empty text. Readers (ExcelJS
 * among them) read an empty inline string as an empty cell, but an empty shared string as an empty text,
 * which is what the add-in means by `""` (e.g. a class column with nothing to say, beside filled ones).
 * Every other text is written inline, so this part is touched only when a plan has an empty text, and then
 * only to append one `<si>` (found again, not appended twice, on a second run).
 */
import { rootOf } from "../chart";

export const CT_SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

const EMPTY_SST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>`;

export class SharedStrings {
  private index: number | undefined;
  private text: string | undefined;

  /** `read` gives the part's text (undefined when the package has none); it is called only when needed. */
  constructor(private readonly read: () => string | undefined) {}

  /** The index of the empty text, appended when the table has none. */
  empty(): number {
    if (this.index !== undefined) return this.index;
    const xml = this.read() ?? EMPTY_SST;
    const prefix = /<([\w.-]+:)?sst\b/.exec(xml)?.[1] ?? "";
    const items = [...xml.matchAll(new RegExp(`<${prefix}si\\b[^>]*?(/?)>`, "g"))];
    const emptyAt = items.findIndex((m) => {
      const after = xml.slice(m.index + m[0].length, m.index + m[0].length + 40);
      return m[1] !== "/" && new RegExp(`^<${prefix}t(\\s[^>]*)?(/>|></${prefix}t>)</${prefix}si>`).test(after);
    });
    if (emptyAt >= 0) return (this.index = emptyAt);
    const { open, close } = rootOf(xml);
    const openTag = xml
      .slice(open.start, open.end)
      .replace(/(\suniqueCount\s*=\s*)["'](\d+)["']/, (_m, a: string) => `${a}"${items.length + 1}"`);
    this.text =
      xml.slice(0, open.start) +
      openTag +
      xml.slice(open.end, close.start) +
      `<${prefix}si><${prefix}t></${prefix}t></${prefix}si>` +
      xml.slice(close.start);
    return (this.index = items.length);
  }

  /** The part's new text, when the empty text was appended to it (or the part made for it). */
  changed(): string | undefined {
    return this.text;
  }
}
