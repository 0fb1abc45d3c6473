/**
 * Offline checks of manifest.xml and of what the build serves for it.
 *
 * `npm run validate` (office-addin-manifest) posts the manifest to an online Microsoft service, which is
 * not reachable everywhere; these tests catch, without a network, the mistakes that make Excel refuse the
 * add-in or load it half-way (functions showing #NAME?, a blank task pane, missing icons).
 * The checks on dist/ need a build first: `npm run build` (npm test runs it before jest).
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { EXCEL_API_MINIMUM } from "../src/hosts/excel/requirements";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const DIST = path.join(ROOT, "dist");
const DEV_URL = "https://localhost:3000/";

// ---------------------------------------------------------------------------------------------------------
// A small element tree over fast-xml-parser's ordered output.

interface Element {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: Element[];
}

type OrderedNode = Record<string, unknown>;

function toElements(nodes: OrderedNode[]): Element[] {
  const elements: Element[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ":@");
    if (name === undefined || name === "#text") continue;
    const childNodes = node[name] as OrderedNode[];
    const rawAttrs = (node[":@"] ?? {}) as Record<string, unknown>;
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(rawAttrs)) attrs[key.replace(/^@_/, "")] = String(value);
    const text = childNodes
      .filter((child) => "#text" in child)
      .map((child) => String(child["#text"]))
      .join("")
      .trim();
    elements.push({ name, attrs, text, children: toElements(childNodes) });
  }
  return elements;
}

function parseManifest(xml: string): Element {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    ignoreDeclaration: true,
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const roots = toElements(parser.parse(xml) as OrderedNode[]);
  if (roots.length !== 1 || roots[0].name !== "OfficeApp") {
    throw new Error("manifest.xml: expected one <OfficeApp> root element");
  }
  return roots[0];
}

/** The element and all elements below it, in document order. */
function descendants(element: Element): Element[] {
  return [element, ...element.children.flatMap(descendants)];
}

function all(within: Element, name: string): Element[] {
  return descendants(within).filter((e) => e.name === name);
}

function one(within: Element, name: string): Element {
  const found = all(within, name);
  if (found.length !== 1) throw new Error(`expected exactly one <${name}>, found ${found.length}`);
  return found[0];
}

/** The one direct child named `name` (for top-level elements such as <Description>, also used deeper). */
function child(parent: Element, name: string): Element {
  const found = parent.children.filter((e) => e.name === name);
  if (found.length !== 1) throw new Error(`expected exactly one <${name}> in <${parent.name}>, found ${found.length}`);
  return found[0];
}

