/** @jest-environment jsdom */
/**
 * The task pane's frame: opened outside Excel it shows the notice and the functions; while Office loads, a
 * loading state; inside Office when Office.js did not load or answer, what to do; inside Excel, the tabs in
 * the order of the path — reachable and switched by keyboard — and a read failure with a way to try again.
 */
import "./setup";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { App } from "../../src/taskpane/App";
import { paneStrings } from "../../src/taskpane/messages";
import { FakeHost } from "./fakeHost";
import { contractWorkbook, FUNCTIONS, renderPane, settle } from "./fixtures";

describe("App outside Excel", () => {
  it("says where to open it and lists the functions as typed in pt-BR Excel", async () => {
    const { container } = render(<App host={undefined} functions={FUNCTIONS} />);
    expect(screen.getByRole("heading", { level: 1, name: "Contratualiza" })).toBeTruthy();
    expect(screen.getByText(paneStrings.outsideOfficeTitle)).toBeTruthy();
    expect(
      screen.getByText(/Você abriu o painel num navegador comum\. Para avaliar uma pasta de trabalho, abra-a no Excel/),
    ).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Funções que você já pode digitar nas células" })).toBeTruthy();
    expect(screen.getByText("=META.ATINGIMENTO(resultado; meta)")).toBeTruthy();
    expect(screen.getByText("=META.FAIXA(atingimento; [tabela])")).toBeTruthy();
    expect(screen.queryByRole("tablist")).toBeNull();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("says so when there are no functions", () => {
    render(<App host={undefined} functions={[]} />);
    expect(screen.getByText("Nenhuma função disponível nesta versão.")).toBeTruthy();
  });
});

describe("App while Office loads, and when it does not", () => {
  it("shows a loading state, then, inside Office, the advice for Office.js that failed or is slow — never the plain-browser notice", () => {
    const { rerender } = render(<App state={{ kind: "loading" }} functions={FUNCTIONS} />);
    expect(screen.getByText(paneStrings.loadingOffice)).toBeTruthy();
    rerender(<App state={{ kind: "officeFailed", reason: "failed" }} functions={FUNCTIONS} />);
    expect(screen.getByText(paneStrings.officeFailedTitle)).toBeTruthy();
    expect(screen.getByText(/appsforoffice\.microsoft\.com/)).toBeTruthy();
    expect(screen.queryByText(paneStrings.outsideOfficeTitle)).toBeNull();
    rerender(<App state={{ kind: "officeFailed", reason: "slow" }} functions={FUNCTIONS} />);
    expect(screen.getByText(/O Office ainda não respondeu/)).toBeTruthy();
    expect(screen.queryByText(paneStrings.loadingOffice)).toBeNull();
  });
});

describe("App in Excel", () => {
  it("shows the screens as tabs in the order of the path, moved through with the arrow keys and chosen with Enter", async () => {
    const host = new FakeHost(contractWorkbook());
    const { user, container } = await renderPane(host, "dark");
    const ids = [
      "inicio",
      "avaliar",
      "resumo",
      "justificativas",
      "comunicado",
      "tabelas",
      "consolidar",
      "regras",
      "modelos",
      "funcoes",
    ];
    const names = [
      "Início",
      "Avaliar",
      "Resumo",
      "Justificativas",
      "Comunicado",
      "Tabelas",
      "Consolidar",
      "Regras",
      "Modelos",
      "Funções",
    ];
    expect(screen.getAllByRole("tab").map((t) => t.getAttribute("id"))).toEqual(ids.map((id) => `tab-${id}`));
    for (const name of names) expect(screen.getByRole("tab", { name })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Início" }).getAttribute("aria-selected")).toBe("true");

    // Tab lands on the selected tab (the tab list's only stop); arrows move between tabs; Enter selects.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Início" }));
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Avaliar" }));
    await user.keyboard("{Enter}");
    await settle();
    expect(screen.getByRole("tab", { name: "Avaliar" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tabpanel", { name: "Avaliar" })).toBeTruthy();
    expect(await screen.findByRole("heading", { name: "Avaliar e colorir" })).toBeTruthy();

    // The functions are still there, on their own tab.
    await user.click(screen.getByRole("tab", { name: "Funções" }));
    await settle();
    expect(
      within(screen.getByRole("tabpanel", { name: "Funções" })).getByText("=META.ATINGIMENTO(resultado; meta)"),
    ).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("says in pt-BR when the workbook cannot be read, and reads again on request", async () => {
    const host = new FakeHost(contractWorkbook());
    host.readFailure = "A pasta de trabalho está em modo de edição de célula. Saia da célula e tente de novo.";
    const user = userEvent.setup();
    render(<App host={host} functions={FUNCTIONS} />);
    expect(
      await screen.findByText(/Não foi possível ler a pasta de trabalho. A pasta de trabalho está em modo de edição/),
    ).toBeTruthy();
    host.readFailure = undefined;
    // One way to read again while the error shows: its own button.
    await user.click(screen.getByRole("button", { name: "Ler a pasta de novo" }));
    await waitFor(() => expect(screen.queryByText(/Não foi possível ler/)).toBeNull());
    expect(
      await screen.findByText("Encontramos 1 tabela de indicadores, na planilha “Indicadores”. 6 indicadores."),
    ).toBeTruthy();
  });
});
