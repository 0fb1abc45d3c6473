/** Settings stored in the workbook's very hidden sheet: written as cells, read back, turned into pipeline options. */
import { findBand } from "../../src/core/bands";
import {
  readSettings,
  resolveSettings,
  settingsToCells,
  SETTINGS_SHEET,
  type WorkbookSettings,
} from "../../src/workbook/settings";
import { sheet, workbook } from "./fixtures";

const stored = (s: WorkbookSettings) => workbook(sheet(SETTINGS_SHEET, settingsToCells(s), { hidden: true }));

describe("workbook settings", () => {
  it("round-trips through the sheet's cells", () => {
    const settings: WorkbookSettings = {
      versao: 1,
      predefinicao: "decreto",
      metodo: "media",
      parcial: 0.3,
      mapa: [{ planilha: "Indicadores", linhaCabecalho: 3, colunas: { meta: "D", resultado: "E" } }],
    };
    expect(readSettings(stored(settings))).toEqual({ settings, problems: [] });
  });

  it("splits long JSON into cells under Excel's 32,767-character limit and joins them back", () => {
    const long = "x".repeat(70000);
    const settings: WorkbookSettings = { versao: 1, faixas: [{ inicio: 0, rotulo: long }] };
    const cells = settingsToCells(settings);
    // A note, then ceil(json length / 30,000) chunks.
    expect(cells.length).toBe(1 + Math.ceil(JSON.stringify(settings).length / 30000));
    expect(cells.every((r) => r[0].length <= 30000)).toBe(true);
    expect(readSettings(stored(settings)).settings?.faixas?.[0].rotulo).toBe(long);
  });

  it("says in pt-BR what it could not use, and keeps the rest", () => {
    const wb = workbook(sheet(SETTINGS_SHEET, [["nota"], ['{"predefinicao":"outra","metodo":"media","parcial":2}']]));
    const { settings, problems } = readSettings(wb);
    expect(settings).toEqual({ versao: 1, metodo: "media" });
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/Predefinição “outra” desconhecida/),
      expect.stringMatching(/“parcial”.*de 0 a 1/),
    ]);
    expect(problems.every((p) => p.sheet === SETTINGS_SHEET)).toBe(true);
    expect(readSettings(workbook(sheet(SETTINGS_SHEET, [["nota"], ["{ não é json"]]))).problems[0].message).toMatch(
      /não é um JSON válido/,
    );
    expect(readSettings(workbook(sheet("Outra", [["x"]])))).toEqual({ problems: [] });
  });

  it("turns a custom band table into the preset's bands", () => {
    const resolved = resolveSettings({
      versao: 1,
      faixas: [
        { inicio: 0, rotulo: "Ruim" },
        { inicio: 75, rotulo: "Bom", cor: "#8BC34A" },
      ],
    });
    expect(resolved.problems).toEqual([]);
    // Default preset (instrumento, 0–100): Bom = [75, 100], Ruim = [0, 75). 74,96 rounds to 75,0 (0,1 pp) → Bom.
    const found = findBand(resolved.preset!.bands!, 74.96);
    expect(found.kind === "band" && found.band.label).toBe("Bom");
    expect(resolved.preset!.id).toBe("instrumento");
  });

  it("keeps the preset's bands when the stored table has a gap, and says why", () => {
    const resolved = resolveSettings({ versao: 1, predefinicao: "instrumento", faixas: [{ inicio: 10, rotulo: "A" }] });
    expect(resolved.preset?.bands?.id).toBe("contrato-gestao");
    expect(resolved.problems[0].message).toMatch(/^A tabela de faixas gravada não foi usada/);
  });

  it("maps method and mapping to pipeline options", () => {
    const r = resolveSettings({ versao: 1, metodo: "proporcao", mapa: [{ planilha: "X", colunas: { meta: "B" } }] });
    expect(r.method).toBe("shareMet");
    expect(r.mapping).toEqual({ tabelas: [{ planilha: "X", colunas: { meta: "B" } }] });
  });
});
