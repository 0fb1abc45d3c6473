/**
 * Headers as people draw them, each case a real .xlsx written with ExcelJS, read back with the product's
 * reader and run through detection and the pipeline: two-row headers (a group merged over period columns,
 * `Meta` merged down or written above an empty cell), blank or decorative rows between the header and the
 * data, the result column's other names, and what detection says when nothing can be evaluated.
 *
 * Rules of the default preset (contract instrument) used below: a month is A when its result meets the
 * target (at least); its attainment is result ÷ target, capped at 100%. Without numerator and denominator
 * a quarter's result is the mean of its months, its attainment the mean of theirs, and it is A only when
 * every month is; with them, the pooled ratio Σ numerador ÷ Σ denominador decides. Overall = share of the
 * scored indicators that are A.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import type { RowInput } from "../../src/core/evaluate";
import { parsePeriod } from "../../src/core/periods";
import type { Period } from "../../src/core/types";
import { detectTables } from "../../src/workbook/detect";
import { runPipeline } from "../../src/workbook/pipeline";
import type { DetectedTable, SheetData, WorkbookData } from "../../src/workbook/model";
import { buildExampleWorkbook, EXAMPLE_HEADERS } from "../support/example";
import { readWorkbookBytes } from "../../src/hosts/file/xlsx/read";

type Value = string | number | Date | null;

/** Writes `build`'s workbook to bytes and reads it back as the command does. */
async function readBack(wb: ExcelJS.Workbook): Promise<WorkbookData> {
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const read = await readWorkbookBytes(bytes, "teste.xlsx");
  if (read.kind !== "workbook") throw new Error(read.message);
  return read.workbook;
}

/** A sheet with `rows` from row `from` (1-based) and the given merges. */
function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  rows: Value[][],
  merges: string[] = [],
  from = 1,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  rows.forEach((values, i) =>
    values.forEach((v, c) => {
      if (v !== null) ws.getCell(from + i, c + 1).value = v;
    }),
  );
  for (const m of merges) ws.mergeCells(m);
  return ws;
}

function only(wb: WorkbookData): DetectedTable {
  const { tables, problems } = detectTables(wb);
  expect(problems).toEqual([]);
  expect(tables).toHaveLength(1);
  return tables[0];
}

function rowOf(table: DetectedTable, indicator: string, label: string): RowInput {
  const found = table.rows.filter((r) => r.indicator === indicator && r.period?.label === label);
  expect(found).toHaveLength(1);
  return found[0];
}

function period(text: string): Period {
  const p = parsePeriod(text);
  if (p.kind !== "period") throw new Error(text);
  return p.period;
}

/** The quarter's evaluation of a workbook (2025-T1), by indicator. */
function quarter(wb: WorkbookData) {
  const result = runPipeline(wb, { period: period("2025-T1") });
  expect(result.evaluations).toHaveLength(1);
  const ev = result.evaluations[0];
  const by = (name: string) => {
    const found = ev.indicators.find((i) => i.indicator === name);
    if (!found) throw new Error(`no ${name}`);
    return found;
  };
  return { ev, by, problems: [...result.problems, ...ev.problems] };
}

const month = (m: number) => new Date(Date.UTC(2025, m, 1));

