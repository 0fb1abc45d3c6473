import { useState, type JSX } from "react";
import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { TaskpaneHost } from "./host";
import { ReadNotes } from "./components/ReadNotes";
import { Avaliar } from "./screens/Avaliar";
import { Consolidar } from "./screens/Consolidar";
import { Justificativas } from "./screens/Justificativas";
import { Modelos } from "./screens/Modelos";
import { Regras } from "./screens/Regras";
import { Resumo } from "./screens/Resumo";
import { Tabelas } from "./screens/Tabelas";
import { consolidarPaneStrings, taskpaneStrings as strings } from "../core/messages";
import { useScreenStyles } from "./styles";
import { useWorkbook, WorkbookProvider } from "./useWorkbook";

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
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  tabs: {
    flexWrap: "wrap",
  },
  signature: {
    fontFamily: tokens.fontFamilyMonospace,
    display: "block",
    overflowWrap: "anywhere",
  },
});

/** The META functions and how to type them. */
function FunctionList({ functions, level }: { functions: FunctionInfo[]; level: "h2" }): JSX.Element {
  const styles = useStyles();
  const screen = useScreenStyles();
  return (
    <div className={screen.section}>
      <Subtitle1 as={level}>{strings.functionsHeading}</Subtitle1>
      {functions.length === 0 ? (
        <Body1 as="p">{strings.noFunctions}</Body1>
      ) : (
        <ul className={screen.list}>
          {functions.map((fn) => (
            <li key={fn.name}>
              <code className={styles.signature}>{formatSignature(fn)}</code>
              <Caption1>{fn.description}</Caption1>
            </li>
          ))}
        </ul>
      )}
      <Caption1>{strings.functionsHint}</Caption1>
    </div>
  );
}

/** The tabs' labels: the screens' (taskpaneStrings.tabs) and Consolidar's, whose texts are its own. */
const TAB_LABELS = { ...strings.tabs, consolidar: consolidarPaneStrings.tab };
type TabId = keyof typeof TAB_LABELS;
const TABS: TabId[] = ["tabelas", "avaliar", "resumo", "consolidar", "justificativas", "regras", "modelos", "funcoes"];

/** The screens, one per tab; every panel stays mounted (hidden when not selected) so a screen keeps its state. */
function Screens({ functions }: { functions: FunctionInfo[] }): JSX.Element {
  const styles = useStyles();
  const { snapshot, loading, error, reload } = useWorkbook();
  const [tab, setTab] = useState<TabId>("tabelas");
  const screens: Record<TabId, JSX.Element> = {
    tabelas: <Tabelas />,
    avaliar: <Avaliar />,
    resumo: <Resumo />,
    consolidar: <Consolidar active={tab === "consolidar"} />,
    justificativas: <Justificativas />,
    regras: <Regras />,
    modelos: <Modelos />,
    funcoes: <FunctionList functions={functions} level="h2" />,
  };
  return (
    <>
      <TabList
        className={styles.tabs}
        size="small"
        aria-label={strings.tabsLabel}
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as TabId)}
      >
        {TABS.map((id) => (
          <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
            {TAB_LABELS[id]}
          </Tab>
        ))}
      </TabList>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void reload()}>{strings.readAgain}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <ReadNotes />
      {!snapshot && loading && <Spinner size="small" label={strings.loading} />}
      {TABS.map((id) => (
        <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={id !== tab}>
          {screens[id]}
        </div>
      ))}
    </>
  );
}

export interface AppProps {
  /** The workbook; undefined when the page is opened outside Excel (a notice says where to open it). */
  host: TaskpaneHost | undefined;
  /** Follows the Office theme; light by default. */
  theme?: "light" | "dark";
  functions: FunctionInfo[];
}

export function App({ host, theme = "light", functions }: AppProps): JSX.Element {
  const styles = useStyles();
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} lang="pt-BR">
      <main className={styles.root}>
        <Title3 as="h1">{strings.title}</Title3>
        {host ? (
          <WorkbookProvider host={host}>
            <Screens functions={functions} />
          </WorkbookProvider>
        ) : (
          <>
            <MessageBar intent="warning">
              <MessageBarBody>{strings.openInExcel}</MessageBarBody>
            </MessageBar>
            <Body1 as="p">{strings.intro}</Body1>
            <FunctionList functions={functions} level="h2" />
          </>
        )}
      </main>
    </FluentProvider>
  );
}
