import { Box, Text } from 'ink';
import type { Lang } from '../../../core/i18n.js';
import type { Glyphs } from '../state/types.js';
import { listWindow } from '../state/window.js';
import { GLYPHS, W } from '../wording.js';

/** A run of text with one style; a line is a few of them, a row a few lines. */
export interface Segment {
  text: string;
  color?: string;
  bold?: boolean;
  inverse?: boolean;
}
export type Line = Segment[];
export interface Row {
  key: string;
  lines: Line[];
}

export const plain = (text: string, style: Omit<Segment, 'text'> = {}): Line => [{ text, ...style }];

export function LineView({ line }: { line: Line }) {
  return (
    <Text>
      {line.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the segments of one line never reorder
        <Text key={i} color={s.color} bold={s.bold} inverse={s.inverse}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}

/** Lines a list takes at most: its rows, or the budget when it is cut. */
export function listHeight(rows: readonly Row[], budget: number): number {
  return Math.min(
    rows.reduce((sum, r) => sum + r.lines.length, 0),
    budget,
  );
}

/**
 * The rows that fit `budget` lines around the focused row, with "^ N de plus" / "v N de plus" where rows are
 * hidden: the focus is never on a row that is not drawn.
 */
export function ScrollList(props: {
  rows: readonly Row[];
  focus: number | null;
  budget: number;
  lang: Lang;
  glyphs: Glyphs;
}) {
  const { rows, lang } = props;
  const window = listWindow(
    rows.map((r) => r.lines.length),
    props.focus,
    props.budget,
  );
  const cut = window.above > 0 || window.below > 0;
  const g = GLYPHS[props.glyphs];
  return (
    <Box flexDirection="column">
      {cut ? (
        <Text color="cyan">{window.above > 0 ? `  ${g.up} ${window.above} ${W.more[lang]}` : ' '}</Text>
      ) : null}
      {rows.slice(window.start, window.end).map((row) => (
        <Box key={row.key} flexDirection="column">
          {row.lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one row never reorder
            <LineView key={i} line={line} />
          ))}
        </Box>
      ))}
      {cut ? (
        <Text color="cyan">{window.below > 0 ? `  ${g.down} ${window.below} ${W.more[lang]}` : ' '}</Text>
      ) : null}
    </Box>
  );
}

/** Plain lines of text (already wrapped); an empty line stays a blank line. */
export function TextLines(props: { lines: readonly string[]; color?: string; bold?: boolean }) {
  return (
    <>
      {props.lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: wrapped lines of one text never reorder
        <Text key={i} color={props.color} bold={props.bold}>
          {line === '' ? ' ' : line}
        </Text>
      ))}
    </>
  );
}
