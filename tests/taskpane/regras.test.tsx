/** @jest-environment jsdom */
/**
 * Screen Regras: the settings stored in the workbook read back on open; the band editor checked live with
 * bandTableFromLowerBounds' pt-BR messages; "Restaurar padrão"; saving through host.saveSettings, after
 * which the evaluation uses the saved rules.
 */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import type { WorkbookSettings } from "../../src/workbook/settings";
import { settingsToCells, SETTINGS_SHEET } from "../../src/workbook/settings";
import { sheet } from "../workbook/fixtures";
import { FakeHost } from "./fakeHost";
import { contractWorkbook, openTab, renderPane, choosePreset } from "./fixtures";
import { presets } from "../../src/core/presets";

function withSettings(settings: WorkbookSettings): FakeHost {
  const wb = contractWorkbook();
  wb.sheets.push(sheet(SETTINGS_SHEET, settingsToCells(settings), { hidden: true }));
  return new FakeHost(wb);
}

async function open(host: FakeHost) {
  const pane = await renderPane(host);
  const panel = await openTab(pane.user, "Regras");
  return { ...pane, host, panel };
}

const lowers = (panel: HTMLElement) =>
  within(panel)
    .getAllByRole("textbox", { name: "Início (limite inferior)" })
    .map((i) => (i as HTMLInputElement).value);

