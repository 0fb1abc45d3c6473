/**
 * Every pt-BR text the core shows a person, in one place so wording is reviewed in one file and another
 * language can be added later. Messages say what was found and what was expected.
 */

const numberFormats = new Map<number, Intl.NumberFormat>();

/** Formats a number the pt-BR way (`1.234,5`), at most `decimals` decimals. */
export function formatNumber(value: number, decimals = 2): string {
  return numberFormat(decimals).format(value);
}

/**
 * The formatter `toLocaleString("pt-BR", …)` would build on every call, built once per number of decimals:
 * building one costs far more than formatting, and reports format a figure per unit and indicator.
 */
function numberFormat(decimals: number): Intl.NumberFormat {
  let found = numberFormats.get(decimals);
  if (!found) {
    found = new Intl.NumberFormat("pt-BR", { maximumFractionDigits: decimals, useGrouping: true });
    numberFormats.set(decimals, found);
  }
  return found;
}

/** Formats a fraction as a pt-BR percentage (`0.755` → `75,5%`). */
export function formatPercent(fraction: number, decimals = 1): string {
  return `${formatNumber(fraction * 100, decimals)}%`;
}

/**
 * How the overall result was computed, as every report names it: the share of targets met, the mean
 * attainment, or (presets that classify, the co-financing) the weighted sum of the classes' factors.
 */
export function methodText(ev: {
  method: "shareMet" | "meanAttainment";
  preset: { scoring: { kind: "ratio" | "classification" } };
}): string {
  if (ev.preset.scoring.kind === "classification") return "soma dos fatores das classes ponderados pelos pesos";
  return ev.method === "shareMet" ? "proporção de metas atingidas" : "média do atingimento";
}

/** Quotes what the user wrote, shortened so a message stays readable. */
export function quote(value: unknown): string {
  const text = String(value);
  return `“${text.length > 60 ? `${text.slice(0, 57)}...` : text}”`;
}

