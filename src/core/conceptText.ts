/**
 * The concept as the add-in writes it in a cell: `A`, `B`, `B – justificado`, `B – justificado
 * parcialmente`, with ` – monitoramento` for monitoring indicators, or `Sem dado` / `Inválido` / `Linha de
 * base pendente`. One function for the owned column, the summary sheet and `META.CONCEITO`, so the colour
 * rules (which match these words) work on all of them.
 */
import { conceptStrings } from "./messages";
import type { Concept, JustificationDecision, Kind } from "./types";

export interface ConceptParts {
  status: "evaluated" | "noData" | "invalid" | "needsBaseline";
  kind: Kind;
  concept?: Concept;
  decision?: JustificationDecision;
}

export function conceptText(row: ConceptParts): string {
  if (row.status === "noData") return conceptStrings.noData;
  if (row.status === "invalid") return conceptStrings.invalid;
  if (row.status === "needsBaseline") return conceptStrings.needsBaseline;
  if (!row.concept) return "";
  let text: string = row.concept === "A" ? conceptStrings.conceptMet : conceptStrings.conceptNotMet;
  if (row.concept === "B" && row.decision === "total") text = conceptStrings.conceptJustified;
  if (row.concept === "B" && row.decision === "partial") text = conceptStrings.conceptJustifiedPartially;
  return row.kind === "monitoramento" ? `${text}${conceptStrings.monitoringSuffix}` : text;
}
