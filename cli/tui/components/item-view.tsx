import { Box } from 'ink';
import type { GuideState, Item } from '../state/types.js';
import { buttonRow, itemRows } from './item-rows.js';
import { LineView } from './scroll-list.js';

/** The screen's items of the given kinds, in order, with the focus marker (short lists: never cut). */
export function ItemList({
  state,
  items,
  kinds,
}: {
  state: GuideState;
  items: Item[];
  kinds: Item['kind'][];
}) {
  return (
    <Box flexDirection="column">
      {itemRows(state, items, kinds).map((row) =>
        row.lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one row never reorder
          <LineView key={`${row.key}:${i}`} line={line} />
        )),
      )}
    </Box>
  );
}

export function ButtonLine({ label, focused }: { label: string; focused: boolean }) {
  const [line] = buttonRow(label, label, focused).lines;
  return line ? <LineView line={line} /> : null;
}
