import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { ScreenView } from '../../../cli/tui/app.js';
import { initialState, reduce } from '../../../cli/tui/state/reducer.js';
import type { GuideState, Screen } from '../../../cli/tui/state/types.js';
import { text } from '../../../core/i18n.js';
import { bootStick, entry, fakeDrive } from './fakes.js';

/** Drive data written by anyone (firmware strings, USB stick labels) reaches the guided screens escaped. */
const evil = 'X\u001b[2J\u001b]0;t\u0007\u009bY';
const hostile = fakeDrive({ model: `M${evil}`, serial: `S${evil}1234` });
const protectedStick = {
  ...bootStick,
  protections: [
    {
      reason: 'mounted' as const,
      detail: text(`sda1 est monté sur /media/${evil}`, `sda1 is mounted at /media/${evil}`),
    },
  ],
};

function frameOf(screen: Screen): string {
  let s: GuideState = initialState({ lang: 'fr', questions: null });
  s = reduce(s, {
    type: 'discovered',
    found: { entries: [entry(hostile), entry(protectedStick)], warnings: [], onlyDevices: null },
  });
  s = { ...s, screen, selected: [hostile.path], confirm: { step: 0, typed: '', confirmed: [] } };
  const { lastFrame, unmount } = render(<ScreenView state={s} />);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

describe('guided screens escape control characters from drive data', () => {
  it.each(['drives', 'confirm'] as const)('%s', (screen) => {
    const frame = frameOf(screen);
    // Ink's own colour codes are the only escapes left; none comes from the drive.
    const withoutInk = frame.replace(/\u001b\[[0-9;]*m/g, '');
    expect(withoutInk).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(frame).toContain('\\x1b[2J');
  });
});
