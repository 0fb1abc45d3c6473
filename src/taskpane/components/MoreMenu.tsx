/**
 * The "Mais" menu of the tabs that do not fit (TabBar). Its own chunk: Fluent's Menu brings the popup
 * positioning library, which the first screen does not need; until the chunk arrives, TabBar shows a
 * button of the same size.
 */
import type { JSX, Ref } from "react";
import { Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger, useIsOverflowItemVisible } from "@fluentui/react-components";
import { TAB_LABELS, TABS, type TabId } from "../navigation";

function MoreItem({ id, onSelect }: { id: TabId; onSelect: (id: TabId) => void }): JSX.Element | null {
  const visible = useIsOverflowItemVisible(id);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(id)}>{TAB_LABELS[id]}</MenuItem>;
}

export interface MoreMenuProps {
  buttonRef: Ref<HTMLButtonElement>;
  className: string;
  label: string;
  ariaLabel: string;
  onSelect: (id: TabId) => void;
}

export default function MoreMenu({ buttonRef, className, label, ariaLabel, onSelect }: MoreMenuProps): JSX.Element {
  return (
    <Menu hasIcons={false}>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton ref={buttonRef} appearance="transparent" size="small" className={className} aria-label={ariaLabel}>
          {label}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {TABS.map((id) => (
            <MoreItem key={id} id={id} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