export const messages = {
  // --- parse (numbers, cells, targets) ---
  notANumber: (text: string) => `${quote(text)} não é um número. Esperava um número como 75, 75,5 ou 75%.`,
  logicalValue: (value: boolean) =>
    `${value ? "VERDADEIRO" : "FALSO"} é um valor lógico. Esperava um número como 75 ou 75%.`,
  dateNotNumber: "A célula contém uma data. Esperava um número como 75 ou 75%.",
  excelError: (error: string) => `A célula mostra o erro ${error} do Excel. Corrija a fórmula ou digite o valor.`,
  unreadableTarget: (text: string, reason: string) => `Não foi possível ler a meta ${quote(text)}: ${reason}`,
  expectedTargetText:
    "esperava um número ou um texto como “90% ou mais”, “Mínimo de 10”, “até 5%” ou “entre 50% e 70%”.",
  negativeTarget: "a meta não pode ser negativa.",
  needsBaseline: (text: string) =>
    `A meta ${quote(text)} pede uma mudança em relação a um valor de referência (linha de base), que não foi informado. Informe a meta como número (por exemplo, “até 120 atendimentos”).`,
  unreadableInterval: (text: string) =>
    `Não foi possível ler o intervalo ${quote(text)}. Use, por exemplo, “> 50 e ≤ 70”, “≤ 10 ou > 70”, “entre 50 e 70” ou “≥ 5”.`,
  unreadableDecision: (text: string) =>
    `${quote(text)} não é uma decisão sobre a justificativa. Use Sim (ou Total), Parcial ou Não.`,

  // --- attainment and concept ---
  ambiguousScale: (target: string, result: string) =>
    `Escala ambígua: a meta é ${target} e o resultado é ${result}; não dá para saber se são porcentagens (por exemplo, 0,8 = 80%) ou números comuns. Formate as células como porcentagem ou escreva o sinal % na meta e no resultado.`,

  implausibleResult: (value: string, percent: boolean) =>
    percent
      ? `O resultado ${value} não é plausível: uma porcentagem acima de 1000% não é possível. Confira o valor digitado (e a escala da célula).`
      : `O resultado ${value} não é plausível para este indicador (acima de 1 bilhão ou não é um número finito). Confira o valor digitado.`,

  // --- completeness and duplicates ---
  duplicateSame: (indicator: string, unit: string | undefined, month: string, first: string, second: string) =>
    `${indicator}${unit ? `, ${unit}` : ""}, ${month}: o mesmo resultado aparece em duas linhas (${first} e ${second}); conta uma vez.`,
  duplicateDifferent: (indicator: string, unit: string | undefined, month: string, first: string, second: string) =>
    `${indicator}${unit ? `, ${unit}` : ""}, ${month}: duas linhas com resultados diferentes (${first} e ${second}). Nenhuma das duas foi usada: apague a linha errada.`,

  // --- periods ---
  invalidPeriod: (text: string) =>
    `Período ${quote(text)} não reconhecido. Use, por exemplo, 2025-01, jan/2025, 2025-T1 (trimestre), ` +
    `2025-Q1 (quadrimestre) ou 01/08/2011 a 31/12/2011.`,
  periodEmpty:
    "Período em branco. Informe, por exemplo, 2025-01, jan/2025, 2025-T1 (trimestre) ou 2025-Q1 (quadrimestre).",
  periodWithoutYear: (text: string) =>
    `Período ${quote(text)} sem ano. Escreva também o ano, por exemplo jan/2025 ou março de 2025.`,
  periodYearOutOfRange: (text: string, min: number, max: number) =>
    `Período ${quote(text)}: o ano deve estar entre ${min} e ${max}.`,
  periodIndexOutOfRange: (text: string, unit: string, max: number) =>
    `Período ${quote(text)}: o ${unit} deve ir de 1 a ${max}.`,
  periodFourMonthIndex: (text: string) =>
    `Período ${quote(text)}: Q indica quadrimestre, e o ano só tem três (Q1 a Q3, como no painel do SISAB). ` +
    `Para trimestre, use T, por exemplo 2025-T4.`,
  periodNoSuchDate: (text: string) => `Período ${quote(text)}: essa data não existe no calendário.`,
  periodReversedRange: (text: string) => `Período ${quote(text)}: a data de início vem depois da data de fim.`,
  periodBadNumber: (text: string, min: number, max: number) =>
    `Período ${quote(text)}: o número não é um ano (${min} a ${max}) nem uma data do Excel desse intervalo.`,
  /** pt-BR month abbreviations, January first (for display: `jan/2025`). */
  periodMonthAbbreviations: ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
  /** pt-BR names of the units of a year, by period kind. */
  periodUnitNames: {
    month: "mês",
    bimester: "bimestre",
    quarter: "trimestre",
    fourMonth: "quadrimestre",
    semester: "semestre",
  },
  periodMonthOfYear: (month: string, year: number) => `${month}/${year}`,
  periodOrdinalOfYear: (index: number, unit: string, year: number) => `${index}º ${unit} de ${year}`,
  periodDateRange: (start: string, end: string) => `${start} a ${end}`,

  // --- bands ---
  bandTableEmpty: "A tabela de faixas não tem nenhuma faixa. Inclua ao menos uma faixa.",
  bandDomainInvalid: (min: number, max: number) =>
    `O intervalo da tabela de faixas (de ${formatNumber(min, 6)} a ${formatNumber(max, 6)}) é inválido: esperava dois números, o primeiro menor ou igual ao segundo.`,
  bandDecimalsInvalid: (decimals: number) =>
    `O número de casas decimais da tabela de faixas (${formatNumber(decimals, 6)}) é inválido: esperava um número inteiro de 0 a 10.`,
  bandWithoutIntervals: (band: string) => `A faixa ${quote(band)} não tem nenhum intervalo de valores.`,
  bandBoundNotANumber: (band: string) =>
    `A faixa ${quote(band)} tem um limite que não é um número. Esperava um número como 70 ou 7,5.`,
  bandLowerAboveUpper: (band: string, lower: number, upper: number) =>
    `A faixa ${quote(band)} tem o limite inferior (${formatNumber(lower, 6)}) maior que o superior (${formatNumber(upper, 6)}).`,
  bandEmptyInterval: (band: string, value: number) =>
    `A faixa ${quote(band)} tem os limites inferior e superior iguais (${formatNumber(value, 6)}), mas um deles exclui esse valor, e o intervalo fica vazio. Para uma faixa de um só valor, use “≥” e “≤” (por exemplo, “= ${formatNumber(value, 6)}”).`,
  bandOutsideDomain: (band: string, min: number, max: number) =>
    `A faixa ${quote(band)} fica inteira fora do intervalo da tabela (de ${formatNumber(min, 6)} a ${formatNumber(max, 6)}): nenhum valor cai nela.`,
  bandsOverlap: (first: string, second: string, from: number, to: number) =>
    from === to
      ? `As faixas ${quote(first)} e ${quote(second)} se sobrepõem em ${formatNumber(from, 6)}.`
      : `As faixas ${quote(first)} e ${quote(second)} se sobrepõem entre ${formatNumber(from, 6)} e ${formatNumber(to, 6)}.`,
  bandOverlapsItself: (band: string, from: number, to: number) =>
    from === to
      ? `A faixa ${quote(band)} tem intervalos que se sobrepõem em ${formatNumber(from, 6)}.`
      : `A faixa ${quote(band)} tem intervalos que se sobrepõem entre ${formatNumber(from, 6)} e ${formatNumber(to, 6)}.`,
  bandsGap: (from: number, to: number) =>
    `Nenhuma faixa cobre os valores entre ${formatNumber(from, 6)} e ${formatNumber(to, 6)}.`,
  bandsPointGap: (value: number) => `O valor ${formatNumber(value, 6)} não está em nenhuma faixa.`,
  bandColorInvalid: (band: string, color: string) =>
    `A faixa ${quote(band)} tem a cor ${quote(color)}. Esperava um código de cor como #2E9E4F.`,
  bandFactorInvalid: (band: string) =>
    `A faixa ${quote(band)} tem um fator que não é um número. Esperava um número como 0,75.`,
  bandValueNotFinite: "O valor não é um número finito. Esperava um número para classificar numa faixa.",
  bandValueOutOfDomain: (value: number, min: number, max: number) =>
    `O valor ${formatNumber(value, 6)} está fora das faixas, que vão de ${formatNumber(min, 6)} a ${formatNumber(max, 6)}.`,
  bandValueInSeveralBands: (value: number, first: string, second: string) =>
    `O valor ${formatNumber(value, 6)} está em mais de uma faixa (${quote(first)} e ${quote(second)}). Corrija a tabela de faixas.`,
  bandLowerNotANumber: (band: string) =>
    `A faixa ${quote(band)} tem um limite inferior que não é um número. Esperava um número como 70 ou 7,5.`,
  bandLowerOutsideDomain: (band: string, lower: number, min: number, max: number) =>
    `A faixa ${quote(band)} tem o limite inferior ${formatNumber(lower, 6)}, fora do intervalo da tabela (de ${formatNumber(min, 6)} a ${formatNumber(max, 6)}).`,
  bandLowestNotMin: (lowest: number, min: number) =>
    `A faixa mais baixa começa em ${formatNumber(lowest, 6)}, mas a tabela começa em ${formatNumber(min, 6)}: os valores menores que ${formatNumber(lowest, 6)} não estão em nenhuma faixa. O menor limite inferior deve ser ${formatNumber(min, 6)}.`,
  bandDuplicateLower: (first: string, second: string, lower: number) =>
    `As faixas ${quote(first)} e ${quote(second)} têm o mesmo limite inferior (${formatNumber(lower, 6)}).`,
  bandDefaultLabel: (index: number) => `Faixa ${index}`,
  bandCustomTableName: "Faixas personalizadas",

  // --- evaluation ---
  unreadableKind: (text: string) =>
    `${quote(text)} não é uma natureza de indicador. Use Desempenho ou Monitoramento; o indicador foi tratado como Desempenho.`,
  unreadableWeight: (text: string) =>
    `${quote(text)} não é um peso válido. Esperava um número maior ou igual a zero; foi usado o peso 1.`,
  missingTarget: "A meta está vazia. Informe a meta pactuada (por exemplo, 80% ou “Mínimo de 10”).",
  negativeResult: (value: string) => `O resultado ${value} é negativo. Esperava um valor maior ou igual a zero.`,
  halfRatio: "Falta o numerador ou o denominador. Informe os dois, ou o resultado.",
  zeroDenominator: "O denominador é zero: não há como calcular a proporção.",

  // --- ESF staffing ---
  staffingInvalidPopulation: (value: string) =>
    `A população ${quote(value)} é inválida. Esperava um número inteiro de pessoas, maior ou igual a zero (por exemplo, 3.500).`,
  staffingInvalidCount: (what: string, value: string) =>
    `O número de ${what} ${quote(value)} é inválido. Esperava um número inteiro maior ou igual a zero.`,
  staffingInvalidTeam: "Os dados da equipe estão ausentes. Informe ao menos a população cadastrada e o número de ACS.",
  staffingAgentsLabel: "agentes comunitários de saúde (ACS)",
  staffingDoctorsLabel: "médicos",
  staffingNursesLabel: "enfermeiros",
  staffingNursingAssistantsLabel: "auxiliares ou técnicos de enfermagem",
  staffingPopulationAboveMax: (population: number, max: number) =>
    `A equipe tem ${formatNumber(population, 0)} pessoas cadastradas; o máximo é ${formatNumber(max, 0)} pessoas por equipe de Saúde da Família.`,
  staffingTooManyAgents: (agents: number, max: number) =>
    `A equipe tem ${formatNumber(agents, 0)} ACS; o máximo é ${formatNumber(max, 0)} ACS por equipe de Saúde da Família.`,
  staffingAgentsShort: (population: number, needed: number, agents: number, perAgent: number) =>
    `Os ACS não cobrem toda a população cadastrada: para ${formatNumber(population, 0)} pessoas são necessários ao menos ${formatNumber(needed, 0)} ACS (no máximo ${formatNumber(perAgent, 0)} pessoas por ACS), e a equipe tem ${formatNumber(agents, 0)}.`,
  staffingMissingProfessional: (professional: string) =>
    `A equipe não tem ${professional}. A equipe mínima de Saúde da Família tem médico, enfermeiro, auxiliar ou técnico de enfermagem e ACS.`,
  staffingDoctor: "médico",
  staffingNurse: "enfermeiro",
  staffingNursingAssistant: "auxiliar ou técnico de enfermagem",
};

