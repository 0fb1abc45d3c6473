/** One evaluated period: overall figure and band, the targets not met, the pending indicators, the problems. */
import { useId, type JSX } from "react";
import { Body1, Caption1, MessageBar, MessageBarBody, Subtitle2 } from "@fluentui/react-components";
import type { PeriodEvaluation } from "../../workbook/pipeline";
import { formatPeriodPtBR } from "../../core/periods";
import {
  conceptReason,
  figureText,
  incompleteText,
  indicatorLabel,
  missedTargets,
  pendingItems,
  percentText,
  ruleText,
  situation,
  unitViews,
} from "../../workbook/view";
import { overallLabel } from "../format";
import { methodText } from "../../core/messages";
import { nationalStrings, viewStrings } from "../../workbook/messages";
import { taskpaneStrings } from "../messages";
import { hasDecisions, missingNames, overallFigure } from "../../workbook/overallFigure";
import { useScreenStyles, NO_TITLE } from "../styles";
import { BandChip } from "./BandChip";
import { ProblemList } from "./ProblemList";
import { TeamList } from "./TeamList";

/** Pending results listed on screen; the summary sheet lists them all. */
const MAX_PENDING = 20;

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase("pt-BR") + text.slice(1);

export function EvaluationView({ ev }: { ev: PeriodEvaluation }): JSX.Element {
  const styles = useScreenStyles();
  const id = useId();
  const o = ev.overall;
  const value = figureText(ev);
  const figure = overallFigure(ev);
  // The co-financing names the indicators a nota lacks (they count zero) instead of a share of them.
  const missingNote =
    figure.kind === "finalNote" && figure.missing.length > 0
      ? nationalStrings.capitalized(nationalStrings.incompleteTeam(missingNames(figure)))
      : undefined;
  const missed = missedTargets(ev);
  const pending = pendingItems(ev);
  const incomplete = incompleteText(ev);
  const units = unitViews(ev);
  const period = ev.period
    ? taskpaneStrings.periodOption(formatPeriodPtBR(ev.period), ev.period.label)
    : taskpaneStrings.periodAll;
  return (
    <section className={styles.item} aria-labelledby={id}>
      <Subtitle2 as="h3" id={id}>
        {taskpaneStrings.periodHeading(period)}
      </Subtitle2>
      <Body1>
        {overallLabel(ev)}: <strong>{value ?? taskpaneStrings.notComputed}</strong>
      </Body1>
      <Caption1>{taskpaneStrings.coverage(o.withData, o.scored, capitalize(methodText(ev)))}</Caption1>
      <Caption1>{viewStrings.ruleSentence(ruleText(ev))}</Caption1>
      {ev.preset.bands ? (
        ev.band && <BandChip band={ev.band.band} provisional={ev.band.provisional} />
      ) : (
        <Caption1>{taskpaneStrings.noBand}</Caption1>
      )}
      {figure.pooled && ev.byMunicipality && (
        <Caption1>{nationalStrings.pooledNote(ev.byMunicipality.length)}</Caption1>
      )}
      {figure.partial && (
        <MessageBar {...NO_TITLE} intent="warning">
          <MessageBarBody>
            {nationalStrings.partialNote(
              figure.partial.present,
              figure.partial.total,
              figure.missing.map((m) => m.code),
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {incomplete && (
        <MessageBar {...NO_TITLE} intent="warning">
          <MessageBarBody>{viewStrings.incompleteWarning(incomplete)}</MessageBarBody>
        </MessageBar>
      )}
      {missingNote && (
        <MessageBar {...NO_TITLE} intent="warning">
          <MessageBarBody>{missingNote}</MessageBarBody>
        </MessageBar>
      )}
      {ev.preset.commission === false && hasDecisions(ev) && (
        <Caption1>{nationalStrings.justificationsNotScored(ev.preset.name)}</Caption1>
      )}
      {/* A classifying preset (co-financing) has classes, not targets to meet: its teams say it instead. */}
      {ev.preset.scoring.kind !== "classification" && (
        <>
          <Subtitle2 as="h4">{taskpaneStrings.missedHeading(missed.length)}</Subtitle2>
          {missed.length === 0 ? (
            <Body1>{taskpaneStrings.noneMissed}</Body1>
          ) : (
            <ul className={styles.list}>
              {missed.map((i) => (
                <li key={i.key} className={styles.wrap}>
                  <Body1>
                    {indicatorLabel(i)}: {taskpaneStrings.attained(percentText(i.attainment?.scored ?? 0))} —{" "}
                    {taskpaneStrings.situations[situation(i)]}
                  </Body1>
                  <Caption1 as="p" block>
                    {conceptReason(i)}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {pending.length > 0 && (
        <>
          <Subtitle2 as="h4">{taskpaneStrings.pendingHeading(pending.length)}</Subtitle2>
          <ul className={styles.list}>
            {pending.slice(0, MAX_PENDING).map((p, at) => (
              <li key={at} className={styles.wrap}>
                <Body1>
                  {indicatorLabel(p)} — {p.text}
                </Body1>
              </li>
            ))}
          </ul>
          {pending.length > MAX_PENDING && (
            <Caption1>{taskpaneStrings.morePending(pending.length - MAX_PENDING)}</Caption1>
          )}
        </>
      )}
      {units.length > 0 && (
        <>
          <Subtitle2 as="h4">{viewStrings.byUnitHeading}</Subtitle2>
          <ul className={styles.list}>
            {units.map((u) => (
              <li key={u.name} className={styles.wrap}>
                <Body1>
                  {viewStrings.unitLine(u.name, u.figure ?? viewStrings.noFigure, u.band ?? "", u.missed.join(", "))}
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
