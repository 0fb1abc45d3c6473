/** @jest-environment jsdom */
/**
 * The page's loader (taskpane/boot.ts) in jsdom: it writes "Carregando…" at once, adds Office.js and, only
 * once Office.js has loaded, functions.js; Office saying Excel → `excel`; Office.js failing outside Office
 * → `outside`, inside Office (`_host_Info` in the address) → `failed`, with the advice in the page.
 */
import { OFFICE_JS } from "../../src/taskpane/boot";
import { paneStrings } from "../../src/taskpane/messages";

type BootModule = typeof import("../../src/taskpane/boot");

/** A fresh page with a container, and the loader started on it. */
function startBoot(address = "/taskpane.html"): void {
  window.history.replaceState(null, "", address);
  document.head.innerHTML = "";
  document.body.innerHTML = '<div id="container"></div>';
  delete window.__contratualiza;
  delete (window as { Office?: unknown }).Office;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh, synchronous load per test (the loader starts on import)
    require("../../src/taskpane/boot") as BootModule;
  });
}

const scripts = () => [...document.head.querySelectorAll("script")];
const container = () => document.getElementById("container")?.textContent ?? "";

describe("boot.js", () => {
  it("says it is loading at once, loads Office.js first and functions.js only after it, and follows Office to Excel", () => {
    startBoot();
    expect(container()).toBe(paneStrings.loadingOffice);
    expect(window.__contratualiza?.state).toBe("loading");
    expect(scripts().map((s) => s.src)).toEqual([OFFICE_JS]);

    let ready: ((info: { host: string }) => void) | undefined;
    (window as { Office?: unknown }).Office = {
      HostType: { Excel: "Excel" },
      onReady: (cb: (info: { host: string }) => void) => void (ready = cb),
    };
    scripts()[0].onload?.(new Event("load"));
    expect(scripts().map((s) => s.src.replace(/^.*\//, ""))).toEqual(["office.js", "functions.js"]);
    const heard: string[] = [];
    window.__contratualiza?.subscribe((state) => heard.push(state));
    ready?.({ host: "Excel" });
    expect(window.__contratualiza?.state).toBe("excel");
    expect(heard).toEqual(["excel"]);
  });

  it("Office.js failing in a plain browser: outside, never functions.js", () => {
    startBoot();
    scripts()[0].onerror?.(new Event("error"));
    expect(window.__contratualiza?.state).toBe("outside");
    expect(container()).toContain(paneStrings.outsideOfficeTitle);
    expect(scripts()).toHaveLength(1);
  });

  it("Office.js failing inside Office: failed, with what to do", () => {
    startBoot("/taskpane.html?_host_Info=Excel$Win32$16.01$pt-BR$$$$0");
    scripts()[0].onerror?.(new Event("error"));
    expect(window.__contratualiza?.state).toBe("failed");
    expect(container()).toContain(paneStrings.officeFailedTitle);
    expect(container()).toContain("appsforoffice.microsoft.com");
  });
});
