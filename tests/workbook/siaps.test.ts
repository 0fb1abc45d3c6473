/**
 * SIAPS exports read as published (workbook/detect/siaps): title lines, a `;` header, cells padded with tabs,
 * rows longer than the header; Latin-1 and UTF-8 CSV and the same content as a workbook; other components
 * named, not scored; a mapping that names the sheet's indicator; the export's classes compared with ours.
 * The data and every team's hand-worked result are in ./siaps.
 */
import fc from "fast-check";
import type { RowInput } from "../../src/core/evaluate";
import { detectTables } from "../../src/workbook/detect";
import { readSiapsSheet } from "../../src/workbook/detect/siaps";
import { runPipeline, type PipelineResult } from "../../src/workbook/pipeline";
import type { DetectedTable, SheetData, WorkbookData } from "../../src/workbook/model";
import { readCsv } from "../../src/hosts/file/csv/read";
import { readWorkbookBytes } from "../../src/hosts/file/xlsx/read";
import { sheet, workbook } from "./fixtures";
import {
  CENTRO,
  JARDIM,
  MONTHS,
  oralHealthFile,
  siapsCells,
  siapsCsv,
  siapsFolderFiles,
  siapsText,
  siapsXlsx,
  teamsFile,
  vinculoFile,
  type SiapsFile,
  type SiapsTeam,
} from "./siaps";
import { workbookOf } from "../hosts/file/xlsx/helpers";

/** A CSV export read as the command reads it, as a one-sheet workbook. */
function csvBook(bytes: Buffer, name: string): WorkbookData {
  return { sheets: [readCsv(bytes, name).sheet] };
}

function onlyTable(book: WorkbookData): DetectedTable {
  const { tables, problems } = detectTables(book);
  expect(problems).toEqual([]);
  expect(tables).toHaveLength(1);
  return tables[0];
}

/** What a row says about its team, month and figures. */
function rowFacts(r: RowInput) {
  return {
    row: r.sheetRow,
    code: r.code,
    unit: r.unit,
    unitCode: r.unitCode,
    municipality: r.municipality,
    municipalityCode: r.municipalityCode,
    period: r.period?.label,
    result: [r.result?.address, r.result?.value],
    numerator: r.numerator?.value,
    denominator: r.denominator?.value,
    scaleHint: r.scaleHint,
  };
}

// C4 of May: ESF CENTRO 12/30 = 40,00 and ESF JARDIM 5/20 = 25,00. Eight title lines and a blank line put
// the header on row 10 and the teams on rows 11 and 12; the ratio `Resultado (%)` is column N.
const C4_MAY_ROWS = [
  {
    row: 11,
    code: "C4",
    unit: "ESF CENTRO",
    unitCode: "0000123456",
    municipality: "SÃO SEBASTIÃO",
    municipalityCode: "355070",
    period: "2026-05",
    result: ["N11", "40,00"],
    numerator: "12",
    denominator: "30",
    scaleHint: "points",
  },
  {
    row: 12,
    code: "C4",
    unit: "ESF JARDIM",
    unitCode: "0000654321",
    municipality: "SÃO SEBASTIÃO",
    municipalityCode: "355070",
    period: "2026-05",
    result: ["N12", "25,00"],
    numerator: "5",
    denominator: "20",
    scaleHint: "points",
  },
];

