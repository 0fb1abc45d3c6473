/** A run's progress: a bar and the stage it is in (lendo, avaliando, gravando), in words. */
import type { JSX } from "react";
import { Field, ProgressBar } from "@fluentui/react-components";
import { taskpaneStrings as s } from "../../core/messages";

export type Stage = keyof typeof s.stages;

const ORDER: Stage[] = ["lendo", "avaliando", "gravando", "pronto"];

export function StageProgress({ stage }: { stage: Stage }): JSX.Element {
  // A quarter of the bar per stage: lendo ¼, avaliando ½, gravando ¾, pronto full.
  const value = (ORDER.indexOf(stage) + 1) / ORDER.length;
  return (
    <Field label={s.progressLabel} validationMessage={s.stages[stage]} validationState="none">
      <ProgressBar value={value} max={1} />
    </Field>
  );
}

/** Lets the browser paint the new stage before the next (synchronous) step runs. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
