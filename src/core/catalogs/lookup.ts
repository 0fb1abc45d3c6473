/**
 * Finding a row's indicator in the catalogue of a preset, to take the target and the weight a table does
 * not give (a SISAB panel export has neither). Pure.
 *
 * - **By code**: `1` … `7` for Previne Brasil (also written `Indicador 1`, `#1`, `1.`), `C1` … `C7` for
 *   the co-financing.
 * - **By name**: panel titles are long and worded differently from the catalogue, and changed over the
 *   years ("… sendo a 1ª até a 20ª semana" became "… a 12ª semana" in 2022; "Cobertura de exame
 *   citopatológico" became "Proporção de mulheres com coleta de citopatológico na APS"). Names are compared
 *   as sets of word stems: accents, case, punctuation, numbers and small words are dropped, and each word
 *   is cut to its first five letters, so that `hipertensas`, `hipertensão` and `hipertensos` are one stem,
 *   as are `vacinadas`/`vacinal`, `diabéticos`/`diabetes`, `solicitação`/`solicitada`. Each stem weighs
 *   by how rare it is among the catalogue's indicators (`gestantes` names three of them, `sífilis` one):
 *   `w = ln(1 + E / df)` with E entries and df the entries whose names carry the stem (a stem no entry has
 *   weighs as much as the rarest). The score of an entry is the best, over its name and aliases, of
 *   `Σ w(shared stems) / min(Σ w(query), Σ w(name))` — the share of the shorter of the two that the other
 *   covers, so that a long title covering a short catalogue name scores 1, and a short name ("Hipertensão")
 *   found in a long alias scores 1 too.
 * - A name is taken only when its best score reaches {@link MIN_NAME_SCORE} and beats the runner-up by
 *   {@link MIN_NAME_MARGIN}: "Gestantes" alone names three indicators and so none.
 * - When a row has both, the name decides when it matches (codes in users' tables are often just row
 *   numbers); the code is used when the name matches nothing.
 */
import { normalizeText } from "../parse";
import type { PresetId } from "../presets";
import { COFINANCIAMENTO_INDICATORS } from "./cofinanciamento";
import { PREVINE_INDICATORS } from "./previne";

/** One indicator of a catalogue, as the lookup sees it. */
export interface CatalogEntry {
  code: string;
  name: string;
  aliases: readonly string[];
  /** The national target as a fraction (45% → 0.45), higher is better; absent when the preset classifies instead. */
  target?: number;
  weight: number;
}

/** The catalogue a preset takes targets and weights from. */
export interface IndicatorCatalog {
  id: "previne" | "cofinanciamento";
  /** pt-BR name, for messages ("Previne Brasil"). */
  name: string;
  entries: readonly CatalogEntry[];
}

/** A row's indicator found in a catalogue: which entry, found how, and how well (1 for a code). */
export interface CatalogMatch {
  entry: CatalogEntry;
  by: "code" | "name";
  score: number;
}

/** Below this a name does not match (see the module's note). */
export const MIN_NAME_SCORE = 0.6;
/** The best entry must beat the second by this much. */
export const MIN_NAME_MARGIN = 0.15;

const STEM_LENGTH = 5;

/** Words that say nothing about which indicator it is (already normalized). */
const STOPWORDS = new Set([
  "a",
  "o",
  "as",
  "os",
  "e",
  "ou",
  "de",
  "da",
  "do",
  "das",
  "dos",
  "em",
  "na",
  "no",
  "nas",
  "nos",
  "com",
  "sem",
  "para",
  "por",
  "pelo",
  "pela",
  "pelos",
  "pelas",
  "ao",
  "aos",
  "ate",
  "cada",
  "sendo",
  "que",
  "menos",
  "mais",
  "um",
  "uma",
  "dois",
  "duas",
  "tres",
  "seis",
  "primeira",
  "primeiro",
  "decima",
  "segunda",
  "tipo",
  "proporcao",
  "percentual",
  "porcentagem",
  "cobertura",
  "taxa",
  "indicador",
  "indice",
  "numero",
]);

/** Abbreviations seen in users' names, expanded to the words the catalogue uses. */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  pa: ["pressao", "arterial"],
  hba1c: ["hemoglobina", "glicada"],
  vip: ["poliomielite", "inativada"],
  dtp: ["difteria", "tetano", "coqueluche"],
};

/** The word stems of a name, without repeats: `Proporção de gestantes com…` → `gesta`, … */
export function nameStems(text: string): string[] {
  const words = normalizeText(text.replace(/[ºª°]/g, " ")).split(/[^a-z0-9]+/);
  const stems = new Set<string>();
  for (const word of words) {
    for (const w of ABBREVIATIONS[word] ?? [word]) {
      if (w.length < 2 || STOPWORDS.has(w) || /^\d+[a-z]?$/.test(w)) continue;
      stems.add(w.slice(0, STEM_LENGTH));
    }
  }
  return [...stems];
}

