/** The periods to evaluate, as check boxes (several at once), shared by the screens Avaliar and Resumo. */
import type { JSX } from "react";
import { Checkbox } from "@fluentui/react-components";
import { taskpaneStrings } from "../messages";
import { useScreenStyles } from "../styles";
import { useWorkbook } from "../useWorkbook";

export function PeriodChecklist(): JSX.Element | null {
  const { periods, choice, setChoice } = useWorkbook();
  const styles = useScreenStyles();
  if (periods.length === 0) return null;
  const toggle = (key: string, on: boolean) => {
    const chosen = new Set(choice.periods);
    if (on) chosen.add(key);
    else chosen.delete(key);
    // In the tables' time order.
    setChoice({ periods: periods.map((p) => p.key).filter((k) => chosen.has(k)) });
  };
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{taskpaneStrings.periodsLegend}</legend>
      {periods.map((p) => (
        <Checkbox
          key={p.key}
          label={p.text}
          checked={choice.periods.includes(p.key)}
          onChange={(_, data) => toggle(p.key, data.checked === true)}
        />
      ))}
    </fieldset>
  );
}
