/**
 * Screen Regras: the rules stored in the workbook — preset, method, the share a partially accepted
 * justification earns, and the recommendation bands (typed as lower bounds, checked live by
 * `bandTableFromLowerBounds`). "Restaurar padrão" goes back to the preset's own; "Salvar regras" stores
 * them with `host.saveSettings`, keeping the column mapping and the rest of the stored settings.
 */
import { useState, type JSX } from "react";
import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle1,
  Subtitle2,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { bandTableFromLowerBounds } from "../../core/bands";
import { formatNumber, messages } from "../../core/messages";
import { taskpaneStrings } from "../messages";
import { parseNumberText } from "../../core/parse";
import { presets, type Preset, type PresetId } from "../../core/presets";
import type { Band, OverallMethod } from "../../core/types";
import type { RuleName, StoredBand, WorkbookSettings } from "../../workbook/settings";
import { ProblemList } from "../components/ProblemList";
import { RulesChoice } from "../components/RulesChoice";
import { methodOf } from "../evaluation";
import { useScreenStyles, NO_TITLE } from "../styles";
import { useWorkbook } from "../useWorkbook";

const useStyles = makeStyles({
  swatch: {
    display: "inline-block",
    width: "1.25em",
    height: "1.25em",
    verticalAlign: "middle",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
  },
});

interface BandRow {
  id: number;
  lower: string;
  label: string;
  recommendation: string;
  color: string;
}

let nextId = 1;
const newRow = (row: Omit<BandRow, "id">): BandRow => ({ id: nextId++, ...row });

function lowerOf(band: Band, min: number): number {
  const lowers = band.intervals.map((i) => i.lower?.value ?? min);
  return lowers.length > 0 ? Math.min(...lowers) : min;
}

/** The preset's own bands as editable rows, best first. */
function presetRows(preset: Preset): BandRow[] {
  const table = preset.bands;
  if (!table) return [];
  return table.bands.map((b) =>
    newRow({
      lower: formatNumber(lowerOf(b, table.domain.min), 6),
      label: b.label,
      recommendation: b.recommendation ?? "",
      color: b.color ?? "",
    }),
  );
}

function storedRows(bands: StoredBand[]): BandRow[] {
  return bands.map((b) =>
    newRow({
      lower: formatNumber(b.inicio, 6),
      label: b.rotulo ?? "",
      recommendation: b.recomendacao ?? "",
      color: b.cor ?? "",
    }),
  );
}

function toStored(rows: BandRow[]): StoredBand[] {
  return rows.map((r) => ({
    inicio: parseNumberText(r.lower.trim()) ?? NaN,
    rotulo: r.label.trim(),
    ...(r.recommendation.trim() ? { recomendacao: r.recommendation.trim() } : {}),
    ...(r.color.trim() ? { cor: r.color.trim() } : {}),
  }));
}

/** What is wrong with the rows, in pt-BR (empty: sound). */
function bandProblems(rows: BandRow[], preset: Preset): string[] {
  if (rows.length === 0) return preset.bands ? [messages.bandTableEmpty] : [];
  const unreadable = rows.flatMap((r, i) =>
    parseNumberText(r.lower.trim()) === undefined ? [taskpaneStrings.bandLowerInvalid(i + 1)] : [],
  );
  if (unreadable.length > 0) return unreadable;
  const built = bandTableFromLowerBounds(
    toStored(rows).map((b) => ({
      lower: b.inicio,
      label: b.rotulo ?? "",
      recommendation: b.recomendacao,
      color: b.cor,
    })),
    { min: 0, max: preset.scale },
    { decimals: preset.bands?.decimals ?? 1 },
  );
  return built.kind === "invalid" ? built.problems.map((p) => p.message) : [];
}

function parseShare(text: string): number | undefined {
  const value = parseNumberText(text.replace(/%\s*$/, "").trim());
  return value !== undefined && value >= 0 && value <= 100 ? value / 100 : undefined;
}

interface FormProps {
  settings: WorkbookSettings;
  initialPreset: PresetId;
  busy: boolean;
  onSave: (settings: WorkbookSettings) => void;
}

