/**
 * What the keys do to the flow (pure): Enter, Space/Left/Right, Esc and Ctrl-C, screen by screen. Moving back
 * never forgets what was typed or ticked; Ctrl-C always asks before anything stops.
 */

import { checkCode, confirmSteps, plansToRun } from './confirm-steps.js';
import { answer, startDiagnostics } from './diag-flow.js';
import { hubHolds } from './hub.js';
import { initialState, optionsOf } from './initial.js';
import { focusedItem, indexOf, isSelectable } from './items.js';
import { openSecret } from './secret-flow.js';
import type { GuideState, Item, Screen } from './types.js';

/** Moves to a screen, the focus on `focusOn` (an item id) or on the first item. */
export function go(state: GuideState, screen: Screen, focusOn?: string): GuideState {
  const next: GuideState = { ...state, screen, focus: 0, notice: null, overlay: null };
  return focusOn ? { ...next, focus: indexOf(next, focusOn) } : next;
}

const moveOn = (state: GuideState): GuideState => ({ ...state, focus: state.focus + 1 });

/** Enter. */
export function activate(state: GuideState): GuideState {
  const item = focusedItem(state);
  if (!item) return state;
  if (state.overlay) return closeOverlay(state, item);
  if (item.kind === 'button' && item.id === 'supervisor')
    return { ...state, overlay: { kind: 'supervisor', returnFocus: state.focus }, focus: 0 };
  // An input is done with: go to the next item. Only the confirmation code is validated by Enter itself.
  if ((item.kind === 'field' && item.id !== 'code') || item.kind === 'toggle') return moveOn(state);
  switch (state.screen) {
    case 'welcome':
      if (state.operator.trim() === '') return { ...state, notice: 'operator-required', focus: 0 };
      return go(state, 'intake');
    case 'intake':
      if (item.id === 'back') return go(state, 'welcome');
      if (state.intake.lot.trim() === '') return { ...state, notice: 'lot-required', focus: 1 };
      return { ...go(state, 'machine'), saveRequest: state.saveRequest + 1 };
    case 'machine':
      if (item.id === 'no') return { ...state, notice: 'wrong-machine' };
      return startDiagnostics(go(state, 'diagnostics'));
    case 'diagnostics':
      if (item.kind === 'choice') return answer(state, item.id);
      return go(state, 'drives');
    case 'drives':
      if (item.kind === 'unlock') return openSecret(state, item.id);
      if (item.id === 'back') return go(state, 'diagnostics', 'continue');
      // Enter on a drive validates the list, as "Continuer" does: it never ticks or unticks.
      if (state.drives.status !== 'ready') return { ...state, notice: 'not-ready' };
      if (state.selected.length === 0) return { ...state, notice: 'nothing-selected' };
      return { ...go(state, 'confirm'), confirm: { step: 0, typed: '', confirmed: [] } };
    case 'confirm':
      if (item.id === 'cancel') return go(state, 'drives', 'continue');
      return submitCode(state);
    case 'erasing':
      if (item.id === 'stop')
        return { ...state, erase: { ...state.erase, stopAsked: false, stopping: true } };
      if (item.id === 'keep-going')
        return { ...state, erase: { ...state.erase, stopAsked: false }, focus: 0 };
      return state;
    case 'results':
      return { ...go(state, 'certificates'), certificates: certificatesOnEntry(state) };
    case 'certificates':
      return go(state, 'next');
    case 'next':
      if (hubHolds(state)) return state; // its items say so too: only the supervisor button is offered
      if (item.id === 'quit') return { ...state, quit: true };
      if (item.id === 'power-off') return { ...state, powerOffRequested: true };
      return nextMachine(state);
  }
}

function closeOverlay(state: GuideState, item: Item): GuideState {
  if (item.kind === 'button' && item.id === 'leave') return { ...state, quit: true };
  return { ...state, overlay: null, focus: state.overlay?.returnFocus ?? 0 };
}

