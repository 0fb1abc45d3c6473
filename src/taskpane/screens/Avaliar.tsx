/**
 * Screen Avaliar: choose the periods, the preset and the method; read the workbook, evaluate, and write the
 * owned columns (Atingimento, Conceito) and their colours — no summary sheet here (screen Resumo) — with a
 * progress bar through the stages lendo, avaliando, gravando. Then the overall figure and band of each
 * period, the targets not met, the pending indicators and the problems (a click selects the cell).
 */
import { useState, type JSX } from "react";
import { Body1, Button, MessageBar, MessageBarBody, Subtitle1 } from "@fluentui/react-components";
import type { ApplyOutcome } from "../../workbook/host";
import { OutcomeMessage } from "../components/OutcomeMessage";
import { ownedPlan, type Evaluation } from "../evaluation";
import { EvaluationView } from "../components/EvaluationView";
import { PeriodChecklist } from "../components/PeriodChecklist";
import { ProblemList } from "../components/ProblemList";
import { RulesChoice } from "../components/RulesChoice";
import { readAndEvaluate, StageProgress, type Stage } from "../components/StageProgress";
import { paneStrings, taskpaneStrings } from "../messages";
import { useNavigate } from "../navigation";
import { useScreenStyles, NO_TITLE } from "../styles";
import { useWorkbook } from "../useWorkbook";

interface RunState {
  evaluation?: Evaluation;
  outcome?: ApplyOutcome;
  message?: string;
}

export function Avaliar(): JSX.Element {
  const { host, choice, setChoice, reload, periods } = useWorkbook();
  const styles = useScreenStyles();
  const [stage, setStage] = useState<Stage>();
  const [run, setRun] = useState<RunState>({});
  const running = stage !== undefined && stage !== "pronto";
  const go = useNavigate();

  const onRun = async () => {
    if (choice.periods.length === 0) {
      setRun({ message: taskpaneStrings.noPeriodChosen });
      return;
    }
    setRun({});
    const read = await readAndEvaluate(reload, choice, setStage);
    if (read.kind === "stopped") {
      if (read.message) setRun({ message: read.message });
      return;
    }
    const { snapshot, evaluation } = read;
    const plan = ownedPlan(snapshot.data, evaluation);
    setStage("gravando");
    const outcome = await host.apply(plan, { replaceSummaries: false });
    // "Concluído." and a full bar only when something was written: a refusal or a failure clears them.
    setStage(outcome.kind === "applied" ? "pronto" : undefined);
    setRun({ evaluation, outcome });
    // The owned columns are in the workbook now: later screens must plan around them.
    if (outcome.kind === "applied") await reload();
  };

  const ev = run.evaluation;
  return (
    <div className={styles.screen}>
      <Subtitle1 as="h2">{taskpaneStrings.evaluateHeading}</Subtitle1>
      <Body1 as="p">{taskpaneStrings.evaluateHint}</Body1>
      {periods.length === 0 && <Body1 as="p">{taskpaneStrings.noTables}</Body1>}
      <PeriodChecklist />
      <RulesChoice
        preset={choice.preset}
        method={choice.method}
        disabled={running}
        onPreset={(preset) => setChoice({ preset })}
        onMethod={(method) => setChoice({ method })}
      />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running || periods.length === 0} onClick={() => void onRun()}>
          {taskpaneStrings.evaluateRun}
        </Button>
      </div>
      {stage && <StageProgress stage={stage} />}
      {run.message && (
        <MessageBar {...NO_TITLE} intent="warning">
          <MessageBarBody>{run.message}</MessageBarBody>
        </MessageBar>
      )}
      {run.outcome && (
        <OutcomeMessage
          outcome={run.outcome}
          success={taskpaneStrings.evaluateApplied}
          next={{ label: paneStrings.nextSummary, onClick: () => go("resumo") }}
        />
      )}
      {ev && (
        <>
          {ev.evaluations.map((e) => (
            <EvaluationView key={e.period?.label ?? ""} ev={e} />
          ))}
          <ProblemList problems={ev.settingsProblems} heading={taskpaneStrings.settingsProblemsHeading} />
          <ProblemList
            problems={ev.result.problems}
            heading={taskpaneStrings.tableProblemsHeading(ev.result.problems.length)}
          />
        </>
      )}
    </div>
  );
}
