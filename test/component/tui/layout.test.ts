import { describe, expect, it } from 'vitest';
import { anchorRow, indented, wrap } from '../../../cli/tui/layout.js';
import { listWindow } from '../../../cli/tui/state/window.js';

describe('wrap', () => {
  it('wraps at word boundaries, never cuts a word away, keeps French punctuation with its word', () => {
    expect(wrap('un deux trois quatre', 9)).toEqual(['un deux', 'trois', 'quatre']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrap('Les charnières tiennent-elles ?', 29)).toEqual(['Les charnières', 'tiennent-elles ?']);
    expect(wrap('a\nb')).toEqual(['a', 'b']);
    expect(indented('un deux trois', '  ', 9)).toEqual(['  un deux', '  trois']);
    const long = 'mot '.repeat(60);
    for (const line of wrap(long)) expect(line.length).toBeLessThanOrEqual(78);
    expect(wrap(long).join(' ').replace(/ +/g, ' ').trim()).toBe(long.trim());
  });
});

describe('listWindow', () => {
  const ones = (n: number) => Array.from({ length: n }, () => 1);
  it('shows everything when it fits', () => {
    expect(listWindow(ones(4), 2, 9)).toEqual({ start: 0, end: 4, above: 0, below: 0 });
  });
  it('always contains the focused row, for every focus and every budget, and says what is hidden', () => {
    for (const count of [1, 4, 12, 30]) {
      for (const budget of [3, 5, 9, 15]) {
        const heights = Array.from({ length: count }, (_, i) => (i % 3 === 0 ? 2 : 1));
        for (let focus = 0; focus < count; focus++) {
          const w = listWindow(heights, focus, budget);
          expect(focus).toBeGreaterThanOrEqual(w.start);
          expect(focus).toBeLessThan(w.end);
          expect(w.above).toBe(w.start);
          expect(w.below).toBe(count - w.end);
          const used = heights.slice(w.start, w.end).reduce((a, b) => a + b, 0);
          const markers = w.above + w.below > 0 ? 2 : 0;
          expect(used + markers).toBeLessThanOrEqual(Math.max(budget, heights[focus]! + 2));
        }
      }
    }
  });
  it('starts at the top without a focus', () => {
    expect(listWindow(ones(30), null, 7)).toEqual({ start: 0, end: 5, above: 0, below: 25 });
  });
  it('anchors on the last row when the focus is on the buttons after the list', () => {
    expect(anchorRow(-1, 12, 12, 12)).toBe(11);
    expect(anchorRow(-1, 0, 12, 12)).toBeNull();
    expect(anchorRow(3, 3, 12, 12)).toBe(3);
  });
});
