/** The custom functions' own texts (errors of `META.*` arguments), in pt-BR. */
import { quote } from "../core/messages";

export const functionMessages = {
  // --- custom functions (META.*) ---
  expectedNumber: (name: string, text: string) =>
    `O argumento ${name} deveria ser um número (como 75, 75,5 ou 75%), mas recebeu ${quote(text)}.`,
  missingArgument: (name: string) => `Sem dado: o argumento ${name} está vazio.`,
  expectedBoolean: (text: string) => `Esperava VERDADEIRO ou FALSO, mas recebeu ${quote(text)}.`,
  emptyBandTable:
    "A tabela de faixas está vazia. Informe linhas com o limite inferior (ou a condição, como “> 50 e ≤ 70”) e o rótulo.",
  userTable: "Tabela de faixas da planilha",
  unknownTable: (name: string) =>
    `Não conheço a tabela ${quote(name)}. Use C1 a C7, FINAL ou CONTRATO, ou selecione um intervalo com a sua tabela de faixas.`,
  noResult: "Sem dado: o resultado ainda não foi informado.",
  unknownMethod: (text: string) =>
    `Método ${quote(text)} desconhecido. Use “proporcao” (proporção de metas atingidas) ou “media” (média do atingimento).`,
  unknownPeriodKind: (text: string) =>
    `Tipo de período ${quote(text)} desconhecido. Use mes, bimestre, trimestre, quadrimestre, semestre ou ano.`,
  mismatchedRanges: (a: string, b: string) => `Os intervalos ${a} e ${b} precisam ter o mesmo número de células.`,
  cofinResultsCount: (found: number, expected: number) =>
    `Informe os ${expected} resultados da equipe, na ordem C1 a C${expected}; o intervalo tem ${found} ${found === 1 ? "célula" : "células"}.`,
  noWeights: "A soma dos pesos é zero: não há como calcular a média ponderada.",
  noScoredIndicators: "Nenhum indicador de desempenho com resultado: não há atingimento global a calcular.",
  teamOk: "OK",
};
