/** A recommendation band: its colour as a chip that always carries the band's label, and its recommendation. */
import type { JSX } from "react";
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import type { Band } from "../../core/types";
import { taskpaneStrings } from "../messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  line: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
  },
  // One line: the label's parts ("Faixa 2 — 80% a 99,9%") must not split; too long for the pane, it ends in "…".
  chip: {
    display: "inline-block",
    maxWidth: "100%",
    boxSizing: "border-box",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    verticalAlign: "bottom",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
});

/** `provisional`: the evaluation is incomplete, so the band may still change; the chip says so in words. */
export function BandChip({ band, provisional = false }: { band: Band; provisional?: boolean }): JSX.Element {
  const styles = useStyles();
  // The shipped fills all take black text at ≥ 4.5:1 (core/presets/bandTables); a custom colour is used as typed.
  const colours = band.color ? { backgroundColor: band.color, color: "#000000" } : undefined;
  return (
    <div className={styles.root}>
      <Body1 className={styles.line}>
        <span>{taskpaneStrings.bandLabel}:</span>
        <span className={styles.chip} style={colours} data-band={band.number} title={band.label}>
          {band.label}
        </span>
        {provisional && <span>{taskpaneStrings.provisional}</span>}
      </Body1>
      {band.recommendation && <Body1 as="p">{band.recommendation}</Body1>}
    </div>
  );
}
