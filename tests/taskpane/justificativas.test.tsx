/** @jest-environment jsdom */
/**
 * Screen Justificativas: the targets not met in a quarter with result and target; the commission's
 * decision and text written into the table (columns created beside it), then the quarter evaluated again:
 * the numbers follow fixtures.tsx and workbook/plan/justifications.test.ts.
 */
import "./setup";
import { within } from "@testing-library/react";
import { axe } from "jest-axe";
import { FakeHost } from "./fakeHost";
import { contractWorkbook, openTab, renderPane } from "./fixtures";
import { settingsToCells, SETTINGS_SHEET } from "../../src/workbook/settings";

async function open(host = new FakeHost(contractWorkbook())) {
  const pane = await renderPane(host);
  const panel = await openTab(pane.user, "Justificativas");
  await pane.user.selectOptions(within(panel).getByRole("combobox", { name: "Período" }), "2025-T1");
  return { ...pane, host, panel };
}

describe("screen Justificativas", () => {
  it("lists the performance targets not met in the quarter, with result, target and attainment", async () => {
    const { panel, container } = await open();
    expect(within(panel).getByText("75,0%")).toBeTruthy();
    expect(within(panel).getByText("Faixa 3 — 70% a 79,9%")).toBeTruthy();
    const items = within(panel).getAllByRole("listitem");
    expect(items).toHaveLength(1);
    const i4 = items[0];
    expect(within(i4).getByRole("heading", { name: "I4 Proporção de mulheres com citopatológico" })).toBeTruthy();
    // Mean result (70% + 85% + 75%) / 3 = 76,7%; target ≥ 80%; attainment 76,67 / 80 = 95,8%.
    expect(within(i4).getByText("Resultado 76,7% · meta ≥ 80% · atingimento 95,8%")).toBeTruthy();
    expect(
      within(i4).getByRole("radiogroup", { name: "Decisão da comissão — I4 Proporção de mulheres com citopatológico" }),
    ).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("writes Total into new columns G and H on the quarter's rows, and the quarter becomes 100,0%, Faixa 1", async () => {
    const { user, panel, host } = await open();
    const i4 = within(panel).getAllByRole("listitem")[0];
    // By keyboard: focus the first radio (Total) and select it with Space; type the justification.
    within(i4).getByRole("radio", { name: "Total" }).focus();
    await user.keyboard(" ");
    expect((within(i4).getByRole("radio", { name: "Total" }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(i4).getByRole("textbox", { name: /^Justificativa — I4/ }));
    await user.keyboard("Falta de insumos em janeiro");
    await user.click(within(panel).getByRole("button", { name: "Gravar justificativas" }));

    expect(await within(panel).findByText(/^8 células gravadas\. A avaliação foi refeita/)).toBeTruthy();
    expect(host.calls.writeCells).toHaveLength(1);
    const written = Object.fromEntries(host.calls.writeCells[0].map((c) => [`${c.sheet}!${c.address}`, c.value]));
    // The table spans A–F; I4's quarter rows are 13–15 (April, row 22, is another quarter and another indicator).
    expect(written).toEqual({
      "Indicadores!G3": "Justificativa",
      "Indicadores!H3": "Justificativa aceita",
      "Indicadores!G13": "Falta de insumos em janeiro",
      "Indicadores!H13": "Total",
      "Indicadores!G14": "Falta de insumos em janeiro",
      "Indicadores!H14": "Total",
      "Indicadores!G15": "Falta de insumos em janeiro",
      "Indicadores!H15": "Total",
    });
    // Evaluated again: 4 of 4 = 100,0%, Faixa 1; the decision shows as chosen, the text as written.
    expect(await within(panel).findByText("100,0%")).toBeTruthy();
    expect(within(panel).getByText("Faixa 1 — 100%")).toBeTruthy();
    const after = within(panel).getAllByRole("listitem")[0];
    expect((within(after).getByRole("radio", { name: "Total" }) as HTMLInputElement).checked).toBe(true);
    expect((within(after).getByRole("textbox", { name: /^Justificativa — I4/ }) as HTMLTextAreaElement).value).toBe(
      "Falta de insumos em janeiro",
    );
  });

  it("writes Parcial after the add-in's own columns once Avaliar has run: (3 + 0,5) / 4 = 87,5%, Faixa 2", async () => {
    const { user, panel, host } = await open();
    // Avaliar writes Atingimento/Conceito (Contratualiza) into G and H first.
    const evaluate = await openTab(user, "Avaliar");
    await user.click(within(evaluate).getByRole("button", { name: "Avaliar" }));
    await within(evaluate).findByText(/Avaliação gravada/);
    const justify = await openTab(user, "Justificativas");
    const i4 = within(justify).getAllByRole("listitem")[0];
    await user.click(within(i4).getByRole("radio", { name: "Parcial" }));
    await user.click(within(justify).getByRole("button", { name: "Gravar justificativas" }));
    expect(await within(justify).findByText("87,5%")).toBeTruthy();
    expect(within(justify).getByText("Faixa 2 — 80% a 99,9%")).toBeTruthy();
    const addresses = host.calls.writeCells[0].map((c) => c.address);
    expect(addresses).toEqual(["I3", "J3", "I13", "J13", "I14", "J14", "I15", "J15"]);
    expect(host.value("Indicadores", "G3")).toBe("Atingimento (Contratualiza)");
    expect(panel).toBe(justify);
  });

  it("asks for a decision before writing, and says when the workbook refuses the cells", async () => {
    const { user, panel, host } = await open();
    await user.click(within(panel).getByRole("button", { name: "Gravar justificativas" }));
    expect(await within(panel).findByText("Escolha a decisão da comissão para ao menos um indicador.")).toBeTruthy();
    expect(host.calls.writeCells).toHaveLength(0);

    host.writeFailure = "A planilha Indicadores está protegida.";
    await user.click(within(within(panel).getAllByRole("listitem")[0]).getByRole("radio", { name: "Não" }));
    await user.click(within(panel).getByRole("button", { name: "Gravar justificativas" }));
    expect(
      await within(panel).findByText("Não foi possível gravar. A planilha Indicadores está protegida."),
    ).toBeTruthy();
  });

  it("under Previne Brasil (no commission) says that the decisions are shown and never scored", async () => {
    const wb = contractWorkbook();
    const rows = settingsToCells({ versao: 1, predefinicao: "previne" }).map((r) => r.map((value) => ({ value })));
    const host = new FakeHost({
      ...wb,
      sheets: [
        ...wb.sheets,
        { name: SETTINGS_SHEET, origin: { row: 1, col: 1 }, rows, tables: [], merges: [], hidden: true },
      ],
    });
    const pane = await renderPane(host);
    const panel = await openTab(pane.user, "Justificativas");
    expect(
      await within(panel).findByText(/^Nas regras do Previne Brasil \(ISF\) não há comissão de avaliação/),
    ).toBeTruthy();
  });
});
