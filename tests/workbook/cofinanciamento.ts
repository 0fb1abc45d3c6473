/**
 * Co-financing data for the pipeline, report and command tests: a long table of C1–C7 per team and month
 * (the four months of 2025-Q1), as a coordinator keeps it, and a panel export of one indicator per team.
 *
 * Classes (docs/regras.md §8.4): C1 Ótimo > 50 e ≤ 70, Bom > 30 e ≤ 50, Suficiente > 10 e ≤ 30, Regular ≤ 10 ou > 70;
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

/**
 * Co-financing results as people type them (one row per team × indicator for 2025 Q1), three tables:
 *
 * Sheet "Frações" — ESF Sul (INE 0003333333): C2 typed as a plain fraction, 0,6 (no % format). A 0–100 result
 * of 0,6 could be 0,6 points (Regular) or 60% (Bom): the column is not classified and a scale problem names
 * its cell (E3). The rest in points: C1 60 Ótimo → 1 × 1 = 1 · C2 not classified → 0 (keeps its weight 2) ·
 * C3 80 Ótimo → 1 × 2 = 2 · C4 40 Suficiente → 0,5 × 1 = 0,5 · C5 60 Bom → 0,75 × 1 = 0,75 · C6 80 Ótimo → 1 ·
 * C7 30 Suficiente → 0,5 × 2 = 1 → nota 1 + 0 + 2 + 0,5 + 0,75 + 1 + 1 = 6,25 → Bom, incompleta: C2.
 *
 * Sheet "Razões" — ESF Leste (INE 0004444444): numerator and denominator only, no result column; each result
 * is numerator ÷ denominator × 100: C1 12/20 = 60 Ótimo → 1 · C2 45/60 = 75 Bom (≤ 75) → 0,75 × 2 = 1,5 ·
 * C3 9/10 = 90 Ótimo → 2 · C4 30/100 = 30 Suficiente → 0,5 · C5 20/100 = 20 Regular → 0,25 · C6 40/50 = 80
 * Ótimo → 1 · C7 35/50 = 70 Bom → 0,75 × 2 = 1,5 → nota 1 + 1,5 + 2 + 0,5 + 0,25 + 1 + 1,5 = 7,75 → Ótimo (> 7,5).
 *
 * Sheet "Sem C7" — ESF Norte (INE 0005555555): the official worked example without C7 (no row at all):
 * C1 40 Bom → 0,75 · C2 80 Ótimo → 2 · C3 90 Ótimo → 2 · C4 30 Suficiente → 0,5 · C5 20 Regular → 0,25 ·
 * C6 76 Ótimo → 1 · C7 missing → 0 → nota 0,75 + 2 + 2 + 0,5 + 0,25 + 1 + 0 = 6,5 → Bom (not 6,5 ÷ 8 × 10 =
 * 8,125 → Ótimo, which rescaling the weights would give), incompleta: C7 Cuidado da mulher na prevenção do câncer.
 */
export const TYPED_HEADER = ["Equipe", "INE", "Indicador", "Quadrimestre", "Resultado"];
export const RATIO_HEADER = ["Equipe", "INE", "Indicador", "Quadrimestre", "Numerador", "Denominador"];
const CODES = ["C1", "C2", "C3", "C4", "C5", "C6", "C7"];

export const SUL = [60, 0.6, 80, 40, 60, 80, 30];
export const SUL_NOTE = 6.25;
export const LESTE: [number, number][] = [
  [12, 20],
  [45, 60],
  [9, 10],
  [30, 100],
  [20, 100],
  [40, 50],
  [35, 50],
];
export const LESTE_NOTE = 7.75;
export const NORTE = [40, 80, 90, 30, 20, 76];
export const NORTE_NOTE = 6.5;

/** The three sheets' rows (header first), as typed: plain numbers, no number formats. */
export function typedSheets(): { name: string; rows: CellValue[][] }[] {
  return [
    { name: "Frações", rows: [TYPED_HEADER, ...SUL.map((v, i) => ["ESF Sul", "0003333333", CODES[i], "2025 Q1", v])] },
    {
      name: "Razões",
      rows: [RATIO_HEADER, ...LESTE.map(([num, den], i) => ["ESF Leste", "0004444444", CODES[i], "2025 Q1", num, den])],
    },
    {
      name: "Sem C7",
      rows: [TYPED_HEADER, ...NORTE.map((v, i) => ["ESF Norte", "0005555555", CODES[i], "2025 Q1", v])],
    },
  ];
}