/** The chain of element names from the root to `target` (for messages and for context checks). */
function pathTo(root: Element, target: Element): Element[] {
  if (root === target) return [root];
  for (const child of root.children) {
    const found = pathTo(child, target);
    if (found.length > 0) return [root, ...found];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------------
// The manifest, its resources, its URLs.

const manifestXml = fs.readFileSync(MANIFEST, "utf8");
const manifest = parseManifest(manifestXml);

type ResourceKind = "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings";
const RESOURCE_KINDS: ResourceKind[] = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"];

interface Resource {
  id: string;
  kind: ResourceKind;
  value: string;
}

function resources(): Resource[] {
  const resourcesElement = one(manifest, "Resources");
  return RESOURCE_KINDS.flatMap((kind) =>
    all(resourcesElement, kind).flatMap((group) =>
      group.children.map((e) => ({ id: e.attrs.id, kind, value: e.attrs.DefaultValue })),
    ),
  );
}

function resource(id: string): Resource {
  const found = resources().find((r) => r.id === id);
  if (!found) throw new Error(`resid "${id}" is not defined in <Resources>`);
  return found;
}

/** Every element that refers to a resource, with the resid. */
function residUses(): { element: Element; resid: string }[] {
  return descendants(manifest)
    .filter((e) => e.attrs.resid !== undefined)
    .map((element) => ({ element, resid: element.attrs.resid }));
}

/** The kind of resource an element's resid must name (per the VersionOverrides schema). */
function expectedKind(element: Element): ResourceKind[] {
  switch (element.name) {
    case "bt:Image":
      return ["bt:Images"];
    case "SourceLocation":
    case "LearnMoreUrl":
    case "FunctionFile":
    case "Runtime":
      return ["bt:Urls"];
    case "Label":
    case "Title":
    case "Namespace":
      return ["bt:ShortStrings"];
    case "Description":
      return ["bt:LongStrings"];
    default:
      return RESOURCE_KINDS;
  }
}

interface ManifestUrl {
  where: string;
  url: string;
}

const URL_ELEMENTS = ["SourceLocation", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "bt:Url", "bt:Image"];

/** Every URL written in the manifest (DefaultValue and locale overrides), and the app domains. */
function manifestUrls(): ManifestUrl[] {
  const urls: ManifestUrl[] = [];
  for (const element of descendants(manifest)) {
    if (URL_ELEMENTS.includes(element.name) && element.attrs.DefaultValue !== undefined) {
      const where = `<${element.name}${element.attrs.id ? ` id="${element.attrs.id}"` : ""}>`;
      urls.push({ where, url: element.attrs.DefaultValue });
      for (const override of element.children.filter((c) => c.name.endsWith("Override"))) {
        urls.push({ where: `${where} override ${override.attrs.Locale}`, url: override.attrs.Value });
      }
    }
    if (element.name === "AppDomain") urls.push({ where: "<AppDomain>", url: element.text });
  }
  return urls;
}

/** The URL a resid names (a bt:Url). */
function urlOf(resid: string): URL {
  return new URL(resource(resid).value);
}

/** The resid of the task pane page: the ShowTaskpane action's SourceLocation. */
function taskpaneResid(): string {
  const action = all(manifest, "Action").find((a) => a.attrs["xsi:type"] === "ShowTaskpane");
  if (!action) throw new Error('no <Action xsi:type="ShowTaskpane"> in the manifest');
  return one(action, "SourceLocation").attrs.resid;
}

function customFunctionsExtensionPoint(): Element {
  const point = all(manifest, "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions");
  if (!point) throw new Error('no <ExtensionPoint xsi:type="CustomFunctions"> in the manifest');
  return point;
}

// ---------------------------------------------------------------------------------------------------------
// Files: icons under assets/, the build under dist/.

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = "89504e470d0a1a0a";
  if (bytes.subarray(0, 8).toString("hex") !== signature || bytes.subarray(12, 16).toString("ascii") !== "IHDR") {
    throw new Error(`${path.relative(ROOT, file)} is not a PNG file`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The path of a file under dist/; fails (never skips) when the build has not run. */
function distFile(relative: string): string {
  if (!fs.existsSync(DIST)) {
    throw new Error("dist/ is missing: run npm run build first");
  }
  const file = path.join(DIST, relative);
  if (!fs.existsSync(file)) {
    throw new Error(`dist/${relative} is missing: run npm run build first (or the build no longer emits it)`);
  }
  return file;
}

/** The file a manifest URL is served from, relative to dist/ (the URL's path on the add-in's origin). */
function servedPath(url: URL): string {
  return decodeURIComponent(url.pathname).replace(/^\//, "");
}

/** CONTRATUALIZA_URL as webpack.config.js reads it (with a trailing slash), or undefined. */
function productionUrl(): string | undefined {
  const value = (process.env.CONTRATUALIZA_URL ?? "").trim();
  if (value === "") return undefined;
  const href = new URL(value).href;
  return href.endsWith("/") ? href : `${href}/`;
}

// ---------------------------------------------------------------------------------------------------------

describe("manifest.xml", () => {
  // Office rejects a manifest that is not well-formed XML, with a message that rarely says where.
  test("is well-formed XML", () => {
    expect(XMLValidator.validate(manifestXml)).toBe(true);
  });

  // The Id identifies the add-in to Office (settings, cache, store); it must be a GUID and never change.
  test("Id is a GUID", () => {
    expect(child(manifest, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  // Excel caches function metadata by Version; the schema wants four numeric parts, each 0–65535.
  test("Version has the form n.n.n.n", () => {
    const version = child(manifest, "Version").text;
    expect(version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    for (const part of version.split(".")) expect(Number(part)).toBeLessThanOrEqual(65535);
  });

  // A resid that names nothing (or the wrong kind of resource) makes Office reject the whole manifest.
  test("every resid resolves to a resource of the right kind", () => {
    const defined = new Map(resources().map((r) => [r.id, r]));
    const problems: string[] = [];
    for (const { element, resid } of residUses()) {
      const found = defined.get(resid);
      const context = pathTo(manifest, element)
        .map((e) => e.name)
        .join(" > ");
      if (!found) problems.push(`${context}: resid "${resid}" is not defined in <Resources>`);
      else if (!expectedKind(element).includes(found.kind)) {
        problems.push(`${context}: resid "${resid}" is a ${found.kind} entry, expected ${expectedKind(element)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  // Resource ids must be unique and at most 32 characters long (schema); a duplicate is ambiguous.
  test("resource ids are unique and at most 32 characters", () => {
    const ids = resources().map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => id.length > 32)).toEqual([]);
  });

  // An unused resource is usually a renamed one whose users still point at the old name.
  test("every resource is used", () => {
    const used = new Set(residUses().map((u) => u.resid));
    expect(
      resources()
        .filter((r) => !used.has(r.id))
        .map((r) => r.id),
    ).toEqual([]);
  });

  // Longer texts are rejected by the schema: ShortStrings and DisplayName 125, LongStrings and Description 250.
  test("texts fit the schema's length limits", () => {
    const tooLong: string[] = [];
    const limit = (what: string, text: string, max: number) => {
      if (text.length === 0 || text.length > max) tooLong.push(`${what}: ${text.length} characters (1–${max})`);
    };
    limit("DisplayName", child(manifest, "DisplayName").attrs.DefaultValue ?? "", 125);
    limit("Description", child(manifest, "Description").attrs.DefaultValue ?? "", 250);
    for (const r of resources()) {
      if (r.kind === "bt:ShortStrings") limit(r.id, r.value, 125);
      if (r.kind === "bt:LongStrings") limit(r.id, r.value, 250);
    }
    expect(tooLong).toEqual([]);
  });

  // Office loads add-ins only over https, and one origin means one deployment (one URL to replace for
  // production, no cross-origin page for the shared runtime).
  test("every URL is https and on the same origin", () => {
    const urls = manifestUrls();
    expect(urls.length).toBeGreaterThan(0);
    const origin = new URL(one(child(manifest, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).origin;
    const problems = urls
      .filter(({ url }) => {
        const parsed = URL.canParse(url) ? new URL(url) : undefined;
        return !parsed || parsed.protocol !== "https:" || parsed.origin !== origin;
      })
      .map(({ where, url }) => `${where}: ${url} (expected https on ${origin})`);
    expect(problems).toEqual([]);
  });

  // A missing or wrongly sized icon shows as a blank or blurred button in the ribbon and add-in lists.
  test("every icon is a PNG under assets/ with the size it is used at", () => {
    const expected: { where: string; url: string; size: number }[] = [
      { where: "IconUrl", url: child(manifest, "IconUrl").attrs.DefaultValue, size: 32 },
      { where: "HighResolutionIconUrl", url: child(manifest, "HighResolutionIconUrl").attrs.DefaultValue, size: 64 },
    ];
    for (const { element, resid } of residUses().filter((u) => u.element.name === "bt:Image")) {
      expected.push({ where: `bt:Image ${resid}`, url: resource(resid).value, size: Number(element.attrs.size) });
    }
    const problems: string[] = [];
    for (const { where, url, size } of expected) {
      const relative = servedPath(new URL(url));
      const file = path.join(ROOT, relative);
      if (!relative.startsWith("assets/") || !fs.existsSync(file)) {
        problems.push(`${where}: ${relative} is not a file under assets/`);
        continue;
      }
      const actual = pngSize(file);
      if (actual.width !== size || actual.height !== size) {
        problems.push(`${where}: ${relative} is ${actual.width}×${actual.height}, expected ${size}×${size}`);
      }
    }
    expect(problems).toEqual([]);
  });

  // Without the SharedRuntime requirement, Excel runs the functions in a separate JavaScript-only runtime
  // where the task pane's state and Office.js document APIs are not available.
  test("requires SharedRuntime 1.1", () => {
    const sets = all(one(manifest, "Requirements"), "Set");
    expect(sets.map((s) => s.attrs)).toContainEqual({ Name: "SharedRuntime", MinVersion: "1.1" });
  });

  // Office offers the add-in only where its reads and writes work: the minimum ExcelApi the adapter uses
  // (requirements.ts lists each member with its set). Higher optional sets are checked at run time.
  test("requires the ExcelApi version the Excel host needs", () => {
    const sets = all(one(manifest, "Requirements"), "Set");
    expect(sets.filter((s) => s.attrs.Name === "ExcelApi").map((s) => s.attrs)).toEqual([
      { Name: "ExcelApi", MinVersion: EXCEL_API_MINIMUM },
    ]);
  });

  // Shared runtime: the runtime, the functions' page, the function file and the task pane must be the
  // same page, or Excel starts two runtimes and the functions never see the task pane.
  test("the runtime, functions page, function file and task pane are one page", () => {
    const resid = taskpaneResid();
    const runtime = one(one(manifest, "Runtimes"), "Runtime");
    expect(runtime.attrs.resid).toBe(resid);
    expect(runtime.attrs.lifetime).toBe("long");
    expect(one(one(customFunctionsExtensionPoint(), "Page"), "SourceLocation").attrs.resid).toBe(resid);
    expect(one(manifest, "FunctionFile").attrs.resid).toBe(resid);
    const defaultPage = one(child(manifest, "DefaultSettings"), "SourceLocation").attrs.DefaultValue;
    expect(defaultPage).toBe(urlOf(resid).href);
  });

  // Users type =META.NAME(...); the namespace is part of every formula they write.
  test("the custom functions namespace is META", () => {
    const resid = one(customFunctionsExtensionPoint(), "Namespace").attrs.resid;
    expect(resource(resid)).toMatchObject({ kind: "bt:ShortStrings", value: "META" });
  });
});

describe("manifest.xml and the build (dist/)", () => {
  // If a Functions URL names a file webpack does not emit, every function shows #NAME? in Excel.
  test("the functions' Script, Page and Metadata URLs are files the build emits", () => {
    const point = customFunctionsExtensionPoint();
    for (const part of ["Script", "Page", "Metadata"]) {
      const resid = one(one(point, part), "SourceLocation").attrs.resid;
      expect(fs.existsSync(distFile(servedPath(urlOf(resid))))).toBe(true);
    }
    expect(servedPath(urlOf(one(one(point, "Script"), "SourceLocation").attrs.resid))).toBe("functions.js");
    expect(servedPath(urlOf(one(one(point, "Metadata"), "SourceLocation").attrs.resid))).toBe("functions.json");
  });

  // Every URL in the manifest is served from dist/: a missing page, icon or support page is a dead link.
  test("every URL in the manifest names a file the build emits", () => {
    const missing = manifestUrls()
      .filter(({ where }) => where !== "<AppDomain>")
      .map(({ where, url }) => ({ where, relative: servedPath(new URL(url)) }))
      .filter(({ relative }) => !fs.existsSync(path.join(distFile("."), relative)))
      .map(({ where, relative }) => `${where}: dist/${relative}`);
    expect(missing).toEqual([]);
  });

  // The shared runtime page must load Office.js first, then both bundles; a page without functions.js
  // leaves every function #NAME?, one without taskpane.js a blank pane. The page names boot.js and
  // taskpane.js; boot.js loads Office.js and, once it is there, functions.js (tests/taskpane/boot.test.ts).
  test("the task pane page loads boot.js (Office.js, then functions.js) and taskpane.js", () => {
    const html = fs.readFileSync(distFile(servedPath(urlOf(taskpaneResid()))), "utf8");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual(["boot.js", "taskpane.js"]);
    const boot = fs.readFileSync(distFile("boot.js"), "utf8");
    expect(boot).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(boot).toContain("functions.js");
  });

  // functions.json declares the functions; functions.js must associate each id exactly once, or Excel
  // shows #NAME? (missing) or the wrong implementation (a duplicate).
  test("every function in functions.json is associated once in functions.js", () => {
    const metadata = JSON.parse(fs.readFileSync(distFile("functions.json"), "utf8")) as { functions: { id: string }[] };
    const script = fs.readFileSync(distFile("functions.js"), "utf8");
    expect(metadata.functions.length).toBeGreaterThan(0);
    const counts = metadata.functions.map(({ id }) => ({
      id,
      associations: script.split(`CustomFunctions.associate("${id}",`).length - 1,
    }));
    expect(counts.filter((c) => c.associations !== 1)).toEqual([]);
  });

  // The manifest that is deployed is the one that was reviewed: an exact copy, or (with CONTRATUALIZA_URL)
  // the same text with only the dev server address replaced.
  test("dist/manifest.xml is manifest.xml (with CONTRATUALIZA_URL, only the address replaced)", () => {
    const deployed = fs.readFileSync(distFile("manifest.xml"), "utf8");
    const prodUrl = productionUrl();
    expect(deployed).toBe(prodUrl ? manifestXml.split(DEV_URL).join(prodUrl) : manifestXml);
  });
});
