/**
 * What the last read of the workbook left out and the user should know (e.g. merged cells on an Excel too
 * old to report them): one warning each, above every screen, for as long as that read is the current one.
 */
import type { JSX } from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useWorkbook } from "../useWorkbook";

export function ReadNotes(): JSX.Element | null {
  const notes = useWorkbook().snapshot?.data.readNotes ?? [];
  if (notes.length === 0) return null;
  return (
    <>
      {notes.map((note) => (
        <MessageBar key={note} intent="warning" layout="multiline">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