describe("screen Regras", () => {
  it("reads back the rules stored in the workbook", async () => {
    const stored: WorkbookSettings = {
      versao: 1,
      predefinicao: "instrumento",
      metodo: "media",
      parcial: 0.3,
      faixas: [
        { inicio: 80, rotulo: "Bom", cor: "#8BC34A" },
        { inicio: 0, rotulo: "Ruim", recomendacao: "Rever o contrato" },
      ],
    };
    const { panel, container } = await open(withSettings(stored));
    expect((within(panel).getByRole("radio", { name: presets.instrumento.name }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect((within(panel).getByRole("radio", { name: "Média do atingimento" }) as HTMLInputElement).checked).toBe(true);
    expect(
      (within(panel).getByRole("textbox", { name: "Parcela da justificativa parcial (%)" }) as HTMLInputElement).value,
    ).toBe("30");
    expect(lowers(panel)).toEqual(["80", "0"]);
    expect(
      within(panel)
        .getAllByRole("textbox", { name: "Rótulo" })
        .map((i) => (i as HTMLInputElement).value),
    ).toEqual(["Bom", "Ruim"]);
    expect(
      within(panel)
        .getAllByRole("textbox", { name: "Recomendação" })
        .map((i) => (i as HTMLTextAreaElement).value),
    ).toEqual(["", "Rever o contrato"]);
    expect(within(panel).getByText("As faixas estão corretas.")).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("starts from the preset's six bands, checks edits live, and restores the default", async () => {
    const { user, panel, host } = await open(new FakeHost(contractWorkbook()));
    expect(lowers(panel)).toEqual(["100", "80", "70", "60", "50", "0"]);
    expect(within(panel).getByText("As faixas estão corretas.")).toBeTruthy();

    // The lowest band starting at 10 leaves 0–10 in no band.
    const inputs = within(panel).getAllByRole("textbox", { name: "Início (limite inferior)" });
    await user.clear(inputs[5]);
    await user.type(inputs[5], "10");
    expect(
      await within(panel).findByText(
        "A faixa mais baixa começa em 10, mas a tabela começa em 0: os valores menores que 10 não estão em nenhuma faixa. O menor limite inferior deve ser 0.",
      ),
    ).toBeTruthy();
    // Two bands from 70.
    await user.clear(inputs[1]);
    await user.type(inputs[1], "70");
    expect(await within(panel).findByText(/têm o mesmo limite inferior \(70\)/)).toBeTruthy();
    // A colour that is not #RRGGBB.
    await user.clear(inputs[1]);
    await user.type(inputs[1], "80");
    await user.clear(inputs[5]);
    await user.type(inputs[5], "0");
    const colours = within(panel).getAllByRole("textbox", { name: "Cor (código, como #8BC34A)" });
    await user.clear(colours[0]);
    await user.type(colours[0], "verde");
    expect(await within(panel).findByText(/tem a cor “verde”\. Esperava um código de cor como #2E9E4F\./)).toBeTruthy();

    // Saving is refused while the bands are wrong.
    await user.click(within(panel).getByRole("button", { name: "Salvar regras" }));
    expect(within(panel).getByText("Corrija o que está indicado acima antes de salvar.")).toBeTruthy();
    expect(host.calls.saveSettings).toHaveLength(0);

    await user.click(within(panel).getByRole("button", { name: "Restaurar padrão" }));
    expect(lowers(panel)).toEqual(["100", "80", "70", "60", "50", "0"]);
    expect(within(panel).getByText("As faixas estão corretas.")).toBeTruthy();
  });

  it("saves the rules (keeping the mapping), and the evaluation follows them", async () => {
    const host = withSettings({
      versao: 1,
      mapa: [
        {
          planilha: "Indicadores",
          linhaCabecalho: 3,
          colunas: { indicador: "B", meta: "E", resultado: "F", periodo: "D", natureza: "C", codigo: "A" },
        },
      ],
    });
    const { user, panel } = await open(host);
    // Two bands of our own: Ruim from 0, Bom from 70.
    for (let i = 0; i < 4; i += 1) await user.click(within(panel).getByRole("button", { name: "Remover faixa 1" }));
    const inputs = within(panel).getAllByRole("textbox", { name: "Início (limite inferior)" });
    expect(inputs).toHaveLength(2);
    await user.clear(inputs[0]);
    await user.type(inputs[0], "70");
    const labels = within(panel).getAllByRole("textbox", { name: "Rótulo" });
    await user.clear(labels[0]);
    await user.type(labels[0], "Bom");
    await user.clear(labels[1]);
    await user.type(labels[1], "Ruim");
    const share = within(panel).getByRole("textbox", { name: "Parcela da justificativa parcial (%)" });
    await user.clear(share);
    await user.type(share, "25");
    await user.click(within(panel).getByRole("button", { name: "Salvar regras" }));

    expect(await within(panel).findByText("Regras salvas na pasta de trabalho.")).toBeTruthy();
    expect(host.calls.saveSettings).toHaveLength(1);
    const saved = host.calls.saveSettings[0];
    expect(saved).toMatchObject({ versao: 1, predefinicao: "instrumento", metodo: "proporcao", parcial: 0.25 });
    expect(saved.mapa).toHaveLength(1);
    expect(saved.faixas?.map((b) => [b.inicio, b.rotulo])).toEqual([
      [70, "Bom"],
      [0, "Ruim"],
    ]);

    // 2025-T1 is 75,0% (fixtures.tsx): in the saved bands, that is "Bom".
    const evaluate = await openTab(user, "Avaliar");
    await user.click(within(evaluate).getByRole("checkbox", { name: "1º trimestre de 2025 (2025-T1)" }));
    await user.click(within(evaluate).getByRole("button", { name: "Avaliar" }));
    const t1 = await within(evaluate).findByRole("region", { name: /2025-T1/ });
    expect(within(t1).getByText("75,0%")).toBeTruthy();
    expect(within(t1).getByText("Bom")).toBeTruthy();
  });

  it("saves the strict rule, and the evaluation names the months that decide a B", async () => {
    const { user, panel, host } = await open(withSettings({ versao: 1 }));
    // The default is the period's result, and it is not stored.
    expect((within(panel).getByRole("radio", { name: /^O resultado do período/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    await user.click(within(panel).getByRole("radio", { name: /^Todos os meses e unidades/ }));
    await user.click(within(panel).getByRole("button", { name: "Salvar regras" }));
    await waitFor(() => expect(host.calls.saveSettings).toHaveLength(1));
    expect(host.calls.saveSettings[0]).toMatchObject({ versao: 1, regra: "todos-os-meses" });
    // 2025-T1 (fixtures.tsx): I4's months 70%, 85%, 75% against 80%: January and March miss → B either way,
    // and under this rule its reason lists the two months with their values.
    const evaluate = await openTab(user, "Avaliar");
    await user.click(within(evaluate).getByRole("checkbox", { name: "1º trimestre de 2025 (2025-T1)" }));
    await user.click(within(evaluate).getByRole("button", { name: "Avaliar" }));
    const t1 = await within(evaluate).findByRole("region", { name: /2025-T1/ });
    expect(
      within(t1).getByText(
        "regra “todos os meses”: não atingiram a meta: jan/2025: 70,0% (meta ≥ 80%); mar/2025: 75,0% (meta ≥ 80%)",
      ),
    ).toBeTruthy();
  });

  it("offers no bands for a preset without them, and saves the preset's own bands as no custom table", async () => {
    const { user, panel, host } = await open(new FakeHost(contractWorkbook()));
    await choosePreset(user, panel, "previne");
    expect(
      within(panel).getByText(
        "Esta regra não tem faixas de recomendação. Acrescente faixas para classificar o resultado global.",
      ),
    ).toBeTruthy();
    expect((within(panel).getByRole("radio", { name: "Média do atingimento" }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(panel).getByRole("button", { name: "Salvar regras" }));
    await waitFor(() => expect(host.calls.saveSettings).toHaveLength(1));
    expect(host.calls.saveSettings[0]).toEqual({ versao: 1, predefinicao: "previne", metodo: "media", parcial: 0.5 });
    // The other screens follow the saved preset.
    await openTab(user, "Avaliar");
    expect((screen.getByRole("radio", { name: presets.previne.name }) as HTMLInputElement).checked).toBe(true);
  });
});
