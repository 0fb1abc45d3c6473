/**
 * What the task pane hears from Office between reads (workbook/host `subscribe`): the pane shown or hidden
 * (`Office.addin.onVisibilityModeChanged`, SharedRuntime 1.1: in the shared runtime the page lives on,
 * hidden, to calculate the add-in's functions), and a sheet activated, added or deleted (the worksheet
 * collection's events, ExcelApi 1.7), which may make the last read stale. Where a requirement set is
 * missing, that source is simply not watched: the pane still has "Ler a pasta de novo".
 */
import type { HostEvent } from "../../workbook/host";
import type { ExcelRun } from "./host";

/** The parts of `Office` this module uses (a stand-in in tests). */
export interface OfficeEvents {
  context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } };
  addin?: {
    onVisibilityModeChanged(handler: (message: { visibilityMode: string }) => void): Promise<() => Promise<void>>;
  };
}

/** `Office.VisibilityMode.taskpane`. */
const TASKPANE = "Taskpane";

const supported = (office: OfficeEvents, set: string, version: string) =>
  office.context?.requirements?.isSetSupported(set, version) === true;

/** Whether the page is on screen (the hidden runtime's page is not). */
export function pageShown(
  doc: Pick<Document, "visibilityState"> | undefined = typeof document === "undefined" ? undefined : document,
): boolean {
  return doc?.visibilityState !== "hidden";
}

/** Starts watching; the returned function stops (every handler removed, errors ignored). */
export function watchOffice(
  listener: (event: HostEvent) => void,
  run: ExcelRun,
  office: OfficeEvents | undefined,
): () => void {
  const stops: (() => void)[] = [];
  let stopped = false;
  const keep = (stop: () => void) => (stopped ? stop() : stops.push(stop));

  if (office?.addin && supported(office, "SharedRuntime", "1.1")) {
    office.addin
      .onVisibilityModeChanged((message) => listener(message.visibilityMode === TASKPANE ? "shown" : "hidden"))
      .then((remove) => keep(() => void remove().catch(() => undefined)))
      .catch(() => undefined);
  }

  if (office && supported(office, "ExcelApi", "1.7")) {
    const changed = async () => listener("changed");
    run(async (context) => {
      const sheets = context.workbook.worksheets;
      const handlers = [sheets.onActivated.add(changed), sheets.onAdded.add(changed), sheets.onDeleted.add(changed)];
      await context.sync();
      return handlers;
    })
      .then((handlers) =>
        keep(() => {
          for (const handler of handlers) handler.remove();
          void handlers[0]?.context.sync().catch(() => undefined);
        }),
      )
      .catch(() => undefined);
  }

  // The page's own visibility: the runtime's page hidden or shown again where the add-in API says nothing.
  if (typeof document !== "undefined") {
    const onVisibility = () => listener(pageShown() ? "shown" : "hidden");
    document.addEventListener("visibilitychange", onVisibility);
    keep(() => document.removeEventListener("visibilitychange", onVisibility));
  }

  return () => {
    stopped = true;
    for (const stop of stops.splice(0)) stop();
  };
}
