/**
 * What a printed page holds, read from a PDF with poppler: the words with their boxes (`pdftotext -bbox`),
 * the page's size, and its pixels (`pdftoppm`), so render tests can measure what a reader sees — text
 * height at print size, text beyond the page, words drawn over each other (a clipped cell), colours.
 */
import { execFileSync } from "child_process";
import fs from "fs";

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface Page {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  words: Word[];
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Every page of a PDF with its words, in points from the top-left corner. */
export function pdfPages(pdf: string): Page[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 }).toString("utf8");
  return html
    .split(/<page /)
    .slice(1)
    .map((chunk, i) => {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk);
      const words = [
        ...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
      ].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: unescape(m[5]),
      }));
      return { number: i + 1, width: Number(size?.[1]), height: Number(size?.[2]), words };
    });
}

/** A page's text, words joined by spaces in reading order as poppler gives them. */
export function pageText(page: Page): string {
  return page.words.map((w) => w.text).join(" ");
}

/** The smallest word height on a page, in points (the glyph box: about 1,3 × the font size). */
export function minTextHeight(page: Page): number {
  return Math.min(...page.words.map((w) => w.yMax - w.yMin));
}

/** Words whose box leaves the page less `margin` points on any side. */
export function wordsOutside(page: Page, margin: number): Word[] {
  return page.words.filter(
    (w) => w.xMin < margin || w.yMin < margin || w.xMax > page.width - margin || w.yMax > page.height - margin,
  );
}

/**
 * Pairs of words on one line drawn over each other: what a cell's text cut by its neighbour looks like
 * (LibreOffice draws a centred text wider than its column across the cells beside it).
 */
export function overlappingWords(page: Page, tolerance = 1): [Word, Word][] {
  const out: [Word, Word][] = [];
  const sorted = [...page.words].sort((a, b) => a.xMin - b.xMin);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].xMin < sorted[i].xMax - tolerance; j++) {
      const a = sorted[i];
      const b = sorted[j];
      const sameLine =
        Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 0.5 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
      if (sameLine) out.push([a, b]);
    }
  }
  return out;
}

/** A page's pixels at `dpi` (poppler's PPM: `P6 width height 255`, then RGB bytes). */
export interface Pixels {
  width: number;
  height: number;
  dpi: number;
  rgb: Buffer;
}

export function pagePixels(pdf: string, page: number, prefix: string, dpi = 72): Pixels {
  execFileSync("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, prefix]);
  const bytes = fs.readFileSync(`${prefix}.ppm`);
  fs.rmSync(`${prefix}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString("latin1"));
  if (!header) throw new Error("not a PPM");
  return { width: Number(header[1]), height: Number(header[2]), dpi, rgb: bytes.subarray(header[0].length) };
}

/** The colour at a point given in PDF points, as `#RRGGBB`. */
export function colourAt(p: Pixels, x: number, y: number): string {
  const px = Math.round((x * p.dpi) / 72);
  const py = Math.round((y * p.dpi) / 72);
  if (px < 0 || py < 0 || px >= p.width || py >= p.height) return "#FFFFFF"; // off the page: nothing drawn
  const i = (py * p.width + px) * 3;
  return `#${[p.rgb[i], p.rgb[i + 1], p.rgb[i + 2]].map((v) => v.toString(16).padStart(2, "0").toUpperCase()).join("")}`;
}

/** The colour found most often along a horizontal line from `x0` to `x1` at `y` (points): a bar's fill. */
export function mainColourAlong(
  p: Pixels,
  x0: number,
  x1: number,
  y: number,
  ignore: string[] = ["#FFFFFF"],
): string | undefined {
  const counts = new Map<string, number>();
  for (let x = x0; x <= x1; x += 0.5) {
    const c = colourAt(p, x, y);
    if (!ignore.includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** A page's words grouped in lines (words whose boxes share most of their height), top to bottom, left to right. */
export function pageLines(page: { words: Word[] }): Word[][] {
  const lines: Word[][] = [];
  for (const w of [...page.words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const line = lines.find((l) => {
      const h = Math.min(l[0].yMax - l[0].yMin, w.yMax - w.yMin);
      return Math.min(l[0].yMax, w.yMax) - Math.max(l[0].yMin, w.yMin) > 0.5 * h;
    });
    if (line) line.push(w);
    else lines.push([w]);
  }
  return lines.sort((a, b) => a[0].yMin - b[0].yMin).map((l) => l.sort((a, b) => a.xMin - b.xMin));
}

/**
 * The heading that ends a page alone, if one does: the page's last line (the page-number footer aside),
 * when its type is larger than the page's body text (the height most words have). A table's header or a
 * chart's labels end a page in body-size or smaller type.
 */
export function headingAtBottom(page: { words: Word[] }, footer = /^Página \d+ de \d+$/): string | undefined {
  const lines = pageLines(page).filter((l) => !footer.test(l.map((w) => w.text).join(" ")));
  if (lines.length < 2) return undefined;
  const counts = new Map<number, number>();
  for (const w of page.words) {
    const h = Math.round((w.yMax - w.yMin) * 10) / 10;
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  const body = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const last = lines[lines.length - 1];
  const height = Math.max(...last.map((w) => w.yMax - w.yMin));
  return height > body * 1.05 ? last.map((w) => w.text).join(" ") : undefined;
}