/** What the add-in writes into workbooks: its own columns, concepts, and the summary sheet (workbook/plan). */
export const conceptStrings = {
  /** Concept texts in the owned column; the conditional-format rules match these exact words. */
  conceptMet: "A",
  conceptNotMet: "B",
  conceptJustified: "B – justificado",
  conceptJustifiedPartially: "B – justificado parcialmente",
  monitoringSuffix: " – monitoramento",
  noData: "Sem dado",
  invalid: "Inválido",
  needsBaseline: "Linha de base pendente",
};

/**
 * The national programmes reported as published (Previne Brasil, the co-financing of APS): the name of the
 * overall figure (ISF, ISF parcial, nota final; of a *conjunto*), the co-financing's missing indicators, the
 * scale of a column of fractions, duplicates across files or tables, and justifications that are shown but
 * never scored.
 */
export const nationalScaleStrings = {
  // --- the scale of a column of results (core/evaluate findFractionColumns) ---
  fractionColumn: (indicator: string, cells: string[], example: string, points: string) =>
    `Os resultados de ${indicator} ${cells.length > 0 ? `(${listCells(cells)}) ` : ""}são todos frações de 0 a 1, sem o sinal de % nem formato de porcentagem, ` +
    `mas no cofinanciamento os resultados vão de 0 a 100: ${example} seria ${example} ponto ou ${points}%? ` +
    `Essas linhas não foram classificadas. Escreva ${points} (ou ${points}%), ou aplique o formato de porcentagem às células.`,
};

