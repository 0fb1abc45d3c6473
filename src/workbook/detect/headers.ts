/**
 * Header texts → fields, by synonyms. Matching ignores case, accents, punctuation, line breaks, extra
 * spaces and `(%)`/`%` marks (a `%` is remembered: it hints the column holds percentages).
 *
 * Scoring (match quality, 0–1), for each field the best of its synonyms:
 * - **exact** (the whole header is the synonym): 1, less 0.01 per position in the synonym list, so that
 *   when two columns both match exactly (`IBGE` and `Município`) the preferred synonym wins;
 * - **prefix** (the header starts with the synonym's words, `Meta 2025`): 0.6 + 0.25 × the share of the
 *   header the synonym covers (0.6–0.85);
 * - **contains** (the synonym's words appear later, `Aceite da justificativa` for `justificativa`):
 *   0.4 + 0.2 × that share (0.4–0.6).
 * Words are whole: `Metas físicas` does not start with `meta`, `Periodicidade` is not `período`. A few
 * headers that start like a synonym but mean something else are excluded (`Unidade de medida`).
 * Columns are then assigned greedily, best quality first (ties: leftmost column, then field order): each
 * column takes one field and each field one column. So an exact `Justificativa aceita` takes
 * *justificativa aceita* before its partial match to *justificativa* is considered, and `Meta` beats
 * `Meta física 2025` for *meta*.
 */
import { normalizeText, TextMemo } from "../../core/parse";
import type { Field } from "../model";

/** Synonyms by field, already normalized, preferred first. */
const SYNONYMS: Readonly<Record<Field, readonly string[]>> = {
  indicator: [
    "indicador",
    "indicadores",
    "nome do indicador",
    "descricao do indicador",
    "descricao",
    "indicador de saude",
  ],
  code: ["codigo", "no", "n", "cod", "item", "codigo do indicador", "numero do indicador", "nr", "id", "#"],
  area: ["area", "eixo", "linha de cuidado", "area tematica", "eixo tematico", "areas"],
  kind: ["natureza", "classificacao", "natureza do indicador"],
  type: ["tipo", "tipo de indicador", "tipo do indicador"],
  target: [
    "meta",
    "meta pactuada",
    "meta contratada",
    "parametro",
    "metas",
    "valor da meta",
    "resultado esperado",
    "meta mensal",
  ],
  // `% atingido` reads `atingido` (the `%` is a mark); `Meta atingida?` is not a result (see NOT_FIELD).
  result: [
    "resultado",
    "resultado alcancado",
    "realizado",
    "valor",
    "%",
    "resultados",
    "resultado obtido",
    "valor alcancado",
    "realizado no periodo",
    "alcancado",
    "percentual atingido",
    "atingido",
    "percentual alcancado",
  ],
  numerator: ["numerador"],
  denominator: ["denominador"],
  period: [
    "periodo",
    "mes",
    "competencia",
    "trimestre",
    "quadrimestre",
    "data",
    "mes ano",
    "mes de referencia",
    "periodo de referencia",
    "bimestre",
    "semestre",
    "ano",
  ],
  // `Nome da equipe` before `INE`/`CNES`: a co-financing panel has all three, and the name is what people read.
  unit: [
    "unidade",
    "ubs",
    "equipe",
    "nome da equipe",
    "unidade de saude",
    "usf",
    "estabelecimento",
    "nome equipe",
    "cnes",
    "ine",
  ],
  municipality: ["municipio", "ibge", "codigo ibge", "cod ibge", "cidade"],
  weight: ["peso", "pontuacao"],
  direction: ["sentido", "polaridade"],
  periodicity: ["periodicidade", "periodicidade da verificacao"],
  aggregation: ["agregacao"],
  source: ["fonte", "fonte de verificacao", "fonte dos dados"],
  responsible: ["responsavel", "responsavel pela verificacao"],
  justification: ["justificativa", "justificativas"],
  justificationAccepted: ["justificativa aceita", "aceite da justificativa", "justificativa acatada"],
};

/**
 * Headers that start like a field's synonym but mean something else: `Unidade de medida` (%, nº) is not
 * the health unit, `Pontuação obtida` is a score achieved, not a weight, `Código IBGE` is not the
 * indicator's code, `Meta atingida?` is a yes/no answer, not the target.
 */
const NOT_FIELD: Readonly<Partial<Record<Field, readonly string[]>>> = {
  unit: ["unidade de medida", "unid de medida", "unidade medida"],
  // `Código IBGE`, `Código do município` start like the indicator's code but are the municipality's.
  code: ["codigo ibge", "cod ibge", "codigo do municipio", "cod do municipio", "codigo municipio", "cod municipio"],
  weight: ["pontuacao obtida", "pontuacao alcancada", "pontuacao atingida", "pontuacao final"],
  // `Meta atingida?` (Sim/Não) says whether the target was met: it is neither the target nor a result.
  target: ["meta atingida", "meta alcancada", "meta cumprida"],
};

/**
 * Headers of a municipality's IBGE code, normalized. Not a field of their own: `IBGE` is a synonym of
 * *municipality* (a table may name municipalities by code only), and beside the panel's `Munícipio` it
 * loses that field to it and stays unmapped; the panel reader then takes it as the municipality's code
 * (detect/rows).
 */
