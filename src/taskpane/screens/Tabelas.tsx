/**
 * Screen Tabelas: the indicator tables found in the workbook — where, layout, rows, periods, how sure the
 * mapping is — and, for the one selected, its columns: one drop-down per field (field → column letter),
 * saved in the workbook as the sheet's mapping (`mapa`, workbook/model `ExplicitMapping`), after which the
 * tables are detected again.
 */
import { useState, type JSX } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle1,
  Subtitle2,
} from "@fluentui/react-components";
import { formatPercent } from "../../core/messages";
import { tableLayoutStrings } from "../../workbook/messages";
import { siapsPaneStrings, taskpaneStrings } from "../messages";
import { formatPeriodPtBR } from "../../core/periods";
import { columnLetter, fromA1Range } from "../../workbook/a1";
import { Grid, cellText, isEmptyValue } from "../../workbook/detect/grid";
import { isOwnedHeader } from "../../workbook/addinParts";
import {
  FIELD_FROM_PT,
  type DetectedTable,
  type ExplicitMapping,
  type Field as TableField,
  type FieldPtBR,
  type WorkbookData,
} from "../../workbook/model";
import type { WorkbookSettings } from "../../workbook/settings";
import { ProblemList } from "../components/ProblemList";
import { tableWhere } from "../evaluation";
import { useScreenStyles, NO_TITLE } from "../styles";
import { useWorkbook } from "../useWorkbook";

type MappingEntry = ExplicitMapping["tabelas"][number];

/** Field (core name) → pt-BR key of a mapping, in the order the editor lists them. */
const FIELD_KEYS = Object.entries(FIELD_FROM_PT).map(([pt, field]) => ({ pt: pt as FieldPtBR, field }));

/** A table told apart across reads (its range may change once remapped). */
function tableKey(table: DetectedTable): string {
  return `${table.sheet}#${table.headerRow}`;
}

/** The header cells a field can be mapped to on the table's header row: letter and text. */
function headerColumns(data: WorkbookData, table: DetectedTable): { letter: string; header: string }[] {
  const sheet = data.sheets.find((sh) => sh.name === table.sheet);
  const range = fromA1Range(table.ref);
  if (!sheet || !range) return [];
  const grid = new Grid(sheet);
  const left = table.name ? range.left : grid.left;
  const right = table.name ? range.right : grid.right;
  const columns: { letter: string; header: string }[] = [];
  for (let col = left; col <= right; col += 1) {
    const value = grid.resolved(table.headerRow, col).value;
    if (isEmptyValue(value) || isOwnedHeader(value)) continue;
    columns.push({ letter: columnLetter(col), header: cellText(value) });
  }
  return columns;
}

/** The table's current mapping as letters: the fields detection (or a stored mapping) tied to single columns. */
function currentMapping(table: DetectedTable): Partial<Record<FieldPtBR, string>> {
  const mapping: Partial<Record<FieldPtBR, string>> = {};
  for (const { pt, field } of FIELD_KEYS) {
    const column = table.columns.find((c) => c.field === field && c.period === undefined);
    if (column) mapping[pt] = columnLetter(column.col);
  }
  return mapping;
}

/** Entries for every sheet of the table (a sheet-per-period table has one per sheet). */
function entriesFor(table: DetectedTable, colunas: Partial<Record<FieldPtBR, string>>): MappingEntry[] {
  return table.frames.map((f) => ({ planilha: f.sheet, linhaCabecalho: f.headerRow, colunas }));
}

/** Whether a stored entry is the one of this table (same sheet, same or no header row). */
function isEntryOf(entry: MappingEntry, table: DetectedTable): boolean {
  return table.frames.some(
    (f) => f.sheet === entry.planilha && (entry.linhaCabecalho === undefined || entry.linhaCabecalho === f.headerRow),
  );
}

/**
 * The stored mapping with this table's entry replaced. A mapping replaces detection for the whole sheet,
 * so the other tables of the same sheets keep theirs as entries too.
 */
function withEntry(
  settings: WorkbookSettings,
  tables: DetectedTable[],
  table: DetectedTable,
  colunas: Partial<Record<FieldPtBR, string>>,
): MappingEntry[] {
  const stored = (settings.mapa ?? []).filter((e) => !isEntryOf(e, table));
  const neighbours = tables.filter(
    (t) =>
      t !== table &&
      t.sheets.some((sh) => table.sheets.includes(sh)) &&
      t.layout !== "panel" &&
      t.layout !== "siaps" &&
      !stored.some((e) => isEntryOf(e, t)),
  );
  return [...stored, ...neighbours.flatMap((t) => entriesFor(t, currentMapping(t))), ...entriesFor(table, colunas)];
}

function periodsText(table: DetectedTable): string {
  const p = table.periods;
  return taskpaneStrings.tablePeriods(
    p[0] ? formatPeriodPtBR(p[0]) : "",
    p.length > 1 ? formatPeriodPtBR(p[p.length - 1]) : undefined,
    p.length,
  );
}

interface EditorProps {
  data: WorkbookData;
  settings: WorkbookSettings;
  tables: DetectedTable[];
  table: DetectedTable;
  onSave: (mapa: MappingEntry[], reset: boolean) => void;
  busy: boolean;
}

