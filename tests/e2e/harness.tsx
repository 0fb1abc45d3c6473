/**
 * The browser tests' page: the task pane (`App`) on the Office host (`createOfficeHost`) over the recording
 * fake Excel holding the example workbook. The test drives the pane like a person and reads the fake's
 * state from `window.__fake`.
 */
import { createRoot } from "react-dom/client";
import { App } from "../../src/taskpane/App";
import { createOfficeHost } from "../../src/hosts/excel/host";
import type { FakeExcel } from "../hosts/excel/fakeExcel";
import { exampleWorkbook } from "./example";

declare global {
  interface Window {
    __fake: FakeExcel;
  }
}

// Outside Office there is no CustomFunctions global: the functions' errors need its Error class.
const g = globalThis as unknown as { CustomFunctions?: unknown };
g.CustomFunctions ??= {
  Error: class extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  },
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!" },
};

const fake = exampleWorkbook();
window.__fake = fake;

const container = document.getElementById("container");
// `?theme=dark`: the pane as Office's dark theme shows it.
const theme = new URLSearchParams(location.search).get("theme") === "dark" ? "dark" : "light";
if (container) createRoot(container).render(<App host={createOfficeHost(fake.run)} theme={theme} functions={[]} />);
