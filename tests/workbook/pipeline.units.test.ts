/**
 * The pipeline's units (byUnit), evaluated from the whole's rows with each unit's rows grouped once for
 * every period: the figures per unit and quarter, worked out by hand; the same result when the pipeline
 * runs again on the same workbook, and a second workbook's units never taking anything of the first's.
 */
import { runPipeline, type PipelineResult } from "../../src/workbook/pipeline";
import { sheet, workbook } from "./fixtures";

const HEADER = ["Código", "Indicador", "Mês", "Meta", "Resultado", "Unidade", "Município"];

/** One indicator (≥ 300) over January–June for two units of Lavras, and a totals row named after it. */
function contract(units: [string, (number | null)[]][], municipality = "Lavras") {
  const rows: (string | number | null)[][] = [];
  for (const [unit, results] of units)
    results.forEach((result, m) =>
      rows.push([
        "I1",
        "Consultas",
        `${["jan", "fev", "mar", "abr", "mai", "jun"][m]}/2025`,
        "≥ 300",
        result,
        unit,
        municipality,
      ]),
    );
  return workbook(sheet("Indicadores", [HEADER, ...rows]));
}

/** Per period and unit: the unit's name, its result, concept, and missing of expected. */
function units(result: PipelineResult) {
  return result.evaluations.map((ev) => [
    ev.period?.label,
    (ev.byUnit ?? []).map((u) => [
      u.team,
      u.evaluation.indicators[0]?.result,
      u.evaluation.indicators[0]?.concept,
      `${u.evaluation.completeness.missing}/${u.evaluation.completeness.expected}`,
    ]),
  ]);
}

describe("units evaluated per period", () => {
  const first = contract([
    ["UBS A", [310, null, 290, 320, 330, 340]],
    ["UBS B", [280, 280, 280, 310, 300, 290]],
    // Named after the municipality: a totals row, never a unit of its own.
    ["Lavras", [295, 280, 285, 315, 315, 315]],
  ]);

  test("each unit's quarter worked out by hand; the totals row is no unit", () => {
    expect(units(runPipeline(first))).toEqual([
      [
        "2025-T1",
        [
          // (310 + 290) / 2 = 300 meets ≥ 300; February blank: 1 of 3 months missing.
          ["UBS A", 300, "A", "1/3"],
          ["UBS B", 280, "B", "0/3"],
        ],
      ],
      [
        "2025-T2",
        [
          // (320 + 330 + 340) / 3 = 330; (310 + 300 + 290) / 3 = 300.
          ["UBS A", 330, "A", "0/3"],
          ["UBS B", 300, "A", "0/3"],
        ],
      ],
    ]);
  });

  test("the same workbook twice, and another workbook in between, give the same figures", () => {
    const once = runPipeline(first);
    // Another contract whose unit is called "Lavras" in another municipality: there it is a unit.
    const second = contract(
      [
        ["Lavras", [100, 200, 300, 400, 500, 600]],
        ["UBS C", [300, 300, 300, 300, 300, 300]],
      ],
      "Perdões",
    );
    expect(units(runPipeline(second))).toEqual([
      // (100 + 200 + 300) / 3 = 200; (400 + 500 + 600) / 3 = 500.
      [
        "2025-T1",
        [
          ["Lavras", 200, "B", "0/3"],
          ["UBS C", 300, "A", "0/3"],
        ],
      ],
      [
        "2025-T2",
        [
          ["Lavras", 500, "A", "0/3"],
          ["UBS C", 300, "A", "0/3"],
        ],
      ],
    ]);
    const again = runPipeline(first);
    expect(units(again)).toEqual(units(once));
    expect(again.evaluations.map((ev) => [ev.overall, ev.completeness])).toEqual(
      once.evaluations.map((ev) => [ev.overall, ev.completeness]),
    );
  });
});
