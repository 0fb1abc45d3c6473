/** @jest-environment jsdom */
/**
 * Screen Avaliar on figures a commission must be able to sign (through the fake host): a band that is only
 * provisional when months are blank, why each B is a B under both rules, and each unit's own figure. The
 * same cases run end to end through the command in tests/cli/trust.e2e.test.ts.
 *
 * The table: I1 "Consultas médicas" ≥ 300 at UBS Centro and UBS Jardim, January–March 2025.
 */
import "./setup";
import { within } from "@testing-library/react";
import { FakeHost } from "./fakeHost";
import { openTab, renderPane } from "./fixtures";
import { sheet, workbook } from "../workbook/fixtures";
import { settingsToCells } from "../../src/workbook/settings";
import type { CellValue } from "../../src/core/types";

const HEADER = ["Código", "Indicador", "Meta", "Unidade", "Mês", "Resultado"];

/** I1's rows, Centro then Jardim, January–March (rows 2–7). */
function table(centro: CellValue[], jardim: CellValue[]) {
  const rows: CellValue[][] = [HEADER];
  for (const [unit, results] of [
    ["UBS Centro", centro],
    ["UBS Jardim", jardim],
  ] as const) {
    results.forEach((r, m) => rows.push(["I1", "Consultas médicas", "≥ 300", unit, `2025-0${m + 1}`, r]));
  }
  return sheet("Indicadores", rows);
}

async function evaluate(host: FakeHost) {
  const pane = await renderPane(host);
  const panel = await openTab(pane.user, "Avaliar");
  await pane.user.click(within(panel).getByRole("button", { name: "Avaliar" }));
  return within(panel).findByRole("region", { name: "Período: 1º trimestre de 2025 (2025-T1)" });
}

describe("screen Avaliar: figures a commission can sign", () => {
  it("only March filled: 100% and Faixa 1, but provisional, with the blank cells listed", async () => {
    // March: (320 + 305) / 2 = 312,5 ≥ 300 → A → 100%, Faixa 1. January and February blank at both units:
    // 4 of the 6 expected results missing (66,7% > 20%) → incomplete, the band provisional.
    const t1 = await evaluate(new FakeHost(workbook(table([null, null, 320], [null, null, 305]))));
    expect(within(t1).getByText("100,0%")).toBeTruthy();
    expect(within(t1).getByText("Faixa 1 — 100%")).toBeTruthy();
    // The contract's band chip says provisional, and so does each unit's (each has only March too).
    expect(t1.querySelector("[data-band]")?.parentElement?.textContent).toContain("(provisória)");
    expect(within(t1).getByText("UBS Centro: 100,0% — Faixa 1 — 100% (provisória)")).toBeTruthy();
    expect(
      within(t1).getByText(
        "Atenção: avaliação incompleta: 4 de 6 resultados esperados faltando. A faixa é provisória.",
      ),
    ).toBeTruthy();
    expect(within(t1).getByRole("heading", { name: "Pendências: resultados que faltam (4)" })).toBeTruthy();
    // Rows 2–3 are Centro's January and February.
    expect(within(t1).getByText("I1 Consultas médicas — UBS Centro, jan/2025: célula F2 em branco")).toBeTruthy();
  });

  it("a B says why: the period's mean under the default rule", async () => {
    // (310 + 290 + 305 + 300 + 280 + 295) / 6 = 1780 / 6 = 296,67 < 300 → B; 0 of 1 → Faixa 6.
    const t1 = await evaluate(new FakeHost(workbook(table([310, 290, 305], [300, 280, 295]))));
    expect(
      within(t1).getByText("resultado do período 296,67 (média de 6 resultados) não atinge a meta ≥ 300"),
    ).toBeTruthy();
    // Each unit on its own: Centro (310 + 290 + 305) / 3 = 301,67 → A, 100%; Jardim 875 / 3 = 291,67 → B, 0%.
    expect(within(t1).getByText("UBS Centro: 100,0% — Faixa 1 — 100%")).toBeTruthy();
    expect(within(t1).getByText("UBS Jardim: 0,0% — Faixa 6 — menos de 50%; não atingidas: I1")).toBeTruthy();
  });

  it("under the stored strict rule, a B whose mean meets the target names the months that failed", async () => {
    // Mean (320 + 310 + 305 + 300 + 290 + 305) / 6 = 305 ≥ 300, but Jardim's February (290) missed: B.
    const config = sheet("Contratualiza_config", settingsToCells({ versao: 1, regra: "todos-os-meses" }));
    const t1 = await evaluate(new FakeHost(workbook(table([320, 310, 305], [300, 290, 305]), config)));
    expect(within(t1).getByText("Regra do conceito: todos os meses (e unidades) devem atingir a meta.")).toBeTruthy();
    expect(
      within(t1).getByText(
        "regra “todos os meses”: o resultado do período atinge a meta, mas não atingiram a meta: fev/2025, UBS Jardim: 290 (meta ≥ 300)",
      ),
    ).toBeTruthy();
  });
});
