/** Problems with where they are: a problem that names a cell is a link that selects it in Excel. */
import { useState, type JSX } from "react";
import { Body1, Link, MessageBar, MessageBarBody, Subtitle2 } from "@fluentui/react-components";
import type { LocatedProblem } from "../../core/evaluate";
import { taskpaneStrings } from "../messages";
import { useScreenStyles, NO_TITLE } from "../styles";
import { useWorkbook } from "../useWorkbook";

export interface ProblemListProps {
  problems: LocatedProblem[];
  /** Defaults to "Problemas nos dados (n)"; `null` for no heading. */
  heading?: string | null;
  /** Heading level: h3 inside a screen, h4 inside a period. */
  level?: 3 | 4;
}

export function ProblemList({ problems, heading, level = 3 }: ProblemListProps): JSX.Element | null {
  const { host } = useWorkbook();
  const styles = useScreenStyles();
  const [failure, setFailure] = useState<string>();
  if (problems.length === 0) return null;
  const go = async (sheet: string, cell: string) => {
    const outcome = await host.select(sheet, cell);
    setFailure(outcome.ok ? undefined : outcome.message);
  };
  return (
    <div className={styles.section}>
      {heading !== null && (
        <Subtitle2 as={level === 3 ? "h3" : "h4"}>
          {heading ?? taskpaneStrings.problemsHeading(problems.length)}
        </Subtitle2>
      )}
      <ul className={styles.list}>
        {problems.map((p, i) => {
          const sheet = p.sheet;
          const cell = p.cell;
          const where = sheet ? taskpaneStrings.where(sheet, cell) : undefined;
          return (
            <li key={i} className={styles.wrap}>
              {sheet && cell ? (
                <>
                  <Link as="button" aria-label={taskpaneStrings.goToCell(where!)} onClick={() => void go(sheet, cell)}>
                    {where}
                  </Link>
                  <Body1>: {p.message}</Body1>
                </>
              ) : (
                <Body1>{where ? `${where}: ${p.message}` : p.message}</Body1>
              )}
            </li>
          );
        })}
      </ul>
      {failure && (
        <MessageBar {...NO_TITLE} intent="error">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
