/**
 * The synthetic communiqué of one period (Cajamar decree of 2011, art. 11 II: *Comunicado Trimestral Sintético*): a short
 * text in the evaluation commission's formal register, meant to be edited and signed — the overall result
 * and its band, the performance indicators that missed their target (result and target), the
 * justifications received and the commission's decision on each, suggested corrective actions, the
 * indicators to revise or renegotiate, the place/date line and the members' signature lines. For the last
 * period of a year it says it is the year's final one (art. 11 §2).
 *
 * `buildCommunique` makes a document model (plain data); `communiqueSheet` lays it out as a summary sheet
 * for printing (A4 portrait, one text column) that both hosts write; `communiqueParts` lists it as a text
 * document, which `communiqueMarkdown` renders as Markdown for the command and ./docx as a Word document.
 * Pure.
 *
 * Which indicators: only performance indicators (*desempenho*) are evaluated (Cajamar decree of 2011, art. 2 §1); a
 * monitoring indicator below its target is only mentioned. "Not met" is concept B, justified or not: a B
 * whose justification was accepted still appears, with the commission's decision. Revision proposals look
 * at the periods of the same year up to and including this one (./series: `historyFor`,
 * `revisionSuggestions`): later periods are not known when the communiqué is written.
 */
import type { ContractEvaluation, IndicatorEvaluation } from "../../../core/evaluate";
import { conceptText } from "../../../core/conceptText";
import { formatPercent, methodText } from "../../../core/messages";
import { documentStrings, nationalStrings, reportStrings, viewStrings } from "../../messages";
import { formatPeriodPtBR } from "../../../core/periods";
import type { Band, JustificationDecision, Period } from "../../../core/types";
import { hasDecisions, missingNames, overallFigure } from "../../overallFigure";
import { describeTarget, sheetName } from "../summary";
import {
  bandText,
  conceptReason,
  figureText,
  indicatorLabel,
  missedTargets,
  incompleteText,
  missingText,
  percentText,
  resultText as viewResultText,
  ruleText,
} from "../../view";
import type { CellStyle, SummarySheetPlan } from "../types";
import { sheetPageBreaks } from "../print";
import {
  BODY,
  cell,
  conceptStyle,
  HEADER,
  HEADING,
  NUMBER,
  PERCENT,
  SheetLayout,
  TEXT,
  TITLE,
  TITLE_LINE_HEIGHT,
  type Span,
} from "./layout";
import { byPeriod, endsYear, historyFor, revisionSuggestions, yearOf, type RevisionSuggestion } from "./series";

// ---------------------------------------------------------------------------------------------------------
// The document model

/** A table cell: its text (Markdown) and, for the sheet, a number with its format. */
export interface TableCell {
  text: string;
  value?: number;
  numberFormat?: string;
  /** The cell is a concept (coloured like the owned concept column on the sheet). */
  concept?: boolean;
}

export type Block =
  | { kind: "paragraph"; text: string; style?: "quote" | "warning" }
  | { kind: "list"; items: string[] }
  /** `spans`: how many of the printed sheet's columns each column takes (they add up to the sheet's). */
  | { kind: "table"; headers: string[]; rows: TableCell[][]; spans: number[] };

export interface Section {
  heading: string;
  blocks: Block[];
}

/** A performance indicator that missed its target in the period. */
export interface NotMetIndicator {
  key: string;
  code?: string;
  indicator: string;
  /** The target as the contract writes it (`≥ 95%`). */
  target: string;
  result?: number;
  /** The result as text, pt-BR (`71%`, `1.234,5`). */
  resultText: string;
  /** Scored attainment, 0–1. */
  attainment?: number;
  /** `B`, `B – justificado`, `B – justificado parcialmente`. */
  concept: string;
  decision?: JustificationDecision;
  justification?: string;
}

/** The commission's decision on one not-met indicator's justification. */
export interface JustificationItem {
  key: string;
  /** `I3 Cobertura vacinal…`. */
  name: string;
  justification?: string;
  decision: JustificationDecision | "pending" | "none";
  /** The decision as the communiqué writes it. */
  decisionText: string;
}

