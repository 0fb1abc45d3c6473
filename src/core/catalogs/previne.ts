/**
 * Previne Brasil: the seven indicators of the national APS performance payment from 2022 (Portarias
 * 2.979/2019, 3.222/2019, 102/2022; Nota Técnica 1/2022), with meta and peso as in docs/regras.md §8.3.
 * Per indicator `nota = min(10; 10 × resultado / meta)`; `ISF = Σ(nota × peso) / Σ peso` — the weights add to 10.
 */

/** One Previne Brasil indicator. */
export interface PrevineIndicator {
  /** "1" … "7", the indicator's number in the 2022 set. */
  code: string;
  /** pt-BR name. */
  name: string;
  /** The national target as a fraction (45% → 0.45); higher is better. */
  target: number;
  /** Weight in the ISF (Indicador Sintético Final); the seven weights add to 10. */
  weight: number;
  /**
   * Other names the indicator goes by: the official long name of the 2022 set (Nota Técnica 1/2022, as the
   * SISAB panel titles it) and the name of the 2020–2021 set where it was worded differently. Used to
   * recognise an indicator by its name (catalogs/lookup); not shown.
   */
  aliases: readonly string[];
}

/** The 2022 indicator set, in order. */
export const PREVINE_INDICATORS: readonly PrevineIndicator[] = [
  {
    code: "1",
    name: "Gestantes com pelo menos 6 consultas pré-natal, a 1ª até a 12ª semana",
    target: 0.45,
    weight: 1,
    aliases: [
      "Proporção de gestantes com pelo menos 6 (seis) consultas pré-natal realizadas, sendo a 1ª (primeira) até a 12ª (décima segunda) semana de gestação",
      // 2020–2021: the first consultation up to the 20th week.
      "Proporção de gestantes com pelo menos 6 (seis) consultas pré-natal realizadas, sendo a 1ª até a 20ª semana de gestação",
    ],
  },
  {
    code: "2",
    name: "Gestantes com realização de exames para sífilis e HIV",
    target: 0.6,
    weight: 1,
    aliases: ["Proporção de gestantes com realização de exames para sífilis e HIV"],
  },
  {
    code: "3",
    name: "Gestantes com atendimento odontológico realizado",
    target: 0.6,
    weight: 2,
    aliases: ["Proporção de gestantes com atendimento odontológico realizado"],
  },
  {
    code: "4",
    name: "Mulheres com coleta de citopatológico na APS",
    target: 0.4,
    weight: 1,
    aliases: ["Proporção de mulheres com coleta de citopatológico na APS", "Cobertura de exame citopatológico"],
  },
  {
    code: "5",
    name: "Crianças de 1 ano vacinadas (pólio inativada e pentavalente)",
    target: 0.95,
    weight: 2,
    aliases: [
      "Proporção de crianças de 1 (um) ano de idade vacinadas na APS contra Difteria, Tétano, Coqueluche, Hepatite B, infecções causadas por haemophilus influenzae tipo b e Poliomielite inativada",
      "Cobertura vacinal de Poliomielite inativada e de Pentavalente",
    ],
  },
  {
    code: "6",
    name: "Pessoas com hipertensão, com consulta e pressão arterial aferida no semestre",
    target: 0.5,
    weight: 2,
    aliases: [
      "Proporção de pessoas com hipertensão, com consulta e pressão arterial aferida no semestre",
      "Percentual de pessoas hipertensas com Pressão Arterial aferida em cada semestre",
    ],
  },
  {
    code: "7",
    name: "Pessoas com diabetes, com consulta e hemoglobina glicada solicitada no semestre",
    target: 0.5,
    weight: 1,
    aliases: [
      "Proporção de pessoas com diabetes, com consulta e hemoglobina glicada solicitada no semestre",
      "Percentual de diabéticos com solicitação de hemoglobina glicada",
    ],
  },
];