function MappingEditor({ data, settings, tables, table, onSave, busy }: EditorProps): JSX.Element {
  const styles = useScreenStyles();
  const [mapping, setMapping] = useState(() => currentMapping(table));
  const [error, setError] = useState<string>();
  const columns = headerColumns(data, table);
  const hasStored = (settings.mapa ?? []).some((e) => isEntryOf(e, table));
  const where = tableWhere(table);

  const save = () => {
    if (!mapping.indicador) {
      setError(taskpaneStrings.mappingNeedsIndicator);
      return;
    }
    const byLetter = new Map<string, FieldPtBR>();
    for (const { pt } of FIELD_KEYS) {
      const letter = mapping[pt];
      if (!letter) continue;
      const other = byLetter.get(letter);
      if (other) {
        setError(
          taskpaneStrings.mappingDuplicate(
            letter,
            taskpaneStrings.fields[FIELD_FROM_PT[other]],
            taskpaneStrings.fields[FIELD_FROM_PT[pt]],
          ),
        );
        return;
      }
      byLetter.set(letter, pt);
    }
    setError(undefined);
    const colunas = Object.fromEntries(FIELD_KEYS.filter(({ pt }) => mapping[pt]).map(({ pt }) => [pt, mapping[pt]]));
    onSave(withEntry(settings, tables, table, colunas), false);
  };

  return (
    <section className={styles.section} aria-labelledby="mapping-heading">
      <Subtitle2 as="h3" id="mapping-heading" className={styles.wrap}>
        {taskpaneStrings.mappingHeading(where)}
      </Subtitle2>
      {table.layout === "panel" || table.layout === "siaps" ? (
        <Body1 as="p">{table.layout === "panel" ? taskpaneStrings.mappingPanel : siapsPaneStrings.mappingSiaps}</Body1>
      ) : (
        <form
          className={styles.section}
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <Body1 as="p">{taskpaneStrings.mappingHint}</Body1>
          {table.layout === "wide" && <Caption1>{taskpaneStrings.mappingWide}</Caption1>}
          {FIELD_KEYS.map(({ pt, field }) => (
            <Field key={pt} label={taskpaneStrings.fields[field as TableField]}>
              <Select
                value={mapping[pt] ?? ""}
                onChange={(_, d) => setMapping((m) => ({ ...m, [pt]: d.value || undefined }))}
              >
                <option value="">{taskpaneStrings.mappingNone}</option>
                {columns.map((c) => (
                  <option key={c.letter} value={c.letter}>
                    {taskpaneStrings.mappingColumn(c.letter, c.header)}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
          {error && (
            <MessageBar {...NO_TITLE} intent="error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy}>
              {taskpaneStrings.mappingSave}
            </Button>
            {hasStored && (
              <Button
                disabled={busy}
                onClick={() =>
                  onSave(
                    (settings.mapa ?? []).filter((e) => !isEntryOf(e, table)),
                    true,
                  )
                }
              >
                {taskpaneStrings.mappingReset}
              </Button>
            )}
          </div>
        </form>
      )}
      {table.reasons.length > 0 && (
        <>
          <Subtitle2 as="h4">{taskpaneStrings.reasonsHeading}</Subtitle2>
          <ul className={styles.list}>
            {table.reasons.map((r, i) => (
              <li key={i} className={styles.wrap}>
                <Caption1>{r}</Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
      <ProblemList problems={table.problems} level={4} />
    </section>
  );
}

export function Tabelas(): JSX.Element {
  const { host, snapshot, reload } = useWorkbook();
  const styles = useScreenStyles();
  const [selected, setSelected] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();

  if (!snapshot) return <div className={styles.screen} />;
  const { result, settings, data } = snapshot;
  const table = result.tables.find((t) => tableKey(t) === selected);

  const onSave = async (mapa: MappingEntry[], reset: boolean) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const next: WorkbookSettings = { ...settings, versao: 1, mapa };
      if (mapa.length === 0) delete next.mapa;
      const saved = await host.saveSettings(next);
      if (!saved.ok) {
        setMessage({ intent: "error", text: taskpaneStrings.failed(saved.message) });
        return;
      }
      await reload();
      setMessage({ intent: "success", text: reset ? taskpaneStrings.mappingResetDone : taskpaneStrings.mappingSaved });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.screen}>
      <Subtitle1 as="h2">{taskpaneStrings.tablesHeading}</Subtitle1>
      {result.tables.length === 0 ? (
        <Body1 as="p">{taskpaneStrings.noTables}</Body1>
      ) : (
        <>
          <Body1 as="p">{taskpaneStrings.tablesHint}</Body1>
          <ul className={styles.plainList}>
            {result.tables.map((t) => {
              const key = tableKey(t);
              const where = tableWhere(t);
              const isSelected = key === selected;
              return (
                <li key={key} className={isSelected ? `${styles.item} ${styles.selectedItem}` : styles.item}>
                  <Subtitle2 as="h3" className={styles.wrap}>
                    {where}
                  </Subtitle2>
                  {t.name && <Caption1>{t.name}</Caption1>}
                  <Body1>{tableLayoutStrings.layouts[t.layout]}</Body1>
                  <Caption1>
                    {taskpaneStrings.tableRows(t.rows.length)} · {periodsText(t)} ·{" "}
                    {taskpaneStrings.tableConfidence(formatPercent(t.confidence, 0))}
                  </Caption1>
                  <div className={styles.actions}>
                    <Button
                      aria-pressed={isSelected}
                      aria-label={`${taskpaneStrings.tableShow}: ${where}`}
                      onClick={() => setSelected(isSelected ? undefined : key)}
                    >
                      {taskpaneStrings.tableShow}
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {message && (
        <MessageBar {...NO_TITLE} intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {table && (
        <MappingEditor
          key={`${tableKey(table)}|${JSON.stringify(currentMapping(table))}`}
          data={data}
          settings={settings}
          tables={result.tables}
          table={table}
          busy={busy}
          onSave={(mapa, reset) => void onSave(mapa, reset)}
        />
      )}
      <ProblemList problems={result.problems} heading={taskpaneStrings.tableProblemsHeading(result.problems.length)} />
      <ProblemList problems={snapshot.settingsProblems} heading={taskpaneStrings.settingsProblemsHeading} />
    </div>
  );
}
