/**
 * Every pt-BR text the core shows a person, in one place so wording is reviewed in one file and another
 * language can be added later. Messages say what was found and what was expected.
 */

/** Formats a number the pt-BR way (`1.234,5`), at most `decimals` decimals. */
export function formatNumber(value: number, decimals = 2): string {
  return value.toLocaleString("pt-BR", { maximumFractionDigits: decimals, useGrouping: true });
}

/** Formats a fraction as a pt-BR percentage (`0.755` → `75,5%`). */
export function formatPercent(fraction: number, decimals = 1): string {
  return `${formatNumber(fraction * 100, decimals)}%`;
}

/**
 * How the overall result was computed, as every report names it: the share of targets met, the mean
 * attainment, or (presets that classify, the co-financing) the weighted sum of the classes' factors.
 */
export function methodText(ev: { method: "shareMet" | "meanAttainment"; preset: { scoring: { kind: "ratio" | "classification" } } }): string {
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
  logicalValue: (value: boolean) => `${value ? "VERDADEIRO" : "FALSO"} é um valor lógico. Esperava um número como 75 ou 75%.`,
  dateNotNumber: "A célula contém uma data. Esperava um número como 75 ou 75%.",
  excelError: (error: string) => `A célula mostra o erro ${error} do Excel. Corrija a fórmula ou digite o valor.`,
  unreadableTarget: (text: string, reason: string) => `Não foi possível ler a meta ${quote(text)}: ${reason}`,
  expectedTargetText: "esperava um número ou um texto como “90% ou mais”, “Mínimo de 10”, “até 5%” ou “entre 50% e 70%”.",
  negativeTarget: "a meta não pode ser negativa.",
  needsBaseline: (text: string) =>
    `A meta ${quote(text)} pede uma mudança em relação a um valor de referência (linha de base), que não foi informado. Informe a meta como número (por exemplo, “até 120 atendimentos”).`,
  unreadableInterval: (text: string) =>
    `Não foi possível ler o intervalo ${quote(text)}. Use, por exemplo, “> 50 e ≤ 70”, “≤ 10 ou > 70”, “entre 50 e 70” ou “≥ 5”.`,
  unreadableDecision: (text: string) => `${quote(text)} não é uma decisão sobre a justificativa. Use Sim (ou Total), Parcial ou Não.`,

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
  bandBoundNotANumber: (band: string) => `A faixa ${quote(band)} tem um limite que não é um número. Esperava um número como 70 ou 7,5.`,
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
  bandFactorInvalid: (band: string) => `A faixa ${quote(band)} tem um fator que não é um número. Esperava um número como 0,75.`,
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
  unreadableKind: (text: string) => `${quote(text)} não é uma natureza de indicador. Use Desempenho ou Monitoramento; o indicador foi tratado como Desempenho.`,
  unreadableWeight: (text: string) => `${quote(text)} não é um peso válido. Esperava um número maior ou igual a zero; foi usado o peso 1.`,
  missingTarget: "A meta está vazia. Informe a meta pactuada (por exemplo, 80% ou “Mínimo de 10”).",
  negativeResult: (value: string) => `O resultado ${value} é negativo. Esperava um valor maior ou igual a zero.`,
  halfRatio: "Falta o numerador ou o denominador. Informe os dois, ou o resultado.",
  zeroDenominator: "O denominador é zero: não há como calcular a proporção.",

  // --- custom functions (META.*) ---
  expectedNumber: (name: string, text: string) => `O argumento ${name} deveria ser um número (como 75, 75,5 ou 75%), mas recebeu ${quote(text)}.`,
  missingArgument: (name: string) => `Sem dado: o argumento ${name} está vazio.`,
  expectedBoolean: (text: string) => `Esperava VERDADEIRO ou FALSO, mas recebeu ${quote(text)}.`,
  emptyBandTable: "A tabela de faixas está vazia. Informe linhas com o limite inferior (ou a condição, como “> 50 e ≤ 70”) e o rótulo.",
  userTable: "Tabela de faixas da planilha",
  unknownTable: (name: string) => `Não conheço a tabela ${quote(name)}. Use C1 a C7, FINAL ou CONTRATO, ou selecione um intervalo com a sua tabela de faixas.`,
  noResult: "Sem dado: o resultado ainda não foi informado.",
  unknownMethod: (text: string) => `Método ${quote(text)} desconhecido. Use “proporcao” (proporção de metas atingidas) ou “media” (média do atingimento).`,
  unknownPeriodKind: (text: string) => `Tipo de período ${quote(text)} desconhecido. Use mes, bimestre, trimestre, quadrimestre, semestre ou ano.`,
  mismatchedRanges: (a: string, b: string) => `Os intervalos ${a} e ${b} precisam ter o mesmo número de células.`,
  cofinResultsCount: (found: number, expected: number) =>
    `Informe os ${expected} resultados da equipe, na ordem C1 a C${expected}; o intervalo tem ${found} ${found === 1 ? "célula" : "células"}.`,
  noWeights: "A soma dos pesos é zero: não há como calcular a média ponderada.",
  noScoredIndicators: "Nenhum indicador de desempenho com resultado: não há atingimento global a calcular.",
  teamOk: "OK",

  // --- workbook detection ---
  /** pt-BR names of the fields of an indicator table, for reasons and problems. */
  detectFieldLabels: {
    indicator: "indicador",
    code: "código",
    area: "área",
    kind: "natureza",
    type: "tipo",
    target: "meta",
    result: "resultado",
    numerator: "numerador",
    denominator: "denominador",
    period: "período",
    unit: "unidade",
    municipality: "município",
    weight: "peso",
    direction: "sentido",
    periodicity: "periodicidade",
    aggregation: "agregação",
    source: "fonte",
    responsible: "responsável",
    justification: "justificativa",
    justificationAccepted: "justificativa aceita",
  },
  detectNoTable: (sheets: string[]) =>
    sheets.length === 0
      ? "A pasta de trabalho não tem planilhas visíveis onde procurar tabelas de indicadores."
      : `Nenhuma tabela de indicadores encontrada ${sheets.length === 1 ? "na planilha" : "nas planilhas"} ${sheets.map(quote).join(", ")}. ` +
        "Esperava, nas primeiras 40 linhas, uma linha de cabeçalho com a coluna Indicador e a coluna Meta ou Resultado " +
        "(ou uma coluna por período, como Jan/2025). Se as colunas tiverem outros nomes, informe um mapeamento de colunas.",
  detectHeaderRow: (first: number, last: number) =>
    first === last ? `Cabeçalho na linha ${first}.` : `Cabeçalho nas linhas ${first} e ${last}.`,
  detectColumnField: (col: string, header: string, field: string) => `Coluna ${col} ${quote(header)} → ${field}`,
  detectColumnPeriod: (col: string, header: string, period: string) => `Coluna ${col} ${quote(header)} → resultado de ${period}`,
  detectColumnUnused: (col: string, header: string) =>
    `Coluna ${col} ${quote(header)} não usada: a tabela tem uma coluna de resultado para cada período.`,
  detectPanelTitle: (row: number, title: string) => `Indicador lido do título do painel (linha ${row}): ${quote(title)}`,
  detectPanelNoTitle: (sheet: string) =>
    `O painel não tem a linha “Indicador: …” acima do cabeçalho; o nome da planilha ${quote(sheet)} foi usado como nome do indicador.`,
  detectSheetPeriod: (sheet: string, period: string) => `Planilha ${quote(sheet)} → período ${period}`,
  detectMappingUsed: (sheet: string) => `Colunas definidas pelo mapeamento informado para a planilha ${quote(sheet)}.`,
  detectMappingHeaderGuessed: (row: number) => `Linha do cabeçalho não informada no mapeamento: foi usada a linha ${row}.`,
  detectRowWithoutIndicator: (row: number, cell: string) =>
    `Linha ${row} sem nome de indicador: a linha tem valores, mas a célula ${cell} (coluna do indicador) está vazia. ` +
    "Informe o nome do indicador; a linha foi deixada de fora.",
  detectRowWithoutMunicipality: (row: number, cell: string) =>
    `Linha ${row} sem município: a linha tem valores, mas a célula ${cell} (coluna do município) está vazia. A linha foi deixada de fora.`,
  detectRowLeftOut: (reason: string) => `${reason} A linha foi deixada de fora.`,
  detectColumnUnreadablePeriod: (col: string, header: string, reason: string) =>
    `Coluna ${col} ${quote(header)}: esperava um período no cabeçalho (como jan/2025, 2025-T1 ou 2022 Q1 (%)). ${reason} A coluna foi deixada de fora.`,
  detectColumnNoYear: (col: string, header: string) =>
    `Coluna ${col} ${quote(header)}: o período não tem ano, e nenhum ano foi encontrado no título, nos outros cabeçalhos nem no nome da planilha. ` +
    "Escreva o ano no cabeçalho (por exemplo, jan/2025) ou informe o ano padrão. A coluna foi deixada de fora.",
  detectSheetNoYear: (sheet: string) =>
    `A planilha ${quote(sheet)} indica o período sem o ano, e nenhum ano foi encontrado no título da tabela nem no nome das outras planilhas. ` +
    "Escreva o ano no nome da planilha (por exemplo, “Jan 2025”) ou informe o ano padrão. As linhas dessa planilha foram deixadas de fora.",
  mappingNotAList:
    "O mapeamento de colunas não tem a lista “tabelas”. Esperava algo como " +
    "{ \"tabelas\": [{ \"planilha\": \"Indicadores\", \"colunas\": { \"indicador\": \"B\", \"meta\": \"D\", \"resultado\": \"E\" } }] }.",
  mappingMissingSheet: (index: number) => `O item ${index} do mapeamento de colunas não diz a planilha (campo “planilha”).`,
  mappingUnknownSheet: (sheet: string, sheets: string[]) =>
    `O mapeamento cita a planilha ${quote(sheet)}, que não existe nesta pasta de trabalho. Planilhas encontradas: ${sheets.map(quote).join(", ")}.`,
  mappingUnknownField: (sheet: string, key: string, accepted: string[]) =>
    `O mapeamento da planilha ${quote(sheet)} tem o campo ${quote(key)}, que não é conhecido; foi ignorado. Campos aceitos: ${accepted.join(", ")}.`,
  mappingBadColumn: (sheet: string, key: string, letter: string) =>
    `No mapeamento da planilha ${quote(sheet)}, o campo ${key} tem a coluna ${quote(letter)}, que não é uma coluna do Excel; foi ignorado. Use letras como A, D ou AB.`,
  mappingBadHeaderRow: (sheet: string, value: string, first: number, last: number) =>
    `No mapeamento da planilha ${quote(sheet)}, a linha do cabeçalho ${quote(value)} não é válida: esperava o número de uma linha da planilha (de ${first} a ${last}). ` +
    "A linha do cabeçalho foi procurada automaticamente.",
  mappingNoIndicator: (sheet: string) =>
    `O mapeamento da planilha ${quote(sheet)} não diz a coluna do indicador (campo “indicador” em “colunas”). Informe a letra da coluna com os nomes dos indicadores ` +
    "ou, quando a planilha é de um indicador só (escrito acima da tabela), o indicador dela ao lado de “planilha”, por exemplo “indicador”: “C7”; " +
    "as colunas dessa planilha foram detectadas automaticamente.",

  // --- file host (xlsx/csv) ---
  fileNotFound: (file: string) => `O arquivo “${file}” não foi encontrado. Confira o nome e a pasta do arquivo.`,
  fileIsDirectory: (file: string) =>
    `“${file}” é uma pasta, não um arquivo. Informe uma pasta de trabalho do Excel (.xlsx) ou um arquivo .csv.`,
  fileCannotOpen: (file: string, reason: string) =>
    `Não foi possível abrir o arquivo “${file}” (${reason}). Confira se você tem permissão para lê-lo e se ele não está aberto de forma exclusiva em outro programa.`,
  fileEmpty: (file: string) =>
    `O arquivo “${file}” está vazio (0 bytes). Salve a pasta de trabalho de novo no Excel ou peça uma nova cópia do arquivo.`,
  fileEncrypted: (file: string) =>
    `O arquivo “${file}” está protegido por senha. Abra no Excel, tire a senha (Arquivo → Informações → Proteger Pasta de Trabalho → Criptografar com Senha, apague a senha) e salve como .xlsx.`,
  fileLegacyXls: (file: string) =>
    `O arquivo “${file}” está no formato antigo do Excel (.xls, 97-2003). Abra no Excel ou no LibreOffice e salve como .xlsx (Pasta de Trabalho do Excel).`,
  fileOleUnknown: (file: string) =>
    `O arquivo “${file}” é um arquivo .xls antigo ou protegido por senha: abra no Excel e salve como .xlsx sem senha.`,
  fileOds: (file: string) =>
    `O arquivo “${file}” é uma planilha do LibreOffice (.ods). Salve como .xlsx no LibreOffice: Arquivo → Salvar como → Pasta de trabalho do Excel 2007-365.`,
  fileXlsb: (file: string) =>
    `O arquivo “${file}” é uma pasta de trabalho binária do Excel (.xlsb). Abra no Excel e salve como .xlsx (Arquivo → Salvar como → Pasta de Trabalho do Excel).`,
  fileHtml: (file: string) =>
    `O arquivo “${file}” é uma página HTML com extensão de planilha (alguns sistemas exportam assim). Abra no Excel e salve como .xlsx, ou exporte os dados do sistema em CSV.`,
  fileZipNotWorkbook: (file: string) =>
    `O arquivo “${file}” é um arquivo compactado (zip), mas não é uma pasta de trabalho do Excel. Informe um arquivo .xlsx, .xlsm ou .csv.`,
  fileCorrupt: (file: string) =>
    `O arquivo “${file}” está corrompido ou não é uma pasta de trabalho do Excel (.xlsx). Abra-o no Excel ou no LibreOffice e salve de novo como .xlsx, ou peça uma nova cópia do arquivo.`,
  fileUnknownFormat: (file: string) =>
    `O formato do arquivo “${file}” não é reconhecido. Use uma pasta de trabalho do Excel (.xlsx ou .xlsm) ou um arquivo de texto .csv.`,
  fileUnreadable: (file: string, detail: string) =>
    `Não foi possível ler o arquivo “${file}” (${detail}). Abra-o no Excel, salve de novo como .xlsx e tente outra vez.`,

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

/** The command line's texts (`contratualiza avaliar …`). */
export const cliStrings = {
  usage: [
    "Uso: contratualiza avaliar <arquivo.xlsx> [opções]",
    "     contratualiza comunicado <arquivo.xlsx> [--periodo P | --final | --termo-aditivo] [--saida comunicado.md|comunicado.docx]",
    "     contratualiza consolidar <pasta|arquivo> [--periodo P] [--saida consolidado.xlsx] [--json]",
    "",
    "Avalia as tabelas de indicadores da pasta de trabalho, mostra o atingimento global e a faixa de recomendação",
    "e grava uma cópia avaliada (o arquivo original nunca é alterado).",
    "",
    "Opções:",
    "  --periodo P          avalia só o período P: 2025-T1 (trimestre), 2025-Q1 (quadrimestre), 2025, 2025-01..2025-03",
    "  --predefinicao ID    regras: instrumento (padrão), decreto, previne ou cofinanciamento",
    "  --metodo M           proporcao (metas atingidas, padrão) ou media (média do atingimento)",
    "  --regra R            resultado-do-periodo (padrão: o resultado do trimestre decide o conceito) ou",
    "                       todos-os-meses (A só quando todo mês e toda unidade atingem a meta)",
    "  --mapa mapa.json     diz quais colunas são meta, resultado etc., quando a detecção automática não basta",
    "  --saida ARQUIVO      onde gravar a cópia avaliada (padrão: <nome>.avaliado.xlsx, ao lado do original)",
    "  --substituir         permite gravar sobre um arquivo de --saida que não é uma cópia avaliada deste arquivo",
    "  --sem-arquivo        só mostra o resultado, sem gravar a cópia avaliada",
    "  --json               mostra o resultado em JSON, para outros programas",
    "  --final              inclui na cópia a Avaliação final e o Comunicado final, com todos os períodos (ao fim do contrato)",
    "  --termo-aditivo      inclui na cópia a Proposta de Termo Aditivo (indicadores a revisar ou renegociar)",
    "  --ajustar-impressao  ajusta também as planilhas de indicadores a uma página de largura, em paisagem",
    "",
    "Código de saída: 0 avaliado; 1 avaliado com problemas nos dados; 2 não foi possível ler ou avaliar.",
  ].join("\n"),
  unknownCommand: (c: string) => `Comando ${quote(c)} desconhecido. Use “contratualiza avaliar <arquivo.xlsx>”.`,
  unknownOption: (o: string) => `Opção ${quote(o)} desconhecida.`,
  unknownPreset: (v: string) => `Predefinição ${quote(v)} desconhecida. Use instrumento, decreto, previne ou cofinanciamento.`,
  unknownMethod: (v: string) => `Método ${quote(v)} desconhecido. Use proporcao ou media.`,
  unknownRule: (v: string) => `Regra ${quote(v)} desconhecida. Use resultado-do-periodo (o resultado do período decide o conceito) ou todos-os-meses (todo mês e unidade deve atingir a meta).`,
  emptyPeriodNotWritten: "Nenhuma cópia avaliada foi gravada: o período pedido não tem dados.",
  outputExists: (file: string) =>
    `O arquivo ${quote(file)} já existe e não é uma cópia avaliada deste arquivo. Para não apagar nada por engano, ele não foi substituído: escolha outro nome em --saida ou acrescente --substituir.`,
  extraArgument: (a: string) => `Argumento a mais: ${quote(a)}. Informe um arquivo por vez.`,
  missingFile: "Informe o arquivo a avaliar, por exemplo: contratualiza avaliar contrato.xlsx",
  badMapping: (file: string, reason: string) => `Não foi possível usar o mapa ${quote(file)}: ${reason}`,
  mappingShape: "esperava um JSON como { \"tabelas\": [{ \"planilha\": \"Indicadores\", \"colunas\": { \"meta\": \"D\", \"resultado\": \"E\" } }] }.",
  unexpected: "Erro inesperado do Contratualiza (não é um problema nos seus dados). Por favor, informe a equipe com a mensagem abaixo.",
  heading: (file: string) => `Contratualiza — avaliação de ${file}`,
  tablesFound: (n: number) => (n === 0 ? "Nenhuma tabela de indicadores encontrada." : n === 1 ? "1 tabela de indicadores encontrada:" : `${n} tabelas de indicadores encontradas:`),
  tableLine: (where: string, layout: string, rows: number, periods: string, confidence: string) =>
    `  • ${where} — ${layout}, ${rows} ${rows === 1 ? "linha" : "linhas"}, ${periods} (confiança ${confidence})`,
  layouts: {
    long: "formato longo",
    wide: "formato largo (um período por coluna)",
    sheetPerPeriod: "uma planilha por período",
    panel: "exportação do painel nacional",
    siaps: "exportação do SIAPS (um indicador, uma linha por equipe)",
  } as Record<string, string>,
  noPeriods: "sem período",
  periodHeading: (p: string) => `Período: ${p}`,
  allRows: "todas as linhas (sem período informado)",
  overall: (value: string, method: string, withData: number, scored: number) =>
    `  Atingimento global: ${value} (${method}; ${withData} de ${scored} indicadores de desempenho com dado)`,
  noOverall: "não calculado",
  band: (label: string, recommendation: string) => (recommendation ? `  ${label}: ${recommendation}` : `  Classificação: ${label}`),
  incomplete: (without: number, scored: number) =>
    `  Atenção: avaliação incompleta — ${without} de ${scored} indicadores de desempenho estão sem dado.`,
  missedHeading: (n: number) => `  Metas não atingidas (${n}):`,
  attained: (p: string) => `atingimento ${p}`,
  justifiedTotal: " — justificativa aceita (conta como atingida)",
  justifiedPartial: " — justificativa aceita parcialmente",
  pendingHeading: (n: number) => `  Pendências: resultados que faltam (${n}):`,
  morePending: (n: number) => `  … e mais ${n} (todas na saída --json e na planilha de resumo)`,
  incompleteWhy: (why: string) => `  Atenção: ${why}; a faixa é provisória.`,
  rule: (rule: string) => `  Regra do conceito: ${rule}.`,
  notesHeading: (n: number) => `  Observações (${n}):`,
  problemsHeading: (n: number) => `  Problemas nos dados (${n}):`,
  tableProblemsHeading: (n: number) => `Problemas nas tabelas (${n}):`,
  written: (file: string) =>
    `Cópia avaliada gravada em ${file} (colunas de atingimento e conceito, cores e a planilha de resumo de cada período). O arquivo original não foi alterado.`,
  notWritten: "A avaliação foi feita, mas a cópia avaliada não foi gravada:",
  outputNotXlsx: (file: string) => `A saída ${quote(file)} deve terminar em .xlsx.`,
};

/** What the add-in writes into workbooks: its own columns, concepts, and the summary sheet (workbook/plan). */
export const planStrings = {
  attainmentTitle: "Atingimento",
  conceptTitle: "Conceito",
  /** Concept texts in the owned column; the conditional-format rules match these exact words. */
  conceptMet: "A",
  conceptNotMet: "B",
  conceptJustified: "B – justificado",
  conceptJustifiedPartially: "B – justificado parcialmente",
  monitoringSuffix: " – monitoramento",
  noData: "Sem dado",
  invalid: "Inválido",
  needsBaseline: "Linha de base pendente",
  /** Words the rules search for (lower case, as in the texts above). */
  monitoringWord: "monitoramento",
  justifiedWord: "justificado",
  summarySheet: (label: string) => `Resumo ${label}`,
  summaryTitle: (period: string) => `Resumo da avaliação — ${period}`,
  summaryAllRows: "todas as linhas",
  summarySource: (source: string) => `Origem: ${source}`,
  summaryRules: (preset: string, method: string) => `Regras: ${preset} · Método: ${method}`,
  summaryRule: (rule: string) => `Regra do conceito: ${rule}`,
  missedHeading: "Metas não atingidas: o que decide o B",
  overallLabel: "Atingimento global",
  notComputed: "não calculado: nenhum indicador de desempenho com dado",
  bandLabel: "Faixa",
  noBand: "sem faixa nesta regra",
  recommendationLabel: "Recomendação",
  coverage: (withData: number, scored: number) => `${withData} de ${scored} indicadores de desempenho com dado`,
  incomplete: (without: number, scored: number) =>
    `Atenção: avaliação incompleta — ${without} de ${scored} indicadores de desempenho estão sem dado.`,
  areasHeading: "Por área",
  areaHeaders: ["Área", "Indicadores", "Com dado", "Atingidos", "Atingimento"],
  indicatorsHeading: "Por indicador",
  indicatorHeaders: ["Código", "Indicador", "Área", "Natureza", "Meta", "Resultado", "Atingimento", "Conceito", "Justificativa"],
  kindPerformance: "Desempenho",
  kindMonitoring: "Monitoramento",
  pendingHeading: "Pendências (resultados que faltam)",
  morePending: (n: number) => `… e mais ${n} resultados que faltam (a saída --json do comando lista todos).`,
  noPending: "Nenhuma pendência.",
  problemsHeading: "Problemas nos dados",
  problemHeaders: ["Planilha", "Célula", "O que foi encontrado"],
  noProblems: "Nenhum problema encontrado.",
  chartTitle: "Atingimento por indicador",
  chartAreaTitle: "Atingimento por área",
  chartSeries: "Atingimento",
  targetAtLeast: (v: string) => `≥ ${v}`,
  targetAtLeastStrict: (v: string) => `> ${v}`,
  targetAtMost: (v: string) => `≤ ${v}`,
  targetAtMostStrict: (v: string) => `< ${v}`,
  targetExactly: (v: string) => `= ${v}`,
  targetRange: (lower: string, upper: string) => `entre ${lower} e ${upper}`,
  noRoom: (sheet: string, ref: string) =>
    `Não há colunas livres à direita da tabela ${sheet}!${ref} para gravar o atingimento e o conceito; libere duas colunas ao lado dela.`,
};

/** The settings the add-in stores in the workbook (workbook/settings). */
export const settingsStrings = {
  badRule: (v: string) => `A regra guardada ${quote(v)} não é conhecida (use resultado-do-periodo ou todos-os-meses); foi usado o resultado do período.`,
  sheetNote: "Configurações do Contratualiza (regras, faixas e mapeamento das tabelas). Não edite: use o painel do suplemento.",
  notJson: "As configurações gravadas na pasta de trabalho não puderam ser lidas (o texto não é um JSON válido). O Contratualiza usou as regras padrão; salve as regras de novo pelo painel.",
  badPreset: (v: string) => `Predefinição ${quote(v)} desconhecida nas configurações gravadas; use instrumento, decreto, previne ou cofinanciamento.`,
  badMethod: (v: string) => `Método ${quote(v)} desconhecido nas configurações gravadas; use proporcao ou media.`,
  badShare: (key: string, v: string) => `O valor de ${quote(key)} nas configurações gravadas (${quote(v)}) deveria ser um número de 0 a 1.`,
  badBands: "As faixas gravadas nas configurações deveriam ser uma lista; foram usadas as faixas da predefinição.",
  badMapping: "O mapeamento gravado nas configurações deveria ser uma lista de tabelas; foi usada a detecção automática.",
  bandsIgnored: (reason: string) => `A tabela de faixas gravada não foi usada (foram usadas as faixas da predefinição): ${reason}`,
};

/** Previne Brasil and national panels: the preset chosen, targets from the catalogue, the report per municipality. */
export const previneStrings = {
  presetChosen: (name: string, reason: string) => `Predefinição escolhida: ${name} — ${reason}. Para usar outras regras, informe --predefinicao.`,
  presetReasonPanels: (tables: number, codes: string[]) =>
    tables === 1
      ? `a tabela encontrada é uma exportação do painel do SISAB do indicador ${codes[0]} do Previne Brasil`
      : `as ${tables} tabelas encontradas são exportações do painel do SISAB de indicadores do Previne Brasil (${codes.join(", ")})`,
  catalogHeading: (catalog: string, targets: boolean) =>
    `${targets ? "Metas e pesos tirados" : "Pesos tirados"} do catálogo ${catalog}, porque a tabela não os informa:`,
  catalogLine: (code: string, name: string, target: string | undefined, weight: string | undefined) =>
    `  • ${code} ${name}: ${[target ? `meta ${target}` : "", weight ? `peso ${weight}` : ""].filter((s) => s).join(", ")}`,
  catalogNoMatch: (indicator: string, catalog: string) =>
    `O indicador ${quote(indicator)} não tem meta na tabela e não foi reconhecido no catálogo ${catalog}. Informe a meta (e o peso) em colunas “Meta” e “Peso”, ou use o nome do indicador como o Ministério da Saúde o escreve.`,
  pooled: (n: number) =>
    `  Conjunto dos ${n} municípios: cada indicador reúne as linhas de todos eles (média simples dos resultados municipais, ou Σ numerador ÷ Σ denominador quando a tabela os traz), e o seu conceito segue o resultado do conjunto (A quando ele atinge a meta); não é o resultado de nenhum município.`,
  byMunicipalityHeading: (n: number, label: string) => `  Por município (${n}), em ordem decrescente de ${label}:`,
  municipalityColumn: "Município",
  codeColumn: "IBGE",
  valueLabels: { attainment: "atingimento" },
  /** The overall line of a preset scored 0–10 (ISF, nota final), instead of “Atingimento global”. */
  overallNote: (label: string, value: string, method: string, withData: number, scored: number) =>
    `  ${label}: ${value} de 10 (${method}; ${withData} de ${scored} indicadores de desempenho com dado)`,
  pooledLabel: (label: string) => `${label} do conjunto`,
  noValue: "—",
  moreMunicipalities: (n: number) => `  … e mais ${n} ${n === 1 ? "município" : "municípios"}; use --json para a lista completa.`,
};

/** Co-financing of APS, quality component: choosing the preset, the per-team report and the command's text. */
export const cofinStrings = {
  presetReasonPanels: (tables: number, codes: string[]) =>
    tables === 1
      ? `a tabela encontrada é uma exportação do painel do indicador ${codes[0]} do componente de qualidade do cofinanciamento da APS`
      : `as ${tables} tabelas encontradas são exportações do painel de indicadores do componente de qualidade do cofinanciamento da APS (${codes.join(", ")})`,
  presetReasonTable: (codes: string[]) =>
    `a tabela traz só indicadores do componente de qualidade do cofinanciamento da APS (${codes.join(", ")}), sem metas`,

  // --- the per-team sheet (workbook/plan/reports/teamQuality) ---
  sheet: (label: string) => `Cofinanciamento ${label}`,
  title: "Cofinanciamento federal da APS — componente de qualidade por equipe",
  periodLine: (text: string, label: string | undefined) => `Período avaliado: ${text}${label ? ` (${label})` : ""}`,
  allRows: "todas as linhas (sem período informado)",
  source: (source: string) => `Origem dos dados: ${source}`,
  method:
    "Resultado de cada indicador de 0 a 100 (média dos meses monitorados no período), classificado em Ótimo, Bom, Suficiente ou Regular; " +
    "nota final = soma dos fatores das classes multiplicados pelos pesos, de 0 a 10 (Portaria GM/MS nº 3.493/2024).",
  teamsHeading: (n: number) => `Resultado por equipe (${n} ${n === 1 ? "equipe" : "equipes"})`,
  municipalityHeader: "Município",
  teamHeader: "Equipe",
  codeHeader: "INE",
  indicatorHeader: (code: string, weight: number | undefined) => (weight === undefined ? code : `${code}\npeso ${formatNumber(weight)}`),
  noteHeader: "Nota final",
  noteName: "Nota final da equipe (0 a 10)",
  classHeader: "Classificação",
  /** The number format of a classified result: the number, then its class (`62,0 (Ótimo)`). */
  pointsFormat: (label: string | undefined) => (label ? `0.0 "(${label})"` : "0.0"),
  incompleteTeams: (n: number) =>
    `${n === 1 ? "1 equipe está incompleta" : `${n} equipes estão incompletas`} (sem resultado em algum indicador): o indicador sem resultado conta zero e os pesos não são redistribuídos; a nota final soma sempre os dez pesos, como na nota técnica.`,
  distributionHeading: "Equipes por classe, em cada indicador",
  indicatorColumn: "Indicador",
  nameColumn: "Nome",
  rulesHeading: "Regras de classificação",
  classColumn: "Classe",
  factorColumn: "Fator",
  tableColumn: (codes: string) => `Resultado de ${codes}`,
  codeRange: (first: string, last: string) => `${first} a ${last}`,
  formula: (terms: string[]) => `Nota final = ${terms.join(" + ")} (fatores das classes multiplicados pelos pesos).`,
  checkNote: "Faixas, fatores e pesos da Portaria GM/MS nº 3.493/2024 e da Nota Técnica nº 8/2026-DEAPS; se o Ministério da Saúde publicar nota mais recente, confira-as antes de usar o resultado oficialmente.",

  // --- the command's text (cli/report) ---
  pooledTeams: (n: number) =>
    `  Conjunto das ${n} equipes: cada indicador reúne as linhas de todas elas (média simples dos resultados); não é a nota de nenhuma equipe.`,
  byTeamHeading: (n: number) => `  Por equipe (${n}):`,
  teamLine: (team: string, code: string | undefined, municipality: string | undefined, note: string, label: string | undefined) =>
    `    • ${team}${code ? ` — INE ${code}` : ""}${municipality ? ` — ${municipality}` : ""}: nota final ${note}${label ? ` (${label})` : ""}`,
  indicatorsLine: (parts: string[]) => `      ${parts.join(" · ")}`,
  noResult: "sem dado",
  moreTeams: (n: number) => `    … e mais ${n} ${n === 1 ? "equipe" : "equipes"}; veja a planilha “Cofinanciamento” da cópia avaliada ou use --json.`,
};

/** The file host's writer (hosts/file/xlsx/write): writing the evaluated .xlsx file. */
export const writerStrings = {
  outputIsInput: (file: string) =>
    `O resultado não pode ser gravado em “${file}”, que é o próprio arquivo de entrada: o Contratualiza nunca altera o arquivo original. Escolha outro nome para o arquivo avaliado.`,
  outputNotXlsx: (file: string) =>
    `O arquivo avaliado “${file}” precisa ter a extensão .xlsx (pasta de trabalho do Excel). Escolha um nome terminado em .xlsx.`,
  folderMissing: (file: string, folder: string) =>
    `Não foi possível gravar “${file}”: a pasta “${folder}” não existe. Crie a pasta ou escolha outro local para o arquivo avaliado.`,
  outputIsDirectory: (file: string) =>
    `Não foi possível gravar “${file}”: já existe uma pasta com esse nome. Escolha outro nome para o arquivo avaliado.`,
  noPermission: (file: string) =>
    `Sem permissão para gravar “${file}”. Escolha uma pasta em que você possa salvar arquivos (por exemplo, Documentos) ou peça acesso a quem administra a pasta.`,
  fileLocked: (file: string) =>
    `Não foi possível gravar “${file}”: o arquivo está aberto no Excel ou em outro programa, ou está bloqueado. Feche o arquivo e tente de novo, ou escolha outro nome para o arquivo avaliado.`,
  readOnly: (file: string) =>
    `Não foi possível gravar “${file}”: o local é somente leitura (um pendrive protegido, um CD ou uma pasta de rede sem permissão de gravação). Escolha outra pasta.`,
  diskFull: (file: string) => `Não foi possível gravar “${file}”: não há espaço livre no disco. Libere espaço ou escolha outro local.`,
  nameTooLong: (file: string) =>
    `Não foi possível gravar “${file}”: o nome ou o caminho do arquivo é longo demais. Use um nome mais curto ou uma pasta mais próxima da raiz do disco.`,
  writeFailed: (file: string, detail: string) =>
    `Não foi possível gravar “${file}” (${detail}). Confira se a pasta existe, se você pode gravar nela e se o arquivo não está aberto em outro programa.`,
  buildFailed: (file: string, detail: string) =>
    `Não foi possível montar o arquivo avaliado “${file}” (detalhe técnico: ${detail}). O arquivo de entrada não foi alterado. Abra a pasta de trabalho no Excel, salve de novo como .xlsx e tente outra vez.`,
  sheetMissing: (sheet: string) => `A planilha “${sheet}” não foi encontrada na pasta de trabalho ao gravar o resultado da avaliação.`,
  /** The chart's name in Excel's selection pane. */
  chartName: (n: number) => `Gráfico ${n}`,
};

/** The Excel host's texts (workbook/office): why a write was refused or failed, and what to do. */
export const officeStrings = {
  sheetMissing: (sheet: string) =>
    `A planilha ${quote(sheet)} não foi encontrada: ela foi renomeada ou excluída depois da leitura? Tente de novo.`,
  sheetProtected: (sheet: string) =>
    `A planilha ${quote(sheet)} está protegida, e o Contratualiza precisa escrever nela. Desproteja-a (Revisão > Desproteger Planilha) e tente de novo.`,
  workbookProtected:
    "A estrutura da pasta de trabalho está protegida, e o Contratualiza precisa criar as planilhas de resumo. Desproteja-a (Revisão > Proteger Pasta de Trabalho) e tente de novo.",
  userCell: (sheet: string, cell: string, content: string, column: string, more: number) =>
    `A célula ${cell} da planilha ${quote(sheet)} contém ${quote(content)}, e o Contratualiza escreveria ali a coluna ${quote(column)}` +
    (more > 0 ? ` (há mais ${more} ${more === 1 ? "célula preenchida" : "células preenchidas"} abaixo dela)` : "") +
    ". Mova esse conteúdo para outro lugar, ou deixe colunas vazias à direita da tabela, e tente de novo.",
  nothingWritten: "Nada foi alterado na pasta de trabalho.",
  partiallyWritten: "Parte dos resultados já tinha sido escrita; tente de novo para completar.",
  confirmReplace: (sheets: string[]) =>
    sheets.length === 1
      ? `Já existe a planilha ${quote(sheets[0])}. Substituí-la pelo resumo novo? O conteúdo atual dela será apagado.`
      : `Já existem as planilhas ${sheets.map(quote).join(", ")}. Substituí-las pelos resumos novos? O conteúdo atual delas será apagado.`,
  cellEditMode: "O Excel está editando uma célula. Termine a edição (Enter ou Esc) e tente de novo.",
  payloadTooLarge:
    "A pasta de trabalho tem dados demais para uma só troca com o Excel para a Web. Avalie um período de cada vez, ou use o Excel para Windows ou Mac.",
  accessDenied:
    "O Excel não deixou alterar a pasta de trabalho: uma planilha ou a pasta está protegida, ou o arquivo está aberto somente para leitura. Desproteja-a (ou salve uma cópia editável) e tente de novo.",
  itemNotFound: "Uma planilha ou intervalo que o Contratualiza ia usar não existe mais (foi renomeado ou excluído). Tente de novo.",
  general: (detail: string) =>
    `O Excel não conseguiu concluir a operação (${detail}). Tente de novo; se o erro continuar, salve a pasta de trabalho, feche e abra o Excel.`,
  selectMissing: (sheet: string, cell: string) =>
    `Não foi possível ir para a célula ${cell} da planilha ${quote(sheet)}: a planilha ou a célula não existe mais.`,
};

/** The command's progress line, drawn on a terminal while a workbook is read, evaluated and written. */
export const progressStrings = {
  reading: "Lendo a planilha…",
  detecting: "Procurando as tabelas de indicadores…",
  evaluating: "Avaliando…",
  writing: "Gravando a planilha de saída…",
  /** The share done, as the line ends: `45%`. */
  percent: (value: number) => `${value}%`,
};

/** Table detection (workbook/detect): reasons added for per-period targets. */
export const detectStrings = {
  columnPeriodTarget: (col: string, header: string, period: string) => `Coluna ${col} ${quote(header)} → meta de ${period}`,
};

/** The task pane's texts (screens Tabelas, Avaliar, Resumo, Justificativas, Regras, Modelos) and what its pure helpers write. */
export const taskpaneStrings = {
  title: "Contratualiza",
  intro:
    "O Contratualiza avalia os indicadores dos contratos de gestão da Atenção Primária à Saúde (APS) na própria pasta de trabalho: " +
    "encontra as tabelas de indicadores, compara os resultados com as metas pactuadas, colore as células e insere o resumo do " +
    "período com a faixa de recomendação.",
  functionsHeading: "Funções que você já pode digitar nas células",
  functionsHint: "Os argumentos são separados por ponto e vírgula, como nas demais funções do Excel.",
  noFunctions: "Nenhuma função disponível nesta versão.",

  tabsLabel: "Telas do Contratualiza",
  tabs: {
    tabelas: "Tabelas",
    avaliar: "Avaliar",
    resumo: "Resumo",
    justificativas: "Justificativas",
    regras: "Regras",
    modelos: "Modelos",
    funcoes: "Funções",
  },

  // --- common ---
  loading: "Lendo a pasta de trabalho…",
  readAgain: "Ler a pasta de novo",
  readFailed: (message: string) => `Não foi possível ler a pasta de trabalho. ${message}`,
  periodAll: "Todas as linhas (sem período informado)",
  periodOption: (text: string, label: string) => `${text} (${label})`,
  periodsLegend: "Períodos",
  periodLabel: "Período",
  noPeriodChosen: "Escolha ao menos um período.",
  presetLabel: "Regras",
  methodLabel: "Método do atingimento global",
  methods: { shareMet: "Proporção de metas atingidas", meanAttainment: "Média do atingimento" } as Record<string, string>,
  noTables: "Nenhuma tabela de indicadores encontrada. Insira uma tabela pronta na tela Modelos, ou confira se a tabela tem as colunas Indicador e Meta ou Resultado.",
  problemsHeading: (n: number) => `Problemas nos dados (${n})`,
  tableProblemsHeading: (n: number) => `Problemas nas tabelas (${n})`,
  settingsProblemsHeading: "Configurações gravadas que não puderam ser usadas",
  goToCell: (where: string) => `Ir para ${where}`,
  where: (sheet: string, cell?: string) => (cell ? `${sheet}!${cell}` : sheet),
  failed: (message: string) => `Não foi possível gravar. ${message}`,
  refused: "Nada foi gravado, porque:",

  // --- Tabelas ---
  tablesHeading: "Tabelas de indicadores encontradas",
  tablesHint: "Escolha uma tabela para ver como as colunas foram reconhecidas e, se preciso, corrigi-las.",
  tableRows: (n: number) => (n === 1 ? "1 linha" : `${formatNumber(n, 0)} linhas`),
  tablePeriods: (first: string, last: string | undefined, count: number) =>
    count === 0 ? "sem período" : count === 1 || !last ? first : `${first} a ${last} (${count} períodos)`,
  tableConfidence: (percent: string) => `confiança ${percent}`,
  tableShow: "Ver colunas",
  mappingHeading: (where: string) => `Colunas de ${where}`,
  mappingHint:
    "Se um campo foi ligado à coluna errada, escolha a coluna certa e salve. O mapeamento fica gravado na pasta de trabalho e vale para esta planilha.",
  mappingPanel: "Exportações do painel nacional são lidas como estão: não há colunas a corrigir.",
  mappingWide: "As colunas de resultado por período (uma por mês, trimestre…) são reconhecidas pelo cabeçalho e não entram no mapeamento.",
  mappingNone: "— não usar —",
  mappingColumn: (letter: string, header: string) => (header ? `${letter} — ${header}` : letter),
  mappingSave: "Salvar mapeamento e detectar de novo",
  mappingReset: "Voltar à detecção automática",
  mappingSaved: "Mapeamento salvo. As tabelas foram detectadas de novo.",
  mappingResetDone: "Mapeamento apagado. As tabelas foram detectadas de novo, automaticamente.",
  mappingNeedsIndicator: "Escolha a coluna do indicador: sem ela a tabela não pode ser lida.",
  mappingDuplicate: (letter: string, first: string, second: string) =>
    `A coluna ${letter} foi escolhida para ${first} e para ${second}. Cada coluna só pode ter um campo.`,
  reasonsHeading: "Como as colunas foram reconhecidas",
  fields: {
    indicator: "Indicador",
    code: "Código",
    area: "Área",
    kind: "Natureza",
    type: "Tipo",
    target: "Meta",
    result: "Resultado",
    numerator: "Numerador",
    denominator: "Denominador",
    period: "Período",
    unit: "Unidade",
    municipality: "Município",
    weight: "Peso",
    direction: "Sentido",
    periodicity: "Periodicidade",
    aggregation: "Agregação",
    source: "Fonte",
    responsible: "Responsável",
    justification: "Justificativa",
    justificationAccepted: "Justificativa aceita",
  } as Record<string, string>,

  // --- Avaliar ---
  evaluateHeading: "Avaliar e colorir",
  evaluateHint:
    "Avalia os períodos escolhidos e grava, ao lado de cada tabela, as colunas Atingimento e Conceito (Contratualiza) com as cores. Os valores digitados não são alterados.",
  evaluateRun: "Avaliar",
  progressLabel: "Andamento",
  stages: {
    lendo: "Lendo a pasta de trabalho…",
    avaliando: "Avaliando os indicadores…",
    gravando: "Gravando colunas e cores…",
    pronto: "Concluído.",
  },
  evaluateApplied: "Avaliação gravada: colunas Atingimento e Conceito (Contratualiza) e cores atualizadas.",
  periodNotFound: "Os períodos escolhidos não estão mais nas tabelas. Escolha de novo.",
  periodHeading: (text: string) => `Período: ${text}`,
  overallLabel: "Atingimento global",
  notComputed: "não calculado: nenhum indicador de desempenho com dado",
  coverage: (withData: number, scored: number, method: string) => `${method}; ${withData} de ${scored} indicadores de desempenho com dado`,
  teamsHeading: (n: number) => `Por equipe (${n})`,
  teamsPooled: "A nota acima é a do conjunto das equipes; a de cada equipe está abaixo e na planilha “Cofinanciamento” do resumo.",
  teamLine: (team: string, code: string | undefined, note: string, label: string | undefined) =>
    `${team}${code ? ` (INE ${code})` : ""}: nota final ${note}${label ? ` — ${label}` : ""}`,
  bandLabel: "Faixa de recomendação",
  noBand: "Esta regra não tem faixas de recomendação.",
  incomplete: (without: number, scored: number) =>
    `Avaliação incompleta: ${without} de ${scored} indicadores de desempenho estão sem dado.`,
  missedHeading: (n: number) => `Metas não atingidas (${n})`,
  noneMissed: "Todas as metas de desempenho com dado foram atingidas.",
  pendingHeading: (n: number) => `Pendências: resultados que faltam (${n})`,
  morePending: (n: number) => `… e mais ${n}: a planilha de resumo lista todas.`,
  provisional: "(provisória)",
  attained: (percent: string) => `atingimento ${percent}`,
  situations: {
    atingido: "meta atingida",
    nao_atingido: "meta não atingida",
    justificado_total: "justificativa aceita (conta como atingida)",
    justificado_parcial: "justificativa aceita parcialmente",
    sem_dado: "sem dado",
    invalido: "dado inválido",
    linha_de_base: "linha de base pendente",
  } as Record<string, string>,

  // --- Resumo ---
  summaryHeading: "Planilha de resumo",
  summaryHint:
    "Insere, para cada período escolhido, uma planilha “Resumo” com o atingimento global, a faixa de recomendação, os indicadores, as pendências e os problemas encontrados.",
  summaryRun: "Inserir resumo",
  reportsRun: "Inserir comunicados e avaliação anual",
  reportsHint:
    "O comunicado sintético de cada período escolhido (para a comissão revisar e assinar; o último do ano diz que encerra o exercício) e, com dois trimestres ou mais de um ano, a avaliação anual com o gráfico do atingimento. No cofinanciamento da APS, também a planilha com a nota de cada equipe.",
  finalReport: "Incluir a avaliação final e o Comunicado Final Sintético (todos os períodos escolhidos, ao fim do contrato)",
  summaryApplied: (names: string[]) =>
    names.length === 1 ? `Planilha ${quote(names[0])} inserida.` : `Planilhas ${names.map(quote).join(", ")} inseridas.`,
  confirmTitle: "Substituir resumo?",
  confirmText: (names: string[]) =>
    names.length === 1
      ? `A planilha ${names[0]} já existe. Substituir?`
      : `As planilhas ${names.slice(0, -1).join(", ")} e ${names[names.length - 1]} já existem. Substituir?`,
  confirmReplace: "Substituir",
  confirmCancel: "Cancelar",
  summaryCancelled: "Nada foi alterado.",
  summarySource: (where: string) => `tabelas ${where}`,

  // --- Justificativas ---
  justificationsHeading: "Justificativas",
  justificationsHint: (partial: string) =>
    `Registre a decisão da Comissão de Avaliação sobre a justificativa de cada meta não atingida. Total: a meta conta como atingida. Parcial: recupera ${partial} do atingimento que faltou. Não: nada muda.`,
  justificationsNone: "Nenhuma meta de desempenho ficou sem atingir neste período.",
  decisionLabel: "Decisão da comissão",
  decisions: { Total: "Total", Parcial: "Parcial", Não: "Não" } as Record<string, string>,
  justificationText: "Justificativa",
  indicatorFigures: (result: string, target: string, attainment: string) => `Resultado ${result} · meta ${target} · atingimento ${attainment}`,
  justificationsSave: "Gravar justificativas",
  justificationsNothing: "Escolha a decisão da comissão para ao menos um indicador.",
  justificationsSaved: (n: number) =>
    `${n === 1 ? "1 célula gravada" : `${formatNumber(n, 0)} células gravadas`}. A avaliação foi refeita com as decisões; use Avaliar e Resumo para atualizar as cores e o resumo.`,
  /** What planJustifications (workbook/plan/justifications) writes and reports. */
  justificationHeader: "Justificativa",
  justificationAcceptedHeader: "Justificativa aceita",
  justificationNoRows: (indicator: string, period: string | undefined) =>
    period
      ? `O indicador ${quote(indicator)} não tem linhas no período ${period} desta tabela; a justificativa não foi gravada.`
      : `O indicador ${quote(indicator)} não tem linhas nesta tabela; a justificativa não foi gravada.`,
  justificationExcelTable: (table: string, columns: string[]) =>
    `A tabela do Excel ${quote(table)} não tem ${columns.length === 1 ? "a coluna" : "as colunas"} ${columns.map(quote).join(" e ")}. ` +
    "Acrescente-as à tabela (clique com o botão direito no cabeçalho → Inserir → Colunas da Tabela à Direita) e grave de novo.",
  justificationNoRoom: (sheet: string) =>
    `Não há colunas livres na planilha ${quote(sheet)} para criar as colunas Justificativa e Justificativa aceita.`,

  // --- Regras ---
  rulesHeading: "Regras da avaliação",
  rulesHint: "As regras ficam gravadas na pasta de trabalho e valem para todos que abrirem o arquivo.",
  ruleLabel: "O que decide o conceito de cada trimestre",
  ruleHint: "Vale para cada indicador com vários meses (e unidades) no período.",
  rules: {
    periodResult: "O resultado do período (média dos meses, ou soma dos numeradores ÷ soma dos denominadores) — padrão",
    everyMonth: "Todos os meses e unidades devem atingir a meta (regra mais rígida)",
  },
  partialLabel: "Parcela da justificativa parcial (%)",
  partialHint: "Quanto do atingimento que faltou uma justificativa aceita parcialmente recupera. Padrão: 50%.",
  partialInvalid: "Informe um número de 0 a 100.",
  bandsHeading: "Faixas de recomendação",
  bandsHint: (max: string) =>
    `Cada faixa começa no seu limite inferior e vai até o início da faixa seguinte; a mais alta vai até ${max}. A mais baixa deve começar em 0.`,
  bandsNone: "Esta regra não tem faixas de recomendação. Acrescente faixas para classificar o resultado global.",
  bandGroup: (n: number) => `Faixa ${n}`,
  bandLower: "Início (limite inferior)",
  bandLabelField: "Rótulo",
  bandRecommendation: "Recomendação",
  bandColor: "Cor (código, como #8BC34A)",
  bandAdd: "Acrescentar faixa",
  bandRemove: (n: number) => `Remover faixa ${n}`,
  bandLowerInvalid: (n: number) => `Faixa ${n}: o início deve ser um número, como 70 ou 7,5.`,
  bandsValid: "As faixas estão corretas.",
  rulesRestore: "Restaurar padrão",
  rulesSave: "Salvar regras",
  rulesSaved: "Regras salvas na pasta de trabalho.",
  rulesCannotSave: "Corrija o que está indicado acima antes de salvar.",

  // --- Modelos ---
  templatesHeading: "Modelos: tabelas prontas para preencher",
  templatesHint:
    "Insere uma planilha nova com a tabela de indicadores escolhida, pronta para preencher a meta e o resultado. Nada do que já existe é alterado.",
  templatesLegend: "Conjunto de indicadores",
  templateMonth: "Primeiro mês",
  templateYear: "Ano",
  templateInsert: "Inserir tabela",
  templateInserted: (sheet: string) => `Tabela inserida na planilha ${quote(sheet)}. Preencha a meta e o resultado de cada indicador.`,
  monthNames: ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
  /** What buildTemplate (workbook/plan/templates) writes. */
  template: {
    sheets: { pmaq: "Indicadores PMAQ", instrumento: "Instrumento de avaliação", previne: "Previne Brasil", cofinanciamento: "Cofinanciamento APS" },
    tables: { pmaq: "Tabela_PMAQ", instrumento: "Tabela_Instrumento", previne: "Tabela_Previne", cofinanciamento: "Tabela_Cofinanciamento" },
    title: (name: string, source: string) => `${name} — ${source}`,
    code: "Código",
    area: "Área",
    type: "Tipo",
    indicator: "Indicador",
    kind: "Natureza",
    periodicity: "Periodicidade",
    target: "Meta",
    weight: "Peso",
    month: "Mês",
    fourMonth: "Quadrimestre",
    team: "Nome da equipe",
    teamCode: "INE",
    result: "Resultado",
    resultPercent: "Resultado (%)",
    source: "Fonte de verificação",
    evidence: "Evidências",
    verifiedBy: "Responsável pela verificação",
    justification: "Justificativa",
    accepted: "Justificativa aceita",
    kindPerformance: "Desempenho",
    kindMonitoring: "Monitoramento",
    decisions: ["Total", "Parcial", "Não"],
  },
};

/** The Excel host of the task pane (hosts/excel/host): settings, cells typed in the pane, starter tables. */
export const officeHostStrings = {
  settingsStructureProtected:
    "A estrutura da pasta de trabalho está protegida, e o Contratualiza guarda as configurações numa planilha oculta própria, que precisa criar ou ocultar. Desproteja-a (Revisão > Proteger Pasta de Trabalho) e salve de novo. Nada foi alterado na pasta de trabalho.",
  settingsSheetProtected: (sheet: string) =>
    `A planilha oculta ${quote(sheet)}, em que o Contratualiza guarda as configurações, está protegida. Desproteja-a e salve de novo. Nada foi alterado na pasta de trabalho.`,
  cellsSheetMissing: (sheet: string) =>
    `A planilha ${quote(sheet)} não foi encontrada: ela foi renomeada ou excluída? Leia a pasta de trabalho de novo e salve outra vez. Nada foi alterado na pasta de trabalho.`,
  cellsSheetProtected: (sheet: string) =>
    `A planilha ${quote(sheet)} está protegida, e o Contratualiza precisa escrever nela. Desproteja-a (Revisão > Desproteger Planilha) e salve de novo. Nada foi alterado na pasta de trabalho.`,
  cellsBadAddress: (sheet: string, address: string) =>
    `O endereço ${quote(address)} da planilha ${quote(sheet)} não é uma célula. Nada foi alterado na pasta de trabalho.`,
  templateSheetExists: (sheet: string) =>
    `Já existe uma planilha chamada ${quote(sheet)}. Renomeie-a, ou leia a pasta de trabalho de novo para o modelo ganhar outro nome. Nada foi alterado na pasta de trabalho.`,
  templateTableExists: (table: string) =>
    `Já existe uma tabela chamada ${quote(table)} na pasta de trabalho. Leia a pasta de trabalho de novo para o modelo ganhar outro nome. Nada foi alterado na pasta de trabalho.`,
  templateStructureProtected:
    "A estrutura da pasta de trabalho está protegida, e o Contratualiza precisa criar uma planilha para o modelo. Desproteja-a (Revisão > Proteger Pasta de Trabalho) e tente de novo. Nada foi alterado na pasta de trabalho.",
};

/** The regional consolidation (`contratualiza consolidar`, workbook/consolidation/consolidate): the command, its report and its sheets. */
export const consolidateStrings = {
  usage: [
    "Uso: contratualiza consolidar <pasta|arquivo.xlsx> [opções]",
    "",
    "Avalia todas as pastas de trabalho de uma pasta (ou cada planilha de uma pasta de trabalho com uma tabela por",
    "município, ou cada município de uma exportação do painel nacional) e grava uma planilha consolidada: uma linha",
    "por município (ou contrato) e período, com o atingimento global (ou o ISF), a faixa, as metas não atingidas e",
    "os problemas, ordenada por período e atingimento, e um gráfico do último período. Os arquivos de entrada nunca",
    "são alterados; cópias avaliadas (*.avaliado.xlsx), consolidados anteriores e arquivos temporários (~$*.xlsx)",
    "são ignorados.",
    "",
    "Opções:",
    "  --periodo P          consolida só o período P: 2025-T1 (trimestre), 2025-Q1 (quadrimestre), 2025",
    "  --predefinicao ID    regras: instrumento (padrão), decreto, previne ou cofinanciamento",
    "  --metodo M           proporcao (metas atingidas, padrão) ou media (média do atingimento)",
    "  --regra R            resultado-do-periodo (padrão) ou todos-os-meses (todo mês e unidade deve atingir a meta)",
    "  --mapa mapa.json     diz quais colunas são meta, resultado etc., para todos os arquivos",
    "  --saida ARQUIVO      onde gravar o consolidado (padrão: consolidado.xlsx na pasta, ou <nome>.consolidado.xlsx)",
    "  --sem-arquivo        só mostra o resultado, sem gravar o consolidado",
    "  --paralelo N         quantos arquivos avaliar ao mesmo tempo (padrão: um por núcleo do processador)",
    "  --json               mostra o resultado em JSON, para outros programas",
    "",
    "Código de saída: 0 tudo avaliado; 1 algum arquivo falhou ou tem problemas nos dados; 2 nada pôde ser avaliado.",
  ].join("\n"),
  missingInput: "Informe a pasta (ou o arquivo) a consolidar, por exemplo: contratualiza consolidar contratos/",
  /** A team's row in the consolidation (co-financing): `Lavras — ESF Centro (INE 0001234567)`. */
  teamName: (team: string, municipality: string | undefined, code: string | undefined) =>
    `${municipality ? `${municipality} — ` : ""}${team}${code ? ` (INE ${code})` : ""}`,
  extraArgument: (a: string) => `Argumento a mais: ${quote(a)}. Informe uma pasta ou um arquivo só.`,
  inputNotFound: (input: string) => `Não foi encontrada a pasta ou o arquivo ${quote(input)}. Confira o nome e o caminho.`,
  folderUnreadable: (folder: string, detail: string) => `Não foi possível ler a pasta ${quote(folder)} (${detail}). Confira se você tem acesso a ela.`,
  emptyFolder: (folder: string) =>
    `A pasta ${quote(folder)} não tem pastas de trabalho a consolidar (.xlsx, .xlsm ou .csv). Cópias avaliadas, consolidados anteriores e arquivos temporários são ignorados.`,
  nothingEvaluated: "Nenhum arquivo pôde ser avaliado; o consolidado não foi gravado. Veja acima o motivo de cada arquivo.",
  notWritten: "A consolidação foi feita, mas o arquivo consolidado não foi gravado:",
  noTable: "Nenhuma tabela de indicadores encontrada no arquivo.",
  noRows: "A tabela de indicadores encontrada não tem nenhuma linha a avaliar.",
  unexpected: (detail: string) => `Erro inesperado do Contratualiza ao avaliar este arquivo (não é um problema nos seus dados; informe a equipe): ${detail}`,
  workerExit: (code: number) => `a tarefa de avaliação terminou de repente (código ${code})`,
  workerLost: "a tarefa de avaliação não devolveu resultado",
  progress: (done: number, total: number) => `Avaliando ${done} de ${total} ${total === 1 ? "arquivo" : "arquivos"}…`,
  writing: "Gravando o consolidado…",
  defaultFileName: "consolidado.xlsx",
  // --- the report ---
  heading: (input: string) => `Contratualiza — consolidado de ${input}`,
  filesLine: (files: number, evaluated: number, failed: number) =>
    `${files} ${files === 1 ? "arquivo" : "arquivos"}: ${evaluated} ${evaluated === 1 ? "avaliado" : "avaliados"}` +
    (failed > 0 ? `, ${failed} com falha` : "") +
    ".",
  skippedLine: (n: number) =>
    `${n} ${n === 1 ? "arquivo ignorado" : "arquivos ignorados"} (cópias avaliadas, consolidados anteriores ou arquivos temporários).`,
  periodHeading: (period: string, n: number) => `Período ${period} — ${n} ${n === 1 ? "linha" : "linhas"}, do maior para o menor atingimento:`,
  textHeaders: { name: "Município / contrato", value: "Atingimento", band: "Faixa", missed: "Não atingidas" },
  incompleteFlag: "avaliação incompleta",
  problemsFlag: (n: number) => `${n} ${n === 1 ? "problema" : "problemas"} nos dados`,
  moreRows: (n: number) => `    … e mais ${n} ${n === 1 ? "linha" : "linhas"}; veja a planilha consolidada ou use --json.`,
  failuresHeading: (n: number) => `Arquivos que não puderam ser avaliados (${n}):`,
  problemsHint: (n: number) =>
    `${n} ${n === 1 ? "linha tem" : "linhas têm"} problemas nos dados; use “contratualiza avaliar <arquivo>” para ver cada um, com a planilha e a célula.`,
  written: (file: string) =>
    `Consolidado gravado em ${file} (planilhas Consolidado e Falhas). Os arquivos de entrada não foram alterados.`,
  // --- the sheets ---
  sheetName: "Consolidado",
  failuresSheetName: "Falhas",
  title: (units: number, files: number) =>
    `Consolidado da avaliação — ${units} ${units === 1 ? "município ou contrato" : "municípios ou contratos"}, ${files} ${files === 1 ? "arquivo" : "arquivos"}`,
  subtitle: (periods: string[], failures: number) =>
    (periods.length === 0 ? "Sem período informado" : `${periods.length === 1 ? "Período" : "Períodos"}: ${periods.join(", ")}`) +
    (failures > 0 ? ` · ${failures} ${failures === 1 ? "arquivo não pôde ser avaliado" : "arquivos não puderam ser avaliados"}: veja a planilha Falhas` : ""),
  note: "Ordenado por período e, em cada período, do maior para o menor atingimento. Para os detalhes de um arquivo, use “contratualiza avaliar <arquivo>”.",
  headers: {
    name: "Município / contrato",
    ibge: "IBGE",
    source: "Arquivo",
    period: "Período",
    attainment: "Atingimento global",
    value: (label: string) => `${label} (0 a 10)`,
    band: "Faixa",
    missedCount: "Metas não atingidas",
    missed: "Indicadores não atingidos",
    incomplete: "Avaliação incompleta",
    problems: "Problemas nos dados",
  },
  justifiedTotal: (code: string) => `${code} (justificado)`,
  justifiedPartial: (code: string) => `${code} (justificado parcialmente)`,
  yes: "Sim",
  no: "Não",
  noValue: "—",
  noPeriod: "—",
  noPeriodLong: "sem período informado",
  chartTitle: (period: string) => `Atingimento global por município — ${period}`,
  chartTitleValue: (label: string, period: string) => `${label} por município — ${period}`,
  failuresTitle: (n: number) => (n === 0 ? "Arquivos que não puderam ser avaliados" : `Arquivos que não puderam ser avaliados (${n})`),
  failureHeaders: ["Arquivo", "Motivo"],
  noFailures: "Nenhum arquivo com falha: todos foram avaliados.",
};

/** The reports' texts (pt-BR): the synthetic communiqué, the annual / final report, the command `comunicado`. */
export const reportStrings = {
  // --- units of the periods a report covers ---
  /** Singular and plural of a period kind, for “4 trimestres”, “por trimestre”. */
  units: {
    month: ["mês", "meses"],
    bimester: ["bimestre", "bimestres"],
    quarter: ["trimestre", "trimestres"],
    fourMonth: ["quadrimestre", "quadrimestres"],
    semester: ["semestre", "semestres"],
    year: ["exercício", "exercícios"],
    range: ["período", "períodos"],
  } as Record<string, [string, string]>,
  /** Adjective of a communiqué by period kind: Comunicado Trimestral Sintético. */
  periodicAdjective: {
    month: "Mensal",
    bimester: "Bimestral",
    quarter: "Trimestral",
    fourMonth: "Quadrimestral",
    semester: "Semestral",
    year: "Anual",
    range: "",
  } as Record<string, string>,
  /** Plural adjective: “as avaliações trimestrais”. */
  periodicPlural: {
    month: "mensais",
    bimester: "bimestrais",
    quarter: "trimestrais",
    fourMonth: "quadrimestrais",
    semester: "semestrais",
    year: "anuais",
    range: "periódicas",
  } as Record<string, string>,
  /** “no 1º trimestre de 2025”, “no mês de jan/2025”, “no período de 01/08/2011 a 31/12/2011”. */
  periodPhrase: (kind: string, text: string) =>
    kind === "range" ? `no período de ${text}` : kind === "month" ? `no mês de ${text}` : kind === "year" ? `no exercício de ${text}` : `no ${text}`,
  allRows: "todas as linhas (sem período informado)",
  methodShare: "proporção de metas atingidas",
  methodMean: "média do atingimento",
  draftNote: "Minuta gerada pelo Contratualiza a partir da avaliação da planilha. Revise e complete o texto antes de assinar.",

  // --- the synthetic communiqué (Cajamar decree of 2011, art. 11 II and IV) ---
  communiqueSheet: (label: string) => `Comunicado ${label}`,
  communiqueTitle: (adjective: string) => `Comunicado ${adjective ? `${adjective} ` : ""}Sintético`,
  communiquePeriod: (text: string) => `Período avaliado: ${text}`,
  finalOfYearMark: (year: number) => `Último comunicado do exercício de ${year}`,
  commission: "Comissão de Avaliação do Contrato de Gestão",
  source: (source: string) => `Contrato / origem dos dados: ${source}`,
  rules: (preset: string, method: string) => `Regras de avaliação: ${preset} · Método: ${method}`,
  intro: (periodText: string, dates: string | undefined, quarterly: boolean) =>
    `A Comissão de Avaliação do Contrato de Gestão, reunida em sessão ordinária, no uso das atribuições que lhe são conferidas, ` +
    `apreciou o relatório ${quarterly ? "trimestral " : ""}de acompanhamento referente ao período avaliado — ${periodText}${dates ? ` (${dates})` : ""} — ` +
    `e apresenta o presente comunicado, com a apreciação qualitativa dos resultados alcançados, ` +
    `as justificativas recebidas e as sugestões e recomendações decorrentes da avaliação.`,
  finalOfYear: (unit: string, year: number, periodic: string, annualSheet: string) =>
    `Por se tratar do último ${unit} do exercício de ${year}, este comunicado encerra as avaliações ${periodic} do ano. ` +
    `O comparativo entre os resultados programados e os alcançados ao longo do exercício, com as justificativas e as propostas de revisão de indicadores, ` +
    `consta do relatório anual de avaliação (planilha “${annualSheet}”).`,

  resultHeading: "1. Resultado do período",
  counts: (phrase: string, met: number, withData: number, scored: number) =>
    `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}, ${met === 1 ? "1 indicador" : `${met} indicadores`} de desempenho, ` +
    `de ${withData} com resultado informado, ${met === 1 ? "atingiu" : "atingiram"} a meta pactuada (conceito A = Suficiente)` +
    (withData < scored ? `; ${scored - withData} de ${scored} indicadores de desempenho ficaram sem resultado avaliável` : "") +
    ".",
  overallShare: (value: string) =>
    `O atingimento global do Contrato de Gestão, apurado pela proporção de metas atingidas (computadas as justificativas acatadas), foi de ${value}.`,
  overallMean: (value: string) =>
    `O atingimento global do Contrato de Gestão, apurado pela média ponderada do atingimento dos indicadores de desempenho (computadas as justificativas acatadas), foi de ${value}.`,
  overallNotComputed: "Não foi possível apurar o atingimento global, porque nenhum indicador de desempenho tem resultado avaliável no período.",
  incomplete: (without: number, scored: number) =>
    `A avaliação está incompleta: ${without} de ${scored} indicadores de desempenho estão sem dado, o que excede o limite admitido; ` +
    `o resultado deve ser lido com reserva.`,
  band: (label: string) => `O resultado enquadra-se na ${label}, à qual corresponde a seguinte recomendação:`,
  bandOnly: (label: string) => `O resultado enquadra-se na faixa ${label}.`,
  recommendation: (text: string) => `“${text.replace(/\.$/, "")}.”`,
  noBands: (preset: string) =>
    `As regras adotadas (${preset}) não preveem faixas de recomendação além dos conceitos A (Suficiente) e B (Insuficiente).`,
  monitoringBelow: (list: string) => `Indicadores de monitoramento abaixo da meta, que não entram na avaliação: ${list}.`,
  pendingList: (list: string) => `Indicadores de desempenho sem resultado no período: ${list}.`,
  invalidList: (list: string) =>
    `Indicadores de desempenho com dado inválido, que não puderam ser avaliados: ${list}. ` +
    `Os problemas estão indicados, com planilha e célula, no relatório de acompanhamento.`,

  notMetHeading: "2. Indicadores de desempenho que não atingiram a meta",
  notMetIntro: (n: number) =>
    n === 1
      ? "O indicador de desempenho abaixo não atingiu a meta pactuada no período (conceito B = Insuficiente):"
      : `Os ${n} indicadores de desempenho abaixo não atingiram a meta pactuada no período (conceito B = Insuficiente):`,
  noneNotMet: "Todos os indicadores de desempenho com resultado avaliável atingiram a meta pactuada no período.",
  notMetHeaders: ["Código", "Indicador", "Meta", "Resultado", "Atingimento", "Conceito"],

  justificationsHeading: "3. Justificativas recebidas e deliberação da Comissão",
  justificationsIntro:
    "Quanto aos indicadores que não atingiram a meta, a Comissão apreciou as justificativas apresentadas e deliberou conforme o quadro abaixo, " +
    "acatando-as total ou parcialmente, ou não as acatando:",
  noJustifications: "Não houve indicador de desempenho com meta não atingida e, portanto, justificativa a apreciar.",
  justificationHeaders: ["Indicador", "Justificativa apresentada", "Deliberação da Comissão"],
  noJustificationGiven: "Não foi apresentada justificativa.",
  decisions: {
    total: "Acatada totalmente: o indicador é computado como atingido.",
    partial: "Acatada parcialmente: o indicador é computado em parte.",
    rejected: "Não acatada.",
    pending: "Pendente de deliberação da Comissão.",
    none: "—",
  },
  /** Short forms, for the annual report's list of justifications. */
  decisionsShort: { total: "acatada totalmente", partial: "acatada parcialmente", rejected: "não acatada", pending: "sem deliberação" },

  actionsHeading: "4. Ações corretivas e indutoras sugeridas",
  actionsIntro:
    "Diante do exposto, a Comissão sugere as seguintes ações, a serem implementadas pela contratada e acompanhadas pela Secretaria Municipal de Saúde:",
  actionPlan: (name: string, target: string, result: string) =>
    `${name}: apresentar plano de ação, com as causas identificadas, as medidas, os responsáveis e os prazos, para alcançar a meta pactuada ` +
    `(${target}; resultado no período: ${result}), a ser apreciado na próxima reunião ordinária da Comissão.`,
  actionPartial: (name: string) =>
    `${name}: dar continuidade às medidas informadas na justificativa, acatada parcialmente, e demonstrar a evolução do resultado no próximo período.`,
  actionMissingData: (list: string) =>
    `Regularizar o registro e o envio dos resultados dos indicadores sem dado no período (${list}), nos sistemas de informação e nos relatórios da contratada.`,
  actionInvalidData: "Corrigir os dados inválidos apontados, com planilha e célula, no relatório de acompanhamento.",
  actionBand: "Dar ciência à contratada do resultado apurado e da recomendação correspondente, para as providências cabíveis.",
  noActions:
    "Não há ações corretivas a sugerir: os indicadores de desempenho atingiram as metas pactuadas. Recomenda-se manter as ações em curso.",

  revisionHeading: "5. Indicadores a serem revisados ou renegociados",
  revisionIntro: (n: number, unitPlural: string, labels: string) =>
    `Considerados os ${n} ${unitPlural} avaliados do exercício até este comunicado (${labels}), a Comissão sugere analisar a revisão ou a renegociação dos seguintes indicadores de desempenho:`,
  wideMargin: (name: string, unitPlural: string, min: string, max: string) =>
    `${name}: meta superada com ampla margem em todos os ${unitPlural} (atingimento de ${min} a ${max}); ` +
    `sugere-se avaliar a elevação da meta, que pode estar subdimensionada.`,
  neverMet: (name: string, unitPlural: string, min: string, max: string) =>
    `${name}: meta não atingida em nenhum dos ${unitPlural} (atingimento de ${min} a ${max}); ` +
    `sugere-se verificar a adequação da meta, a qualidade do registro e as condições de execução e, se for o caso, renegociar o indicador.`,
  noRevision: (unitPlural: string) =>
    `Nenhum indicador de desempenho teve a meta superada com ampla margem em todos os ${unitPlural}, nem deixou de atingi-la em todos eles; ` +
    `não há, por ora, indicador a revisar ou renegociar.`,
  revisionTooEarly: (unit: string) =>
    `Com um único ${unit} avaliado no exercício, ainda não há série suficiente para propor a revisão ou a renegociação de indicadores.`,

  closing: "Encaminhe-se ao Chefe do Poder Executivo municipal, para conhecimento e providências.",
  placeDate: "________, ___ de __________ de ____",
  signatureLine: "______________________________________",
  signatureName: "Nome:",
  signatureLabel: "Assinatura:",
  signaturesHeading: "Membros da Comissão de Avaliação",
  members: [
    "Presidente da Comissão de Avaliação (representante da Secretaria Municipal de Saúde)",
    "Membro da Comissão de Avaliação (representante da área de finanças do Município)",
    "Membro da Comissão de Avaliação (representante do Conselho Municipal de Saúde)",
    "Membro da Comissão de Avaliação (representante da contratada)",
  ],

  // --- the annual / final evaluation report (Cajamar decree of 2011, art. 11 III) ---
  annualSheet: (year: number) => `Avaliação anual ${year}`,
  finalSheet: "Avaliação final",
  annualTitle: (year: number) => `Relatório anual de avaliação — exercício de ${year}`,
  finalTitle: "Relatório final de avaliação do Contrato de Gestão",
  periodsCovered: (first: string, last: string, n: number, unitPlural: string) =>
    n === 1 ? `Período avaliado: ${first}` : `Períodos avaliados: ${first} a ${last} (${n} ${unitPlural})`,
  overallHeading: "Resultado global por período",
  overallHeaders: ["Período", "", "Indicadores com dado", "Conceito A", "Atingimento global", "Faixa", "Recomendação"],
  overallHeaderNote: (label: string) => label,
  yearRow: (year: number, n: number, unitPlural: string) => `Exercício de ${year} — média de ${n} ${unitPlural}`,
  finalRow: (n: number, unitPlural: string) => `Contrato — média de ${n} ${unitPlural}`,
  yearIncomplete: (counted: number, periods: number) =>
    `A média considera ${counted} de ${periods} períodos: os demais não têm atingimento global apurado.`,
  overallTrend: (direction: string, slope: string, unit: string) => `Tendência do atingimento global: ${direction} (${slope} p.p. por ${unit}).`,
  overallTrendNote: (label: string, direction: string, slope: string, unit: string) => `Tendência (${label}): ${direction} (${slope} por ${unit}).`,
  noTrend: "Tendência do atingimento global: sem série (é preciso ao menos dois períodos com resultado).",
  chartTitle: "Atingimento global por período",
  chartTitleNote: (label: string) => `${label} por período`,
  chartSeries: "Atingimento global",
  indicatorsHeading: "Programado × alcançado por indicador de desempenho",
  indicatorHeaders: { code: "Código", indicator: "Indicador", target: "Meta (programado)", trend: "Tendência", slope: (unit: string) => `Variação (p.p. por ${unit})`, justifications: "Justificativas e deliberações" },
  periodHeaders: ["Resultado (alcançado)", "Atingimento", "Conceito"],
  trendWords: { improving: "melhorando", stable: "estável", worsening: "piorando" } as Record<string, string>,
  noSeries: "sem série",
  targetFrom: (text: string, first: string, last: string) => `${text} (${first === last ? first : `${first} a ${last}`})`,
  justificationItem: (label: string, text: string, decision: string | undefined) => `${label}: ${text}${decision ? ` (${decision})` : ""}`,
  notInPeriod: "—",
  noPerformance: "Nenhum indicador de desempenho nos períodos avaliados.",
  monitoringNote: "Os indicadores de monitoramento não entram na avaliação e não constam deste quadro.",
  revisionsHeading: "Propostas de revisão de indicadores",
  revisionsIntro: (n: number, unitPlural: string) =>
    `Considerados os ${n} ${unitPlural} avaliados, propõe-se analisar a revisão ou a renegociação dos seguintes indicadores de desempenho:`,
  notesHeading: "Como ler este relatório",
  noteTrend: (unit: string) =>
    `Tendência: inclinação da reta de mínimos quadrados do atingimento (limitado a 100%) ao longo dos períodos do quadro, em pontos percentuais por ${unit}; ` +
    `+2 p.p. ou mais é “melhorando”, −2 p.p. ou menos é “piorando”, entre esses valores é “estável”. São necessários ao menos dois períodos com resultado.`,
  noteYear:
    "Resultado do exercício: média aritmética do atingimento global dos períodos com resultado apurado, enquadrada nas mesmas faixas de recomendação. " +
    "Assim o exercício reflete as avaliações de cada período, inclusive as justificativas acatadas pela Comissão.",
  noteFinal:
    "Resultado do contrato: média aritmética do atingimento global dos períodos com resultado apurado, enquadrada nas mesmas faixas de recomendação.",
  noteRevision:
    "Revisão de indicadores: propõe-se rever a meta de um indicador atingido com ampla margem (atingimento de 120% ou mais) em todos os períodos, " +
    "e a de um indicador que não atingiu a meta em nenhum período (ao menos dois períodos com resultado).",

  // --- the command `contratualiza comunicado` (its usage and options: commandStrings) ---
  outputIsInput: (file: string) =>
    `O comunicado não pode ser gravado em “${file}”, que é o próprio arquivo de entrada: o Contratualiza nunca altera o arquivo original. Escolha outro nome.`,
  nothingToEvaluate: (file: string) => `Nenhuma tabela de indicadores com linhas a avaliar foi encontrada em “${file}”.`,
  periodNotFound: (period: string, found: string) =>
    `Nenhuma linha do período ${period} foi encontrada.${found ? ` Períodos encontrados: ${found}.` : ""}`,
  written: (period: string, file: string) => `Comunicado ${period} gravado em ${file}. O arquivo original não foi alterado.`,
  summaryLine: (label: string, value: string, band: string) => `${label}: ${value}${band ? ` — ${band}` : ""}.`,
  overallLabel: "Atingimento global",
  problemsNote: (n: number) => `Atenção: ${n === 1 ? "1 problema" : `${n} problemas`} nos dados; veja “contratualiza avaliar” para a lista com planilha e célula.`,
};


/**
 * Screen Consolidar of the task pane (the regional view of the open workbook: one table per municipality on
 * its own sheet, or a panel / long table with a `Município` column) and the words of the `Consolidado`
 * sheet it writes there (workbook/consolidation/workbookPart), where the command's sheet speaks of files.
 */
export const consolidarPaneStrings = {
  tab: "Consolidar",
  heading: "Consolidado regional",
  hint:
    "Insere a planilha “Consolidado”: uma linha por município e período, com atingimento global, faixa, metas não atingidas e problemas, ordenada por atingimento e com um gráfico do último período.",
  howTo:
    "Serve para uma pasta de trabalho com a tabela de cada município numa planilha com o nome dele, ou com uma tabela com a coluna Município (como a exportação do painel nacional). Todos os períodos entram.",
  run: "Inserir consolidado",
  previewHeading: "Prévia",
  /** `unitsText`: how the rows count when they are not municipalities (`2 equipes`). */
  previewLine: (units: number, periods: string[], rows: number, unitsText?: string) =>
    `${unitsText ?? `${formatNumber(units, 0)} ${units === 1 ? "município ou contrato" : "municípios ou contratos"}`} · ` +
    (periods.length === 0
      ? "sem período informado"
      : `${periods.length === 1 ? "período" : `${periods.length} períodos:`} ${periods.join(", ")}`) +
    ` · ${rows === 1 ? "1 linha" : `${formatNumber(rows, 0)} linhas`}.`,
  fromSheets: (sheets: string[]) => `Uma planilha por município: ${sheets.join(", ")}.`,
  latestHeading: (period: string) => `${period}, do maior para o menor atingimento`,
  latestUndated: "Do maior para o menor atingimento",
  rowText: (name: string, value: string, band: string) => `${name}: ${value}${band ? ` · ${band}` : ""}`,
  /** A row's 0–10 value: `ISF 8,00`, `Nota final 7,50`. */
  valueText: (label: string, value: string) => `${label} ${value}`,
  noValue: "sem atingimento calculado",
  moreRows: (n: number) => `… e mais ${n === 1 ? "1 linha" : `${formatNumber(n, 0)} linhas`} na planilha.`,
  incompleteRows: (n: number) => `${n === 1 ? "1 linha tem" : `${formatNumber(n, 0)} linhas têm`} avaliação incompleta (indicadores sem dado).`,
  problemRows: (n: number) =>
    `${n === 1 ? "1 linha tem" : `${formatNumber(n, 0)} linhas têm`} problemas nos dados; veja a tela Avaliar para a planilha e a célula de cada um.`,
  oneUnit:
    "Só um município ou contrato foi encontrado. Para consolidar vários, ponha a tabela de cada município numa planilha com o nome dele, ou use uma tabela com a coluna Município.",
  failed: (message: string) => `Não foi possível consolidar: ${message}`,
  applied: "Planilha “Consolidado” inserida.",
  confirmTitle: "Substituir consolidado?",
  /** The failure's source when the open workbook has no table to name. */
  thisWorkbook: "esta pasta de trabalho",
  // --- the Consolidado sheet in the open workbook ---
  sheetTitle: (units: number) =>
    `Consolidado da avaliação — ${formatNumber(units, 0)} ${units === 1 ? "município ou contrato" : "municípios ou contratos"} desta pasta de trabalho`,
  sheetNote:
    "Ordenado por período e, em cada período, do maior para o menor atingimento. Para atualizar, use de novo a tela Consolidar do Contratualiza; para os detalhes de um município, a tela Avaliar.",
  sheetHeader: "Planilha",
};

/**
 * The commands' option parser (cli/options: what each option expects, the mistakes) and the command
 * `contratualiza comunicado` with its outputs, Markdown or a Word document (workbook/plan/reports/docx).
 */
export const commandStrings = {
  // --- options, shared by avaliar, consolidar and comunicado ---
  missingValue: (option: string, expected: string) => `A opção ${option} precisa de um valor: ${expected}.`,
  invalidValue: (option: string, problem: string) => `Opção ${option}: ${problem}`,
  flagWithValue: (option: string) => `A opção ${option} não recebe valor; escreva só ${option}.`,
  integerExpected: (min: number, max: number) => `um número inteiro de ${min} a ${max}`,
  notAnInteger: (value: string, min: number, max: number) => `${quote(value)} não é um número inteiro de ${min} a ${max}.`,
  expects: {
    period: "um período, por exemplo 2025-T1 (trimestre), 2025-Q1 (quadrimestre) ou 2025",
    preset: "instrumento, decreto, previne ou cofinanciamento",
    method: "proporcao ou media",
    rule: "resultado-do-periodo (padrão) ou todos-os-meses",
    mapFile: "o arquivo JSON que diz quais colunas são meta, resultado etc.",
    xlsxOutput: "o nome do arquivo .xlsx a gravar",
    communiqueOutput: "o nome do arquivo .md ou .docx a gravar",
  },

  // --- the command `contratualiza comunicado` ---
  communiqueUsage: [
    "Uso: contratualiza comunicado <arquivo.xlsx> [opções]",
    "",
    "Redige os comunicados sintéticos da Comissão de Avaliação (Markdown ou documento do Word, para editar e",
    "assinar): resultado global, faixa, indicadores que não atingiram a meta, justificativas, ações sugeridas e",
    "indicadores a revisar. Sem --periodo nem --saida, grava um comunicado por período encontrado. O arquivo",
    "original nunca é alterado.",
    "",
    "Opções:",
    "  --periodo P          só o comunicado do período P, por exemplo 2025-T1",
    "  --final              o Comunicado Final Sintético, com todos os períodos: grau de cumprimento do contrato,",
    "                       faixa, períodos em cada faixa e indicadores nunca atingidos (ao fim do contrato)",
    "  --termo-aditivo      a proposta de Termo Aditivo: indicadores a revisar ou renegociar, com a evidência",
    "  --predefinicao ID    regras: instrumento (padrão), decreto, previne ou cofinanciamento",
    "  --metodo M           proporcao (metas atingidas, padrão) ou media (média do atingimento)",
    "  --regra R            resultado-do-periodo (padrão) ou todos-os-meses (todo mês e unidade deve atingir a meta)",
    "  --saida ARQUIVO      onde gravar o comunicado: ARQUIVO.md (Markdown) ou ARQUIVO.docx (documento do Word)",
    "                       (padrão: <nome>.comunicado-<período>.md, <nome>.comunicado-final.md ou",
    "                       <nome>.termo-aditivo.md, ao lado do original; só com --saida, o último período)",
    "",
    "Código de saída: 0 gravado; 1 gravado, com problemas nos dados; 2 não foi possível ler, avaliar ou gravar.",
  ].join("\n"),
  outputNotCommunique: (file: string) => `A saída “${file}” deve terminar em .md (texto em Markdown) ou .docx (documento do Word).`,

  // --- the communiqué as a Word document: the names of its own paragraph styles, as Word lists them ---
  docxStyles: {
    draftNote: "Nota da minuta",
    headerLine: "Identificação do comunicado",
    warning: "Aviso",
    tableText: "Texto de tabela",
    tableHeader: "Cabeçalho de tabela",
    placeDate: "Local e data",
    signature: "Assinatura",
  },
  /** The footer: `Página 1 de 3`, the text around the two page numbers. */
  docxPageOf: ["Página ", " de "] as [string, string],
  /** The document's author in its properties. */
  docxCreator: "Contratualiza",
};

/**
 * The national programmes reported as published (Previne Brasil, the co-financing of APS): the name of the
 * overall figure (ISF, ISF parcial, nota final; of a *conjunto*), the co-financing's missing indicators, the
 * scale of a column of fractions, duplicates across files or tables, and justifications that are shown but
 * never scored.
 */
export const nationalStrings = {
  // --- the overall figure's name (workbook/overallFigure) ---
  isf: "ISF",
  /** `ISF parcial (3 de 7 indicadores)`: an ISF needs all seven indicators. */
  isfPartial: (present: number, total: number) => `ISF parcial (${present} de ${total} ${total === 1 ? "indicador" : "indicadores"})`,
  finalNote: "nota final",
  attainment: "atingimento global",
  /** The per-municipality column when some municipality has fewer than the seven indicators. */
  isfOrPartial: "ISF ou ISF parcial",
  isfPartialOnly: "ISF parcial",
  isfOrFinalNote: "ISF / nota final",
  /** A partial ISF in a table of municipalities: `8,00 (parcial, 1 de 7)`. */
  partialValue: (value: string, present: number, total: number) => `${value} (parcial, ${present} de ${total})`,
  /** The pooled figure over several municipalities: `ISF do conjunto`, `ISF parcial (…) do conjunto`. */
  pooled: (name: string) => `${name} do conjunto`,
  /** A name at the start of a sentence or a label. */
  capitalized: (name: string) => name.charAt(0).toLocaleUpperCase("pt-BR") + name.slice(1),
  /** The 0–10 scale after the name, in the summary sheet: `ISF parcial (1 de 7 indicadores), de 0 a 10`. */
  onTen: (name: string) => `${name} (0 a 10)`,
  partialNote: (present: number, total: number, codes: string[]) =>
    `O ISF precisa dos ${total} indicadores; com ${present}, o valor é um ISF parcial (média ponderada só dos indicadores com resultado), não o ISF. ${codes.length === 1 ? "Falta o indicador" : "Faltam os indicadores"} ${codes.join(", ")}.`,
  pooledNote: (n: number) =>
    `Conjunto dos ${n} municípios: cada indicador reúne os resultados de todos eles, e o seu conceito segue o resultado do próprio conjunto (A quando ele atinge a meta). Não é o resultado de nenhum município.`,
  /** The communiqué's sentence: `O ISF parcial (3 de 7 indicadores) apurado foi de 6,50, numa escala de 0 a 10.` */
  overallIsf: (name: string, value: string) => `O ${name} apurado foi de ${value}, numa escala de 0 a 10.`,
  overallFinalNote: (name: string, value: string) => `A ${name} apurada foi de ${value}, numa escala de 0 a 10.`,
  /** One indicator of a set named in a list: `C7 Cuidado da mulher na prevenção do câncer`. */
  indicatorName: (code: string, name: string) => `${code} ${name}`,

  // --- the co-financing: indicators missing (the weights are never rescaled) ---
  incompleteTeam: (missing: string[]) =>
    `incompleta: sem resultado em ${missing.join("; ")} (${missing.length === 1 ? "conta" : "contam"} zero; os pesos não são redistribuídos)`,
  incompleteShort: (missing: string[]) => `incompleta: ${missing.length === 1 ? "falta" : "faltam"} ${missing.join("; ")}`,
  /** Under the per-team table: `ESF Vila Nova (INE 0007654321) — incompleta: falta C6 Cuidado da pessoa idosa`. */
  incompleteTeamLine: (team: string, code: string | undefined, missing: string[]) =>
    `${team}${code ? ` (INE ${code})` : ""} — incompleta: ${missing.length === 1 ? "falta" : "faltam"} ${missing.join("; ")}`,
  incompleteColumn: "Indicadores sem resultado",
  /** A team's indicator whose result could not be used (unreadable, a column of fractions, a conflicting duplicate). */
  invalidResult: "inválido",
  /** A partial ISF's row in a consolidation: `ISF parcial (1 de 7): faltam 1, 2, 3, 4, 5, 7`. */
  partialShort: (present: number, total: number, codes: string[]) => `ISF parcial (${present} de ${total}): ${codes.length === 1 ? "falta" : "faltam"} ${codes.join(", ")}`,
  /** A co-financing team's row in a consolidation: `incompleta: falta C7`. */
  missingCodes: (codes: string[]) => `incompleta: ${codes.length === 1 ? "falta" : "faltam"} ${codes.join(", ")}`,

  // --- the scale of a column of results (core/evaluate findFractionColumns) ---
  fractionColumn: (indicator: string, cells: string[], example: string, points: string) =>
    `Os resultados de ${indicator} ${cells.length > 0 ? `(${listCells(cells)}) ` : ""}são todos frações de 0 a 1, sem o sinal de % nem formato de porcentagem, ` +
    `mas no cofinanciamento os resultados vão de 0 a 100: ${example} seria ${example} ponto ou ${points}%? ` +
    `Essas linhas não foram classificadas. Escreva ${points} (ou ${points}%), ou aplique o formato de porcentagem às células.`,

  // --- the same indicator × municipality × period twice (workbook/pipeline, consolidation) ---
  duplicateSame: (indicator: string, where: string, first: string, second: string, value: string) =>
    `O indicador ${quote(indicator)}${where} aparece duas vezes, ${first} e ${second}, com o mesmo resultado (${value}): foi contado uma vez. Remova a cópia repetida.`,
  duplicateDiffers: (indicator: string, where: string, first: string, second: string, a: string, b: string) =>
    `O indicador ${quote(indicator)}${where} aparece duas vezes, ${first} (${a}) e ${second} (${b}), com resultados diferentes: nenhum dos dois foi usado (não se tira média). Mantenha só a exportação correta.`,
  /** `, município Lavras, 2022-Q1`: what the two rows share besides the indicator. */
  duplicateWhere: (parts: string[]) => (parts.length > 0 ? ` (${parts.join(", ")})` : ""),
  municipalityPart: (name: string) => `município ${name}`,
  teamPart: (name: string) => `equipe ${name}`,
  duplicatesHeading: (n: number) => `  ${n === 1 ? "Resultado repetido" : `Resultados repetidos (${n})`} em dois arquivos ou tabelas:`,
  /** A place: `no arquivo painel-1.csv (célula D13)`, `na planilha Jan, célula D4`. */
  fileWhere: (file: string, cell: string | undefined) => `no arquivo ${file}${cell ? ` (célula ${cell})` : ""}`,
  sheetWhere: (sheet: string, cell: string | undefined) => `na planilha ${sheet}${cell ? `, célula ${cell}` : ""}`,
  blankValue: "vazio",

  // --- justifications under national rules ---
  justificationsNotScored: (programme: string) =>
    `Nas regras do ${programme} não há comissão de avaliação: a coluna “Justificativa aceita” aparece, mas não muda nenhuma nota, classe ou o resultado final.`,
};

/** Cells in a message: `F2, F3, F4` — at most eight, then how many more. */
function listCells(cells: string[]): string {
  const shown = cells.slice(0, 8).join(", ");
  return cells.length > 8 ? `${shown} e mais ${cells.length - 8}` : shown;
}

/** What every presenter shows of an evaluation (workbook/view): provisional bands, reasons for a B, pending results. */
export const viewStrings = {
  incompleteResults: (missing: number, expected: number) =>
    `avaliação incompleta: ${formatNumber(missing, 0)} de ${formatNumber(expected, 0)} resultados esperados faltando`,
  incompleteIndicators: (without: number, scored: number) =>
    `avaliação incompleta: ${without} de ${scored} indicadores de desempenho sem dado`,
  provisionalBand: (label: string, why: string) => `${label} — provisória (${why})`,
  failingMonth: (where: string, value: string, target: string) => `${where}: ${value}${target ? ` (meta ${target})` : ""}`,
  reasonEveryMonth: (list: string, periodMeets: boolean) =>
    `regra “todos os meses”: ${periodMeets ? "o resultado do período atinge a meta, mas " : ""}não atingiram a meta: ${list}`,
  andMore: (n: number) => ` e mais ${n}`,
  reasonPeriodResult: (result: string, target: string, how: string) =>
    `resultado do período ${result}${how ? ` (${how})` : ""} não atinge a meta ${target}`,
  combinedRatio: (n: number) => `soma dos numeradores ÷ soma dos denominadores de ${n} resultados`,
  combinedSum: (n: number) => `soma de ${n} resultados`,
  combinedLast: "último resultado do período",
  combinedMean: (n: number) => `média de ${n} resultados`,
  missingRow: (where: string) => `linha ausente: ${where}`,
  blankResult: (where: string, cell?: string) => `${where}: ${cell ? `célula ${cell} em branco` : "resultado em branco"}`,
  invalidResult: (where: string, cell?: string) => `${where}: resultado inválido${cell ? ` na célula ${cell}` : ""} (veja os problemas)`,
  needsBaseline: "a meta precisa de uma linha de base",
  noDataInPeriod: "sem dado no período",
  ruleEveryMonth: "todos os meses (e unidades) devem atingir a meta",
  rulePeriodResult: "o resultado do período decide o conceito",
  unitWithMunicipality: (municipality: string, unit: string) => `${municipality} — ${unit}`,
  provisionalShort: (label: string) => `${label} (provisória)`,
  incompleteSentence: (why: string) => `Atenção: ${why.charAt(0).toLocaleUpperCase("pt-BR")}${why.slice(1)}. A faixa indicada é provisória e pode mudar quando os dados forem completados.`,
  ruleSentence: (rule: string) => `Regra do conceito: ${rule}.`,
  /** The warning beside a provisional band, in the summary sheet and on screen. */
  incompleteWarning: (why: string) => `Atenção: ${why}. A faixa é provisória.`,
  pendingIntro: (n: number) => `${n === 1 ? "Resultado ainda não informado" : `Resultados ainda não informados (${n})`}:`,
  morePendingSentence: (n: number) => `e mais ${n} (a planilha de resumo lista todos).`,
  reasonsIntro: "O que decide cada conceito B:",
  byUnitHeading: "Por unidade — cada uma avaliada só com as suas linhas",
  unitHeaders: ["Unidade", "Indicadores com dado", "Metas atingidas", "Atingimento", "Faixa", "Metas não atingidas"],
  unitLine: (name: string, figure: string, band: string, missed: string) => `${name}: ${figure}${band ? ` — ${band}` : ""}${missed ? `; não atingidas: ${missed}` : ""}`,
  noFigure: "não calculado",
};

/** The periods the pipeline evaluates: a period asked for without data, rows far from the rest. */
export const periodStrings = {
  span: (first: string, last: string) => (first === last ? `os dados são de ${first}` : `os dados vão de ${first} a ${last}`),
  noDates: "as linhas não têm período",
  emptyPeriod: (period: string, label: string, span: string) =>
    `Não há dados de ${period} (${label}): ${span}. Escolha um período dentro desse intervalo.`,
  strayPeriod: (period: string, label: string, rows: number, cells: string) =>
    `${rows === 1 ? "1 linha é" : `${rows} linhas são`} de ${period}, longe do período dos demais dados (${cells}): ` +
    `parece erro de digitação na data e não foi avaliado. Corrija a data, ou avalie esse período de propósito com --periodo ${label}.`,
};

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
  /** The indicator of a source row split in two: which target, then the source's description. */
  splitIndicator: (part: string, description: string) => `${part} — ${description}`,
  /** Starter table of the evaluation instrument: the source's Conteúdo, and its Meta as written. */
  contentHeader: "Conteúdo",
  sourceTargetHeader: "Meta (texto do instrumento)",
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

const MISSING_FIELD: Readonly<Record<MissingField, string>> = {
  indicator: "a coluna do indicador (Indicador, Nome do indicador, Descrição)",
  target: "a coluna da meta (Meta, Meta pactuada)",
  result:
    "a coluna do resultado (Resultado, Realizado, Alcançado, % atingido; ou Numerador e Denominador; ou uma coluna por período, como Jan/2025)",
  period: "a coluna do período (Mês, Competência, Período) ou uma coluna por período",
};

function columnList(columns: DiagnosedColumn[]): string {
  return columns.map((c) => (c.field ? `${c.letter} ${quote(c.header)} (${c.field})` : `${c.letter} ${quote(c.header)}`)).join(", ");
}

function noRowsText(reason: NoRowsReason): string {
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
        (reason.next !== undefined ? ` (as linhas a partir da ${reason.next} não foram lidas: apague as linhas em branco entre o cabeçalho e os dados)` : "")
      );
    case "unread":
      return reason.to === reason.row
        ? `a linha ${reason.row} não tem nome de indicador com valores`
        : `nenhuma das linhas ${reason.row} a ${reason.to} tem nome de indicador com valores`;
  }
}

