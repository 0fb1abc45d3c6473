/**
 * The custom functions of the META namespace (`=META.ATINGIMENTO(C2;D2)`): each one a thin wrapper over
 * src/core. Names and descriptions are pt-BR because the users are; the JSDoc below is the metadata that
 * custom-functions-metadata-plugin turns into functions.json. Argument coercion lives in ./coerce.
 *
 * Parameters are typed `any` on purpose: the metadata then lets Excel pass numbers, texts ("90% ou mais"),
 * booleans and empty cells alike, and ./coerce reads them once.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { attainment, concept as conceptOf, note, overrideDirection, reconcileScale } from "../core/attainment";
import { findBand } from "../core/bands";
import { COFINANCIAMENTO_INDICATORS } from "../core/catalogs/cofinanciamento";
import { areFractions, evaluateContract, type RowInput } from "../core/evaluate";
import { isImplausible } from "../core/completeness";
import { formatNumber, formatPercent, messages, nationalScaleStrings } from "../core/messages";
import { functionMessages } from "./messages";
import {
  isProblem,
  normalizeText,
  parseDirection,
  parseJustificationDecision,
  parseKind,
  readNumber,
} from "../core/parse";
import { conceptText } from "../core/conceptText";
import { parsePeriod, periodOf } from "../core/periods";
import { presets } from "../core/presets";
import { checkTeam, minAgents, minTeams } from "../core/staffing";
import type { CellValue, OverallMethod, PeriodKind, Target } from "../core/types";
import { bandTableArg, booleanArg, fail, failWith, flatten, isBlank, numberArg, readingArg, targetArg } from "./coerce";

/** Result and target on one scale, with the "Sentido" override applied. */
function compared(resultado: unknown, meta: unknown, sentido?: unknown): { result: number; target: Target } {
  const reading = readingArg(resultado, "resultado");
  if (!reading) return fail(functionMessages.noResult, "na");
  const direction = isBlank(sentido) ? undefined : parseDirection(String(sentido));
  const target = overrideDirection(targetArg(meta), direction);
  const out = reconcileScale(reading, target);
  if (out.kind === "invalid") return failWith(out.problem);
  // As the core does for a row: a result that cannot be true is an error, not an A.
  const percent = out.target.scale === "percent";
  if (isImplausible(out.result, percent))
    return fail(messages.implausibleResult(percent ? formatPercent(out.result) : formatNumber(out.result), percent));
  return out;
}

/** The overall attainment argument as a percentage point value for band tables (0,85 or 85 → 85). */
function percentPoints(value: unknown): number {
  const reading = readingArg(value, "percentual");
  if (!reading) return fail(functionMessages.missingArgument("percentual"), "na");
  return reading.scale === "percent" || Math.abs(reading.value) <= 1 ? reading.value * 100 : reading.value;
}

/**
 * Atingimento da meta: quanto do resultado alcança a meta (1 = 100%). Aceita a meta como número ou texto (“90% ou mais”, “até 5%”).
 * @customfunction ATINGIMENTO
 * @param resultado O resultado alcançado no período (número ou porcentagem).
 * @param meta A meta pactuada: número ou texto, como “90% ou mais”, “Mínimo de 10” ou “até 5%”.
 * @param [sentido] Opcional: “maior melhor” ou “menor melhor”; prevalece sobre o texto da meta.
 * @param [limitar] Opcional: VERDADEIRO (padrão) limita o atingimento entre 0% e 100%; FALSO mostra o valor bruto.
 * @returns O atingimento como fração (formate a célula como porcentagem).
 */
export function atingimento(resultado: any, meta: any, sentido?: any, limitar?: any): number {
  const { result, target } = compared(resultado, meta, sentido);
  const a = attainment(result, target);
  return booleanArg(limitar, true) ? a.scored : a.raw;
}

/**
 * Conceito do indicador: A (Suficiente) quando o resultado atinge a meta, B (Insuficiente) quando não; “Sem dado” sem resultado.
 * @customfunction CONCEITO
 * @param resultado O resultado alcançado no período.
 * @param meta A meta pactuada: número ou texto, como “90% ou mais”.
 * @param [sentido] Opcional: “maior melhor” ou “menor melhor”.
 * @param [aceite] Opcional: a decisão da comissão sobre a justificativa de um B (Total, Parcial ou Não).
 * @param [natureza] Opcional: Desempenho ou Monitoramento.
 * @returns A, B, “B – justificado”, “B – justificado parcialmente” (com “ – monitoramento” nos indicadores de monitoramento) ou “Sem dado”.
 */
