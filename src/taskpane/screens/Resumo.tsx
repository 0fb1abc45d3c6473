/**
 * Screen Resumo: insert or refresh the summary sheet (`Resumo 2025-T1`) of each chosen period. Screen
 * Comunicado, later in the path (after the commission's decisions): the reports — the communiqué of each
 * period, the annual report, the co-financing's per-team sheet and, when ticked, the final report and the final
 * communiqué — or (a second button) the draft proposal of an additive term over the chosen periods. A plan with
 * the summaries only; when a summary sheet of that name exists, the host asks first and a dialog asks the
 * user, who may replace it.
 */
import { useState, type JSX } from "react";
import { Body1, Button, Caption1, Checkbox, MessageBar, MessageBarBody, Subtitle1 } from "@fluentui/react-components";
import { presets } from "../../core/presets";
import { additiveTermPlan, summaryPlan } from "../evaluation";
import { PeriodChecklist } from "../components/PeriodChecklist";
import { readAndEvaluate, StageProgress, type Stage } from "../components/StageProgress";
import { paneDocumentStrings, paneStrings, taskpaneStrings } from "../messages";
import { useNavigate } from "../navigation";
import { useScreenStyles, NO_TITLE } from "../styles";
import { useWorkbook } from "../useWorkbook";
import { useConfirmedApply } from "../components/ConfirmedApply";
import { OutcomeMessage } from "../components/OutcomeMessage";

/** The summary sheets (`reports` false, screen Resumo) or the reports (screen Comunicado), on the chosen periods. */
function useSheetRun(reports: boolean) {
  const { choice, reload, periods } = useWorkbook();
  const [stage, setStage] = useState<Stage>();
  const [message, setMessage] = useState<string>();
  const { apply, outcome, clearOutcome, dialog } = useConfirmedApply(setStage, () =>
    setMessage(taskpaneStrings.summaryCancelled),
  );
  const [names, setNames] = useState<string[]>([]);
  const running = stage !== undefined && stage !== "pronto";

  /** `final` adds the final report and communiqué to the reports; `additiveTerm` writes the proposal alone. */
  const run = async (final: boolean, additiveTerm = false) => {
    clearOutcome();
    setMessage(undefined);
    if (choice.periods.length === 0) {
      setMessage(taskpaneStrings.noPeriodChosen);
      return;
    }
    const read = await readAndEvaluate(reload, choice, setStage);
    if (read.kind === "stopped") {
      if (read.message) setMessage(read.message);
      return;
    }
    const { snapshot, evaluation } = read;
    const plan = additiveTerm
      ? additiveTermPlan(evaluation)
      : summaryPlan(snapshot.data, evaluation, reports, reports && final);
    setNames(plan.summaries.map((sh) => sh.name));
    await apply(plan);
  };
  return { choice, periods, stage, running, message, outcome, names, dialog, run };
}

/** The rules the run uses, in one line (they are chosen on screen Avaliar or Regras). */
function RulesLine(): JSX.Element {
  const { choice } = useWorkbook();
  return (
    <Caption1>
      {taskpaneStrings.presetLabel}: {presets[choice.preset].name} · {taskpaneStrings.methods[choice.method]}
    </Caption1>
  );
}

export function Resumo(): JSX.Element {
  const styles = useScreenStyles();
  const go = useNavigate();
  const { periods, stage, running, message, outcome, names, dialog, run } = useSheetRun(false);
  return (
    <div className={styles.screen}>
      <Subtitle1 as="h2">{taskpaneStrings.summaryHeading}</Subtitle1>
      <Body1 as="p">{taskpaneStrings.summaryHint}</Body1>
      {periods.length === 0 && <Body1 as="p">{taskpaneStrings.noTables}</Body1>}
      <PeriodChecklist />
      <RulesLine />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running || periods.length === 0} onClick={() => void run(false)}>
          {taskpaneStrings.summaryRun}
        </Button>
      </div>
      {stage && <StageProgress stage={stage} />}
      {message && (
        <MessageBar {...NO_TITLE} intent="info">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <OutcomeMessage
          outcome={outcome}
          success={taskpaneStrings.summaryApplied(names)}
          next={{ label: paneStrings.nextJustifications, onClick: () => go("justificativas") }}
        />
      )}
      {dialog(taskpaneStrings.confirmTitle)}
    </div>
  );
}

/** Screen Comunicado: the communiqués, the annual report and, when ticked, the final report and communiqué; the additive term. */
export function Comunicado(): JSX.Element {
  const styles = useScreenStyles();
  const [final, setFinal] = useState(false);
  const { periods, stage, running, message, outcome, names, dialog, run } = useSheetRun(true);
  return (
    <div className={styles.screen}>
      <Subtitle1 as="h2">{paneStrings.communiqueHeading}</Subtitle1>
      <Body1 as="p">{taskpaneStrings.reportsHint}</Body1>
      {periods.length === 0 && <Body1 as="p">{taskpaneStrings.noTables}</Body1>}
      <PeriodChecklist />
      <RulesLine />
      <Checkbox
        checked={final}
        onChange={(_, data) => setFinal(data.checked === true)}
        label={taskpaneStrings.finalReport}
      />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running || periods.length === 0} onClick={() => void run(final)}>
          {taskpaneStrings.reportsRun}
        </Button>
      </div>
      <Caption1>{paneDocumentStrings.additiveHint}</Caption1>
      <div className={styles.actions}>
        <Button disabled={running || periods.length === 0} onClick={() => void run(false, true)}>
          {paneDocumentStrings.additiveRun}
        </Button>
      </div>
      {stage && <StageProgress stage={stage} />}
      {message && (
        <MessageBar {...NO_TITLE} intent="info">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && <OutcomeMessage outcome={outcome} success={taskpaneStrings.summaryApplied(names)} />}
      {dialog(taskpaneStrings.confirmTitle)}
    </div>
  );
}
