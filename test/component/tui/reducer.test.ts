import { describe, expect, it } from 'vitest';
import { itemsFor } from '../../../cli/tui/state/items.js';
import { keyToAction } from '../../../cli/tui/state/keys.js';
import { applyJobEvent } from '../../../cli/tui/state/progress.js';
import { initialState, plansToRun, reduce, TECHNICIAN_WORD } from '../../../cli/tui/state/reducer.js';
import type { Action, GuideState } from '../../../cli/tui/state/types.js';
import { consoleSafe } from '../../../cli/tui/wording.js';
import { bootStick, entry, hdd, result, ssd } from './fakes.js';

const run = (state: GuideState, ...actions: Action[]) => actions.reduce(reduce, state);
const focusOn = (state: GuideState, id: string) => ({
  ...state,
  focus: itemsFor(state).findIndex((i) => i.id === id),
});
const activateOn = (state: GuideState, id: string) => {
  const focused = focusOn(state, id);
  expect(focused.focus, `item ${id} on ${state.screen}`).toBeGreaterThanOrEqual(0);
  return reduce(focused, { type: 'activate' });
};
const toggleOn = (state: GuideState, id: string) => reduce(focusOn(state, id), { type: 'toggle' });
const summary = {
  status: 'pass' as const,
  headline: { fr: 'BON', en: 'PASS' },
  untested: null,
  explanations: [],
  rows: [],
  notes: { fr: 'BON', en: 'PASS' },
  inventory: { cpu: null, memoryBytes: null },
};

function atDrives(technician = false): GuideState {
  let s = initialState({ lang: 'fr', technician });
  s = run(s, {
    type: 'discovered',
    found: { entries: [entry(hdd), entry(ssd), entry(bootStick)], warnings: [], onlyDevices: null },
  });
  return { ...s, screen: 'drives', focus: 0 };
}