/**
 * Table detection on headers as people draw them (two rows, blank or decorative rows before the data, more
 * names for the result column), and the diagnosis shown when nothing could be evaluated: by the command on
 * stderr and by the task pane among the detection problems, in the same words.
 */
export const headerDetectStrings = {
  rowSkipped: (row: number, blank: boolean) =>
    blank
      ? `Linha ${row} em branco entre o cabeçalho e os dados: ignorada.`
      : `Linha ${row} entre o cabeçalho e os dados só tem traços ou unidades (como “(%)”): ignorada.`,
  /**
   * The sentences about one sheet's table (`found`: the problem carries the sheet and the header's cell)
   * or its closest header row (named with its sheet), with a mapping written for that sheet.
   */
  sheetDiagnosis: (d: {
    sheet: string;
    /** First and last header rows; undefined when no row names known columns. */
    header?: { first: number; last: number };
    /** Whether a table was found there (with no rows to evaluate), or only a row that came close. */
    found: boolean;
    columns: DiagnosedColumn[];
    unnamed: DiagnosedColumn[];
    missing: MissingField[];
    noRows?: NoRowsReason;
    /** A column mapping for this sheet, as JSON; `?` where a letter is not known. */
    mapping?: string;
  }) => {
    if (!d.header) return `Planilha ${quote(d.sheet)}: nenhuma das primeiras 40 linhas tem nomes de coluna conhecidos.`;
    const rows = d.header.first === d.header.last ? `na linha ${d.header.last}` : `nas linhas ${d.header.first} e ${d.header.last}`;
    const parts = [
      d.found
        ? `A tabela com cabeçalho ${rows} não tem linhas a avaliar${d.noRows ? `: ${noRowsText(d.noRows)}` : ""}.`
        : `Planilha ${quote(d.sheet)}: o cabeçalho mais provável está ${rows}, mas não forma uma tabela de indicadores.`,
    ];
    if (d.columns.length > 0) parts.push(`Colunas reconhecidas: ${columnList(d.columns)}.`);
    if (d.unnamed.length > 0) parts.push(`Colunas sem nome conhecido: ${columnList(d.unnamed)}.`);
    if (d.missing.length === 1) parts.push(`Falta ${MISSING_FIELD[d.missing[0]]}.`);
    else if (d.missing.length > 1) parts.push(`Faltam: ${d.missing.map((m) => MISSING_FIELD[m]).join("; ")}.`);
    if (d.mapping) {
      parts.push(
        "Para dizer quais colunas usar, informe um mapeamento de colunas " +
          `(na linha de comando, grave-o num arquivo .json e use --mapa arquivo.json${d.found ? "; no painel, em Tabelas → Ver colunas" : ""}), por exemplo: ${d.mapping}` +
          (d.mapping.includes('"?"') ? " (troque “?” pela letra da coluna certa, ou apague o campo)." : "."),
      );
    }
    return parts.join(" ");
  },
  /** Sheets where no row names known columns, in one sentence. */
  sheetsWithoutHeaders: (sheets: string[]) =>
    `${sheets.length === 1 ? "Na planilha" : "Nas planilhas"} ${sheets.map(quote).join(", ")}, nenhuma das primeiras 40 linhas tem nomes de coluna conhecidos.`,
  /** The command's first line on stderr when nothing was evaluated. */
  nothingEvaluated: (file: string) => `Nada foi avaliado em “${file}”: nenhuma tabela de indicadores com linhas a avaliar.`,
};

