/** @jest-environment jsdom */
/**
 * Screen Tabelas: the tables found, described in pt-BR; a table's column mapping shown as drop-downs and
 * corrected, stored as the workbook's mapping (`mapa`), after which the tables are detected again.
 */
import "./setup";
import { within } from "@testing-library/react";
import { axe } from "jest-axe";
import { sheet, workbook } from "../workbook/fixtures";
import { FakeHost } from "./fakeHost";
import { contractWorkbook, openTab, renderPane } from "./fixtures";
import { siapsSheet, teamsFile } from "../workbook/siaps";

const select = (panel: HTMLElement, name: string) => within(panel).getByRole("combobox", { name }) as HTMLSelectElement;

describe("screen Tabelas", () => {
  it("lists each table with its place, layout, rows, periods and confidence", async () => {
    const host = new FakeHost(contractWorkbook());
    const { user, container } = await renderPane(host);
    const panel = await openTab(user, "Tabelas");
    const item = within(panel).getByRole("heading", { name: "Indicadores!A3:F22" }).closest("li")!;
    expect(within(item).getByText("formato longo")).toBeTruthy();
    // Six indicators × three months + April's row = 19 rows, January to April.
    expect(within(item).getByText(/^19 linhas · jan\/2025 a abr\/2025 \(4 períodos\) · confiança \d+%$/)).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("a SIAPS export: its layout, and no columns to correct (the indicator is in its title lines)", async () => {
    // C4 of May (tests/workbook/siaps.ts): header on row 10, ESF CENTRO and ESF JARDIM on rows 11–12.
    const host = new FakeHost(workbook(siapsSheet("C4", teamsFile("C4", "MAI/26"))));
    const { user } = await renderPane(host);
    const panel = await openTab(user, "Tabelas");
    const item = within(panel).getByRole("heading", { name: "C4!A10:O12" }).closest("li")!;
    expect(within(item).getByText("exportação do SIAPS (um indicador, uma linha por equipe)")).toBeTruthy();
    await user.click(within(panel).getByRole("button", { name: "Ver colunas: C4!A10:O12" }));
    expect(
      within(panel).getByText(
        "Exportações do SIAPS são lidas como estão (o indicador, o município e a competência vêm das linhas de título): não há colunas a corrigir.",
      ),
    ).toBeTruthy();
    expect(within(panel).queryByRole("combobox", { name: "Indicador" })).toBeNull();
  });

  it("shows the mapping of the table chosen, by keyboard", async () => {
    const host = new FakeHost(contractWorkbook());
    const { user, container } = await renderPane(host);
    const panel = await openTab(user, "Tabelas");
    const show = within(panel).getByRole("button", { name: "Ver colunas: Indicadores!A3:F22" });
    show.focus();
    await user.keyboard("{Enter}");
    expect(show.getAttribute("aria-pressed")).toBe("true");
    expect(within(panel).getByRole("heading", { name: "Colunas de Indicadores!A3:F22" })).toBeTruthy();
    expect(select(panel, "Indicador").value).toBe("B");
    expect(select(panel, "Código").value).toBe("A");
    expect(select(panel, "Natureza").value).toBe("C");
    expect(select(panel, "Período").value).toBe("D");
    expect(select(panel, "Meta").value).toBe("E");
    expect(select(panel, "Resultado").value).toBe("F");
    expect(select(panel, "Peso").value).toBe("");
    expect([...select(panel, "Resultado").options].map((o) => o.text)).toEqual([
      "— não usar —",
      "A — Código",
      "B — Indicador",
      "C — Natureza",
      "D — Mês",
      "E — Meta",
      "F — Resultado",
    ]);
    expect(within(panel).getByText("Coluna F “Resultado” → resultado")).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("stores a corrected mapping and detects the tables again with it", async () => {
    // The contract's second result column, "Resultado revisado" (G), is the one the commission uses.
    const wb = workbook(
      sheet("Metas", [
        ["Indicadores 2025"],
        [],
        ["Código", "Indicador", "Mês", "Meta", "Resultado", "Resultado revisado"],
        ["I1", "Consultas médicas", "2025-01", "≥ 300", 250, 320],
        ["I2", "Visitas domiciliares", "2025-01", "≥ 10", 12, 11],
      ]),
    );
    const host = new FakeHost(wb);
    const { user } = await renderPane(host);
    const panel = await openTab(user, "Tabelas");
    await user.click(within(panel).getByRole("button", { name: "Ver colunas: Metas!A3:F5" }));
    expect(select(panel, "Resultado").value).toBe("E");

    // Nothing is saved while a column is taken twice, or without an indicator column.
    await user.selectOptions(select(panel, "Meta"), "B");
    await user.click(within(panel).getByRole("button", { name: "Salvar mapeamento e detectar de novo" }));
    expect(
      within(panel).getByText("A coluna B foi escolhida para Indicador e para Meta. Cada coluna só pode ter um campo."),
    ).toBeTruthy();
    await user.selectOptions(select(panel, "Meta"), "D");
    await user.selectOptions(select(panel, "Indicador"), "");
    await user.click(within(panel).getByRole("button", { name: "Salvar mapeamento e detectar de novo" }));
    expect(within(panel).getByText("Escolha a coluna do indicador: sem ela a tabela não pode ser lida.")).toBeTruthy();
    expect(host.calls.saveSettings).toHaveLength(0);

    await user.selectOptions(select(panel, "Indicador"), "B");
    await user.selectOptions(select(panel, "Resultado"), "F");
    await user.click(within(panel).getByRole("button", { name: "Salvar mapeamento e detectar de novo" }));
    expect(await within(panel).findByText("Mapeamento salvo. As tabelas foram detectadas de novo.")).toBeTruthy();
    expect(host.calls.saveSettings).toEqual([
      {
        versao: 1,
        mapa: [
          {
            planilha: "Metas",
            linhaCabecalho: 3,
            colunas: { indicador: "B", codigo: "A", meta: "D", resultado: "F", periodo: "C" },
          },
        ],
      },
    ]);
    // Detected again from the stored mapping.
    expect(select(panel, "Resultado").value).toBe("F");
    expect(
      within(panel).getByText("Colunas definidas pelo mapeamento informado para a planilha “Metas”."),
    ).toBeTruthy();

    // And back to automatic detection.
    await user.click(within(panel).getByRole("button", { name: "Voltar à detecção automática" }));
    expect(
      await within(panel).findByText("Mapeamento apagado. As tabelas foram detectadas de novo, automaticamente."),
    ).toBeTruthy();
    expect(host.calls.saveSettings[1]).toEqual({ versao: 1 });
    expect(select(panel, "Resultado").value).toBe("E");
  });

  it("says what to do when no table is found", async () => {
    const host = new FakeHost(workbook(sheet("Plan1", [["Anotações"], ["nada aqui"]])));
    const { user } = await renderPane(host);
    // The first screen says it in plain words, and its one action opens screen Modelos, named as it says.
    const home = within(document.body).getByRole("tabpanel", { name: "Início" });
    expect(within(home).getByText(/^Não encontramos uma tabela de indicadores\./)).toBeTruthy();
    await user.click(within(home).getByRole("button", { name: "Inserir uma tabela pronta" }));
    expect(
      await within(document.body).findByRole("heading", { name: "Modelos: tabelas prontas para preencher" }),
    ).toBeTruthy();
    expect(within(document.body).getByRole("tab", { name: "Modelos" }).getAttribute("aria-selected")).toBe("true");
    const panel = await openTab(user, "Tabelas");
    expect(
      within(panel).getByText(/^Nenhuma tabela de indicadores encontrada\. Insira uma tabela pronta na tela Modelos/),
    ).toBeTruthy();
    expect(within(panel).getByRole("heading", { name: "Problemas nas tabelas (1)" })).toBeTruthy();
  });
});
