/**
 * The words of a PDF with their boxes, from poppler's `pdftotext -bbox` (points, origin at the top left of
 * each page): what the render tests measure — how tall the text prints, whether it stays inside the paper's
 * printable area, what lies on which page.
 */
import { execFile, execFileSync } from "child_process";
import { promisify } from "util";

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

/** poppler's pdftotext, when installed. */
export const pdftotext = (() => {
  try {
    return execFileSync("which", ["pdftotext"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
})();

const unescape = (x: string) =>
  x
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Every page of `pdf` with its words, in reading order. */
export async function pdfWords(pdf: string): Promise<PdfPage[]> {
  if (!pdftotext) throw new Error("pdftotext is not installed");
  const { stdout } = await promisify(execFile)(pdftotext, ["-bbox", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 });
  return [...stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => ({
    width: Number(p[1]),
    height: Number(p[2]),
    words: [
      ...p[3].matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g),
    ].map((w) => ({
      text: unescape(w[5]),
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
    })),
  }));
}

/** A page's words joined by spaces, for `toContain`. */
export const pageText = (page: PdfPage): string => page.words.map((w) => w.text).join(" ");

/** The height of the shortest word box over `pages`: the smallest type as printed (a box is about the font size). */
export function minWordHeight(pages: PdfPage[]): number {
  return Math.min(...pages.flatMap((p) => p.words.map((w) => w.yMax - w.yMin)));
}

/** Printers leave about 5 mm of each edge blank: text there may be cut. */
export const UNPRINTABLE = (5 / 25.4) * 72;

/** The words whose box reaches into a page's unprintable border (or beyond the page). */
export function outsidePrintable(pages: PdfPage[], inset = UNPRINTABLE): { page: number; word: PdfWord }[] {
  return pages.flatMap((p, i) =>
    p.words
      .filter((w) => w.xMin < inset || w.yMin < inset || w.xMax > p.width - inset || w.yMax > p.height - inset)
      .map((word) => ({ page: i + 1, word })),
  );
}

/**
 * The signature blocks that a page break cuts: each `Nome:` must have, on its own page, the line to sign just
 * above it (`Assinatura:` or a line of underscores, within 40 pt) and the member's role just below (within
 * 60 pt: a word of `roleWord`). Gives the 1-based pages of the blocks cut.
 */
export function cutSignatureBlocks(pages: PdfPage[], roleWord: string): number[] {
  const cut: number[] = [];
  // Lines are compared by their middles: boxes of consecutive lines may overlap by a point.
  const middle = (w: PdfWord) => (w.yMin + w.yMax) / 2;
  pages.forEach((p, i) => {
    for (const name of p.words.filter((w) => w.text === "Nome:")) {
      const y = middle(name);
      const above = p.words.some(
        (w) => (w.text === "Assinatura:" || /^_{5,}$/.test(w.text)) && y - middle(w) > 3 && y - middle(w) < 40,
      );
      const below = p.words.some((w) => w.text === roleWord && middle(w) - y > 3 && middle(w) - y < 60);
      if (!above || !below) cut.push(i + 1);
    }
  });
  return cut;
}
