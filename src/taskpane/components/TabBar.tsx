/**
 * The screens' tabs on one row at any width: Fluent's TabList inside an Overflow, so the tabs that do not
 * fit go into a "Mais" menu (the selected tab always stays on the row), instead of wrapping onto rows.
 */
import { lazy, Suspense, useState, type JSX } from "react";
import { Button, Overflow, OverflowItem, Tab, TabList, makeStyles, useOverflowMenu } from "@fluentui/react-components";
import { paneStrings, taskpaneStrings } from "../messages";
import { TAB_LABELS, TABS, type TabId } from "../navigation";

const Menu = lazy(() => import(/* webpackChunkName: "menu" */ "./MoreMenu"));

const useStyles = makeStyles({
  // The measured row: the tab list and, beside it (a tab list may hold only tabs), the "Mais" button.
  // minWidth 0: the row may shrink to the pane.
  overflow: {
    display: "flex",
    alignItems: "center",
    minWidth: 0,
    overflow: "hidden",
  },
  tabs: { minWidth: 0, flexWrap: "nowrap" },
  more: { minWidth: "auto", flexShrink: 0, whiteSpace: "nowrap" },
});

function More({ onSelect }: { onSelect: (id: TabId) => void }): JSX.Element | null {
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  const [open, setOpen] = useState(false);
  // Mounted at the first click, then kept (its chunk loads once).
  const [used, setUsed] = useState(false);
  if (!isOverflowing) return null;
  return (
    <>
      <Button
        ref={ref}
        appearance="transparent"
        size="small"
        className={styles.more}
        aria-label={paneStrings.moreTabsLabel(overflowCount)}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => {
          setUsed(true);
          setOpen((o) => !o);
        }}
      >
        {paneStrings.moreTabs}
        <span aria-hidden="true">&nbsp;▾</span>
      </Button>
      {used && (
        <Suspense fallback={null}>
          <Menu
            target={typeof ref === "object" && ref ? ref.current : null}
            open={open}
            onOpenChange={setOpen}
            onSelect={(id) => {
              setOpen(false);
              onSelect(id);
            }}
          />
        </Suspense>
      )}
    </>
  );
}

export function TabBar({ selected, onSelect }: { selected: TabId; onSelect: (id: TabId) => void }): JSX.Element {
  const styles = useStyles();
  return (
    <Overflow minimumVisible={1}>
      <div className={styles.overflow}>
        <TabList
          className={styles.tabs}
          size="small"
          aria-label={taskpaneStrings.tabsLabel}
          selectedValue={selected}
          onTabSelect={(_, data) => onSelect(data.value as TabId)}
        >
          {TABS.map((id) => (
            // The selected tab outranks the others, so it is the last to go into the menu.
            <OverflowItem key={id} id={id} priority={id === selected ? 2 : 1}>
              <Tab value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
                {TAB_LABELS[id]}
              </Tab>
            </OverflowItem>
          ))}
        </TabList>
        <More onSelect={onSelect} />
      </div>
    </Overflow>
  );
}