export function conceito(resultado: any, meta: any, sentido?: any, aceite?: any, natureza?: any): string {
  const kind = isBlank(natureza)
    ? "desempenho"
    : (parseKind(natureza as CellValue) ?? fail(messages.unreadableKind(String(natureza))));
  if (isBlank(resultado)) return conceptText({ status: "noData", kind });
  const { result, target } = compared(resultado, meta, sentido);
  const decision = isBlank(aceite) ? undefined : parseJustificationDecision(aceite as CellValue);
  if (isProblem(decision)) return failWith(decision);
  return conceptText({ status: "evaluated", kind, concept: conceptOf(result, target), decision });
}

/**
 * Faixa de recomendação (1 a 6) do atingimento global, pelas faixas do contrato ou por uma tabela sua.
 * @customfunction FAIXA
 * @param percentual O atingimento global (85% ou 85).
 * @param [tabela] Opcional: intervalo com a sua tabela de faixas (limite inferior e rótulo, ou condição e rótulo).
 * @returns O número da faixa (1 é a melhor; numa tabela sua, a ordem das linhas).
 */
export function faixa(percentual: any, tabela?: any[][]): number {
  const table = bandTableArg(tabela);
  const found = findBand(table, percentPoints(percentual));
  if (found.kind === "invalid") return failWith(found.problem);
  return found.band.number ?? table.bands.indexOf(found.band) + 1;
}

/**
 * Texto da recomendação da faixa em que cai o atingimento global.
 * @customfunction RECOMENDACAO
 * @param percentual O atingimento global (85% ou 85).
 * @param [tabela] Opcional: intervalo com a sua tabela de faixas (limite inferior, rótulo e recomendação).
 * @returns A recomendação da Comissão de Avaliação para a faixa.
 */
export function recomendacao(percentual: any, tabela?: any[][]): string {
  const table = bandTableArg(tabela);
  const found = findBand(table, percentPoints(percentual));
  if (found.kind === "invalid") return failWith(found.problem);
  return found.band.recommendation ?? found.band.label;
}

/**
 * Nota do indicador (Previne Brasil): escala × resultado ÷ meta, no máximo a escala. 30% com meta de 60% dá 5.
 * @customfunction NOTA
 * @param resultado O resultado do indicador.
 * @param meta A meta do indicador.
 * @param [escala] Opcional: a nota máxima (padrão 10).
 * @returns A nota, de 0 até a escala.
 */
export function nota(resultado: any, meta: any, escala?: any): number {
  const { result, target } = compared(resultado, meta);
  const scale = isBlank(escala) ? 10 : numberArg(escala, "escala");
  return note(result, target, scale);
}

/**
 * Indicador Sintético Final (Previne Brasil): média das notas ponderada pelos pesos, de 0 a 10.
 * @customfunction ISF
 * @param notas As notas dos indicadores (0 a 10).
 * @param pesos Os pesos dos indicadores, na mesma ordem.
 * @returns O ISF.
 */
export function isf(notas: any[][], pesos: any[][]): number {
  const n = flatten(notas);
  const w = flatten(pesos);
  if (n.length !== w.length) return fail(functionMessages.mismatchedRanges("notas", "pesos"));
  let sum = 0;
  let weights = 0;
  n.forEach((value, i) => {
    if (isBlank(value)) return;
    const weight = numberArg(w[i], "peso");
    sum += numberArg(value, "nota") * weight;
    weights += weight;
  });
  if (weights === 0) return fail(functionMessages.noWeights, "div0");
  return sum / weights;
}

/**
 * Atingimento global do contrato: proporção de metas atingidas (padrão) ou média do atingimento, só com indicadores de desempenho.
 * @customfunction GLOBAL
 * @param resultados Os resultados dos indicadores (células vazias ficam de fora como “Sem dado”).
 * @param metas As metas, na mesma ordem (números ou textos).
 * @param [pesos] Opcional: os pesos (padrão 1).
 * @param [naturezas] Opcional: Desempenho ou Monitoramento; monitoramento não pontua.
 * @param [metodo] Opcional: “proporcao” (padrão) ou “media”.
 * @returns O atingimento global como fração.
 */
