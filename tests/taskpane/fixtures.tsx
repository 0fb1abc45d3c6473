/** The workbook and the rendering the task pane tests share. */
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App, type FunctionInfo } from "../../src/taskpane/App";
import { paneStrings } from "../../src/taskpane/messages";
import { presets, type PresetId } from "../../src/core/presets";
import type { CellData, WorkbookData } from "../../src/workbook/model";
import { fmt, sheet, workbook } from "../workbook/fixtures";
import { FakeHost } from "./fakeHost";

export const FUNCTIONS: FunctionInfo[] = [
  {
    name: "ATINGIMENTO",
    description: "Atingimento da meta, de 0% a 100%.",
    parameters: [
      { name: "resultado", optional: false },
      { name: "meta", optional: false },
    ],
  },
  {
    name: "FAIXA",
    description: "Faixa de recomendação do atingimento global.",
    parameters: [
      { name: "atingimento", optional: false },
      { name: "tabela", optional: true },
    ],
  },
];

const pct = (v: number) => fmt(v, "0%");
type Cell = CellData["value"] | CellData;

/**
 * A contract's long table on sheet "Indicadores", header on row 3 (A–F: Código, Indicador, Natureza, Mês,
 * Meta, Resultado), January–March 2025 on rows 4–21 and April on row 22.
 *
 * First quarter (2025-T1), by hand:
 * - I1 Consultas médicas ≥ 300: 330, 310, 320 → A
 * - I2 Pré-natal 85%: 90%, 88%, 86% → A
 * - I3 Visitas ≥ 10: 12, 11, 10 → A
 * - I4 Citopatológico 80%: 70%, 85%, 75% → the quarter's mean (0,7+0,85+0,75)/3 = 76,7% < 80% → B,
 *   attainment 0,7667/0,8 = 0,9583 → "95,8%".
 * - I5 Odontologia ≥ 50: no result → Sem dado, its three blank cells F16–F18 pending, left out of the sums.
 * - I6 Vacinas 95% (monitoring): "n/d" in F19 → a problem at Indicadores!F19; never scored.
 * Share of targets met: 3 of the 4 scored indicators with data = 75,0% → Faixa 3 (70% a 79,9%). One of five
 * scored indicators without data is 20%, and 3 of the 15 expected results: not more, so the evaluation is
 * complete.
 *
 * Second quarter (2025-T2): I1 April 280 vs ≥ 300 → B; 0 of 1 = 0,0% → Faixa 6.
 */
export function contractWorkbook(): WorkbookData {
  const indicators: [string, string, string, string, Cell[]][] = [
    ["I1", "Consultas médicas", "Desempenho", "≥ 300", [330, 310, 320]],
    ["I2", "Proporção de gestantes com pré-natal em dia", "Desempenho", "85%", [pct(0.9), pct(0.88), pct(0.86)]],
    ["I3", "Visitas domiciliares", "Desempenho", "≥ 10", [12, 11, 10]],
    ["I4", "Proporção de mulheres com citopatológico", "Desempenho", "80%", [pct(0.7), pct(0.85), pct(0.75)]],
    ["I5", "Atendimentos odontológicos", "Desempenho", "≥ 50", [null, null, null]],
    ["I6", "Proporção de vacinas em dia", "Monitoramento", "95%", ["n/d", pct(0.96), pct(0.97)]],
  ];
  const rows: Cell[][] = [
    ["Contrato de Gestão nº 12/2024 — Indicadores"],
    [],
    ["Código", "Indicador", "Natureza", "Mês", "Meta", "Resultado"],
  ];
  for (const [code, name, kind, target, results] of indicators) {
    results.forEach((result, m) => rows.push([code, name, kind, `2025-0${m + 1}`, target, result]));
  }
  rows.push(["I1", "Consultas médicas", "Desempenho", "2025-04", "≥ 300", 280]);
  return workbook(sheet("Indicadores", rows));
}

/** Renders the task pane on a fake host and waits for the first read. */
export async function renderPane(host: FakeHost, theme?: "light" | "dark") {
  const user = userEvent.setup();
  const utils = render(<App host={host} theme={theme} functions={FUNCTIONS} />);
  await waitFor(() => expect(host.calls.read).toBeGreaterThan(0));
  // The first read is over when "Ler a pasta de novo" (disabled while reading) can be clicked again.
  await waitFor(() =>
    expect((screen.getByRole("button", { name: "Ler a pasta de novo" }) as HTMLButtonElement).disabled).toBe(false),
  );
  return { user, ...utils };
}

/** Lets the selected tab's animated underline (an animation frame) run inside act. */
export async function settle(): Promise<void> {
  await act(() => new Promise((resolve) => setTimeout(resolve, 40)));
}

/** Opens a tab with a click; returns its panel once its screen (loaded on demand) is there. */
export async function openTab(user: ReturnType<typeof userEvent.setup>, name: string): Promise<HTMLElement> {
  await user.click(screen.getByRole("tab", { name }));
  await settle();
  const panel = screen.getByRole("tabpanel", { name });
  await waitFor(() => expect(within(panel).queryByText(paneStrings.loadingScreen)).toBeNull());
  return panel;
}

/** Chooses the rules' preset among a screen's "Regras" radio buttons. */
export async function choosePreset(
  user: ReturnType<typeof userEvent.setup>,
  panel: HTMLElement,
  id: PresetId,
): Promise<void> {
  await user.click(
    within(within(panel).getByRole("radiogroup", { name: "Regras" })).getByRole("radio", { name: presets[id].name }),
  );
}
