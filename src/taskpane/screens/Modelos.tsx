/**
 * Screen Modelos: insert a starter indicator table (PMAQ, the evaluation instrument, Previne Brasil,
 * co-financing) on a new sheet, built by workbook/plan/templates so that the add-in reads it at once.
 */
import { useState, type JSX } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Subtitle1,
} from "@fluentui/react-components";
import { catalogs, type CatalogId } from "../../core/catalogs";
import { buildTemplate } from "../../workbook/plan/templates";
import { taskpaneStrings } from "../messages";
import { useScreenStyles, NO_TITLE } from "../styles";
import { useWorkbook } from "../useWorkbook";

export function Modelos(): JSX.Element {
  const { host, reload } = useWorkbook();
  const styles = useScreenStyles();
  const today = new Date();
  const [id, setId] = useState<CatalogId>(catalogs[0].id);
  const [month, setMonth] = useState(Math.floor(today.getMonth() / 3) * 3 + 1);
  const [year, setYear] = useState(today.getFullYear());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();
  const thisYear = today.getFullYear();
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1];

  const insert = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      // Names in use right now, so the new sheet and table names are free.
      const snapshot = await reload();
      if (!snapshot) return;
      const sheets = snapshot.all.sheets.map((sh) => sh.name);
      const tables = snapshot.all.sheets.flatMap((sh) => sh.tables.map((t) => t.name));
      const template = buildTemplate(id, sheets, tables, { year, month });
      const inserted = await host.insertTemplate(template);
      if (!inserted.ok) {
        setMessage({ intent: "error", text: taskpaneStrings.failed(inserted.message) });
        return;
      }
      await reload();
      setMessage({ intent: "success", text: taskpaneStrings.templateInserted(inserted.value.sheet) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.screen}>
      <Subtitle1 as="h2">{taskpaneStrings.templatesHeading}</Subtitle1>
      <Body1 as="p">{taskpaneStrings.templatesHint}</Body1>
      <form
        className={styles.section}
        onSubmit={(e) => {
          e.preventDefault();
          void insert();
        }}
      >
        <Field label={taskpaneStrings.templatesLegend}>
          <RadioGroup value={id} onChange={(_, data) => setId(data.value as CatalogId)}>
            {catalogs.map((c) => (
              <Radio
                key={c.id}
                value={c.id}
                label={
                  <>
                    {c.name}
                    <br />
                    <Caption1>{c.description}</Caption1>
                  </>
                }
              />
            ))}
          </RadioGroup>
        </Field>
        <div className={styles.actions}>
          <Field label={taskpaneStrings.templateMonth}>
            <Select value={String(month)} onChange={(_, data) => setMonth(Number(data.value))}>
              {taskpaneStrings.monthNames.map((name, i) => (
                <option key={name} value={String(i + 1)}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={taskpaneStrings.templateYear}>
            <Select value={String(year)} onChange={(_, data) => setYear(Number(data.value))}>
              {years.map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={busy}>
            {taskpaneStrings.templateInsert}
          </Button>
        </div>
      </form>
      {message && (
        <MessageBar {...NO_TITLE} intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
