import { lazy, Suspense, useCallback, useState, type JSX } from "react";
import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Title3,
  Toolbar,
  ToolbarButton,
  makeStaticStyles,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { TaskpaneHost } from "../workbook/host";
import { ReadNotes } from "./components/ReadNotes";
import { TabBar } from "./components/TabBar";
import { NavigationContext, TABS, type TabId } from "./navigation";
import { Inicio } from "./screens/Inicio";
import { paneSharedStrings } from "../workbook/messages";
import { paneStrings, taskpaneStrings } from "./messages";
import { useScreenStyles, NO_TITLE } from "./styles";
import { useWorkbook, WorkbookProvider } from "./useWorkbook";

// The screens after the first load on demand, each its own chunk (prefetched once the page is idle), so
// the page's first script holds only the frame and screen Início (bench/bundle.mjs measures it).
const Avaliar = lazy(() =>
  import(/* webpackChunkName: "avaliar", webpackPrefetch: true */ "./screens/Avaliar").then((m) => ({
    default: m.Avaliar,
  })),
);
const Resumo = lazy(() =>
  import(/* webpackChunkName: "resumo", webpackPrefetch: true */ "./screens/Resumo").then((m) => ({
    default: m.Resumo,
  })),
);
const Comunicado = lazy(() =>
  import(/* webpackChunkName: "resumo", webpackPrefetch: true */ "./screens/Resumo").then((m) => ({
    default: m.Comunicado,
  })),
);
const Justificativas = lazy(() =>
  import(/* webpackChunkName: "justificativas", webpackPrefetch: true */ "./screens/Justificativas").then((m) => ({
    default: m.Justificativas,
  })),
);
const Tabelas = lazy(() =>
  import(/* webpackChunkName: "tabelas", webpackPrefetch: true */ "./screens/Tabelas").then((m) => ({
    default: m.Tabelas,
  })),
);
const Consolidar = lazy(() =>
  import(/* webpackChunkName: "consolidar", webpackPrefetch: true */ "./screens/Consolidar").then((m) => ({
    default: m.Consolidar,
  })),
);
const Regras = lazy(() =>
  import(/* webpackChunkName: "regras", webpackPrefetch: true */ "./screens/Regras").then((m) => ({
    default: m.Regras,
  })),
);
const Modelos = lazy(() =>
  import(/* webpackChunkName: "modelos", webpackPrefetch: true */ "./screens/Modelos").then((m) => ({
    default: m.Modelos,
  })),
);

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

// The browser's default 8 px body margin showed as a white frame around the dark theme.
const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });

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
  toolbar: { padding: 0 },
  signature: {
    fontFamily: tokens.fontFamilyMonospace,
    display: "block",
    // Breaks at the spaces between arguments; inside a word only when the word alone is wider than the pane.
    overflowWrap: "break-word",
  },
});

