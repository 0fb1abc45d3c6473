/**
 * manifest.xml against Microsoft's add-in manifest XSDs (vendored and corrected in tests/manifest-schema,
 * see its README), with xmllint: the element order, required elements, value patterns and lengths that
 * Office checks when it loads the manifest and that tests/manifest.test.ts does not re-implement. Each
 * negative control breaks the manifest in one way Office would refuse and must fail, so a schema that
 * accepted anything would show. Skipped, with a warning, where xmllint is not installed (Debian
 * libxml2-utils; .ci/run installs it).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const SCHEMA = path.join(ROOT, "tests", "manifest-schema", "OfficeAppManifestV1_1.xsd");
const manifestXml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
if (!hasXmllint)
  console.warn("xmllint not found on PATH (Debian libxml2-utils): the manifest schema tests are skipped.");
const maybe = hasXmllint ? describe : describe.skip;

/** xmllint's verdict on a manifest text: `valid`, and its messages (file name and line numbers kept). */
function validate(xml: string): { valid: boolean; messages: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
  const file = path.join(dir, "manifest.xml");
  try {
    fs.writeFileSync(file, xml);
    const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA, file], { encoding: "utf8" });
    return { valid: run.status === 0, messages: `${run.stdout}${run.stderr}`.trim() };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The manifest with one exact piece of text replaced (which must be there once). */
function broken(find: string, replace: string): string {
  expect(manifestXml.split(find)).toHaveLength(2);
  return manifestXml.replace(find, replace);
}

maybe("manifest.xml against the add-in manifest XSDs", () => {
  test("the schemas compile and the manifest validates", () => {
    const result = validate(manifestXml);
    expect(result.messages).toMatch(/validates$/);
    expect(result.valid).toBe(true);
  });

  test("dist/manifest.xml, the deployed one, validates too", () => {
    const deployed = path.join(ROOT, "dist", "manifest.xml");
    if (!fs.existsSync(deployed)) throw new Error("dist/manifest.xml is missing: run npm run build first");
    expect(validate(fs.readFileSync(deployed, "utf8")).valid).toBe(true);
  });

  // Each breaks one rule of the schema; the message must name what broke, so the failure is that rule's.
  test.each([
    ["a runtime lifetime Office does not know", ['lifetime="long"', 'lifetime="forever"'], /lifetime/],
    [
      "Requirements before Hosts (the schema fixes the order)",
      ['  <Hosts>\n    <Host Name="Workbook"/>\n  </Hosts>\n  <Requirements>', "  <Requirements>"],
      /Requirements|Hosts/,
    ],
    ["no Id", ["<Id>f6dd907b-480f-4ebb-b5ad-6f0b443d71c0</Id>", ""], /Version|Id/],
    ["a Version of five parts", ["<Version>1.0.0.0</Version>", "<Version>1.0.0.0.0</Version>"], /Version/],
    [
      "a requirement set without a name",
      ['<Set Name="ExcelApi" MinVersion="1.9"/>', '<Set MinVersion="1.9"/>'],
      /Name/,
    ],
    [
      "a resource id over 32 characters",
      ['<bt:String id="Group.Label"', '<bt:String id="Group.Label.Que.Passa.De.Trinta.E.Dois"'],
      /id/,
    ],
    [
      "a DisplayName over 125 characters",
      [
        '<DisplayName DefaultValue="Contratualiza — avaliação de contratos de gestão da APS"/>',
        `<DisplayName DefaultValue="${"x".repeat(126)}"/>`,
      ],
      /DefaultValue/,
    ],
    [
      "Runtimes after AllFormFactors",
      [
        '        <Runtimes>\n          <Runtime resid="Taskpane.Url" lifetime="long"/>\n        </Runtimes>\n        <AllFormFactors>',
        "        <AllFormFactors>",
      ],
      /Runtimes|DesktopFormFactor/,
    ],
  ])("rejects %s", (_, [find, replace], named) => {
    let xml = broken(find, replace);
    // Moving an element: put it back in the wrong place.
    if (find.includes("<Hosts>"))
      xml = xml.replace(
        "  <DefaultSettings>",
        '  <Hosts>\n    <Host Name="Workbook"/>\n  </Hosts>\n  <DefaultSettings>',
      );
    if (find.includes("<Runtimes>"))
      xml = xml.replace(
        "        </AllFormFactors>",
        '        </AllFormFactors>\n        <Runtimes>\n          <Runtime resid="Taskpane.Url" lifetime="long"/>\n        </Runtimes>',
      );
    const result = validate(xml);
    expect(result.valid).toBe(false);
    expect(result.messages).toMatch(/Schemas validity error/);
    expect(result.messages).toMatch(named);
  });
});
