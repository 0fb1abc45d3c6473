/**
 * The quarterly synthetic communiqué (src/workbook/plan/reports/communique.ts) of the fixture's quarters
 * (fixture.ts has the table and the hand-worked figures): which indicators missed the target, with their
 * results and targets; the commission's decisions; the band and its recommendation; the suggested actions;
 * the indicators to revise; and its two renderings, the printable sheet and Markdown.
 */
import { decreto } from "../../../../src/core/presets";
import { fromA1Range } from "../../../../src/workbook/a1";
import type { PlanCell, SummarySheetPlan } from "../../../../src/workbook/plan/types";
import { runPipeline } from "../../../../src/workbook/pipeline";
import {
  buildCommunique,
  communiqueMarkdown,
  communiqueSheet,
  type Communique,
} from "../../../../src/workbook/plan/reports/communique";
import { linesFor } from "../../../../src/workbook/plan/reports/layout";
import { reportStrings } from "../../../../src/workbook/messages";
import { contractWorkbook } from "./fixture";

const evs = runPipeline(contractWorkbook()).evaluations;
const [t1, t2, t3, t4] = evs;
const doc = (i: number, others = evs): Communique =>
  buildCommunique(evs[i], { source: "Contrato de Gestão nº 001/2025", others });

describe("the 4th quarter: the year's final communiqué", () => {
  const c = doc(3);

  test("says it is the last of the year and points to the annual report", () => {
    expect(t4.period?.label).toBe("2025-T4");
    expect(c.finalOfYear).toBe(true);
    expect(c.title).toBe("Comunicado Trimestral Sintético");
    expect(c.header).toContain("Último comunicado do exercício de 2025");
    expect(c.intro[1]).toMatch(/último trimestre do exercício de 2025.*planilha “Avaliação anual 2025”/);
    expect(c.sheetName).toBe("Comunicado 2025-T4");
  });

  test("names the performance indicators not met, with result, target and attainment", () => {
    // T4: I3 71% vs ≥ 95% → 0,71/0,95 = 74,74%; I4 14% vs ≤ 10% → 0,10/0,14 = 71,43%; I7 48% vs ≥ 50% → 96%.
    // I6 (monitoring) is A in T4 anyway; I1, I2, I5 are A.
    expect(c.notMet.map((n) => [n.code, n.target, n.resultText, n.concept])).toEqual([
      ["I3", "≥ 95%", "71,0%", "B"],
      ["I4", "≤ 10%", "14,0%", "B"],
      ["I7", "≥ 50%", "48,0%", "B"],
    ]);
    expect(c.notMet[0].result).toBeCloseTo(0.71, 12);
    expect(c.notMet[0].attainment).toBeCloseTo(0.71 / 0.95, 12);
    expect(c.notMet[1].attainment).toBeCloseTo(0.1 / 0.14, 12);
    expect(c.notMet[2].attainment).toBeCloseTo(0.96, 12);
  });

  test("records the commission's decision on each justification", () => {
    expect(
      c.justifications.map((j) => [j.name.split(" ")[0], j.justification ?? null, j.decision, j.decisionText]),
    ).toEqual([
      ["I3", "Desabastecimento de vacinas pelo Estado", "rejected", "Não acatada."],
      ["I4", null, "none", "—"],
      ["I7", null, "none", "—"],
    ]);
  });

  test("gives the overall result, the band and its recommendation", () => {
    // 3 of 6 performance indicators met (I1, I2, I5), no credit for the others → 50% → band 5.
    expect(c.overall).toEqual({ value: 50, text: "50,0%" });
    expect(c.band?.number).toBe(5);
    const result = c.sections[0].blocks.map((b) => (b.kind === "paragraph" ? b.text : ""));
    expect(result).toContain(
      "No 4º trimestre de 2025, 3 indicadores de desempenho, de 6 com resultado informado, atingiram a meta pactuada (conceito A = Suficiente).",
    );
    expect(result).toContain(reportStrings.overallShare("50,0%"));
    expect(result).toContain(
      "O resultado enquadra-se na Faixa 5 — 50% a 59,9%, à qual corresponde a seguinte recomendação:",
    );
    expect(result).toContain("“Recomendação pela abertura de Procedimento de sanção por descumprimento contratual.”");
  });

  test("suggests an action plan for each B not accepted, and telling the contractor of the band", () => {
    expect(c.actions).toHaveLength(4);
    expect(c.actions[0]).toMatch(/^I3 Cobertura vacinal.*plano de ação.*\(≥ 95%; resultado no período: 71,0%\)/);
    expect(c.actions[1]).toMatch(/^I4 .*\(≤ 10%; resultado no período: 14,0%\)/);
    expect(c.actions[2]).toMatch(/^I7 .*\(≥ 50%; resultado no período: 48,0%\)/);
    expect(c.actions[3]).toBe(reportStrings.actionBand);
  });

  test("proposes revising I1 (met by a wide margin every quarter) and I3 (never met), from T1–T4", () => {
    expect(c.history).toEqual(["2025-T1", "2025-T2", "2025-T3", "2025-T4"]);
    expect(c.revisions.map((r) => [r.code, r.reason])).toEqual([
      ["I1", "wideMargin"],
      ["I3", "neverMet"],
    ]);
    const list = c.sections[4].blocks.find((b) => b.kind === "list");
    expect(list?.kind === "list" && list.items[0]).toMatch(
      /^I1 Consultas médicas por mês: meta superada com ampla margem em todos os trimestres \(atingimento de 130% a 150%\)/,
    );
    expect(list?.kind === "list" && list.items[1]).toMatch(
      /^I3 .*não atingida em nenhum dos trimestres \(atingimento de 71,6% a 75,8%\)/,
    );
  });

  test("ends with the place/date line and a signature block per member", () => {
    expect(c.placeDate).toBe("________, ___ de __________ de ____");
    expect(c.signatures).toHaveLength(4);
    expect(c.signatures[0]).toMatch(/^Presidente da Comissão de Avaliação/);
  });
});

