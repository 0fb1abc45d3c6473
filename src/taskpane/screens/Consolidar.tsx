/**
 * Screen Consolidar: the regional view (as `contratualiza consolidar`) of the open workbook — one table per
 * municipality, each on a sheet named after it, or a panel export / long table with a `Município` column —
 * written as a `Consolidado` sheet of the same workbook: one row per municipality and period, sorted, the
 * band's colour in the band column, a chart of the latest period (workbook/consolidation/workbookPart).
 *
 * A preview from the last read says how many municipalities and periods there are, the latest period's rows
 * and what needs a look (incomplete evaluations, problems, or why nothing can be consolidated). The button
 * reads the workbook again, consolidates every period with the rules chosen on screen and applies the plan;
 * when a `Consolidado` sheet exists, the host asks first and a dialog asks the user, as screen Resumo does.
 */
import { useId, useMemo, useState, type JSX } from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { nationalStrings } from "../../workbook/messages";
import { consolidatePaneStrings, siapsPaneStrings, taskpaneStrings } from "../messages";
import { formatPeriodPtBR } from "../../core/periods";
import { presets } from "../../core/presets";
import { allTeams, bandLabel, sortRows, type ConsolidatedRow } from "../../workbook/consolidation/consolidate";
import {
  consolidateWorkbook,
  planWorkbookConsolidation,
  unitsOf,
  type WorkbookConsolidation,
} from "../../workbook/consolidation/workbookPart";
import { useConfirmedApply } from "../components/ConfirmedApply";
import { OutcomeMessage } from "../components/OutcomeMessage";
import { nextPaint, StageProgress, type Stage } from "../components/StageProgress";
import { runOptions, type Choice, type Snapshot } from "../evaluation";
import { noteText, percentText } from "../format";
import { useScreenStyles, NO_TITLE } from "../styles";
import { useWorkbook } from "../useWorkbook";

/** Rows of the latest period the preview lists; the sheet has them all. */
export const PREVIEW_ROWS = 10;

/** The open workbook consolidated with the rules chosen on screen (every period; sheets split when one per municipality). */
export function consolidateOpenWorkbook(
  snapshot: Snapshot,
  rules: Pick<Choice, "preset" | "method">,
): WorkbookConsolidation {
  const { options, problems } = runOptions(snapshot.settings, rules);
  return consolidateWorkbook(snapshot.data, { ...options, splitSheets: true, problems });
}

/** A row's figure: `75,0%`, or `ISF 8,00` on the 0–10 scale. */
function valueOf(r: ConsolidatedRow): string {
  if (r.scale === 10)
    return r.value === undefined
      ? consolidatePaneStrings.noValue
      : consolidatePaneStrings.valueText(nationalStrings.capitalized(r.figure.name), noteText(r.value));
  return r.attainment === undefined ? consolidatePaneStrings.noValue : percentText(r.attainment);
}

