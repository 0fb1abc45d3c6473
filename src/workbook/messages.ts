/** Texts of the host-independent workbook layer (detection, pipeline, plans, reports, consolidation) and texts both hosts show alike, in pt-BR. */
import {
  type DiagnosedColumn,
  MISSING_FIELD,
  type MissingField,
  type NoRowsReason,
  columnList,
  formatNumber,
  noRowsText,
  quote,
} from "../core/messages";

export const detectionMessages = {
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
  detectColumnPeriod: (col: string, header: string, period: string) =>
    `Coluna ${col} ${quote(header)} → resultado de ${period}`,
  detectColumnUnused: (col: string, header: string) =>
    `Coluna ${col} ${quote(header)} não usada: a tabela tem uma coluna de resultado para cada período.`,
  detectPanelTitle: (row: number, title: string) =>
    `Indicador lido do título do painel (linha ${row}): ${quote(title)}`,
  detectPanelNoTitle: (sheet: string) =>
    `O painel não tem a linha “Indicador: …” acima do cabeçalho; o nome da planilha ${quote(sheet)} foi usado como nome do indicador.`,
  detectSheetPeriod: (sheet: string, period: string) => `Planilha ${quote(sheet)} → período ${period}`,
  detectMappingUsed: (sheet: string) => `Colunas definidas pelo mapeamento informado para a planilha ${quote(sheet)}.`,
  detectMappingHeaderGuessed: (row: number) =>
    `Linha do cabeçalho não informada no mapeamento: foi usada a linha ${row}.`,
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
    '{ "tabelas": [{ "planilha": "Indicadores", "colunas": { "indicador": "B", "meta": "D", "resultado": "E" } }] }.',
  mappingMissingSheet: (index: number) =>
    `O item ${index} do mapeamento de colunas não diz a planilha (campo “planilha”).`,
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
};

/** The command line's texts (`contratualiza avaliar …`). */
export const tableLayoutStrings = {
  layouts: {
    long: "formato longo",
    wide: "formato largo (um período por coluna)",
    sheetPerPeriod: "uma planilha por período",
    panel: "exportação do painel nacional",
    siaps: "exportação do SIAPS (um indicador, uma linha por equipe)",
  } as Record<string, string>,
};

/** What the add-in writes into workbooks: its own columns, concepts, and the summary sheet (workbook/plan). */
export const planStrings = {
  attainmentTitle: "Atingimento",
  conceptTitle: "Conceito",
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
  indicatorHeaders: [
    "Código",
    "Indicador",
    "Área",
    "Natureza",
    "Meta",
    "Resultado",
    "Atingimento",
    "Conceito",
    "Justificativa",
  ],
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
  badRule: (v: string) =>
    `A regra guardada ${quote(v)} não é conhecida (use resultado-do-periodo ou todos-os-meses); foi usado o resultado do período.`,
  sheetNote:
    "Configurações do Contratualiza (regras, faixas e mapeamento das tabelas). Não edite: use o painel do suplemento.",
  notJson:
    "As configurações gravadas na pasta de trabalho não puderam ser lidas (o texto não é um JSON válido). O Contratualiza usou as regras padrão; salve as regras de novo pelo painel.",
  badPreset: (v: string) =>
    `Predefinição ${quote(v)} desconhecida nas configurações gravadas; use instrumento, decreto, previne ou cofinanciamento.`,
  badMethod: (v: string) => `Método ${quote(v)} desconhecido nas configurações gravadas; use proporcao ou media.`,
  badShare: (key: string, v: string) =>
    `O valor de ${quote(key)} nas configurações gravadas (${quote(v)}) deveria ser um número de 0 a 1.`,
  badBands: "As faixas gravadas nas configurações deveriam ser uma lista; foram usadas as faixas da predefinição.",
  badMapping:
    "O mapeamento gravado nas configurações deveria ser uma lista de tabelas; foi usada a detecção automática.",
  bandsIgnored: (reason: string) =>
    `A tabela de faixas gravada não foi usada (foram usadas as faixas da predefinição): ${reason}`,
};

