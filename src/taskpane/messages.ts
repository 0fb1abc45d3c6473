/** The task pane's own texts (screens, buttons, notices), in pt-BR. */
import { formatNumber, quote } from "../core/messages";

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
  readFailed: (message: string) => `Não foi possível ler a pasta de trabalho. ${message}`,
  periodAll: "Todas as linhas (sem período informado)",
  periodOption: (text: string, label: string) => `${text} (${label})`,
  periodsLegend: "Períodos",
  periodLabel: "Período",
  noPeriodChosen: "Escolha ao menos um período.",
  presetLabel: "Regras",
  methodLabel: "Método do atingimento global",
  methods: { shareMet: "Proporção de metas atingidas", meanAttainment: "Média do atingimento" } as Record<
    string,
    string
  >,
  noTables:
    "Nenhuma tabela de indicadores encontrada. Insira uma tabela pronta na tela Modelos, ou confira se a tabela tem as colunas Indicador e Meta ou Resultado.",
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
  mappingWide:
    "As colunas de resultado por período (uma por mês, trimestre…) são reconhecidas pelo cabeçalho e não entram no mapeamento.",
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
  coverage: (withData: number, scored: number, method: string) =>
    `${method}; ${withData} de ${scored} indicadores de desempenho com dado`,
  teamsHeading: (n: number) => `Por equipe (${n})`,
  teamsPooled:
    "A nota acima é a do conjunto das equipes; a de cada equipe está abaixo e na planilha “Cofinanciamento” do resumo.",
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
  finalReport:
    "Incluir a avaliação final e o Comunicado Final Sintético (todos os períodos escolhidos, ao fim do contrato)",
  summaryApplied: (names: string[]) =>
    names.length === 1
      ? `Planilha ${quote(names[0])} inserida.`
      : `Planilhas ${names.map(quote).join(", ")} inseridas.`,
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
  indicatorFigures: (result: string, target: string, attainment: string) =>
    `Resultado ${result} · meta ${target} · atingimento ${attainment}`,
  justificationsSave: "Gravar justificativas",
  justificationsNothing: "Escolha a decisão da comissão para ao menos um indicador.",
  justificationsSaved: (n: number) =>
    `${n === 1 ? "1 célula gravada" : `${formatNumber(n, 0)} células gravadas`}. A avaliação foi refeita com as decisões; use Avaliar e Resumo para atualizar as cores e o resumo.`,

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
  templateInserted: (sheet: string) =>
    `Tabela inserida na planilha ${quote(sheet)}. Preencha a meta e o resultado de cada indicador.`,
  monthNames: [
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
  ],
};

/**
 * Screen Consolidar of the task pane (the regional view of the open workbook: one table per municipality on
 * its own sheet, or a panel / long table with a `Município` column) and the words of the `Consolidado`
 * sheet it writes there (workbook/consolidation/workbookPart), where the command's sheet speaks of files.
 */
export const consolidatePaneStrings = {
  tab: "Consolidar",
  heading: "Consolidado regional",
  hint: "Insere a planilha “Consolidado”: uma linha por município e período, com atingimento global, faixa, metas não atingidas e problemas, ordenada por atingimento e com um gráfico do último período.",
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
  incompleteRows: (n: number) =>
    `${n === 1 ? "1 linha tem" : `${formatNumber(n, 0)} linhas têm`} avaliação incompleta (indicadores sem dado).`,
  problemRows: (n: number) =>
    `${n === 1 ? "1 linha tem" : `${formatNumber(n, 0)} linhas têm`} problemas nos dados; veja a tela Avaliar para a planilha e a célula de cada um.`,
  oneUnit:
    "Só um município ou contrato foi encontrado. Para consolidar vários, ponha a tabela de cada município numa planilha com o nome dele, ou use uma tabela com a coluna Município.",
  failed: (message: string) => `Não foi possível consolidar: ${message}`,
  applied: "Planilha “Consolidado” inserida.",
  confirmTitle: "Substituir consolidado?",
};

/**
 * The national programmes reported as published (Previne Brasil, the co-financing of APS): the name of the
 * overall figure (ISF, ISF parcial, nota final; of a *conjunto*), the co-financing's missing indicators, the
 * scale of a column of fractions, duplicates across files or tables, and justifications that are shown but
 * never scored.
 */
export const nationalPaneStrings = {
  incompleteShort: (missing: string[]) =>
    `incompleta: ${missing.length === 1 ? "falta" : "faltam"} ${missing.join("; ")}`,
};

/**
 * SIAPS exports (workbook/detect/siaps): recognising them, what they do not let these rules score, the
 * export's own figures checked against ours (workbook/exportClasses), and the per-indicator classes of the
 * consolidation.
 */
export const siapsPaneStrings = {
  mappingSiaps:
    "Exportações do SIAPS são lidas como estão (o indicador, o município e a competência vêm das linhas de título): não há colunas a corrigir.",
  // --- the consolidation: the class of each indicator of a team ---
  /** Every row of a consolidation is a team (co-financing): the words for them. */
  teamsCount: (n: number) => `${formatNumber(n, 0)} ${n === 1 ? "equipe" : "equipes"}`,
};

/**
 * The documents of the decree's art. 11 beyond the quarterly ones (workbook/plan/reports/finalCommunique,
 * workbook/plan/reports/additiveTerm): the *Comunicado Final Sintético* at the end of the contract (IV), with the
 * *grau de cumprimento do Contrato de Gestão*, and the proposal of an additive term (V); their options in
 * the command and their controls on the pane's Resumo screen.
 */
export const paneDocumentStrings = {
  // --- the pane's Resumo screen ---
  additiveRun: "Inserir proposta de Termo Aditivo",
  additiveHint:
    "Minuta da proposta de Termo Aditivo: os indicadores a revisar ou renegociar nos períodos escolhidos, com a evidência, e a nova meta em branco para a Comissão preencher.",
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
  homeIndicators: (indicators: number) =>
    indicators === 1 ? "1 indicador" : `${formatNumber(indicators, 0)} indicadores`,
  homePeriods: (periods: string[]) =>
    periods.length === 0
      ? "Sem período informado: todas as linhas são avaliadas juntas."
      : periods.length === 1
        ? `Período: ${periods[0]}.`
        : `Períodos: ${periods.slice(0, -1).join(", ")} e ${periods[periods.length - 1]}.`,
  homeRules: (rules: string) => `Regras: ${rules}.`,
  homeAttention: (n: number) =>
    n === 1 ? "1 ponto precisa de atenção nos dados." : `${formatNumber(n, 0)} pontos precisam de atenção nos dados.`,
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