/**
 * SIAPS exports (workbook/detect/siaps): recognising them, what they do not let these rules score, the
 * export's own figures checked against ours (workbook/exportClasses), and the per-indicator classes of the
 * consolidation.
 */
export const siapsStrings = {
  recognised: (indicator: string, code: string, municipality: string | undefined, ibge: string | undefined, competence: string | undefined) =>
    `Exportação do SIAPS: indicador ${quote(indicator)} (${code})` +
    (municipality || ibge ? `, município ${[ibge, municipality].filter(Boolean).join(" ")}` : "") +
    (competence ? `, competência ${competence}` : "") +
    ".",
  presetReason: (tables: number, codes: string[]) =>
    tables === 1
      ? `a tabela encontrada é uma exportação do SIAPS do indicador ${codes[0]} do componente de qualidade do cofinanciamento da APS`
      : `as ${tables} tabelas encontradas são exportações do SIAPS do componente de qualidade do cofinanciamento da APS (${codes.join(", ")})`,
  classColumn: (col: string, header: string) => `Coluna ${col} ${quote(header)} → classificação da própria exportação, conferida com a do Contratualiza`,
  longRows: (n: number) =>
    `${n} ${n === 1 ? "linha tem" : "linhas têm"} mais células que o cabeçalho: ${n === 1 ? "lida" : "lidas"} pela direita, ` +
    "conferindo o INE, a classificação e o resultado com numerador ÷ denominador × 100.",
  // --- exports these rules do not score ---
  vinculoName: "Vínculo e Acompanhamento Territorial",
  otherComponent: (component: string) => `do componente ${component}: não avaliado por estas regras`,
  oralHealth: (indicator: string) => `da saúde bucal (equipes eSB)${indicator ? `, indicador ${quote(indicator)}` : ""}: não avaliado por estas regras`,
  notCofin: (indicator: string) => `do indicador ${quote(indicator)}, que não é um dos indicadores C1 a C7 do componente de qualidade: não avaliado por estas regras`,
  notScored: (sheet: string, reason: string) =>
    `Planilha ${quote(sheet)}: exportação do SIAPS ${reason}. ` +
    "O Contratualiza avalia, do SIAPS, só os indicadores C1 a C7 das equipes eSF e eAP (componente de qualidade do cofinanciamento).",
  noIndicator: (sheet: string) =>
    `Planilha ${quote(sheet)}: exportação do SIAPS sem o indicador nas linhas de título (“Indicador selecionado: …”). ` +
    "Informe o indicador da planilha no mapeamento (--mapa), por exemplo { \"planilha\": \"…\", \"indicador\": \"C7\" }.",
  noHeader: (sheet: string) =>
    `Planilha ${quote(sheet)}: exportação do SIAPS sem a linha de cabeçalho esperada nas primeiras 40 linhas (com as colunas INE e NOME DA EQUIPE).`,
  noResultColumn: (sheet: string, row: number) =>
    `Planilha ${quote(sheet)}, linha ${row}: o cabeçalho da exportação do SIAPS não tem a coluna do resultado nem as colunas Numerador e Denominador.`,
  noCompetence: (row: number) =>
    `Linha ${row} sem competência: nem a coluna Competência/Ano nem a linha “Competência selecionada:” dizem o mês. A linha foi deixada de fora.`,
  ratioMismatch: (cell: string, team: string, value: number, numerator: number, denominator: number) =>
    `Célula ${cell}, equipe ${team}: o resultado ${formatNumber(value)} não confere com numerador ÷ denominador × 100 = ` +
    `${formatNumber((numerator / denominator) * 100)} (${formatNumber(numerator)} ÷ ${formatNumber(denominator)}). Foi usado o resultado da exportação.`,
  mappingSiaps: "Exportações do SIAPS são lidas como estão (o indicador, o município e a competência vêm das linhas de título): não há colunas a corrigir.",
  recognisedNotScored: "Exportação do SIAPS reconhecida, mas não avaliada por estas regras (o motivo está abaixo).",
  // --- the export's own class against ours ---
  classMismatch: (team: string, month: string, code: string, exported: string, ours: string, points: string) =>
    `Equipe ${team}, ${month}, ${code}: a exportação classifica como ${quote(exported)}, mas pelas regras do cofinanciamento o resultado ${points} é ${quote(ours)}.`,
  teamWithCode: (team: string, code: string | undefined) => (code ? `${team} (INE ${code})` : team),
  // --- the consolidation: the class of each indicator of a team ---
  /** Every row of a consolidation is a team (co-financing): the words for them. */
  teamsCount: (n: number) => `${formatNumber(n, 0)} ${n === 1 ? "equipe" : "equipes"}`,
  teamsTitle: (n: number, files: number) =>
    `Consolidado da avaliação — ${formatNumber(n, 0)} ${n === 1 ? "equipe" : "equipes"}, ${files} ${files === 1 ? "arquivo" : "arquivos"}`,
  teamsPaneTitle: (n: number) => `Consolidado da avaliação — ${formatNumber(n, 0)} ${n === 1 ? "equipe" : "equipes"} desta pasta de trabalho`,
  teamHeader: "Município — equipe (INE)",
  classesHeader: "Classes",
  classInitials: { Ótimo: "Ó", Bom: "B", Suficiente: "S", Regular: "R" } as Record<string, string>,
  noClass: "–",
  classLegend: (codes: string[]) =>
    `Classes de ${codes.length > 1 ? `${codes[0]} a ${codes[codes.length - 1]}` : codes[0]}, nesta ordem: Ó Ótimo, B Bom, S Suficiente, R Regular, – sem dado.`,
  /** The source of exports evaluated together, when they are many: `14 arquivos (C1_JUN-26.csv … C7_MAI-26.csv)`. */
  gatheredFiles: (n: number, first: string, last: string) => `${n} arquivos (${first} … ${last})`,
  mappingIndicatorNotText: (sheet: string) =>
    `No mapeamento da planilha ${quote(sheet)}, o campo “indicador” deve ser um texto: o nome ou o código do indicador da planilha (por exemplo, “C7”). Foi ignorado.`,
};

