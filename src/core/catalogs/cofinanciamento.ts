/**
 * Federal co-financing of APS, quality component: the seven indicators C1–C7 for eSF/eAP teams, each result
 * on a 0–100 scale, `Nota final = Σ factor × peso` with the weights adding to 10. The classification bands
 * (and their factors) live in the presets (presets/bandTables).
 *
 * Sources: Portaria GM/MS nº 3.493/2024 (the co-financing model and its quality component) and the
 * methodology of Nota Técnica nº 8/2026-DEAPS, which revoked Nota Técnica nº 6/2025: its Quadro 2
 * gives the names and the order below; its rules give the weights 1, 2, 2, 1, 1, 1, 2, the classes of
 * each result (C1 Ótimo > 50 e ≤ 70, Bom > 30 e ≤ 50, Suficiente > 10 e ≤ 30, Regular ≤ 10 ou > 70; C2–C7
 * Ótimo > 75 e ≤ 100, Bom > 50 e ≤ 75, Suficiente > 25 e ≤ 50, Regular ≤ 25), the factors 0,25 · 0,50 ·
 * 0,75 · 1,00, and the classes of the nota final (Ótimo > 7,5; Bom ≥ 5 e ≤ 7,5; Suficiente > 2,5 e < 5;
 * Regular ≤ 2,5). The note always totals the ten weights: an indicator without a result adds nothing and
 * the other weights are not scaled up.
 */
import type { Direction } from "../types";

/** One quality indicator of the co-financing. */
export interface CofinanciamentoIndicator {
  /** "C1" … "C7". */
  code: string;
  /** pt-BR name, as the technical note writes it. */
  name: string;
  /** Weight in the nota final; the seven weights add to 10. */
  weight: number;
  /** `range` for C1 (best inside a target range, worse on either side); `atLeast` (higher is better) for C2–C7. */
  direction: Extract<Direction, "range" | "atLeast">;
  /**
   * Other names the indicator went by (earlier notes and panels, the long form of an abbreviation), so that
   * a table written with them is still recognised (catalogs/lookup); not shown.
   */
  aliases: readonly string[];
}

/** C1 … C7, in the order of the technical note (Quadro 2). */
export const COFINANCIAMENTO_INDICATORS: readonly CofinanciamentoIndicator[] = [
  {
    code: "C1",
    name: "Mais acesso à APS",
    weight: 1,
    direction: "range",
    aliases: ["Mais acesso à Atenção Primária à Saúde"],
  },
  { code: "C2", name: "Cuidado no desenvolvimento infantil", weight: 2, direction: "atLeast", aliases: [] },
  {
    code: "C3",
    name: "Cuidado na gestação e puerpério",
    weight: 2,
    direction: "atLeast",
    aliases: ["Cuidado da gestante e puérpera"],
  },
  { code: "C4", name: "Cuidado da pessoa com diabetes", weight: 1, direction: "atLeast", aliases: [] },
  { code: "C5", name: "Cuidado da pessoa com hipertensão", weight: 1, direction: "atLeast", aliases: [] },
  { code: "C6", name: "Cuidado da pessoa idosa", weight: 1, direction: "atLeast", aliases: [] },
  { code: "C7", name: "Cuidado da mulher na prevenção do câncer", weight: 2, direction: "atLeast", aliases: [] },
];