function RulesForm({ settings, initialPreset, busy, onSave }: FormProps): JSX.Element {
  const styles = useScreenStyles();
  const own = useStyles();
  const [presetId, setPresetId] = useState<PresetId>(initialPreset);
  const [method, setMethod] = useState<OverallMethod>(methodOf(settings) ?? presets[initialPreset].method);
  const [share, setShare] = useState(formatNumber((settings.parcial ?? 0.5) * 100, 4));
  const [rule, setRule] = useState<RuleName>(settings.regra ?? "resultado-do-periodo");
  const [rows, setRows] = useState<BandRow[]>(() =>
    settings.faixas && settings.faixas.length > 0 ? storedRows(settings.faixas) : presetRows(presets[initialPreset]),
  );
  const [blocked, setBlocked] = useState(false);
  const preset = presets[presetId];
  const problems = bandProblems(rows, preset);
  const parsedShare = parseShare(share);
  const max = formatNumber(preset.scale, 0);

  const setRow = (id: number, change: Partial<BandRow>) =>
    setRows((current) => current.map((r) => (r.id === id ? { ...r, ...change } : r)));
  const choosePreset = (id: PresetId) => {
    // Bands are on the preset's scale (0–100 or 0–10): start again from the new preset's own.
    setPresetId(id);
    setMethod(presets[id].method);
    setRows(presetRows(presets[id]));
  };
  const restore = () => {
    setMethod(preset.method);
    setShare(formatNumber(50, 0));
    setRule("resultado-do-periodo");
    setRows(presetRows(preset));
    setBlocked(false);
  };
  const save = () => {
    if (problems.length > 0 || parsedShare === undefined) {
      setBlocked(true);
      return;
    }
    setBlocked(false);
    const stored = toStored(rows);
    const isDefault = JSON.stringify(stored) === JSON.stringify(toStored(presetRows(preset)));
    const next: WorkbookSettings = {
      ...settings,
      versao: 1,
      predefinicao: presetId,
      metodo: method === "shareMet" ? "proporcao" : "media",
      parcial: parsedShare,
    };
    // The default rule is not stored, so a workbook saved before the setting existed reads the same.
    if (rule === "resultado-do-periodo") delete next.regra;
    else next.regra = rule;
    if (isDefault || stored.length === 0) delete next.faixas;
    else next.faixas = stored;
    onSave(next);
  };

  return (
    <form
      className={styles.section}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <RulesChoice preset={presetId} method={method} onPreset={choosePreset} onMethod={setMethod} />
      <Field label={taskpaneStrings.ruleLabel} hint={taskpaneStrings.ruleHint}>
        <RadioGroup value={rule} onChange={(_, data) => setRule(data.value as RuleName)}>
          <Radio value="resultado-do-periodo" label={taskpaneStrings.rules.periodResult} />
          <Radio value="todos-os-meses" label={taskpaneStrings.rules.everyMonth} />
        </RadioGroup>
      </Field>
      <Field
        label={taskpaneStrings.partialLabel}
        hint={taskpaneStrings.partialHint}
        validationState={parsedShare === undefined ? "error" : "none"}
        validationMessage={parsedShare === undefined ? taskpaneStrings.partialInvalid : undefined}
      >
        <Input value={share} inputMode="decimal" onChange={(_, data) => setShare(data.value)} />
      </Field>

      <Subtitle2 as="h3">{taskpaneStrings.bandsHeading}</Subtitle2>
      <Body1 as="p">
        {rows.length === 0 && !preset.bands ? taskpaneStrings.bandsNone : taskpaneStrings.bandsHint(max)}
      </Body1>
      {rows.map((row, i) => (
        <fieldset key={row.id} className={`${styles.fieldset} ${styles.item}`}>
          <legend className={styles.legend}>{taskpaneStrings.bandGroup(i + 1)}</legend>
          <Field label={taskpaneStrings.bandLower}>
            <Input
              value={row.lower}
              inputMode="decimal"
              onChange={(_, data) => setRow(row.id, { lower: data.value })}
            />
          </Field>
          <Field label={taskpaneStrings.bandLabelField}>
            <Input value={row.label} onChange={(_, data) => setRow(row.id, { label: data.value })} />
          </Field>
          <Field label={taskpaneStrings.bandRecommendation}>
            <Textarea
              value={row.recommendation}
              resize="vertical"
              rows={4}
              onChange={(_, data) => setRow(row.id, { recommendation: data.value })}
            />
          </Field>
          <Field label={taskpaneStrings.bandColor}>
            <Input
              value={row.color}
              onChange={(_, data) => setRow(row.id, { color: data.value })}
              contentAfter={
                <span
                  aria-hidden="true"
                  className={own.swatch}
                  style={{ backgroundColor: row.color || "transparent" }}
                />
              }
            />
          </Field>
          <div className={styles.actions}>
            <Button onClick={() => setRows((current) => current.filter((r) => r.id !== row.id))}>
              {taskpaneStrings.bandRemove(i + 1)}
            </Button>
          </div>
        </fieldset>
      ))}
      <div className={styles.actions}>
        <Button
          onClick={() =>
            setRows((current) => [...current, newRow({ lower: "", label: "", recommendation: "", color: "" })])
          }
        >
          {taskpaneStrings.bandAdd}
        </Button>
      </div>
      <div role="status" aria-live="polite" className={styles.section}>
        {problems.length === 0 ? (
          rows.length > 0 && <Body1>{taskpaneStrings.bandsValid}</Body1>
        ) : (
          <MessageBar {...NO_TITLE} intent="error" layout="multiline">
            <MessageBarBody>
              <ul className={styles.list}>
                {problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {blocked && (
        <MessageBar {...NO_TITLE} intent="error">
          <MessageBarBody>{taskpaneStrings.rulesCannotSave}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button onClick={restore}>{taskpaneStrings.rulesRestore}</Button>
        <Button appearance="primary" type="submit" disabled={busy}>
          {taskpaneStrings.rulesSave}
        </Button>
      </div>
    </form>
  );
}

export function Regras(): JSX.Element {
  const { host, snapshot, choice, setChoice, reload } = useWorkbook();
  const styles = useScreenStyles();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();

  const onSave = async (next: WorkbookSettings) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const saved = await host.saveSettings(next);
      if (!saved.ok) {
        setMessage({ intent: "error", text: taskpaneStrings.failed(saved.message) });
        return;
      }
      await reload();
      setChoice({ preset: next.predefinicao, method: next.metodo === "media" ? "meanAttainment" : "shareMet" });
      setMessage({ intent: "success", text: taskpaneStrings.rulesSaved });
    } finally {
      setBusy(false);
    }
  };

  const settings = snapshot?.settings ?? { versao: 1 };
  return (
    <div className={styles.screen}>
      <Subtitle1 as="h2">{taskpaneStrings.rulesHeading}</Subtitle1>
      <Body1 as="p">{taskpaneStrings.rulesHint}</Body1>
      {snapshot && (
        <ProblemList problems={snapshot.settingsProblems} heading={taskpaneStrings.settingsProblemsHeading} />
      )}
      {snapshot && (
        <RulesForm
          key={JSON.stringify(settings)}
          settings={settings}
          initialPreset={settings.predefinicao ?? choice.preset}
          busy={busy}
          onSave={(next) => void onSave(next)}
        />
      )}
      {message && (
        <MessageBar {...NO_TITLE} intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
