/**
 * The 47 PMAQ indicators (Programa Nacional de Melhoria do Acesso e da Qualidade da Atenção Básica) as
 * listed in the annex of Decreto nº 4.515/2011 of Cajamar-SP: 7 areas, each indicator of
 * desempenho (performance, scored) or monitoramento (monitoring, shown but not scored).
 *
 * Names are copied as the annex writes them; only PDF line breaks and spacing were fixed.
 */
import type { Kind } from "../types";

/** The seven PMAQ evaluation areas, in the annex's order, as pt-BR titles. */
export const PMAQ_AREAS = [
  "Saúde da Mulher",
  "Saúde da Criança",
  "Controle de Diabetes Mellitus e Hipertensão Arterial Sistêmica",
  "Saúde Bucal",
  "Produção Geral",
  "Tuberculose e Hanseníase",
  "Saúde Mental",
] as const;

/** One of the seven PMAQ evaluation areas. */
export type PmaqArea = (typeof PMAQ_AREAS)[number];

/** One PMAQ indicator of the annex. */
export interface PmaqIndicator {
  /** The annex's code, "area.position", e.g. "1.1", "5.12". */
  code: string;
  /** The indicator's name in pt-BR, as the annex writes it. */
  name: string;
  /** The evaluation area (pt-BR title). */
  area: PmaqArea;
  /** Desempenho (counts for the evaluation) or monitoramento (followed, not scored). */
  kind: Kind;
}

const [MULHER, CRIANCA, DIABETES_HIPERTENSAO, BUCAL, PRODUCAO, TB_HANSENIASE, MENTAL] = PMAQ_AREAS;

