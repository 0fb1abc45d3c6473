/**
 * Starter tables (workbook/templates): each one, inserted as Excel would hold it and read back by the
 * detection, is a long table with the expected fields mapped and one row per catalogue indicator — so a
 * user who inserts one gets a table the add-in reads. Names never clash with the workbook's.
 */
import { COFINANCIAMENTO_INDICATORS, INSTRUMENT_INDICATORS, PMAQ_INDICATORS, PREVINE_INDICATORS } from "../../src/core/catalogs";
import { presets } from "../../src/core/presets";
import { columnLetter } from "../../src/workbook/a1";
import { detectTables } from "../../src/workbook/detect";
import { runPipeline } from "../../src/workbook/pipeline";
import type { Field } from "../../src/workbook/port";
import { buildTemplate, type TemplateId } from "../../src/workbook/templates";
import { templateSheet } from "../taskpane/fakeHost";
import { workbook } from "./fixtures";

const expected: Record<TemplateId, { rows: number; fields: Partial<Record<Field, string>>; period: string }> = {
  // Código | Área | Indicador | Natureza | Meta | Peso | Mês | Resultado | Justificativa | Justificativa aceita
  pmaq: {
    rows: PMAQ_INDICATORS.length,
    fields: { code: "A", area: "B", indicator: "C", kind: "D", target: "E", weight: "F", period: "G", result: "H", justification: "I", justificationAccepted: "J" },
    period: "2025-01",
  },
  // Código | Tipo | Indicador | Natureza | Periodicidade | Meta | Peso | Fonte | Evidências | Responsável | Mês | Resultado | Justificativa | Aceita
  instrumento: {
    rows: INSTRUMENT_INDICATORS.length,
    fields: {
      code: "A",
      type: "B",
      indicator: "C",
      kind: "D",
      periodicity: "E",
      target: "F",
      weight: "G",
      source: "H",
      responsible: "J",
      period: "K",
      result: "L",
      justification: "M",
      justificationAccepted: "N",
    },
    period: "2025-01",
  },
  // Código | Indicador | Natureza | Meta | Peso | Quadrimestre | Resultado (%) | Justificativa | Aceita
  previne: {
    rows: PREVINE_INDICATORS.length,
    fields: { code: "A", indicator: "B", kind: "C", target: "D", weight: "E", period: "F", result: "G", justification: "H", justificationAccepted: "I" },
    period: "2025-Q1",
  },
  // Nome da equipe | INE | Código | Indicador | Natureza | Peso | Mês | Resultado | Justificativa | Aceita
  // (INE is the team's code beside its name, not a field of its own)
  cofinanciamento: {
    rows: COFINANCIAMENTO_INDICATORS.length,
    fields: { unit: "A", code: "C", indicator: "D", kind: "E", weight: "F", period: "G", result: "H", justification: "I", justificationAccepted: "J" },
    period: "2025-01",
  },
};