/**
 * The Excel host and the Excel version it runs in (hosts/excel/requirements): what needs a newer Excel,
 * what was left out of a read on an older one, and a read Excel did not answer.
 */
export const excelHostStrings = {
  /** The versions that have every API the pane uses (ExcelApi 1.9 and the shared runtime). */
  excelTooOld:
    "O painel do Contratualiza precisa do Excel 2021 ou mais novo, do Microsoft 365 ou do Excel na Web: esta versão do Excel não tem os recursos que ele usa para ler e gravar a pasta de trabalho. Atualize o Excel (Arquivo > Conta > Opções de Atualização) ou abra a pasta no Excel na Web.",
  mergedAreasSkipped:
    "Esta versão do Excel não informa as células mescladas (isso precisa do Excel 2021, do Microsoft 365 a partir da versão 2102, do Excel para Mac 16.50 ou do Excel na Web). A pasta foi lida sem elas: um nome de indicador ou uma meta mesclados sobre várias linhas valem só para a primeira linha. Atualize o Excel, ou desfaça a mesclagem e repita o valor em cada linha.",
  valuesNotReturned: (sheet: string, address: string, cells: number) =>
    `O Excel não devolveu os valores da planilha ${quote(sheet)} (${address}, ${formatNumber(cells, 0)} células), nem lendo em partes. Apague o que não for dado depois das tabelas (fórmulas que mostram vazio também contam) ou divida os dados em planilhas menores; depois clique em ${taskpaneStrings.readAgain}.`,
};

