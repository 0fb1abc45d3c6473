/**
 * Screen Justificativas: the performance indicators not met in a period, with result and target; for each,
 * the commission's decision (Total / Parcial / Não) and the justification, written into the table's
 * `Justificativa` and `Justificativa aceita` columns (created when missing: workbook/plan/justifications). Then
 * the workbook is read and evaluated again, so the screen shows the decisions counted.
 */
import { useMemo, useState, type JSX } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Subtitle1,
  Subtitle2,
  Textarea,
} from "@fluentui/react-components";
import { indicatorKey, type IndicatorEvaluation, type LocatedProblem } from "../../core/evaluate";
import type { JustificationDecision } from "../../core/types";
import {
  planJustifications,
  type JustificationDecisionText,
  type JustificationEntry,
} from "../../workbook/plan/justifications";
import { BandChip } from "../components/BandChip";
import { ProblemList } from "../components/ProblemList";
import { evaluate } from "../evaluation";
import { figureText, indicatorLabel, overallLabel, percentText, resultText, targetText } from "../format";
import type { CellWrite } from "../../workbook/host";
import { nationalStrings, paneSharedStrings } from "../../workbook/messages";
import { paneStrings, taskpaneStrings } from "../messages";
import { useNavigate } from "../navigation";
import { useScreenStyles, NO_TITLE } from "../styles";
import { useWorkbook } from "../useWorkbook";
import { missedTargets } from "../../workbook/view";
import { pushAll } from "../../core/arrays";

const DECISIONS: JustificationDecisionText[] = ["Total", "Parcial", "Não"];

function decisionText(d: JustificationDecision | undefined): JustificationDecisionText | "" {
  return d === "total" ? "Total" : d === "partial" ? "Parcial" : d === "rejected" ? "Não" : "";
}

interface Draft {
  decision: JustificationDecisionText | "";
  text: string;
}

/** The performance indicators with data that missed their target (the view's one rule for it). */
function missedOf(indicators: IndicatorEvaluation[]): IndicatorEvaluation[] {
  return missedTargets({ indicators });
}

interface FormProps {
  missed: IndicatorEvaluation[];
  busy: boolean;
  onSave: (drafts: Map<string, Draft>) => void;
}

/** The decisions being edited; remounted (fresh drafts) whenever the evaluation's decisions change. */
function JustificationForm({ missed, busy, onSave }: FormProps): JSX.Element {
  const styles = useScreenStyles();
  const [drafts, setDrafts] = useState(
    () =>
      new Map(
        missed.map((i) => [i.key, { decision: decisionText(i.decision), text: i.justification ?? "" } satisfies Draft]),
      ),
  );
  const update = (key: string, change: Partial<Draft>) =>
    setDrafts((current) =>
      new Map(current).set(key, { ...(current.get(key) ?? { decision: "", text: "" }), ...change }),
    );
  return (
    <form
      className={styles.section}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(drafts);
      }}
    >
      <ul className={styles.plainList}>
        {missed.map((i) => {
          const draft = drafts.get(i.key) ?? { decision: "", text: "" };
          const name = indicatorLabel(i);
          return (
            <li key={i.key} className={styles.item}>
              <Subtitle2 as="h3">{name}</Subtitle2>
              <Caption1>
                {taskpaneStrings.indicatorFigures(resultText(i), targetText(i), percentText(i.attainment?.scored ?? 0))}
              </Caption1>
              <Field label={`${taskpaneStrings.decisionLabel} — ${name}`}>
                <RadioGroup
                  layout="horizontal"
                  value={draft.decision}
                  onChange={(_, data) => update(i.key, { decision: data.value as JustificationDecisionText })}
                >
                  {DECISIONS.map((d) => (
                    <Radio key={d} value={d} label={taskpaneStrings.decisions[d]} />
                  ))}
                </RadioGroup>
              </Field>
              <Field label={`${taskpaneStrings.justificationText} — ${name}`}>
                <Textarea
                  value={draft.text}
                  resize="vertical"
                  rows={4}
                  onChange={(_, data) => update(i.key, { text: data.value })}
                />
              </Field>
            </li>
          );
        })}
      </ul>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {taskpaneStrings.justificationsSave}
        </Button>
      </div>
    </form>
  );
}

