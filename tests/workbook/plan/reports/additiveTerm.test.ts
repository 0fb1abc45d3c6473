/**
 * The proposal of an additive term (src/workbook/plan/reports/additiveTerm.ts) over the fixture's four quarters
 * (fixture.ts has the table), with I5's results erased in three quarters so that every reason shows: which
 * indicators it proposes and why, worked out by hand; the evidence per quarter; the blank new target; and
 * the sheet it makes on request.
 */
import { runPipeline } from "../../../../src/workbook/pipeline";
import { buildAdditiveTerm } from "../../../../src/workbook/plan/reports/additiveTerm";
import { communiqueMarkdown, communiqueSheet } from "../../../../src/workbook/plan/reports/communique";
import { isReportSheet } from "../../../../src/workbook/reportSheets";
import { reportSheets } from "../../../../src/workbook/plan/reports";
import { revisionSuggestions } from "../../../../src/workbook/plan/reports/series";
import { documentStrings, reportStrings } from "../../../../src/workbook/messages";
import { sheet, workbook } from "../../fixtures";
import { contractRows, contractWorkbook } from "./fixture";

const SOURCE = "Contrato de Gestão nº 001/2025";
// I5 (Visitas domiciliares, ≥ 10) with results only in T4.
const rows = contractRows().map((r) =>
  r[0] === "I5" && r[3] !== "2025-T4" ? [...r.slice(0, 5), null, null, null] : r,
);
const evs = runPipeline(workbook(sheet("Indicadores", rows))).evaluations;
const doc = buildAdditiveTerm(evs, { source: SOURCE });

test("the indicators to revise: I1 by a wide margin, I3 never met, I5 without data in 3 of 4 quarters", () => {
  // I1 (≥ 300): 400/300 = 133,3%, 420/300 = 140%, 390/300 = 130%, 450/300 = 150%: A and ≥ 120% every quarter.
  // I3 (≥ 95%): 70, 72, 68, 71 → B every quarter; scored 68/95 = 71,58% to 72/95 = 75,79%.
  // I5: no result in T1, T2, T3 → 3 of 4 > half. I7 lacks T2 only (1 of 4): not proposed; and, lacking a
  // quarter, it is neither "never met" nor "wide margin" (those need a result every quarter).
  // I2 (A in T3, T4), I4 (A in T1, T2): mixed, not proposed. I6 is monitoring.
  expect(doc.candidates.map((c) => [c.code, c.reason])).toEqual([
    ["I1", "wideMargin"],
    ["I3", "neverMet"],
    ["I5", "mostlyNoData"],
  ]);
  const [i1, i3, i5] = doc.candidates;
  expect([i1.min, i1.max]).toEqual([expect.closeTo(1.3, 9), expect.closeTo(1.5, 9)]);
  expect([i3.min, i3.max]).toEqual([expect.closeTo(68 / 95, 9), expect.closeTo(72 / 95, 9)]);
  expect(i5.withoutData).toEqual(["2025-T1", "2025-T2", "2025-T3"]);
  // I5's only quarter: 10,5 ≥ 10 → 100% scored.
  expect([i5.min, i5.max]).toEqual([1, 1]);
  expect(doc.candidates.map((c) => c.target)).toEqual(["≥ 300", "≥ 95%", "≥ 10"]);
  expect(doc.periods).toEqual(["2025-T1", "2025-T2", "2025-T3", "2025-T4"]);
});

test("the quarterly communiqué's proposals stay as they were (no 'without data' reason there)", () => {
  expect(revisionSuggestions(evs).map((r) => r.code)).toEqual(["I1", "I3"]);
  // Two quarters of 4 without data is not most of them: 2 × 2 = 4, not more than 4.
  const half = runPipeline(
    workbook(
      sheet(
        "Indicadores",
        contractRows().map((r) =>
          r[0] === "I5" && (r[3] === "2025-T1" || r[3] === "2025-T2") ? [...r.slice(0, 5), null, null, null] : r,
        ),
      ),
    ),
  ).evaluations;
  expect(revisionSuggestions(half, { withoutData: true }).map((r) => r.code)).toEqual(["I1", "I3"]);
});

test("the text: evidence per quarter, the new target left blank, addressed to the head of the executive", () => {
  const md = communiqueMarkdown(doc);
  expect(md).toContain("# Proposta de Termo Aditivo ao Contrato de Gestão");
  expect(md).toContain(documentStrings.addressee);
  expect(md).toContain(
    "| I1 | Consultas médicas por mês | ≥ 300 | Meta superada com ampla margem (20% ou mais) em todos os 4 trimestres: atingimento de 130,0% a 150,0%. A meta pode estar subdimensionada. |",
  );
  expect(md).toContain("Sem resultado avaliável em 3 dos 4 trimestres (2025-T1, 2025-T2, 2025-T3).");
  // The raw attainment per quarter, as the wide margin is judged: 400/300 = 133,3%.
  expect(md).toContain(
    "- I1 Consultas médicas por mês — 2025-T1: 400 (133,3%, A); 2025-T2: 420 (140,0%, A); 2025-T3: 390 (130,0%, A); 2025-T4: 450 (150,0%, A).",
  );
  expect(md).toContain(
    "- I5 Visitas domiciliares por ACS — 2025-T1: sem dado; 2025-T2: sem dado; 2025-T3: sem dado; 2025-T4: 10,5 (105,0%, A).",
  );
  expect(md).toContain("## 3. Nova redação proposta");
  expect(md).toContain("## 4. Consulta prévia à Diretoria Municipal de Saúde");
  expect(doc.closing).toBe(documentStrings.additiveClosing);
  expect(doc.signatures).toEqual(reportStrings.members);
});

test("nothing to propose, and a single quarter: said so", () => {
  const one = buildAdditiveTerm(evs.slice(0, 1), { source: SOURCE });
  expect(one.candidates).toEqual([]);
  expect(communiqueMarkdown(one)).toContain(documentStrings.tooEarly("trimestre"));
  expect(one.sections.map((x) => x.heading)).toEqual([
    documentStrings.candidatesHeading,
    documentStrings.consultationHeading(2),
  ]);
  // T3 and T4 of the original table: I1 wide margin (130%, 150%); I3 never met; I4 (≤ 10%: 12%, 14%) never
  // met over these two; I7 A then B: mixed; nothing without data.
  const two = buildAdditiveTerm(runPipeline(contractWorkbook(["2025-T3", "2025-T4"])).evaluations, { source: SOURCE });
  expect(two.candidates.map((c) => [c.code, c.reason])).toEqual([
    ["I1", "wideMargin"],
    ["I3", "neverMet"],
    ["I4", "neverMet"],
  ]);
});

test("as a sheet on request: recognised as a report when evaluated again", () => {
  const plan = communiqueSheet(doc);
  expect(plan.name).toBe("Proposta de Termo Aditivo");
  expect(isReportSheet({ name: plan.name, rows: plan.rows })).toBe(true);
  expect(isReportSheet({ name: plan.name, rows: [[{ value: "Indicador" }]] })).toBe(false);
  const result = runPipeline(contractWorkbook());
  expect(reportSheets(result, SOURCE).map((p) => p.name)).not.toContain("Proposta de Termo Aditivo");
  expect(
    reportSheets(result, SOURCE, { additiveTerm: true })
      .map((p) => p.name)
      .pop(),
  ).toBe("Proposta de Termo Aditivo");
});

test("the header names the periods considered (the proposal comes at any time, not only at the end of the term)", () => {
  expect(doc.header[0]).toBe("Períodos avaliados: 1º trimestre de 2025 a 4º trimestre de 2025 (4 trimestres)");
});
