/** @jest-environment jsdom */
/**
 * Screen Consolidar: the open workbook's regional view as a `Consolidado` sheet of the same workbook — a
 * preview from the last read, then a plan with that sheet only; when it exists, a dialog asks before
 * replacing it. A later read skips the sheet (it is the add-in's output, not a fourth municipality).
 *
 * The workbook: three municipal contracts, one per sheet named after the municipality
 * (tests/workbook/consolidation/fixtures.ts, default rules: share of targets met, weights I01 1, I02 1,
 * I03 2, I04 1; a quarter's indicator is A only when its three months met the target):
 *   Lavras     T1 all A → 5/5 = 100% (Faixa 1);  T2 I03 missed in May → 3/5 = 60% (Faixa 4)
 *   Perdões    T1 I03 missed in February → 60% (Faixa 4);  T2 all A → 100% (Faixa 1)
 *   Nepomuceno T1 I01 missed in January → 4/5 = 80% (Faixa 2);  T2 I01 (April) and I04 (June) → 3/5 = 60% (Faixa 4)
 * Sorted by quarter, then attainment from highest, ties by name (Lavras before Nepomuceno in T2).
 */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { CONSOLIDATED_HEADER_ROW } from "../../src/workbook/consolidation/consolidate";
import { contractSheet, MUNICIPALITIES } from "../workbook/consolidation/fixtures";
import { sheet, workbook } from "../workbook/fixtures";
import { siapsSheets } from "../workbook/siaps";
import { FakeHost } from "./fakeHost";
import { contractWorkbook, openTab, renderPane } from "./fixtures";

const region = () => workbook(...MUNICIPALITIES.map((m) => contractSheet(m, m)));

async function open(host = new FakeHost(region())) {
  const pane = await renderPane(host);
  const panel = await openTab(pane.user, "Consolidar");
  return { ...pane, host, panel };
}

