import { createProgress, progressLine, type ProgressStream } from "../../src/cli/progress";
import { progressStrings } from "../../src/cli/messages";

/** A stream that keeps what was written, and a clock the test moves by hand. */
function fakeStream(isTTY: boolean, columns?: number): ProgressStream & { writes: string[] } {
  const writes: string[] = [];
  return { isTTY, columns, writes, write: (s: string) => writes.push(s) };
}

function fakeClock() {
  let time = 0;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

/** What a terminal would show: the text after the last `\r`, trailing spaces dropped. */
function screen(writes: string[]): string {
  let line = "";
  for (const w of writes) {
    for (const [i, part] of w.split("\r").entries()) {
      line = i === 0 ? line + part : part + line.slice(part.length);
    }
  }
  return line.trimEnd();
}

describe("createProgress", () => {
  it("writes nothing at all when the stream is not a terminal (pipes, files, --json)", () => {
    for (const stream of [fakeStream(false, 80), { write: jest.fn() }]) {
      const clock = fakeClock();
      const progress = createProgress(stream, progressStrings.reading, { now: clock.now });
      progress.update(0, 10);
      clock.advance(1000);
      progress.update(5, 10, progressStrings.evaluating);
      progress.update(10, 10);
      progress.done();
      if ("writes" in stream) expect(stream.writes).toEqual([]);
      else expect(stream.write).not.toHaveBeenCalled();
    }
  });

  it("draws one line with \\r on a terminal: the stage, a bar and the percentage", () => {
    const stream = fakeStream(true, 60);
    const clock = fakeClock();
    const progress = createProgress(stream, progressStrings.reading, { now: clock.now });
    progress.update(0, 1);
    expect(stream.writes).toHaveLength(1);
    expect(stream.writes[0].startsWith("\r")).toBe(true);
    expect(stream.writes.join("")).not.toContain("\n");
    expect(screen(stream.writes)).toBe(`${progressStrings.reading} [${"-".repeat(30)}] 0%`);

    clock.advance(500);
    progress.update(45, 100, progressStrings.evaluating);
    expect(screen(stream.writes)).toMatch(/^Avaliando… \[#{14}-{16}\] 45%$/);
  });

  it("keeps the last stage when an update gives none", () => {
    const stream = fakeStream(true, 80);
    const clock = fakeClock();
    const progress = createProgress(stream, progressStrings.reading, { now: clock.now });
    progress.update(1, 4, progressStrings.evaluating);
    clock.advance(200);
    progress.update(2, 4);
    expect(screen(stream.writes)).toMatch(/^Avaliando… \[.*\] 50%$/);
  });

  it("redraws at most ten times a second, but always draws 100%", () => {
    const stream = fakeStream(true, 80);
    const clock = fakeClock();
    const progress = createProgress(stream, progressStrings.evaluating, { now: clock.now });
    // 1000 updates over half a second: the first, then one per 100 ms.
    for (let i = 0; i < 1000; i++) {
      progress.update(i, 1000);
      clock.advance(0.5);
    }
    expect(stream.writes.length).toBeGreaterThanOrEqual(5);
    expect(stream.writes.length).toBeLessThanOrEqual(6);
    // Right after a redraw, 100% is still drawn.
    progress.update(1000, 1000);
    expect(screen(stream.writes)).toMatch(/ 100%$/);
  });

  it("does not rewrite an identical line", () => {
    const stream = fakeStream(true, 80);
    const clock = fakeClock();
    const progress = createProgress(stream, progressStrings.evaluating, { now: clock.now });
    progress.update(10, 10);
    progress.update(10, 10);
    clock.advance(1000);
    progress.update(10, 10);
    expect(stream.writes).toHaveLength(1);
  });

  it("shows 100% only when everything is done", () => {
    const stream = fakeStream(true, 80);
    const progress = createProgress(stream, progressStrings.evaluating, { now: () => 0 });
    progress.update(996, 1000);
    expect(screen(stream.writes)).toMatch(/ 99%$/);
  });

  it("erases a longer previous line, and clears the line when done", () => {
    const stream = fakeStream(true, 80);
    const clock = fakeClock();
    const progress = createProgress(stream, progressStrings.detecting, { now: clock.now });
    progress.update(0, 2);
    clock.advance(200);
    progress.update(1, 2, progressStrings.evaluating);
    expect(screen(stream.writes)).toMatch(/^Avaliando… \[.*\] 50%$/);
    progress.done();
    expect(screen(stream.writes)).toBe("");
    expect(stream.writes.join("")).not.toContain("\n");
    const count = stream.writes.length;
    progress.update(2, 2);
    progress.done();
    expect(stream.writes).toHaveLength(count);
  });

  it("writes nothing when done before any update", () => {
    const stream = fakeStream(true, 80);
    createProgress(stream, progressStrings.reading).done();
    expect(stream.writes).toEqual([]);
  });

  it("fits the terminal's width, one column short so the line does not wrap", () => {
    for (const columns of [120, 80, 40, 25, 16, 8, 3, 1]) {
      const stream = fakeStream(true, columns);
      const progress = createProgress(stream, progressStrings.writing, { now: () => 0 });
      progress.update(1, 3);
      const line = screen(stream.writes);
      expect(line.length).toBeLessThanOrEqual(Math.max(1, columns - 1));
      expect(stream.writes.every((w) => w.length - 1 <= Math.max(1, columns - 1))).toBe(true);
    }
  });

  it("assumes 80 columns when the stream does not say", () => {
    const stream = fakeStream(true);
    const progress = createProgress(stream, progressStrings.evaluating, { now: () => 0 });
    progress.update(1, 2);
    expect(screen(stream.writes).length).toBeLessThanOrEqual(79);
    expect(screen(stream.writes)).toContain("[###############---------------]");
  });

  it("reads odd totals sensibly: an empty task that is done is 100%, nonsense is 0%", () => {
    const stream = fakeStream(true, 80);
    const clock = fakeClock();
    const progress = createProgress(stream, progressStrings.evaluating, { now: clock.now });
    progress.update(Number.NaN, 10);
    expect(screen(stream.writes)).toMatch(/ 0%$/);
    clock.advance(200);
    progress.update(20, 10);
    expect(screen(stream.writes)).toMatch(/ 100%$/);
    const empty = fakeStream(true, 80);
    createProgress(empty, progressStrings.evaluating, { now: () => 0 }).update(0, 0);
    expect(screen(empty.writes)).toMatch(/ 100%$/);
  });
});

describe("progressLine", () => {
  it("drops the bar, then cuts the text with an ellipsis, as the width shrinks", () => {
    // 40 columns: 23 for the bar's inside, half of it (rounded) filled.
    expect(progressLine("Avaliando…", 0.5, 40)).toBe(`Avaliando… [${"#".repeat(12)}${"-".repeat(11)}] 50%`);
    expect(progressLine("Avaliando…", 0.5, 16)).toBe("Avaliando… 50%");
    expect(progressLine("Gravando a planilha de saída…", 0.5, 16)).toBe("Gravando a… 50%");
    expect(progressLine("Avaliando…", 1, 4)).toBe("100%");
  });
});
