/** @jest-environment jsdom */
/**
 * Screen Avaliar: choose periods, preset and method; run (lendo → avaliando → gravando); the overall figure
 * and band of each period against the values worked out in fixtures.tsx; the owned columns written without
 * summary sheets; problems that select their cell; and what a refusal or a failure looks like.
 */
import "./setup";
import { waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { FakeHost } from "./fakeHost";
import { contractWorkbook, openTab, renderPane, choosePreset } from "./fixtures";
import { presets } from "../../src/core/presets";
import { sheet } from "../workbook/fixtures";
import { COFIN_HEADER, cofinRows, typedSheets } from "../workbook/cofinanciamento";
import { HYPERTENSION_TITLE } from "../workbook/previne";

async function open(host = new FakeHost(contractWorkbook())) {
  const pane = await renderPane(host);
  const panel = await openTab(pane.user, "Avaliar");
  return { ...pane, host, panel };
}

describe("screen Avaliar", () => {
  it("offers the quarters of the table, the latest chosen, and the workbook's rules", async () => {
    const { panel } = await open();
    const boxes = within(panel).getAllByRole("checkbox");
    const t1 = within(panel).getByRole("checkbox", { name: "1º trimestre de 2025 (2025-T1)" });
    const t2 = within(panel).getByRole("checkbox", { name: "2º trimestre de 2025 (2025-T2)" });
    expect(boxes).toHaveLength(2);
    expect((t1 as HTMLInputElement).checked).toBe(false);
    expect((t2 as HTMLInputElement).checked).toBe(true);
    expect((within(panel).getByRole("radio", { name: presets.instrumento.name }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(
      (within(panel).getByRole("radio", { name: "Proporção de metas atingidas" }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it("evaluates the chosen quarters, writes the owned columns without summaries, and shows 75,0% Faixa 3 for 2025-T1", async () => {
    const { user, panel, host, container } = await open();
    // By keyboard: Tab to the first check box (2025-T1), Space ticks it.
    within(panel).getByRole("checkbox", { name: "1º trimestre de 2025 (2025-T1)" }).focus();
    await user.keyboard(" ");
    expect(
      (within(panel).getByRole("checkbox", { name: "1º trimestre de 2025 (2025-T1)" }) as HTMLInputElement).checked,
    ).toBe(true);
    within(panel).getByRole("button", { name: "Avaliar" }).focus();
    await user.keyboard("{Enter}");

    expect(
      await within(panel).findByText(
        "Avaliação gravada: colunas Atingimento e Conceito (Contratualiza) e cores atualizadas.",
      ),
    ).toBeTruthy();
    const bar = within(panel).getByRole("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("1");
    expect(within(panel).getByText("Concluído.")).toBeTruthy();

    // One apply, no summary sheet, the owned pair beside the table (A–F → G, H).
    expect(host.calls.apply).toHaveLength(1);
    const { plan, options } = host.calls.apply[0];
    expect(options).toEqual({ replaceSummaries: false });
    expect(plan.summaries).toEqual([]);
    expect(plan.owned).toHaveLength(1);
    expect(plan.owned[0].col).toBe(7);
    expect(host.value("Indicadores", "H3")).toBe("Conceito (Contratualiza)");
    // I4's January (row 13): 70% vs 80% → B.
    expect(host.value("Indicadores", "H13")).toBe("B");

    // 2025-T1 (fixtures.tsx): 3 of 4 = 75,0%, Faixa 3.
    const t1 = within(panel).getByRole("region", { name: "Período: 1º trimestre de 2025 (2025-T1)" });
    expect(within(t1).getByText("75,0%")).toBeTruthy();
    expect(within(t1).getByText("Faixa 3 — 70% a 79,9%")).toBeTruthy();
    expect(within(t1).getByText(/Recomendação de manutenção do Contrato e suspensão/)).toBeTruthy();
    expect(
      within(t1).getByText("Proporção de metas atingidas; 4 de 5 indicadores de desempenho com dado"),
    ).toBeTruthy();
    // The target not met: I4, the quarter's mean (70% + 85% + 75%) / 3 = 76,67% < 80%, attainment 76,67 / 80 = 95,8%.
    expect(within(t1).getByRole("heading", { name: "Metas não atingidas (1)" })).toBeTruthy();
    expect(
      within(t1).getByText("I4 Proporção de mulheres com citopatológico: atingimento 95,8% — meta não atingida"),
    ).toBeTruthy();
    // I5's three months are pending, each named by its blank cell (rows 16–18).
    expect(within(t1).getByText("I5 Atendimentos odontológicos — jan/2025: célula F16 em branco")).toBeTruthy();
    expect(within(t1).getByText("I5 Atendimentos odontológicos — mar/2025: célula F18 em branco")).toBeTruthy();
    expect(within(t1).queryByText(/Avaliação incompleta/)).toBeNull();

    // 2025-T2: I1 280 vs ≥ 300 → 0 of 1 = 0,0%, Faixa 6.
    const t2 = within(panel).getByRole("region", { name: "Período: 2º trimestre de 2025 (2025-T2)" });
    expect(within(t2).getByText("0,0%")).toBeTruthy();
    expect(within(t2).getByText("Faixa 6 — menos de 50%")).toBeTruthy();

    expect(await axe(container)).toHaveNoViolations();
  });

  it("shows the stage it is in while it runs: gravando is three quarters of the bar", async () => {
    const host = new FakeHost(contractWorkbook());
    // The host keeps the write pending until released.
    let release: () => void = () => undefined;
    const apply = host.apply.bind(host);
    host.apply = (plan, options) => new Promise((resolve) => (release = () => void apply(plan, options).then(resolve)));
    const { user, panel } = await open(host);
    await user.click(within(panel).getByRole("button", { name: "Avaliar" }));
    expect(await within(panel).findByText("Gravando colunas e cores…")).toBeTruthy();
    expect(within(panel).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.75");
    expect((within(panel).getByRole("button", { name: "Avaliar" }) as HTMLButtonElement).disabled).toBe(true);
    release();
    expect(await within(panel).findByText("Concluído.")).toBeTruthy();
    expect((within(panel).getByRole("button", { name: "Avaliar" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("takes the user to a problem's cell", async () => {
    const { user, panel, host } = await open();
    await user.click(within(panel).getByRole("checkbox", { name: "2º trimestre de 2025 (2025-T2)" }));
    await user.click(within(panel).getByRole("checkbox", { name: "1º trimestre de 2025 (2025-T1)" }));
    await user.click(within(panel).getByRole("button", { name: "Avaliar" }));
    const t1 = await within(panel).findByRole("region", { name: "Período: 1º trimestre de 2025 (2025-T1)" });
    expect(within(panel).queryByRole("region", { name: /2025-T2/ })).toBeNull();
    // I6's "n/d" in F19.
    const link = within(t1).getByRole("button", { name: "Ir para Indicadores!F19" });
    expect(link.parentElement?.textContent).toMatch(/Indicadores!F19: “n\/d” não é um número/);
    await user.click(link);
    expect(host.calls.select).toEqual([{ sheet: "Indicadores", address: "F19" }]);
  });

  it("uses the method and preset chosen: mean attainment of 2025-T1 is (1 + 1 + 1 + 0,9583) / 4 = 99,0%", async () => {
    const { user, panel } = await open();
    await user.click(within(panel).getByRole("checkbox", { name: "1º trimestre de 2025 (2025-T1)" }));
    await user.click(within(panel).getByRole("checkbox", { name: "2º trimestre de 2025 (2025-T2)" }));
    await user.click(within(panel).getByRole("radio", { name: "Média do atingimento" }));
    await user.click(within(panel).getByRole("button", { name: "Avaliar" }));
    const t1 = await within(panel).findByRole("region", { name: /2025-T1/ });
    // I4's attainment is its quarter's mean against the target, 76,67 / 80 = 0,9583: 3,9583 / 4 = 0,98958 → 99,0%, Faixa 2.
    expect(within(t1).getByText("99,0%")).toBeTruthy();
    expect(within(t1).getByText("Faixa 2 — 80% a 99,9%")).toBeTruthy();

    // Decreto: A/B only, no bands.
    await choosePreset(user, panel, "decreto");
    await user.click(within(panel).getByRole("button", { name: "Avaliar" }));
    await waitFor(() => expect(within(panel).getByText("Esta regra não tem faixas de recomendação.")).toBeTruthy());
  });

  it("lists why nothing was written when the host refuses, and says so when it fails", async () => {
    const { user, panel, host } = await open();
    host.nextApply = {
      kind: "refused",
      problems: [
        {
          code: "invalidArgument",
          sheet: "Indicadores",
          cell: "G4",
          message: "A célula G4 tem um valor digitado; as colunas do Contratualiza não podem cobri-la.",
        },
      ],
    };
    await user.click(within(panel).getByRole("button", { name: "Avaliar" }));
    expect(await within(panel).findByText("Nada foi gravado, porque:")).toBeTruthy();
    // Nothing was written: no "Concluído." and no full bar beside that.
    expect(within(panel).queryByText("Concluído.")).toBeNull();
    expect(within(panel).queryByRole("progressbar")).toBeNull();
    await user.click(within(panel).getByRole("button", { name: "Ir para Indicadores!G4" }));
    expect(host.calls.select).toEqual([{ sheet: "Indicadores", address: "G4" }]);

    host.nextApply = { kind: "failed", message: "O Excel não respondeu." };
    await user.click(within(panel).getByRole("button", { name: "Avaliar" }));
    expect(await within(panel).findByText("Não foi possível gravar. O Excel não respondeu.")).toBeTruthy();
    expect(within(panel).queryByText("Concluído.")).toBeNull();
  });
});

describe("screen Avaliar: co-financing per team", () => {
  it("chooses the co-financing by itself and lists each team's nota final and class (tests/workbook/cofinanciamento.ts)", async () => {
    const host = new FakeHost({ sheets: [sheet("Equipes", [COFIN_HEADER, ...cofinRows()])] });
    const { user, panel, container } = await open(host);
    expect((within(panel).getByRole("radio", { name: presets.cofinanciamento.name }) as HTMLInputElement).checked).toBe(
      true,
    );
    await user.click(within(panel).getByRole("button", { name: "Avaliar" }));
    const q1 = await within(panel).findByRole("region", { name: "Período: 1º quadrimestre de 2025 (2025-Q1)" });
    expect(within(q1).getByText("Por equipe (2)")).toBeTruthy();
    // ESF Centro: the official worked example, 8,5 → Ótimo; ESF Vila Nova: 5,0 over the ten weights (C6
    // missing adds nothing; never 5,0 ÷ 9 × 10 = 5,56) → Bom, and incomplete, naming C6.
    expect(within(q1).getByText("ESF Centro (INE 0001234567): nota final 8,50 — Ótimo")).toBeTruthy();
    expect(within(q1).getByText("ESF Vila Nova (INE 0007654321): nota final 5,00 — Bom")).toBeTruthy();
    expect(within(q1).getByText("incompleta: falta C6 Cuidado da pessoa idosa")).toBeTruthy();
    // No targets to meet under a classification: no "metas não atingidas" list.
    expect(within(q1).queryByText(/metas não atingidas/i)).toBeNull();
    // Each month's class in the owned concept column: Centro's C1 in January, 35 → Bom (C1 range > 30 e ≤ 50).
    expect(host.value("Equipes", "H2")).toBe("Bom");
    expect(await axe(container)).toHaveNoViolations();
  });

  it("co-financing as people type it: ratios, a fraction column, a missing C7 (tests/workbook/cofinanciamento.ts typedSheets)", async () => {
    const host = new FakeHost({ sheets: typedSheets().map((t) => sheet(t.name, t.rows as never)) });
    const { user, panel } = await open(host);
    expect((within(panel).getByRole("radio", { name: presets.cofinanciamento.name }) as HTMLInputElement).checked).toBe(
      true,
    );
    await user.click(within(panel).getByRole("button", { name: "Avaliar" }));
    const q1 = await within(panel).findByRole("region", { name: "Período: 1º quadrimestre de 2025 (2025-Q1)" });
    // ESF Leste, numerator ÷ denominator only (C2 45/60 = 75 → Bom): 7,75 → Ótimo.
    expect(within(q1).getByText("ESF Leste (INE 0004444444): nota final 7,75 — Ótimo")).toBeTruthy();
    // ESF Norte without C7: 0,75 + 2 + 2 + 0,5 + 0,25 + 1 + 0 = 6,5 → Bom (never 8,125 → Ótimo), incompleta C7.
    expect(within(q1).getByText("ESF Norte (INE 0005555555): nota final 6,50 — Bom")).toBeTruthy();
    expect(within(q1).getByText("incompleta: falta C7 Cuidado da mulher na prevenção do câncer")).toBeTruthy();
    // ESF Sul, C2 typed 0,6: not classified, 6,25 → Bom, incompleta C2; the problem names its cell.
    expect(within(q1).getByText("ESF Sul (INE 0003333333): nota final 6,25 — Bom")).toBeTruthy();
    expect(within(q1).getByText("incompleta: falta C2 Cuidado no desenvolvimento infantil")).toBeTruthy();
    expect(within(q1).getByRole("button", { name: "Ir para Frações!E3" })).toBeTruthy();
    expect(host.value("Frações", "G3")).toBe("Inválido");
    expect(host.value("Razões", "H3")).toBe("Bom");
  });
});

describe("screen Avaliar: Previne Brasil", () => {
  it("one indicator is an ISF parcial (1 de 7 indicadores), never the ISF", async () => {
    // Lavras, hypertension 40% against 50%: nota 8,0 — one of the seven indicators.
    const rows = [
      ["Município", "Indicador", "Quadrimestre", "Resultado (%)"],
      ["Lavras", HYPERTENSION_TITLE, "2022 Q1", 40],
    ];
    const host = new FakeHost({ sheets: [sheet("Previne", rows)] });
    const { user, panel } = await open(host);
    await choosePreset(user, panel, "previne");
    await user.click(within(panel).getByRole("button", { name: "Avaliar" }));
    const q1 = await within(panel).findByRole("region", { name: "Período: 1º quadrimestre de 2022 (2022-Q1)" });
    expect(within(q1).getByText("ISF parcial (1 de 7 indicadores) (0 a 10)", { exact: false })).toBeTruthy();
    expect(within(q1).getByText("8,00")).toBeTruthy();
    expect(within(q1).getByText(/O ISF precisa dos 7 indicadores; com 1, o valor é um ISF parcial/)).toBeTruthy();
    expect(within(q1).queryByText(/^ISF \(0 a 10\)/)).toBeNull();
  });
});
