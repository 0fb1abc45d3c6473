/**
 * Previne Brasil: the seven indicators of the national APS performance payment from 2022 (Portarias
 * 2.979/2019, 3.222/2019, 102/2022; Nota Técnica 1/2022), with meta and peso as in domain.md §5.
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
}

/** The 2022 indicator set, in order. */
export const PREVINE_INDICATORS: readonly PrevineIndicator[] = [
  { code: "1", name: "Gestantes com pelo menos 6 consultas pré-natal, a 1ª até a 12ª semana", target: 0.45, weight: 1 },
  { code: "2", name: "Gestantes com realização de exames para sífilis e HIV", target: 0.6, weight: 1 },
  { code: "3", name: "Gestantes com atendimento odontológico realizado", target: 0.6, weight: 2 },
  { code: "4", name: "Mulheres com coleta de citopatológico na APS", target: 0.4, weight: 1 },
  { code: "5", name: "Crianças de 1 ano vacinadas (pólio inativada e pentavalente)", target: 0.95, weight: 2 },
  { code: "6", name: "Pessoas com hipertensão, com consulta e pressão arterial aferida no semestre", target: 0.5, weight: 2 },
  { code: "7", name: "Pessoas com diabetes, com consulta e hemoglobina glicada solicitada no semestre", target: 0.5, weight: 1 },
];
