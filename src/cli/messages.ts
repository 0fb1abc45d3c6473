/** The command's own texts (`contratualiza …`: usage, options, what it prints), in pt-BR. */
import { quote } from "../core/messages";

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
  unknownPreset: (v: string) =>
    `Predefinição ${quote(v)} desconhecida. Use instrumento, decreto, previne ou cofinanciamento.`,
  unknownMethod: (v: string) => `Método ${quote(v)} desconhecido. Use proporcao ou media.`,
  unknownRule: (v: string) =>
    `Regra ${quote(v)} desconhecida. Use resultado-do-periodo (o resultado do período decide o conceito) ou todos-os-meses (todo mês e unidade deve atingir a meta).`,
  emptyPeriodNotWritten: "Nenhuma cópia avaliada foi gravada: o período pedido não tem dados.",
  outputExists: (file: string) =>
    `O arquivo ${quote(file)} já existe e não é uma cópia avaliada deste arquivo. Para não apagar nada por engano, ele não foi substituído: escolha outro nome em --saida ou acrescente --substituir.`,
  extraArgument: (a: string) => `Argumento a mais: ${quote(a)}. Informe um arquivo por vez.`,
  missingFile: "Informe o arquivo a avaliar, por exemplo: contratualiza avaliar contrato.xlsx",
  badMapping: (file: string, reason: string) => `Não foi possível usar o mapa ${quote(file)}: ${reason}`,
  mappingShape:
    'esperava um JSON como { "tabelas": [{ "planilha": "Indicadores", "colunas": { "meta": "D", "resultado": "E" } }] }.',
  unexpected:
    "Erro inesperado do Contratualiza (não é um problema nos seus dados). Por favor, informe a equipe com a mensagem abaixo.",
  heading: (file: string) => `Contratualiza — avaliação de ${file}`,
  tablesFound: (n: number) =>
    n === 0
      ? "Nenhuma tabela de indicadores encontrada."
      : n === 1
        ? "1 tabela de indicadores encontrada:"
        : `${n} tabelas de indicadores encontradas:`,
  tableLine: (where: string, layout: string, rows: number, periods: string, confidence: string) =>
    `  • ${where} — ${layout}, ${rows} ${rows === 1 ? "linha" : "linhas"}, ${periods} (confiança ${confidence})`,
  noPeriods: "sem período",
  periodHeading: (p: string) => `Período: ${p}`,
  allRows: "todas as linhas (sem período informado)",
  overall: (value: string, method: string, withData: number, scored: number) =>
    `  Atingimento global: ${value} (${method}; ${withData} de ${scored} indicadores de desempenho com dado)`,
  noOverall: "não calculado",
  band: (label: string, recommendation: string) =>
    recommendation ? `  ${label}: ${recommendation}` : `  Classificação: ${label}`,
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

/** Previne Brasil and national panels: the preset chosen, targets from the catalogue, the report per municipality. */
export const previneStrings = {
  presetChosen: (name: string, reason: string) =>
    `Predefinição escolhida: ${name} — ${reason}. Para usar outras regras, informe --predefinicao.`,
  catalogHeading: (catalog: string, targets: boolean) =>
    `${targets ? "Metas e pesos tirados" : "Pesos tirados"} do catálogo ${catalog}, porque a tabela não os informa:`,
  catalogLine: (code: string, name: string, target: string | undefined, weight: string | undefined) =>
    `  • ${code} ${name}: ${[target ? `meta ${target}` : "", weight ? `peso ${weight}` : ""].filter((s) => s).join(", ")}`,
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
  moreMunicipalities: (n: number) =>
    `  … e mais ${n} ${n === 1 ? "município" : "municípios"}; use --json para a lista completa.`,
};

