/**
 * Task pane entry. It renders at once ("Carregando…") and follows the page's loader (boot.ts): inside
 * Excel, the pane with the Office adapter as the host and the Office theme (light or dark); opened in a
 * plain browser, a notice to open it in Excel and the list of functions; inside Office when Office.js did
 * not load or does not answer, what to do about it.
 */
import { createRoot } from "react-dom/client";
import { App, type FunctionInfo, type PaneState } from "./App";
import type { TaskpaneHost } from "../workbook/host";
import type { BootState } from "./boot";

/** The META functions, injected at build time from the generated functions.json (webpack.config.js). */
declare const __META_FUNCTIONS__: FunctionInfo[];

/** Dark when Office says so, or when its body background is dark; light otherwise. */
function officeTheme(): "light" | "dark" {
  const theme = typeof Office === "undefined" ? undefined : Office.context?.officeTheme;
  if (!theme) return "light";
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(theme.bodyBackgroundColor ?? "");
  if (!match) return "light";
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? "dark" : "light";
}

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  const functions = typeof __META_FUNCTIONS__ === "undefined" ? [] : __META_FUNCTIONS__;
  // The Office adapter (reads and writes) is a chunk of its own, loaded once Office says it is Excel.
  let host: TaskpaneHost | undefined;
  const show = (state: BootState) => {
    if (state === "excel" && !host) {
      void import(/* webpackChunkName: "office" */ "../hosts/excel/host").then((office) => {
        host = office.createOfficeHost();
        show("excel");
      });
      return;
    }
    const pane: PaneState =
      state === "excel" && host
        ? { kind: "excel", host }
        : state === "failed" || state === "slow"
          ? { kind: "officeFailed", reason: state }
          : state === "outside"
            ? { kind: "outside" }
            : { kind: "loading" };
    root.render(<App state={pane} theme={state === "excel" ? officeTheme() : "light"} functions={functions} />);
  };
  const boot = window.__contratualiza;
  if (boot) {
    show(boot.state);
    boot.subscribe(show);
  } else {
    // No loader (a page without boot.js): Office.js is there or not.
    show(typeof Office === "undefined" ? "outside" : "loading");
    if (typeof Office !== "undefined")
      void Office.onReady((info) => show(info.host === Office.HostType.Excel ? "excel" : "outside"));
  }
}
