/**
 * Starter tables (workbook/plan/templates): each one, inserted as Excel would hold it and read back by the
 * detection, is a long table with the expected fields mapped and one row per catalogue indicator — so a
 * user who inserts one gets a table the add-in reads. Names never clash with the workbook's.
 */
import {
  COFINANCIAMENTO_INDICATORS,
  INSTRUMENT_INDICATORS,
  PMAQ_INDICATORS,
  PREVINE_INDICATORS,
} from "../../../src/core/catalogs";
import { presets } from "../../../src/core/presets";
import { columnLetter } from "../../../src/workbook/a1";
import { detectTables } from "../../../src/workbook/detect";
import { runPipeline } from "../../../src/workbook/pipeline";
import type { Field } from "../../../src/workbook/model";
import { buildTemplate, type TemplateId } from "../../../src/workbook/plan/templates";
import { templateSheet } from "../../taskpane/fakeHost";
import { workbook } from "../fixtures";

const expected: Record<TemplateId, { rows: number; fields: Partial<Record<Field, string>>; period: string }> = {
  // Código | Área | Indicador | Natureza | Meta | Peso | Mês | Resultado | Justificativa | Justificativa aceita
  pmaq: {
    rows: PMAQ_INDICATORS.length,
    fields: {
      code: "A",
      area: "B",
      indicator: "C",
      kind: "D",
      target: "E",
      weight: "F",
      period: "G",
      result: "H",
      justification: "I",
      justificationAccepted: "J",
    },
    period: "2025-01",
  },
  // Código | Tipo | Indicador | Conteúdo | Natureza | Periodicidade | Meta | Meta (texto do instrumento) | Peso |
  // Fonte | Evidências | Responsável | Mês | Resultado | Justificativa | Aceita. Conteúdo, the instrument's own
  // Meta text and Evidências are for people: no field, and the exact `Meta` keeps the target.
  instrumento: {
    rows: INSTRUMENT_INDICATORS.length,
    fields: {
      code: "A",
      type: "B",
      indicator: "C",
      kind: "E",
      periodicity: "F",
      target: "G",
      weight: "I",
      source: "J",
      responsible: "L",
      period: "M",
      result: "N",
      justification: "O",
      justificationAccepted: "P",
    },
    period: "2025-01",
  },
  // Código | Indicador | Natureza | Meta | Peso | Quadrimestre | Resultado (%) | Justificativa | Aceita
  previne: {
    rows: PREVINE_INDICATORS.length,
    fields: {
      code: "A",
      indicator: "B",
      kind: "C",
      target: "D",
      weight: "E",
      period: "F",
      result: "G",
      justification: "H",
      justificationAccepted: "I",
    },
    period: "2025-Q1",
  },
  // Nome da equipe | INE | Código | Indicador | Natureza | Peso | Mês | Resultado | Justificativa | Aceita
  // (INE is the team's code beside its name, not a field of its own)
  cofinanciamento: {
    rows: COFINANCIAMENTO_INDICATORS.length,
    fields: {
      unit: "A",
      code: "C",
      indicator: "D",
      kind: "E",
      weight: "F",
      period: "G",
      result: "H",
      justification: "I",
      justificationAccepted: "J",
    },
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
    expect(kinds.filter((k) => k === "Monitoramento")).toHaveLength(
      PMAQ_INDICATORS.filter((i) => i.kind === "monitoramento").length,
    );
  });

  it("uses a sheet and a table name the workbook does not have yet (case ignored)", () => {
    const t = buildTemplate("previne", ["Indicadores", "previne brasil", "Previne Brasil (2)"], ["TABELA_PREVINE"], {
      year: 2025,
      month: 5,
    });
    expect(t.sheet).toBe("Previne Brasil (3)");
    expect(t.table).toBe("Tabela_Previne_2");
    // May is in the second four-month period.
    expect(t.rows[0][t.headers.indexOf("Quadrimestre")]).toBe("2025-Q2");
    const long = buildTemplate("instrumento", ["Instrumento de avaliação"], [], { year: 2025, month: 1 });
    expect(long.sheet).toBe("Instrumento de avaliação (2)");
    expect(long.sheet.length).toBeLessThanOrEqual(31);
  });

  it("Previne Brasil: filled with results, gives the ISF of the worked example of docs/regras.md §8.3", () => {
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

  describe("instrumento: one target per row, as the instrument means it, with the instrument's own wording beside it", () => {
    const t = buildTemplate("instrumento", [], [], { year: 2025, month: 1 });
    const col = (header: string) => {
      const i = t.headers.indexOf(header);
      if (i < 0) throw new Error(`no column ${header}`);
      return i;
    };
    const rowOf = (code: string) => {
      const row = t.rows.find((r) => r[0] === code);
      if (!row) throw new Error(`no row ${code}`);
      return row;
    };

    it("writes the minimum of Conteúdo as a count for the monthly counts, and keeps the source's Meta and Conteúdo", () => {
      const i12 = rowOf("I12");
      expect(i12[col("Meta")]).toBe("Mínimo de 10 visitas domiciliares ao mês");
      expect(i12[col("Meta (texto do instrumento)")]).toBe("Cumprir 100% das visitas previstas para o mês.");
      expect(i12[col("Conteúdo")]).toBe(
        "Mínimo de 10 de visitas domiciliares realizadas ao mês. CONFORME LEI 7247 DE 1/06/2012",
      );
      expect(rowOf("I14")[col("Meta")]).toBe("Mínimo de 300 consultas médicas ao mês");
      // A row the parser already reads as meant keeps the source's text in both columns.
      expect(rowOf("I04")[col("Meta")]).toBe(rowOf("I04")[col("Meta (texto do instrumento)")]);
    });

    it("splits a Meta cell with two targets into two rows, each naming its target before the source's description", () => {
      const codes = t.rows.map((r) => r[0]);
      expect(codes.slice(7, 11)).toEqual(["I08a", "I08b", "I09a", "I09b"]);
      expect(rowOf("I08b")[col("Indicador")]).toMatch(
        /^Puerpério — Proporção de gestantes com 6 \(seis\) ou mais consultas/,
      );
      expect(rowOf("I09b")[col("Indicador")]).toMatch(/^Sífilis congênita — Realizar o tratamento completo/);
      expect([rowOf("I09a")[col("Meta")], rowOf("I09b")[col("Meta")]]).toEqual([
        "Tratamento de 100% das gestantes com diagnóstico de sífilis gestacional",
        "0% de casos de sífilis congênita",
      ]);
      // Both halves show the whole source text, where the two targets came from.
      expect(rowOf("I09a")[col("Meta (texto do instrumento)")]).toBe(rowOf("I09b")[col("Meta (texto do instrumento)")]);
    });

    /** The template with some results typed in (by code), evaluated under the default preset. */
    function evaluateWith(results: Record<string, string | number>, meta: Record<string, string> = {}) {
      const filled = { ...t, rows: t.rows.map((r) => [...r]) };
      for (const row of filled.rows) {
        const code = String(row[0]);
        if (code in results) row[col("Resultado")] = results[code];
        if (code in meta) row[col("Meta")] = meta[code];
      }
      const ev = runPipeline(workbook(templateSheet(filled))).evaluations[0];
      const of = (code: string) => ev.indicators.find((i) => i.code === code)!;
      return { ev, of };
    }

    it("evaluates typed counts against the counts: 280 consultations of 300 is B at 93,3%, 12 visits of 10 is A", () => {
      const { ev, of } = evaluateWith({ I12: 12, I13: 2, I14: 280, I08a: "80%", I08b: "100%", I09b: 0 });
      // 280 / 300 = 0,9333… (not 280%, which the source's "Cumprir 100%" would have read).
      expect([of("I14").concept, of("I14").attainment?.scored]).toEqual(["B", 280 / 300]);
      expect([of("I12").concept, of("I12").attainment?.raw]).toEqual(["A", 12 / 10]);
      expect(of("I13").concept).toBe("A"); // 2 of a minimum of 2
      expect(of("I08a").concept).toBe("A"); // 80% ≥ 75%
      expect(of("I08b").concept).toBe("A"); // 100% ≥ 100%
      expect(of("I09b").concept).toBe("A"); // 0 cases, at most 0%
      // The only problem: "Diminuir gradual…" needs a baseline the instrument does not give (row 9 = header 3 + I06 at 6).
      expect(ev.problems.map((p) => [p.code, p.cell])).toEqual([
        ["needsBaseline", `${columnLetter(col("Meta") + 1)}9`],
      ]);
    });

    it("with the source's “Cumprir 100%” typed back as the target, a count of 280 is an ambiguous scale on its cell, not an A", () => {
      const { ev, of } = evaluateWith({ I14: 280 }, { I14: "Cumprir 100% de consultas médicas de forma presencial" });
      expect(of("I14").concept).toBeUndefined();
      // I14 is the 16th row: sheet row 3 + 16 = 19.
      const problem = ev.problems.find((p) => p.code === "ambiguousScale");
      expect(problem?.cell).toBe(`${columnLetter(col("Resultado") + 1)}19`);
      expect(problem?.message).toContain("a meta é 100% (porcentagem) e o resultado é 280");
    });
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