export function global(
  resultados: any[][],
  metas: any[][],
  pesos?: any[][],
  naturezas?: any[][],
  metodo?: any,
): number {
  const results = flatten(resultados);
  const targets = flatten(metas);
  const weights = flatten(pesos);
  const kinds = flatten(naturezas);
  if (targets.length !== results.length) return fail(functionMessages.mismatchedRanges("resultados", "metas"));
  if (weights.length > 0 && weights.length !== results.length)
    return fail(functionMessages.mismatchedRanges("resultados", "pesos"));
  if (kinds.length > 0 && kinds.length !== results.length)
    return fail(functionMessages.mismatchedRanges("resultados", "naturezas"));
  const method = methodArg(metodo);
  const rows: RowInput[] = results.map((result, i) => ({
    code: String(i + 1),
    indicator: String(i + 1),
    result: { value: result as CellValue },
    target: { value: targets[i] as CellValue },
    ...(weights.length ? { weight: { value: weights[i] as CellValue } } : {}),
    ...(kinds.length ? { kind: { value: kinds[i] as CellValue } } : {}),
  }));
  const evaluation = evaluateContract(rows, { preset: presets.instrumento, method });
  if (evaluation.problems.length > 0) return failWith(evaluation.problems[0]);
  if (evaluation.overall.attainment === undefined) return fail(functionMessages.noScoredIndicators, "na");
  return evaluation.overall.attainment;
}

function methodArg(value: unknown): OverallMethod {
  if (isBlank(value)) return "shareMet";
  const t = normalizeText(String(value));
  if (t.startsWith("propor")) return "shareMet";
  if (t.startsWith("media")) return "meanAttainment";
  return fail(functionMessages.unknownMethod(String(value)));
}

/**
 * Classificação de um valor por uma tabela de faixas (por exemplo, Ótimo, Bom, Suficiente ou Regular no cofinanciamento da APS).
 * @customfunction CLASSIFICACAO
 * @param valor O valor a classificar, na escala da tabela (por exemplo, 0 a 100).
 * @param tabela Um intervalo com condição (“> 50 e ≤ 70”) e rótulo, ou o nome de uma tabela pronta: C1, C2 a C7, FINAL.
 * @returns O rótulo da faixa.
 */
export function classificacao(valor: any, tabela: any[][]): string {
  // A table's name typed in the call arrives as one cell ([["FINAL"]]), or as text from a direct call.
  const cellValue: unknown =
    Array.isArray(tabela) && tabela.length === 1 && Array.isArray(tabela[0]) && tabela[0].length === 1
      ? tabela[0][0]
      : tabela;
  const named = typeof cellValue === "string" ? cellValue.trim().toUpperCase().replace(/\s+/g, "") : "";
  const table = bandTableArg(
    tabela,
    named === "FINAL" || named === "NOTAFINAL" ? { min: 0, max: 10 } : { min: 0, max: 100 },
  );
  const reading = readingArg(valor, "valor");
  if (!reading) return fail(functionMessages.missingArgument("valor"), "na");
  // A percentage ("45%") on a 0–100 table is 45 points.
  const value = reading.scale === "percent" && table.domain.max > 1 ? reading.value * 100 : reading.value;
  const found = findBand(table, value);
  if (found.kind === "invalid") return failWith(found.problem);
  return found.band.label;
}

/**
 * Nota final do componente de qualidade do cofinanciamento da APS: os resultados de C1 a C7 (0 a 100), cada um classificado (C1 pela faixa de 50 a 70), fatores somados com os pesos, de 0 a 10.
 * @customfunction NOTA_FINAL
 * @param resultados Os sete resultados da equipe, na ordem C1 a C7 (em linha ou em coluna); uma célula vazia conta zero e os pesos não são redistribuídos (a nota soma sempre os dez pesos).
 * @returns A nota final, de 0 a 10 (classifique-a com META.CLASSIFICACAO(nota; "FINAL")).
 */
export function notaFinal(resultados: any[][]): number {
  const results = flatten(resultados);
  if (results.length !== COFINANCIAMENTO_INDICATORS.length)
    return fail(functionMessages.cofinResultsCount(results.length, COFINANCIAMENTO_INDICATORS.length));
  // Seven plain fractions (0,6; 0,8…) are the scale problem of a column: 0,6 points or 60%? Never classified.
  const readings = results
    .map((v) => readNumber(v as CellValue))
    .flatMap((r) => (r.kind === "number" ? [r.reading] : []));
  if (areFractions(readings)) {
    const example = readings.find((r) => r.value > 0)!.value;
    return fail(
      nationalScaleStrings.fractionColumn("C1 a C7", [], formatNumber(example, 4), formatNumber(example * 100, 2)),
    );
  }
  // The same rules as a workbook's evaluation: each result classified by its indicator's table, nota = Σ factor × peso
  // over the ten weights (an empty cell adds nothing).
  const rows: RowInput[] = COFINANCIAMENTO_INDICATORS.map((indicator, i) => ({
    code: indicator.code,
    indicator: indicator.code,
    result: { value: results[i] as CellValue },
    target: { value: null },
    weight: { value: indicator.weight },
  }));
  // The scale was checked over the seven together above, not one result at a time.
  const evaluation = evaluateContract(rows, { preset: presets.cofinanciamento, fractionColumns: [] });
  if (evaluation.problems.length > 0) return failWith(evaluation.problems[0]);
  if (evaluation.overall.value === undefined) return fail(functionMessages.noScoredIndicators, "na");
  return evaluation.overall.value;
}