describe("earlier quarters", () => {
  test("T1: I2 justified in total still listed, with the decision; no revision from one quarter", () => {
    const c = doc(0);
    expect(c.finalOfYear).toBe(false);
    expect(c.header.join("\n")).not.toMatch(/Último/);
    // T1: I2 60% vs ≥ 80% → 75%, accepted in total → "B – justificado"; I3 70% vs ≥ 95%.
    expect(c.notMet.map((n) => [n.code, n.resultText, n.concept, n.decision ?? null])).toEqual([
      ["I2", "60,0%", "B – justificado", "total"],
      ["I3", "70,0%", "B", null],
    ]);
    expect(c.justifications[0]).toMatchObject({
      decision: "total",
      justification: "Falta de médico na UBS Centro durante o trimestre",
    });
    // 5 of 6 with I2 counted as met → 83,3% → band 2; no action for I2 (counted as met).
    expect(c.overall?.text).toBe("83,3%");
    expect(c.band?.number).toBe(2);
    expect(c.actions).toHaveLength(1);
    expect(c.actions[0]).toMatch(/^I3 /);
    expect(c.revisions).toEqual([]);
    expect(c.sections[4].blocks).toEqual([{ kind: "paragraph", text: reportStrings.revisionTooEarly("trimestre") }]);
    // I6, a monitoring indicator at 9% against "até 8%", is mentioned but not in the table.
    expect(c.notMet.map((n) => n.code)).not.toContain("I6");
    expect(JSON.stringify(c.sections[0])).toContain(
      reportStrings.monitoringBelow("I6 Proporção de baixo peso ao nascer"),
    );
  });

  test("T2: a partial acceptance and an indicator without data", () => {
    const c = doc(1);
    expect(t2.period?.label).toBe("2025-T2");
    expect(c.justifications[0]).toMatchObject({ decision: "partial", decisionText: reportStrings.decisions.partial });
    expect(c.actions[0]).toBe(reportStrings.actionPartial("I2 Proporção de gestantes com pré-natal em dia"));
    // I7 has no result in T2: listed as pending, with an action to send the data.
    expect(JSON.stringify(c.sections[0])).toContain(
      reportStrings.pendingList("I7 Hipertensos com pressão arterial aferida"),
    );
    expect(c.actions).toContain(reportStrings.actionMissingData("I7 Hipertensos com pressão arterial aferida"));
    expect(c.overall?.text).toBe("70,0%");
    expect(c.band?.number).toBe(3);
  });

  test("T3 looks at T1–T3 only (T4 is not known yet)", () => {
    const c = doc(2);
    expect(t3.period?.label).toBe("2025-T3");
    expect(c.history).toEqual(["2025-T1", "2025-T2", "2025-T3"]);
    // I1 raw 133,3%, 140%, 130% → wide margin 130%–140%; I3 never met.
    expect(c.revisions.map((r) => [r.code, r.reason, +r.min.toFixed(4), +r.max.toFixed(4)])).toEqual([
      ["I1", "wideMargin", 1.3, 1.4],
      ["I3", "neverMet", +(0.68 / 0.95).toFixed(4), +(0.72 / 0.95).toFixed(4)],
    ]);
  });

  test("a preset without bands says so; everything met says there is nothing to correct", () => {
    const [q] = runPipeline(contractWorkbook(["2025-T3"]), { preset: decreto }).evaluations;
    const c = buildCommunique(q, { source: "x" });
    expect(c.band).toBeUndefined();
    expect(JSON.stringify(c.sections[0])).toContain(reportStrings.noBands(decreto.name));
    const met = { ...t1, indicators: t1.indicators.filter((i) => i.concept === "A") };
    expect(buildCommunique(met, { source: "x" }).sections[3].blocks).toEqual([
      { kind: "paragraph", text: reportStrings.noActions },
    ]);
  });
});