/** Previne Brasil and national panels: the preset chosen, targets from the catalogue, the report per municipality. */
export const previneCatalogStrings = {
  presetReasonPanels: (tables: number, codes: string[]) =>
    tables === 1
      ? `a tabela encontrada é uma exportação do painel do SISAB do indicador ${codes[0]} do Previne Brasil`
      : `as ${tables} tabelas encontradas são exportações do painel do SISAB de indicadores do Previne Brasil (${codes.join(", ")})`,
  catalogNoMatch: (indicator: string, catalog: string) =>
    `O indicador ${quote(indicator)} não tem meta na tabela e não foi reconhecido no catálogo ${catalog}. Informe a meta (e o peso) em colunas “Meta” e “Peso”, ou use o nome do indicador como o Ministério da Saúde o escreve.`,
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
  indicatorHeader: (code: string, weight: number | undefined) =>
    weight === undefined ? code : `${code}\npeso ${formatNumber(weight)}`,
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
  checkNote:
    "Faixas, fatores e pesos da Portaria GM/MS nº 3.493/2024 e da Nota Técnica nº 8/2026-DEAPS; se o Ministério da Saúde publicar nota mais recente, confira-as antes de usar o resultado oficialmente.",
};

/** Table detection (workbook/detect): reasons added for per-period targets. */
export const detectStrings = {
  columnPeriodTarget: (col: string, header: string, period: string) =>
    `Coluna ${col} ${quote(header)} → meta de ${period}`,
};

