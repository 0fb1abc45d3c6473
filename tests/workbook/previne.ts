/**
 * Previne Brasil data for the pipeline and command tests: a SISAB "Painel Indicador" export written to a file
 * as the panel does, and a long table of the seven indicators for two municipalities.
 */
import fs from "fs";
import path from "path";
import type { CellValue } from "../../src/core/types";
import type { WorkbookData } from "../../src/workbook/model";
import { readWorkbookFile } from "../../src/hosts/file/xlsx/read";
import { workbookOf } from "../hosts/file/xlsx/helpers";

export const HYPERTENSION_TITLE =
  "Proporção de pessoas com hipertensão, com consulta e pressão arterial aferida no semestre";

/**
 * A SISAB "Painel Indicador" export as the panel writes it: eleven title lines (the indicator in
 * `Indicador: …`), the header with the panel's spelling `Munícipio`, `;` with a trailing `;`, integer
 * percentages, one row per municipality (`[IBGE, name, …results]`), blank lines and a footer.
 */
export function sisabExport(
  title: string,
  rows: (string | number)[][],
  periods = ["2022 Q1", "2022 Q2", "2022 Q3"],
): string {
  return [
    "Ministério da Saúde",
    "Secretaria de Atenção Primária à Saúde - SAPS",
    "Sistema de Informação em Saúde para a Atenção Básica - SISAB",
    "Painel Indicador - Previne Brasil",
    "Visão: Municípios",
    "Estado: MG",
    `Municípios: ${rows.map((r) => r[1]).join(", ")}`,
    `Indicador: ${title}`,
    "Dados Preliminares: Dados sujeitos à alteração",
    `Quadrimestre: ${periods.join(", ")}`,
    "",
    `UF;IBGE;Munícipio;${periods.map((p) => `${p} (%)`).join(";")};`,
    ...rows.map((r) => `MG;${r.join(";")};`),
    "",
    "",
    "Fonte: Sistema de Informação em Saúde para a Atenção Básica - SISAB",
    "Dado gerado em: 10/03/2023 - 14:05h",
    "",
  ].join("\r\n");
}

/**
 * Indicator 6 (hypertension; meta 50%, peso 2) for three municipalities × three four-month periods; São
 * João del-Rei has no result for 2022 Q2.
 */
export const SISAB_HYPERTENSION = sisabExport(HYPERTENSION_TITLE, [
  ["316990", "Tiradentes", 40, 55, 25],
  ["316250", "São João del-Rei", 50, "", 45],
  ["310560", "Barroso", 0, 20, 60],
]);

/** Writes the export to a temp file (Latin-1, as the panel does) and reads it back as a host would. */
export async function readSisab(
  dir: string,
  text = SISAB_HYPERTENSION,
  name = "painel-hipertensao.csv",
): Promise<{ file: string; book: WorkbookData }> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(text, "latin1"));
  return { file, book: workbookOf(await readWorkbookFile(file)) };
}

/**
 * A long table with a `Município` column: the seven Previne indicators (2022 names as the Ministry writes
 * them, no code, no meta, no peso) for two municipalities in 2022 Q1. Results in percentage points under a
 * `(%)` header.
 *
 *   #  meta peso | Lavras: result → nota          | Perdões: result → nota
 *   1  45%  1    | 27% → 10 × 27/45 = 6,0           | 45% → 10
 *   2  60%  1    | 30% → 10 × 30/60 = 5,0 (domain)  | 60% → 10
 *   3  60%  2    | 66% → 11, capped at 10           | 30% → 5,0
 *   4  40%  1    | 20% → 5,0                        | 40% → 10
 *   5  95%  2    | 76% → 10 × 76/95 = 8,0           | 95% → 10
 *   6  50%  2    | 40% → 8,0 (domain: 8 × 2/10 = 1,6 points) | 25% → 5,0
 *   7  50%  1    | 35% → 7,0                        | 50% → 10
 *
 * ISF Lavras  = (6·1 + 5·1 + 10·2 + 5·1 + 8·2 + 8·2 + 7·1) / 10 = (6 + 5 + 20 + 5 + 16 + 16 + 7) / 10 = 75 / 10 = 7,5
 * ISF Perdões = (10 + 10 + 5·2 + 10 + 10·2 + 5·2 + 10) / 10 = (10 + 10 + 10 + 10 + 20 + 10 + 10) / 10 = 8,0
 * Pooled: per indicator the mean nota — 8; 7,5; 7,5; 7,5; 9; 6,5; 8,5 — weighted:
 *   (8 + 7,5 + 15 + 7,5 + 18 + 13 + 8,5) / 10 = 77,5 / 10 = 7,75 = the mean of 7,5 and 8,0.
 */
export const PREVINE_LONG_NAMES = [
  "Proporção de gestantes com pelo menos 6 (seis) consultas pré-natal realizadas, sendo a 1ª até a 12ª semana de gestação",
  "Proporção de gestantes com realização de exames para sífilis e HIV",
  "Proporção de gestantes com atendimento odontológico realizado",
  "Proporção de mulheres com coleta de citopatológico na APS",
  "Proporção de crianças de 1 (um) ano de idade vacinadas na APS contra Difteria, Tétano, Coqueluche, Hepatite B, infecções causadas por haemophilus influenzae tipo b e Poliomielite inativada",
  "Proporção de pessoas com hipertensão, com consulta e pressão arterial aferida no semestre",
  "Proporção de pessoas com diabetes, com consulta e hemoglobina glicada solicitada no semestre",
];
export const LAVRAS = [27, 30, 66, 20, 76, 40, 35];
export const PERDOES = [45, 60, 30, 40, 95, 25, 50];
export const PREVINE_LONG_ROWS: CellValue[][] = [
  ["Município", "Indicador", "Quadrimestre", "Resultado (%)"],
  ...PREVINE_LONG_NAMES.map((n, i) => ["Lavras", n, "2022 Q1", LAVRAS[i]]),
  ...PREVINE_LONG_NAMES.map((n, i) => ["Perdões", n, "2022 Q1", PERDOES[i]]),
];