/** Cells in a message: `F2, F3, F4` — at most eight, then how many more. */
function listCells(cells: string[]): string {
  const shown = cells.slice(0, 8).join(", ");
  return cells.length > 8 ? `${shown} e mais ${cells.length - 8}` : shown;
}

/**
 * Target texts and the scale of results against them (core/parse, core/attainment), and the columns a starter
 * table adds to keep the evaluation instrument's own wording (workbook/plan/templates).
 */
export const targetTextStrings = {
  /** The reason given when a target text carries two targets (after "Não foi possível ler a meta …: "). */
  twoTargets: (first: string, second: string) =>
    `a meta tem duas metas: ${quote(first)} e ${quote(second)}; separe em duas linhas, com uma meta em cada.`,
  /** The same, when both are bare numbers (`50% e 70%`), which may have been meant as a range. */
  twoTargetsOrRange: (first: string, second: string) =>
    `a meta tem duas metas: ${quote(first)} e ${quote(second)}; separe em duas linhas, com uma meta em cada. ` +
    `Se é um intervalo, escreva “entre ${first} e ${second}”.`,
  /**
   * A plain result that reads as a count against a target in percent. `why` is one of the reasons below.
   */
  countAgainstPercent: (target: string, result: string, why: string) =>
    `Escala ambígua: a meta é ${target} (porcentagem) e o resultado é ${result}, sem o sinal %; ${why} ` +
    `Se a meta é uma quantidade, escreva-a como quantidade (por exemplo, “Mínimo de 300 consultas ao mês”); ` +
    `se o resultado é mesmo uma porcentagem, digite-o com o sinal (${result}%).`,
  countAboveHundred: (result: string) =>
    `lido como porcentagem seria ${result}%, e só coberturas e razões passam de 100%: parece uma contagem (visitas, consultas…).`,
  countByName: "o nome do indicador (Média, Número, Razão) diz que os resultados são contagens, não porcentagens.",
};

