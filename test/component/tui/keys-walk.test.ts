/**
 * Every key on every screen, at every focus: one meaning per key. Enter validates or moves on, Space ticks or
 * changes a value, Left/Right change a value, Esc goes back without losing anything, Ctrl-C asks.
 */
import { describe, expect, it } from 'vitest';
import { itemsFor } from '../../../cli/tui/state/items.js';
import { type KeyLike, keyToAction, splitInput } from '../../../cli/tui/state/keys.js';
import { initialState, reduce } from '../../../cli/tui/state/reducer.js';
import type { GuideState, Screen } from '../../../cli/tui/state/types.js';
import { barePlan, bootStick, entry, hdd, result, ssd } from './fakes.js';

const KEYS: Record<string, [string, KeyLike]> = {
  up: ['', { upArrow: true }],
  down: ['', { downArrow: true }],
  tab: ['', { tab: true }],
  'shift-tab': ['', { tab: true, shift: true }],
  enter: ['', { return: true }],
  space: [' ', {}],
  left: ['', { leftArrow: true }],
  right: ['', { rightArrow: true }],
  esc: ['', { escape: true }],
  'ctrl-c': ['c', { ctrl: true }],
  letter: ['x', {}],
  backspace: ['', { backspace: true }],
};

const questions = [
  {
    id: 'hinge',
    prompt: { fr: 'Charnières ?', en: 'Hinges?' },
    instructions: { fr: '', en: '' },
    choices: [
      { id: 'ok', label: { fr: 'Oui', en: 'Yes' } },
      { id: 'unsure', label: { fr: 'Je ne sais pas', en: 'Unsure' } },
    ],
  },
];
const summary = {
  status: 'incomplete' as const,
  headline: { fr: 'INCOMPLET : 1 fonction non testée', en: 'INCOMPLETE: 1 function not tested' },
  untested: { fr: 'processeur', en: 'processor' },
  explanations: [],
  rows: [
    { id: '0:cpu', verdict: 'untested' as const, name: { fr: 'processeur', en: 'processor' }, reason: null },
    { id: '1:smart', verdict: 'pass' as const, name: { fr: 'disques', en: 'drives' }, reason: null },
  ],
  notes: { fr: '', en: '' },
  inventory: { cpu: null, memoryBytes: null },
};

function base(): GuideState {
  let s = initialState({ lang: 'fr', questions, certificates: true });
  s = reduce(s, {
    type: 'discovered',
    found: { entries: [entry(hdd), entry(ssd), entry(bootStick)], warnings: [], onlyDevices: null },
  });
  return {
    ...s,
    operator: 'Awa',
    intake: { donor: 'Mairie', lot: 'L-1', assetTag: 'INV-1', publicDonor: false },
    selected: ['/dev/sdb'],
  };
}

/** Every screen, and the states within a screen that change what the keys do. */
function states(): Array<[string, GuideState]> {
  const s = base();
  const at = (screen: Screen, over: Partial<GuideState> = {}): GuideState => ({ ...s, screen, ...over });
  const running = { ...s.diag, phase: 'running' as const };
  const erasing = at('erasing', {
    confirm: { step: 1, typed: '', confirmed: ['/dev/sdb', '/dev/sdc'] },
    erase: { ...s.erase, status: 'running' },
  });
  const results = reduce(at('erasing'), { type: 'erase-finished', results: [result(entry(hdd).plan!)] });
  return [
    ['welcome', at('welcome')],
    ['intake', at('intake')],
    ['machine', at('machine')],
    ['diagnostics (question)', at('diagnostics', { diag: running })],
    ['diagnostics (result)', at('diagnostics', { diag: { ...running, phase: 'done', summary } })],
    ['diagnostics (unavailable)', { ...at('diagnostics'), diag: initialState({ lang: 'fr' }).diag }],
    ['drives', at('drives')],
    ['confirm', at('confirm', { confirm: { step: 0, typed: '34', confirmed: [] } })],
    ['erasing', erasing],
    ['erasing (stop question)', reduce(erasing, { type: 'interrupt' })],
    ['results', results],
    ['certificates', reduce(results, { type: 'activate' })],
    ['next', at('next')],
    ['supervisor panel', { ...at('drives'), overlay: { kind: 'supervisor', returnFocus: 2 } }],
    ['quit question', reduce(at('intake', { focus: 2 }), { type: 'interrupt' })],
  ];
}

const PREVIOUS: Partial<Record<Screen, Screen>> = {
  intake: 'welcome',
  machine: 'intake',
  diagnostics: 'machine',
  drives: 'diagnostics',
  confirm: 'drives',
};

/** What a person typed or ticked: no key but typing, Space and Left/Right may change it. */
const kept = (s: GuideState) => ({
  operator: s.operator,
  intake: s.intake,
  selected: s.selected,
  lang: s.lang,
});