describe("one export, as downloaded", () => {
  test.each([
    ["Latin-1", siapsCsv(teamsFile("C4", "MAI/26"), "latin1")],
    ["UTF-8", siapsCsv(teamsFile("C4", "MAI/26"), "utf-8")],
    ["UTF-8 with a BOM", siapsCsv(teamsFile("C4", "MAI/26"), "utf-8", true)],
  ])(
    "a CSV in %s: the indicator from the title, the team, the month and the ratio of each row; tabs gone",
    (_, bytes) => {
      const table = onlyTable(csvBook(bytes, "C4_MAI-26"));
      expect(table.layout).toBe("siaps");
      expect(table.title).toBe("Cuidado da pessoa com diabetes");
      expect(table.headerRow).toBe(10);
      expect(table.siaps).toMatchObject({
        indicator: "Cuidado da pessoa com diabetes",
        code: "C4",
        component: "Qualidade",
        municipality: "SÃO SEBASTIÃO",
        municipalityCode: "355070",
      });
      expect(table.siaps?.competence?.label).toBe("2026-05");
      expect(table.rows.map((r) => r.indicator)).toEqual([
        "Cuidado da pessoa com diabetes",
        "Cuidado da pessoa com diabetes",
      ]);
      expect(table.rows.map(rowFacts)).toEqual(C4_MAY_ROWS);
      // The export's own class of each row, kept for the comparison with ours.
      expect(table.siaps?.classes).toEqual([
        { sheetRow: 11, cell: "O11", label: "Suficiente" },
        { sheetRow: 12, cell: "O12", label: "Regular" },
      ]);
      expect(table.reasons[0]).toBe(
        "Exportação do SIAPS: indicador “Cuidado da pessoa com diabetes” (C4), município 355070 SÃO SEBASTIÃO, competência mai/2026.",
      );
    },
  );

  test("the same content saved as a workbook reads the same rows", async () => {
    const book = workbookOf(
      await readWorkbookBytes(await siapsXlsx(["Relatório", teamsFile("C4", "MAI/26")]), "C4.xlsx"),
    );
    const table = onlyTable(book);
    expect(table.sheet).toBe("Relatório");
    expect(table.rows.map(rowFacts)).toEqual(C4_MAY_ROWS);
  });

  test("a cell more left of the team (a name cut by the separator) is read from the right", () => {
    // C3 of June, ESF CENTRO: `UBS CENTRO`, `ANEXO` — one cell more, so its ratio 21/25 = 84,00 sits in O11, not N11.
    const table = onlyTable(csvBook(siapsCsv(teamsFile("C3", "JUN/26", "middle"), "utf-8"), "C3"));
    expect(
      table.rows.map((r) => [
        r.unit,
        r.unitCode,
        r.result?.address,
        r.result?.value,
        r.numerator?.value,
        r.denominator?.value,
      ]),
    ).toEqual([
      ["ESF CENTRO", "0000123456", "O11", "84,00", "21", "25"],
      ["ESF JARDIM", "0000654321", "N12", "70,00", "14", "20"],
    ]);
    expect(table.siaps?.classes.map((c) => c.cell)).toEqual(["P11", "O12"]);
    expect(table.reasons).toContain(
      "1 linha tem mais células que o cabeçalho: lida pela direita, conferindo o INE, a classificação e o resultado com numerador ÷ denominador × 100.",
    );
    // The table reaches the longest row, so the add-in's columns go right of it.
    expect(table.ref).toBe("A10:P12");
  });

  test("cells more after the class: the row holds together read from the left, and so it is read", () => {
    // C4 of May, ESF CENTRO ends `…; Suficiente; 0; S`: read from the right, the INE would be `eSF` and the
    // ratio `0`; from the left, 12/30 = 40,00 agrees with the ratio and `Suficiente` is a class.
    const table = onlyTable(csvBook(siapsCsv(teamsFile("C4", "MAI/26", "trailing"), "latin1"), "C4"));
    expect(table.rows.map(rowFacts)).toEqual(C4_MAY_ROWS);
    expect(table.ref).toBe("A10:Q12");
  });

  test("a ratio that does not agree with its numerator and denominator is a problem; the export's ratio is kept", () => {
    // 12/30 × 100 = 40, but the export writes 44,00: 4 points off, more than the half point of rounding.
    const file: SiapsFile = {
      indicator: "Cuidado da pessoa com diabetes",
      month: "MAI/26",
      rows: [{ team: CENTRO, figure: { numerator: 12, denominator: 30, label: "Suficiente" }, ratio: "44,00" }],
    };
    const { tables } = detectTables(csvBook(siapsCsv(file, "latin1"), "C4"));
    expect(tables[0].rows[0].result?.value).toBe("44,00");
    expect(tables[0].problems).toEqual([
      {
        code: "exportMismatch",
        sheet: "C4",
        cell: "N11",
        indicator: "Cuidado da pessoa com diabetes",
        message:
          "Célula N11, equipe ESF CENTRO: o resultado 44 não confere com numerador ÷ denominador × 100 = 40 (12 ÷ 30). Foi usado o resultado da exportação.",
      },
    ]);
  });

  test("without numerator and denominator nor class, the ratio alone is the result", () => {
    const file: SiapsFile = { ...teamsFile("C6", "JUN/26"), ratioOnly: true, noClass: true };
    const table = onlyTable(csvBook(siapsCsv(file, "utf-8"), "C6"));
    // C6 of June: ESF CENTRO 16/20 = 80,00 (JARDIM has no C6 row). The ratio is column L now.
    expect(table.rows.map((r) => [r.unit, r.result?.address, r.result?.value, r.numerator, r.denominator])).toEqual([
      ["ESF CENTRO", "L11", "80,00", undefined, undefined],
    ]);
    expect(table.siaps?.classes).toEqual([]);
  });
});

