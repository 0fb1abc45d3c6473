/** Layout shared by the screens: a column of sections, lists without bullets, readable at ~320 px. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useScreenStyles = makeStyles({
  screen: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  plainList: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  selectedItem: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  fieldset: {
    border: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  legend: {
    padding: 0,
    fontWeight: tokens.fontWeightSemibold,
    marginBottom: tokens.spacingVerticalXS,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  wrap: {
    overflowWrap: "anywhere",
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
});

/**
 * Spread on a MessageBar without a MessageBarTitle: Fluent labels every MessageBar by its title's id, which
 * then points at nothing (axe: aria-valid-attr-value). Unlabelled, the bar is read by its text.
 */
export const NO_TITLE = { "aria-labelledby": undefined } as const;
