import type { JSX } from "react";
import {
  Body1,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { uiStrings as strings } from "../core/messages";

/** A custom function as the task pane lists it (taken from the generated functions.json at build time). */
export interface FunctionInfo {
  name: string;
  description: string;
  parameters: { name: string; optional: boolean }[];
}

/** How a user types the function in pt-BR Excel: `=META.PROPORCAO(numerador; [base])`. */
export function formatSignature(fn: FunctionInfo): string {
  const args = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `=META.${fn.name}(${args.join("; ")})`;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  signature: {
    fontFamily: tokens.fontFamilyMonospace,
    display: "block",
  },
});

export interface AppProps {
  /** False when the page is opened outside Excel (a plain browser): a notice says where to open it. */
  inExcel: boolean;
  functions: FunctionInfo[];
}

/** Placeholder screen until the evaluation screens arrive: what the add-in does and its functions. */
export function App({ inExcel, functions }: AppProps): JSX.Element {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Title3 as="h1">{strings.title}</Title3>
        {!inExcel && (
          <MessageBar intent="warning">
            <MessageBarBody>{strings.openInExcel}</MessageBarBody>
          </MessageBar>
        )}
        <Body1 as="p">{strings.intro}</Body1>
        <Subtitle2 as="h2">{strings.functionsHeading}</Subtitle2>
        {functions.length === 0 ? (
          <Body1 as="p">{strings.noFunctions}</Body1>
        ) : (
          <ul className={styles.list}>
            {functions.map((fn) => (
              <li key={fn.name}>
                <code className={styles.signature}>{formatSignature(fn)}</code>
                <Caption1>{fn.description}</Caption1>
              </li>
            ))}
          </ul>
        )}
        <Caption1>{strings.functionsHint}</Caption1>
      </main>
    </FluentProvider>
  );
}