describe("two-row headers", () => {
  it("reads 'Resultado' merged over 'Jan | Fev | Mar' as a wide table, the other names merged down", async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(
      wb,
      "Indicadores",
      [
        ["Contrato de Gestão 001/2025 — 1º trimestre"],
        [],
        ["Nº", "Indicador", "Meta", "Resultado", null, null],
        [null, null, null, "Jan", "Fev", "Mar"],
        ["I01", "Visitas domiciliares", "Mínimo de 10", 12, 10, 11],
        ["I02", "Consultas médicas", "Mínimo de 300", 290, 305, 280],
      ],
      ["A1:F1", "A3:A4", "B3:B4", "C3:C4", "D3:F3"],
    );
    const data = await readBack(wb);
    const table = only(data);
    expect(table.layout).toBe("wide");
    // The header takes rows 3 and 4; the months are on row 4, their year from the title (2025).
    expect(table.headerRow).toBe(4);
    expect(table.ref).toBe("A3:F6");
    expect(table.columns.map((c) => [c.field, c.col, c.period?.label])).toEqual([
      ["code", 1, undefined],
      ["indicator", 2, undefined],
      ["target", 3, undefined],
      ["result", 4, "2025-01"],
      ["result", 5, "2025-02"],
      ["result", 6, "2025-03"],
    ]);
    // 2 indicators × 3 months.
    expect(table.rows).toHaveLength(6);
    expect(rowOf(table, "Visitas domiciliares", "2025-02").result).toEqual({ value: 10, address: "E5" });
    expect(rowOf(table, "Consultas médicas", "2025-03").target).toEqual({ value: "Mínimo de 300", address: "C6" });

    const { ev, by } = quarter(data);
    // Visitas: (12 + 10 + 11) / 3 = 11 ≥ 10 → A. Consultas: the quarter's mean (290 + 305 + 280) / 3 = 291,67
    // < 300 → B, attainment 291,67 / 300 = 97,2%. One of two met: 50%.
    expect(by("Visitas domiciliares").concept).toBe("A");
    expect(by("Visitas domiciliares").result).toBeCloseTo(11, 9);
    expect(by("Consultas médicas").concept).toBe("B");
    expect(by("Consultas médicas").attainment?.scored).toBeCloseTo(875 / 3 / 300, 9);
    expect(ev.overall.attainment).toBeCloseTo(0.5, 9);
  });

  it("reads 'Meta' and 'Resultado' each merged over the months: a target per month, all in one year", async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(
      wb,
      "Indicadores",
      [
        ["Indicadores 2025"],
        ["Indicador", "Meta", null, null, "Resultado", null, null],
        [null, "Jan", "Fev", "Mar", "Jan", "Fev", "Mar"],
        ["Visitas domiciliares", 10, 10, 12, 12, 9, 11],
      ],
      ["A2:A3", "B2:D2", "E2:G2"],
    );
    const data = await readBack(wb);
    const table = only(data);
    expect(table.layout).toBe("wide");
    expect(table.headerRow).toBe(3);
    // The second `Jan` (under Resultado) is not a step back in time: every month stays in 2025.
    expect(table.periods.map((p) => p.label)).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(table.columns.map((c) => [c.field, c.col, c.period?.label])).toEqual([
      ["indicator", 1, undefined],
      ["target", 2, "2025-01"],
      ["target", 3, "2025-02"],
      ["target", 4, "2025-03"],
      ["result", 5, "2025-01"],
      ["result", 6, "2025-02"],
      ["result", 7, "2025-03"],
    ]);
    // February: target 10 (C4), result 9 (F4).
    const feb = rowOf(table, "Visitas domiciliares", "2025-02");
    expect(feb.target).toEqual({ value: 10, address: "C4" });
    expect(feb.result).toEqual({ value: 9, address: "F4" });
    // February alone: 9 < 10 → B, attainment 9 / 10 = 90%.
    const result = runPipeline(data, { period: period("2025-02") });
    const visits = result.evaluations[0].indicators[0];
    expect(visits.concept).toBe("B");
    expect(visits.attainment?.scored).toBeCloseTo(0.9, 9);
  });

  // `Meta` on the upper row over an empty cell, every other name on the lower row: merged down, or not.
  it.each([[["C3:C4"]], [[]]])(
    "reads 'Meta' above an empty cell beside names on the row under it (merges %j)",
    async (merges) => {
      const wb = new ExcelJS.Workbook();
      addSheet(
        wb,
        "Indicadores",
        [
          ["Acompanhamento do contrato"],
          [],
          [null, null, "Meta", null],
          ["Indicador", "Mês", null, "Resultado"],
          ["Visitas domiciliares", month(0), "Mínimo de 10", 12],
          ["Visitas domiciliares", month(1), "Mínimo de 10", 10],
          ["Visitas domiciliares", month(2), "Mínimo de 10", 11],
          ["Consultas médicas", month(0), "Mínimo de 300", 290],
          ["Consultas médicas", month(1), "Mínimo de 300", 305],
          ["Consultas médicas", month(2), "Mínimo de 300", 280],
        ],
        merges,
      );
      const data = await readBack(wb);
      const table = only(data);
      expect(table.layout).toBe("long");
      expect(table.headerRow).toBe(4);
      expect(table.ref).toBe("A3:D10");
      expect(Object.fromEntries(table.columns.map((c) => [c.field, c.col]))).toEqual({
        indicator: 1,
        period: 2,
        target: 3,
        result: 4,
      });
      // 2 indicators × 3 months, from row 5.
      expect(table.rows).toHaveLength(6);
      expect(rowOf(table, "Consultas médicas", "2025-02").target).toEqual({ value: "Mínimo de 300", address: "C9" });
      const { ev, by } = quarter(data);
      // As above: Visitas 12, 10, 11 → A; Consultas 290, 305, 280 → mean 291,67 → B at 97,2%; 50% overall.
      expect(by("Visitas domiciliares").concept).toBe("A");
      expect(by("Consultas médicas").concept).toBe("B");
      expect(by("Consultas médicas").attainment?.scored).toBeCloseTo(875 / 3 / 300, 9);
      expect(ev.overall.attainment).toBeCloseTo(0.5, 9);
    },
  );

  it("reads names under a group title: 'Apuração' over 'Numerador | Denominador', the others above an empty cell", async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(
      wb,
      "Indicadores",
      [
        ["Indicador", "Mês", "Meta", "Apuração", null],
        [null, null, null, "Numerador", "Denominador"],
        ["Gestantes com pré-natal", "jan/2025", "80%", 45, 50],
        ["Gestantes com pré-natal", "fev/2025", "80%", 38, 50],
        ["Gestantes com pré-natal", "mar/2025", "80%", 41, 50],
      ],
      ["D1:E1"],
    );
    const data = await readBack(wb);
    const table = only(data);
    expect(table.headerRow).toBe(2);
    expect(Object.fromEntries(table.columns.map((c) => [c.field, c.col]))).toEqual({
      indicator: 1,
      period: 2,
      target: 3,
      numerator: 4,
      denominator: 5,
    });
    expect(table.rows).toHaveLength(3);
    // The quarter pools the ratio: (45 + 38 + 41) / (50 · 3) = 124 / 150 = 82,7% ≥ 80% → A.
    const { by } = quarter(data);
    expect(by("Gestantes com pré-natal").result).toBeCloseTo(124 / 150, 9);
    expect(by("Gestantes com pré-natal").concept).toBe("A");
  });
});

