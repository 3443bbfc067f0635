import { describe, expect, it } from 'vitest';
import { renderTable } from '../../../../cli/output/table.js';
import { terminalSafe } from '../../../../cli/output/terminal-text.js';

describe('terminalSafe', () => {
  it('writes C0, C1, DEL and bidi controls as visible escapes, and leaves text (accents included) alone', () => {
    expect(terminalSafe('a\u001b[2Jb\u0007c\u007fd\u009be\u202ef\tg\nh')).toBe(
      'a\\x1b[2Jb\\x07c\\x7fd\\x9be\\u202ef\\x09g\\x0ah',
    );
    expect(terminalSafe('Disque dur « Été » → 500 Go')).toBe('Disque dur « Été » → 500 Go');
  });

  it('keeps newlines of multi-line messages when asked, never carriage returns', () => {
    expect(terminalSafe('one\r\ntwo\n', { keepNewlines: true })).toBe('one\\x0d\ntwo\n');
  });

  it('is idempotent: escaped text has nothing left to escape', () => {
    const once = terminalSafe('\u001b[31mred\u0000');
    expect(terminalSafe(once)).toBe(once);
  });

  it('tables measure cells after escaping, so columns stay aligned', () => {
    const table = renderTable(
      ['Model', 'Size'],
      [
        ['A\u001b[2J', '1 GB'],
        ['B', '2 GB'],
      ],
    ).split('\n');
    expect(table[2]).toBe('A\\x1b[2J  1 GB');
    expect(table[3]?.indexOf('2 GB')).toBe(table[2]?.indexOf('1 GB'));
  });
});
