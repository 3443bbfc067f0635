import { describe, expect, it } from 'vitest';

describe('screen colour test', () => {
  it('a colour page paints every cell of the screen, with no text on it', async () => {
    // Colours must be on to see the painted spaces (without them Ink trims blank line ends); set before Ink loads.
    process.env.FORCE_COLOR = '1';
    const { render } = await import('ink-testing-library');
    const { ColourFill } = await import('../../../cli/tui/screens/hardware/colour-fill.js');
    delete process.env.FORCE_COLOR;
    const { lastFrame, unmount } = render(<ColourFill index={2} rows={25} columns={80} />);
    const frame = lastFrame() ?? '';
    unmount();
    const lines = frame.split('\n');
    expect(lines).toHaveLength(25);
    for (const line of lines) {
      // Red background (41) around exactly 80 spaces.
      expect(line).toMatch(/^\u001b\[41m {80}\u001b\[49m$/);
    }
  });
});
