/**
 * Catalogues of indicators the user can insert as a starter table (docs/regras.md §8): the PMAQ indicators of
 * the Cajamar decree (2011), the instrumento de avaliação quali-quantitativa do contrato de gestão, and the national sets Previne Brasil and
 * co-financing of APS. Plain data; a UI lists `catalogs` and writes the chosen one's `rows`.
 */
import { COFINANCIAMENTO_INDICATORS, type CofinanciamentoIndicator } from "./cofinanciamento";
import { INSTRUMENT_INDICATORS, type InstrumentIndicator } from "./instrumento";
import { PMAQ_INDICATORS, type PmaqIndicator } from "./pmaq";
import { PREVINE_INDICATORS, type PrevineIndicator } from "./previne";

export { COFINANCIAMENTO_INDICATORS, type CofinanciamentoIndicator } from "./cofinanciamento";
export { INSTRUMENT_INDICATORS, type InstrumentIndicator, type InstrumentType } from "./instrumento";
export { PMAQ_AREAS, PMAQ_INDICATORS, type PmaqArea, type PmaqIndicator } from "./pmaq";
export { PREVINE_INDICATORS, type PrevineIndicator } from "./previne";

/** The identifier of a catalogue. */
export type CatalogId = "pmaq" | "instrumento" | "previne" | "cofinanciamento";

/** What every catalogue carries besides its rows. */
interface CatalogInfo<Id extends CatalogId, Row> {
  id: Id;
  /** pt-BR title for a menu. */
  name: string;
  /** pt-BR, one sentence. */
  description: string;
  /** pt-BR citation of where the rows come from. */
  source: string;
  rows: readonly Row[];
}

/** A catalogue; `id` tells which row type `rows` holds. */
export type Catalog =
  | CatalogInfo<"pmaq", PmaqIndicator>
  | CatalogInfo<"instrumento", InstrumentIndicator>
  | CatalogInfo<"previne", PrevineIndicator>
  | CatalogInfo<"cofinanciamento", CofinanciamentoIndicator>;

/** The catalogues, in menu order. */
export const catalogs: readonly Catalog[] = [
  {
    id: "instrumento",
    name: "Instrumento de avaliação quantitativa e qualitativa",
    description:
      "Indicadores do instrumento de avaliação do contrato de gestão, com tipo, periodicidade, meta, fonte de verificação, evidências e responsável.",
    source: "Instrumento de avaliação quantitativa e qualitativa de contrato de gestão da Atenção Básica",
    rows: INSTRUMENT_INDICATORS,
  },
  {
    id: "pmaq",
    name: "Indicadores do PMAQ",
    description:
      "Os 47 indicadores do PMAQ em 7 áreas estratégicas, classificados como de desempenho ou de monitoramento.",
    source: "Decreto nº 4.515/2011, Cajamar-SP — anexo",
    rows: PMAQ_INDICATORS,
  },
  {
    id: "previne",
    name: "Previne Brasil — indicadores de desempenho (2022)",
    description:
      "Os sete indicadores de desempenho da APS do Previne Brasil, com meta e peso no Indicador Sintético Final.",
    source: "Portarias GM/MS nº 2.979/2019, nº 3.222/2019 e nº 102/2022; Nota Técnica nº 1/2022",
    rows: PREVINE_INDICATORS,
  },
  {
    id: "cofinanciamento",
    name: "Cofinanciamento federal da APS — indicadores de qualidade",
    description:
      "Os indicadores C1 a C7 do componente de qualidade do cofinanciamento federal da APS, com seus pesos na nota final.",
    source: "Portaria GM/MS nº 3.493/2024; Nota Técnica nº 8/2026-DEAPS (que revogou a Nota Técnica nº 6/2025)",
    rows: COFINANCIAMENTO_INDICATORS,
  },
];

/** The catalogue with the given id. */
export function getCatalog<Id extends CatalogId>(id: Id): Extract<Catalog, { id: Id }> {
  return catalogs.find((c) => c.id === id) as Extract<Catalog, { id: Id }>;
}
