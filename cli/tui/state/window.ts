/**
 * Which rows of a list fit the lines a screen has left (pure). The focused row is always drawn: when the list
 * is longer than the space, the window follows the focus and says how many rows are hidden above and below.
 */
export interface ListWindow {
  start: number;
  /** Exclusive. */
  end: number;
  above: number;
  below: number;
}

/**
 * `heights`: lines each row takes; `focus`: the focused row (null: none, the window starts at the top);
 * `budget`: lines available, the "N more" markers included.
 */
export function listWindow(heights: readonly number[], focus: number | null, budget: number): ListWindow {
  const count = heights.length;
  const total = heights.reduce((sum, h) => sum + h, 0);
  if (total <= budget) return { start: 0, end: count, above: 0, below: 0 };
  // Both markers take a line each whenever the list is cut, so the window never jumps by one line.
  const room = Math.max(1, budget - 2);
  const anchor = focus === null ? 0 : Math.min(Math.max(focus, 0), count - 1);
  let start = anchor;
  let end = anchor + 1;
  let used = heights[anchor] ?? 1;
  // Grow around the focus, one row below then one above, so it sits near the middle.
  for (let grew = true; grew; ) {
    grew = false;
    const below = heights[end];
    if (end < count && below !== undefined && used + below <= room) {
      used += below;
      end++;
      grew = true;
    }
    const above = heights[start - 1];
    if (start > 0 && above !== undefined && used + above <= room) {
      used += above;
      start--;
      grew = true;
    }
  }
  return { start, end, above: start, below: count - end };
}