/** A column named in the detection's diagnosis: its letter, its header text and, when recognised, its field's pt-BR name. */
export interface DiagnosedColumn {
  letter: string;
  header: string;
  field?: string;
}

/** Why a table gave no rows to evaluate (workbook/detect/diagnose). */
export type NoRowsReason =
  /** Nothing under the header. */
  | { kind: "end" }
  /** A footer right under the header. */
  | { kind: "footer"; row: number }
  /** Blank rows from `row` to `to` under the header; `next` is the first non-blank row after them. */
  | { kind: "blank"; row: number; to: number; next?: number }
  /** Rows read, none with an indicator and values. */
  | { kind: "unread"; row: number; to: number };

/** The key fields a diagnosis says were not found. */
export type MissingField = "indicator" | "target" | "result" | "period";

export const MISSING_FIELD: Readonly<Record<MissingField, string>> = {
  indicator: "a coluna do indicador (Indicador, Nome do indicador, Descrição)",
  target: "a coluna da meta (Meta, Meta pactuada)",
  result:
    "a coluna do resultado (Resultado, Realizado, Alcançado, % atingido; ou Numerador e Denominador; ou uma coluna por período, como Jan/2025)",
  period: "a coluna do período (Mês, Competência, Período) ou uma coluna por período",
};

export function columnList(columns: DiagnosedColumn[]): string {
  return columns
    .map((c) => (c.field ? `${c.letter} ${quote(c.header)} (${c.field})` : `${c.letter} ${quote(c.header)}`))
    .join(", ");
}

export function noRowsText(reason: NoRowsReason): string {
  switch (reason.kind) {
    case "end":
      return "não há nenhuma linha abaixo do cabeçalho";
    case "footer":
      return `a linha ${reason.row}, logo abaixo do cabeçalho, é um rodapé (Fonte:, Observação:, Assinatura…) e encerra a tabela`;
    case "blank":
      return (
        (reason.to === reason.row
          ? `a linha ${reason.row}, logo abaixo do cabeçalho, está em branco`
          : `as linhas ${reason.row} a ${reason.to}, abaixo do cabeçalho, estão em branco`) +
        ", e a tabela termina na primeira linha em branco depois dos dados" +
        (reason.next !== undefined
          ? ` (as linhas a partir da ${reason.next} não foram lidas: apague as linhas em branco entre o cabeçalho e os dados)`
          : "")
      );
    case "unread":
      return reason.to === reason.row
        ? `a linha ${reason.row} não tem nome de indicador com valores`
        : `nenhuma das linhas ${reason.row} a ${reason.to} tem nome de indicador com valores`;
  }
}
