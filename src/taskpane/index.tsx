/**
 * Task pane entry. Inside Excel it renders once Office.js is ready, with the Office adapter as the host and
 * the Office theme (light or dark); opened in a plain browser (no Office.js, or Office.onReady reporting no
 * host) it still renders, with a notice to open it in Excel and the list of functions.
 */
import { createRoot } from "react-dom/client";
import { createOfficeHost } from "../workbook/office/host";
import { App, type AppProps, type FunctionInfo } from "./App";

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

function render(inExcel: boolean): void {
  const container = document.getElementById("container");
  if (!container) return;
  const functions = typeof __META_FUNCTIONS__ === "undefined" ? [] : __META_FUNCTIONS__;
  const props: AppProps = inExcel ? { host: createOfficeHost(), theme: officeTheme(), functions } : { host: undefined, functions };
  createRoot(container).render(<App {...props} />);
}

if (typeof Office === "undefined") {
  // Office.js did not load (a plain browser offline, or a test page without it).
  render(false);
} else {
  // Outside Office, onReady resolves with host null.
  Office.onReady((info) => render(info.host === Office.HostType.Excel));
}
