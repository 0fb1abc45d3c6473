/** What became of a plan the host applied: written, refused (with the reasons, which select their cells), or failed. */
import { NO_TITLE } from "../styles";
import type { JSX } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { ApplyOutcome } from "../../workbook/host";
import { taskpaneStrings } from "../messages";
import { ProblemList } from "./ProblemList";

/** `next`: the step that follows in the path, offered beside the success message. */
export function OutcomeMessage({
  outcome,
  success,
  next,
}: {
  outcome: ApplyOutcome;
  success: string;
  next?: { label: string; onClick: () => void };
}): JSX.Element | null {
  if (outcome.kind === "applied") {
    return (
      <MessageBar {...NO_TITLE} intent="success" layout="multiline">
        <MessageBarBody>{success}</MessageBarBody>
        {next && (
          <MessageBarActions>
            <Button onClick={next.onClick}>{next.label}</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    );
  }
  if (outcome.kind === "failed") {
    return (
      <MessageBar {...NO_TITLE} intent="error">
        <MessageBarBody>{taskpaneStrings.failed(outcome.message)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (outcome.kind === "refused") {
    return (
      <MessageBar {...NO_TITLE} intent="error" layout="multiline">
        <MessageBarBody>
          {taskpaneStrings.refused}
          <ProblemList problems={outcome.problems} heading={null} />
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
