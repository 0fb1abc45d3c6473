/** What became of a plan the host applied: written, refused (with the reasons, which select their cells), or failed. */
import type { JSX } from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { ApplyOutcome } from "../host";
import { taskpaneStrings as s } from "../../core/messages";
import { ProblemList } from "./ProblemList";

export function OutcomeMessage({ outcome, success }: { outcome: ApplyOutcome; success: string }): JSX.Element | null {
  if (outcome.kind === "applied") {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{success}</MessageBarBody>
      </MessageBar>
    );
  }
  if (outcome.kind === "failed") {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{s.failed(outcome.message)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (outcome.kind === "refused") {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          {s.refused}
          <ProblemList problems={outcome.problems} heading={null} />
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
