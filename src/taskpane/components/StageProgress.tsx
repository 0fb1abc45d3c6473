/** A run's progress: a bar and the stage it is in (lendo, avaliando, gravando), in words. */
import type { JSX } from "react";
import { Field, ProgressBar } from "@fluentui/react-components";
import { taskpaneStrings } from "../messages";
import { evaluate, type Choice, type Evaluation, type Snapshot } from "../evaluation";

export type Stage = keyof typeof taskpaneStrings.stages;

const ORDER: Stage[] = ["lendo", "avaliando", "gravando", "pronto"];

export function StageProgress({ stage }: { stage: Stage }): JSX.Element {
  // A quarter of the bar per stage: lendo ¼, avaliando ½, gravando ¾, pronto full.
  const value = (ORDER.indexOf(stage) + 1) / ORDER.length;
  return (
    <Field
      label={taskpaneStrings.progressLabel}
      validationMessage={taskpaneStrings.stages[stage]}
      validationState="none"
    >
      <ProgressBar value={value} max={1} />
    </Field>
  );
}

/** Lets the browser paint the new stage before the next (synchronous) step runs. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The first two stages every run shares (screens Avaliar and Resumo): read the workbook again (`lendo`),
 * then evaluate the chosen periods (`avaliando`). `stopped` when the read failed (the read's own message
 * is already shown) or no chosen period has rows (`message`); the stage is cleared then.
 */
export async function readAndEvaluate(
  reload: () => Promise<Snapshot | undefined>,
  choice: Choice,
  setStage: (stage: Stage | undefined) => void,
): Promise<{ kind: "evaluated"; snapshot: Snapshot; evaluation: Evaluation } | { kind: "stopped"; message?: string }> {
  setStage("lendo");
  const snapshot = await reload();
  if (!snapshot) {
    setStage(undefined);
    return { kind: "stopped" };
  }
  setStage("avaliando");
  await nextPaint();
  const evaluation = evaluate(snapshot.data, snapshot.settings, choice);
  if (evaluation.evaluations.length === 0) {
    setStage(undefined);
    return { kind: "stopped", message: taskpaneStrings.periodNotFound };
  }
  return { kind: "evaluated", snapshot, evaluation };
}
