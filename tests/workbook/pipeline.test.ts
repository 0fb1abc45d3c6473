/**
 * The pipeline (src/workbook/pipeline.ts) on national data: the preset chosen from a SISAB panel export,
 * targets and weights from the Previne Brasil catalogue, and one evaluation per municipality.
 *
 * Previne Brasil (docs/regras.md §8.3): nota = min(10; 10 × resultado / meta); ISF = Σ nota × peso / Σ peso.
 */
import fc from "fast-check";
import { catalogForPreset } from "../../src/core/catalogs/lookup";
import { evaluateContract, type RowInput } from "../../src/core/evaluate";
import { previne } from "../../src/core/presets";
import type { CellValue } from "../../src/core/types";
import {
  fillFromCatalog,
  groupByMunicipality,
  runPipeline,
  type MunicipalityEvaluation,
  type PeriodEvaluation,
} from "../../src/workbook/pipeline";
import { sheet, workbook } from "./fixtures";
import {
  HYPERTENSION_TITLE,
  PREVINE_LONG_NAMES as NAMES,
  PREVINE_LONG_ROWS as longRows,
  readSisab,
  SISAB_HYPERTENSION,
} from "./previne";
import { tempDir } from "../hosts/file/xlsx/helpers";

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

function byName(ev: PeriodEvaluation, name: string): MunicipalityEvaluation {
  const found = ev.byMunicipality?.find((m) => m.municipality === name);
  if (!found) throw new Error(`no ${name} in ${ev.byMunicipality?.map((m) => m.municipality).join(", ")}`);
  return found;
}

describe("a SISAB panel export (hypertension, 3 municipalities × 3 four-month periods)", () => {
  let result: ReturnType<typeof runPipeline>;
  beforeAll(async () => {
    result = runPipeline((await readSisab(dir)).book);
  });

  it("chooses Previne Brasil from the panel's title, and says why", () => {
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0].layout).toBe("panel");
    expect(result.presetChoice?.id).toBe("previne");
    expect(result.presetChoice?.reason).toMatch(/painel do SISAB do indicador 6 do Previne Brasil/);
    expect(result.evaluations.every((ev) => ev.preset.id === "previne")).toBe(true);
  });

  it("takes meta 50% and peso 2 from the catalogue, marked as such, and reads the IBGE code", () => {
    expect(result.catalogUses).toEqual([
      {
        catalog: "previne",
        catalogName: "Previne Brasil",
        code: "6",
        name: "Pessoas com hipertensão, com consulta e pressão arterial aferida no semestre",
        target: 0.5,
        weight: 2,
        fields: ["target", "weight"],
        indicators: [HYPERTENSION_TITLE],
      },
    ]);
    const row = result.tables[0].rows.find((r) => r.municipality === "Tiradentes" && r.period?.label === "2022-Q1");
    expect(row).toMatchObject({
      municipalityCode: "316990",
      // No address: the value is not in the file.
      target: { value: 0.5, numberFormat: "0%" },
      weight: { value: 2 },
      fromCatalog: { catalog: "previne", code: "6", match: "name", fields: ["target", "weight"] },
      result: { value: "40", address: "D13" },
    });
    expect(row?.target.address).toBeUndefined();
    expect(result.problems).toEqual([]);
  });

  it("evaluates the three four-month periods, each per municipality and pooled", () => {
    expect(result.evaluations.map((ev) => ev.period?.label)).toEqual(["2022-Q1", "2022-Q2", "2022-Q3"]);
    for (const ev of result.evaluations) {
      expect(ev.byMunicipality?.map((m) => [m.municipality, m.code])).toEqual([
        ["Tiradentes", "316990"],
        ["São João del-Rei", "316250"],
        ["Barroso", "310560"],
      ]);
      // Each municipality's only indicator holds its own row only.
      for (const m of ev.byMunicipality!) {
        expect(m.evaluation.indicators).toHaveLength(1);
        expect(m.evaluation.indicators[0].rows.map((r) => r.input.municipality)).toEqual([m.municipality]);
        expect(m.evaluation.indicators[0].weight).toBe(2);
      }
    }
  });

  it("scores each municipality by hand: nota = min(10; 10 × resultado / 50%), ISF = nota with one indicator", () => {
    const [q1, q2, q3] = result.evaluations;
    // With a single indicator of peso 2, ISF = nota × 2 / 2 = nota.
    // 2022 Q1: Tiradentes 40% → 10 × 0,40 / 0,50 = 8,0; São João del-Rei 50% → 10; Barroso 0% → 0.
    expect(byName(q1, "Tiradentes").evaluation.overall.value).toBeCloseTo(8, 12);
    expect(byName(q1, "São João del-Rei").evaluation.overall.value).toBeCloseTo(10, 12);
    expect(byName(q1, "Barroso").evaluation.overall.value).toBeCloseTo(0, 12);
    // 2022 Q2: Tiradentes 55% → 11, capped at 10; São João del-Rei no result (Sem dado: no ISF, pending);
    // Barroso 20% → 10 × 0,20 / 0,50 = 4,0.
    expect(byName(q2, "Tiradentes").evaluation.overall.value).toBeCloseTo(10, 12);
    expect(byName(q2, "Tiradentes").evaluation.indicators[0].attainment?.raw).toBeCloseTo(1.1, 12);
    const sjdr = byName(q2, "São João del-Rei").evaluation;
    expect(sjdr.overall.value).toBeUndefined();
    expect(sjdr.overall.incomplete).toBe(true);
    expect(sjdr.pending).toHaveLength(1);
    expect(byName(q2, "Barroso").evaluation.overall.value).toBeCloseTo(4, 12);
    // 2022 Q3: Tiradentes 25% → 5,0; São João del-Rei 45% → 9,0; Barroso 60% → 12, capped at 10.
    expect(byName(q3, "Tiradentes").evaluation.overall.value).toBeCloseTo(5, 12);
    expect(byName(q3, "São João del-Rei").evaluation.overall.value).toBeCloseTo(9, 12);
    expect(byName(q3, "Barroso").evaluation.overall.value).toBeCloseTo(10, 12);
  });

  it("reads the panel's integer percentages as points, so 1 is 1% (not a fraction meaning 100%)", async () => {
    const text = SISAB_HYPERTENSION.replace("316990;Tiradentes;40;", "316990;Tiradentes;1;");
    expect(text).not.toBe(SISAB_HYPERTENSION);
    const [q1] = runPipeline((await readSisab(dir, text, "painel-um-por-cento.csv")).book).evaluations;
    // 1% against meta 50%: nota = 10 × 0,01 / 0,50 = 0,2.
    expect(byName(q1, "Tiradentes").evaluation.overall.value).toBeCloseTo(0.2, 12);
  });

  it("gives the pooled set its own figure: the nota of the mean result", () => {
    const [q1, q2, q3] = result.evaluations;
    // Q1: results 40%, 50%, 0% → mean 30% → nota 10 × 0,30 / 0,50 = 6,0.
    // Q2: São João del-Rei has no data: (55% + 20%) / 2 = 37,5% → 10 × 0,375 / 0,50 = 7,5.
    // Q3: (25% + 45% + 60%) / 3 = 43,33% → 10 × 0,4333 / 0,50 = 8,667.
    expect(q1.overall.value).toBeCloseTo(6, 12);
    expect(q2.overall.value).toBeCloseTo(7.5, 12);
    expect(q3.overall.value).toBeCloseTo((10 * 1.3) / 3 / 0.5, 12);
    // The pooled evaluation lists the row problems once; the municipalities' are not added to it.
    expect(q1.indicators).toHaveLength(1);
    expect(q1.indicators[0].rows).toHaveLength(3);
  });
});

