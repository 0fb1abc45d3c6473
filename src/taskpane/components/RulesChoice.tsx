/** The preset and the method of the overall figure, for one run (screen Avaliar; screen Regras saves them). */
import type { JSX } from "react";
import { Dropdown, Field, Option, Radio, RadioGroup } from "@fluentui/react-components";
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
      {/*
        A Dropdown, not a native select: at 320 px the longest preset name does not fit, and a native select
        cuts it off with no "…"; the Dropdown's button ends it in "…" and its list shows the whole name.
      */}
      <Field label={s.presetLabel} hint={presets[preset].description} style={{ minWidth: 0 }}>
        <Dropdown
          style={{ minWidth: 0, maxWidth: "100%" }}
          button={{ style: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", display: "block", textAlign: "left" } }}
          value={presets[preset].name}
          selectedOptions={[preset]}
          disabled={disabled}
          onOptionSelect={(_, data) => data.optionValue && onPreset(data.optionValue as PresetId)}
        >
          {Object.values(presets).map((p) => (
            <Option key={p.id} value={p.id}>
              {p.name}
            </Option>
          ))}
        </Dropdown>
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
