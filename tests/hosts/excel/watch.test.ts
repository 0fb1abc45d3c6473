/**
 * The Office events the pane listens to (hosts/excel/watch): the pane shown or hidden (SharedRuntime
 * 1.1) and sheets activated, added or deleted (ExcelApi 1.7), each only where its requirement set is
 * supported; stopping removes every handler.
 */
import { watchOffice, type OfficeEvents } from "../../../src/hosts/excel/watch";
import type { ExcelRun } from "../../../src/hosts/excel/host";
import type { HostEvent } from "../../../src/workbook/host";

/** A stand-in for Office: the sets it supports, the visibility handler it was given, whether it was removed. */
function fakeOffice(sets: string[]) {
  const state: { visibility?: (m: { visibilityMode: string }) => void; removed: boolean } = { removed: false };
  const office: OfficeEvents = {
    context: { requirements: { isSetSupported: (name, version) => sets.includes(`${name} ${version}`) } },
    addin: {
      onVisibilityModeChanged: async (handler) => {
        state.visibility = handler;
        return async () => void (state.removed = true);
      },
    },
  };
  return { office, state };
}

/** A stand-in for Excel.run whose worksheet collection records its three event handlers. */
function fakeRun() {
  const handlers: { event: string; fire: () => Promise<unknown>; removed: boolean }[] = [];
  const event = (name: string) => ({
    add: (fire: () => Promise<unknown>) => {
      const h = { event: name, fire, removed: false };
      handlers.push(h);
      return { remove: () => void (h.removed = true), context: { sync: async () => undefined } };
    },
  });
  const context = {
    workbook: { worksheets: { onActivated: event("activated"), onAdded: event("added"), onDeleted: event("deleted") } },
    sync: async () => undefined,
  };
  const run = ((batch: (c: unknown) => Promise<unknown>) => batch(context)) as unknown as ExcelRun;
  return { run, handlers };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("watchOffice", () => {
  it("turns Office's visibility into shown / hidden and each sheet event into changed; stop removes them", async () => {
    const { office, state } = fakeOffice(["SharedRuntime 1.1", "ExcelApi 1.7"]);
    const { run, handlers } = fakeRun();
    const events: HostEvent[] = [];
    const stop = watchOffice((e) => events.push(e), run, office);
    await flush();
    state.visibility?.({ visibilityMode: "Hidden" });
    state.visibility?.({ visibilityMode: "Taskpane" });
    expect(handlers.map((h) => h.event)).toEqual(["activated", "added", "deleted"]);
    for (const h of handlers) await h.fire();
    expect(events).toEqual(["hidden", "shown", "changed", "changed", "changed"]);
    stop();
    await flush();
    expect(state.removed).toBe(true);
    expect(handlers.every((h) => h.removed)).toBe(true);
  });

  it("without SharedRuntime 1.1 and ExcelApi 1.7 it registers nothing (the pane still reads on request)", async () => {
    const { office, state } = fakeOffice([]);
    const { run, handlers } = fakeRun();
    const stop = watchOffice(() => undefined, run, office);
    await flush();
    expect(state.visibility).toBeUndefined();
    expect(handlers).toEqual([]);
    stop();
  });
});