/** Co-financing of APS, quality component: choosing the preset, the per-team report and the command's text. */
export const cofinCommandStrings = {
  // --- the command's text (cli/report) ---
  pooledTeams: (n: number) =>
    `  Conjunto das ${n} equipes: cada indicador reúne as linhas de todas elas (média simples dos resultados); não é a nota de nenhuma equipe.`,
  byTeamHeading: (n: number) => `  Por equipe (${n}):`,
  teamLine: (
    team: string,
    code: string | undefined,
    municipality: string | undefined,
    note: string,
    label: string | undefined,
  ) =>
    `    • ${team}${code ? ` — INE ${code}` : ""}${municipality ? ` — ${municipality}` : ""}: nota final ${note}${label ? ` (${label})` : ""}`,
  indicatorsLine: (parts: string[]) => `      ${parts.join(" · ")}`,
  noResult: "sem dado",
  moreTeams: (n: number) =>
    `    … e mais ${n} ${n === 1 ? "equipe" : "equipes"}; veja a planilha “Cofinanciamento” da cópia avaliada ou use --json.`,
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

/** The regional consolidation (`contratualiza consolidar`, workbook/consolidation/consolidate): the command, its report and its sheets. */
export const consolidateCommandStrings = {
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
    "  --paralelo N         quantos arquivos avaliar ao mesmo tempo (padrão: um por núcleo do processador, menos um)",
    "  --json               mostra o resultado em JSON, para outros programas",
    "",
    "Código de saída: 0 tudo avaliado; 1 algum arquivo falhou ou tem problemas nos dados; 2 nada pôde ser avaliado.",
  ].join("\n"),
  missingInput: "Informe a pasta (ou o arquivo) a consolidar, por exemplo: contratualiza consolidar contratos/",
  extraArgument: (a: string) => `Argumento a mais: ${quote(a)}. Informe uma pasta ou um arquivo só.`,
  inputNotFound: (input: string) =>
    `Não foi encontrada a pasta ou o arquivo ${quote(input)}. Confira o nome e o caminho.`,
  folderUnreadable: (folder: string, detail: string) =>
    `Não foi possível ler a pasta ${quote(folder)} (${detail}). Confira se você tem acesso a ela.`,
  emptyFolder: (folder: string) =>
    `A pasta ${quote(folder)} não tem pastas de trabalho a consolidar (.xlsx, .xlsm ou .csv). Cópias avaliadas, consolidados anteriores e arquivos temporários são ignorados.`,
  nothingEvaluated:
    "Nenhum arquivo pôde ser avaliado; o consolidado não foi gravado. Veja acima o motivo de cada arquivo.",
  notWritten: "A consolidação foi feita, mas o arquivo consolidado não foi gravado:",
  unexpected: (detail: string) =>
    `Erro inesperado do Contratualiza ao avaliar este arquivo (não é um problema nos seus dados; informe a equipe): ${detail}`,
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
  periodHeading: (period: string, n: number) =>
    `Período ${period} — ${n} ${n === 1 ? "linha" : "linhas"}, do maior para o menor atingimento:`,
  textHeaders: { name: "Município / contrato", value: "Atingimento", band: "Faixa", missed: "Não atingidas" },
  incompleteFlag: "avaliação incompleta",
  problemsFlag: (n: number) => `${n} ${n === 1 ? "problema" : "problemas"} nos dados`,
  moreRows: (n: number) =>
    `    … e mais ${n} ${n === 1 ? "linha" : "linhas"}; veja a planilha consolidada ou use --json.`,
  failuresHeading: (n: number) => `Arquivos que não puderam ser avaliados (${n}):`,
  problemsHint: (n: number) =>
    `${n} ${n === 1 ? "linha tem" : "linhas têm"} problemas nos dados; use “contratualiza avaliar <arquivo>” para ver cada um, com a planilha e a célula.`,
  written: (file: string) =>
    `Consolidado gravado em ${file} (planilhas Consolidado e Falhas). Os arquivos de entrada não foram alterados.`,
};

/** The reports' texts (pt-BR): the synthetic communiqué, the annual / final report, the command `comunicado`. */
export const reportCommandStrings = {
  // --- the command `contratualiza comunicado` (its usage and options: commandStrings) ---
  outputIsInput: (file: string) =>
    `O comunicado não pode ser gravado em “${file}”, que é o próprio arquivo de entrada: o Contratualiza nunca altera o arquivo original. Escolha outro nome.`,
  nothingToEvaluate: (file: string) =>
    `Nenhuma tabela de indicadores com linhas a avaliar foi encontrada em “${file}”.`,
  periodNotFound: (period: string, found: string) =>
    `Nenhuma linha do período ${period} foi encontrada.${found ? ` Períodos encontrados: ${found}.` : ""}`,
  written: (period: string, file: string) =>
    `Comunicado ${period} gravado em ${file}. O arquivo original não foi alterado.`,
  summaryLine: (label: string, value: string, band: string) => `${label}: ${value}${band ? ` — ${band}` : ""}.`,
  overallLabel: "Atingimento global",
  problemsNote: (n: number) =>
    `Atenção: ${n === 1 ? "1 problema" : `${n} problemas`} nos dados; veja “contratualiza avaliar” para a lista com planilha e célula.`,
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
  notAnInteger: (value: string, min: number, max: number) =>
    `${quote(value)} não é um número inteiro de ${min} a ${max}.`,
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
  outputNotCommunique: (file: string) =>
    `A saída “${file}” deve terminar em .md (texto em Markdown) ou .docx (documento do Word).`,
};

