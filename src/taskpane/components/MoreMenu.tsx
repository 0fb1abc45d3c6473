/**
 * The "Mais" menu's popup (TabBar): the tabs that did not fit, as menu items. Its own chunk: Fluent's Menu
 * brings the popup positioning library, which the first screen does not need. TabBar keeps the "Mais"
 * button itself on the row (the overflow manager measures that one element), and this popup opens
 * against it.
 */
import type { JSX } from "react";
import { Menu, MenuItem, MenuList, MenuPopover, useIsOverflowItemVisible } from "@fluentui/react-components";
import { TAB_LABELS, TABS, type TabId } from "../navigation";

function MoreItem({ id, onSelect }: { id: TabId; onSelect: (id: TabId) => void }): JSX.Element | null {
  const visible = useIsOverflowItemVisible(id);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(id)}>{TAB_LABELS[id]}</MenuItem>;
}

export interface MoreMenuProps {
  target: HTMLElement | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSelect: (id: TabId) => void;
}

export default function MoreMenu({ target, open, onOpenChange, onSelect }: MoreMenuProps): JSX.Element {
  return (
    <Menu
      open={open}
      onOpenChange={(_, data) => onOpenChange(data.open)}
      positioning={{ target, position: "below", align: "end" }}
      hasIcons={false}
    >
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