describe("preset choice", () => {
  it("is not made when a preset is given, or when a table is not a Previne panel", async () => {
    const { book } = await readSisab(dir);
    expect(runPipeline(book, { preset: previne }).presetChoice).toBeUndefined();
    // The same panel for an indicator outside Previne (PMAQ's registered hypertensives): default preset,
    // no catalogue, the rows without target are invalid.
    const other = SISAB_HYPERTENSION.replace(
      `Indicador: ${HYPERTENSION_TITLE}`,
      "Indicador: Proporção de hipertensos cadastrados",
    );
    const r = runPipeline((await readSisab(dir, other, "outro.csv")).book);
    expect(r.presetChoice).toBeUndefined();
    expect(r.evaluations[0].preset.id).toBe("instrumento");
    expect(r.catalogUses).toEqual([]);
  });

  it("is not made for a long table, even with Previne's indicators", () => {
    expect(runPipeline(workbook(sheet("Previne", longRows))).presetChoice).toBeUndefined();
  });

  it("says so when an indicator without target is not in the catalogue", async () => {
    const other = SISAB_HYPERTENSION.replace(
      `Indicador: ${HYPERTENSION_TITLE}`,
      "Indicador: Proporção de hipertensos cadastrados",
    );
    const r = runPipeline((await readSisab(dir, other, "outro2.csv")).book, { preset: previne });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].message).toMatch(
      /“Proporção de hipertensos cadastrados” não tem meta na tabela e não foi reconhecido no catálogo Previne Brasil/,
    );
  });
});