describe("renderings", () => {
  const c = doc(3);
  const sheet: SummarySheetPlan = communiqueSheet(c);
  const texts = sheet.rows
    .flat()
    .map((x: PlanCell) => x.value)
    .filter((v): v is string => typeof v === "string");

  test("the sheet: A4 portrait, six columns, every paragraph merged across them, wrapped and as tall as its text", () => {
    expect(sheet.name).toBe("Comunicado 2025-T4");
    expect(sheet.print.orientation).toBe("portrait");
    expect(sheet.widths).toHaveLength(6);
    expect(sheet.chart).toBeUndefined();
    const total = sheet.widths.reduce((a, b) => a + b, 0);
    const heights = new Map((sheet.heights ?? []).map((h) => [h.row, h.height]));
    const merged = new Set(sheet.merges);
    sheet.rows.forEach((row, r) => {
      const first = row[0];
      if (
        row.length !== 6 ||
        typeof first?.value !== "string" ||
        !first.style?.wrap ||
        row.slice(1).some((x) => x.value !== null)
      )
        return;
      // A paragraph: A:F merged, and the row tall enough for its lines.
      expect(merged.has(`A${r + 1}:F${r + 1}`)).toBe(true);
      const lines = linesFor(first.value, total, first.style.bold);
      if (lines > 1) expect(heights.get(r + 1)).toBeGreaterThanOrEqual(lines * 15);
    });
    for (const m of sheet.merges) expect(fromA1Range(m)).toBeDefined();
    // The intro alone is over 300 characters: several lines.
    const intro = sheet.rows.findIndex((row) => row[0]?.value === c.intro[0]);
    expect(heights.get(intro + 1)).toBeGreaterThanOrEqual(45);
  });

  test("the sheet holds the tables, the place/date line and the signature lines", () => {
    const header = sheet.rows.findIndex(
      (row) => row.map((x) => x.value).join("|") === reportStrings.notMetHeaders.join("|"),
    );
    expect(header).toBeGreaterThan(0);
    const i3 = sheet.rows[header + 1];
    expect(i3.map((x) => x.value)).toEqual([
      "I3",
      "Cobertura vacinal de crianças menores de 1 ano",
      "≥ 95%",
      0.71,
      expect.closeTo(0.71 / 0.95, 12),
      "B",
    ]);
    expect(i3[3].numberFormat).toBe("0.0%");
    expect(i3[5].style?.fill).toBe("#FFC7CE"); // the owned column's colour of a B
    expect(texts).toContain(reportStrings.placeDate);
    // Each signature block in one cell (a row is never split across pages): the line, the name, the role.
    expect(texts.filter((t) => t.startsWith(`${reportStrings.signatureLine}\n`)).map((t) => t.split("\n"))).toEqual(
      reportStrings.members.map((role) => [
        reportStrings.signatureLine,
        `${reportStrings.signatureName} ${reportStrings.signatureLine}`,
        role,
      ]),
    );
    expect(texts).toContain("• " + c.actions[0]);
    expect(texts[0]).toBe(reportStrings.draftNote);
  });

  test("Markdown: title, tables, decisions, place/date and signatures", () => {
    const md = communiqueMarkdown(c);
    expect(md).toMatch(/^> Minuta gerada/);
    expect(md).toContain("# Comunicado Trimestral Sintético\n");
    expect(md).toContain("**Último comunicado do exercício de 2025**");
    expect(md).toContain("| Código | Indicador | Meta | Resultado | Atingimento | Conceito |");
    expect(md).toContain("| I3 | Cobertura vacinal de crianças menores de 1 ano | ≥ 95% | 71,0% | 74,7% | B |");
    expect(md).toContain("| I4 | Internações por condições sensíveis à atenção primária | ≤ 10% | 14,0% | 71,4% | B |");
    expect(md).toContain(
      "| I3 Cobertura vacinal de crianças menores de 1 ano | Desabastecimento de vacinas pelo Estado | Não acatada. |",
    );
    expect(md).toContain("> “Recomendação pela abertura de Procedimento de sanção por descumprimento contratual.”");
    expect(md).toContain("\n________, ___ de __________ de ____\n");
    expect(md.match(/^Assinatura: _+ {2}$/gm)).toHaveLength(4);
    // No line made only of underscores (Markdown would draw a horizontal rule).
    expect(md.split("\n").some((l) => /^\s*_{3,}\s*$/.test(l))).toBe(false);
    expect(md.endsWith("(representante da contratada)\n")).toBe(true);
  });

  test("Markdown escapes a pipe in a justification, so the table keeps its columns", () => {
    const odd = { ...c, sections: c.sections.map((sec) => ({ ...sec })) };
    odd.sections[2] = {
      heading: "x",
      blocks: [
        {
          kind: "table",
          headers: ["a", "b"],
          spans: [3, 3],
          rows: [[{ text: "x | y" }, { text: "linha 1\nlinha 2" }]],
        },
      ],
    };
    expect(communiqueMarkdown(odd)).toContain("| x \\| y | linha 1<br>linha 2 |");
  });
});
