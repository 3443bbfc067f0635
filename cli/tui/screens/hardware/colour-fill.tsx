import { Box, Text } from 'ink';
import { FILL_COLOURS } from '../../../../diagnostics/interactive/screen/colour-test.js';

/**
 * Every cell of the screen in one colour: lines of spaces on a background colour (the Linux console has 8; its
 * white is light grey). No text on it, so nothing hides a dead pixel.
 */
export function ColourFill({ index, rows, columns }: { index: number; rows: number; columns: number }) {
  const colour = FILL_COLOURS[index] ?? 'black';
  const line = ' '.repeat(columns);
  return (
    <Box flexDirection="column">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical rows of a fill
        <Text key={i} backgroundColor={colour}>
          {line}
        </Text>
      ))}
    </Box>
  );
}
