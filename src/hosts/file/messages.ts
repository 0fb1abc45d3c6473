/** Texts of the file host (reading and writing .xlsx/.csv files), in pt-BR. */
export const fileMessages = {
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
  diskFull: (file: string) =>
    `Não foi possível gravar “${file}”: não há espaço livre no disco. Libere espaço ou escolha outro local.`,
  nameTooLong: (file: string) =>
    `Não foi possível gravar “${file}”: o nome ou o caminho do arquivo é longo demais. Use um nome mais curto ou uma pasta mais próxima da raiz do disco.`,
  writeFailed: (file: string, detail: string) =>
    `Não foi possível gravar “${file}” (${detail}). Confira se a pasta existe, se você pode gravar nela e se o arquivo não está aberto em outro programa.`,
  buildFailed: (file: string, detail: string) =>
    `Não foi possível montar o arquivo avaliado “${file}” (detalhe técnico: ${detail}). O arquivo de entrada não foi alterado. Abra a pasta de trabalho no Excel, salve de novo como .xlsx e tente outra vez.`,
  sheetMissing: (sheet: string) =>
    `A planilha “${sheet}” não foi encontrada na pasta de trabalho ao gravar o resultado da avaliação.`,
  /** The chart's name in Excel's selection pane. */
  chartName: (n: number) => `Gráfico ${n}`,
};

/** The file host's package patcher (hosts/file/xlsx/write, hosts/file/xlsx/patch). */
export const patchStrings = {
  outputNotXlsm: (file: string) =>
    `O arquivo avaliado “${file}” precisa ter a extensão .xlsm: o original tem macros, e o Excel só abre uma pasta de trabalho com macros pelo nome .xlsm. Escolha um nome terminado em .xlsm.`,
};