describe('guide reducer: the flow', () => {
  it('refuses to leave the welcome screen without an operator, then walks to the machine check', () => {
    let s = initialState({ lang: 'fr' });
    s = activateOn(s, 'continue');
    expect(s.notice).toBe('operator-required');
    s = run(s, { type: 'edit', field: 'operator', value: 'Awa Diallo' });
    expect(s.notice).toBeNull();
    s = activateOn(s, 'continue');
    expect(s.screen).toBe('intake');
    s = activateOn(s, 'continue');
    expect(s.notice).toBe('lot-required');
    s = run(
      s,
      { type: 'edit', field: 'lot', value: 'L-2025-014' },
      { type: 'edit', field: 'donor', value: 'Mairie' },
    );
    s = toggleOn(s, 'publicDonor');
    expect(s.intake.publicDonor).toBe(true);
    // Enter on the value moves on; it never flips it.
    s = activateOn(s, 'publicDonor');
    expect(s.intake.publicDonor).toBe(true);
    expect(itemsFor(s)[s.focus]?.id).toBe('continue');
    s = activateOn(s, 'continue');
    expect(s.screen).toBe('machine');
    expect(s.saveRequest).toBe(1);
  });

  it('switches language from the welcome screen with Space or Left/Right, not Enter', () => {
    const s = toggleOn(initialState({ lang: 'fr' }), 'lang');
    expect(s.lang).toBe('en');
    expect(activateOn(initialState({ lang: 'fr' }), 'lang').lang).toBe('fr');
  });

  it('never overwrites typed fields with the remembered intake, and never remembers the asset tag', () => {
    let s = run(initialState({ lang: 'fr' }), { type: 'edit', field: 'donor', value: 'Typed' });
    s = run(s, {
      type: 'memory-loaded',
      operator: 'Awa',
      intake: { donor: 'Old', lot: 'L1', assetTag: 'X', publicDonor: true },
    });
    expect(s.intake).toEqual({ donor: 'Typed', lot: 'L1', assetTag: '', publicDonor: true });
    expect(s.operator).toBe('Awa');
  });

  it('stops at "wrong machine" and offers the supervisor on every screen', () => {
    let s: GuideState = { ...initialState({ lang: 'fr' }), screen: 'machine' };
    s = activateOn(s, 'no');
    expect(s.screen).toBe('machine');
    expect(s.notice).toBe('wrong-machine');
    for (const screen of ['welcome', 'intake', 'machine', 'diagnostics', 'drives', 'confirm'] as const) {
      const at = { ...atDrives(), screen };
      expect(
        itemsFor(at).some((i) => i.id === 'supervisor'),
        screen,
      ).toBe(true);
      const focusBefore = focusOn(at, 'supervisor').focus;
      const help = activateOn(at, 'supervisor');
      expect(help.overlay?.kind).toBe('supervisor');
      const closed = reduce(help, { type: 'activate' });
      expect(closed.overlay).toBeNull();
      expect(closed.focus).toBe(focusBefore);
    }
  });

  it('skips diagnostics that are not available, runs them when they are', () => {
    let s = activateOn({ ...initialState({ lang: 'fr' }), screen: 'machine' }, 'yes');
    expect(s.screen).toBe('diagnostics');
    expect(s.diag.phase).toBe('unavailable');
    expect(activateOn(s, 'continue').screen).toBe('drives');

    const questions = [
      {
        id: 'keyboard',
        prompt: { fr: 'Clavier ?', en: 'Keyboard?' },
        instructions: { fr: '', en: '' },
        choices: [
          { id: 'ok', label: { fr: 'Oui', en: 'Yes' } },
          { id: 'unsure', label: { fr: 'Je ne sais pas', en: 'Unsure' } },
        ],
      },
    ];
    s = activateOn({ ...initialState({ lang: 'fr', questions }), screen: 'machine' }, 'yes');
    expect(s.diag.phase).toBe('running');
    s = run(
      s,
      { type: 'diag-test', line: { name: 'smart', status: 'running' } },
      { type: 'diag-test', line: { name: 'smart', status: 'pass' } },
    );
    expect(s.diag.tests).toEqual([{ name: 'smart', status: 'pass' }]);
    s = activateOn(s, 'unsure');
    expect(s.diag.answers).toEqual({ keyboard: 'unsure' });
    expect(s.diag.phase).toBe('running'); // the automatic tests are not done yet
    s = run(s, { type: 'diag-auto-done' });
    expect(s.diag.phase).toBe('grading');
    s = run(s, { type: 'diag-summary', summary });
    expect(activateOn(s, 'continue').screen).toBe('drives');
  });
});

