/**
 * The page's loader, its first and smallest script (it imports only its own texts: it must run before
 * anything else is fetched). It loads Office.js itself instead of a blocking <script> in the page's head, so that the pane
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
 * Until the task pane's script has run, this one writes the state in words into the page itself (plain
 * text, no React): the pane's page must say something at once, even when the big script takes its time.
 * The task pane (index.tsx) then takes the page over and follows `window.__contratualiza`: the state now
 * and a way to hear of changes.
 */
import { paneStrings } from "./messages";

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

/** The state in words, as plain text in the container, until React replaces it. */
function sayInPage(state: BootState): void {
  const container = document.getElementById("container");
  // React has rendered (its root is a FluentProvider div), or there is no container: nothing to do.
  if (!container || container.querySelector(".fui-FluentProvider")) return;
  const words: Partial<Record<BootState, [string, string]>> = {
    loading: [paneStrings.loadingOffice, ""],
    failed: [paneStrings.officeFailedTitle, paneStrings.officeFailed],
    slow: [paneStrings.officeFailedTitle, paneStrings.officeSlow],
    outside: [paneStrings.outsideOfficeTitle, paneStrings.outsideOffice],
  };
  const [title, text] = words[state] ?? ["", ""];
  const box = document.createElement("div");
  box.setAttribute("role", "status");
  box.style.cssText = "padding:12px;font-family:'Segoe UI',system-ui,sans-serif;font-size:14px;line-height:20px";
  const strong = document.createElement("p");
  strong.style.cssText = "margin:0 0 8px;font-weight:600";
  strong.textContent = title;
  box.appendChild(strong);
  if (text) {
    const para = document.createElement("p");
    para.style.margin = "0";
    para.textContent = text;
    box.appendChild(para);
  }
  container.replaceChildren(box);
}

function start(): void {
  const listeners: ((state: BootState) => void)[] = [];
  const boot: Boot = { state: "loading", subscribe: (listener) => void listeners.push(listener) };
  window.__contratualiza = boot;
  sayInPage("loading");
  const set = (state: BootState) => {
    // Excel is final; anything may still turn into Excel (Office answering late).
    if (boot.state === state || boot.state === "excel") return;
    boot.state = state;
    sayInPage(state);
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