/**
 * The national programmes reported as published (Previne Brasil, the co-financing of APS): the name of the
 * overall figure (ISF, ISF parcial, nota final; of a *conjunto*), the co-financing's missing indicators, the
 * scale of a column of fractions, duplicates across files or tables, and justifications that are shown but
 * never scored.
 */
export const nationalCommandStrings = {
  /** A partial ISF in a table of municipalities: `8,00 (parcial, 1 de 7)`. */
  partialValue: (value: string, present: number, total: number) => `${value} (parcial, ${present} de ${total})`,
  /** A team's indicator whose result could not be used (unreadable, a column of fractions, a conflicting duplicate). */
  invalidResult: "inválido",
  duplicatesHeading: (n: number) =>
    `  ${n === 1 ? "Resultado repetido" : `Resultados repetidos (${n})`} em dois arquivos ou tabelas:`,
};

/**
 * Table detection on headers as people draw them (two rows, blank or decorative rows before the data, more
 * names for the result column), and the diagnosis shown when nothing could be evaluated: by the command on
 * stderr and by the task pane among the detection problems, in the same words.
 */
export const headerCommandStrings = {
  /** The command's first line on stderr when nothing was evaluated. */
  nothingEvaluated: (file: string) =>
    `Nada foi avaliado em “${file}”: nenhuma tabela de indicadores com linhas a avaliar.`,
};

/**
 * SIAPS exports (workbook/detect/siaps): recognising them, what they do not let these rules score, the
 * export's own figures checked against ours (workbook/exportClasses), and the per-indicator classes of the
 * consolidation.
 */
export const siapsCommandStrings = {
  recognisedNotScored: "Exportação do SIAPS reconhecida, mas não avaliada por estas regras (o motivo está abaixo).",
  classesHeader: "Classes",
  classInitials: { Ótimo: "Ó", Bom: "B", Suficiente: "S", Regular: "R" } as Record<string, string>,
  noClass: "–",
  classLegend: (codes: string[]) =>
    `Classes de ${codes.length > 1 ? `${codes[0]} a ${codes[codes.length - 1]}` : codes[0]}, nesta ordem: Ó Ótimo, B Bom, S Suficiente, R Regular, – sem dado.`,
  /** The source of exports evaluated together, when they are many: `14 arquivos (C1_JUN-26.csv … C7_MAI-26.csv)`. */
  gatheredFiles: (n: number, first: string, last: string) => `${n} arquivos (${first} … ${last})`,
};

/**
 * The documents of the decree's art. 11 beyond the quarterly ones (workbook/plan/reports/finalCommunique,
 * workbook/plan/reports/additiveTerm): the *Comunicado Final Sintético* at the end of the contract (IV), with the
 * *grau de cumprimento do Contrato de Gestão*, and the proposal of an additive term (V); their options in
 * the command and their controls on the pane's Resumo screen.
 */
export const cliDocumentStrings = {
  // --- the command `contratualiza comunicado` ---
  writtenFinal: (file: string) => `Comunicado final gravado em ${file}. O arquivo original não foi alterado.`,
  writtenAdditive: (file: string) =>
    `Proposta de Termo Aditivo gravada em ${file}. O arquivo original não foi alterado.`,
  gradeLine: (value: string, band: string) => `Grau de cumprimento: ${value}${band ? ` — ${band}` : ""}.`,
  candidatesLine: (n: number) =>
    n === 1 ? "1 indicador a revisar ou renegociar." : `${n} indicadores a revisar ou renegociar.`,
  bothDocuments: "Escolha --final ou --termo-aditivo, não os dois: cada um é um documento.",
  documentWithPeriod: "--final e --termo-aditivo consideram todos os períodos encontrados: não use --periodo com eles.",
};