/**
 * The documents of the decree's art. 11 beyond the quarterly ones (workbook/plan/reports/finalCommunique,
 * workbook/plan/reports/additiveTerm): the *Comunicado Final Sintético* at the end of the contract (IV), with the
 * *grau de cumprimento do Contrato de Gestão*, and the proposal of an additive term (V); their options in
 * the command and their controls on the pane's Resumo screen.
 */
export const documentStrings = {
  /** Both documents are addressed to the head of the executive. */
  addressee: "Ao(À) Excelentíssimo(a) Senhor(a) Prefeito(a) Municipal — Chefe do Poder Executivo,",
  /** `term`: the final communiqué covers the contract's term (vigência); the additive term, the periods so far. */
  periodsLine: (first: string, last: string, n: number, unitPlural: string, term: boolean) =>
    n === 1 ? `Período avaliado: ${first}` : `${term ? "Vigência avaliada" : "Períodos avaliados"}: ${first} a ${last} (${n} ${unitPlural})`,

  // --- Comunicado Final Sintético ---
  finalSheet: "Comunicado final",
  finalTitle: "Comunicado Final Sintético",
  finalIntro: (n: number, unitPlural: string) =>
    `A Comissão de Avaliação do Contrato de Gestão, no uso das atribuições que lhe são conferidas, com base nos relatórios de acompanhamento ` +
    `dos ${n} ${unitPlural} avaliados e nas demais informações fornecidas pela Diretoria Municipal de Saúde, apresenta, ao término da vigência ` +
    `do Contrato de Gestão, o Comunicado Final Sintético sobre a sua execução, com a avaliação conclusiva do alcance dos resultados dos ` +
    `indicadores e do consequente grau de cumprimento do Contrato de Gestão.`,
  gradeHeading: "1. Grau de cumprimento do Contrato de Gestão",
  grade: (figure: string, value: string, counted: number, unit: string, unitPlural: string) =>
    `O grau de cumprimento do Contrato de Gestão, apurado pela média aritmética do ${figure} ${counted === 1 ? `do único ${unit}` : `dos ${counted} ${unitPlural}`} com resultado apurado ` +
    `(cada ${unit} com o mesmo peso, computadas as justificativas acatadas pela Comissão), foi de ${value}.`,
  gradeFigure: "atingimento global",
  gradeNotComputed: "Não foi possível apurar o grau de cumprimento, porque nenhum período tem resultado global apurado.",
  gradeMissing: (counted: number, periods: number, labels: string) =>
    `A média considera ${counted} de ${periods} períodos: ${labels} não ${periods - counted === 1 ? "tem" : "têm"} resultado global apurado.`,
  gradeProvisional: (n: number, periods: number, labels: string) =>
    `Atenção: ${n} de ${periods} períodos tiveram avaliação incompleta (${labels}). ` +
    `A faixa indicada é provisória e pode mudar quando os dados forem completados.`,
  provisionalReason: (n: number, periods: number) => `${n} de ${periods} períodos incompletos`,
  gradeBand: (label: string) => `O grau de cumprimento enquadra-se na ${label}, à qual corresponde a seguinte recomendação:`,
  periodsHeading: "2. Resultado de cada período e períodos em cada faixa",
  periodHeaders: ["Período", "Metas atingidas (conceito A)", "Resultado global", "Faixa"],
  periodsByBandIntro: "Períodos em cada faixa de recomendação:",
  periodsInBand: (label: string, n: number, unit: string, unitPlural: string, labels: string) =>
    `${label}: ${n} ${n === 1 ? unit : unitPlural} (${labels})`,
  periodsNoBand: (n: number, labels: string) => `Sem faixa apurada: ${n} (${labels})`,
  provisionalMark: "provisória",
  indicatorsHeading: "3. Avaliação conclusiva de cada indicador de desempenho",
  indicatorsIntro: (n: number, unitPlural: string) =>
    `Ao longo dos ${n} ${unitPlural} da vigência, os indicadores de desempenho alcançaram os seguintes resultados:`,
  indicatorHeaders: ["Código", "Indicador", "Meta", "Metas atingidas", "Atingimento médio", "Avaliação conclusiva"],
  metCount: (met: number, withData: number, periods: number) => `${met} de ${withData}${withData < periods ? ` (${periods - withData} sem dado)` : ""}`,
  verdicts: {
    always: "Meta atingida em todos os períodos",
    mostly: "Meta atingida na maior parte dos períodos",
    sometimes: "Meta atingida em parte dos períodos",
    never: "Meta nunca atingida",
    noData: "Sem resultado avaliável",
  } as Record<"always" | "mostly" | "sometimes" | "never" | "noData", string>,
  acceptedIntro: "Justificativas acatadas pela Comissão ao longo da vigência (computadas no resultado global):",
  neverMetHeading: "4. Indicadores que nunca atingiram a meta",
  neverMetIntro: (unitPlural: string) => `Os indicadores de desempenho abaixo não atingiram a meta pactuada em nenhum dos ${unitPlural} com resultado avaliável:`,
  neverMetItem: (name: string, n: number, min: string, max: string) => `${name}: conceito B em ${n === 1 ? "1 período" : `${n} períodos`} (atingimento de ${min} a ${max}).`,
  noneNeverMet: "Todos os indicadores de desempenho com resultado avaliável atingiram a meta pactuada em ao menos um período.",
  conclusionHeading: "5. Conclusão da Comissão",
  conclusion: (grade: string, band: string | undefined) =>
    `Diante do exposto, a Comissão de Avaliação conclui que o Contrato de Gestão foi cumprido em grau de ${grade}` + `${band ? `, enquadrado na ${band}` : ""}.`,
  /** A line to fill, short enough to stay on one line of an A4 page (a justified paragraph would stretch a longer one). */
  considerations: "Considerações da Comissão: ______________________________________",
  finalClosing:
    "Encaminhe-se ao(à) Prefeito(a) Municipal, Chefe do Poder Executivo, para conhecimento e providências, e à Diretoria Municipal de Saúde, para a sua ampla divulgação.",

  // --- Proposta de Termo Aditivo ---
  additiveSheet: "Proposta de Termo Aditivo",
  additiveTitle: "Proposta de Termo Aditivo ao Contrato de Gestão",
  additiveIntro: (n: number, unitPlural: string, labels: string) =>
    `A Comissão de Avaliação do Contrato de Gestão, com consulta prévia à Diretoria Municipal de Saúde, tendo constatado condições que podem ` +
    `impactar a execução do Contrato de Gestão, apresenta proposta de celebração de Termo Aditivo para a revisão ou a renegociação dos ` +
    `indicadores de desempenho abaixo, com base nos resultados dos ${n} ${unitPlural} avaliados (${labels}).`,
  candidatesHeading: "1. Indicadores a revisar ou renegociar",
  candidatesIntro: (n: number) =>
    n === 1 ? "O indicador abaixo, pelos resultados apurados, justifica a revisão da meta ou do indicador:" : `Os ${n} indicadores abaixo, pelos resultados apurados, justificam a revisão da meta ou do indicador:`,
  candidateHeaders: ["Código", "Indicador", "Meta vigente", "Motivo e evidência"],
  reasons: {
    wideMargin: (n: number, unitPlural: string, min: string, max: string) =>
      `Meta superada com ampla margem (20% ou mais) em todos os ${n} ${unitPlural}: atingimento de ${min} a ${max}. A meta pode estar subdimensionada.`,
    neverMet: (n: number, unitPlural: string, min: string, max: string) =>
      `Meta não atingida em nenhum dos ${n} ${unitPlural}: atingimento de ${min} a ${max}. Verificar a adequação da meta, o registro e as condições de execução.`,
    mostlyNoData: (missing: number, n: number, unitPlural: string, labels: string) =>
      `Sem resultado avaliável em ${missing} dos ${n} ${unitPlural} (${labels}). O indicador não está sendo medido como pactuado: rever a fonte, o registro ou o próprio indicador.`,
  },
  noCandidates: (n: number, unitPlural: string) =>
    `Nos ${n} ${unitPlural} avaliados, nenhum indicador de desempenho teve a meta superada com ampla margem em todos eles, deixou de atingi-la em todos ` +
    `eles ou ficou sem resultado na maior parte deles: os resultados não indicam, por ora, indicador a revisar ou renegociar.`,
  tooEarly: (unit: string) =>
    `Com um único ${unit} avaliado, ainda não há série suficiente para fundamentar a revisão ou a renegociação de indicadores.`,
  evidenceHeading: "2. Resultados que fundamentam a proposta",
  evidenceItem: (name: string, list: string) => `${name} — ${list}.`,
  evidencePeriod: (label: string, result: string, attainment: string, concept: string) => `${label}: ${result}${attainment ? ` (${attainment}, ${concept})` : ""}`,
  evidenceNoData: (label: string) => `${label}: sem dado`,
  wordingHeading: "3. Nova redação proposta",
  wordingIntro: "A Comissão propõe a seguinte redação para os indicadores e metas a revisar (a preencher pela Comissão):",
  wordingHeaders: ["Código", "Indicador", "Meta vigente", "Nova meta ou redação proposta"],
  blankLine: "____________________________________________",
  /** Numbered after the sections before it: 2 when there is nothing to propose, else 4. */
  consultationHeading: (n: number) => `${n}. Consulta prévia à Diretoria Municipal de Saúde`,
  /** Two lines to fill, each short enough to stay on one line of an A4 page. */
  consultation: ["Consulta realizada em ___/___/______.", "Manifestação da Diretoria Municipal de Saúde: _________________________"],
  additiveClosing:
    "Encaminhe-se ao(à) Prefeito(a) Municipal, Chefe do Poder Executivo, para a negociação e a formalização, com a contratada, dos novos indicadores e metas.",

  // --- the command `contratualiza comunicado` ---
  writtenFinal: (file: string) => `Comunicado final gravado em ${file}. O arquivo original não foi alterado.`,
  writtenAdditive: (file: string) => `Proposta de Termo Aditivo gravada em ${file}. O arquivo original não foi alterado.`,
  gradeLine: (value: string, band: string) => `Grau de cumprimento: ${value}${band ? ` — ${band}` : ""}.`,
  candidatesLine: (n: number) => (n === 1 ? "1 indicador a revisar ou renegociar." : `${n} indicadores a revisar ou renegociar.`),
  bothDocuments: "Escolha --final ou --termo-aditivo, não os dois: cada um é um documento.",
  documentWithPeriod: "--final e --termo-aditivo consideram todos os períodos encontrados: não use --periodo com eles.",

  // --- the pane's Resumo screen ---
  additiveRun: "Inserir proposta de Termo Aditivo",
  additiveHint: "Minuta da proposta de Termo Aditivo: os indicadores a revisar ou renegociar nos períodos escolhidos, com a evidência, e a nova meta em branco para a Comissão preencher.",
};