/** The task pane's texts (screens Tabelas, Avaliar, Resumo, Justificativas, Regras, Modelos) and what its pure helpers write. */
export const paneSharedStrings = {
  readAgain: "Ler a pasta de novo",
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
  /** What buildTemplate (workbook/plan/templates) writes. */
  template: {
    sheets: {
      pmaq: "Indicadores PMAQ",
      instrumento: "Instrumento de avaliação",
      previne: "Previne Brasil",
      cofinanciamento: "Cofinanciamento APS",
    },
    tables: {
      pmaq: "Tabela_PMAQ",
      instrumento: "Tabela_Instrumento",
      previne: "Tabela_Previne",
      cofinanciamento: "Tabela_Cofinanciamento",
    },
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

/** The regional consolidation (`contratualiza consolidar`, workbook/consolidation/consolidate): the command, its report and its sheets. */
export const consolidationStrings = {
  /** A team's row in the consolidation (co-financing): `Lavras — ESF Centro (INE 0001234567)`. */
  teamName: (team: string, municipality: string | undefined, code: string | undefined) =>
    `${municipality ? `${municipality} — ` : ""}${team}${code ? ` (INE ${code})` : ""}`,
  noTable: "Nenhuma tabela de indicadores encontrada no arquivo.",
  noRows: "A tabela de indicadores encontrada não tem nenhuma linha a avaliar.",
  // --- the sheets ---
  sheetName: "Consolidado",
  failuresSheetName: "Falhas",
  title: (units: number, files: number) =>
    `Consolidado da avaliação — ${units} ${units === 1 ? "município ou contrato" : "municípios ou contratos"}, ${files} ${files === 1 ? "arquivo" : "arquivos"}`,
  subtitle: (periods: string[], failures: number) =>
    (periods.length === 0
      ? "Sem período informado"
      : `${periods.length === 1 ? "Período" : "Períodos"}: ${periods.join(", ")}`) +
    (failures > 0
      ? ` · ${failures} ${failures === 1 ? "arquivo não pôde ser avaliado" : "arquivos não puderam ser avaliados"}: veja a planilha Falhas`
      : ""),
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
  failuresTitle: (n: number) =>
    n === 0 ? "Arquivos que não puderam ser avaliados" : `Arquivos que não puderam ser avaliados (${n})`,
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
    kind === "range"
      ? `no período de ${text}`
      : kind === "month"
        ? `no mês de ${text}`
        : kind === "year"
          ? `no exercício de ${text}`
          : `no ${text}`,
  allRows: "todas as linhas (sem período informado)",
  methodShare: "proporção de metas atingidas",
  methodMean: "média do atingimento",
  draftNote:
    "Minuta gerada pelo Contratualiza a partir da avaliação da planilha. Revise e complete o texto antes de assinar.",

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
    (withData < scored
      ? `; ${scored - withData} de ${scored} indicadores de desempenho ficaram sem resultado avaliável`
      : "") +
    ".",
  overallShare: (value: string) =>
    `O atingimento global do Contrato de Gestão, apurado pela proporção de metas atingidas (computadas as justificativas acatadas), foi de ${value}.`,
  overallMean: (value: string) =>
    `O atingimento global do Contrato de Gestão, apurado pela média ponderada do atingimento dos indicadores de desempenho (computadas as justificativas acatadas), foi de ${value}.`,
  overallNotComputed:
    "Não foi possível apurar o atingimento global, porque nenhum indicador de desempenho tem resultado avaliável no período.",
  incomplete: (without: number, scored: number) =>
    `A avaliação está incompleta: ${without} de ${scored} indicadores de desempenho estão sem dado, o que excede o limite admitido; ` +
    `o resultado deve ser lido com reserva.`,
  band: (label: string) => `O resultado enquadra-se na ${label}, à qual corresponde a seguinte recomendação:`,
  bandOnly: (label: string) => `O resultado enquadra-se na faixa ${label}.`,
  recommendation: (text: string) => `“${text.replace(/\.$/, "")}.”`,
  noBands: (preset: string) =>
    `As regras adotadas (${preset}) não preveem faixas de recomendação além dos conceitos A (Suficiente) e B (Insuficiente).`,
  monitoringBelow: (list: string) =>
    `Indicadores de monitoramento abaixo da meta, que não entram na avaliação: ${list}.`,
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
  decisionsShort: {
    total: "acatada totalmente",
    partial: "acatada parcialmente",
    rejected: "não acatada",
    pending: "sem deliberação",
  },

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
  actionBand:
    "Dar ciência à contratada do resultado apurado e da recomendação correspondente, para as providências cabíveis.",
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
  overallTrend: (direction: string, slope: string, unit: string) =>
    `Tendência do atingimento global: ${direction} (${slope} p.p. por ${unit}).`,
  overallTrendNote: (label: string, direction: string, slope: string, unit: string) =>
    `Tendência (${label}): ${direction} (${slope} por ${unit}).`,
  noTrend: "Tendência do atingimento global: sem série (é preciso ao menos dois períodos com resultado).",
  chartTitle: "Atingimento global por período",
  chartTitleNote: (label: string) => `${label} por período`,
  chartSeries: "Atingimento global",
  indicatorsHeading: "Programado × alcançado por indicador de desempenho",
  indicatorHeaders: {
    code: "Código",
    indicator: "Indicador",
    target: "Meta (programado)",
    trend: "Tendência",
    slope: (unit: string) => `Variação (p.p. por ${unit})`,
    justifications: "Justificativas e deliberações",
  },
  periodHeaders: ["Resultado (alcançado)", "Atingimento", "Conceito"],
  trendWords: { improving: "melhorando", stable: "estável", worsening: "piorando" } as Record<string, string>,
  noSeries: "sem série",
  targetFrom: (text: string, first: string, last: string) =>
    `${text} (${first === last ? first : `${first} a ${last}`})`,
  justificationItem: (label: string, text: string, decision: string | undefined) =>
    `${label}: ${text}${decision ? ` (${decision})` : ""}`,
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
};

/**
 * Screen Consolidar of the task pane (the regional view of the open workbook: one table per municipality on
 * its own sheet, or a panel / long table with a `Município` column) and the words of the `Consolidado`
 * sheet it writes there (workbook/consolidation/workbookPart), where the command's sheet speaks of files.
 */
export const consolidationSheetStrings = {
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
export const docxStrings = {
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
  isfPartial: (present: number, total: number) =>
    `ISF parcial (${present} de ${total} ${total === 1 ? "indicador" : "indicadores"})`,
  finalNote: "nota final",
  attainment: "atingimento global",
  /** The per-municipality column when some municipality has fewer than the seven indicators. */
  isfOrPartial: "ISF ou ISF parcial",
  isfPartialOnly: "ISF parcial",
  isfOrFinalNote: "ISF / nota final",
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
  /** Under the per-team table: `ESF Vila Nova (INE 0007654321) — incompleta: falta C6 Cuidado da pessoa idosa`. */
  incompleteTeamLine: (team: string, code: string | undefined, missing: string[]) =>
    `${team}${code ? ` (INE ${code})` : ""} — incompleta: ${missing.length === 1 ? "falta" : "faltam"} ${missing.join("; ")}`,
  incompleteColumn: "Indicadores sem resultado",
  /** A partial ISF's row in a consolidation: `ISF parcial (1 de 7): faltam 1, 2, 3, 4, 5, 7`. */
  partialShort: (present: number, total: number, codes: string[]) =>
    `ISF parcial (${present} de ${total}): ${codes.length === 1 ? "falta" : "faltam"} ${codes.join(", ")}`,
  /** A co-financing team's row in a consolidation: `incompleta: falta C7`. */
  missingCodes: (codes: string[]) => `incompleta: ${codes.length === 1 ? "falta" : "faltam"} ${codes.join(", ")}`,

  // --- the same indicator × municipality × period twice (workbook/pipeline, consolidation) ---
  duplicateSame: (indicator: string, where: string, first: string, second: string, value: string) =>
    `O indicador ${quote(indicator)}${where} aparece duas vezes, ${first} e ${second}, com o mesmo resultado (${value}): foi contado uma vez. Remova a cópia repetida.`,
  duplicateDiffers: (indicator: string, where: string, first: string, second: string, a: string, b: string) =>
    `O indicador ${quote(indicator)}${where} aparece duas vezes, ${first} (${a}) e ${second} (${b}), com resultados diferentes: nenhum dos dois foi usado (não se tira média). Mantenha só a exportação correta.`,
  /** `, município Lavras, 2022-Q1`: what the two rows share besides the indicator. */
  duplicateWhere: (parts: string[]) => (parts.length > 0 ? ` (${parts.join(", ")})` : ""),
  municipalityPart: (name: string) => `município ${name}`,
  teamPart: (name: string) => `equipe ${name}`,
  /** A place: `no arquivo painel-1.csv (célula D13)`, `na planilha Jan, célula D4`. */
  fileWhere: (file: string, cell: string | undefined) => `no arquivo ${file}${cell ? ` (célula ${cell})` : ""}`,
  sheetWhere: (sheet: string, cell: string | undefined) => `na planilha ${sheet}${cell ? `, célula ${cell}` : ""}`,
  blankValue: "vazio",

  // --- justifications under national rules ---
  justificationsNotScored: (programme: string) =>
    `Nas regras do ${programme} não há comissão de avaliação: a coluna “Justificativa aceita” aparece, mas não muda nenhuma nota, classe ou o resultado final.`,
};

/** What every presenter shows of an evaluation (workbook/view): provisional bands, reasons for a B, pending results. */
export const viewStrings = {
  incompleteResults: (missing: number, expected: number) =>
    `avaliação incompleta: ${formatNumber(missing, 0)} de ${formatNumber(expected, 0)} resultados esperados faltando`,
  incompleteIndicators: (without: number, scored: number) =>
    `avaliação incompleta: ${without} de ${scored} indicadores de desempenho sem dado`,
  provisionalBand: (label: string, why: string) => `${label} — provisória (${why})`,
  failingMonth: (where: string, value: string, target: string) =>
    `${where}: ${value}${target ? ` (meta ${target})` : ""}`,
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
  blankResult: (where: string, cell?: string) =>
    `${where}: ${cell ? `célula ${cell} em branco` : "resultado em branco"}`,
  invalidResult: (where: string, cell?: string) =>
    `${where}: resultado inválido${cell ? ` na célula ${cell}` : ""} (veja os problemas)`,
  needsBaseline: "a meta precisa de uma linha de base",
  noDataInPeriod: "sem dado no período",
  ruleEveryMonth: "todos os meses (e unidades) devem atingir a meta",
  rulePeriodResult: "o resultado do período decide o conceito",
  unitWithMunicipality: (municipality: string, unit: string) => `${municipality} — ${unit}`,
  provisionalShort: (label: string) => `${label} (provisória)`,
  incompleteSentence: (why: string) =>
    `Atenção: ${why.charAt(0).toLocaleUpperCase("pt-BR")}${why.slice(1)}. A faixa indicada é provisória e pode mudar quando os dados forem completados.`,
  ruleSentence: (rule: string) => `Regra do conceito: ${rule}.`,
  /** The warning beside a provisional band, in the summary sheet and on screen. */
  incompleteWarning: (why: string) => `Atenção: ${why}. A faixa é provisória.`,
  pendingIntro: (n: number) =>
    `${n === 1 ? "Resultado ainda não informado" : `Resultados ainda não informados (${n})`}:`,
  morePendingSentence: (n: number) => `e mais ${n} (a planilha de resumo lista todos).`,
  reasonsIntro: "O que decide cada conceito B:",
  byUnitHeading: "Por unidade — cada uma avaliada só com as suas linhas",
  unitHeaders: ["Unidade", "Indicadores com dado", "Metas atingidas", "Atingimento", "Faixa", "Metas não atingidas"],
  unitLine: (name: string, figure: string, band: string, missed: string) =>
    `${name}: ${figure}${band ? ` — ${band}` : ""}${missed ? `; não atingidas: ${missed}` : ""}`,
  noFigure: "não calculado",
};

/** The periods the pipeline evaluates: a period asked for without data, rows far from the rest. */
export const periodStrings = {
  span: (first: string, last: string) =>
    first === last ? `os dados são de ${first}` : `os dados vão de ${first} a ${last}`,
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
export const templateColumnStrings = {
  /** The indicator of a source row split in two: which target, then the source's description. */
  splitIndicator: (part: string, description: string) => `${part} — ${description}`,
  /** Starter table of the evaluation instrument: the source's Conteúdo, and its Meta as written. */
  contentHeader: "Conteúdo",
  sourceTargetHeader: "Meta (texto do instrumento)",
};

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
    const rows =
      d.header.first === d.header.last
        ? `na linha ${d.header.last}`
        : `nas linhas ${d.header.first} e ${d.header.last}`;
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
};

/**
 * SIAPS exports (workbook/detect/siaps): recognising them, what they do not let these rules score, the
 * export's own figures checked against ours (workbook/exportClasses), and the per-indicator classes of the
 * consolidation.
 */
export const siapsStrings = {
  recognised: (
    indicator: string,
    code: string,
    municipality: string | undefined,
    ibge: string | undefined,
    competence: string | undefined,
  ) =>
    `Exportação do SIAPS: indicador ${quote(indicator)} (${code})` +
    (municipality || ibge ? `, município ${[ibge, municipality].filter(Boolean).join(" ")}` : "") +
    (competence ? `, competência ${competence}` : "") +
    ".",
  presetReason: (tables: number, codes: string[]) =>
    tables === 1
      ? `a tabela encontrada é uma exportação do SIAPS do indicador ${codes[0]} do componente de qualidade do cofinanciamento da APS`
      : `as ${tables} tabelas encontradas são exportações do SIAPS do componente de qualidade do cofinanciamento da APS (${codes.join(", ")})`,
  classColumn: (col: string, header: string) =>
    `Coluna ${col} ${quote(header)} → classificação da própria exportação, conferida com a do Contratualiza`,
  longRows: (n: number) =>
    `${n} ${n === 1 ? "linha tem" : "linhas têm"} mais células que o cabeçalho: ${n === 1 ? "lida" : "lidas"} pela direita, ` +
    "conferindo o INE, a classificação e o resultado com numerador ÷ denominador × 100.",
  // --- exports these rules do not score ---
  vinculoName: "Vínculo e Acompanhamento Territorial",
  otherComponent: (component: string) => `do componente ${component}: não avaliado por estas regras`,
  oralHealth: (indicator: string) =>
    `da saúde bucal (equipes eSB)${indicator ? `, indicador ${quote(indicator)}` : ""}: não avaliado por estas regras`,
  notCofin: (indicator: string) =>
    `do indicador ${quote(indicator)}, que não é um dos indicadores C1 a C7 do componente de qualidade: não avaliado por estas regras`,
  notScored: (sheet: string, reason: string) =>
    `Planilha ${quote(sheet)}: exportação do SIAPS ${reason}. ` +
    "O Contratualiza avalia, do SIAPS, só os indicadores C1 a C7 das equipes eSF e eAP (componente de qualidade do cofinanciamento).",
  noIndicator: (sheet: string) =>
    `Planilha ${quote(sheet)}: exportação do SIAPS sem o indicador nas linhas de título (“Indicador selecionado: …”). ` +
    'Informe o indicador da planilha no mapeamento (--mapa), por exemplo { "planilha": "…", "indicador": "C7" }.',
  noHeader: (sheet: string) =>
    `Planilha ${quote(sheet)}: exportação do SIAPS sem a linha de cabeçalho esperada nas primeiras 40 linhas (com as colunas INE e NOME DA EQUIPE).`,
  noResultColumn: (sheet: string, row: number) =>
    `Planilha ${quote(sheet)}, linha ${row}: o cabeçalho da exportação do SIAPS não tem a coluna do resultado nem as colunas Numerador e Denominador.`,
  noCompetence: (row: number) =>
    `Linha ${row} sem competência: nem a coluna Competência/Ano nem a linha “Competência selecionada:” dizem o mês. A linha foi deixada de fora.`,
  ratioMismatch: (cell: string, team: string, value: number, numerator: number, denominator: number) =>
    `Célula ${cell}, equipe ${team}: o resultado ${formatNumber(value)} não confere com numerador ÷ denominador × 100 = ` +
    `${formatNumber((numerator / denominator) * 100)} (${formatNumber(numerator)} ÷ ${formatNumber(denominator)}). Foi usado o resultado da exportação.`,
  // --- the export's own class against ours ---
  classMismatch: (team: string, month: string, code: string, exported: string, ours: string, points: string) =>
    `Equipe ${team}, ${month}, ${code}: a exportação classifica como ${quote(exported)}, mas pelas regras do cofinanciamento o resultado ${points} é ${quote(ours)}.`,
  teamWithCode: (team: string, code: string | undefined) => (code ? `${team} (INE ${code})` : team),
  teamsTitle: (n: number, files: number) =>
    `Consolidado da avaliação — ${formatNumber(n, 0)} ${n === 1 ? "equipe" : "equipes"}, ${files} ${files === 1 ? "arquivo" : "arquivos"}`,
  teamsPaneTitle: (n: number) =>
    `Consolidado da avaliação — ${formatNumber(n, 0)} ${n === 1 ? "equipe" : "equipes"} desta pasta de trabalho`,
  teamHeader: "Município — equipe (INE)",
  mappingIndicatorNotText: (sheet: string) =>
    `No mapeamento da planilha ${quote(sheet)}, o campo “indicador” deve ser um texto: o nome ou o código do indicador da planilha (por exemplo, “C7”). Foi ignorado.`,
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
    n === 1
      ? `Período avaliado: ${first}`
      : `${term ? "Vigência avaliada" : "Períodos avaliados"}: ${first} a ${last} (${n} ${unitPlural})`,

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
  gradeNotComputed:
    "Não foi possível apurar o grau de cumprimento, porque nenhum período tem resultado global apurado.",
  gradeMissing: (counted: number, periods: number, labels: string) =>
    `A média considera ${counted} de ${periods} períodos: ${labels} não ${periods - counted === 1 ? "tem" : "têm"} resultado global apurado.`,
  gradeProvisional: (n: number, periods: number, labels: string) =>
    `Atenção: ${n} de ${periods} períodos tiveram avaliação incompleta (${labels}). ` +
    `A faixa indicada é provisória e pode mudar quando os dados forem completados.`,
  provisionalReason: (n: number, periods: number) => `${n} de ${periods} períodos incompletos`,
  gradeBand: (label: string) =>
    `O grau de cumprimento enquadra-se na ${label}, à qual corresponde a seguinte recomendação:`,
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
  metCount: (met: number, withData: number, periods: number) =>
    `${met} de ${withData}${withData < periods ? ` (${periods - withData} sem dado)` : ""}`,
  verdicts: {
    always: "Meta atingida em todos os períodos",
    mostly: "Meta atingida na maior parte dos períodos",
    sometimes: "Meta atingida em parte dos períodos",
    never: "Meta nunca atingida",
    noData: "Sem resultado avaliável",
  } as Record<"always" | "mostly" | "sometimes" | "never" | "noData", string>,
  acceptedIntro: "Justificativas acatadas pela Comissão ao longo da vigência (computadas no resultado global):",
  neverMetHeading: "4. Indicadores que nunca atingiram a meta",
  neverMetIntro: (unitPlural: string) =>
    `Os indicadores de desempenho abaixo não atingiram a meta pactuada em nenhum dos ${unitPlural} com resultado avaliável:`,
  neverMetItem: (name: string, n: number, min: string, max: string) =>
    `${name}: conceito B em ${n === 1 ? "1 período" : `${n} períodos`} (atingimento de ${min} a ${max}).`,
  noneNeverMet:
    "Todos os indicadores de desempenho com resultado avaliável atingiram a meta pactuada em ao menos um período.",
  conclusionHeading: "5. Conclusão da Comissão",
  conclusion: (grade: string, band: string | undefined) =>
    `Diante do exposto, a Comissão de Avaliação conclui que o Contrato de Gestão foi cumprido em grau de ${grade}` +
    `${band ? `, enquadrado na ${band}` : ""}.`,
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
    n === 1
      ? "O indicador abaixo, pelos resultados apurados, justifica a revisão da meta ou do indicador:"
      : `Os ${n} indicadores abaixo, pelos resultados apurados, justificam a revisão da meta ou do indicador:`,
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
  evidencePeriod: (label: string, result: string, attainment: string, concept: string) =>
    `${label}: ${result}${attainment ? ` (${attainment}, ${concept})` : ""}`,
  evidenceNoData: (label: string) => `${label}: sem dado`,
  wordingHeading: "3. Nova redação proposta",
  wordingIntro:
    "A Comissão propõe a seguinte redação para os indicadores e metas a revisar (a preencher pela Comissão):",
  wordingHeaders: ["Código", "Indicador", "Meta vigente", "Nova meta ou redação proposta"],
  blankLine: "____________________________________________",
  /** Numbered after the sections before it: 2 when there is nothing to propose, else 4. */
  consultationHeading: (n: number) => `${n}. Consulta prévia à Diretoria Municipal de Saúde`,
  /** Two lines to fill, each short enough to stay on one line of an A4 page. */
  consultation: [
    "Consulta realizada em ___/___/______.",
    "Manifestação da Diretoria Municipal de Saúde: _________________________",
  ],
  additiveClosing:
    "Encaminhe-se ao(à) Prefeito(a) Municipal, Chefe do Poder Executivo, para a negociação e a formalização, com a contratada, dos novos indicadores e metas.",
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
