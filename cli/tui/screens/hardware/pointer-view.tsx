import { Box, Text } from 'ink';
import type { Lang } from '../../../../core/i18n.js';
import {
  CORNERS,
  type PointerTestState,
  pointerFraction,
} from '../../../../diagnostics/interactive/pointer/pointer-test.js';
import { CORNER_WORDS, HW, labelled } from './wording.js';

const WIDTH = 41;
const HEIGHT = 9;

/** The pad as a box: corners show "OK" once reached, "*" is where the finger (or stick) is. */
export function padLines(state: PointerTestState): string[] {
  const inner = WIDTH - 2;
  const grid = Array.from({ length: HEIGHT - 2 }, () => Array.from({ length: inner }, () => ' '));
  const put = (row: number, col: number, s: string) => {
    for (let i = 0; i < s.length; i++) {
      const line = grid[row];
      if (line && col + i >= 0 && col + i < inner) line[col + i] = s[i] ?? ' ';
    }
  };
  const mark = (reached: boolean) => (reached ? 'OK' : '..');
  put(0, 0, mark(state.corners['top-left']));
  put(0, inner - 2, mark(state.corners['top-right']));
  put(HEIGHT - 3, 0, mark(state.corners['bottom-left']));
  put(HEIGHT - 3, inner - 2, mark(state.corners['bottom-right']));
  const at = pointerFraction(state);
  if (at) put(Math.round(at.y * (HEIGHT - 3)), Math.round(at.x * (inner - 1)), '*');
  const border = `+${'-'.repeat(inner)}+`;
  return [border, ...grid.map((row) => `|${row.join('')}|`), border];
}

export function PointerView({ state, lang }: { state: PointerTestState | null; lang: Lang }) {
  if (!state) return <Text>{HW.waitingDevice[lang]}</Text>;
  const reached = CORNERS.filter((c) => state.corners[c]);
  const button = (on: boolean) => (on ? 'OK' : '--');
  return (
    <Box flexDirection="column">
      {padLines(state).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed rows of a drawing
        <Text key={i}>{line}</Text>
      ))}
      <Text>
        {
          labelled(HW.corners, `${reached.length}/4 ${reached.map((c) => CORNER_WORDS[c][lang]).join(', ')}`)[
            lang
          ]
        }
      </Text>
      <Text>
        {
          labelled(
            HW.buttons,
            `${HW.left[lang]} ${button(state.buttons.left)}, ${HW.right[lang]} ${button(state.buttons.right)}`,
          )[lang]
        }
      </Text>
      <Text color="gray">{HW.finishEarly[lang]}</Text>
    </Box>
  );
}