/** Print layout: the per-municipality sheet of a pooled evaluation (a SISAB panel export of several municipalities). */
export const printStrings = {
  /** `Municípios 2022-Q1`: the sheet of one period's municipalities. */
  municipalitySheet: (period: string) => `Municípios ${period}`.trim(),
  municipalityTitle: (figure: string, period: string) => `${figure} por município — ${period}`,
  municipalityNote: (n: number) =>
    `Cada um dos ${formatNumber(n, 0)} municípios avaliado só com as suas linhas, do maior valor ao menor (sem valor por último). O valor do conjunto está na planilha de resumo.`,
  municipalityHeaders: { name: "Município", code: "IBGE", band: "Faixa", coverage: "Indicadores com resultado" },
  coverage: (present: number, total: number) => `${present} de ${total}`,
  allRows: "todas as linhas",
  noValue: "—",
};

/** The file host's package patcher (hosts/file/xlsx/write, hosts/file/xlsx/patch). */
export const patchStrings = {
  outputNotXlsm: (file: string) =>
    `O arquivo avaliado “${file}” precisa ter a extensão .xlsm: o original tem macros, e o Excel só abre uma pasta de trabalho com macros pelo nome .xlsm. Escolha um nome terminado em .xlsm.`,
};

/**
 * The task pane's frame and first run: loading Office, the first screen (what was found, in plain words,
 * and the path through the screens), the overflow menu of the tabs, reading the workbook again, and the
 * step that follows each screen.
 */
