/**
 * The band tables the product ships, as data. Each table says where it comes from; the texts shown to users
 * are pt-BR as the sources write them. Every table here passes `validateBandTable` (tested).
 *
 * Colours: every fill is light enough that BLACK text on it has a contrast ratio of at least 4.5:1
 * (WCAG 2.x AA for normal text), so cells and labels coloured with these fills use black text. Ratios with
 * black, computed with the WCAG relative-luminance formula:
 *   #2E9E4F green 6.1:1 · #8BC34A light green 10.0:1 · #D4E157 lime 14.7:1 · #FFD54F amber 14.9:1 ·
 *   #FFA726 orange 10.8:1 · #E53935 red 5.0:1.
 * White text does not reach 4.5:1 on any of them; do not use it.
 */
import type { BandTable, Bound } from "../types";

/** Fills from best to worst (see the contrast note above). */
const GREEN = "#2E9E4F";
const LIGHT_GREEN = "#8BC34A";
const LIME = "#D4E157";
const AMBER = "#FFD54F";
const ORANGE = "#FFA726";
const RED = "#E53935";

/** An end that includes its value (`≥`, `≤`). */
function inclusive(value: number): Bound {
  return { value, inclusive: true };
}

/** An end that excludes its value (`>`, `<`). */
function exclusive(value: number): Bound {
  return { value, inclusive: false };
}

/**
 * The recommendation bands of the management-contract evaluation instrument ("Dos critérios de
 * Avaliação"; docs/regras.md §7). Overall attainment in percentage points (0–100), rounded to 0.1 pp before
 * banding. The instrument writes "80 a 99%", "60 a 69%" and "50% a 60%", which overlap at 60 and leave values such
 * as 69.5 and 99.5 in no band; these half-open intervals close the gaps: 1 = 100; 2 = [80, 100);
 * 3 = [70, 80); 4 = [60, 70); 5 = [50, 60); 6 = [0, 50). The default table.
 */
export const contractBands: BandTable = {
  id: "contrato-gestao",
  name: "Contrato de gestão — faixas de recomendação",
  domain: { min: 0, max: 100 },
  decimals: 1,
  bands: [
    {
      number: 1,
      label: "Faixa 1 — 100%",
      intervals: [{ lower: inclusive(100), upper: inclusive(100) }],
      recommendation:
        "Recomendação pela manutenção do Contrato de Gestão e de recomendação positiva e de atestado de capacidade técnica",
      color: GREEN,
    },
    {
      number: 2,
      label: "Faixa 2 — 80% a 99,9%",
      intervals: [{ lower: inclusive(80), upper: exclusive(100) }],
      recommendation:
        "Recomendação de manutenção do Contrato e de emissão de atestado de capacidade técnica com ressalva",
      color: LIGHT_GREEN,
    },
    {
      number: 3,
      label: "Faixa 3 — 70% a 79,9%",
      intervals: [{ lower: inclusive(70), upper: exclusive(80) }],
      recommendation: "Recomendação de manutenção do Contrato e suspensão da emissão de atestado de capacidade técnica",
      color: LIME,
    },
    {
      number: 4,
      label: "Faixa 4 — 60% a 69,9%",
      intervals: [{ lower: inclusive(60), upper: exclusive(70) }],
      recommendation:
        "Recomendação pela manutenção do Contrato com ressalvas, impondo-se a imediata reavaliação da conduta e/ou contratação",
      color: AMBER,
    },
    {
      number: 5,
      label: "Faixa 5 — 50% a 59,9%",
      intervals: [{ lower: inclusive(50), upper: exclusive(60) }],
      recommendation: "Recomendação pela abertura de Procedimento de sanção por descumprimento contratual",
      color: ORANGE,
    },
    {
      number: 6,
      label: "Faixa 6 — menos de 50%",
      intervals: [{ lower: inclusive(0), upper: exclusive(50) }],
      recommendation:
        "Recomendação pela rescisão contratual, com abertura de Procedimento de sanção por descumprimento contratual",
      color: RED,
    },
  ],
};