const useStyles = makeStyles({
  row: {
    display: "flex",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  swatch: {
    flexShrink: 0,
    width: "10px",
    height: "10px",
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
});

/** What the `Consolidado` sheet will hold, from the last read. */
function Preview({ consolidation }: { consolidation: WorkbookConsolidation }): JSX.Element {
  const screen = useScreenStyles();
  const styles = useStyles();
  const id = useId();
  if (consolidation.kind === "failed") {
    return (
      <MessageBar {...NO_TITLE} intent="warning" layout="multiline">
        <MessageBarBody>{consolidatePaneStrings.failed(consolidation.failure.message)}</MessageBarBody>
      </MessageBar>
    );
  }
  const rows = sortRows(consolidation.rows);
  const periods = [...new Map(rows.filter((r) => r.period).map((r) => [r.period!.label, r.period!])).values()];
  // Sorted rows keep a period together, the latest last.
  const last = rows[rows.length - 1]?.period;
  const latest = rows.filter((r) => r.period?.label === last?.label);
  const units = unitsOf(rows);
  const incomplete = rows.filter((r) => r.incomplete).length;
  const withProblems = rows.filter((r) => r.problems > 0).length;
  return (
    <section className={screen.section} aria-labelledby={id}>
      <Subtitle2 as="h3" id={id}>
        {consolidatePaneStrings.previewHeading}
      </Subtitle2>
      <Body1 as="p">
        {consolidatePaneStrings.previewLine(
          units,
          periods.map((x) => x.label),
          rows.length,
          allTeams(rows) ? siapsPaneStrings.teamsCount(units) : undefined,
        )}
      </Body1>
      {consolidation.sheets && (
        <Caption1 className={screen.wrap}>{consolidatePaneStrings.fromSheets(consolidation.sheets)}</Caption1>
      )}
      <Body1 as="p">
        <strong>
          {last
            ? consolidatePaneStrings.latestHeading(taskpaneStrings.periodOption(formatPeriodPtBR(last), last.label))
            : consolidatePaneStrings.latestUndated}
        </strong>
      </Body1>
      <ul className={screen.plainList}>
        {latest.slice(0, PREVIEW_ROWS).map((r) => (
          <li key={`${r.source}\u0000${r.name}\u0000${r.ibge ?? ""}`} className={styles.row}>
            {r.band && (
              <span
                aria-hidden="true"
                className={styles.swatch}
                style={{ backgroundColor: r.band.color ?? tokens.colorNeutralBackground3 }}
              />
            )}
            <Body1>{consolidatePaneStrings.rowText(r.name, valueOf(r), r.band ? bandLabel(r.band) : "")}</Body1>
          </li>
        ))}
      </ul>
      {latest.length > PREVIEW_ROWS && (
        <Caption1>{consolidatePaneStrings.moreRows(latest.length - PREVIEW_ROWS)}</Caption1>
      )}
      {units === 1 && <Caption1>{consolidatePaneStrings.oneUnit}</Caption1>}
      {(incomplete > 0 || withProblems > 0) && (
        <MessageBar {...NO_TITLE} intent="warning" layout="multiline">
          <MessageBarBody>
            {incomplete > 0 && <div>{consolidatePaneStrings.incompleteRows(incomplete)}</div>}
            {withProblems > 0 && <div>{consolidatePaneStrings.problemRows(withProblems)}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/** `active`: the tab is shown. The preview evaluates the whole workbook again, so a hidden tab skips it on every re-read. */
export function Consolidar({ active = true }: { active?: boolean }): JSX.Element {
  const { snapshot, choice, reload } = useWorkbook();
  const styles = useScreenStyles();
  const [stage, setStage] = useState<Stage>();
  const [message, setMessage] = useState<string>();
  const { apply, outcome, clearOutcome, dialog } = useConfirmedApply(setStage, () =>
    setMessage(taskpaneStrings.summaryCancelled),
  );
  const running = stage !== undefined && stage !== "pronto";
  const { preset, method } = choice;
  const hasTables = (snapshot?.result.tables.length ?? 0) > 0;

  // From the last read; the button reads again before it writes.
  const preview = useMemo(
    () => (active && snapshot && hasTables ? consolidateOpenWorkbook(snapshot, { preset, method }) : undefined),
    [active, snapshot, hasTables, preset, method],
  );

  const onRun = async () => {
    clearOutcome();
    setMessage(undefined);
    setStage("lendo");
    const read = await reload();
    if (!read) {
      // The read's own message is shown above the screens.
      setStage(undefined);
      return;
    }
    setStage("avaliando");
    await nextPaint();
    const consolidation = consolidateOpenWorkbook(read, { preset, method });
    if (consolidation.kind === "failed") {
      setStage(undefined);
      setMessage(consolidatePaneStrings.failed(consolidation.failure.message));
      return;
    }
    await apply(planWorkbookConsolidation(consolidation.rows));
  };

  return (
    <div className={styles.screen}>
      <Subtitle1 as="h2">{consolidatePaneStrings.heading}</Subtitle1>
      <Body1 as="p">{consolidatePaneStrings.hint}</Body1>
      <Caption1>{consolidatePaneStrings.howTo}</Caption1>
      {snapshot && !hasTables && <Body1 as="p">{taskpaneStrings.noTables}</Body1>}
      <Caption1>
        {taskpaneStrings.presetLabel}: {presets[preset].name} · {taskpaneStrings.methods[method]}
      </Caption1>
      {preview && <Preview consolidation={preview} />}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running || !hasTables} onClick={() => void onRun()}>
          {consolidatePaneStrings.run}
        </Button>
      </div>
      {stage && <StageProgress stage={stage} />}
      {message && (
        <MessageBar {...NO_TITLE} intent="info" layout="multiline">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && <OutcomeMessage outcome={outcome} success={consolidatePaneStrings.applied} />}
      {dialog(consolidatePaneStrings.confirmTitle)}
    </div>
  );
}
