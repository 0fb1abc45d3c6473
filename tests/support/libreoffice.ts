/**
 * LibreOffice (headless) and poppler for tests: convert a workbook the way a person would open it, and
 * render the result to PNG so what a person sees can be kept as an artefact and looked at.
 *
 * Every conversion gets its own LibreOffice profile (`-env:UserInstallation`), so concurrent test files do
 * not fight over one profile (LibreOffice silently does nothing when the profile is locked).
 */
import { execFile, execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { promisify } from "util";

const run = promisify(execFile);

function which(names: string[]): string | undefined {
  for (const name of names) {
    try {
      const found = execFileSync("which", [name], { encoding: "utf8" }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return undefined;
}

/** The LibreOffice binary, when installed. */
export const soffice = which(["soffice", "libreoffice"]);
/** poppler's PDF-to-PNG renderer, when installed. */
export const pdftoppm = which(["pdftoppm"]);

/** `test`, or `test.skip` with a warning when LibreOffice (and poppler, if asked) is missing. */
export function withLibreOffice(needsPoppler = false): jest.It {
  const ok = soffice !== undefined && (!needsPoppler || pdftoppm !== undefined);
  if (!ok) console.warn("LibreOffice (soffice) or pdftoppm not found on PATH: the LibreOffice tests are skipped.");
  return ok ? test : test.skip;
}

let counter = 0;

/**
 * Converts `file` with LibreOffice into `outDir` (`pdf`, `xlsx`, `ods`…) and returns the new file's path.
 * @throws when LibreOffice fails, times out, or writes nothing.
 */
export async function convertWithLibreOffice(
  file: string,
  outDir: string,
  format: string,
  timeoutMs = 90_000,
): Promise<string> {
  const [out] = await convertAllWithLibreOffice([file], outDir, format, timeoutMs);
  return out;
}

/** Renders every page of a PDF to `<prefix>-N.png` at `dpi` and returns the PNG paths, in page order. */
export async function renderPdf(pdf: string, prefix: string, dpi = 60): Promise<string[]> {
  if (!pdftoppm) throw new Error("pdftoppm is not installed");
  await run(pdftoppm, ["-png", "-r", String(dpi), pdf, prefix], { timeout: 60_000 });
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith(".png"))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)?.[1]) - Number(/-(\d+)\.png$/.exec(b)?.[1]))
    .map((f) => path.join(dir, f));
}

/** `test-artifacts/<name>` at the repository's root, created empty: files kept for a person to look at. */
export function artifactsDir(name: string): string {
  const dir = path.join(__dirname, "..", "..", "test-artifacts", name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Converts several files with ONE LibreOffice start (about 4 s of every conversion is starting it) into
 * `outDir`, and returns each new file's path, in the order given. Files of different kinds (.xlsx, .docx)
 * may go together: `pdf` picks each document's own exporter.
 * @throws when LibreOffice fails, times out, or writes nothing for one of them.
 */
export async function convertAllWithLibreOffice(
  files: string[],
  outDir: string,
  format: string,
  timeoutMs = 180_000,
): Promise<string[]> {
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed");
  fs.mkdirSync(outDir, { recursive: true });
  const profile = path.join(os.tmpdir(), `lo-${process.pid}-${Date.now()}-${counter++}`);
  try {
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        format,
        "--outdir",
        outDir,
        ...files,
      ],
      // LibreOffice shows numbers in its locale, taken from LANG: a file's number formats (`0.0%`) are stored
      // locale-free, so without it (LANG=C here) a percentage prints `85.0%` instead of `85,0%`.
      { timeout: timeoutMs, killSignal: "SIGKILL", env: { ...process.env, LANG: "pt_BR.UTF-8" } },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const ext = format.split(":")[0];
  return files.map((file) => {
    const out = path.join(outDir, `${path.basename(file, path.extname(file))}.${ext}`);
    if (!fs.existsSync(out)) throw new Error(`LibreOffice wrote no ${ext} for ${file}`);
    return out;
  });
}