describe("rows under a header that are not a second header row", () => {
  it("keeps a section row naming an area ('Eixo 1 — Acesso' under 'Nº') as the area of the rows below", async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, "Indicadores", [
      ["Nº", "Indicador", "Mês", "Meta", "Resultado"],
      ["Eixo 1 — Acesso"],
      ["1", "Visitas domiciliares", "jan/2025", 10, 12],
      ["2", "Consultas médicas", "jan/2025", 300, 290],
    ]);
    const table = only(await readBack(wb));
    expect(table.headerRow).toBe(1);
    expect(Object.fromEntries(table.columns.map((c) => [c.field, c.col]))).toEqual({
      code: 1,
      indicator: 2,
      period: 3,
      target: 4,
      result: 5,
    });
    expect(table.rows.map((r) => [r.code, r.area, r.result?.address])).toEqual([
      ["1", "Eixo 1 — Acesso", "E3"],
      ["2", "Eixo 1 — Acesso", "E4"],
    ]);
  });
});

describe("rows between the header and the data", () => {
  // The bundled example: header on row 3, 9 indicators × 3 months × 2 units = 54 rows. Its quarter is
  // 90%: performance weights sum to 10; every indicator is A except I14 (B, justification accepted in full:
  // counts as met) and 1.4 (weight 2, B, accepted in part: half of its weight) → (10 − 1) / 10.
  async function example(edit: (ws: ExcelJS.Worksheet) => void): Promise<WorkbookData> {
    const wb = buildExampleWorkbook();
    edit(wb.getWorksheet("Indicadores")!);
    return readBack(wb);
  }

  function expectExampleFigures(data: WorkbookData, firstDataRow: number) {
    const table = only(data);
    expect(table.headerRow).toBe(3);
    expect(table.rows).toHaveLength(54);
    // The first row read is I01 at UBS Centro in January, result 100% in column J.
    expect(table.rows[0]).toMatchObject({
      indicator: expect.stringMatching(/^Pontualidade/),
      sheetRow: firstDataRow,
      result: { value: 1, address: `J${firstDataRow}` },
    });
    const { ev, problems } = quarter(data);
    expect(problems).toEqual([]);
    expect(ev.overall.attainment).toBeCloseTo(0.9, 9);
    expect(ev.band?.band.number).toBe(2);
    return table;
  }

  it("skips a blank row under the header (a header merged down over two rows leaves one too)", async () => {
    const blank = await example((ws) => ws.spliceRows(4, 0, []));
    expect(only(blank).reasons).toContain("Linha 4 em branco entre o cabeçalho e os dados: ignorada.");
    expectExampleFigures(blank, 5);
    const merged = await example((ws) => {
      ws.spliceRows(4, 0, []);
      EXAMPLE_HEADERS.forEach((_, i) => ws.mergeCells(4 - 1, i + 1, 4, i + 1));
    });
    expectExampleFigures(merged, 5);
  });

  it("still ends the table at a blank row after the data", async () => {
    // Row 57 is the last data row; 58 is blank; 59 looks like one more row and is not part of the table.
    const data = await example((ws) => {
      ws.spliceRows(4, 0, []);
      ws.getRow(60).values = [
        "X1",
        "Gestão",
        "Visitas extras",
        null,
        "Desempenho",
        "100%",
        1,
        "UBS Centro",
        month(0),
        0.1,
      ];
    });
    const table = expectExampleFigures(data, 5);
    expect(table.ref).toBe("A3:N58");
    expect(table.rows.some((r) => r.indicator === "Visitas extras")).toBe(false);
  });

  it("skips a rule of dashes under the header", async () => {
    const data = await example((ws) =>
      ws.spliceRows(
        4,
        0,
        EXAMPLE_HEADERS.map(() => "—"),
      ),
    );
    expect(only(data).reasons).toContain(
      "Linha 4 entre o cabeçalho e os dados só tem traços ou unidades (como “(%)”): ignorada.",
    );
    expectExampleFigures(data, 5);
  });

  it("skips a units row under the header, and a blank row after it", async () => {
    const units = EXAMPLE_HEADERS.map((h) =>
      h === "Meta" || h === "Resultado" ? "(%)" : h === "Numerador" || h === "Denominador" ? "(nº)" : null,
    );
    const data = await example((ws) => ws.spliceRows(4, 0, units, []));
    expectExampleFigures(data, 6);
  });

  it("does not skip into the next table: a header, a blank row, then another table's header", async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, "Indicadores", [
      ["Indicador", "Meta", "Resultado"],
      [],
      ["Indicador", "Meta", "Resultado"],
      ["Visitas", 10, 12],
    ]);
    const { tables } = detectTables(await readBack(wb));
    // The first header keeps no row; the second table reads its own (row 4).
    expect(tables.map((t) => [t.ref, t.rows.length])).toEqual([
      ["A1:C1", 0],
      ["A3:C4", 1],
    ]);
  });
});