export interface Communique {
  period?: Period;
  /** The sheet's name: `Comunicado 2025-T1`. */
  sheetName: string;
  /** The period ends a year (the 4th quarter, the 3rd four-month period…): the year's final communiqué. */
  finalOfYear: boolean;
  title: string;
  /** Lines under the title: the period (and, for the last of a year, so), the commission, the source, the rules. */
  header: string[];
  draftNote: string;
  intro: string[];
  sections: Section[];
  closing: string;
  placeDate: string;
  /** Roles under the signature lines, one per member. */
  signatures: string[];
  // The facts the text is made of, for callers and tests.
  overall?: { value: number; text: string };
  band?: Band;
  notMet: NotMetIndicator[];
  justifications: JustificationItem[];
  actions: string[];
  revisions: RevisionSuggestion[];
  /** Labels of the periods the revision proposals looked at (the year up to this period). */
  history: string[];
}

/**
 * What the sheet, the Markdown and the Word document print of a communiqué: its text only. The final
 * communiqué and the proposal of an additive term (./finalCommunique, ./additiveTerm) are laid out the same
 * way, from their own texts.
 */
export type CommuniqueText = Pick<
  Communique,
  | "period"
  | "sheetName"
  | "title"
  | "header"
  | "draftNote"
  | "intro"
  | "sections"
  | "closing"
  | "placeDate"
  | "signatures"
>;

export interface CommuniqueOptions {
  /** What was evaluated: the contract's title when the workbook has one, else the file's name. */
  source: string;
  /**
   * The evaluations of the other periods (any order, this one may be among them): those of the same year
   * up to this period are the history for the revision proposals.
   */
  others?: ContractEvaluation[];
  /** The roles under the signature lines; default: the four members of Cajamar decree of 2011, art. 6. */
  members?: string[];
  /** The annual report's sheet name, cited by the year's final communiqué (default `Avaliação anual <ano>`). */
  annualSheet?: string;
}

/** Singular and plural of the unit of a period kind (`trimestre`, `trimestres`). */
export function unitsOf(period: Period | undefined): [string, string] {
  return reportStrings.units[period?.kind ?? "range"] ?? reportStrings.units.range;
}

/**
 * The periods a whole-term document covers (the final communiqué, the additive-term proposal): the evaluations
 * with a period, in order, the last one, and the words for their unit (`trimestre`/`trimestres`; `período` when
 * the kinds differ).
 */
export interface Term {
  evs: ContractEvaluation[];
  last: ContractEvaluation | undefined;
  unit: string;
  unitPlural: string;
}

export function termOf(evaluations: ContractEvaluation[]): Term {
  const evs = evaluations.filter((ev) => ev.period).sort(byPeriod);
  const kinds = new Set(evs.map((ev) => ev.period!.kind));
  const [unit, unitPlural] = kinds.size === 1 ? unitsOf(evs[0]?.period) : reportStrings.units.range;
  return { evs, last: evs[evs.length - 1], unit, unitPlural };
}

/**
 * The header lines of a whole-term document: the periods it covers (`wholeTerm`: the contract's term, *vigência*),
 * the commission, the source, the rules.
 */
export function termHeader({ evs, last, unit, unitPlural }: Term, source: string, wholeTerm: boolean): string[] {
  const n = evs.length;
  return [
    ...(n > 0 && last
      ? [
          documentStrings.periodsLine(
            formatPeriodPtBR(evs[0].period!),
            formatPeriodPtBR(last.period!),
            n,
            n === 1 ? unit : unitPlural,
            wholeTerm,
          ),
        ]
      : []),
    reportStrings.commission,
    reportStrings.source(source),
    ...(last ? [reportStrings.rules(last.preset.name, methodText(last))] : []),
  ];
}

/** The indicator's result as the view writes it; "" when it has none (a table cell left empty). */
function resultText(i: IndicatorEvaluation): string {
  return i.result === undefined ? "" : viewResultText(i);
}

