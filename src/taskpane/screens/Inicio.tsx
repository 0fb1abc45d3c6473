/**
 * Screen Início, the first the pane shows: what was found in the workbook in plain words (how many
 * indicator tables, on which sheets, how many indicators, which periods and rules, whether something in
 * the data needs a look), the path of an evaluation in four steps, and one thing to do next: start
 * evaluating, or, with no table, insert a ready-made one. Where the tables are, their layout and columns
 * stay one click away ("Ver detalhes", screen Tabelas).
 */
import type { JSX } from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { paneStrings } from "../messages";
import { useNavigate } from "../navigation";
import { useScreenStyles, NO_TITLE } from "../styles";
import { useWorkbook } from "../useWorkbook";

const useStyles = makeStyles({
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  step: { display: "flex", flexDirection: "column" },
  // The facts read as one short block, not three paragraphs a line apart.
  fact: { margin: 0 },
});

export function Inicio(): JSX.Element {
  const { snapshot, loading, presetName, periods } = useWorkbook();
  const styles = useScreenStyles();
  const own = useStyles();
  const go = useNavigate();

  const overview = snapshot?.overview;
  const found = overview && overview.tables > 0;
  return (
    <div className={styles.screen}>
      <section className={styles.section} aria-labelledby="home-found">
        <Subtitle1 as="h2" id="home-found">
          {paneStrings.homeHeading}
        </Subtitle1>
        {!snapshot && loading && <Spinner size="tiny" labelPosition="after" label={paneStrings.homeReading} />}
        {overview && found && (
          <>
            <Body1 as="p" className={own.fact}>
              {paneStrings.homeFound(overview.tables, overview.sheets)}{" "}
              {paneStrings.homeIndicators(overview.indicators)}.
            </Body1>
            <Body1 as="p" className={own.fact}>
              {paneStrings.homePeriods(periods.filter((o) => o.period).map((o) => o.text))}
            </Body1>
            <Body1 as="p" className={own.fact}>
              {paneStrings.homeRules(presetName)}
            </Body1>
            {overview.problems > 0 && (
              <MessageBar {...NO_TITLE} intent="warning">
                <MessageBarBody>{paneStrings.homeAttention(overview.problems)}</MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.actions}>
              <Button appearance="primary" onClick={() => go("avaliar")}>
                {paneStrings.homeStart}
              </Button>
              <Button appearance="subtle" onClick={() => go("tabelas")}>
                {paneStrings.homeDetails}
              </Button>
            </div>
          </>
        )}
        {overview && !found && (
          <MessageBar {...NO_TITLE} intent="info" layout="multiline">
            <MessageBarBody>{paneStrings.homeNone}</MessageBarBody>
            <MessageBarActions>
              <Button appearance="primary" onClick={() => go("modelos")}>
                {paneStrings.homeInsertTemplate}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </section>
      <section className={styles.section} aria-labelledby="home-steps">
        <Subtitle2 as="h3" id="home-steps">
          {paneStrings.stepsHeading}
        </Subtitle2>
        <ol className={own.steps}>
          {paneStrings.steps.map((step) => (
            <li key={step.title} className={own.step}>
              <Body1>
                <strong>{step.title}</strong>
              </Body1>
              <Caption1>{step.text}</Caption1>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