describe("a long table of the seven Previne indicators for two municipalities", () => {
  const result = runPipeline(workbook(sheet("Previne 2022", longRows)), { preset: previne });
  const [q1] = result.evaluations;

  it("fills the seven metas and pesos from the catalogue, by name", () => {
    expect(result.problems).toEqual([]);
    expect(result.catalogUses?.map((u) => [u.code, u.target, u.weight])).toEqual([
      ["1", 0.45, 1],
      ["2", 0.6, 1],
      ["3", 0.6, 2],
      ["4", 0.4, 1],
      ["5", 0.95, 2],
      ["6", 0.5, 2],
      ["7", 0.5, 1],
    ]);
    expect(result.evaluations).toHaveLength(1);
    expect(q1.period?.label).toBe("2022-Q1");
    expect(q1.problems).toEqual([]);
  });

  it("gives each municipality its own seven indicators and its ISF", () => {
    const lavras = byName(q1, "Lavras").evaluation;
    const perdoes = byName(q1, "Perdões").evaluation;
    for (const ev of [lavras, perdoes]) {
      expect(ev.indicators).toHaveLength(7);
      expect(ev.indicators.every((i) => i.rows.length === 1)).toBe(true);
    }
    expect(lavras.indicators.flatMap((i) => i.rows.map((r) => r.input.municipality))).toEqual(Array(7).fill("Lavras"));
    // Notas (see the table above): 6, 5, 10, 5, 8, 8, 7 and 10, 10, 5, 10, 10, 5, 10.
    expect(lavras.indicators.map((i) => 10 * (i.score ?? NaN))).toEqual(
      [6, 5, 10, 5, 8, 8, 7].map((n) => expect.closeTo(n, 12)),
    );
    expect(perdoes.indicators.map((i) => 10 * (i.score ?? NaN))).toEqual(
      [10, 10, 5, 10, 10, 5, 10].map((n) => expect.closeTo(n, 12)),
    );
    expect(lavras.overall.value).toBeCloseTo(7.5, 12);
    expect(perdoes.overall.value).toBeCloseTo(8, 12);
    // Hypertension in Lavras: nota 8 × peso 2 / Σ peso 10 = 1,6 points of ISF (docs/regras.md §8.3).
    const hypertension = lavras.indicators[5];
    expect((10 * hypertension.score! * hypertension.weight) / 10).toBeCloseTo(1.6, 12);
  });

  it("pools the two as the nota of their mean result per indicator", () => {
    expect(q1.byMunicipality).toHaveLength(2);
    expect(q1.indicators).toHaveLength(7);
    // Mean results (Lavras, Perdões) against the metas: 36/45 → 8,0; 45/60 → 7,5; 48/60 → 8,0; 30/40 → 7,5;
    // 85,5/95 → 9,0; 32,5/50 → 6,5; 42,5/50 → 8,5. Weighted by 1, 1, 2, 1, 2, 2, 1:
    // (8 + 7,5 + 16 + 7,5 + 18 + 13 + 8,5) / 10 = 7,85.
    expect(q1.overall.value).toBeCloseTo(7.85, 12);
  });

  it("never fills what the table gives", () => {
    // Lavras' hypertension row with its own meta 40% (a column "Meta"): kept, so 40% → nota 10; the peso still
    // comes from the catalogue.
    const withTarget: CellValue[][] = [
      ["Município", "Indicador", "Quadrimestre", "Meta", "Resultado (%)"],
      ["Lavras", NAMES[5], "2022 Q1", "40%", 40],
    ];
    const r = runPipeline(workbook(sheet("Previne", withTarget)), { preset: previne });
    const row = r.evaluations[0].indicators[0].rows[0];
    expect(row.input.target).toMatchObject({ value: "40%", address: "D2" });
    expect(row.input.fromCatalog?.fields).toEqual(["weight"]);
    expect(row.weight).toBe(2);
    expect(r.evaluations[0].overall.value).toBeCloseTo(10, 12);
    // One municipality only: no per-municipality list.
    expect(r.evaluations[0].byMunicipality).toBeUndefined();
  });
});