function resultCell(i: IndicatorEvaluation): TableCell {
  if (i.result === undefined) return { text: "" };
  return { text: resultText(i), value: i.result, numberFormat: i.target?.scale === "percent" ? PERCENT : NUMBER };
}

/** Pending results named one by one in the communiqué; the summary sheet lists them all. */
const MAX_PENDING = 12;

function decisionOf(i: IndicatorEvaluation): JustificationItem["decision"] {
  if (i.decision) return i.decision;
  return i.justification ? "pending" : "none";
}

/** The document model of one period's communiqué (see the module comment). */
export function buildCommunique(
  ev: ContractEvaluation & { byMunicipality?: readonly unknown[] },
  options: CommuniqueOptions,
): Communique {
  const period = ev.period;
  const [unit, unitPlural] = unitsOf(period);
  const periodText = period ? formatPeriodPtBR(period) : reportStrings.allRows;
  const phrase = period ? reportStrings.periodPhrase(period.kind, periodText) : reportStrings.allRows;
  const finalOfYear = endsYear(period);
  const year = yearOf(period);
  const quarterly = period?.kind === "quarter";
  const dates = period && period.kind !== "range" ? `${brDate(period.start)} a ${brDate(period.end)}` : undefined;

  const header = [
    reportStrings.communiquePeriod(
      period
        ? `${periodText}${period.kind !== "range" && period.label !== periodText ? ` (${period.label})` : ""}`
        : reportStrings.allRows,
    ),
    ...(finalOfYear && year !== undefined ? [reportStrings.finalOfYearMark(year)] : []),
    reportStrings.commission,
    reportStrings.source(options.source),
    reportStrings.rules(
      ev.preset.name,
      ev.method === "shareMet" ? reportStrings.methodShare : reportStrings.methodMean,
    ),
  ];
  const intro = [reportStrings.intro(periodText, dates, quarterly)];
  if (finalOfYear && year !== undefined) {
    intro.push(
      reportStrings.finalOfYear(
        unit,
        year,
        reportStrings.periodicPlural[period!.kind] ?? reportStrings.periodicPlural.range,
        options.annualSheet ?? sheetName(reportStrings.annualSheet(year)),
      ),
    );
  }

  const performance = ev.indicators.filter((i) => i.kind === "desempenho");
  const notMetEvals = missedTargets(ev);
  const pending = performance.filter((i) => i.status === "noData" || i.status === "needsBaseline");
  const invalid = performance.filter((i) => i.status === "invalid");
  const monitoringBelow = ev.indicators.filter(
    (i) => i.kind === "monitoramento" && i.status === "evaluated" && i.concept === "B",
  );

  // 1. Result.
  const result: Block[] = [];
  const o = ev.overall;
  const figure = overallFigure(ev);
  if (o.scored > 0) result.push({ kind: "paragraph", text: reportStrings.counts(phrase, o.met, o.withData, o.scored) });
  const value = figureText(ev);
  if (value === undefined) result.push({ kind: "paragraph", text: reportStrings.overallNotComputed, style: "warning" });
  else if (ev.preset.scale === 10)
    result.push({
      kind: "paragraph",
      text:
        figure.kind === "isf"
          ? nationalStrings.overallIsf(figure.name, value)
          : nationalStrings.overallFinalNote(figure.name, value),
    });
  else
    result.push({
      kind: "paragraph",
      text: ev.method === "shareMet" ? reportStrings.overallShare(value) : reportStrings.overallMean(value),
    });
  if (figure.pooled && ev.byMunicipality)
    result.push({ kind: "paragraph", text: nationalStrings.pooledNote(ev.byMunicipality.length) });
  if (figure.partial)
    result.push({
      kind: "paragraph",
      text: nationalStrings.partialNote(
        figure.partial.present,
        figure.partial.total,
        figure.missing.map((m) => m.code),
      ),
      style: "warning",
    });
  if (figure.kind === "finalNote" && figure.missing.length > 0)
    result.push({
      kind: "paragraph",
      text: nationalStrings.capitalized(nationalStrings.incompleteTeam(missingNames(figure))),
      style: "warning",
    });
  const incomplete = incompleteText(ev);
  if (incomplete)
    result.push({ kind: "paragraph", text: viewStrings.incompleteSentence(incomplete), style: "warning" });
  result.push({ kind: "paragraph", text: viewStrings.ruleSentence(ruleText(ev)) });
  if (ev.preset.commission === false && hasDecisions(ev))
    result.push({ kind: "paragraph", text: nationalStrings.justificationsNotScored(ev.preset.name) });
  if (ev.band) {
    if (ev.band.band.recommendation) {
      result.push({ kind: "paragraph", text: reportStrings.band(bandText(ev)!) });
      result.push({
        kind: "paragraph",
        text: reportStrings.recommendation(ev.band.band.recommendation),
        style: "quote",
      });
    } else result.push({ kind: "paragraph", text: reportStrings.bandOnly(bandText(ev)!) });
  } else if (!ev.preset.bands) result.push({ kind: "paragraph", text: reportStrings.noBands(ev.preset.name) });
  if (pending.length > 0)
    result.push({ kind: "paragraph", text: reportStrings.pendingList(pending.map(indicatorLabel).join("; ")) });
  // Every result the period still owes (blank cells, missing rows), so none is silently left out.
  const owed = (ev.completeness?.slots ?? []).filter((m) => m.scored);
  if (owed.length > 0) {
    const items = owed.slice(0, MAX_PENDING).map((m) => `${indicatorLabel(m)} — ${missingText(m)}`);
    if (owed.length > MAX_PENDING) items.push(viewStrings.morePendingSentence(owed.length - MAX_PENDING));
    result.push({ kind: "paragraph", text: viewStrings.pendingIntro(owed.length) }, { kind: "list", items });
  }
  if (invalid.length > 0)
    result.push({ kind: "paragraph", text: reportStrings.invalidList(invalid.map(indicatorLabel).join("; ")) });
  if (monitoringBelow.length > 0)
    result.push({
      kind: "paragraph",
      text: reportStrings.monitoringBelow(monitoringBelow.map(indicatorLabel).join("; ")),
    });

  // 2. Indicators not met.
  const notMet: NotMetIndicator[] = notMetEvals.map((i) => ({
    key: i.key,
    ...(i.code ? { code: i.code } : {}),
    indicator: i.indicator,
    target: describeTarget(i.target),
    ...(i.result !== undefined ? { result: i.result } : {}),
    resultText: resultText(i),
    ...(i.attainment ? { attainment: i.attainment.scored } : {}),
    concept: i.classification
      ? i.classification.label
      : conceptText({ status: i.status, kind: i.kind, concept: i.concept, decision: i.decision }),
    ...(i.decision ? { decision: i.decision } : {}),
    ...(i.justification ? { justification: i.justification } : {}),
  }));
  const notMetBlocks: Block[] =
    notMet.length === 0
      ? [{ kind: "paragraph", text: reportStrings.noneNotMet }]
      : [
          { kind: "paragraph", text: reportStrings.notMetIntro(notMet.length) },
          {
            kind: "table",
            headers: reportStrings.notMetHeaders,
            spans: [1, 1, 1, 1, 1, 1],
            rows: notMetEvals.map((i, n) => [
              { text: i.code ?? "" },
              { text: i.indicator },
              { text: notMet[n].target },
              resultCell(i),
              i.attainment
                ? { text: percentText(i.attainment.scored), value: i.attainment.scored, numberFormat: PERCENT }
                : { text: "" },
              { text: notMet[n].concept, concept: true },
            ]),
          },
        ];

  // What decides each B: no figure that meets its target stands beside a B unexplained.
  if (notMetEvals.length > 0) {
    notMetBlocks.push(
      { kind: "paragraph", text: viewStrings.reasonsIntro },
      { kind: "list", items: notMetEvals.map((i) => `${indicatorLabel(i)}: ${conceptReason(i) ?? ""}`) },
    );
  }

  // 3. Justifications.
  const justifications: JustificationItem[] = notMetEvals.map((i) => {
    const decision = decisionOf(i);
    return {
      key: i.key,
      name: indicatorLabel(i),
      ...(i.justification ? { justification: i.justification } : {}),
      decision,
      decisionText: reportStrings.decisions[decision],
    };
  });
  const justificationBlocks: Block[] =
    justifications.length === 0
      ? [{ kind: "paragraph", text: reportStrings.noJustifications }]
      : [
          { kind: "paragraph", text: reportStrings.justificationsIntro },
          {
            kind: "table",
            headers: reportStrings.justificationHeaders,
            spans: [2, 3, 1],
            rows: justifications.map((j) => [
              { text: j.name },
              { text: j.justification ?? reportStrings.noJustificationGiven },
              { text: j.decisionText },
            ]),
          },
        ];

  // 4. Corrective actions.
  const actions: string[] = [];
  notMetEvals.forEach((i, n) => {
    if (i.decision === "total") return; // counted as met: nothing to correct
    if (i.decision === "partial") actions.push(reportStrings.actionPartial(indicatorLabel(i)));
    else
      actions.push(reportStrings.actionPlan(indicatorLabel(i), notMet[n].target || "—", notMet[n].resultText || "—"));
  });
  if (pending.length > 0) actions.push(reportStrings.actionMissingData(pending.map(indicatorLabel).join("; ")));
  if (invalid.length > 0) actions.push(reportStrings.actionInvalidData);
  if (ev.band && (ev.band.band.number ?? 1) >= 3) actions.push(reportStrings.actionBand);
  const actionBlocks: Block[] =
    actions.length === 0
      ? [{ kind: "paragraph", text: reportStrings.noActions }]
      : [
          { kind: "paragraph", text: reportStrings.actionsIntro },
          { kind: "list", items: actions },
        ];

  // 5. Indicators to revise or renegotiate.
  const history = historyFor(ev, options.others ?? []);
  const revisions = revisionSuggestions(history);
  // The history's unit: the period kind when all its periods share one (trimestres), else "períodos".
  const historyPlural =
    new Set(history.map((h) => h.period?.kind)).size === 1 ? unitPlural : reportStrings.units.range[1];
  const pct = (v: number) => formatPercent(v, 1);
  const revisionBlocks: Block[] = [];
  if (history.length < 2) revisionBlocks.push({ kind: "paragraph", text: reportStrings.revisionTooEarly(unit) });
  else if (revisions.length === 0)
    revisionBlocks.push({ kind: "paragraph", text: reportStrings.noRevision(historyPlural) });
  else {
    revisionBlocks.push({
      kind: "paragraph",
      text: reportStrings.revisionIntro(
        history.length,
        historyPlural,
        history.map((h) => h.period?.label ?? "").join(", "),
      ),
    });
    revisionBlocks.push({ kind: "list", items: revisions.map((r) => revisionText(r, historyPlural, pct)) });
  }

  const sections: Section[] = [
    { heading: reportStrings.resultHeading, blocks: result },
    { heading: reportStrings.notMetHeading, blocks: notMetBlocks },
    { heading: reportStrings.justificationsHeading, blocks: justificationBlocks },
    { heading: reportStrings.actionsHeading, blocks: actionBlocks },
    { heading: reportStrings.revisionHeading, blocks: revisionBlocks },
  ];
  const adjective = reportStrings.periodicAdjective[period?.kind ?? "range"] ?? "";
  return {
    ...(period ? { period } : {}),
    sheetName: communiqueName(ev),
    finalOfYear,
    title: reportStrings.communiqueTitle(adjective),
    header,
    draftNote: reportStrings.draftNote,
    intro,
    sections,
    closing: reportStrings.closing,
    placeDate: reportStrings.placeDate,
    signatures: options.members ?? reportStrings.members,
    ...(value !== undefined && o.value !== undefined ? { overall: { value: o.value, text: value } } : {}),
    ...(ev.band ? { band: ev.band.band } : {}),
    notMet,
    justifications,
    actions,
    revisions,
    history: history.map((h) => h.period?.label ?? ""),
  };
}

