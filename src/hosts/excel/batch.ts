/**
 * Writes grouped into as few `context.sync()` calls as the host's payload limit allows. Excel on the web
 * rejects a request over 5 MB (`RequestPayloadSizeLimitExceeded`); each write is queued with an estimate
 * of its size in the request (the JSON of its arrays plus a fixed cost per action), and writes are packed
 * in order into batches that stay under a budget (4 MB by default, leaving room for the request's own
 * envelope). Grids are split by rows where a batch is full, so one table never has to fit in one request.
 * The check's reads use the same queue: their budget is the size of Excel's answer, also limited to 5 MB.
 */

/** Excel on the web's request limit is 5 MB; batches stay under this, with a margin. */
export const DEFAULT_MAX_PAYLOAD = 4 * 1024 * 1024;

/** What one queued action costs in the request besides its data (ids, names, the action's JSON). */
export const OP_OVERHEAD = 120;

/** Bytes of a string in UTF-8, which is how the request travels (accents take two bytes). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    // Each half of a surrogate pair counts 2: 4 for the pair, as in UTF-8.
    else if (code >= 0xd800 && code <= 0xdfff) n += 2;
    else n += 3;
  }
  return n;
}

/** Bytes of a value as JSON in UTF-8. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "");
}

/** One write: its estimated size and the function that queues its Office.js calls. */
export interface QueuedWrite {
  size: number;
  queue: () => void;
}

export interface Batch {
  writes: QueuedWrite[];
  size: number;
}

type Item =
  | { kind: "one"; size: number; queue: () => void }
  | { kind: "rows"; rows: number[]; overhead: number; queue: (start: number, end: number) => void };

/**
 * Writes in order, cut into batches that each fit the budget. A write of rows (a grid) can be split
 * between batches: it fills what room the current batch has left, then goes on in the next one, so a big
 * table takes as few syncs as its size allows and small writes never get a sync of their own.
 */
export class WriteQueue {
  private readonly items: Item[] = [];

  constructor(readonly maxPayload: number = DEFAULT_MAX_PAYLOAD) {}

  /** One write that is not split. */
  add(size: number, queue: () => void): void {
    this.items.push({ kind: "one", size, queue });
  }

  /**
   * A write of rows: `rows[i]` is row i's estimated size, `overhead` what each part costs besides its rows;
   * `queue(start, end)` queues rows `[start, end)`.
   */
  addRows(rows: number[], overhead: number, queue: (start: number, end: number) => void): void {
    if (rows.length > 0) this.items.push({ kind: "rows", rows, overhead, queue });
  }

  /** Batches in order; a single write (or row) bigger than the budget gets a batch of its own. */
  batches(): Batch[] {
    const out: Batch[] = [];
    let current: Batch = { writes: [], size: 0 };
    const close = () => {
      if (current.writes.length === 0) return;
      out.push(current);
      current = { writes: [], size: 0 };
    };
    const push = (size: number, queue: () => void) => {
      current.writes.push({ size, queue });
      current.size += size;
    };
    for (const item of this.items) {
      if (item.kind === "one") {
        if (current.size + item.size > this.maxPayload) close();
        push(item.size, item.queue);
        continue;
      }
      const n = item.rows.length;
      for (let start = 0; start < n;) {
        const room = this.maxPayload - current.size;
        let end = start;
        let size = item.overhead;
        while (end < n && size + item.rows[end] <= room) size += item.rows[end++];
        if (end === start) {
          if (current.writes.length > 0) {
            close();
            continue;
          }
          size += item.rows[end++];
        }
        const [s, e] = [start, end];
        push(size, () => item.queue(s, e));
        start = end;
        if (start < n) close();
      }
    }
    close();
    return out;
  }
}
