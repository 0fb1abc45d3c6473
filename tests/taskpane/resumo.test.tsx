/** @jest-environment jsdom */
/**
 * Screen Resumo: a plan with only the summary sheets of the chosen periods; when one exists, a dialog asks
 * before replacing it (Substituir → applied again with replaceSummaries; Cancelar → nothing changes).
 */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { FakeHost } from "./fakeHost";
import { contractWorkbook, openTab, renderPane } from "./fixtures";
import { documentStrings } from "../../src/workbook/messages";
import { paneDocumentStrings } from "../../src/taskpane/messages";

async function open(host = new FakeHost(contractWorkbook()), tab = "Resumo") {
  const pane = await renderPane(host);
  const panel = await openTab(pane.user, tab);
  return { ...pane, host, panel };
}

describe("screen Resumo", () => {
  it("inserts the summary sheet of the chosen period, and nothing else", async () => {
    const { user, panel, host, container } = await open();
    await user.click(within(panel).getByRole("checkbox", { name: "2º trimestre de 2025 (2025-T2)" }));
    await user.click(within(panel).getByRole("checkbox", { name: "1º trimestre de 2025 (2025-T1)" }));
    await user.click(within(panel).getByRole("button", { name: "Inserir resumo" }));
    expect(await within(panel).findByText("Planilha “Resumo 2025-T1” inserida.")).toBeTruthy();
    expect(host.calls.apply).toHaveLength(1);
    const { plan, options } = host.calls.apply[0];
    expect(options).toEqual({ replaceSummaries: false });
    expect(plan.owned).toEqual([]);
    expect(plan.rules).toEqual([]);
    expect(plan.summaries.map((s) => s.name)).toEqual(["Resumo 2025-T1"]);
    // The summary's overall figure: 3 of 4 = 0,75 (fixtures.tsx).
    const overall = plan.summaries[0].rows.find((r) => r[0]?.value === "Atingimento global");
    expect(overall?.find((c) => typeof c.value === "number")?.value).toBeCloseTo(0.75, 12);
    expect(host.sheet("Resumo 2025-T1")).toBeDefined();
    expect(await axe(container)).toHaveNoViolations();

    // The summary sheet lists the indicators under table-like headers; it is not read as a second table,
    // so the quarter is still 3 of 4 = 75,0% (not its rows counted twice).
    const evaluate = await openTab(user, "Avaliar");
    await user.click(within(evaluate).getByRole("button", { name: "Avaliar" }));
    const t1 = await within(evaluate).findByRole("region", { name: /2025-T1/ });
    expect(within(t1).getByText("75,0%")).toBeTruthy();
    const tables = await openTab(user, "Tabelas");
    expect(within(tables).getAllByRole("button", { name: /^Ver colunas/ })).toHaveLength(1);
  });

  it("asks before replacing an existing summary, and replaces it on confirmation", async () => {
    const { user, panel, host } = await open();
    // Both quarters; the first run inserts them.
    await user.click(within(panel).getByRole("checkbox", { name: "1º trimestre de 2025 (2025-T1)" }));
    await user.click(within(panel).getByRole("button", { name: "Inserir resumo" }));
    expect(await within(panel).findByText("Planilhas “Resumo 2025-T1”, “Resumo 2025-T2” inseridas.")).toBeTruthy();

    // Again: the host asks, the dialog shows.
    await user.click(within(panel).getByRole("button", { name: "Inserir resumo" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Substituir resumo?" });
    expect(
      within(dialog).getByText("As planilhas Resumo 2025-T1 e Resumo 2025-T2 já existem. Substituir?"),
    ).toBeTruthy();
    expect(host.calls.apply).toHaveLength(2);
    expect(host.calls.apply[1].options).toEqual({ replaceSummaries: false });

    // Cancel: nothing more is applied.
    await user.click(within(dialog).getByRole("button", { name: "Cancelar" }));
    expect(await within(panel).findByText("Nada foi alterado.")).toBeTruthy();
    expect(host.calls.apply).toHaveLength(2);
    // The dialog closes (after its exit animation), giving the pane back.
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());

    // Once more, and confirm by keyboard: the same plan, now with replaceSummaries. (The pane stays hidden
    // from assistive technology until the dialog has gone: find, not get.)
    await user.click(await within(panel).findByRole("button", { name: "Inserir resumo" }));
    const again = await screen.findByRole("alertdialog", { name: "Substituir resumo?" });
    within(again).getByRole("button", { name: "Substituir" }).focus();
    await user.keyboard("{Enter}");
    expect(await within(panel).findByText("Planilhas “Resumo 2025-T1”, “Resumo 2025-T2” inseridas.")).toBeTruthy();
    expect(host.calls.apply).toHaveLength(4);
    expect(host.calls.apply[3].options).toEqual({ replaceSummaries: true });
    expect(host.calls.apply[3].plan).toBe(host.calls.apply[2].plan);
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  });

  it("words the question for one sheet as the users expect", async () => {
    const { user, panel, host } = await open();
    host.nextApply = { kind: "needsConfirmation", sheets: ["Resumo 2025-T2"] };
    await user.click(within(panel).getByRole("button", { name: "Inserir resumo" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText("A planilha Resumo 2025-T2 já existe. Substituir?")).toBeTruthy();
    expect(await axe(document.body)).toHaveNoViolations();
  });

  it("screen Comunicado inserts the communiqué of each chosen period and the annual report, apart from the summaries", async () => {
    const { user, panel, host, container } = await open(undefined, "Comunicado");
    // T2 is chosen by default; with T1 too, a communiqué for each, and two quarters of 2025 make an annual
    // report.
    await user.click(within(panel).getByRole("checkbox", { name: "1º trimestre de 2025 (2025-T1)" }));
    await user.click(within(panel).getByRole("button", { name: "Inserir comunicados e avaliação anual" }));
    await waitFor(() => expect(host.calls.apply).toHaveLength(1));
    const { plan } = host.calls.apply[0];
    expect(plan.owned).toEqual([]);
    expect(plan.summaries.map((s) => s.name)).toEqual([
      "Comunicado 2025-T1",
      "Comunicado 2025-T2",
      "Avaliação anual 2025",
    ]);
    await waitFor(() => expect(host.sheet("Comunicado 2025-T2")).toBeDefined());
    expect(await axe(container)).toHaveNoViolations();
  });

  it("screen Comunicado adds the final report and the final communiqué over the chosen periods only when asked", async () => {
    const { user, panel, host } = await open(undefined, "Comunicado");
    await user.click(within(panel).getByRole("checkbox", { name: "1º trimestre de 2025 (2025-T1)" }));
    await user.click(
      within(panel).getByRole("checkbox", {
        name: "Incluir a avaliação final e o Comunicado Final Sintético (todos os períodos escolhidos, ao fim do contrato)",
      }),
    );
    await user.click(within(panel).getByRole("button", { name: "Inserir comunicados e avaliação anual" }));
    await waitFor(() => expect(host.calls.apply).toHaveLength(1));
    const { plan } = host.calls.apply[0];
    expect(plan.summaries.map((s) => s.name)).toEqual([
      "Comunicado 2025-T1",
      "Comunicado 2025-T2",
      "Avaliação anual 2025",
      "Avaliação final",
      "Comunicado final",
    ]);
    // The final report's periods are the two chosen quarters: its title row and a row per quarter.
    const finalSheet = plan.summaries[3];
    const labels = finalSheet.rows.map((r) => r[0]?.value).filter((v) => v === "2025-T1" || v === "2025-T2");
    expect(labels).toEqual(["2025-T1", "2025-T2"]);
    // The summary button (screen Resumo, same periods) never adds it.
    const summary = await openTab(user, "Resumo");
    await user.click(within(summary).getByRole("button", { name: "Inserir resumo" }));
    await waitFor(() => expect(host.calls.apply).toHaveLength(2));
    expect(host.calls.apply[1].plan.summaries.map((s) => s.name)).toEqual(["Resumo 2025-T1", "Resumo 2025-T2"]);
  });

  it("screen Comunicado inserts the proposal of an additive term over the chosen periods, alone, from its own button", async () => {
    const { user, panel, host, container } = await open(undefined, "Comunicado");
    await user.click(within(panel).getByRole("checkbox", { name: "1º trimestre de 2025 (2025-T1)" }));
    expect(within(panel).getByText(paneDocumentStrings.additiveHint)).toBeTruthy();
    await user.click(within(panel).getByRole("button", { name: paneDocumentStrings.additiveRun }));
    await waitFor(() => expect(host.calls.apply).toHaveLength(1));
    const { plan, options } = host.calls.apply[0];
    expect(options).toEqual({ replaceSummaries: false });
    expect(plan.owned).toEqual([]);
    expect(plan.summaries.map((s) => s.name)).toEqual(["Proposta de Termo Aditivo"]);
    // T1 (Jan–Mar) and T2 (April: I1 only). I5 has no result in T1 and no row in T2: without data in 2 of 2
    // quarters, more than half → proposed. I2–I4 lack T2 only (1 of 2, not more than half). I1: 320 in T1
    // (A, 106,7% < 120%), 280 in T2 (B): neither wide margin nor never met.
    const texts = plan.summaries[0].rows.flat().map((c) => c.value);
    expect(texts).toContain(documentStrings.candidatesIntro(1));
    expect(texts).toContain("I5");
    expect(texts).toContain(documentStrings.reasons.mostlyNoData(2, 2, "trimestres", "2025-T1, 2025-T2"));
    expect(texts.filter((v) => v === "I1" || v === "I2")).toEqual([]);
    expect(await within(panel).findByText("Planilha “Proposta de Termo Aditivo” inserida.")).toBeTruthy();
    expect(host.sheet("Proposta de Termo Aditivo")).toBeDefined();
    expect(await axe(container)).toHaveNoViolations();
  });
});
