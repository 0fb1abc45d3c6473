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
import { documentStrings as d, methodText, reportStrings as s } from "../../../core/messages";
import { formatPeriodPtBR } from "../../../core/periods";
import { describeTarget } from "../summary";
import { indicatorLabel, percentText, resultText } from "../../view";
import type { Block, CommuniqueText, Section } from "./communique";
import { unitsOf } from "./communique";
import { byPeriod, indicatorSeries, MIN_PERIODS_FOR_REVISION, revisionSuggestions, type RevisionSuggestion } from "./series";

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
  if (r.reason === "wideMargin") return d.reasons.wideMargin(r.periods.length, unitPlural, pct(r.min), pct(r.max));
  if (r.reason === "neverMet") return d.reasons.neverMet(r.periods.length, unitPlural, pct(r.min), pct(r.max));
  return d.reasons.mostlyNoData(r.withoutData?.length ?? 0, r.periods.length, unitPlural, (r.withoutData ?? []).join(", "));
}

/** One period of an indicator as evidence: `2025-T1: 400 (133,3%, A)` — the raw attainment, as the wide margin is judged. */
function periodEvidence(label: string, i: IndicatorEvaluation | undefined): string {
  if (!i || i.status !== "evaluated" || i.result === undefined) return d.evidenceNoData(label);
  const concept = i.classification ? i.classification.label : conceptText({ status: i.status, kind: i.kind, concept: i.concept, decision: i.decision });
  return d.evidencePeriod(label, resultText(i), i.attainment ? percentText(i.attainment.raw) : "", concept);
}

/** The proposal over `evaluations` (any order; those without a period are left out). */
export function buildAdditiveTerm(evaluations: ContractEvaluation[], options: AdditiveTermOptions): AdditiveTerm {
  const evs = evaluations.filter((ev) => ev.period).sort(byPeriod);
  const n = evs.length;
  const labels = evs.map((ev) => ev.period!.label);
  const kinds = new Set(evs.map((ev) => ev.period!.kind));
  const [unit, unitPlural] = kinds.size === 1 ? unitsOf(evs[0]?.period) : s.units.range;
  const last = evs[n - 1];
  const series = new Map(indicatorSeries(evs).map((row) => [row.key, row]));
  const lastTarget = (key: string) => {
    const targets = (series.get(key)?.byPeriod ?? []).map((i) => (i?.target ? describeTarget(i.target) : "")).filter(Boolean);
    return targets[targets.length - 1] ?? "";
  };
  const candidates = revisionSuggestions(evs, { withoutData: true }).map((r) => ({ ...r, target: lastTarget(r.key), evidence: evidenceText(r, unitPlural) }));

  const header = [
    ...(n > 0 ? [d.periodsLine(formatPeriodPtBR(evs[0].period!), formatPeriodPtBR(last.period!), n, n === 1 ? unit : unitPlural, false)] : []),
    s.commission,
    s.source(options.source),
    ...(last ? [s.rules(last.preset.name, methodText(last))] : []),
  ];
  const intro = [d.addressee, d.additiveIntro(n, n === 1 ? unit : unitPlural, labels.join(", "))];

  const candidateBlocks: Block[] = [];
  if (n < MIN_PERIODS_FOR_REVISION) candidateBlocks.push({ kind: "paragraph", text: d.tooEarly(unit) });
  else if (candidates.length === 0) candidateBlocks.push({ kind: "paragraph", text: d.noCandidates(n, unitPlural) });
  else {
    candidateBlocks.push(
      { kind: "paragraph", text: d.candidatesIntro(candidates.length) },
      {
        kind: "table",
        headers: d.candidateHeaders,
        spans: [1, 1, 1, 3],
        rows: candidates.map((c) => [{ text: c.code ?? "" }, { text: c.indicator }, { text: c.target }, { text: c.evidence }]),
      },
    );
  }
  const sections: Section[] = [{ heading: d.candidatesHeading, blocks: candidateBlocks }];
  if (candidates.length > 0) {
    const evidence = candidates.map((c) => d.evidenceItem(indicatorLabel(c), (series.get(c.key)?.byPeriod ?? []).map((i, p) => periodEvidence(labels[p], i)).join("; ")));
    sections.push(
      { heading: d.evidenceHeading, blocks: [{ kind: "list", items: evidence }] },
      {
        heading: d.wordingHeading,
        blocks: [
          { kind: "paragraph", text: d.wordingIntro },
          {
            kind: "table",
            headers: d.wordingHeaders,
            spans: [1, 1, 1, 3],
            rows: candidates.map((c) => [{ text: c.code ?? "" }, { text: c.indicator }, { text: c.target }, { text: d.blankLine }]),
          },
        ],
      },
    );
  }
  sections.push({ heading: d.consultationHeading(sections.length + 1), blocks: d.consultation.map((text): Block => ({ kind: "paragraph", text })) });

  return {
    sheetName: d.additiveSheet,
    title: d.additiveTitle,
    header,
    draftNote: s.draftNote,
    intro,
    sections,
    closing: d.additiveClosing,
    placeDate: s.placeDate,
    signatures: options.members ?? s.members,
    candidates,
    periods: labels,
  };
}
