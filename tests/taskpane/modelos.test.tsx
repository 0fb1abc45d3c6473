/** @jest-environment jsdom */
/** Screen Modelos: a starter table built by workbook/plan/templates and inserted through the host, then found by the detection. */
import "./setup";
import { within } from "@testing-library/react";
import { axe } from "jest-axe";
import { PREVINE_INDICATORS } from "../../src/core/catalogs";
import { sheet } from "../workbook/fixtures";
import { FakeHost } from "./fakeHost";
import { contractWorkbook, openTab, renderPane } from "./fixtures";

describe("screen Modelos", () => {
  it("inserts the chosen catalogue on a new sheet with a free name, from the month chosen, and the table is then found", async () => {
    const wb = contractWorkbook();
    wb.sheets.push(sheet("Previne Brasil", [["minhas notas"]]));
    const host = new FakeHost(wb);
    const { user, container } = await renderPane(host);
    const panel = await openTab(user, "Modelos");
    expect(within(panel).getAllByRole("radio")).toHaveLength(4);
    await user.click(
      within(panel).getByRole("radio", { name: /^Previne Brasil — indicadores de desempenho \(2022\)/ }),
    );
    const year = String(new Date().getFullYear());
    await user.selectOptions(within(panel).getByRole("combobox", { name: "Primeiro mês" }), "maio");
    await user.selectOptions(within(panel).getByRole("combobox", { name: "Ano" }), year);
    await user.click(within(panel).getByRole("button", { name: "Inserir tabela" }));

    expect(
      await within(panel).findByText(
        "Tabela inserida na planilha “Previne Brasil (2)”. Preencha a meta e o resultado de cada indicador.",
      ),
    ).toBeTruthy();
    expect(host.calls.insertTemplate).toHaveLength(1);
    const t = host.calls.insertTemplate[0];
    expect(t.sheet).toBe("Previne Brasil (2)");
    expect(t.table).toBe("Tabela_Previne");
    expect(t.rows).toHaveLength(PREVINE_INDICATORS.length);
    // May is in the second four-month period of the year.
    expect(t.rows[0][t.headers.indexOf("Quadrimestre")]).toBe(`${year}-Q2`);
    expect(await axe(container)).toHaveNoViolations();

    // Read again: the new table is listed.
    const tables = await openTab(user, "Tabelas");
    expect(within(tables).getByRole("heading", { name: "Previne Brasil (2)!A3:I10" })).toBeTruthy();
  });
});
