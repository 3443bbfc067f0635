/**
 * Lists in the 80x25 frame: with 1, 4, 12 or 30 drives (results, certificates, tests alike), every focus
 * position is drawn, the hidden rows are counted, long reasons wrap instead of being cut.
 */
import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { ScreenView } from '../../../cli/tui/app.js';
import { Frame } from '../../../cli/tui/components/frame.js';
import { itemsFor } from '../../../cli/tui/state/items.js';
import { initialState, reduce } from '../../../cli/tui/state/reducer.js';
import type { Glyphs, GuideState } from '../../../cli/tui/state/types.js';
import type { Drive } from '../../../core/drive.js';
import { text } from '../../../core/i18n.js';
import { bootStick, entry, fakeDrive, result } from './fakes.js';

function view(state: GuideState): string {
  const { lastFrame, unmount } = render(
    <Box>
      <Frame state={state}>
        <ScreenView state={state} />
      </Frame>
    </Box>,
  );
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

const longDetail =
  'loop7 est monté sur /tmp/gomme-essai-tres-long/points-de-montage/partage-de-donnees-du-donateur-numero-2';

/** `count` drives: loop devices without model or serial, every fifth one protected (mounted, long reason). */
function drives(count: number): Drive[] {
  return Array.from({ length: count }, (_, i) => {
    const path = `/dev/loop${i + 10}`;
    const d = fakeDrive({ path, name: `loop${i + 10}`, model: null, serial: null, transport: 'loop' });
    if (i % 5 !== 3) return d;
    return {
      ...d,
      protected: true,
      protections: [{ reason: 'mounted' as const, detail: text(longDetail, longDetail) }],
    };
  });
}

function atDrives(list: Drive[], glyphs: Glyphs = 'ascii'): GuideState {
  const s = reduce(initialState({ lang: 'fr', glyphs }), {
    type: 'discovered',
    found: { entries: [entry(bootStick), ...list.map(entry)], warnings: [], onlyDevices: null },
  });
  return { ...s, screen: 'drives', focus: 0 };
}

function expectFits(frame: string, glyphs: Glyphs = 'ascii'): void {
  const lines = frame.split('\n');
  expect(lines.length, frame).toBeLessThanOrEqual(25);
  for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
  if (glyphs === 'ascii') expect(frame).not.toMatch(/[^\u0000-\u00ff]/);
  expect(frame).not.toContain('...');
}

/** The one line with the focus marker. */
function focusedLine(frame: string): string {
  const marked = frame.split('\n').filter((l) => l.startsWith('> '));
  expect(marked, frame).toHaveLength(1);
  return marked[0] ?? '';
}

/** Rows drawn plus rows counted by "^ N de plus" / "v N de plus" must be every row. */
function expectAllAccountedFor(frame: string, paths: string[], glyphs: Glyphs = 'ascii'): void {
  const up = glyphs === 'ascii' ? '\\^' : '\u25b2';
  const down = glyphs === 'ascii' ? 'v' : '\u25bc';
  const above = Number(new RegExp(`^  ${up} (\\d+) de plus$`, 'm').exec(frame)?.[1] ?? 0);
  const below = Number(new RegExp(`^  ${down} (\\d+) de plus$`, 'm').exec(frame)?.[1] ?? 0);
  const drawn = paths.filter((p) => new RegExp(`(\\] |^ {6})${p} `, 'm').test(frame));
  expect(above + drawn.length + below, frame).toBe(paths.length);
}

describe('the drive list scrolls within the frame', () => {
  for (const count of [1, 4, 12, 30]) {
    it(`${count} drive(s): every focus position is drawn, nothing cut`, () => {
      const list = drives(count);
      const paths = [bootStick.path, ...list.map((d) => d.path)];
      let state = atDrives(list);
      const items = itemsFor(state);
      for (let step = 0; step < items.length; step++) {
        const item = itemsFor(state)[state.focus];
        // A notice and a service warning take room too (tried every third step): the list still fits.
        const crowded = { ...state, notice: 'nothing-selected' as const, warning: 'intake memory: EACCES' };
        for (const s of step % 3 === 0 ? [state, crowded] : [state]) {
          const frame = view(s);
          expectFits(frame);
          const line = focusedLine(frame);
          if (item?.kind === 'drive') expect(line).toContain(`${item.id} `);
          else expect(line).toContain('[ ');
          expectAllAccountedFor(frame, paths);
        }
        // Tick every other drive on the way down: what is ticked is said under the list.
        if (item?.kind === 'drive' && step % 2 === 0) state = reduce(state, { type: 'toggle' });
        state = reduce(state, { type: 'focus', delta: 1 });
      }
      expect(state.focus).toBe(0); // wrapped around to the first drive
    });
  }

  it('a long protection reason is written in full over several lines', () => {
    const state = atDrives(drives(4));
    const frame = view(state);
    expect(frame).toContain('PROTÉGÉ : en cours');
    expect(frame.replace(/\s+/g, '')).toContain(longDetail.replace(/\s+/g, ''));
    expect(frame).toContain('numéro de série inconnu');
    expect(frame).not.toContain('? n');
  });

  it('draws arrows where the terminal has them', () => {
    const list = drives(30);
    const state = { ...atDrives(list, 'unicode'), focus: 10 };
    const frame = view(state);
    expectFits(frame, 'unicode');
    expect(frame).toMatch(/\u25b2 \d+ de plus/);
    expect(frame).toMatch(/\u25bc \d+ de plus/);
    expectAllAccountedFor(frame, [bootStick.path, ...list.map((d) => d.path)], 'unicode');
  });
});

describe('the other lists scroll the same way', () => {
  it('results and certificates of 30 drives', () => {
    const list = drives(30).filter((d) => !d.protected);
    let s: GuideState = { ...atDrives(list), certificates: { status: 'idle', issued: null, error: null } };
    s = reduce(s, { type: 'erase-finished', results: list.map((d) => result(entry(d).plan!)) });
    for (let i = 0; i < itemsFor(s).length; i++) {
      const frame = view(s);
      expectFits(frame);
      const item = itemsFor(s)[s.focus];
      expect(focusedLine(frame)).toContain(item?.kind === 'line' ? `${item.id} ` : '[ Continuer ]');
      s = reduce(s, { type: 'focus', delta: 1 });
    }
    s = reduce(s, { type: 'activate' });
    s = reduce(s, {
      type: 'certificates-issued',
      issued: {
        files: [
          ...list.map((d, i) => ({
            path: `/data/certificates/GR-20250101-0a1b2c3d4e-D${i + 1}.pdf`,
            kind: 'drive' as const,
            device: d.path,
          })),
          { path: '/data/certificates/GR-20250101-0a1b2c3d4e-M.pdf', kind: 'machine' as const, device: null },
        ],
        savedIn: '/data/certificates',
        notice: null,
      },
    });
    for (let i = 0; i < itemsFor(s).length; i++) {
      const frame = view(s);
      expectFits(frame);
      expect(frame).toContain('à remettre au donateur');
      focusedLine(frame);
      s = reduce(s, { type: 'focus', delta: 1 });
    }
  });

  it('the erasing screen of 12 drives, finished ones in words and never "0 s"', () => {
    const list = drives(12).filter((d) => !d.protected);
    const at = '2025-01-01T00:00:00Z';
    let s: GuideState = {
      ...atDrives(list),
      screen: 'erasing',
      confirm: { step: 0, typed: '', confirmed: list.map((d) => d.path) },
      erase: { ...initialState({ lang: 'fr' }).erase, status: 'running' },
    };
    for (const d of list) {
      const base = { jobId: d.path, device: d.path, at };
      s = reduce(s, {
        type: 'job-event',
        event: {
          ...base,
          type: 'job-started',
          method: 'nist-clear',
          passes: 1,
          sizeBytes: 1,
          resumed: false,
        },
      });
      s = reduce(s, {
        type: 'job-event',
        event: {
          ...base,
          type: 'progress',
          phase: 'write',
          pass: 1,
          passes: 1,
          bytesDone: 1,
          bytesTotal: 4,
          rate: 1e8,
          etaSeconds: 3,
        },
      });
    }
    const first = list[0]!.path;
    s = reduce(s, {
      type: 'job-event',
      event: { jobId: first, device: first, at, type: 'job-finished', result: 'ERASED', seconds: 0 },
    });
    for (let i = 0; i < list.length; i++) {
      const frame = view(s);
      expectFits(frame);
      expect(frame).not.toMatch(/\b0 s\b/);
      focusedLine(frame);
      s = reduce(s, { type: 'focus', delta: 1 });
    }
    const frame = view({ ...s, focus: 0 });
    expect(frame).toMatch(new RegExp(`${first} +EFFACÉ \\(1 s\\)`));
    expect(frame).toContain("reste moins d'une minute");
  });
});