/** Per catalogue: each entry's names as stem sets, and the weight of each stem. */
interface Prepared {
  names: { entry: CatalogEntry; stems: string[] }[];
  weightOf: (stem: string) => number;
}

const prepared = new WeakMap<IndicatorCatalog, Prepared>();

function prepare(catalog: IndicatorCatalog): Prepared {
  const cached = prepared.get(catalog);
  if (cached) return cached;
  const names = catalog.entries.flatMap((entry) =>
    [entry.name, ...entry.aliases].map((n) => ({ entry, stems: nameStems(n) })),
  );
  const df = new Map<string, number>();
  for (const entry of catalog.entries) {
    const stems = new Set(names.filter((n) => n.entry === entry).flatMap((n) => n.stems));
    for (const s of stems) df.set(s, (df.get(s) ?? 0) + 1);
  }
  const e = catalog.entries.length;
  const weightOf = (stem: string) => Math.log(1 + e / (df.get(stem) ?? 1));
  const result = { names, weightOf };
  prepared.set(catalog, result);
  return result;
}

/** Every entry's name score for a text, best first (entries scoring 0 left out). */
export function scoreName(catalog: IndicatorCatalog, text: string): { entry: CatalogEntry; score: number }[] {
  const { names, weightOf } = prepare(catalog);
  const query = nameStems(text);
  if (query.length === 0) return [];
  const queryWeight = query.reduce((s, t) => s + weightOf(t), 0);
  const best = new Map<CatalogEntry, number>();
  for (const { entry, stems } of names) {
    if (stems.length === 0) continue;
    const own = new Set(stems);
    const shared = query.filter((t) => own.has(t)).reduce((s, t) => s + weightOf(t), 0);
    const nameWeight = stems.reduce((s, t) => s + weightOf(t), 0);
    const score = shared / Math.min(queryWeight, nameWeight);
    if (score > (best.get(entry) ?? 0)) best.set(entry, score);
  }
  return [...best.entries()].map(([entry, score]) => ({ entry, score })).sort((a, b) => b.score - a.score);
}

/** The catalogue entry a name stands for, when one stands out (see the module's note). */
export function matchName(catalog: IndicatorCatalog, text: string): CatalogMatch | undefined {
  const [first, second] = scoreName(catalog, text);
  if (!first || first.score < MIN_NAME_SCORE) return undefined;
  if (second && first.score - second.score < MIN_NAME_MARGIN) return undefined;
  return { entry: first.entry, by: "name", score: first.score };
}

/** The entry a code stands for: `6`, `Indicador 6`, `#6`, `6.` (Previne); `C6`, `c 6` (co-financing). */
export function matchCode(catalog: IndicatorCatalog, code: string): CatalogMatch | undefined {
  const key = normalizeText(code)
    .replace(/^(indicador|ind\.?|#)\s*/, "")
    .replace(/[\s.:)-]+$/, "")
    .replace(/\s+/g, "")
    .toUpperCase();
  const entry = catalog.entries.find((e) => e.code.toUpperCase() === key);
  return entry ? { entry, by: "code", score: 1 } : undefined;
}

/**
 * A row's indicator in the catalogue: by name when the name matches, else by code (see the module's
 * note). A row without a code whose name is a code (`C4`, `Indicador 6`) is found by that.
 */
export function findInCatalog(
  catalog: IndicatorCatalog,
  row: { code?: string; indicator: string },
): CatalogMatch | undefined {
  const byName = row.indicator.trim() ? matchName(catalog, row.indicator) : undefined;
  if (byName) return byName;
  const code = row.code?.trim() || row.indicator.trim();
  return code ? matchCode(catalog, code) : undefined;
}

const PREVINE_CATALOG: IndicatorCatalog = { id: "previne", name: "Previne Brasil", entries: PREVINE_INDICATORS };

const COFINANCIAMENTO_CATALOG: IndicatorCatalog = {
  id: "cofinanciamento",
  name: "Cofinanciamento federal da APS",
  // Weights only: the co-financing classifies each result by bands instead of comparing it with a target.
  entries: COFINANCIAMENTO_INDICATORS.map((i) => ({
    code: i.code,
    name: i.name,
    aliases: i.aliases,
    weight: i.weight,
  })),
};

/** The catalogue a preset fills missing targets and weights from; none for the contract presets. */
export function catalogForPreset(preset: PresetId): IndicatorCatalog | undefined {
  if (preset === "previne") return PREVINE_CATALOG;
  if (preset === "cofinanciamento") return COFINANCIAMENTO_CATALOG;
  return undefined;
}