/** One revision proposal as a sentence. */
export function revisionText(
  r: RevisionSuggestion,
  unitPlural: string,
  pct: (v: number) => string = (v) => formatPercent(v, 1),
): string {
  const name = r.code ? `${r.code} ${r.indicator}` : r.indicator;
  if (r.reason === "mostlyNoData")
    return `${name}: ${documentStrings.reasons.mostlyNoData(r.withoutData?.length ?? 0, r.periods.length, unitPlural, (r.withoutData ?? []).join(", "))}`;
  return r.reason === "wideMargin"
    ? reportStrings.wideMargin(name, unitPlural, pct(r.min), pct(r.max))
    : reportStrings.neverMet(name, unitPlural, pct(r.min), pct(r.max));
}

function brDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The communiqué sheet's name: `Comunicado 2025-T1`. */
export function communiqueName(ev: Pick<ContractEvaluation, "period">): string {
  return sheetName(reportStrings.communiqueSheet(ev.period?.label ?? "").trim());
}

// ---------------------------------------------------------------------------------------------------------
// As a sheet

/** Columns A–F: code, indicator, target, result, attainment, concept; paragraphs span them all (95 characters). */
const WIDTHS = [9, 35, 13, 12, 13, 13];
const QUOTE: CellStyle = { ...TEXT, italic: true, bold: true };
const WARNING_TEXT: CellStyle = { ...TEXT, bold: true, color: "#9C0006" };
const DRAFT: CellStyle = { ...TEXT, italic: true, color: "#595959" };
const SUBTITLE: CellStyle = { ...TEXT, bold: true, color: "#1F3864" };
const CENTER: CellStyle = { ...TEXT, align: "center" };

