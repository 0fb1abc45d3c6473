import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

// The README tells a user to install the command once (`npm install -g .`) and then run `contratualiza` from any
// folder. This installs the clone exactly that way into a throwaway prefix (a folder install is a symlink, so
// nothing is copied or fetched) and runs the installed bin from an unrelated folder, as a user would.
const root = path.join(__dirname, "..", "..");

describe("the command installed like a tool", () => {
  let prefix: string;
  let work: string;

  beforeAll(() => {
    prefix = fs.mkdtempSync(path.join(os.tmpdir(), "contratualiza-prefix-"));
    work = fs.mkdtempSync(path.join(os.tmpdir(), "contratualiza-elsewhere-"));
    // --ignore-scripts: `prepare` already built lib/ (npm test builds it before jest); --offline: a folder install
    // needs nothing from the registry, and the test must not reach for it.
    execFileSync(
      "npm",
      ["install", "-g", "--prefix", prefix, "--offline", "--ignore-scripts", "--no-audit", "--no-fund", root],
      {
        stdio: "pipe",
      },
    );
    fs.copyFileSync(path.join(root, "assets", "exemplo-contrato.xlsx"), path.join(work, "contrato.xlsx"));
  });

  afterAll(() => {
    fs.rmSync(prefix, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  test("`contratualiza avaliar` runs from another folder and writes the copy beside the file it was given", () => {
    const bin = path.join(prefix, "bin", "contratualiza");
    expect(fs.existsSync(bin)).toBe(true);
    const run = spawnSync(bin, ["avaliar", "contrato.xlsx"], { cwd: work, encoding: "utf8" });
    expect(run.stderr).toBe("");
    // Exit 0: the example evaluates completely (its one blank cell, J56, is within the 20% the rules tolerate).
    expect(run.status).toBe(0);
    // The example's figure, worked out in tests/cli/cli.test.ts: 9 of 10 weighted points → 90,0%, band 2.
    expect(run.stdout).toMatch(/90,0%/);
    expect(run.stdout).toMatch(/Faixa 2/);
    expect(fs.existsSync(path.join(work, "contrato.avaliado.xlsx"))).toBe(true);
  });

  test("`contratualiza` with no arguments prints the pt-BR help", () => {
    const run = spawnSync(path.join(prefix, "bin", "contratualiza"), [], { cwd: work, encoding: "utf8" });
    expect(run.stdout + run.stderr).toMatch(/contratualiza avaliar/);
  });
});