/** The META functions and how to type them. */
function FunctionList({ functions, level }: { functions: FunctionInfo[]; level: "h2" }): JSX.Element {
  const styles = useStyles();
  const screen = useScreenStyles();
  return (
    <div className={screen.section}>
      <Subtitle1 as={level}>{taskpaneStrings.functionsHeading}</Subtitle1>
      {functions.length === 0 ? (
        <Body1 as="p">{taskpaneStrings.noFunctions}</Body1>
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
      <Caption1>{taskpaneStrings.functionsHint}</Caption1>
    </div>
  );
}

/** The screen of a tab (the lazily loaded ones behind a spinner while their chunk arrives). */
function screenOf(id: TabId, functions: FunctionInfo[], selected: TabId): JSX.Element {
  switch (id) {
    case "inicio":
      return <Inicio />;
    case "avaliar":
      return <Avaliar />;
    case "resumo":
      return <Resumo />;
    case "justificativas":
      return <Justificativas />;
    case "comunicado":
      return <Comunicado />;
    case "tabelas":
      return <Tabelas />;
    case "consolidar":
      return <Consolidar active={selected === "consolidar"} />;
    case "regras":
      return <Regras />;
    case "modelos":
      return <Modelos />;
    case "funcoes":
      return <FunctionList functions={functions} level="h2" />;
  }
}

/**
 * The tabs and their screens. A screen is mounted the first time its tab is opened and stays mounted
 * (hidden when not selected), so it keeps its state.
 */
function Screens({ functions }: { functions: FunctionInfo[] }): JSX.Element {
  const styles = useStyles();
  const { loading, error, reload } = useWorkbook();
  const [tab, setTab] = useState<TabId>("inicio");
  const [opened, setOpened] = useState<Set<TabId>>(() => new Set(["inicio"]));
  const go = useCallback((id: TabId) => {
    setTab(id);
    setOpened((current) => (current.has(id) ? current : new Set(current).add(id)));
  }, []);
  return (
    <NavigationContext.Provider value={go}>
      <TabBar selected={tab} onSelect={go} />
      {/* After a failed read the error's own button reads again: one button, not two. */}
      {!error && (
        <Toolbar className={styles.toolbar} size="small" aria-label={taskpaneStrings.title}>
          <ToolbarButton appearance="subtle" disabled={loading} onClick={() => void reload()}>
            {paneSharedStrings.readAgain}
          </ToolbarButton>
          {loading && <Spinner size="extra-tiny" aria-label={taskpaneStrings.loading} />}
        </Toolbar>
      )}
      {error && (
        <MessageBar {...NO_TITLE} intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void reload()}>{paneSharedStrings.readAgain}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <ReadNotes />
      {TABS.map((id) => (
        <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={id !== tab}>
          {opened.has(id) && (
            <Suspense fallback={<Spinner size="small" label={paneStrings.loadingScreen} />}>
              {screenOf(id, functions, tab)}
            </Suspense>
          )}
        </div>
      ))}
    </NavigationContext.Provider>
  );
}

/** Where the page is: in Excel (with its host), outside Office, or in Office that did not load. */
export type PaneState =
  | { kind: "excel"; host: TaskpaneHost }
  /** Office.js is still loading. */
  | { kind: "loading" }
  /** Opened in a plain browser. */
  | { kind: "outside" }
  /** Inside Office, but Office.js failed to load (`failed`) or has not answered yet (`slow`). */
  | { kind: "officeFailed"; reason: "failed" | "slow" };

export interface AppProps {
  /** The workbook; undefined when the page is opened outside Excel (a notice says where to open it). */
  host?: TaskpaneHost;
  /** Overrides `host`: the page's state while Office loads, or when it did not. */
  state?: PaneState;
  /** Follows the Office theme; light by default. */
  theme?: "light" | "dark";
  functions: FunctionInfo[];
}

export function App({ host, state, theme = "light", functions }: AppProps): JSX.Element {
  useGlobalStyles();
  const styles = useStyles();
  const pane: PaneState = state ?? (host ? { kind: "excel", host } : { kind: "outside" });
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} lang="pt-BR">
      <main className={styles.root}>
        <Title3 as="h1">{taskpaneStrings.title}</Title3>
        {pane.kind === "excel" && (
          <WorkbookProvider host={pane.host}>
            <Screens functions={functions} />
          </WorkbookProvider>
        )}
        {pane.kind === "loading" && <Spinner size="small" label={paneStrings.loadingOffice} />}
        {pane.kind === "officeFailed" && (
          <MessageBar intent={pane.reason === "failed" ? "error" : "warning"} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{paneStrings.officeFailedTitle}</MessageBarTitle>
              {pane.reason === "failed" ? paneStrings.officeFailed : paneStrings.officeSlow}
            </MessageBarBody>
          </MessageBar>
        )}
        {pane.kind === "outside" && (
          <>
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{paneStrings.outsideOfficeTitle}</MessageBarTitle>
                {paneStrings.outsideOffice}
              </MessageBarBody>
            </MessageBar>
            <Body1 as="p">{taskpaneStrings.intro}</Body1>
            <FunctionList functions={functions} level="h2" />
          </>
        )}
      </main>
    </FluentProvider>
  );
}