/**
 * The communiqué as a summary sheet laid out for printing: A4 portrait, one text column (A–F merged per
 * paragraph, wrapped, each row as tall as its text), the tables on the same six columns, the place/date line
 * and the signature lines. The print area is the used range (the host sets it from the plan).
 */
export function communiqueSheet(doc: CommuniqueText): SummarySheetPlan {
  const l = new SheetLayout(WIDTHS);
  const all = l.lastCol;
  l.text(doc.draftNote, DRAFT);
  l.text(doc.title, { ...TITLE, align: "center" }, TITLE_LINE_HEIGHT);
  for (const line of doc.header) l.text(line, { ...SUBTITLE, align: "center" });
  l.blank();
  for (const p of doc.intro) l.text(p, { ...TEXT, align: "left" });
  for (const section of doc.sections) {
    l.blank();
    l.text(section.heading, HEADING);
    for (const block of section.blocks) {
      if (block.kind === "paragraph")
        l.text(block.text, block.style === "quote" ? QUOTE : block.style === "warning" ? WARNING_TEXT : TEXT);
      else if (block.kind === "list") for (const item of block.items) l.text(`• ${item}`, TEXT);
      else {
        const spans = block.spans.length === block.headers.length ? block.spans : block.headers.map(() => 1);
        l.add(block.headers.map((h, j) => ({ cell: cell(h, HEADER), cols: spans[j] })));
        for (const row of block.rows) {
          l.add(
            row.map((c, j): Span => {
              const style: CellStyle = c.concept
                ? conceptStyle(c.text)
                : c.value !== undefined
                  ? { ...BODY, align: "right" }
                  : BODY;
              return {
                cell: cell(c.value ?? c.text, style, c.value !== undefined ? c.numberFormat : undefined),
                cols: spans[j],
              };
            }),
          );
        }
      }
    }
  }
  l.blank();
  l.text(doc.closing, TEXT);
  l.blank();
  l.text(doc.placeDate, { ...TEXT, align: "right" });
  for (const role of doc.signatures) {
    // Room to sign above; then the whole block (line, name, role) in one cell of one row: neither Excel nor
    // LibreOffice splits a row across pages, so a page break never separates a line from its role.
    l.blank(2);
    l.add([
      { cell: cell(null), cols: 1 },
      {
        cell: cell(
          `${reportStrings.signatureLine}\n${reportStrings.signatureName} ${reportStrings.signatureLine}\n${role}`,
          CENTER,
        ),
        cols: all - 2,
      },
    ]);
  }
  const plan: SummarySheetPlan = {
    name: doc.sheetName,
    rows: l.rows,
    merges: l.merges,
    widths: WIDTHS,
    heights: l.heights,
    print: { orientation: "portrait" },
  };
  const breaks = sheetPageBreaks(plan);
  if (breaks.length > 0) plan.pageBreaks = breaks;
  return plan;
}

