/**
 * Co-financing data for the pipeline, report and command tests: a long table of C1–C7 per team and month
 * (the four months of 2025-Q1), as a coordinator keeps it, and a panel export of one indicator per team.
 *
 * Classes (domain.md §5): C1 Ótimo > 50 e ≤ 70, Bom > 30 e ≤ 50, Suficiente > 10 e ≤ 30, Regular ≤ 10 ou > 70;
 * C2–C7 Ótimo > 75, Bom > 50 e ≤ 75, Suficiente > 25 e ≤ 50, Regular ≤ 25; factors 1 · 0,75 · 0,5 · 0,25;
 * nota final = 1·C1 + 2·C2 + 2·C3 + 1·C4 + 1·C5 + 1·C6 + 2·C7, Ótimo > 7,5, Bom ≥ 5 e ≤ 7,5.
 */
import type { CellValue } from "../../src/core/types";

export const COFIN_HEADER = ["Município", "Equipe", "INE", "Indicador", "Mês", "Resultado"];

const MONTHS = ["jan/2025", "fev/2025", "mar/2025", "abr/2025"];

/**
 * Team "ESF Centro" (INE 0001234567), the official note's worked example: four-month means
 * C1 40 (35, 45, 40, 40) Bom · C2 80 Ótimo · C3 90 (90, 100, 85, 85) Ótimo · C4 30 Suficiente ·
 * C5 20 (20, 25, 15, 20) Regular · C6 76 Ótimo · C7 100 Ótimo
 * → 0,75 + 2 + 2 + 0,5 + 0,25 + 1 + 2 = 8,5 → Ótimo.
 */
export const CENTRO: Record<string, (number | null)[]> = {
  C1: [35, 45, 40, 40],
  C2: [80, 80, 80, 80],
  C3: [90, 100, 85, 85],
  C4: [30, 30, 30, 30],
  C5: [20, 25, 15, 20],
  C6: [76, 76, 76, 76],
  C7: [100, 100, 100, 100],
};

/**
 * Team "ESF Vila Nova" (INE 0007654321), on the boundaries and with C6 missing:
 * C1 70 Ótimo (≤ 70 is still Ótimo) → 1 · C2 50 Suficiente (≤ 50) → 0,5 × 2 = 1 · C3 75 Bom (≤ 75) → 0,75 × 2 = 1,5 ·
 * C4 25 Regular (≤ 25) → 0,25 · C5 51 Bom → 0,75 · C6 no result (Sem dado: adds nothing, keeps its weight 1) ·
 * C7 10 Regular → 0,25 × 2 = 0,5 → Σ 1 + 1 + 1,5 + 0,25 + 0,75 + 0 + 0,5 = 5,0 over the ten weights (never
 * rescaled to nine) → nota final 5,0 → Bom (≥ 5 e ≤ 7,5, the lower bound itself), incompleta: C6.
 */
export const VILA_NOVA: Record<string, (number | null)[]> = {
  C1: [70, 70, 70, 70],
  C2: [50, 50, 50, 50],
  C3: [75, 75, 75, 75],
  C4: [25, 25, 25, 25],
  C5: [51, 51, 51, 51],
  C6: [null, null, null, null],
  C7: [10, 10, 10, 10],
};

export const CENTRO_NOTE = 8.5;
export const VILA_NOVA_NOTE = 5.0;

/** The long table's rows: team × indicator × month, in that order; the municipality is Lavras for both. */
export function cofinRows(): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const [team, ine, data] of [
    ["ESF Centro", "0001234567", CENTRO],
    ["ESF Vila Nova", "0007654321", VILA_NOVA],
  ] as const) {
    for (const [code, values] of Object.entries(data)) {
      values.forEach((v, m) => rows.push(["Lavras", team, ine, code, MONTHS[m], v]));
    }
  }
  return rows;
}