describe('guide reducer: safety', () => {
  it('makes protected drives unfocusable and unselectable', () => {
    const s = atDrives();
    const driveItems = itemsFor(s)
      .filter((i) => i.kind === 'drive')
      .map((i) => i.id);
    expect(driveItems).toEqual(['/dev/sdb', '/dev/sdc']);
    // Even a forged intent cannot tick it: the reducer re-checks.
    expect(reduce({ ...s, focus: 99 }, { type: 'toggle' }).selected).toEqual([]);
    expect(reduce({ ...s, focus: 99 }, { type: 'activate' }).selected).toEqual([]);
  });

  it('needs a ticked drive, then the serial suffix of each drive, before erasing', () => {
    let s = atDrives();
    s = activateOn(s, 'continue');
    expect(s.notice).toBe('nothing-selected');
    s = toggleOn(s, '/dev/sdb');
    s = toggleOn(s, '/dev/sdc');
    s = toggleOn(s, '/dev/sdc');
    expect(s.selected).toEqual(['/dev/sdb']);
    s = toggleOn(s, '/dev/sdc');
    s = activateOn(s, 'continue');
    expect(s.screen).toBe('confirm');
    s = run(s, { type: 'edit', field: 'code', value: '9999' }, { type: 'activate' });
    expect(s.notice).toBe('wrong-code');
    expect(s.screen).toBe('confirm');
    expect(plansToRun(s)).toEqual([]);
    s = run(s, { type: 'edit', field: 'code', value: '3456' }, { type: 'activate' });
    expect(s.confirm).toMatchObject({ step: 1, confirmed: ['/dev/sdb'] });
    expect(s.screen).toBe('confirm');
    s = run(s, { type: 'edit', field: 'code', value: '345x' }, { type: 'activate' }); // lower case is fine
    expect(s.screen).toBe('erasing');
    expect(s.erase.status).toBe('running');
    expect(plansToRun(s).map((p) => p.drive.path)).toEqual(['/dev/sdb', '/dev/sdc']);
  });

  it('technician mode confirms the batch with one word', () => {
    let s = atDrives(true);
    s = toggleOn(toggleOn(s, '/dev/sdb'), '/dev/sdc');
    s = activateOn(s, 'continue');
    s = run(
      s,
      { type: 'edit', field: 'code', value: TECHNICIAN_WORD.fr.toLowerCase() },
      { type: 'activate' },
    );
    expect(s.screen).toBe('erasing');
    expect(plansToRun(s)).toHaveLength(2);
  });

  it('cancelling the confirmation erases nothing and forgets what was typed', () => {
    let s = activateOn(toggleOn(atDrives(), '/dev/sdb'), 'continue');
    s = run(s, { type: 'edit', field: 'code', value: '3456' }, { type: 'activate' });
    expect(s.screen).toBe('erasing');
    let c = activateOn(toggleOn(atDrives(), '/dev/sdb'), 'continue');
    c = activateOn(c, 'cancel');
    expect(c.screen).toBe('drives');
    expect(plansToRun(c)).toEqual([]);
    // The ticks stay, the focus is on Continuer: Enter goes straight back to the confirmation.
    expect(c.selected).toEqual(['/dev/sdb']);
    expect(itemsFor(c)[c.focus]?.id).toBe('continue');
  });

  it('Ctrl-C during an erasure asks first; "keep going" is the default', () => {
    let s = run(
      activateOn(toggleOn(atDrives(), '/dev/sdb'), 'continue'),
      { type: 'edit', field: 'code', value: '3456' },
      { type: 'activate' },
    );
    s = run(s, { type: 'interrupt' });
    expect(s.erase.stopAsked).toBe(true);
    expect(s.quit).toBe(false);
    expect(reduce(s, { type: 'activate' }).erase).toMatchObject({ stopAsked: false, stopping: false });
    s = activateOn(s, 'stop');
    expect(s.erase.stopping).toBe(true);
    s = run(s, { type: 'erase-finished', results: [result(entry(hdd).plan!, 'ABORTED')] });
    expect(s.screen).toBe('results');
  });

  it('Ctrl-C before any erasure asks; "stay" is the default and brings the focus back', () => {
    const at = focusOn(toggleOn(atDrives(), '/dev/sdc'), 'continue');
    const asked = reduce(at, { type: 'interrupt' });
    expect(asked.quit).toBe(false);
    expect(asked.overlay?.kind).toBe('quit');
    expect(itemsFor(asked).map((i) => i.id)).toEqual(['stay', 'leave']);
    expect(reduce(asked, { type: 'interrupt' })).toEqual(asked);
    const stayed = reduce(asked, { type: 'activate' });
    expect(stayed).toMatchObject({ overlay: null, focus: at.focus, selected: ['/dev/sdc'], quit: false });
    expect(reduce(asked, { type: 'back' }).overlay).toBeNull();
    expect(activateOn(asked, 'leave').quit).toBe(true);
  });
});