/**
 * Proporção entre numerador e denominador (por exemplo, gestantes acompanhadas ÷ gestantes cadastradas).
 * @customfunction PROPORCAO
 * @param numerador O numerador.
 * @param denominador O denominador.
 * @returns A proporção como fração.
 */
export function proporcao(numerador: any, denominador: any): number {
  const num = numberArg(numerador, "numerador");
  const den = numberArg(denominador, "denominador");
  if (den === 0) return fail(messages.zeroDenominator, "div0");
  return num / den;
}

/**
 * Lê o número de uma meta escrita em texto: “90% ou mais” dá 90%, “Mínimo de 10 visitas” dá 10.
 * @customfunction LER_META
 * @param texto A meta como está no contrato.
 * @returns O valor da meta (porcentagens como fração).
 */
export function lerMeta(texto: any): number {
  const target = targetArg(texto);
  if (target.direction === "range") return fail(messages.unreadableTarget(String(texto), messages.expectedTargetText));
  return target.value;
}

const PERIOD_KINDS: Record<string, PeriodKind> = {
  mes: "month",
  bimestre: "bimester",
  trimestre: "quarter",
  quadrimestre: "fourMonth",
  semestre: "semester",
  ano: "year",
};

/**
 * O período de uma data: 2025-01 (mês), 2025-T1 (trimestre), 2025-Q1 (quadrimestre), 2025-S1, 2025.
 * @customfunction PERIODO
 * @param data Uma data, ou um texto como “jan/2025”.
 * @param [tipo] Opcional: mes (padrão), bimestre, trimestre, quadrimestre, semestre ou ano.
 * @returns O rótulo do período.
 */
export function periodo(data: any, tipo?: any): string {
  let kind: PeriodKind = "month";
  if (!isBlank(tipo)) {
    const key = normalizeText(String(tipo));
    const found = PERIOD_KINDS[key];
    if (!found) return fail(functionMessages.unknownPeriodKind(String(tipo)));
    kind = found;
  }
  if (isBlank(data)) return fail(functionMessages.missingArgument("data"), "na");
  const out = parsePeriod(data as CellValue);
  if (out.kind === "invalid") return failWith(out.problem);
  return out.period.kind === kind ? out.period.label : periodOf(out.period.start, kind).label;
}

function populationArg(value: unknown): number {
  return numberArg(value, "populacao");
}

/**
 * Número mínimo de equipes de Saúde da Família para uma população (no máximo 4.000 pessoas por equipe).
 * @customfunction EQUIPES_MIN
 * @param populacao A população a cobrir.
 * @returns O número mínimo de equipes.
 */
export function equipesMin(populacao: any): number {
  const out = minTeams(populationArg(populacao));
  return isProblem(out) ? failWith(out) : out;
}

/**
 * Número mínimo de Agentes Comunitários de Saúde para cobrir 100% da população (no máximo 750 pessoas por ACS).
 * @customfunction ACS_MIN
 * @param populacao A população cadastrada.
 * @returns O número mínimo de ACS.
 */
export function acsMin(populacao: any): number {
  const out = minAgents(populationArg(populacao));
  return isProblem(out) ? failWith(out) : out;
}

/**
 * Verifica a composição de uma equipe de Saúde da Família: população por equipe, número de ACS e profissionais mínimos.
 * @customfunction EQUIPE_VERIFICAR
 * @param populacao A população cadastrada da equipe.
 * @param acs O número de Agentes Comunitários de Saúde.
 * @param [medicos] Opcional: número de médicos.
 * @param [enfermeiros] Opcional: número de enfermeiros.
 * @param [auxiliares] Opcional: número de auxiliares ou técnicos de enfermagem.
 * @returns “OK” ou o que falta, em texto.
 */
export function equipeVerificar(populacao: any, acs: any, medicos?: any, enfermeiros?: any, auxiliares?: any): string {
  const optional = (v: unknown, name: string) => (isBlank(v) ? undefined : numberArg(v, name));
  const out = checkTeam({
    population: populationArg(populacao),
    agents: numberArg(acs, "acs"),
    doctors: optional(medicos, "medicos"),
    nurses: optional(enfermeiros, "enfermeiros"),
    nursingAssistants: optional(auxiliares, "auxiliares"),
  });
  if (isProblem(out)) return failWith(out);
  return out.ok ? functionMessages.teamOk : out.findings.join(" ");
}
