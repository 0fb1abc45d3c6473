/**
 * One workbook's consolidation (src/workbook/consolidation/workbookPart.ts), shared by the command and the task
 * pane: split into one table per municipality or taken as it is, the rows' sources, the failures, and the
 * `Consolidado` sheet the pane writes into the open workbook — which later runs must skip.
 *
 * The three contracts and their hand-worked results are in ./consolidateFixtures.ts:
 *   2025-T1: Lavras 100% (Faixa 1) · Nepomuceno 80% (Faixa 2, I01 not met) · Perdões 60% (Faixa 4, I03)
 *   2025-T2: Perdões 100% (Faixa 1) · Lavras 60% (Faixa 4, I03) · Nepomuceno 60% (Faixa 4, I01 and I04)
 */
import { consolidationSheetStrings, consolidationStrings } from "../../../src/workbook/messages";
import { previne } from "../../../src/core/presets";
import {
  CONSOLIDATED_HEADER_ROW,
  planConsolidatedSheet,
  sortRows,
} from "../../../src/workbook/consolidation/consolidate";
import {
  consolidateWorkbook,
  planWorkbookConsolidatedSheet,
  planWorkbookConsolidation,
  sheetsToSplit,
  unitsOf,
  type WorkbookConsolidation,
} from "../../../src/workbook/consolidation/workbookPart";
import { isAddinSheet } from "../../../src/workbook/addinParts";
import { runPipeline } from "../../../src/workbook/pipeline";
import type { WorkbookData } from "../../../src/workbook/model";
import { applyPlanToData } from "../../taskpane/fakeHost";
import { contractSheet, MUNICIPALITIES } from "./fixtures";
import { sheet, workbook } from "../fixtures";
import { PREVINE_LONG_ROWS } from "../previne";

/** One workbook, one sheet per municipality, named after it (Lavras, Perdões, Nepomuceno). */
const region = (): WorkbookData => workbook(...MUNICIPALITIES.map((m) => contractSheet(m, m)));

function evaluated(c: WorkbookConsolidation) {
  if (c.kind !== "evaluated") throw new Error(`not evaluated: ${c.failure.message}`);
  return c;
}

