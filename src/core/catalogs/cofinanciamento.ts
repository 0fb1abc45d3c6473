/**
 * Federal co-financing of APS, quality component (Portaria GM/MS 3.493/2024; methodology in the current
 * DEAPS technical note): the seven indicators C1–C7 for eSF/eAP teams, each result on a 0–100 scale.
 * `Nota final = Σ factor × peso`, the weights adding to 10. The classification bands live in the presets.
 *
 * TODO before shipping: check the names and the order of C1–C7 (and the weights) against the current
 * official technical note of the Ministério da Saúde — they were written from domain.md, not from the note.
 */
import type { Direction } from "../types";

/** One quality indicator of the co-financing. */
export interface CofinanciamentoIndicator {
  /** "C1" … "C7". */
  code: string;
  /** pt-BR name. */
  name: string;
  /** Weight in the nota final; the seven weights add to 10. */
  weight: number;
  /** `range` for C1 (best inside a target range, worse on either side); `atLeast` (higher is better) for C2–C7. */
  direction: Extract<Direction, "range" | "atLeast">;
}

/** C1 … C7, in order. Names and order: to be checked against the current official technical note. */
export const COFINANCIAMENTO_INDICATORS: readonly CofinanciamentoIndicator[] = [
  { code: "C1", name: "Mais acesso à Atenção Primária à Saúde", weight: 1, direction: "range" },
  { code: "C2", name: "Cuidado no desenvolvimento infantil", weight: 2, direction: "atLeast" },
  { code: "C3", name: "Cuidado da gestante e puérpera", weight: 2, direction: "atLeast" },
  { code: "C4", name: "Cuidado da pessoa com diabetes", weight: 1, direction: "atLeast" },
  { code: "C5", name: "Cuidado da pessoa com hipertensão", weight: 1, direction: "atLeast" },
  { code: "C6", name: "Cuidado da pessoa idosa", weight: 1, direction: "atLeast" },
  { code: "C7", name: "Cuidado da mulher na prevenção do câncer", weight: 2, direction: "atLeast" },
];
