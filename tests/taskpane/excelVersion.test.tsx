/** @jest-environment jsdom */
/**
 * The pane on an older Excel, through the real Excel host over the fake Excel: what the version checks
 * decide reaches the screen in pt-BR (merged cells left out, the Excel a read needs) instead of a generic
 * "try again".
 */
import "./setup";
import { render, screen } from "@testing-library/react";
import { excelHostStrings } from "../../src/hosts/excel/messages";
import { paneStrings, taskpaneStrings } from "../../src/taskpane/messages";
import { App } from "../../src/taskpane/App";
import { createOfficeHost } from "../../src/hosts/excel/host";
import { excelSupport, type RequirementSets } from "../../src/hosts/excel/requirements";
import { contractWorkbook } from "../hosts/excel/fixtures";
import { FUNCTIONS } from "./fixtures";

/** Office's requirements of an Excel whose ExcelApi stops at 1.`minor` (1.12: Windows 2002–2101). */
const upTo = (minor: number): RequirementSets => ({
  isSetSupported: (name, version = "1.1") => name === "ExcelApi" && Number(version.split(".")[1]) <= minor,
});

describe("the pane on an older Excel", () => {
  it("warns that merged cells were left out when Excel lacks ExcelApi 1.13, and still finds the tables", async () => {
    const fx = contractWorkbook();
    render(<App host={createOfficeHost(fx.run, undefined, excelSupport(upTo(12)))} functions={FUNCTIONS} />);
    expect(await screen.findByText(excelHostStrings.mergedAreasSkipped)).toBeTruthy();
    // The read went on without them: the first screen (Início) names the fake contract's two tables.
    expect(
      await screen.findByText(new RegExp(paneStrings.homeFound(2, ["Indicadores", "Plano simples"]))),
    ).toBeTruthy();
  });

  it("names the Excel it needs when ExcelApi 1.9 is missing, and never calls Excel", async () => {
    const fx = contractWorkbook();
    render(<App host={createOfficeHost(fx.run, undefined, excelSupport(upTo(8)))} functions={FUNCTIONS} />);
    expect(await screen.findByText(taskpaneStrings.readFailed(excelHostStrings.excelTooOld))).toBeTruthy();
    expect(screen.queryByText(/feche e abra o Excel/)).toBeNull();
    expect(fx.syncs).toEqual([]);
  });

  it("shows no warning on an Excel that has it all", async () => {
    const fx = contractWorkbook();
    render(<App host={createOfficeHost(fx.run, undefined, excelSupport(upTo(20)))} functions={FUNCTIONS} />);
    expect(
      await screen.findByText(new RegExp(paneStrings.homeFound(2, ["Indicadores", "Plano simples"]))),
    ).toBeTruthy();
    expect(screen.queryByText(excelHostStrings.mergedAreasSkipped)).toBeNull();
  });
});
