/** Texts of the Excel host (Office.js errors and refusals), in pt-BR. */
import { formatNumber, quote } from "../../core/messages";
import { paneSharedStrings } from "../../workbook/messages";

/** The Excel host's texts (hosts/excel): why a write was refused or failed, and what to do. */
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
  itemNotFound:
    "Uma planilha ou intervalo que o Contratualiza ia usar não existe mais (foi renomeado ou excluído). Tente de novo.",
  general: (detail: string) =>
    `O Excel não conseguiu concluir a operação (${detail}). Tente de novo; se o erro continuar, salve a pasta de trabalho, feche e abra o Excel.`,
  selectMissing: (sheet: string, cell: string) =>
    `Não foi possível ir para a célula ${cell} da planilha ${quote(sheet)}: a planilha ou a célula não existe mais.`,
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
    `O Excel não devolveu os valores da planilha ${quote(sheet)} (${address}, ${formatNumber(cells, 0)} células), nem lendo em partes. Apague o que não for dado depois das tabelas (fórmulas que mostram vazio também contam) ou divida os dados em planilhas menores; depois clique em ${paneSharedStrings.readAgain}.`,
};
