/**
 * The page's loader, its first and smallest script (no imports: it must run before anything else is
 * fetched). It loads Office.js itself instead of a blocking <script> in the page's head, so that the pane
 * can show "Carregando…" at once and say what went wrong when Office.js is slow or does not load:
 *
 * - Office.js loaded and Office says the host is Excel → `excel` (then functions.js is loaded, after
 *   Office.js as the shared runtime needs, to associate the custom functions);
 * - Office.js loaded and Office says there is no host, or Office.js could not be fetched, and nothing says
 *   the page is inside Office → `outside` (a plain browser: the pane says to open it in Excel);
 * - inside Office, Office.js could not be fetched → `failed`; it has not answered after `SLOW_MS` → `slow`.
 *
 * "Inside Office": Office opens the pane with `_host_Info=Excel$…` in its address (Office.js keeps it in
 * sessionStorage for later navigations), and Office on the web shows the pane in a frame.
 *
 * The task pane (index.tsx) follows `window.__contratualiza`: the state now and a way to hear of changes.
 */
export type BootState = "loading" | "excel" | "outside" | "failed" | "slow";

export interface Boot {
  state: BootState;
  subscribe(listener: (state: BootState) => void): void;
}

declare global {
  interface Window {
    __contratualiza?: Boot;
  }
}

/** Office.js from Microsoft's CDN, as Office requires of every add-in (add-ins may not bundle it). */
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** How long Office.js may take before the pane says Office has not answered (it keeps waiting). */
export const SLOW_MS = 5000;

/** Whether the page was opened by Office (see the module comment). */
export function insideOffice(win: Window = window): boolean {
  try {
    if (/[?&#]_host_Info=/i.test(win.location.href)) return true;
    if (win.sessionStorage.getItem("hostInfoValue")) return true;
  } catch {
    // Storage may be refused; the frame test below still answers.
  }
  try {
    return win.top !== win;
  } catch {
    // A cross-origin parent: a frame, so Office on the web.
    return true;
  }
}

function addScript(src: string, onload?: () => void, onerror?: () => void): void {
  const script = document.createElement("script");
  script.src = src;
  script.async = false;
  if (onload) script.onload = onload;
  if (onerror) script.onerror = onerror;
  document.head.appendChild(script);
}

function start(): void {
  const listeners: ((state: BootState) => void)[] = [];
  const boot: Boot = { state: "loading", subscribe: (listener) => void listeners.push(listener) };
  window.__contratualiza = boot;
  const set = (state: BootState) => {
    // Excel is final; anything may still turn into Excel (Office answering late).
    if (boot.state === state || boot.state === "excel") return;
    boot.state = state;
    for (const listener of listeners) listener(state);
  };
  const notExcel = () => set(insideOffice() ? "failed" : "outside");
  // This script's own address: functions.js sits beside it.
  const here = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : document.baseURI;

  const timer = setTimeout(() => {
    if (boot.state === "loading") set(insideOffice() ? "slow" : "outside");
  }, SLOW_MS);

  addScript(
    OFFICE_JS,
    () => {
      const office = (window as { Office?: typeof Office }).Office;
      if (!office) return notExcel();
      // Outside Office there is no CustomFunctions: functions.js would stop at its first associate call.
      const g = window as { CustomFunctions?: unknown };
      g.CustomFunctions ??= { associate: () => undefined };
      addScript(new URL("functions.js", here).href);
      void office.onReady((info) => {
        clearTimeout(timer);
        if (info.host === office.HostType.Excel) set("excel");
        else set("outside");
      });
    },
    () => {
      clearTimeout(timer);
      notExcel();
    },
  );
}

if (typeof window !== "undefined" && typeof document !== "undefined" && !window.__contratualiza) start();