describe('every key on every screen, at every focus', () => {
  for (const [name, start] of states()) {
    it(name, () => {
      const count = Math.max(1, itemsFor(start).length);
      for (let focus = 0; focus < count; focus++) {
        const state = { ...start, focus };
        const item = itemsFor(state)[focus];
        for (const [key, [input, flags]] of Object.entries(KEYS)) {
          const action = keyToAction(state, input, flags);
          const next = action ? reduce(state, action) : state;
          const where = `${name}, focus ${focus} (${item?.kind}:${item?.id}), key ${key}`;
          // Whatever the key, the focus is on an item that exists (so it is drawn).
          const items = itemsFor(next).length;
          if (items > 0) expect(next.focus, where).toBeLessThan(items);
          switch (key) {
            case 'up':
            case 'down':
            case 'tab':
            case 'shift-tab':
              expect({ ...next, focus: 0, notice: null }, where).toEqual({
                ...state,
                focus: 0,
                notice: null,
              });
              break;
            case 'enter':
              // Enter never ticks, unticks or flips a value; only the next machine starts afresh.
              if (item?.id === 'next-machine')
                expect(next).toMatchObject({ screen: 'intake', selected: [], intake: { assetTag: '' } });
              else expect(kept(next), where).toEqual(kept(state));
              if (item?.kind === 'field' && item.id !== 'code') expect(next.focus, where).toBe(focus + 1);
              if (item?.kind === 'toggle') expect(next.focus, where).toBe(focus + 1);
              break;
            case 'space':
            case 'left':
            case 'right':
              if (item?.kind === 'drive' && key === 'space') {
                expect(next.selected.includes(item.id), where).toBe(!state.selected.includes(item.id));
                expect(next.screen).toBe(state.screen);
              } else if (item?.kind === 'toggle') {
                expect(kept(next), where).not.toEqual(kept(state));
                expect(next.screen).toBe(state.screen);
              } else if (item?.kind === 'field' && key === 'space') {
                expect(action, where).toMatchObject({ type: 'edit' });
              } else {
                expect(action, where).toBeNull();
              }
              break;
            case 'esc': {
              expect(kept(next), where).toEqual(kept(state));
              const target = state.overlay || state.erase.stopAsked ? state.screen : PREVIOUS[state.screen];
              expect(next.screen, where).toBe(target ?? state.screen);
              expect(next.overlay, where).toBeNull();
              if (state.screen === 'confirm' && !state.overlay)
                expect(itemsFor(next)[next.focus]?.id, where).toBe('continue');
              break;
            }
            case 'ctrl-c':
              expect(next.quit, where).toBe(false);
              expect(kept(next), where).toEqual(kept(state));
              expect(next.overlay?.kind === 'quit' || next.erase.stopAsked, where).toBe(true);
              break;
            case 'letter':
            case 'backspace':
              if (item?.kind === 'field')
                expect(action, where).toMatchObject({ type: 'edit', field: item.id });
              else expect(action, where).toBeNull();
              break;
          }
        }
      }
    });
  }

  it('while the hardware tests run, the guide reads no key but Ctrl-C', () => {
    const s: GuideState = {
      ...base(),
      screen: 'diagnostics',
      diag: { ...base().diag, phase: 'running', hardware: { status: 'testing', plan: barePlan() } },
    };
    for (const [key, [input, flags]] of Object.entries(KEYS)) {
      const action = keyToAction(s, input, flags);
      if (key === 'ctrl-c') expect(action).toEqual({ type: 'interrupt' });
      else expect(action, key).toBeNull();
    }
    const asked = reduce(s, { type: 'interrupt' });
    expect(asked.overlay?.kind).toBe('quit');
    // With the question up, its own keys work again.
    expect(keyToAction(asked, '', { downArrow: true })).toEqual({ type: 'focus', delta: 1 });
  });
});

describe('text and Ctrl-C read in one chunk (a loaded machine)', () => {
  it('types the text, then asks the stop question', () => {
    let s = initialState({ lang: 'fr' });
    for (const part of splitInput('Awa\u0003', {})) {
      const action = keyToAction(s, part.input, part.key);
      if (action) s = reduce(s, action);
    }
    expect(s.operator).toBe('Awa');
    expect(s.overlay?.kind).toBe('quit');
  });

  it('leaves a lone key or plain text as it came', () => {
    expect(splitInput('a', {})).toEqual([{ input: 'a', key: {} }]);
    expect(splitInput('abc', {})).toEqual([{ input: 'abc', key: {} }]);
    expect(splitInput('\u0003x', {})).toEqual([{ input: 'c', key: { ctrl: true } }]);
  });
});
