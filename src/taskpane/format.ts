/** How the screens write figures: the one view of an evaluation (workbook/view), and the overall figure's name on screen. */
import type { ContractEvaluation } from "../core/evaluate";
import { taskpaneStrings as s } from "../core/messages";
import { figureText } from "../workbook/view";

export { indicatorLabel, noteText, percentText, resultText, targetText } from "../workbook/view";

/** The name of the overall figure: atingimento global, ISF, nota final. */
export function overallLabel(ev: ContractEvaluation): string {
  if (ev.preset.scale !== 10) return s.overallLabel;
  return ev.preset.id === "previne" ? s.isfLabel : s.finalNoteLabel;
}

/** The overall figure: `75,0%`, or `8,60` on the 0–10 scale; undefined when not computed. */
export const overallText = figureText;