describe("the result column's other names", () => {
  // Each sheet: `Indicador | Meta | <name>`. Visitas: 90% against 80% → A (attainment capped at 100%);
  // Consultas: 72% against 80% → B, attainment 72 / 80 = 90%. One of two met: 50%.
  const NAMES = ["Percentual atingido", "% atingido", "Alcançado", "Realizado no período"];

  it.each(NAMES)("reads '%s' as the result", async (name) => {
    const wb = new ExcelJS.Workbook();
    const ws = addSheet(wb, "Indicadores", [
      ["Indicador", "Meta", name],
      ["Visitas", "80%", 0.9],
      ["Consultas", "80%", 0.72],
    ]);
    ws.getCell("C2").numFmt = "0%";
    ws.getCell("C3").numFmt = "0%";
    const data = await readBack(wb);
    const table = only(data);
    expect(Object.fromEntries(table.columns.map((c) => [c.field, c.col]))).toEqual({
      indicator: 1,
      target: 2,
      result: 3,
    });
    const result = runPipeline(data);
    const ev = result.evaluations[0];
    expect(ev.indicators.map((i) => [i.indicator, i.concept])).toEqual([
      ["Visitas", "A"],
      ["Consultas", "B"],
    ]);
    expect(ev.indicators[1].attainment?.scored).toBeCloseTo(0.9, 9);
    expect(ev.overall.attainment).toBeCloseTo(0.5, 9);
  });

  it("leaves the add-in's own 'Atingimento (Contratualiza)' and a 'Meta atingida?' answer out", async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, "Com resultado", [
      ["Indicador", "Meta", "Meta atingida?", "Alcançado", "Atingimento (Contratualiza)"],
      ["Visitas", 10, "Não", 9, 0.9],
    ]);
    addSheet(wb, "Sem resultado", [
      ["Indicador", "Meta atingida?", "Meta", "Realizado no período"],
      ["Visitas", "Sim", 10, 12],
    ]);
    addSheet(wb, "Só a resposta", [
      ["Indicador", "Meta", "Meta atingida?"],
      ["Visitas", 10, "Sim"],
    ]);
    const { tables } = detectTables(await readBack(wb));
    const fields = (t: DetectedTable) => Object.fromEntries(t.columns.map((c) => [c.field, c.col]));
    // `Meta atingida?` is neither target nor result; the owned column is not read.
    expect(fields(tables[0])).toEqual({ indicator: 1, target: 2, result: 4 });
    expect(fields(tables[1])).toEqual({ indicator: 1, target: 3, result: 4 });
    expect(fields(tables[2])).toEqual({ indicator: 1, target: 2 });
    expect(tables[2].unmapped).toEqual(["result"]);
    // Visitas on the first sheet: 9 < 10 → B at 90%, read from D2 (not the owned E2).
    expect(tables[0].rows[0].result).toEqual({ value: 9, address: "D2" });
  });
});