describe("buildTemplate", () => {
  for (const id of Object.keys(expected) as TemplateId[]) {
    it(`${id}: read back, is a long table with its fields mapped and one row per indicator`, () => {
      const template = buildTemplate(id, [], [], { year: 2025, month: 1 });
      const { tables, problems } = detectTables(workbook(templateSheet(template)));
      expect(problems).toEqual([]);
      expect(tables).toHaveLength(1);
      const table = tables[0];
      expect(table.layout).toBe("long");
      expect(table.name).toBe(template.table);
      expect(table.headerRow).toBe(3);
      const mapped = Object.fromEntries(table.columns.map((c) => [c.field, columnLetter(c.col)]));
      expect(mapped).toEqual(expected[id].fields);
      expect(table.rows).toHaveLength(expected[id].rows);
      expect(table.periods.map((p) => p.label)).toEqual([expected[id].period]);
      expect(table.problems).toEqual([]);
      // Every row carries its kind, and no decision yet.
      expect(table.rows.every((r) => r.kind?.value === "Desempenho" || r.kind?.value === "Monitoramento")).toBe(true);
      expect(table.rows.every((r) => !r.justificationAccepted?.value)).toBe(true);
    });
  }

  it("offers drop-down lists for Natureza and Justificativa aceita, and a width per column", () => {
    const t = buildTemplate("pmaq", [], [], { year: 2025, month: 1 });
    expect(t.lists).toEqual([
      { column: t.headers.indexOf("Natureza"), values: ["Desempenho", "Monitoramento"] },
      { column: t.headers.indexOf("Justificativa aceita"), values: ["Total", "Parcial", "Não"] },
    ]);
    expect(t.widths).toHaveLength(t.headers.length);
    expect(t.rows.every((r) => r.length === t.headers.length)).toBe(true);
    expect(t.title).toBe("Indicadores do PMAQ — Decreto nº 4.515/2011, Cajamar-SP — anexo");
    // The annex's kinds are kept: monitoring indicators are marked so.
    const kinds = t.rows.map((r) => r[t.headers.indexOf("Natureza")]);
    expect(kinds.filter((k) => k === "Monitoramento")).toHaveLength(PMAQ_INDICATORS.filter((i) => i.kind === "monitoramento").length);
  });

  it("uses a sheet and a table name the workbook does not have yet (case ignored)", () => {
    const t = buildTemplate("previne", ["Indicadores", "previne brasil", "Previne Brasil (2)"], ["TABELA_PREVINE"], { year: 2025, month: 5 });
    expect(t.sheet).toBe("Previne Brasil (3)");
    expect(t.table).toBe("Tabela_Previne_2");
    // May is in the second four-month period.
    expect(t.rows[0][t.headers.indexOf("Quadrimestre")]).toBe("2025-Q2");
    const long = buildTemplate("instrumento", ["Instrumento de avaliação"], [], { year: 2025, month: 1 });
    expect(long.sheet).toBe("Instrumento de avaliação (2)");
    expect(long.sheet.length).toBeLessThanOrEqual(31);
  });

  it("Previne Brasil: filled with results, gives the ISF of domain.md's worked example", () => {
    // All indicators at their target (nota 10) except #3 (30% vs 60% → nota 5, peso 2) and #6 (40% vs 50%
    // → nota 8, peso 2): ISF = (10 + 10 + 2×5 + 10 + 2×10 + 2×8 + 10) / 10 = 86 / 10 = 8,6.
    const t = buildTemplate("previne", [], [], { year: 2025, month: 1 });
    const result = t.headers.indexOf("Resultado (%)");
    const target = t.headers.indexOf("Meta");
    for (const row of t.rows) {
      const code = String(row[0]);
      row[result] = code === "3" ? "30%" : code === "6" ? "40%" : row[target];
    }
    const ev = runPipeline(workbook(templateSheet(t)), { preset: presets.previne }).evaluations[0];
    expect(ev.period?.label).toBe("2025-Q1");
    expect(ev.overall.value).toBeCloseTo(8.6, 10);
    expect(ev.problems).toEqual([]);
  });

  it("co-financing: filled with a team and its results, is chosen by itself and classifies that team", () => {
    // The official worked example: classes Bom, Ótimo, Ótimo, Suficiente, Regular, Ótimo, Ótimo
    // (results 40, 80, 90, 30, 20, 76, 100) → 0,75 + 2 + 2 + 0,5 + 0,25 + 1 + 2 = 8,5 → Ótimo.
    const t = buildTemplate("cofinanciamento", [], [], { year: 2025, month: 1 });
    const results = [40, 80, 90, 30, 20, 76, 100];
    t.rows.forEach((row, i) => {
      row[t.headers.indexOf("Nome da equipe")] = "ESF Centro";
      row[t.headers.indexOf("INE")] = "0001234567";
      row[t.headers.indexOf("Resultado")] = results[i];
    });
    const result = runPipeline(workbook(templateSheet(t)));
    expect(result.presetChoice?.id).toBe("cofinanciamento");
    const team = result.evaluations[0].byTeam!;
    expect(team.map((x) => [x.team, x.code])).toEqual([["ESF Centro", "0001234567"]]);
    expect(team[0].evaluation.overall.value).toBeCloseTo(8.5, 10);
    expect(team[0].evaluation.band?.band.label).toBe("Ótimo");
  });
});
