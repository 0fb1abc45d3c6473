/**
 * The rule presets the product ships (docs/regras.md §8), as data: how one indicator is scored, how scores are
 * combined, on what scale the overall result is shown, and the bands of that result.
 */
import { COFINANCIAMENTO_INDICATORS } from "../catalogs/cofinanciamento";
import { PREVINE_INDICATORS } from "../catalogs/previne";
import type { BandTable, OverallMethod } from "../types";
import { cofinC1Bands, cofinC2C7Bands, cofinFinalBands, contractBands } from "./bandTables";

/**
 * How one indicator is scored: `ratio` — its attainment (result ÷ target, capped), or A/B for the share of
 * targets met; `classification` — the factor of the band its result falls in (co-financing), with a table
 * per indicator code and a default.
 */
export type Scoring =
  { kind: "ratio" } | { kind: "classification"; tables: Record<string, BandTable>; defaultTable: BandTable };

/**
 * The fixed set of indicators a national programme's overall figure is defined over (Previne Brasil's seven,
 * the co-financing's C1–C7), and what an indicator of the set without a result does to that figure:
 * - `partial`: the figure is the weighted mean of the indicators with a result; with fewer than all of
 *   them it is a partial figure and is named so (Previne Brasil: "ISF parcial (3 de 7 indicadores)");
 * - `zero`: the weights are never rescaled — the figure always divides by the weights of the whole set, a
 *   missing indicator adds nothing, and the evaluation is incomplete, naming what is missing (the
 *   co-financing: its technical note totals the ten weights).
 */
export interface IndicatorSet {
  entries: readonly { code: string; name: string; weight: number }[];
  whenMissing: "partial" | "zero";
}

export type PresetId = "instrumento" | "decreto" | "previne" | "cofinanciamento";

export interface Preset {
  id: PresetId;
  /** pt-BR name for menus. */
  name: string;
  /** pt-BR one-line description. */
  description: string;
  scoring: Scoring;
  method: OverallMethod;
  /** The overall result is shown as a fraction × scale: 100 for percentages, 10 for notes (ISF, nota final). */
  scale: 100 | 10;
  /** Bands of the overall result, on the same scale; none when the preset has only A/B. */
  bands?: BandTable;
  /**
   * Whether an evaluation commission judges justifications (default true). National programmes have none:
   * a "Justificativa aceita" column is shown and never changes a nota, a class or the overall figure.
   */
  commission?: boolean;
  /** The national set of indicators the overall figure is defined over (see `IndicatorSet`). */
  indicatorSet?: IndicatorSet;
  /**
   * The period an evaluation covers by default: contracts by quarter (the decree's quarterly meetings), the
   * national programmes by four-month period (quadrimestre).
   */
  periodKind: "quarter" | "fourMonth";
  /** What the overall figure is: the attainment (a percentage), Previne's ISF, or the co-financing's nota final (0–10). */
  figure: "attainment" | "isf" | "finalNote";
}

/** The instrumento de avaliação quali-quantitativa do contrato de gestão; share of targets met; the six recommendation bands. The default. */
export const instrumento: Preset = {
  id: "instrumento",
  name: "Contrato de gestão — instrumento quali-quantitativo",
  description: "Percentual de metas atingidas e as seis faixas de recomendação do instrumento de avaliação.",
  scoring: { kind: "ratio" },
  method: "shareMet",
  scale: 100,
  bands: contractBands,
  periodKind: "quarter",
  figure: "attainment",
};

/** The Cajamar decree (Decreto nº 4.515/2011): concepts A/B of performance indicators, no bands beyond A/B. */
export const decreto: Preset = {
  id: "decreto",
  name: "Decreto — conceitos A/B",
  description: "Conceito A (Suficiente) ou B (Insuficiente) por indicador de desempenho; sem faixas além de A/B.",
  scoring: { kind: "ratio" },
  method: "shareMet",
  scale: 100,
  periodKind: "quarter",
  figure: "attainment",
};

/** Previne Brasil (ISF): nota = min(10; 10 × resultado/meta), ISF = Σ nota × peso / Σ peso, 0–10. */
export const previne: Preset = {
  id: "previne",
  name: "Previne Brasil (ISF)",
  description:
    "Nota de 0 a 10 por indicador (10 × resultado ÷ meta, no máximo 10) e o Indicador Sintético Final ponderado.",
  scoring: { kind: "ratio" },
  method: "meanAttainment",
  scale: 10,
  commission: false,
  indicatorSet: { entries: PREVINE_INDICATORS, whenMissing: "partial" },
  periodKind: "fourMonth",
  figure: "isf",
};

/**
 * Co-financing of APS, quality component (Portaria GM/MS 3.493/2024; Nota Técnica nº 8/2026-DEAPS): each
 * result classified (C1 by a target range, C2–C7 higher is better) into a factor; nota final = Σ factor ×
 * peso over the seven indicators (pesos add to 10), a missing indicator adding nothing.
 */
export const cofinanciamento: Preset = {
  id: "cofinanciamento",
  name: "Cofinanciamento federal da APS — componente de qualidade",
  description:
    "Classificação de C1 a C7 (Regular, Suficiente, Bom, Ótimo), fatores ponderados e a nota final de 0 a 10.",
  scoring: { kind: "classification", tables: { C1: cofinC1Bands }, defaultTable: cofinC2C7Bands },
  method: "meanAttainment",
  scale: 10,
  bands: cofinFinalBands,
  commission: false,
  indicatorSet: { entries: COFINANCIAMENTO_INDICATORS, whenMissing: "zero" },
  periodKind: "fourMonth",
  figure: "finalNote",
};

export const presets: Record<PresetId, Preset> = { instrumento, decreto, previne, cofinanciamento };

export const defaultPreset = instrumento;
