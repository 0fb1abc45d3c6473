/**
 * Excel's error values as pt-BR Excel shows them. Office.js hands an error over as its text, in English or
 * in the UI's language, and files store the English form; English ones are put the pt-BR way so both hosts
 * give the core the same text (the Excel host's `readValue` and the file host's reader). `#DIV/0!` and
 * `#REF!` read the same in both languages.
 */
export const ERROR_PT: Readonly<Record<string, string>> = {
  "#N/A": "#N/D",
  "#VALUE!": "#VALOR!",
  "#NAME?": "#NOME?",
  "#NUM!": "#NÚM!",
  "#NULL!": "#NULO!",
  "#SPILL!": "#DESPEJAR!",
  "#GETTING_DATA": "#OBTENDO_DADOS",
  "#FIELD!": "#CAMPO!",
};