describe("exports these rules do not score", () => {
  test.each([
    [
      "Vínculo e Acompanhamento Territorial",
      vinculoFile("JUN/26"),
      "Planilha “Exportacao”: exportação do SIAPS do componente Vínculo e Acompanhamento Territorial: não avaliado por estas regras. " +
        "O Contratualiza avalia, do SIAPS, só os indicadores C1 a C7 das equipes eSF e eAP (componente de qualidade do cofinanciamento).",
    ],
    [
      "oral health (eSB)",
      oralHealthFile("JUN/26"),
      "Planilha “Exportacao”: exportação do SIAPS da saúde bucal (equipes eSB), indicador “B1 - Primeira consulta odontológica programática”: não avaliado por estas regras. " +
        "O Contratualiza avalia, do SIAPS, só os indicadores C1 a C7 das equipes eSF e eAP (componente de qualidade do cofinanciamento).",
    ],
  ])("%s: recognised and named, no table, and not “no table”", (_, file, message) => {
    for (const encoding of ["latin1", "utf-8"] as const) {
      const { tables, problems } = detectTables(csvBook(siapsCsv(file, encoding), "Exportacao"));
      expect(tables).toEqual([]);
      expect(problems).toEqual([{ code: "notScored", sheet: "Exportacao", message }]);
    }
  });

  test("an indicator of the quality component that is none of C1–C7 is named too", () => {
    const file: SiapsFile = {
      ...teamsFile("C1", "JUN/26"),
      indicator: "Proporção de algo que não é do cofinanciamento",
    };
    const { tables, problems } = detectTables(csvBook(siapsCsv(file, "utf-8"), "X"));
    expect(tables).toEqual([]);
    expect(problems.map((p) => p.code)).toEqual(["notScored"]);
    expect(problems[0].message).toContain(
      "do indicador “Proporção de algo que não é do cofinanciamento”, que não é um dos indicadores C1 a C7 do componente de qualidade: não avaliado por estas regras",
    );
  });

  test("a sheet that only mentions a municipality in its title is not taken for an export", () => {
    const plain = sheet("Metas", [
      ["Município: Lavras"],
      [],
      ["Indicador", "Meta", "Resultado"],
      ["Consultas", "≥ 80%", "85%"],
    ]);
    expect(readSiapsSheet(plain)).toBeUndefined();
    expect(detectTables(workbook(plain)).tables[0].layout).toBe("long");
  });
});

