/**
 * The proposal of an additive term (Cajamar decree of 2011, art. 11 V: *proposta de celebração de Termo
 * Aditivo*), a draft the commission may issue at any time, after consulting the municipal health department,
 * when it finds conditions that may affect the contract's execution: the performance indicators to revise or
 * renegotiate, each with the evidence of the periods evaluated, and the new target's wording left blank for
 * the commission to fill; addressed to the head of the executive, who negotiates and formalises new indicators
 * with the contractor (art. 12). Laid out as the communiqués are (./communique, ./docx).
 *
 * Which indicators (./series `revisionSuggestions` with `withoutData`, over every period given, at least two):
 * met in every period by a wide margin (raw attainment ≥ 120%); never met (B in every period); without an
 * evaluable result in more than half of the periods. Pure.
 */
import type { ContractEvaluation, IndicatorEvaluation } from "../../../core/evaluate";
import { conceptText } from "../../../core/conceptText";
import { documentStrings, reportStrings } from "../../messages";
import { describeTarget } from "../summary";
import { indicatorLabel, percentText, resultText } from "../../view";
import type { Block, CommuniqueText, Section } from "./communique";
import { termHeader, termOf } from "./communique";
import { indicatorSeries, MIN_PERIODS_FOR_REVISION, revisionSuggestions, type RevisionSuggestion } from "./series";

export interface AdditiveTerm extends CommuniqueText {
  /** The indicators proposed, in the table's order. */
  candidates: (RevisionSuggestion & { target: string; evidence: string })[];
  /** Labels of the periods considered. */
  periods: string[];
}

export interface AdditiveTermOptions {
  source: string;
  members?: string[];
}

/** The reason and its figures as the table's "Motivo e evidência" cell. */
function evidenceText(r: RevisionSuggestion, unitPlural: string): string {
  // One decimal always, as the evidence per period writes them (130,0%, not 130%).
  const pct = percentText;
  if (r.reason === "wideMargin")
    return documentStrings.reasons.wideMargin(r.periods.length, unitPlural, pct(r.min), pct(r.max));
  if (r.reason === "neverMet")
    return documentStrings.reasons.neverMet(r.periods.length, unitPlural, pct(r.min), pct(r.max));
  return documentStrings.reasons.mostlyNoData(
    r.withoutData?.length ?? 0,
    r.periods.length,
    unitPlural,
    (r.withoutData ?? []).join(", "),
  );
}

/** One period of an indicator as evidence: `2025-T1: 400 (133,3%, A)` — the raw attainment, as the wide margin is judged. */
function periodEvidence(label: string, i: IndicatorEvaluation | undefined): string {
  if (!i || i.status !== "evaluated" || i.result === undefined) return documentStrings.evidenceNoData(label);
  const concept = i.classification
    ? i.classification.label
    : conceptText({ status: i.status, kind: i.kind, concept: i.concept, decision: i.decision });
  return documentStrings.evidencePeriod(
    label,
    resultText(i),
    i.attainment ? percentText(i.attainment.raw) : "",
    concept,
  );
}

/** The proposal over `evaluations` (any order; those without a period are left out). */
export function buildAdditiveTerm(evaluations: ContractEvaluation[], options: AdditiveTermOptions): AdditiveTerm {
  const term = termOf(evaluations);
  const { evs, unit, unitPlural } = term;
  const n = evs.length;
  const labels = evs.map((ev) => ev.period!.label);
  const series = new Map(indicatorSeries(evs).map((row) => [row.key, row]));
  const lastTarget = (key: string) => {
    const targets = (series.get(key)?.byPeriod ?? [])
      .map((i) => (i?.target ? describeTarget(i.target) : ""))
      .filter(Boolean);
    return targets[targets.length - 1] ?? "";
  };
  const candidates = revisionSuggestions(evs, { withoutData: true }).map((r) => ({
    ...r,
    target: lastTarget(r.key),
    evidence: evidenceText(r, unitPlural),
  }));

  const header = termHeader(term, options.source, false);
  const intro = [
    documentStrings.addressee,
    documentStrings.additiveIntro(n, n === 1 ? unit : unitPlural, labels.join(", ")),
  ];

  const candidateBlocks: Block[] = [];
  if (n < MIN_PERIODS_FOR_REVISION) candidateBlocks.push({ kind: "paragraph", text: documentStrings.tooEarly(unit) });
  else if (candidates.length === 0)
    candidateBlocks.push({ kind: "paragraph", text: documentStrings.noCandidates(n, unitPlural) });
  else {
    candidateBlocks.push(
      { kind: "paragraph", text: documentStrings.candidatesIntro(candidates.length) },
      {
        kind: "table",
        headers: documentStrings.candidateHeaders,
        spans: [1, 1, 1, 3],
        rows: candidates.map((c) => [
          { text: c.code ?? "" },
          { text: c.indicator },
          { text: c.target },
          { text: c.evidence },
        ]),
      },
    );
  }
  const sections: Section[] = [{ heading: documentStrings.candidatesHeading, blocks: candidateBlocks }];
  if (candidates.length > 0) {
    const evidence = candidates.map((c) =>
      documentStrings.evidenceItem(
        indicatorLabel(c),
        (series.get(c.key)?.byPeriod ?? []).map((i, p) => periodEvidence(labels[p], i)).join("; "),
      ),
    );
    sections.push(
      { heading: documentStrings.evidenceHeading, blocks: [{ kind: "list", items: evidence }] },
      {
        heading: documentStrings.wordingHeading,
        blocks: [
          { kind: "paragraph", text: documentStrings.wordingIntro },
          {
            kind: "table",
            headers: documentStrings.wordingHeaders,
            spans: [1, 1, 1, 3],
            rows: candidates.map((c) => [
              { text: c.code ?? "" },
              { text: c.indicator },
              { text: c.target },
              { text: documentStrings.blankLine },
            ]),
          },
        ],
      },
    );
  }
  sections.push({
    heading: documentStrings.consultationHeading(sections.length + 1),
    blocks: documentStrings.consultation.map((text): Block => ({ kind: "paragraph", text })),
  });

  return {
    sheetName: documentStrings.additiveSheet,
    title: documentStrings.additiveTitle,
    header,
    draftNote: reportStrings.draftNote,
    intro,
    sections,
    closing: documentStrings.additiveClosing,
    placeDate: reportStrings.placeDate,
    signatures: options.members ?? reportStrings.members,
    candidates,
    periods: labels,
  };
}
