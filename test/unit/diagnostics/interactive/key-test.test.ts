import { describe, expect, it } from 'vitest';
import { EV_KEY, type InputEvent, parseEvtestEvents } from '../../../../core/tools/evtest/parse-evtest.js';
import {
  exitProgress,
  idleSecondsLeft,
  initialKeyTest,
  type KeyTestState,
  reduceKeyTest,
  stuckKeys,
  summariseKeyTest,
} from '../../../../diagnostics/interactive/keyboard/key-test.js';
import { keyLabel, LAYOUTS, requiredCodes } from '../../../../diagnostics/interactive/keyboard/layouts.js';
import { hardwareText } from '../../../helpers/hardware-fixtures.js';

const events = (name: string) => parseEvtestEvents(hardwareText(`input/${name}.out`));
const feed = (state: KeyTestState, list: InputEvent[]) =>
  list.reduce((s, event) => reduceKeyTest(s, { type: 'event', event }), state);
const key = (code: number, value: number, timeUs: number): InputEvent => ({
  timeUs,
  type: EV_KEY,
  code,
  value,
  name: null,
});

describe('key tester on real PS/2 key events (QEMU i8042 keyboard, evtest --grab)', () => {
  it('every key then Esc held 2.5 s: all keys seen, the test ends by the hold', () => {
    for (const layout of [LAYOUTS.fr, LAYOUTS.us]) {
      const state = feed(initialKeyTest(layout), events('evtest-grab-kbd-all-keys-then-esc-hold'));
      const summary = summariseKeyTest(state);
      expect(state.ended).toBe('esc-hold');
      expect(summary).toMatchObject({ missing: [], pass: true, expected: requiredCodes(layout).length });
      expect(summary.optionalSeen.map((c) => keyLabel(layout, c))).toContain(
        layout.id === 'fr' ? 'Inser' : 'Ins',
      );
    }
    expect(requiredCodes(LAYOUTS.fr)).toHaveLength(77);
    expect(requiredCodes(LAYOUTS.us)).toHaveLength(76);
  });

  it('five keys never pressed: they are listed in layout order; a short Esc does not end the test', () => {
    const state = feed(initialKeyTest(LAYOUTS.fr), events('evtest-grab-kbd-five-keys-missing'));
    expect(state.ended).toBeNull();
    const summary = summariseKeyTest(state);
    expect(summary.pass).toBe(false);
    expect(summary.missing.map((c) => keyLabel(LAYOUTS.fr, c))).toEqual(['F5', '<', 'B', 'AltGr', '/\\']);
    // The US board has no key left of Z: one fewer missing.
    const us = summariseKeyTest(
      feed(initialKeyTest(LAYOUTS.us), events('evtest-grab-kbd-five-keys-missing')),
    );
    expect(us.missing.map((c) => keyLabel(LAYOUTS.us, c))).toEqual(['F5', 'B', 'Alt', '/\\']);
  });

  it('a bouncing Esc then a stuck Esc never end the test; 60 s without a new press does', () => {
    const recorded = events('evtest-grab-kbd-esc-bounce-then-stuck');
    let state = feed(initialKeyTest(LAYOUTS.fr), recorded);
    expect(state.ended).toBeNull();
    const last = recorded.at(-1)?.timeUs ?? 0;
    state = reduceKeyTest(state, { type: 'tick', nowUs: last + 3_000_000 });
    expect(state.ended).toBeNull();
    expect(exitProgress(state)).toBe(1);
    state = reduceKeyTest(state, { type: 'tick', nowUs: last + 30_000_000 });
    expect(idleSecondsLeft(state)).toBe(30);
    expect(stuckKeys(state)).toEqual([1]);
    state = reduceKeyTest(state, { type: 'tick', nowUs: last + 60_000_000 });
    expect(state.ended).toBe('idle');
    expect(summariseKeyTest(state).stuck).toEqual([1]);
  });

  it('another key pressed while Esc is held cancels the way out', () => {
    const s = feed(initialKeyTest(LAYOUTS.fr), [
      key(1, 1, 0),
      key(30, 1, 500_000),
      key(30, 0, 600_000),
      key(1, 0, 2_500_000),
    ]);
    expect(s.ended).toBeNull();
    const t = feed(initialKeyTest(LAYOUTS.fr), [
      key(30, 1, 0),
      key(1, 1, 100_000),
      key(30, 0, 200_000),
      key(1, 0, 2_300_000),
    ]);
    expect(t.ended).toBeNull();
    const u = feed(initialKeyTest(LAYOUTS.fr), [
      key(1, 1, 0),
      key(1, 2, 500_000),
      key(1, 2, 1_000_000),
      key(1, 0, 2_000_000),
    ]);
    expect(u.ended).toBe('esc-hold');
  });

  it('ticks from another clock before the first key do not end a replayed test', () => {
    let state = reduceKeyTest(initialKeyTest(LAYOUTS.fr), { type: 'tick', nowUs: Date.now() * 1000 });
    state = feed(state, events('evtest-grab-kbd-five-keys-missing').slice(0, 10));
    expect(state.ended).toBeNull();
    expect(state.presses).toBeGreaterThan(0);
  });

  it('stop ends the test; nothing changes afterwards', () => {
    const s = reduceKeyTest(initialKeyTest(LAYOUTS.us), { type: 'stop' });
    expect(s.ended).toBe('stopped');
    expect(reduceKeyTest(s, { type: 'event', event: key(30, 1, 1) }).seen).toEqual([]);
  });
});