// ---------------------------------------------------------------------------------------------------------
// As a text document: Markdown here, a Word document in ./docx

/**
 * One piece of the communiqué as a text document, in reading order: the content both text renderings
 * (Markdown, the Word document) are made of, so the two say the same thing in the same order.
 */
export type DocumentPart =
  | { kind: "draftNote"; text: string }
  | { kind: "title"; text: string }
  | { kind: "header"; lines: string[] }
  | { kind: "heading"; text: string }
  | Block
  | { kind: "placeDate"; text: string }
  /** One member's signature block: the lines to fill in (signature, name), then the member's role. */
  | { kind: "signature"; lines: string[]; role: string };

/** The communiqué as a text document: draft note, title, header, intro, sections, closing, place/date, signatures. */
export function communiqueParts(doc: CommuniqueText): DocumentPart[] {
  const lines = [
    `${reportStrings.signatureLabel} ${reportStrings.signatureLine}`,
    `${reportStrings.signatureName} ${reportStrings.signatureLine}`,
  ];
  return [
    { kind: "draftNote", text: doc.draftNote },
    { kind: "title", text: doc.title },
    { kind: "header", lines: doc.header },
    ...doc.intro.map((text): DocumentPart => ({ kind: "paragraph", text })),
    ...doc.sections.flatMap((section): DocumentPart[] => [
      { kind: "heading", text: section.heading },
      ...section.blocks,
    ]),
    { kind: "paragraph", text: doc.closing },
    { kind: "placeDate", text: doc.placeDate },
    ...doc.signatures.map((role): DocumentPart => ({ kind: "signature", lines, role })),
  ];
}

