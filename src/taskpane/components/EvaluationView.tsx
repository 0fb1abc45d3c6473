/** One evaluated period: overall figure and band, the targets not met, the pending indicators, the problems. */
import { useId, type JSX } from "react";
import { Body1, Caption1, MessageBar, MessageBarBody, Subtitle2 } from "@fluentui/react-components";
import type { PeriodEvaluation } from "../../workbook/pipeline";
import { formatPeriodPtBR } from "../../core/periods";
import { situation } from "../../cli/report";
import { indicatorLabel, overallLabel, overallText, percentText } from "../format";
import { methodText, nationalStrings as n, taskpaneStrings as s } from "../../core/messages";
import { hasDecisions, missingNames, overallFigure } from "../../workbook/overallFigure";
import { useScreenStyles } from "../styles";
import { BandChip } from "./BandChip";
import { ProblemList } from "./ProblemList";
import { TeamList } from "./TeamList";

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase("pt-BR") + text.slice(1);

export function EvaluationView({ ev }: { ev: PeriodEvaluation }): JSX.Element {
  const styles = useScreenStyles();
  const id = useId();
  const o = ev.overall;
  const value = overallText(ev);
  const figure = overallFigure(ev);
  // The co-financing names the indicators a nota lacks (they count zero) instead of a share of them.
  const missingNote = figure.kind === "finalNote" && figure.missing.length > 0 ? n.capitalized(n.incompleteTeam(missingNames(figure))) : undefined;
  const missed = ev.indicators.filter((i) => i.kind === "desempenho" && i.status === "evaluated" && i.concept === "B");
  const period = ev.period ? s.periodOption(formatPeriodPtBR(ev.period), ev.period.label) : s.periodAll;
  return (
    <section className={styles.item} aria-labelledby={id}>
      <Subtitle2 as="h3" id={id}>
        {s.periodHeading(period)}
      </Subtitle2>
      <Body1>
        {overallLabel(ev)}: <strong>{value ?? s.notComputed}</strong>
      </Body1>
      <Caption1>{s.coverage(o.withData, o.scored, capitalize(methodText(ev)))}</Caption1>
      {ev.preset.bands ? ev.band && <BandChip band={ev.band.band} /> : <Caption1>{s.noBand}</Caption1>}
      {figure.pooled && ev.byMunicipality && <Caption1>{n.pooledNote(ev.byMunicipality.length)}</Caption1>}
      {figure.partial && (
        <MessageBar intent="warning">
          <MessageBarBody>{n.partialNote(figure.partial.present, figure.partial.total, figure.missing.map((m) => m.code))}</MessageBarBody>
        </MessageBar>
      )}
      {(missingNote || o.incomplete) && (
        <MessageBar intent="warning">
          <MessageBarBody>{missingNote ?? s.incomplete(o.withoutData, o.scored)}</MessageBarBody>
        </MessageBar>
      )}
      {ev.preset.commission === false && hasDecisions(ev) && <Caption1>{n.justificationsNotScored(ev.preset.name)}</Caption1>}
      {/* A classifying preset (co-financing) has classes, not targets to meet: its teams say it instead. */}
      {ev.preset.scoring.kind !== "classification" && (
        <>
          <Subtitle2 as="h4">{s.missedHeading(missed.length)}</Subtitle2>
          {missed.length === 0 ? (
            <Body1>{s.noneMissed}</Body1>
          ) : (
            <ul className={styles.list}>
              {missed.map((i) => (
                <li key={i.key} className={styles.wrap}>
                  <Body1>
                    {indicatorLabel(i)}: {s.attained(percentText(i.attainment?.scored ?? 0))} — {s.situations[situation(i)]}
                  </Body1>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {ev.pending.length > 0 && (
        <>
          <Subtitle2 as="h4">{s.pendingHeading(ev.pending.length)}</Subtitle2>
          <ul className={styles.list}>
            {ev.pending.map((i) => (
              <li key={i.key} className={styles.wrap}>
                <Body1>
                  {indicatorLabel(i)} — {s.situations[situation(i)]}
                </Body1>
              </li>
            ))}
          </ul>
        </>
      )}
      <TeamList ev={ev} />
      <ProblemList problems={ev.problems} level={4} />
    </section>
  );
}