export function Justificativas(): JSX.Element {
  const { host, snapshot, choice, periods, reload } = useWorkbook();
  const styles = useScreenStyles();
  const [chosen, setChosen] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: "success" | "error" | "warning"; text: string }>();
  const [problems, setProblems] = useState<LocatedProblem[]>([]);
  const go = useNavigate();

  const periodKey =
    chosen !== undefined && periods.some((p) => p.key === chosen)
      ? chosen
      : (choice.periods[choice.periods.length - 1] ?? periods[periods.length - 1]?.key);
  const ev = useMemo(() => {
    if (!snapshot || periodKey === undefined) return undefined;
    return evaluate(snapshot.data, snapshot.settings, { ...choice, periods: [periodKey] }).evaluations[0];
  }, [snapshot, choice, periodKey]);
  const missed = ev ? missedOf(ev.indicators) : [];
  const formKey = `${periodKey}|${missed.map((i) => `${i.key}:${i.decision ?? ""}:${i.justification ?? ""}`).join("|")}`;

  const onSave = async (drafts: Map<string, Draft>) => {
    setMessage(undefined);
    setProblems([]);
    const entries: JustificationEntry[] = [];
    for (const i of missed) {
      const draft = drafts.get(i.key);
      if (!draft || draft.decision === "") continue;
      entries.push({
        indicatorKey: i.key,
        ...(ev?.period ? { period: ev.period } : {}),
        text: draft.text,
        decision: draft.decision,
      });
    }
    if (entries.length === 0) {
      setMessage({ intent: "warning", text: taskpaneStrings.justificationsNothing });
      return;
    }
    setBusy(true);
    try {
      // Plan on the workbook as it is now (owned columns written since the last read move the new columns).
      const fresh = await reload();
      if (!fresh) return;
      const cells: CellWrite[] = [];
      const found: LocatedProblem[] = [];
      const placed = new Set<string>();
      for (const table of fresh.result.tables) {
        const here = entries.filter((e) => table.rows.some((r) => indicatorKey(r) === e.indicatorKey));
        if (here.length === 0) continue;
        here.forEach((e) => placed.add(e.indicatorKey));
        const planned = planJustifications(fresh.data, table, here);
        pushAll(cells, planned.cells);
        pushAll(found, planned.problems);
      }
      for (const e of entries) {
        if (placed.has(e.indicatorKey)) continue;
        const name = missed.find((i) => i.key === e.indicatorKey)?.indicator ?? e.indicatorKey;
        found.push({
          code: "invalidArgument",
          indicator: name,
          message: paneSharedStrings.justificationNoRows(name, undefined),
        });
      }
      setProblems(found);
      if (cells.length === 0) return;
      const written = await host.writeCells(cells);
      if (!written.ok) {
        setMessage({ intent: "error", text: taskpaneStrings.failed(written.message) });
        return;
      }
      await reload();
      setMessage({ intent: "success", text: taskpaneStrings.justificationsSaved(cells.length) });
    } finally {
      setBusy(false);
    }
  };

  const partial = percentText(snapshot?.settings.parcial ?? 0.5);
  const value = ev ? figureText(ev) : undefined;
  return (
    <div className={styles.screen}>
      <Subtitle1 as="h2">{taskpaneStrings.justificationsHeading}</Subtitle1>
      <Body1 as="p">{taskpaneStrings.justificationsHint(partial)}</Body1>
      {periods.length === 0 ? (
        <Body1 as="p">{taskpaneStrings.noTables}</Body1>
      ) : (
        <Field label={taskpaneStrings.periodLabel}>
          <Select value={periodKey ?? ""} onChange={(_, data) => setChosen(data.value)}>
            {periods.map((p) => (
              <option key={p.key} value={p.key}>
                {p.text}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {ev && (
        <div className={styles.section} aria-live="polite">
          <Body1>
            {overallLabel(ev)}: <strong>{value ?? taskpaneStrings.notComputed}</strong>
          </Body1>
          {ev.band && <BandChip band={ev.band.band} />}
        </div>
      )}
      {/* National rules have no commission: decisions recorded here are shown, never scored. */}
      {ev && ev.preset.commission === false && (
        <MessageBar {...NO_TITLE} intent="info">
          <MessageBarBody>{nationalStrings.justificationsNotScored(ev.preset.name)}</MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <MessageBar {...NO_TITLE} intent={message.intent} layout="multiline">
          <MessageBarBody>{message.text}</MessageBarBody>
          {message.intent === "success" && (
            <MessageBarActions>
              <Button onClick={() => go("comunicado")}>{paneStrings.nextCommunique}</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      <ProblemList problems={problems} />
      {ev && missed.length === 0 && <Body1 as="p">{taskpaneStrings.justificationsNone}</Body1>}
      {ev && missed.length > 0 && (
        <JustificationForm key={formKey} missed={missed} busy={busy} onSave={(d) => void onSave(d)} />
      )}
    </div>
  );
}