describe("one table per municipality, one per sheet", () => {
  test("split: each sheet evaluated on its own, its rows named by the sheet, in the workbook's order", () => {
    const c = evaluated(consolidateWorkbook(region(), { source: "regiao.xlsx", splitSheets: true }));
    expect(c.sheets).toEqual(["Lavras", "Perdões", "Nepomuceno"]);
    expect(c.gather).toBeUndefined();
    expect(c.rows.map((r) => [r.source, r.name, r.period?.label, r.attainment, r.band?.number])).toEqual([
      ["regiao.xlsx", "Lavras", "2025-T1", 1, 1],
      ["regiao.xlsx", "Lavras", "2025-T2", 0.6, 4],
      ["regiao.xlsx", "Perdões", "2025-T1", 0.6, 4],
      ["regiao.xlsx", "Perdões", "2025-T2", 1, 1],
      ["regiao.xlsx", "Nepomuceno", "2025-T1", 0.8, 2],
      ["regiao.xlsx", "Nepomuceno", "2025-T2", 0.6, 4],
    ]);
    // Nepomuceno T2 misses I01 (April) and I04 (June); its I05 misses every month but is monitoring.
    expect(c.rows[5].missed.map((m) => m.code)).toEqual(["I01", "I04"]);
    expect(unitsOf(c.rows)).toBe(3);
  });

  test("not split (a folder's file is one contract): the sheets' rows pooled, one row per quarter, named by the file", () => {
    const c = evaluated(consolidateWorkbook(region(), { source: "contratos/regiao.xlsx", splitSheets: false }));
    expect(c.sheets).toBeUndefined();
    // Pooled: each indicator's quarter is the mean of the 9 results of its 3 sheets × 3 months. T1: I01
    // (8 × 0,85 + 0,60) / 9 = 82,2% ≥ 80%; I03 (8 × 320 + 250) / 9 = 312,2 ≥ 300; I02, I04 met every month → 100%.
    // T2: I01 82,2% again; I03 312,2; I04 (8 × 0,96 + 0,90) / 9 = 95,3% ≥ 95% → 100%.
    expect(c.rows.map((r) => [r.name, r.period?.label, r.attainment])).toEqual([
      ["regiao", "2025-T1", 1],
      ["regiao", "2025-T2", 1],
    ]);
    // Under the strict rule every month of every sheet must meet (weights I01 1, I02 1, I03 2, I04 1). T1: I01
    // (Nepomuceno, January) and I03 (Perdões, February) missed → 2 of 5 = 40%; T2: I01 (Nepomuceno, April), I03
    // (Lavras, May) and I04 (Nepomuceno, June) → only I02, 1 of 5 = 20%.
    const strict = evaluated(
      consolidateWorkbook(region(), { source: "contratos/regiao.xlsx", splitSheets: false, rule: "everyMonth" }),
    );
    expect(strict.rows.map((r) => r.attainment)).toEqual([0.4, 0.2]);
  });

  test("without a file name (the open workbook in Excel), a row's source is its sheet", () => {
    const c = evaluated(consolidateWorkbook(region(), { splitSheets: true }));
    expect(c.rows.map((r) => `${r.source}/${r.name}`)).toEqual([
      "Lavras/Lavras",
      "Lavras/Lavras",
      "Perdões/Perdões",
      "Perdões/Perdões",
      "Nepomuceno/Nepomuceno",
      "Nepomuceno/Nepomuceno",
    ]);
  });

  test("problems found before the pipeline (stored settings) count in every row", () => {
    const problem = {
      code: "invalidArgument" as const,
      sheet: "Contratualiza_config",
      message: "Configuração ilegível.",
    };
    const c = evaluated(consolidateWorkbook(region(), { splitSheets: true, problems: [problem] }));
    expect(c.rows.map((r) => r.problems)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  test("a period option keeps that quarter's rows only", () => {
    const c = evaluated(
      consolidateWorkbook(region(), {
        splitSheets: true,
        period: { kind: "quarter", label: "2025-T1", start: "2025-01-01", end: "2025-03-31" },
      }),
    );
    expect(c.rows.map((r) => [r.name, r.period?.label])).toEqual([
      ["Lavras", "2025-T1"],
      ["Perdões", "2025-T1"],
      ["Nepomuceno", "2025-T1"],
    ]);
  });

  test("sheetsToSplit: several sheets naming no municipality, and nothing else", () => {
    expect(sheetsToSplit(runPipeline(region()))).toEqual(MUNICIPALITIES);
    expect(sheetsToSplit(runPipeline(workbook(contractSheet("Lavras"))))).toBeUndefined();
    expect(
      sheetsToSplit(runPipeline(workbook(sheet("Previne", PREVINE_LONG_ROWS)), { preset: previne })),
    ).toBeUndefined();
  });
});

describe("a long table with a Município column (Previne Brasil)", () => {
  test("one row per municipality from its own rows, the table's sheet as the source; never split", () => {
    // tests/workbook/previne.ts: Lavras ISF 7,5 and Perdões 8,0 in 2022-Q1.
    const c = evaluated(
      consolidateWorkbook(workbook(sheet("Previne", PREVINE_LONG_ROWS)), { splitSheets: true, preset: previne }),
    );
    expect(c.sheets).toBeUndefined();
    expect(c.rows.map((r) => [r.source, r.name, r.period?.label, r.value])).toEqual([
      ["Previne", "Lavras", "2022-Q1", expect.closeTo(7.5, 12)],
      ["Previne", "Perdões", "2022-Q1", expect.closeTo(8, 12)],
    ]);
  });
});

describe("failures", () => {
  test("no indicator table: detection's message, under the file's name or this workbook", () => {
    const empty = workbook(sheet("Notas", [["apenas um texto"]]));
    const failed = consolidateWorkbook(empty, { source: "notas.xlsx", splitSheets: true });
    expect(failed).toEqual({
      kind: "failed",
      failure: { source: "notas.xlsx", message: expect.stringMatching(/Nenhuma tabela de indicadores/) },
    });
    const open = consolidateWorkbook(empty, { splitSheets: true });
    expect(open.kind === "failed" && open.failure.source).toBe(consolidationSheetStrings.thisWorkbook);
  });
});

describe("the Consolidado sheet in the open workbook (task pane)", () => {
  const c = evaluated(consolidateWorkbook(region(), { splitSheets: true }));
  const plan = planWorkbookConsolidation(c.rows);
  const pane = plan.summaries[0];
  const values = (row: number) => (pane.rows[row - 1] ?? []).map((x) => x.value);

  test("the plan: only that sheet, nothing else of the workbook", () => {
    expect(plan.summaries.map((s) => s.name)).toEqual(["Consolidado"]);
    expect(plan.owned).toEqual([]);
    expect(plan.rules).toEqual([]);
  });

  test("the command's sheet in the words of a workbook: title, note, and Planilha for Arquivo", () => {
    const command = planConsolidatedSheet(c.rows, [], 1);
    expect(values(1)).toEqual(["Consolidado da avaliação — 3 municípios ou contratos desta pasta de trabalho"]);
    expect(values(3)[0]).toMatch(/tela Consolidar/);
    expect(values(CONSOLIDATED_HEADER_ROW)).toEqual([
      "Município / contrato",
      "Planilha",
      "Período",
      "Atingimento global",
      "Faixa",
      "Metas não atingidas",
      "Indicadores não atingidos",
      "Avaliação incompleta",
      "Problemas nos dados",
    ]);
    // Everything else as the command writes it — values, formats, styles, widths, merges, heights, the
    // chart's data — but the figures centred and the chart under the table (next test).
    const uncentred = pane.rows
      .slice(CONSOLIDATED_HEADER_ROW)
      .map((r) => r.map((x) => (x.numberFormat ? { ...x, style: { ...x.style, align: undefined } } : x)));
    expect(uncentred).toEqual(
      command.rows
        .slice(CONSOLIDATED_HEADER_ROW)
        .map((r) => r.map((x) => (x.numberFormat ? { ...x, style: { ...x.style, align: undefined } } : x))),
    );
    expect(pane.rows[1]).toEqual(command.rows[1]);
    expect(pane.rows[CONSOLIDATED_HEADER_ROW - 1][0]).toEqual(command.rows[CONSOLIDATED_HEADER_ROW - 1][0]);
    expect({ ...pane, rows: [], chart: undefined }).toEqual({ ...command, rows: [], chart: undefined });
    expect({ ...pane.chart, from: undefined, to: undefined }).toEqual({
      ...command.chart,
      from: undefined,
      to: undefined,
    });
    // The command's own sheet is not changed by the pane's.
    expect(command.rows[0][0].value).toBe(consolidationStrings.title(3, 1));
  });

  test("laid out as the command's sheet: the figures centred, the chart under the table and as wide", () => {
    // Attainment is column D (4th).
    expect(pane.rows.slice(CONSOLIDATED_HEADER_ROW).map((r) => [r[3].numberFormat, r[3].style?.align])).toEqual(
      Array(6).fill(["0.0%", "center"]),
    );
    // 11 rows (title, subtitle, note, blank, header, six rows): the chart from A13, as wide as the nine
    // columns (`to` is the cell just past it: J), max(18, 3 T2 rows + 6) = 18 rows tall.
    expect(pane.chart).toMatchObject({ from: { row: 13, col: 1 }, to: { row: 31, col: 10 } });
    expect(pane.chart).toEqual(planConsolidatedSheet(c.rows, [], 1).chart);
  });

  test("sorted: by quarter, then attainment (ties by name), the latest quarter charted", () => {
    const rows = pane.rows.slice(CONSOLIDATED_HEADER_ROW).map((r) => [r[0].value, r[2].value, r[3].value]);
    expect(rows).toEqual([
      ["Lavras", "2025-T1", 1],
      ["Nepomuceno", "2025-T1", 0.8],
      ["Perdões", "2025-T1", 0.6],
      ["Perdões", "2025-T2", 1],
      ["Lavras", "2025-T2", 0.6],
      ["Nepomuceno", "2025-T2", 0.6],
    ]);
    expect(sortRows(c.rows).map((r) => r.name)).toEqual(rows.map((r) => r[0]));
    // T2 is rows 9–11 (header on row 5, six rows from row 6).
    expect(pane.chart).toMatchObject({ categories: "A9:A11", values: "D9:D11", percent: true });
  });

  test("a later run skips it: the same rows, not a fourth 'municipality' read from the Consolidado sheet", () => {
    const after = applyPlanToData(region(), plan);
    expect(after.sheets.map((s) => s.name)).toEqual([...MUNICIPALITIES, "Consolidado"]);
    const consolidado = after.sheets[3];
    expect(isAddinSheet(consolidado)).toBe(true);
    // Its cells do look like a long indicator table (Período, Indicadores não atingidos…): under another
    // name detection would read them.
    expect(
      runPipeline({
        ...after,
        sheets: after.sheets.map((s) => (s === consolidado ? { ...s, name: "Cópia" } : s)),
      }).tables.map((t) => t.sheet),
    ).toContain("Cópia");
    const again = evaluated(consolidateWorkbook(after, { splitSheets: true }));
    expect(again.sheets).toEqual(MUNICIPALITIES);
    expect(again.rows).toEqual(c.rows);
  });

  test("the add-in's consolidation sheets are told by name and title; a user's sheet of that name is not", () => {
    const at = (name: string, a1: string) => ({ name, origin: { row: 1, col: 1 }, rows: [[{ value: a1 }]] });
    expect(isAddinSheet(at("Consolidado", consolidationStrings.title(3, 4)))).toBe(true);
    expect(isAddinSheet(at("consolidado", consolidationSheetStrings.sheetTitle(1)))).toBe(true);
    expect(isAddinSheet(at("Falhas", consolidationStrings.failuresTitle(2)))).toBe(true);
    expect(isAddinSheet(at("Falhas", consolidationStrings.failuresTitle(0)))).toBe(true);
    expect(isAddinSheet(at("Consolidado", "Consolidado dos indicadores de 2025"))).toBe(false);
    expect(isAddinSheet(at("Falhas", "Falhas de equipamentos"))).toBe(false);
    expect(isAddinSheet(at("Resumo geral", consolidationStrings.title(3, 4)))).toBe(false);
  });

  test("one municipality: the title says so in the singular", () => {
    expect(planWorkbookConsolidatedSheet(c.rows.filter((r) => r.name === "Lavras")).rows[0][0].value).toBe(
      "Consolidado da avaliação — 1 município ou contrato desta pasta de trabalho",
    );
  });
});