/** Space on a drive or a `< >` value, Left/Right on a `< >` value. */
export function toggle(state: GuideState): GuideState {
  const item = focusedItem(state);
  if (state.overlay || !item) return state;
  if (item.kind === 'drive') return toggleDrive(state, item.id);
  if (item.kind !== 'toggle') return state;
  if (item.id === 'lang') return { ...state, lang: state.lang === 'fr' ? 'en' : 'fr' };
  return { ...state, intake: { ...state.intake, publicDonor: !state.intake.publicDonor } };
}

/** Esc: the previous screen, the focus where it brings the trainee forward again; panels close. */
export function back(state: GuideState): GuideState {
  if (state.overlay) return { ...state, overlay: null, focus: state.overlay.returnFocus };
  if (state.screen === 'erasing' && state.erase.stopAsked)
    return { ...state, erase: { ...state.erase, stopAsked: false }, focus: 0 };
  const previous: Partial<Record<Screen, Screen>> = {
    intake: 'welcome',
    machine: 'intake',
    diagnostics: 'machine',
    drives: 'diagnostics',
    confirm: 'drives',
  };
  const target = previous[state.screen];
  if (!target) return state;
  // Back from the confirmation: the ticks stay and Enter goes straight back to it.
  return go(state, target, target === 'welcome' || target === 'machine' ? undefined : 'continue');
}

/** Ctrl-C: during an erasure, the stop question; anywhere else, the question to leave the guide. */
export function interrupt(state: GuideState): GuideState {
  if (state.screen === 'erasing' && state.erase.status === 'running') {
    if (state.erase.stopping) return state;
    return { ...state, erase: { ...state.erase, stopAsked: true }, focus: 0 };
  }
  if (state.overlay?.kind === 'quit') return state;
  const returnFocus = state.overlay ? state.overlay.returnFocus : state.focus;
  // A PSID / password panel closes: what was typed there is dropped, staying returns to the drive list.
  return { ...state, notice: null, overlay: { kind: 'quit', returnFocus }, focus: 0, secret: null };
}

function toggleDrive(state: GuideState, path: string): GuideState {
  if (!isSelectable(state, path)) return state;
  const selected = state.selected.includes(path)
    ? state.selected.filter((p) => p !== path)
    : [...state.selected, path];
  return { ...state, selected, notice: null };
}

function submitCode(state: GuideState): GuideState {
  const outcome = checkCode(state);
  if (outcome === 'wrong')
    return { ...state, notice: 'wrong-code', confirm: { ...state.confirm, typed: '' } };
  const paths = confirmSteps(state)[state.confirm.step] ?? [];
  const confirmed = [...state.confirm.confirmed, ...paths];
  if (outcome === 'next')
    return { ...state, confirm: { step: state.confirm.step + 1, typed: '', confirmed } };
  const next = { ...state, confirm: { ...state.confirm, typed: '', confirmed } };
  if (plansToRun(next).length === 0) return { ...next, notice: 'nothing-selected' };
  return {
    ...go(next, 'erasing'),
    erase: {
      status: 'running',
      progress: {},
      finished: [],
      verified: {},
      stopAsked: false,
      stopping: false,
      results: null,
      error: null,
    },
  };
}

function certificatesOnEntry(state: GuideState): GuideState['certificates'] {
  if (state.certificates.status === 'unavailable') return state.certificates;
  const erased = (state.erase.results ?? []).some(
    (r) => r.result === 'ERASED' || r.result === 'ERASED_WITH_EXCEPTIONS',
  );
  return { status: erased ? 'working' : 'nothing', issued: null, error: null };
}

/** Whether anything was erased on this machine (what the quit question and the goodbye say). */
export function erasedHere(state: GuideState): number {
  return (state.erase.results ?? []).filter(
    (r) => r.result === 'ERASED' || r.result === 'ERASED_WITH_EXCEPTIONS',
  ).length;
}

/** The next machine of the lot: same operator and lot, nothing else of this machine is kept or shown. */
function nextMachine(state: GuideState): GuideState {
  return {
    ...initialState(optionsOf(state)),
    screen: 'intake',
    focus: 2,
    cycle: state.cycle + 1,
    erasedBefore: state.erasedBefore + erasedHere(state),
    operator: state.operator,
    intake: { ...state.intake, assetTag: '' },
    // The push goes on across machines (on a stick the earlier machine's records may still be queued).
    hub: state.hub,
  };
}
