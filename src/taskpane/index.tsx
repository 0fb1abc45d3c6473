/**
 * Task pane entry. Inside Excel it renders once Office.js is ready; opened in a plain browser (no Office.js,
 * or Office.onReady reporting no host) it still renders, with a notice to open it in Excel.
 */
import { createRoot } from "react-dom/client";
import { App, FunctionInfo } from "./App";

/** The META functions, injected at build time from the generated functions.json (webpack.config.js). */
declare const __META_FUNCTIONS__: FunctionInfo[];

function render(inExcel: boolean): void {
  const container = document.getElementById("container");
  if (!container) return;
  const functions = typeof __META_FUNCTIONS__ === "undefined" ? [] : __META_FUNCTIONS__;
  createRoot(container).render(<App inExcel={inExcel} functions={functions} />);
}

if (typeof Office === "undefined") {
  // Office.js did not load (a plain browser offline, or a test page without it).
  render(false);
} else {
  // Outside Office, onReady resolves with host null.
  Office.onReady((info) => render(info.host === Office.HostType.Excel));
}
