/** @jest-environment jsdom */
/**
 * When the pane reads the workbook on its own. In the shared runtime the page lives on, hidden, to
 * calculate the add-in's functions: hidden, it must read nothing (a recalculation must not read the whole
 * workbook); shown, it reads; shown again after being hidden, it reads again; a sheet activated, added or
 * deleted makes it read once, a moment later (several events, one read); and "Ler a pasta de novo" reads.
 */
import "./setup";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { CHANGE_DEBOUNCE_MS } from "../../src/taskpane/useWorkbook";
import { FakeHost } from "./fakeHost";
import { contractWorkbook, FUNCTIONS } from "./fixtures";

const FOUND = "Encontramos 1 tabela de indicadores, na planilha “Indicadores”. 6 indicadores.";
const wait = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

describe("the pane's own reads", () => {
  it("reads nothing while hidden, reads when shown, and again when shown after being hidden", async () => {
    const host = new FakeHost(contractWorkbook());
    host.shown = false;
    render(<App host={host} functions={FUNCTIONS} />);
    // Longer than a read takes on the fake: still none.
    await wait(200);
    expect(host.calls.read).toBe(0);
    expect(screen.queryByText(FOUND)).toBeNull();

    act(() => host.emit("shown"));
    expect(await screen.findByText(FOUND)).toBeTruthy();
    expect(host.calls.read).toBe(1);

    // Hidden: a sheet event reads nothing; shown again: one read for both.
    act(() => host.emit("hidden"));
    act(() => host.emit("changed"));
    await wait(CHANGE_DEBOUNCE_MS + 100);
    expect(host.calls.read).toBe(1);
    act(() => host.emit("shown"));
    await waitFor(() => expect(host.calls.read).toBe(2));
    await wait(CHANGE_DEBOUNCE_MS + 100);
    expect(host.calls.read).toBe(2);
  });

  it("reads once after a burst of sheet events, a moment later, and sees the new sheet's table", async () => {
    const host = new FakeHost(contractWorkbook());
    const user = userEvent.setup();
    render(<App host={host} functions={FUNCTIONS} />);
    expect(await screen.findByText(FOUND)).toBeTruthy();
    expect(host.calls.read).toBe(1);

    // The user copies the sheet (added, then activated): two events, one read.
    const copy = { ...host.data.sheets[0], name: "Indicadores (2)" };
    host.data = { ...host.data, sheets: [...host.data.sheets, copy] };
    act(() => {
      host.emit("changed");
      host.emit("changed");
    });
    expect(host.calls.read).toBe(1);
    expect(
      await screen.findByText(
        "Encontramos 2 tabelas de indicadores, nas planilhas “Indicadores”, “Indicadores (2)”. 6 indicadores.",
      ),
    ).toBeTruthy();
    await wait(CHANGE_DEBOUNCE_MS + 100);
    expect(host.calls.read).toBe(2);

    // The visible action reads again.
    await user.click(screen.getByRole("button", { name: "Ler a pasta de novo" }));
    await waitFor(() => expect(host.calls.read).toBe(3));
    // The read runs on after the call: wait for its end (the button enabled again), or it would outlive the
    // test and keep jest's worker from exiting.
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Ler a pasta de novo" }).hasAttribute("disabled")).toBe(false),
    );
  });
});
