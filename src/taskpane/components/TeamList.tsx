/**
 * The co-financing per team (workbook/plan/reports/teamQuality): each team's nota final and class, in the order
 * of the `Cofinanciamento` sheet, so a coordinator sees every team before inserting the sheet.
 */
import type { JSX } from "react";
import { Body1, Caption1, Subtitle2 } from "@fluentui/react-components";
import { nationalStrings } from "../../workbook/messages";
import { nationalPaneStrings, taskpaneStrings } from "../messages";
import type { PeriodEvaluation } from "../../workbook/pipeline";
import { buildTeamQuality } from "../../workbook/plan/reports";
import { noteText } from "../format";
import { useScreenStyles } from "../styles";

export function TeamList({ ev }: { ev: PeriodEvaluation }): JSX.Element | null {
  const styles = useScreenStyles();
  const report = buildTeamQuality(ev);
  if (!report) return null;
  return (
    <>
      <Subtitle2 as="h4">{taskpaneStrings.teamsHeading(report.teams.length)}</Subtitle2>
      {report.teams.length > 1 && <Caption1>{taskpaneStrings.teamsPooled}</Caption1>}
      <ul className={styles.list}>
        {report.teams.map((t) => (
          <li key={`${t.municipality ?? ""}|${t.code ?? t.team}`} className={styles.wrap}>
            <Body1>
              {taskpaneStrings.teamLine(
                t.team,
                t.code,
                t.note === undefined ? taskpaneStrings.notComputed : noteText(t.note),
                t.noteBand?.label,
              )}
            </Body1>
            {t.missing.length > 0 && (
              <Caption1>
                {nationalPaneStrings.incompleteShort(
                  t.missing.map((m) => nationalStrings.indicatorName(m.code, m.name)),
                )}
              </Caption1>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