export const MUNICIPALITY_CODE_HEADERS: readonly string[] = [
  "ibge",
  "codigo ibge",
  "cod ibge",
  "ibge do municipio",
  "codigo ibge do municipio",
  "cod ibge do municipio",
  "codigo do municipio",
  "cod do municipio",
  "codigo municipio",
  "cod municipio",
];

/**
 * Headers of a team's national code (INE), normalized. `INE` is a synonym of *unit* (a table may name teams
 * by code only); beside `Nome da equipe` it stays unmapped and the row reader takes it as the team's code.
 */
const TEAM_CODE_HEADERS: readonly string[] = [
  "ine",
  "codigo ine",
  "cod ine",
  "ine da equipe",
  "codigo da equipe",
  "cod da equipe",
  "codigo equipe",
];

/** True for a header naming a team's INE (`INE`, `Código INE`). */
export function isTeamCodeHeader(raw: string): boolean {
  return TEAM_CODE_HEADERS.includes(headerKey(raw).key);
}

/** True for a header naming the municipality's IBGE code (`IBGE`, `Código IBGE`, `Cód. IBGE`). */
export function isMunicipalityCodeHeader(raw: string): boolean {
  return MUNICIPALITY_CODE_HEADERS.includes(headerKey(raw).key);
}

/** Whether a header is exactly one of a field's synonyms (`Meta`, `Resultado`, `Realizado`). */
export function isExactSynonym(field: Field, raw: string): boolean {
  return SYNONYMS[field].includes(headerKey(raw).key);
}

/** Field order for ties (and for listing). */
export const FIELDS = Object.keys(SYNONYMS) as Field[];

/** Below this a header is not taken for a field. */
export const MIN_QUALITY = 0.4;

/** A header text reduced for matching, and whether it carried a `%`. */
export interface HeaderKey {
  key: string;
  percent: boolean;
}

/**
 * `Meta\npactuada (%)` → `meta pactuada` (percent), `N.º` → `no`, `Cód.` → `cod`, `%` → `%` (percent).
 * Ordinal marks become letters (`º` → `o`), dots vanish, other punctuation becomes a space.
 */
export function headerKey(raw: string): HeaderKey {
  return headerKeys.get(raw);
}

/**
 * Detection asks for the same header texts again and again (every row it tries as a header, every sheet of
 * every workbook `consolidar` reads): each text is reduced once. The memo hands out the same frozen object.
 */
const headerKeys = new TextMemo((raw: string): HeaderKey => Object.freeze(reduceHeader(raw)));

function reduceHeader(raw: string): HeaderKey {
  const percent = raw.includes("%");
  let text = raw
    .replace(/\(\s*%\s*\)/g, " ")
    .replace(/%/g, " ")
    .replace(/[º°]/g, "o")
    .replace(/ª/g, "a");
  text = normalizeText(text)
    .replace(/\./g, "")
    .replace(/[^a-z0-9#]+/g, " ")
    .trim();
  if (text === "" && percent) text = "%";
  return { key: text, percent };
}

function quality(key: string, synonym: string, position: number): number {
  if (key === synonym) return 1 - 0.01 * Math.min(position, 9);
  const share = synonym.length / key.length;
  if (key.startsWith(`${synonym} `)) return 0.6 + 0.25 * share;
  if (key.includes(` ${synonym} `) || key.endsWith(` ${synonym}`)) return 0.4 + 0.2 * share;
  return 0;
}

/** The fields a header text may stand for, with their quality (≥ {@link MIN_QUALITY}), best first. */
export function matchHeader(key: string): readonly HeaderMatch[] {
  return headerMatches.get(key);
}

/** A field a header may stand for, and how well it matches. */
export interface HeaderMatch {
  field: Field;
  quality: number;
}

/** Each header key is matched against the synonyms once (see `headerKeys`); the lists are frozen. */
const headerMatches = new TextMemo((key: string): readonly HeaderMatch[] => Object.freeze(matchFields(key)));

function matchFields(key: string): HeaderMatch[] {
  if (key === "" || key.length > 120) return [];
  const found: HeaderMatch[] = [];
  for (const field of FIELDS) {
    if (NOT_FIELD[field]?.some((other) => key === other || key.startsWith(`${other} `))) continue;
    let best = 0;
    SYNONYMS[field].forEach((synonym, i) => {
      best = Math.max(best, quality(key, synonym, i));
    });
    if (best >= MIN_QUALITY) found.push({ field, quality: best });
  }
  return found.sort((a, b) => b.quality - a.quality);
}

/** One column's candidate fields. */
export interface HeaderCandidate {
  col: number;
  matches: readonly HeaderMatch[];
}

/** Columns assigned to fields, with the quality of each assignment. */
export type Assignment = Map<Field, { col: number; quality: number }>;

/** Assigns columns to fields greedily, best quality first (see the module's note). */
export function assignColumns(candidates: HeaderCandidate[]): Assignment {
  const all = candidates.flatMap((c) => c.matches.map((m) => ({ col: c.col, ...m })));
  all.sort((a, b) => b.quality - a.quality || a.col - b.col || FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field));
  const assignment: Assignment = new Map();
  const usedCols = new Set<number>();
  for (const { col, field, quality: q } of all) {
    if (usedCols.has(col) || assignment.has(field)) continue;
    assignment.set(field, { col, quality: q });
    usedCols.add(col);
  }
  return assignment;
}
