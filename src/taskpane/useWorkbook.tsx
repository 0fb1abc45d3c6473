/**
 * The workbook as the screens share it: the last read (with its stored settings and the pipeline run on
 * it), whether a read is under way or failed, and the rules and periods chosen on screen. Every screen
 * reads the workbook again (`reload`) before it writes, so it never plans on stale cells.
 *
 * When it reads on its own: once the pane is on screen (never in the hidden runtime Excel starts to
 * calculate the add-in's functions), again each time the pane is shown after being hidden, and, a moment
 * after the user activates, adds or deletes a sheet (`host.subscribe`), when the pane is on screen.
 *
 * The pipeline (detection, evaluation, plans) is loaded on the first read, not with the page: the page's
 * first script stays small (see bench/bundle.mjs).
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type JSX,
  type ReactNode,
} from "react";
import type { Choice, PeriodOption, Snapshot } from "./evaluation";
import type { TaskpaneHost } from "../workbook/host";
import { taskpaneStrings } from "./messages";

type EvaluationModule = typeof import("./evaluation");

let evaluationModule: Promise<EvaluationModule> | undefined;
/** The pipeline's module, loaded once (its own chunk). */
function loadEvaluation(): Promise<EvaluationModule> {
  evaluationModule ??= import(/* webpackChunkName: "pipeline" */ "./evaluation");
  return evaluationModule;
}

/** How long after a sheet event the pane waits for more before it reads (switching sheets fires several). */
export const CHANGE_DEBOUNCE_MS = 400;

export interface WorkbookContextValue {
  host: TaskpaneHost;
  snapshot?: Snapshot;
  loading: boolean;
  /** The last read failed: a pt-BR message. */
  error?: string;
  choice: Choice;
  setChoice: (update: Partial<Choice>) => void;
  /** The periods offered for the chosen preset. */
  periods: PeriodOption[];
  /** The chosen preset's name ("" before the first read). */
  presetName: string;
  /** Reads the workbook again and re-runs detection; undefined when the read failed (see `error`). */
  reload: () => Promise<Snapshot | undefined>;
}

const WorkbookContext = createContext<WorkbookContextValue | undefined>(undefined);

export function WorkbookProvider({ host, children }: { host: TaskpaneHost; children: ReactNode }): JSX.Element {
  const [snapshot, setSnapshot] = useState<Snapshot>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [choice, setChoiceState] = useState<Choice>({ preset: "instrumento", method: "shareMet", periods: [] });
  const [evaluation, setEvaluation] = useState<EvaluationModule>();
  /** Whether the pane is on screen. */
  const [shown, setShown] = useState(() => host.isShown?.() ?? true);
  /** Bumped when the workbook may have changed: a read follows when the pane is on screen. */
  const [changes, setChanges] = useState(0);
  /** Whether the rules were set from the workbook yet (the first read decides them). */
  const initialised = useRef(false);
  /** The last read is older than the workbook (or there is none). */
  const stale = useRef(true);

  const reload = useCallback(async (): Promise<Snapshot | undefined> => {
    setLoading(true);
    stale.current = false;
    try {
      const [read, ev] = await Promise.all([host.read(), loadEvaluation()]);
      setEvaluation(() => ev);
      if (!read.ok) {
        setError(taskpaneStrings.readFailed(read.message));
        return undefined;
      }
      const next = ev.analyse(read.value);
      setSnapshot(next);
      setError(undefined);
      const first = !initialised.current;
      initialised.current = true;
      setChoiceState((current) => {
        const rules = first ? ev.initialRules(next) : { preset: current.preset, method: current.method };
        return {
          ...rules,
          periods: ev.keepPeriods(current.periods, ev.periodOptions(next.result.tables, ev.presetOf(rules.preset))),
        };
      });
      return next;
    } finally {
      setLoading(false);
    }
  }, [host]);

  // Read when on screen and the last read is stale: at first, when shown again, after sheet events.
  useEffect(() => {
    if (shown && stale.current) void reload();
  }, [shown, changes, reload]);

  useEffect(() => {
    if (!host.subscribe) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = host.subscribe((event) => {
      if (event === "hidden") {
        setShown(false);
        return;
      }
      // Anything may have changed while the pane was hidden (another sheet, typed results).
      stale.current = true;
      if (event === "shown") {
        setShown(true);
        setChanges((n) => n + 1);
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => setChanges((n) => n + 1), CHANGE_DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [host]);

  const setChoice = useCallback(
    (update: Partial<Choice>) =>
      setChoiceState((current) => {
        const next = { ...current, ...update };
        if (snapshot && evaluation && update.periods === undefined) {
          next.periods = evaluation.keepPeriods(
            next.periods,
            evaluation.periodOptions(snapshot.result.tables, evaluation.presetOf(next.preset)),
          );
        }
        return next;
      }),
    [snapshot, evaluation],
  );

  const periods = useMemo(
    () =>
      snapshot && evaluation
        ? evaluation.periodOptions(snapshot.result.tables, evaluation.presetOf(choice.preset))
        : [],
    [snapshot, evaluation, choice.preset],
  );

  const presetName = evaluation ? evaluation.presetOf(choice.preset).name : "";

  const value = useMemo<WorkbookContextValue>(
    () => ({ host, snapshot, loading, error, choice, setChoice, periods, presetName, reload }),
    [host, snapshot, loading, error, choice, setChoice, periods, presetName, reload],
  );
  return <WorkbookContext.Provider value={value}>{children}</WorkbookContext.Provider>;
}

/** The shared workbook state (inside `WorkbookProvider`). */
export function useWorkbook(): WorkbookContextValue {
  const value = useContext(WorkbookContext);
  if (!value) throw new Error("useWorkbook outside WorkbookProvider");
  return value;
}
