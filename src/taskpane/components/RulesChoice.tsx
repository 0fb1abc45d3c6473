/** The preset and the method of the overall figure, for one run (screen Avaliar; screen Regras saves them). */
import type { JSX } from "react";
import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import { presets, type PresetId } from "../../core/presets";
import type { OverallMethod } from "../../core/types";
import { taskpaneStrings } from "../messages";

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
        Radio buttons, not a drop-down: at 320 px the longest preset name does not fit one line, and a native
        select cuts it off with no "…"; a radio's label wraps, so every name is read whole.
      */}
      <Field label={taskpaneStrings.presetLabel} hint={presets[preset].description}>
        <RadioGroup value={preset} disabled={disabled} onChange={(_, data) => onPreset(data.value as PresetId)}>
          {Object.values(presets).map((p) => (
            <Radio key={p.id} value={p.id} label={p.name} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={taskpaneStrings.methodLabel}>
        <RadioGroup value={method} disabled={disabled} onChange={(_, data) => onMethod(data.value as OverallMethod)}>
          <Radio value="shareMet" label={taskpaneStrings.methods.shareMet} />
          <Radio value="meanAttainment" label={taskpaneStrings.methods.meanAttainment} />
        </RadioGroup>
      </Field>
    </>
  );
}