describe("--mapa names the indicator of a whole sheet", () => {
  const untitled: SiapsFile = { ...teamsFile("C7", "MAI/26"), noIndicatorInTitle: true };

  test("an export whose title leaves the indicator out: a problem saying so, then read with the mapping's", () => {
    const book = csvBook(siapsCsv(untitled, "latin1"), "Relatorio");
    const without = detectTables(book);
    expect(without.tables).toEqual([]);
    expect(without.problems).toEqual([
      {
        code: "empty",
        sheet: "Relatorio",
        message:
          "Planilha “Relatorio”: exportação do SIAPS sem o indicador nas linhas de título (“Indicador selecionado: …”). " +
          'Informe o indicador da planilha no mapeamento (--mapa), por exemplo { "planilha": "…", "indicador": "C7" }.',
      },
    ]);
    const mapped = detectTables(book, { mapping: { tabelas: [{ planilha: "Relatorio", indicador: "C7" }] } });
    expect(mapped.problems).toEqual([]);
    expect(mapped.tables[0].layout).toBe("siaps");
    expect(mapped.tables[0].rows.map((r) => [r.indicator, r.code, r.unit, r.result?.value])).toEqual([
      ["C7", "C7", "ESF CENTRO", "100,00"],
      ["C7", "C7", "ESF JARDIM", "10,00"],
    ]);
  });

  test("any table without an indicator column: every row takes the sheet's, and the co-financing is chosen", () => {
    const rows = [
      ["Cuidado da mulher — resultado por equipe"],
      [],
      ["Equipe", "Mês", "Resultado"],
      ["ESF 1", "jan/2025", 80],
      ["ESF 1", "fev/2025", 60],
      ["ESF 2", "jan/2025", 20],
    ];
    const mapping = {
      tabelas: [
        { planilha: "C7", linhaCabecalho: 3, indicador: "C7", colunas: { unidade: "A", periodo: "B", resultado: "C" } },
      ],
    };
    const result = runPipeline(workbook(sheet("C7", rows)), { mapping });
    expect(result.problems).toEqual([]);
    expect(result.tables[0].rows.map((r) => r.indicator)).toEqual(["C7", "C7", "C7"]);
    expect(result.presetChoice?.id).toBe("cofinanciamento");
    // 2025-Q1: ESF 1 (80 + 60) / 2 = 70 → Bom (> 50 e ≤ 75); ESF 2 20 → Regular (≤ 25).
    const teams = result.evaluations[0].byTeam!;
    expect(
      teams.map((t) => [t.team, t.evaluation.indicators[0].result, t.evaluation.indicators[0].classification?.label]),
    ).toEqual([
      ["ESF 1", 70, "Bom"],
      ["ESF 2", 20, "Regular"],
    ]);
  });

  test("an indicator that is not text is a problem naming the sheet, and the mapping still needs an indicator", () => {
    const { problems } = detectTables(
      workbook(
        sheet("C7", [
          ["Equipe", "Resultado"],
          ["ESF 1", 80],
        ]),
      ),
      {
        mapping: { tabelas: [{ planilha: "C7", indicador: 7 as unknown as string, colunas: { resultado: "B" } }] },
      },
    );
    expect(problems.map((p) => p.message)).toEqual([
      "No mapeamento da planilha “C7”, o campo “indicador” deve ser um texto: o nome ou o código do indicador da planilha (por exemplo, “C7”). Foi ignorado.",
      expect.stringContaining("O mapeamento da planilha “C7” não diz a coluna do indicador"),
      // The entry left out, the sheet is searched as any other, and holds no indicator table.
      expect.stringContaining("Nenhuma tabela de indicadores encontrada na planilha “C7”"),
    ]);
  });
});

