/** The preset and the method of the overall figure, for one run (screen Avaliar; screen Regras saves them). */
import type { JSX } from "react";
import { Field, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { presets, type PresetId } from "../../core/presets";
import type { OverallMethod } from "../../core/types";
import { taskpaneStrings as s } from "../../core/messages";

export interface RulesChoiceProps {
  preset: PresetId;
  method: OverallMethod;
  onPreset: (preset: PresetId) => void;
  onMethod: (method: OverallMethod) => void;
  disabled?: boolean;
}

export function RulesChoice({ preset, method, onPreset, onMethod, disabled }: RulesChoiceProps): JSX.Element {
  return (
    <>
      {/* minWidth/maxWidth: the longest preset name must not widen the 320 px pane. */}
      <Field label={s.presetLabel} hint={presets[preset].description} style={{ minWidth: 0 }}>
        <Select
          root={{ style: { minWidth: 0, maxWidth: "100%" } }}
          // A preset's name longer than the pane ends in "…" instead of being cut off.
          style={{ width: "100%", minWidth: 0, textOverflow: "ellipsis", overflow: "hidden", whiteSpace: "nowrap" }} value={preset} disabled={disabled} onChange={(_, data) => onPreset(data.value as PresetId)}>
          {Object.values(presets).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s.methodLabel}>
        <RadioGroup value={method} disabled={disabled} onChange={(_, data) => onMethod(data.value as OverallMethod)}>
          <Radio value="shareMet" label={s.methods.shareMet} />
          <Radio value="meanAttainment" label={s.methods.meanAttainment} />
        </RadioGroup>
      </Field>
    </>
  );
}
