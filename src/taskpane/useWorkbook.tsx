/**
 * The workbook as the screens share it: the last read (with its stored settings and the pipeline run on
 * it), whether a read is under way or failed, and the rules and periods chosen on screen. Every screen
 * reads the workbook again (`reload`) before it writes, so it never plans on stale cells.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type JSX, type ReactNode } from "react";
import { presets } from "../core/presets";
import { analyse, initialRules, keepPeriods, periodOptions, type Choice, type PeriodOption, type Snapshot } from "./evaluation";
import type { TaskpaneHost } from "./host";
import { taskpaneStrings as s } from "../core/messages";

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
  /** Reads the workbook again and re-runs detection; undefined when the read failed (see `error`). */
  reload: () => Promise<Snapshot | undefined>;
}

const WorkbookContext = createContext<WorkbookContextValue | undefined>(undefined);

export function WorkbookProvider({ host, children }: { host: TaskpaneHost; children: ReactNode }): JSX.Element {
  const [snapshot, setSnapshot] = useState<Snapshot>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [choice, setChoiceState] = useState<Choice>({ preset: "instrumento", method: "shareMet", periods: [] });
  /** Whether the rules were set from the workbook yet (the first read decides them). */
  const initialised = useRef(false);

  const reload = useCallback(async (): Promise<Snapshot | undefined> => {
    setLoading(true);
    try {
      const read = await host.read();
      if (!read.ok) {
        setError(s.readFailed(read.message));
        return undefined;
      }
      const next = analyse(read.value);
      setSnapshot(next);
      setError(undefined);
      const first = !initialised.current;
      initialised.current = true;
      setChoiceState((current) => {
        const rules = first ? initialRules(next) : { preset: current.preset, method: current.method };
        return { ...rules, periods: keepPeriods(current.periods, periodOptions(next.result.tables, presets[rules.preset])) };
      });
      return next;
    } finally {
      setLoading(false);
    }
  }, [host]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const setChoice = useCallback(
    (update: Partial<Choice>) =>
      setChoiceState((current) => {
        const next = { ...current, ...update };
        if (snapshot && update.periods === undefined) {
          next.periods = keepPeriods(next.periods, periodOptions(snapshot.result.tables, presets[next.preset]));
        }
        return next;
      }),
    [snapshot],
  );

  const periods = useMemo(() => (snapshot ? periodOptions(snapshot.result.tables, presets[choice.preset]) : []), [snapshot, choice.preset]);

  const value = useMemo<WorkbookContextValue>(
    () => ({ host, snapshot, loading, error, choice, setChoice, periods, reload }),
    [host, snapshot, loading, error, choice, setChoice, periods, reload],
  );
  return <WorkbookContext.Provider value={value}>{children}</WorkbookContext.Provider>;
}

/** The shared workbook state (inside `WorkbookProvider`). */
export function useWorkbook(): WorkbookContextValue {
  const value = useContext(WorkbookContext);
  if (!value) throw new Error("useWorkbook outside WorkbookProvider");
  return value;
}