export const paneStrings = {
  // --- loading Office (taskpane/index.tsx, taskpane/boot.ts) ---
  loadingOffice: "Carregando o Contratualiza…",
  /** Office.js did not load, or Office did not answer, while the page is inside Office. */
  officeFailedTitle: "O Excel não terminou de carregar o suplemento",
  officeFailed:
    "A biblioteca do Office não carregou (ela vem da internet, do endereço appsforoffice.microsoft.com). Confira a conexão com a internet " +
    "e se a rede da secretaria não bloqueia esse endereço; depois feche este painel e abra-o de novo pelo botão Avaliar contrato, na guia Página Inicial.",
  officeSlow:
    "O Office ainda não respondeu. Se esta mensagem continuar, feche este painel e abra-o de novo pelo botão Avaliar contrato, na guia Página Inicial; " +
    "se não adiantar, salve a pasta de trabalho, feche e abra o Excel.",
  /** The page was opened in a plain browser, not in Excel. */
  outsideOfficeTitle: "Este painel funciona dentro do Excel",
  outsideOffice:
    "Você abriu o painel num navegador comum. Para avaliar uma pasta de trabalho, abra-a no Excel (Windows, Mac ou na Web) e clique em Avaliar contrato, na guia Página Inicial.",
  loadingScreen: "Abrindo a tela…",

  // --- tabs ---
  tabs: { inicio: "Início", comunicado: "Comunicado" },
  moreTabs: "Mais",
  moreTabsLabel: (n: number) => `Mais telas (${n})`,

  // --- reading the workbook again ---
  readAgainDone: "A pasta de trabalho foi lida de novo.",

  // --- Início: what was found, in plain words ---
  homeHeading: "Nesta pasta de trabalho",
  homeReading: "Procurando as tabelas de indicadores…",
  homeFound: (tables: number, sheets: string[]) =>
    `${tables === 1 ? "Encontramos 1 tabela de indicadores" : `Encontramos ${formatNumber(tables, 0)} tabelas de indicadores`}` +
    `${sheets.length === 1 ? `, na planilha ${quote(sheets[0])}` : `, nas planilhas ${sheets.map(quote).join(", ")}`}.`,
  homeIndicators: (indicators: number) => (indicators === 1 ? "1 indicador" : `${formatNumber(indicators, 0)} indicadores`),
  homePeriods: (periods: string[]) =>
    periods.length === 0
      ? "Sem período informado: todas as linhas são avaliadas juntas."
      : periods.length === 1
        ? `Período: ${periods[0]}.`
        : `Períodos: ${periods.slice(0, -1).join(", ")} e ${periods[periods.length - 1]}.`,
  homeRules: (rules: string) => `Regras: ${rules}.`,
  homeAttention: (n: number) => (n === 1 ? "1 ponto precisa de atenção nos dados." : `${formatNumber(n, 0)} pontos precisam de atenção nos dados.`),
  homeDetails: "Ver detalhes",
  homeNone:
    "Não encontramos uma tabela de indicadores. Uma tabela precisa de uma coluna com o nome do indicador e outra com a meta ou o resultado.",
  homeInsertTemplate: "Inserir uma tabela pronta",
  stepsHeading: "O caminho da avaliação",
  steps: [
    { title: "Avaliar", text: "Compara cada resultado com a meta e colore as células." },
    { title: "Inserir o resumo", text: "Uma planilha com o atingimento global e a faixa de recomendação." },
    { title: "Registrar as decisões da comissão", text: "Para cada meta não atingida, a justificativa e a decisão." },
    { title: "Gerar o comunicado", text: "O texto para a comissão revisar e assinar." },
  ],
  homeStart: "Começar: avaliar",

  // --- the next step, after a screen's action succeeded ---
  nextSummary: "Próximo passo: inserir o resumo",
  nextJustifications: "Próximo passo: registrar as decisões da comissão",
  nextCommunique: "Próximo passo: gerar o comunicado",

  // --- Comunicado (the reports, split from Resumo) ---
  communiqueHeading: "Comunicado e avaliação anual",
};
