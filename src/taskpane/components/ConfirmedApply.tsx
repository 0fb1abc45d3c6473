/**
 * Applying a plan that writes add-in sheets (screens Resumo and Consolidar): the host checks first and,
 * when a sheet of that name exists, answers `needsConfirmation`; a dialog then asks the user, who may
 * replace it (the plan applied again with `replaceSummaries`) or cancel (nothing written).
 */
import { useState, type JSX } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { taskpaneStrings } from "../messages";
import type { WritePlan } from "../../workbook/plan/types";
import type { ApplyOutcome } from "../../workbook/host";
import { useWorkbook } from "../useWorkbook";
import type { Stage } from "./StageProgress";

interface Pending {
  plan: WritePlan;
  sheets: string[];
}

export interface ConfirmedApply {
  /** Applies the plan without replacing anything; asks first when the host says a sheet exists. */
  apply: (plan: WritePlan) => Promise<void>;
  outcome?: ApplyOutcome;
  clearOutcome: () => void;
  /** The question, when one is open. */
  dialog: (title: string) => JSX.Element;
}

/**
 * `setStage`: the screen's progress (`gravando` while writing, `pronto` when done); `onCancel`: what the
 * screen says when the user keeps the existing sheet. The workbook is read again after a write.
 */
export function useConfirmedApply(setStage: (stage: Stage | undefined) => void, onCancel: () => void): ConfirmedApply {
  const { host, reload } = useWorkbook();
  const [outcome, setOutcome] = useState<ApplyOutcome>();
  const [pending, setPending] = useState<Pending>();

  const write = async (plan: WritePlan, replaceSummaries: boolean) => {
    setStage("gravando");
    const result = await host.apply(plan, { replaceSummaries });
    if (result.kind === "needsConfirmation") {
      setPending({ plan, sheets: result.sheets });
      setStage(undefined);
      return;
    }
    // "Concluído." and a full bar only when something was written: a refusal or a failure clears them.
    setStage(result.kind === "applied" ? "pronto" : undefined);
    setOutcome(result);
    if (result.kind === "applied") await reload();
  };

  const confirm = async () => {
    const plan = pending?.plan;
    setPending(undefined);
    if (plan) await write(plan, true);
  };

  const cancel = () => {
    setPending(undefined);
    onCancel();
  };

  const dialog = (title: string) => (
    <Dialog open={pending !== undefined} modalType="alert" onOpenChange={(_, data) => !data.open && cancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{pending ? taskpaneStrings.confirmText(pending.sheets) : ""}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => void confirm()}>
              {taskpaneStrings.confirmReplace}
            </Button>
            <Button appearance="secondary" onClick={cancel}>
              {taskpaneStrings.confirmCancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );

  return { apply: (plan) => write(plan, false), outcome, clearOutcome: () => setOutcome(undefined), dialog };
}