describe("the exports of a folder together: each team's C1–C7, nota final and class per four-month period", () => {
  /** The fourteen exports of C1–C7 for May and June (CSV and one workbook), as one workbook of their sheets. */
  async function folderBook(): Promise<WorkbookData> {
    const sheets: SheetData[] = [];
    for (const f of await siapsFolderFiles()) {
      if (!/^C\d/.test(f.name)) continue;
      const name = f.name.replace(/\.\w+$/, "");
      const book = f.name.endsWith(".csv")
        ? csvBook(f.bytes, name)
        : workbookOf(await readWorkbookBytes(f.bytes, f.name));
      sheets.push(...book.sheets.map((sh) => ({ ...sh, name })));
    }
    return { sheets };
  }

  let result: PipelineResult;
  beforeAll(async () => {
    result = runPipeline(await folderBook());
  });

  test("every export is a SIAPS table of C1–C7, and the co-financing is chosen for them", () => {
    expect(result.tables).toHaveLength(14);
    expect(result.tables.every((t) => t.layout === "siaps")).toBe(true);
    expect(result.presetChoice).toEqual({
      id: "cofinanciamento",
      reason:
        "as 14 tabelas encontradas são exportações do SIAPS do componente de qualidade do cofinanciamento da APS (C1, C2, C3, C4, C5, C6, C7)",
    });
    // May and June 2026 are both in the second four-month period (May–August).
    expect(result.evaluations.map((ev) => ev.period?.label)).toEqual(["2026-Q2"]);
  });

  test("each team: the mean of its months per indicator, its class, and the nota final", () => {
    const teams = result.evaluations[0].byTeam!;
    expect(teams.map((t) => [t.team, t.code, t.municipality])).toEqual([
      ["ESF CENTRO", "0000123456", "SÃO SEBASTIÃO"],
      ["ESF JARDIM", "0000654321", "SÃO SEBASTIÃO"],
    ]);
    const classes = (i: number) =>
      teams[i].evaluation.indicators.map((x) => [
        x.rows[0].input.code,
        Math.round((x.result ?? NaN) * 100) / 100,
        x.classification?.label,
      ]);
    // ESF CENTRO (./siaps): C1 (45 + 55) / 2 = 50 → Bom, not the pooled 31/60 = 51,67 (Ótimo); the official
    // note's worked example, 0,75 + 2 + 2 + 0,5 + 0,25 + 1 + 2 = 8,5 → Ótimo.
    expect(classes(0)).toEqual([
      ["C1", 50, "Bom"],
      ["C2", 85, "Ótimo"],
      ["C3", 77, "Ótimo"],
      ["C4", 35, "Suficiente"],
      ["C5", 15, "Regular"],
      ["C6", 78, "Ótimo"],
      ["C7", 95, "Ótimo"],
    ]);
    expect(teams[0].evaluation.overall.value).toBeCloseTo(8.5, 10);
    expect(teams[0].evaluation.band?.band.label).toBe("Ótimo");
    // ESF JARDIM: C1 (75 + 65) / 2 = 70 → Ótimo (≤ 70), not the pooled 43/60 = 71,67 (Regular); no C6 row.
    expect(classes(1)).toEqual([
      ["C1", 70, "Ótimo"],
      ["C2", 50, "Suficiente"],
      ["C3", 65, "Bom"],
      ["C4", 25, "Regular"],
      ["C5", 52, "Bom"],
      ["C7", 15, "Regular"],
    ]);
    // 1 + 1 + 1,5 + 0,25 + 0,75 + 0,5 = 5,0: the missing C6 adds nothing and the ten weights are never rescaled
    // (the official note), so 5,0 → Bom (≥ 5), the team flagged incompleta for C6.
    expect(teams[1].evaluation.overall.value).toBeCloseTo(5, 10);
    expect(teams[1].evaluation.band?.band.label).toBe("Bom");
  });

  test("the export's class that disagrees with ours is a problem naming the team, the month, the indicator and both classes", () => {
    // June's C2 export gives ESF CENTRO's 18/20 = 90 "Bom"; on the C2–C7 table 90 is Ótimo (> 75 e ≤ 100).
    // Every other class the exports write is the class of that month's own result.
    const mismatch = {
      code: "exportMismatch",
      sheet: "C2_JUN-26",
      cell: "O11",
      indicator: "Cuidado no desenvolvimento infantil",
      message:
        "Equipe ESF CENTRO (INE 0000123456), jun/2026, C2: a exportação classifica como “Bom”, mas pelas regras do cofinanciamento o resultado 90 é “Ótimo”.",
    };
    const ev = result.evaluations[0];
    expect(ev.problems).toEqual([mismatch]);
    expect(ev.byTeam![0].evaluation.problems).toEqual([mismatch]);
    expect(ev.byTeam![1].evaluation.problems).toEqual([]);
    expect(result.problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties

const digits = (n: number) =>
  fc.array(fc.constantFrom(..."0123456789"), { minLength: n, maxLength: n }).map((d) => d.join(""));
// Team names as the exports write them: words of capitals, one space apart (cells are read as one line).
const letters = fc
  .array(fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZÇÃÉ"), { minLength: 1, maxLength: 8 })
  .map((w) => w.join(""));
const word = fc.array(letters, { minLength: 1, maxLength: 3 }).map((w) => `ESF ${w.join(" ")}`);
const teamArb: fc.Arbitrary<SiapsTeam> = fc.record({
  cnes: digits(7),
  establishment: fc.constant("UBS X"),
  ine: digits(10),
  name: word,
  acronym: fc.constant("eSF"),
});
const cellArb = fc.oneof(fc.constantFrom("0", "S", "N", "-", "Bom", "eSF", "12"), digits(3));
const rowArb = fc.record({
  team: teamArb,
  figure: fc.record({
    numerator: fc.nat(50),
    denominator: fc.integer({ min: 1, max: 50 }),
    label: fc.constantFrom("Ótimo", "Bom", "Suficiente", "Regular"),
  }),
  odd: fc.oneof(
    fc.constant({}),
    fc.record({ middle: fc.array(fc.constantFrom("ANEXO", "II", "SALA 2"), { minLength: 1, maxLength: 2 }) }),
    fc.record({ trailing: fc.array(cellArb, { minLength: 1, maxLength: 3 }) }),
  ),
});

describe("properties", () => {
  test("every row is read back whatever cells it carries more, left of the team or after the class", () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...MONTHS),
        fc.constantFrom("latin1" as const, "utf-8" as const),
        (rows, month, encoding) => {
          const file: SiapsFile = {
            indicator: "Cuidado da pessoa idosa",
            month,
            rows: rows.map((r) => ({ team: r.team, figure: r.figure, ...r.odd })),
          };
          const table = onlyTable(csvBook(siapsCsv(file, encoding), "C6"));
          const expected = rows.map((r) => [
            r.team.name,
            r.team.ine,
            ((r.figure.numerator / r.figure.denominator) * 100).toFixed(2).replace(".", ","),
            String(r.figure.numerator),
            r.figure.label,
          ]);
          const labels = new Map(table.siaps!.classes.map((c) => [c.sheetRow, c.label]));
          expect(
            table.rows.map((r) => [r.unit, r.unitCode, r.result?.value, r.numerator?.value, labels.get(r.sheetRow!)]),
          ).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  test("never throws on a sheet with SIAPS title lines and anything under them", () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.double({ noNaN: false }),
      fc.constant(null),
      fc.boolean(),
      fc.constantFrom("INE", "NOME DA EQUIPE", "Resultado (%)", "Classificação", "JUN/26", "0000123456"),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 18 }), { maxLength: 20 }), fc.boolean(), (grid, indicator) => {
        const { titles } = siapsCells(teamsFile("C2", "JUN/26"));
        const sh: SheetData = sheet("S", [
          ...titles.filter((t) => indicator || !t.startsWith("Indicador")).map((t) => [t]),
          [],
          ...grid,
        ]);
        const reading = readSiapsSheet(sh);
        expect(reading).toBeDefined();
        for (const row of reading!.table?.rows ?? []) expect(row.period?.label).toMatch(/^\d{4}-\d{2}$/);
        detectTables(workbook(sh));
      }),
      { numRuns: 200 },
    );
  });

  test("the CSV text round-trips the title lines: the tabs padding cells are padding only", () => {
    const text = siapsText(teamsFile("C2", "MAI/26"));
    expect(text).toContain('"\t0000123456\t"');
    const sh = readCsv(Buffer.from(text, "utf8"), "C2").sheet;
    expect(sh.rows[10].map((c) => c.value).slice(8, 11)).toEqual([CENTRO.ine, CENTRO.name, "eSF"]);
    expect(sh.rows[11].map((c) => c.value).slice(8, 11)).toEqual([JARDIM.ine, JARDIM.name, "eSF"]);
  });
});