/** The 47 indicators, in the annex's order. */
export const PMAQ_INDICATORS: readonly PmaqIndicator[] = [
  // 1 – Saúde da Mulher
  {
    code: "1.1",
    name: "Proporção de gestantes cadastradas pela equipe de atenção básica",
    area: MULHER,
    kind: "desempenho",
  },
  { code: "1.2", name: "Média de atendimentos de pré-natal por gestante cadastrada", area: MULHER, kind: "desempenho" },
  {
    code: "1.3",
    name: "Proporção de gestantes que iniciaram o pré-natal no 1º trimestre",
    area: MULHER,
    kind: "desempenho",
  },
  { code: "1.4", name: "Proporção de gestantes com o pré-natal em dia", area: MULHER, kind: "desempenho" },
  { code: "1.5", name: "Proporção de gestantes com vacina em dia", area: MULHER, kind: "desempenho" },
  {
    code: "1.6",
    name: "Razão entre exames citopatológicos do colo útero na faixa etária de 15 anos ou mais",
    area: MULHER,
    kind: "desempenho",
  },
  {
    code: "1.7",
    name: "Proporção de gestantes acompanhadas por meio de visitas domiciliares",
    area: MULHER,
    kind: "monitoramento",
  },

  // 2 – Saúde da Criança
  { code: "2.1", name: "Média de atendimentos de puericultura", area: CRIANCA, kind: "desempenho" },
  {
    code: "2.2",
    name: "Proporção de crianças menores de 4 meses com aleitamento exclusivo",
    area: CRIANCA,
    kind: "desempenho",
  },
  { code: "2.3", name: "Proporção de crianças menores de 1 ano com vacina em dia", area: CRIANCA, kind: "desempenho" },
  { code: "2.4", name: "Proporção de crianças menores de 2 anos pesadas", area: CRIANCA, kind: "desempenho" },
  { code: "2.5", name: "Média de consultas médicas para menores de 2 anos", area: CRIANCA, kind: "desempenho" },
  { code: "2.6", name: "Média de consultas médicas para menores de 5 anos", area: CRIANCA, kind: "desempenho" },
  { code: "2.7", name: "Proporção de crianças com baixo peso ao nascer", area: CRIANCA, kind: "monitoramento" },
  {
    code: "2.8",
    name: "Proporção de crianças menores de um ano acompanhadas no domicílio",
    area: CRIANCA,
    kind: "monitoramento",
  },
  {
    code: "2.9",
    name: "Cobertura de crianças menores de 5 anos de idade no sistema de vigilância alimentar e nutricional (SISVAN)",
    area: CRIANCA,
    kind: "monitoramento",
  },

  // 3 – Controle de Diabetes Mellitus e Hipertensão Arterial Sistêmica
  { code: "3.1", name: "Proporção de diabéticos cadastrados", area: DIABETES_HIPERTENSAO, kind: "desempenho" },
  { code: "3.2", name: "Proporção de hipertensos cadastrados", area: DIABETES_HIPERTENSAO, kind: "desempenho" },
  { code: "3.3", name: "Média de atendimentos por diabético", area: DIABETES_HIPERTENSAO, kind: "desempenho" },
  { code: "3.4", name: "Média de atendimentos por hipertenso", area: DIABETES_HIPERTENSAO, kind: "desempenho" },
  {
    code: "3.5",
    name: "Proporção de diabéticos acompanhados no domicílio",
    area: DIABETES_HIPERTENSAO,
    kind: "monitoramento",
  },
  {
    code: "3.6",
    name: "Proporção de hipertensos acompanhados no domicílio",
    area: DIABETES_HIPERTENSAO,
    kind: "monitoramento",
  },

  // 4 – Saúde Bucal
  { code: "4.1", name: "Média da ação coletiva de escovação dental supervisionada", area: BUCAL, kind: "desempenho" },
  { code: "4.2", name: "Cobertura de primeira consulta odontológica programática", area: BUCAL, kind: "desempenho" },
  {
    code: "4.3",
    name: "Cobertura de 1ª consulta de atendimento odontológico à gestante",
    area: BUCAL,
    kind: "desempenho",
  },
  {
    code: "4.4",
    name: "Razão entre tratamentos concluídos e primeiras consultas odontológicas programáticas",
    area: BUCAL,
    kind: "desempenho",
  },
  { code: "4.5", name: "Média de instalações de próteses dentárias", area: BUCAL, kind: "monitoramento" },
  {
    code: "4.6",
    name: "Média de atendimentos de urgência odontológica por habitante",
    area: BUCAL,
    kind: "monitoramento",
  },
  { code: "4.7", name: "Taxa de incidência de alterações da mucosa oral", area: BUCAL, kind: "monitoramento" },

  // 5 – Produção Geral
  { code: "5.1", name: "Média de consultas médicas por habitante", area: PRODUCAO, kind: "desempenho" },
  {
    code: "5.2",
    name: "Proporção de consultas médicas para cuidado continuado/ programado",
    area: PRODUCAO,
    kind: "desempenho",
  },
  { code: "5.3", name: "Proporção de consultas médicas de demanda agendada", area: PRODUCAO, kind: "desempenho" },
  { code: "5.4", name: "Proporção de consulta médica de demanda imediata", area: PRODUCAO, kind: "desempenho" },
  {
    code: "5.5",
    name: "Proporção de consultas médicas de urgência com observação",
    area: PRODUCAO,
    kind: "monitoramento",
  },
  {
    code: "5.6",
    name: "Proporção de encaminhamentos para atendimento de urgência e emergência",
    area: PRODUCAO,
    kind: "monitoramento",
  },
  {
    code: "5.7",
    name: "Proporção de encaminhamentos para atendimento especializado",
    area: PRODUCAO,
    kind: "monitoramento",
  },
  {
    code: "5.8",
    name: "Proporção de encaminhamentos para internação hospitalar",
    area: PRODUCAO,
    kind: "monitoramento",
  },
  {
    code: "5.9",
    name: "Média de exames solicitados por consulta médica básica",
    area: PRODUCAO,
    kind: "monitoramento",
  },
  { code: "5.10", name: "Média de atendimentos de enfermeiros", area: PRODUCAO, kind: "monitoramento" },
  {
    code: "5.11",
    name: "Média de visitas domiciliares realizadas pelo agente comunitário de saúde (ACS) por família cadastrada",
    area: PRODUCAO,
    kind: "monitoramento",
  },
  {
    code: "5.12",
    name: "Proporção de acompanhamento das condicionalidades de saúde pelas famílias beneficiárias do programa bolsa família",
    area: PRODUCAO,
    kind: "monitoramento",
  },

  // 6 – Tuberculose e Hanseníase (monitoring only)
  { code: "6.1", name: "Média de atendimentos de Tuberculose", area: TB_HANSENIASE, kind: "monitoramento" },
  { code: "6.2", name: "Média de atendimentos de Hanseníase", area: TB_HANSENIASE, kind: "monitoramento" },

  // 7 – Saúde Mental (monitoring only)
  {
    code: "7.1",
    name: "Proporção de atendimentos em saúde mental exceto usuários de álcool e drogas",
    area: MENTAL,
    kind: "monitoramento",
  },
  { code: "7.2", name: "Proporção de atendimentos de usuário de álcool", area: MENTAL, kind: "monitoramento" },
  { code: "7.3", name: "Proporção de atendimentos de usuário de drogas", area: MENTAL, kind: "monitoramento" },
  { code: "7.4", name: "Taxa de prevalência de alcoolismo", area: MENTAL, kind: "monitoramento" },
];