/** Escapes what Markdown would read as markup in running text (not the place/date and signature lines). */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, "\\$1");
}

function mdCell(text: string): string {
  return md(text).replace(/\r?\n/g, "<br>");
}

/** One part as Markdown lines, a blank line after each block. */
function markdownOf(part: DocumentPart): string[] {
  switch (part.kind) {
    case "draftNote":
      return [`> ${md(part.text)}`, ""];
    case "title":
      return [`# ${md(part.text)}`, ""];
    case "header":
      return [part.lines.map((h) => `**${md(h)}**`).join("  \n"), ""];
    case "heading":
      return [`## ${md(part.text)}`, ""];
    case "paragraph":
      return [
        part.style === "quote"
          ? `> ${md(part.text)}`
          : part.style === "warning"
            ? `**${md(part.text)}**`
            : md(part.text),
        "",
      ];
    case "list":
      return [...part.items.map((item) => `- ${md(item)}`), ""];
    case "table": {
      const numeric = part.rows[0]?.map((c) => c.value !== undefined) ?? [];
      return [
        `| ${part.headers.map(mdCell).join(" | ")} |`,
        `| ${part.headers.map((_, j) => (numeric[j] ? "---:" : "---")).join(" | ")} |`,
        ...part.rows.map((row) => `| ${row.map((c) => mdCell(c.text)).join(" | ")} |`),
        "",
      ];
    }
    case "placeDate":
      return [part.text, ""];
    case "signature":
      return ["", ...part.lines.map((line) => `${line}  `), md(part.role), ""];
  }
}

/**
 * The communiqué as Markdown: a title, the header lines, the sections (paragraphs, bulleted lists, pipe
 * tables), the closing, the place/date line and the signature blocks (each line ends with two spaces, a
 * line break). Lines of underscores are never alone on a line (that would be a horizontal rule).
 */
export function communiqueMarkdown(doc: CommuniqueText): string {
  const out = communiqueParts(doc).flatMap(markdownOf);
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