describe("the IBGE code of a panel's municipalities", () => {
  const title = ["Indicador: Proporção de gestantes com atendimento odontológico realizado"];

  it("comes from the unmapped IBGE column, whatever its header's spelling, and the mapping stays as it was", () => {
    const r = runPipeline(
      workbook(
        sheet("painel", [title, [], ["UF", "Cód. IBGE", "Munícipio", "2022 Q1 (%)"], ["MG", 313820, "Lavras", 48]]),
      ),
    );
    const [table] = r.tables;
    expect(table.columns.filter((c) => !c.period).map((c) => [c.field, c.col])).toEqual([["municipality", 3]]);
    // A number cell (an .xlsx) gives its digits.
    expect(table.rows[0]).toMatchObject({ municipality: "Lavras", municipalityCode: "313820" });
    // Indicator 3: meta 60%, peso 2; 48% → nota 10 × 0,48 / 0,60 = 8,0.
    expect(r.presetChoice?.id).toBe("previne");
    expect(r.evaluations[0].overall.value).toBeCloseTo(8, 12);
  });

  it("is never taken for the indicator's code in a long table", () => {
    // `Código IBGE` starts like the code synonym `codigo`; were it the indicator's code, every indicator of a
    // municipality would share one key and merge.
    const rows: CellValue[][] = [
      ["Código IBGE", "Município", "Indicador", "Quadrimestre", "Resultado (%)"],
      [313820, "Lavras", "Gestantes com atendimento odontológico", "2022 Q1", 48],
      [313820, "Lavras", "Coleta de citopatológico", "2022 Q1", 30],
    ];
    const r = runPipeline(workbook(sheet("Previne", rows)), { preset: previne });
    expect(r.tables[0].columns.find((c) => c.col === 1)?.field).not.toBe("code");
    // Two indicators: 48% of 60% → 8,0 (peso 2); 30% of 40% → 7,5 (peso 1). ISF = (8 × 2 + 7,5 × 1) / 3 = 23,5 / 3.
    expect(r.evaluations[0].indicators).toHaveLength(2);
    expect(r.evaluations[0].overall.value).toBeCloseTo(23.5 / 3, 12);
  });

  it("is the municipality itself when the panel names municipalities by code only", () => {
    const r = runPipeline(
      workbook(sheet("painel", [title, [], ["UF", "IBGE", "2022 Q1 (%)"], ["MG", "313820", 48], ["MG", "314930", 60]])),
    );
    expect(r.tables[0].rows.map((row) => [row.municipality, row.municipalityCode])).toEqual([
      ["313820", "313820"],
      ["314930", "314930"],
    ]);
    // Two municipalities: 8,0 and 60% → 10.
    expect(r.evaluations[0].byMunicipality?.map((m) => [m.code, m.evaluation.overall.value])).toEqual([
      ["313820", expect.closeTo(8, 12)],
      ["314930", expect.closeTo(10, 12)],
    ]);
  });
});

describe("groupByMunicipality", () => {
  const row = (municipality: string | undefined, municipalityCode?: string): RowInput => ({
    indicator: "x",
    target: { value: null },
    ...(municipality ? { municipality } : {}),
    ...(municipalityCode ? { municipalityCode } : {}),
  });

  it("groups by name (case and accents aside), splits one name with two IBGE codes, and leaves out rows without one", () => {
    const rows = [
      row("Bom Jesus", "2201903"),
      row("Lavras"),
      row("BOM JESUS", "4302808"),
      row("lavras", "313820"),
      row(undefined),
      row("Bom Jesus", "2201903"),
    ];
    const groups = groupByMunicipality(rows);
    // Two "Bom Jesus" (Piauí 2201903, Rio Grande do Sul 4302808); "Lavras" and "lavras" are one, with the
    // only code its rows carry.
    expect(groups.map((g) => [g.municipality, g.code, g.rows.length])).toEqual([
      ["Bom Jesus", "2201903", 2],
      ["Lavras", "313820", 2],
      ["BOM JESUS", "4302808", 1],
    ]);
  });
});

describe("the ISF, as a property (fast-check)", () => {
  const catalog = catalogForPreset("previne")!;
  /** The seven indicators with results as percentages (fractions in a percentage format), filled and evaluated. */
  const isf = (results: number[]): number | undefined => {
    const rows: RowInput[] = results.map((v, i) => ({
      code: String(i + 1),
      indicator: `Indicador ${i + 1}`,
      target: { value: null },
      result: { value: v, numberFormat: "0%" },
    }));
    fillFromCatalog(rows, catalog);
    return evaluateContract(rows, { preset: previne }).overall.value;
  };
  const results = fc.array(
    fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
    { minLength: 7, maxLength: 7 },
  );

  it("is always between 0 and 10", () => {
    fc.assert(
      fc.property(results, (rs) => {
        const v = isf(rs)!;
        return v >= 0 && v <= 10;
      }),
    );
  });

  it("never decreases when one result increases", () => {
    fc.assert(
      fc.property(results, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 1000 }), (rs, k, step) => {
        const higher = rs.map((v, i) => (i === k ? v + step / 1000 : v));
        return isf(higher)! >= isf(rs)! - 1e-12;
      }),
    );
  });

  it("is 10 when every result meets its meta, and 0 when every result is 0", () => {
    // Metas 45, 60, 60, 40, 95, 50, 50 (%): each met exactly → nota 10 each → ISF 10.
    expect(isf([0.45, 0.6, 0.6, 0.4, 0.95, 0.5, 0.5])).toBeCloseTo(10, 12);
    expect(isf([0, 0, 0, 0, 0, 0, 0])).toBe(0);
  });
});
