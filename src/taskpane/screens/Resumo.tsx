/**
 * Screen Resumo: insert or refresh the summary sheet (`Resumo 2025-T1`) of each chosen period, or the
 * reports (a second button): the communiqué of each period, the annual report, the co-financing's per-team
 * sheet and, when ticked, the final report and the final communiqué; or (a third button) the draft proposal
 * of an additive term over the chosen periods. A plan with
 * the summaries only; when a summary sheet of that name exists, the host asks first and a dialog asks the
 * user, who may replace it.
 */
import { useState, type JSX } from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Subtitle1,
} from "@fluentui/react-components";
import { presets } from "../../core/presets";
import { additiveTermPlan, summaryPlan } from "../evaluation";
import { PeriodChecklist } from "../components/PeriodChecklist";
import { readAndEvaluate, StageProgress, type Stage } from "../components/StageProgress";
import { documentStrings as d, taskpaneStrings as s } from "../../core/messages";
import { useScreenStyles } from "../styles";
import { useWorkbook } from "../useWorkbook";
import { useConfirmedApply } from "../components/ConfirmedApply";
import { OutcomeMessage } from "../components/OutcomeMessage";

export function Resumo(): JSX.Element {
  const { choice, reload, periods } = useWorkbook();
  const styles = useScreenStyles();
  const [stage, setStage] = useState<Stage>();
  const [message, setMessage] = useState<string>();
  const { apply, outcome, clearOutcome, dialog } = useConfirmedApply(setStage, () => setMessage(s.summaryCancelled));
  const [names, setNames] = useState<string[]>([]);
  const [final, setFinal] = useState(false);
  const running = stage !== undefined && stage !== "pronto";

  /** `reports`: the communiqués and reports; `additiveTerm`: the proposal of an additive term alone; else the summaries. */
  const onRun = async (reports: boolean | "additiveTerm") => {
    clearOutcome();
    setMessage(undefined);
    if (choice.periods.length === 0) {
      setMessage(s.noPeriodChosen);
      return;
    }
    const read = await readAndEvaluate(reload, choice, setStage);
    if (read.kind === "stopped") {
      if (read.message) setMessage(read.message);
      return;
    }
    const { snapshot, evaluation } = read;
    const plan = reports === "additiveTerm" ? additiveTermPlan(evaluation) : summaryPlan(snapshot.data, evaluation, reports, reports && final);
    setNames(plan.summaries.map((sh) => sh.name));
    await apply(plan);
  };

  return (
    <div className={styles.screen}>
      <Subtitle1 as="h2">{s.summaryHeading}</Subtitle1>
      <Body1 as="p">{s.summaryHint}</Body1>
      {periods.length === 0 && <Body1 as="p">{s.noTables}</Body1>}
      <PeriodChecklist />
      <Caption1>
        {s.presetLabel}: {presets[choice.preset].name} · {s.methods[choice.method]}
      </Caption1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running || periods.length === 0} onClick={() => void onRun(false)}>
          {s.summaryRun}
        </Button>
      </div>
      <Caption1>{s.reportsHint}</Caption1>
      <Checkbox checked={final} onChange={(_, data) => setFinal(data.checked === true)} label={s.finalReport} />
      <div className={styles.actions}>
        <Button disabled={running || periods.length === 0} onClick={() => void onRun(true)}>
          {s.reportsRun}
        </Button>
      </div>
      <Caption1>{d.additiveHint}</Caption1>
      <div className={styles.actions}>
        <Button disabled={running || periods.length === 0} onClick={() => void onRun("additiveTerm")}>
          {d.additiveRun}
        </Button>
      </div>
      {stage && <StageProgress stage={stage} />}
      {message && (
        <MessageBar intent="info">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && <OutcomeMessage outcome={outcome} success={s.summaryApplied(names)} />}
      {dialog(s.confirmTitle)}
    </div>
  );
}