describe("when nothing can be evaluated", () => {
  it("names the sheet, the closest header row, what it recognised and lacks, and a mapping with the real letters", async () => {
    const wb = buildExampleWorkbook();
    // The indicator column's header is one detection does not know.
    wb.getWorksheet("Indicadores")!.getCell("C3").value = "Ação pactuada";
    const { tables, problems } = detectTables(await readBack(wb));
    expect(tables).toEqual([]);
    expect(problems).toHaveLength(1);
    const message = problems[0].message;
    expect(problems[0].code).toBe("noTable");
    expect(message).toContain("Planilha “Indicadores”: o cabeçalho mais provável está na linha 3");
    expect(message).toContain("F “Meta” (meta)");
    expect(message).toContain("Colunas sem nome conhecido: C “Ação pactuada”.");
    expect(message).toContain("Falta a coluna do indicador");
    expect(message).toContain("Na planilha “Leia-me”, nenhuma das primeiras 40 linhas tem nomes de coluna conhecidos.");
    const mapping = JSON.parse(/\{ "tabelas".*\] \}/.exec(message)![0]);
    // Letters of the example's header (EXAMPLE_HEADERS): F Meta, I Mês, J Resultado; `?` for the indicator.
    expect(mapping.tabelas[0]).toMatchObject({ planilha: "Indicadores", linhaCabecalho: 3 });
    expect(mapping.tabelas[0].colunas).toMatchObject({
      indicador: "?",
      meta: "F",
      resultado: "J",
      periodo: "I",
      codigo: "A",
      unidade: "H",
    });
  });

  it("says why a table found has no rows: four blank rows under its header", async () => {
    const wb = buildExampleWorkbook();
    wb.getWorksheet("Indicadores")!.spliceRows(4, 0, [], [], [], []);
    const { tables, problems } = detectTables(await readBack(wb));
    expect(tables.map((t) => [t.ref, t.rows.length])).toEqual([["A3:N3", 0]]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "noTable", sheet: "Indicadores", cell: "A3" });
    expect(problems[0].message).toContain(
      "A tabela com cabeçalho na linha 3 não tem linhas a avaliar: as linhas 4 a 7, abaixo do cabeçalho, estão em branco",
    );
    expect(problems[0].message).toContain("as linhas a partir da 8 não foram lidas");
    const mapping = JSON.parse(/\{ "tabelas".*\] \}/.exec(problems[0].message)![0]);
    expect(mapping.tabelas[0].colunas).toMatchObject({ indicador: "C", meta: "F", resultado: "J", periodo: "I" });
  });

  it("says nothing more when one table has rows and another has none", async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, "Modelo", [["Indicador", "Meta", "Resultado"]]);
    addSheet(wb, "Dados", [
      ["Indicador", "Meta", "Resultado"],
      ["Visitas", 10, 12],
    ]);
    const { tables, problems } = detectTables(await readBack(wb));
    expect(tables.map((t) => t.rows.length)).toEqual([0, 1]);
    expect(problems).toEqual([]);
  });
});