describe('guide reducer: progress, results, next machine', () => {
  const base = { jobId: 'j', device: '/dev/sdb', at: '2025-01-01T00:00:00Z' };
  it('folds engine events into bars and finished lines', () => {
    let p = applyJobEvent(
      {},
      [],
      {},
      { ...base, type: 'job-started', method: 'nist-clear', passes: 1, sizeBytes: 100, resumed: false },
    );
    p = applyJobEvent(p.progress, p.finished, p.verified, {
      ...base,
      type: 'progress',
      phase: 'write',
      pass: 1,
      passes: 1,
      bytesDone: 50,
      bytesTotal: 100,
      rate: 1e8,
      etaSeconds: 30,
    });
    expect(p.progress['/dev/sdb']).toMatchObject({ fraction: 0.5, etaSeconds: 30 });
    p = applyJobEvent(p.progress, p.finished, p.verified, {
      ...base,
      type: 'verify-finished',
      pass: 1,
      bytesRead: 10,
      mismatches: 0,
      passed: true,
    });
    p = applyJobEvent(p.progress, p.finished, p.verified, {
      ...base,
      type: 'job-finished',
      result: 'ERASED',
      seconds: 60,
    });
    expect(p.progress).toEqual({});
    expect(p.finished).toEqual([{ device: '/dev/sdb', result: 'ERASED', seconds: 60, verified: true }]);
  });

  it('goes to certificates, or says there is nothing to certify', () => {
    let s = run(atDrives(), { type: 'erase-finished', results: [result(entry(hdd).plan!)] });
    s = activateOn(s, 'continue');
    expect(s.screen).toBe('certificates');
    expect(s.certificates.status).toBe('unavailable');
    const withCerts = { ...atDrives(), certificates: { status: 'idle' as const, issued: null, error: null } };
    const aborted = run(withCerts, {
      type: 'erase-finished',
      results: [result(entry(hdd).plan!, 'ABORTED')],
    });
    expect(activateOn(aborted, 'continue').certificates.status).toBe('nothing');
    const erased = run(withCerts, { type: 'erase-finished', results: [result(entry(hdd).plan!)] });
    expect(activateOn(erased, 'continue').certificates.status).toBe('working');
  });

  it('starts the next machine with the same operator and lot but a blank asset tag', () => {
    let s: GuideState = {
      ...atDrives(),
      screen: 'next',
      operator: 'Awa',
      intake: { donor: 'D', lot: 'L', assetTag: 'A1', publicDonor: true },
    };
    s = activateOn(s, 'next-machine');
    expect(s).toMatchObject({
      screen: 'intake',
      cycle: 1,
      operator: 'Awa',
      intake: { donor: 'D', lot: 'L', assetTag: '', publicDonor: true },
    });
    expect(s.drives.status).toBe('loading');
    expect(itemsFor(s)[s.focus]?.id).toBe('assetTag');
  });

  it('offers power off only when the service exists', () => {
    const s: GuideState = { ...initialState({ lang: 'fr' }), screen: 'next' };
    expect(itemsFor(s).map((i) => i.id)).toEqual(['next-machine', 'quit']);
    expect(itemsFor({ ...s, canPowerOff: true }).map((i) => i.id)).toContain('power-off');
  });
});

describe('keys and console text', () => {
  it('maps keys to intents; typing goes to the focused field only', () => {
    const s = initialState({ lang: 'fr' });
    expect(keyToAction(s, 'a', {})).toEqual({ type: 'edit', field: 'operator', value: 'a' });
    expect(keyToAction({ ...s, operator: 'ab' }, '', { delete: true })).toEqual({
      type: 'edit',
      field: 'operator',
      value: 'a',
    });
    expect(keyToAction(s, '', { return: true })).toEqual({ type: 'activate' });
    expect(keyToAction(s, '', { tab: true, shift: true })).toEqual({ type: 'focus', delta: -1 });
    expect(keyToAction(s, 'c', { ctrl: true })).toEqual({ type: 'interrupt' });
    expect(keyToAction(s, ' ', {})).toEqual({ type: 'edit', field: 'operator', value: ' ' });
    expect(keyToAction({ ...s, focus: 1 }, 'x', {})).toBeNull();
    // Space on a button does nothing: it ticks and toggles only.
    expect(keyToAction({ ...s, focus: 1 }, ' ', {})).toBeNull();
    expect(keyToAction({ ...s, focus: 2 }, ' ', {})).toEqual({ type: 'toggle' });
    expect(keyToAction({ ...s, focus: 2 }, '', { rightArrow: true })).toEqual({ type: 'toggle' });
    expect(keyToAction({ ...s, focus: 1 }, '', { leftArrow: true })).toBeNull();
  });

  it('maps typographic punctuation to ASCII for the console font', () => {
    expect(consoleSafe('n’atteint « Clear » … ≥ 5 → ok')).toBe('n\'atteint "Clear" ... >= 5 -> ok');
  });
});
