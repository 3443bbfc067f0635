/**
 * The guide's frame is 80 columns by 25 rows, at the top left of a console that may be larger. Text is
 * wrapped here, not by Ink, so every screen knows how many rows it takes and lists get what is left.
 */

/** Columns of content inside the frame (two stay free for the focus marker's alignment). */
export const WIDTH = 78;
export const ROWS = 25;
/** Title, rule, rule and key hints: the frame's own rows. */
export const FRAME_ROWS = 4;

/**
 * Word-wraps `text` to `width` columns; `indent` starts every line after the first. A word longer than a
 * line is cut across lines, never dropped: nothing the trainee must read is cut with "...".
 */
export function wrap(text: string, width = WIDTH, indent = ''): string[] {
  const lines: string[] = [];
  const limit = () => (lines.length === 0 ? width : width - indent.length);
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of glued(paragraph.split(/ +/))) {
      let rest = word;
      while (rest !== '') {
        const candidate = line === '' ? rest : `${line} ${rest}`;
        if (candidate.length <= limit()) {
          line = candidate;
          rest = '';
        } else if (line !== '') {
          lines.push(line);
          line = '';
        } else {
          const n = limit();
          lines.push(rest.slice(0, n));
          rest = rest.slice(n);
        }
      }
    }
    lines.push(line);
  }
  return lines.map((l, i) => (i === 0 ? l : `${indent}${l}`));
}

/** French puts a space before ? ! : ; — the mark stays with its word, never alone at the start of a line. */
function glued(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    const last = out.length - 1;
    if (/^[?!:;]+$/.test(word) && last >= 0) out[last] = `${out[last]} ${word}`;
    else out.push(word);
  }
  return out;
}

/** The notice under a screen's content, wrapped (it may take two lines in French). */
export function noticeLines(word: string, notice: string | null, colon = ' : '): string[] {
  return notice ? wrap(`${word}${colon}${notice}`) : [];
}

/** Lines left for a screen's content once the frame, the notice (and the blank line above it) and the warning are drawn. */
export function contentRows(notice: readonly string[], warning: readonly string[]): number {
  return ROWS - FRAME_ROWS - (notice.length > 0 ? notice.length + 1 : 0) - warning.length;
}

/** `text` wrapped inside a left margin: every line starts with `margin`. */
export function indented(text: string, margin: string, width = WIDTH): string[] {
  return wrap(text, width - margin.length).map((line) => `${margin}${line}`);
}

/**
 * Where a list's window sits: on the focused row, on the last row when the focus is on the buttons after
 * the list (so it does not jump back to the top), else at the top.
 */
export function anchorRow(
  rowIndex: number,
  focus: number,
  firstItemAfter: number,
  rows: number,
): number | null {
  if (rowIndex >= 0) return rowIndex;
  return focus >= firstItemAfter && rows > 0 ? rows - 1 : null;
}
