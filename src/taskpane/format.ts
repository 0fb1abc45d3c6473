/** How the screens write figures: the one view of an evaluation (workbook/view), and the overall figure's name on screen. */
import type { ContractEvaluation } from "../core/evaluate";
import { nationalStrings } from "../workbook/messages";
import { taskpaneStrings } from "./messages";
import { overallFigure } from "../workbook/overallFigure";

export { figureText, indicatorLabel, noteText, percentText, resultText, targetText } from "../workbook/view";

/**
 * The name of the overall figure (workbook/overallFigure): atingimento global, ISF, ISF parcial (n de 7
 * indicadores), nota final, on the 0–10 scale said so; of the conjunto when it pools municipalities.
 */
export function overallLabel(ev: ContractEvaluation & { byMunicipality?: readonly unknown[] }): string {
  const figure = overallFigure(ev);
  if (ev.preset.scale !== 10)
    return figure.pooled ? nationalStrings.capitalized(figure.name) : taskpaneStrings.overallLabel;
  return nationalStrings.onTen(nationalStrings.capitalized(figure.name));
}