describe("screen Consolidar", () => {
  it("previews the consolidation and inserts the Consolidado sheet: one row per municipality and quarter, sorted", async () => {
    const { user, panel, host, container } = await open();
    // The preview, from the first read.
    const preview = within(panel).getByRole("region", { name: "Prévia" });
    expect(
      within(preview).getByText("3 municípios ou contratos · 2 períodos: 2025-T1, 2025-T2 · 6 linhas."),
    ).toBeTruthy();
    expect(within(preview).getByText("Uma planilha por município: Lavras, Perdões, Nepomuceno.")).toBeTruthy();
    expect(within(preview).getByText("2º trimestre de 2025 (2025-T2), do maior para o menor atingimento")).toBeTruthy();
    expect(
      within(preview)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Perdões: 100,0% · Faixa 1 — 100%",
      "Lavras: 60,0% · Faixa 4 — 60% a 69,9%",
      "Nepomuceno: 60,0% · Faixa 4 — 60% a 69,9%",
    ]);
    expect(await axe(container)).toHaveNoViolations();

    await user.click(within(panel).getByRole("button", { name: "Inserir consolidado" }));
    expect(await within(panel).findByText("Planilha “Consolidado” inserida.")).toBeTruthy();
    expect(host.calls.apply).toHaveLength(1);
    const { plan, options } = host.calls.apply[0];
    expect(options).toEqual({ replaceSummaries: false });
    expect(plan.owned).toEqual([]);
    expect(plan.rules).toEqual([]);
    expect(plan.summaries.map((s) => s.name)).toEqual(["Consolidado"]);
    const rows = plan.summaries[0].rows;
    expect(rows[0][0].value).toBe("Consolidado da avaliação — 3 municípios ou contratos desta pasta de trabalho");
    expect(rows[CONSOLIDATED_HEADER_ROW - 1].map((c) => c.value)).toEqual([
      "Município / contrato",
      "Planilha",
      "Período",
      "Atingimento global",
      "Faixa",
      "Metas não atingidas",
      "Indicadores não atingidos",
      "Avaliação incompleta",
      "Problemas nos dados",
    ]);
    expect(rows.slice(CONSOLIDATED_HEADER_ROW).map((r) => r.map((c) => c.value))).toEqual([
      ["Lavras", "Lavras", "2025-T1", 1, "Faixa 1 — 100%", 0, "", "Não", 0],
      ["Nepomuceno", "Nepomuceno", "2025-T1", 0.8, "Faixa 2 — 80% a 99,9%", 1, "I01", "Não", 0],
      ["Perdões", "Perdões", "2025-T1", 0.6, "Faixa 4 — 60% a 69,9%", 1, "I03", "Não", 0],
      ["Perdões", "Perdões", "2025-T2", 1, "Faixa 1 — 100%", 0, "", "Não", 0],
      ["Lavras", "Lavras", "2025-T2", 0.6, "Faixa 4 — 60% a 69,9%", 1, "I03", "Não", 0],
      ["Nepomuceno", "Nepomuceno", "2025-T2", 0.6, "Faixa 4 — 60% a 69,9%", 2, "I01, I04", "Não", 0],
    ]);
    // Coloured by band, the attainment as a percentage, and the chart over the latest quarter (rows 9–11).
    expect(rows[CONSOLIDATED_HEADER_ROW][4].style).toMatchObject({ fill: expect.stringMatching(/^#/) });
    expect(rows[CONSOLIDATED_HEADER_ROW][3].numberFormat).toBe("0.0%");
    expect(plan.summaries[0].chart).toMatchObject({ categories: "A9:A11", values: "D9:D11", percent: true });
    expect(host.sheet("Consolidado")).toBeDefined();
    expect(await axe(container)).toHaveNoViolations();

    // Read again after writing: the Consolidado sheet is not taken for a table.
    expect(
      within(panel).getByText("3 municípios ou contratos · 2 períodos: 2025-T1, 2025-T2 · 6 linhas."),
    ).toBeTruthy();
    const tables = await openTab(user, "Tabelas");
    expect(within(tables).getAllByRole("button", { name: /^Ver colunas/ })).toHaveLength(3);
  });

  it("asks before replacing the Consolidado sheet; Cancelar changes nothing, Substituir replaces it", async () => {
    const { user, panel, host } = await open();
    await user.click(within(panel).getByRole("button", { name: "Inserir consolidado" }));
    expect(await within(panel).findByText("Planilha “Consolidado” inserida.")).toBeTruthy();

    await user.click(within(panel).getByRole("button", { name: "Inserir consolidado" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Substituir consolidado?" });
    expect(within(dialog).getByText("A planilha Consolidado já existe. Substituir?")).toBeTruthy();
    expect(await axe(document.body)).toHaveNoViolations();
    expect(host.calls.apply).toHaveLength(2);
    await user.click(within(dialog).getByRole("button", { name: "Cancelar" }));
    expect(await within(panel).findByText("Nada foi alterado.")).toBeTruthy();
    expect(host.calls.apply).toHaveLength(2);
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());

    await user.click(await within(panel).findByRole("button", { name: "Inserir consolidado" }));
    const again = await screen.findByRole("alertdialog", { name: "Substituir consolidado?" });
    await user.click(within(again).getByRole("button", { name: "Substituir" }));
    expect(await within(panel).findByText("Planilha “Consolidado” inserida.")).toBeTruthy();
    expect(host.calls.apply).toHaveLength(4);
    expect(host.calls.apply[3].options).toEqual({ replaceSummaries: true });
    expect(host.calls.apply[3].plan).toBe(host.calls.apply[2].plan);
    // The same rows as the first time: the earlier Consolidado sheet was skipped when reading.
    expect(host.calls.apply[3].plan.summaries[0].rows).toEqual(host.calls.apply[0].plan.summaries[0].rows);
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  });

  it("one contract: one row per quarter, and a hint on how to lay out a region", async () => {
    // tests/taskpane/fixtures.tsx: T1 3 of 4 = 75,0% (Faixa 3), T2 0 of 1 = 0,0% (Faixa 6).
    const { user, panel, host } = await open(new FakeHost(contractWorkbook()));
    const preview = within(panel).getByRole("region", { name: "Prévia" });
    expect(
      within(preview).getByText("1 município ou contrato · 2 períodos: 2025-T1, 2025-T2 · 2 linhas."),
    ).toBeTruthy();
    expect(within(preview).getByText(/Só um município ou contrato foi encontrado/)).toBeTruthy();
    expect(within(preview).queryByText(/Uma planilha por município/)).toBeNull();
    await user.click(within(panel).getByRole("button", { name: "Inserir consolidado" }));
    await waitFor(() => expect(host.calls.apply).toHaveLength(1));
    const rows = host.calls.apply[0].plan.summaries[0].rows.slice(CONSOLIDATED_HEADER_ROW);
    // Named after the sheet of the table (the pane does not know the file's name); I6 "n/d" is a problem in T1.
    expect(rows.map((r) => [r[0].value, r[2].value, r[3].value, r[8].value])).toEqual([
      ["Indicadores", "2025-T1", 0.75, 1],
      ["Indicadores", "2025-T2", 0, 0],
    ]);
    expect(within(preview).getByText(/1 linha tem problemas nos dados/)).toBeTruthy();
  });

  it("a workbook of SIAPS exports (one sheet per indicator and month): one row per team with its nota, class and C1–C7", async () => {
    // tests/workbook/siaps.ts: ESF CENTRO 8,5 Ótimo (the official worked example); ESF JARDIM, without C6,
    // 5,0 over the ten weights (C6 adds nothing) = 5,00 Bom, incompleta.
    const { user, panel, host } = await open(new FakeHost(workbook(...siapsSheets())));
    const preview = within(panel).getByRole("region", { name: "Prévia" });
    expect(within(preview).getByText("2 equipes · período 2026-Q2 · 2 linhas.")).toBeTruthy();
    expect(
      within(preview)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      // Provisional: May and June are 2 of the four-month period's 4 months.
      "SÃO SEBASTIÃO — ESF CENTRO (INE 0000123456): Nota final 8,50 · Ótimo (provisória)",
      "SÃO SEBASTIÃO — ESF JARDIM (INE 0000654321): Nota final 5,00 · Bom (provisória)",
    ]);
    await user.click(within(panel).getByRole("button", { name: "Inserir consolidado" }));
    await waitFor(() => expect(host.calls.apply).toHaveLength(1));
    const rows = host.calls.apply[0].plan.summaries[0].rows;
    expect(rows[0][0].value).toBe("Consolidado da avaliação — 2 equipes desta pasta de trabalho");
    expect(rows[CONSOLIDATED_HEADER_ROW - 1][0].value).toBe("Município — equipe (INE)");
    expect(rows[CONSOLIDATED_HEADER_ROW - 1].map((c) => c.value).slice(3, 13)).toEqual([
      "Nota final (0 a 10)",
      "Faixa",
      "Indicadores sem resultado",
      "C1",
      "C2",
      "C3",
      "C4",
      "C5",
      "C6",
      "C7",
    ]);
    expect(rows.slice(CONSOLIDATED_HEADER_ROW).map((r) => r.slice(6, 13).map((c) => c.value))).toEqual([
      ["Bom", "Ótimo", "Ótimo", "Suficiente", "Regular", "Ótimo", "Ótimo"],
      ["Ótimo", "Suficiente", "Bom", "Regular", "Bom", "—", "Regular"],
    ]);
    // June's C2 class of ESF CENTRO disagrees with ours: one problem on its row.
    expect(rows.slice(CONSOLIDATED_HEADER_ROW).map((r) => r[r.length - 1].value)).toEqual([1, 0]);
  });

  it("without an indicator table: says so, and the button is off", async () => {
    const { panel, host, container } = await open(new FakeHost(workbook(sheet("Notas", [["apenas um texto"]]))));
    expect(within(panel).getByText(/Nenhuma tabela de indicadores encontrada/)).toBeTruthy();
    expect(within(panel).queryByRole("region", { name: "Prévia" })).toBeNull();
    expect((within(panel).getByRole("button", { name: "Inserir consolidado" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(host.calls.apply).toHaveLength(0);
    expect(await axe(container)).toHaveNoViolations();
  });

  it("a workbook that lost its tables since the last read: the reason, and nothing written", async () => {
    const host = new FakeHost(region());
    const { user, panel } = await open(host);
    // Between the first read and the click, the workbook loses its tables.
    host.data = workbook(sheet("Notas", [["apenas um texto"]]));
    await user.click(within(panel).getByRole("button", { name: "Inserir consolidado" }));
    expect(await within(panel).findByText(/^Não foi possível consolidar: Nenhuma tabela de indicadores/)).toBeTruthy();
    expect(host.calls.apply).toHaveLength(0);
  });
});