/**
 * Co-financing of APS, quality component, indicator C1 "Mais acesso à APS" (Portaria GM/MS 3.493/2024;
 * methodology in Nota Técnica nº 8/2026-DEAPS, which revoked Nota Técnica nº 6/2025). A target range:
 * best between 50 and 70, worse on either side. Result on a 0–100 scale, not rounded. Classes and factors:
 * Ótimo `> 50 e ≤ 70` (1); Bom `> 30 e ≤ 50` (0,75); Suficiente `> 10 e ≤ 30` (0,5); Regular `≤ 10 ou > 70` (0,25).
 */
export const cofinC1Bands: BandTable = {
  id: "cofin-c1",
  name: "Cofinanciamento APS — C1 (Mais acesso)",
  domain: { min: 0, max: 100 },
  bands: [
    { label: "Ótimo", intervals: [{ lower: exclusive(50), upper: inclusive(70) }], factor: 1, color: GREEN },
    { label: "Bom", intervals: [{ lower: exclusive(30), upper: inclusive(50) }], factor: 0.75, color: LIGHT_GREEN },
    { label: "Suficiente", intervals: [{ lower: exclusive(10), upper: inclusive(30) }], factor: 0.5, color: AMBER },
    {
      label: "Regular",
      intervals: [
        { lower: inclusive(0), upper: inclusive(10) },
        { lower: exclusive(70), upper: inclusive(100) },
      ],
      factor: 0.25,
      color: RED,
    },
  ],
};

/**
 * Co-financing of APS, quality component, indicators C2 to C7 (higher is better; Portaria GM/MS 3.493/2024,
 * Nota Técnica nº 8/2026-DEAPS). Result on a 0–100 scale, not rounded. Classes and factors:
 * Ótimo `> 75 e ≤ 100` (1); Bom `> 50 e ≤ 75` (0,75); Suficiente `> 25 e ≤ 50` (0,5); Regular `≤ 25` (0,25).
 */
export const cofinC2C7Bands: BandTable = {
  id: "cofin-c2-c7",
  name: "Cofinanciamento APS — C2 a C7",
  domain: { min: 0, max: 100 },
  bands: [
    { label: "Ótimo", intervals: [{ lower: exclusive(75), upper: inclusive(100) }], factor: 1, color: GREEN },
    { label: "Bom", intervals: [{ lower: exclusive(50), upper: inclusive(75) }], factor: 0.75, color: LIGHT_GREEN },
    { label: "Suficiente", intervals: [{ lower: exclusive(25), upper: inclusive(50) }], factor: 0.5, color: AMBER },
    { label: "Regular", intervals: [{ lower: inclusive(0), upper: inclusive(25) }], factor: 0.25, color: RED },
  ],
};

/**
 * Co-financing of APS, quality component: classification of the final note
 * `1·C1 + 2·C2 + 2·C3 + 1·C4 + 1·C5 + 1·C6 + 2·C7` (factors weighted, 0–10; Portaria GM/MS 3.493/2024,
 * Nota Técnica nº 8/2026-DEAPS). Ótimo `> 7,5`; Bom `≥ 5 e ≤ 7,5`; Suficiente `> 2,5 e < 5`; Regular `≤ 2,5`.
 * Not rounded. The note's worked example scores 8,5 → Ótimo.
 */
export const cofinFinalBands: BandTable = {
  id: "cofin-nota-final",
  name: "Cofinanciamento APS — nota final",
  domain: { min: 0, max: 10 },
  bands: [
    { label: "Ótimo", intervals: [{ lower: exclusive(7.5), upper: inclusive(10) }], color: GREEN },
    { label: "Bom", intervals: [{ lower: inclusive(5), upper: inclusive(7.5) }], color: LIGHT_GREEN },
    { label: "Suficiente", intervals: [{ lower: exclusive(2.5), upper: exclusive(5) }], color: AMBER },
    { label: "Regular", intervals: [{ lower: inclusive(0), upper: inclusive(2.5) }], color: RED },
  ],
};

/** Every shipped band table, by its `id`. */
export const bandTables: Record<string, BandTable> = {
  [contractBands.id]: contractBands,
  [cofinC1Bands.id]: cofinC1Bands,
  [cofinC2C7Bands.id]: cofinC2C7Bands,
  [cofinFinalBands.id]: cofinFinalBands,
};