describe("robustness", () => {
  const word = fc.constantFrom(
    "Indicador",
    "Meta",
    "Resultado",
    "Jan",
    "Fev",
    "Mar",
    "Mês",
    "—",
    "(%)",
    "Apuração",
    "Numerador",
    "Nº",
    "Alcançado",
    "% atingido",
    "Meta atingida?",
    "",
  );
  const cell = fc.oneof(word, fc.integer({ min: -5, max: 3000 }), fc.constant(null), fc.string({ maxLength: 6 }));
  const letters = "ABCDEFG";
  // A merge inside the 7 × 8 grid: top-left and a size of 1–3 each way, written in A1 form.
  const merge = fc
    .record({
      col: fc.integer({ min: 0, max: 6 }),
      row: fc.integer({ min: 1, max: 8 }),
      w: fc.integer({ min: 0, max: 2 }),
      h: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ col, row, w, h }) => `${letters[col]}${row}:${letters[Math.min(6, col + w)]}${Math.min(8, row + h)}`);

  it("never throws on small grids with random merges, and reads data only under the header", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 8 }),
        fc.array(merge, { maxLength: 4 }),
        (rows, merges) => {
          const sheet: SheetData = {
            name: "Grade",
            origin: { row: 1, col: 1 },
            rows: rows.map((r) => r.map((value) => ({ value }))),
            tables: [],
            merges,
          };
          const { tables, problems } = detectTables({ sheets: [sheet] });
          expect(Array.isArray(problems)).toBe(true);
          for (const t of tables) {
            expect(t.confidence).toBeGreaterThanOrEqual(0);
            expect(t.confidence).toBeLessThanOrEqual(1);
            for (const r of t.rows) expect(r.sheetRow).toBeGreaterThan(t.headerRow);
          }
          // Nothing to evaluate always comes with a reason.
          if (tables.every((t) => t.rows.length === 0)) expect(problems.some((p) => p.code === "noTable")).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
