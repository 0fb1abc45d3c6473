/**
 * The command's progress line: `Avaliando… [#########-----------] 45%`, redrawn in place with `\r`.
 *
 * It is drawn only on a terminal. When the stream is a pipe or a file (a script, `--json`, CI logs) it writes
 * nothing at all, so that output stays exactly the report. Redraws are throttled (a 100k-row workbook
 * reports progress far more often than a terminal is worth repainting), except that reaching 100% is
 * always drawn, so the line never stops short of the end.
 */
import { progressStrings } from "./messages";

/** Where the line goes: `process.stderr` in the command (stdout carries the report). */
export interface ProgressStream {
  isTTY?: boolean;
  /** Width of the terminal; the line is fitted to it. */
  columns?: number;
  write(s: string): unknown;
}

export interface Progress {
  /**
   * Reports `done` of `total` steps. `stage` (e.g. `Avaliando…`) replaces the text before the bar, and
   * stays until another stage is given.
   */
  update(done: number, total: number, stage?: string): void;
  /** Clears the line, so what is printed next starts on a clean line. Later updates are ignored. */
  done(): void;
}

export interface ProgressOptions {
  /** Clock in milliseconds, for tests; a monotonic one by default. */
  now?: () => number;
  /** Least time between two redraws, in milliseconds (100: at most ten a second). */
  interval?: number;
}

/** Width assumed when the stream does not say (80 columns, the classic terminal). */
const DEFAULT_COLUMNS = 80;
/** The bar's widest and narrowest: below the narrowest, the bar is left out and only the percentage shows. */
const MAX_BAR = 30;
const MIN_BAR = 5;

/** The share done, 0–1: an empty task (total 0) that is done counts as complete; nonsense counts as 0. */
function fractionOf(done: number, total: number): number {
  if (!(total > 0)) return done >= total ? 1 : 0;
  const f = done / total;
  return Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0;
}

/**
 * The line for a text and a share, fitted to `width` characters. The bar shrinks first, then goes; then
 * the text is cut with `…`. ASCII bar characters: every Windows console shows them.
 */
export function progressLine(text: string, fraction: number, width: number): string {
  // Floor, so 100% appears only when everything is done (99.6% stays 99%).
  const percent = progressStrings.percent(Math.floor(fraction * 100));
  const room = width - text.length - percent.length - 2; // two spaces around the bar
  if (room - 2 >= MIN_BAR) {
    const size = Math.min(MAX_BAR, room - 2); // two brackets
    const filled = Math.round(fraction * size);
    return `${text} [${"#".repeat(filled)}${"-".repeat(size - filled)}] ${percent}`;
  }
  const line = `${text} ${percent}`;
  if (line.length <= width) return line;
  const keep = width - percent.length - 2; // a space and the ellipsis
  if (keep <= 0) return percent.slice(0, Math.max(0, width));
  return `${text.slice(0, keep).trimEnd()}… ${percent}`;
}

/** A progress line on `stream`, starting with `label` as its text (see the module's note). */
export function createProgress(stream: ProgressStream, label: string, options: ProgressOptions = {}): Progress {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  const now = options.now ?? (() => performance.now());
  const interval = options.interval ?? 100;
  let text = label;
  let drawn = ""; // what is on the line now
  let lastDraw = -Infinity;
  let finished = false;

  const draw = (line: string) => {
    // Spaces over what a longer previous line left behind; `\r` alone does not erase.
    const pad = drawn.length > line.length ? " ".repeat(drawn.length - line.length) : "";
    stream.write(`\r${line}${pad}`);
    drawn = line;
  };

  return {
    update(done, total, stage) {
      if (finished) return;
      if (stage !== undefined) text = stage;
      const fraction = fractionOf(done, total);
      const time = now();
      if (fraction < 1 && time - lastDraw < interval) return;
      // Terminals wrap a line that fills the last column; one column short keeps `\r` on the same line.
      const width = Math.max(1, (stream.columns && stream.columns > 0 ? stream.columns : DEFAULT_COLUMNS) - 1);
      const line = progressLine(text, fraction, width);
      if (line === drawn) return;
      draw(line);
      lastDraw = time;
    },
    done() {
      if (finished) return;
      finished = true;
      if (drawn) stream.write(`\r${" ".repeat(drawn.length)}\r`);
      drawn = "";
    },
  };
}
