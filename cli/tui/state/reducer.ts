/**
 * The guide as a pure state machine: keyboard intents and service reports in, screen state out. Effects
 * (discovery, erasure, diagnostics, certificates) watch this state; nothing here touches the machine.
 */

import { gradeIfReady, hardwareDone, hardwareFinished } from './diag-flow.js';
import { askHub, hubHolds } from './hub.js';
import { itemsFor } from './items.js';
import { keyToAction } from './keys.js';
import { activate, back, interrupt, toggle } from './navigation.js';
import { applyJobEvent } from './progress.js';
import { secretApplied, secretIntent } from './secret-flow.js';
import type { Action, GuideState } from './types.js';

export { checkCode, confirmSteps, expectedWord, plansToRun, TECHNICIAN_WORD } from './confirm-steps.js';
export { type InitialOptions, initialState } from './initial.js';

export function reduce(state: GuideState, action: Action): GuideState {
  switch (action.type) {
    case 'key': {
      const intent = keyToAction(state, action.input, action.key);
      return intent ? reduce(state, intent) : state;
    }
    case 'focus': {
      const count = itemsFor(state).length;
      if (count === 0) return state;
      return { ...state, notice: null, focus: (state.focus + action.delta + count) % count };
    }
    case 'edit':
      if (action.field === 'code')
        return { ...state, notice: null, confirm: { ...state.confirm, typed: action.value } };
      if (action.field === 'operator') return { ...state, notice: null, operator: action.value };
      return { ...state, notice: null, intake: { ...state.intake, [action.field]: action.value } };
    case 'activate':
      return activate({ ...state, notice: null });
    case 'toggle':
      return toggle(state);
    case 'back':
      return back({ ...state, notice: null });
    case 'interrupt':
      return interrupt(state);
    case 'service-warning':
      return { ...state, warning: action.message };
    case 'memory-loaded':
      // Only fills what the trainee has not typed yet; the asset tag is per machine, never remembered.
      return {
        ...state,
        operator: state.operator || action.operator,
        intake: {
          donor: state.intake.donor || action.intake.donor,
          lot: state.intake.lot || action.intake.lot,
          assetTag: state.intake.assetTag,
          publicDonor: state.intake.publicDonor || action.intake.publicDonor,
        },
      };
    case 'machine-read':
      return { ...state, machine: { status: 'read', identity: action.identity } };
    case 'machine-failed':
      return { ...state, machine: { status: 'failed', message: action.message } };
    case 'discovered':
      return { ...state, drives: { status: 'ready', found: action.found } };
    case 'discovery-failed':
      return { ...state, drives: { status: 'failed', message: action.message } };
    case 'hardware-planned':
      if (state.diag.hardware.status !== 'planning') return state;
      return { ...state, diag: { ...state.diag, hardware: { status: 'testing', plan: action.plan } } };
    case 'hardware-done':
      return hardwareDone(state, action.done, action.questions);
    case 'hardware-failed':
      return hardwareFinished(state, { status: 'failed', message: action.message }, action.questions);
    case 'diag-test': {
      const tests = state.diag.tests.some((t) => t.name === action.line.name)
        ? state.diag.tests.map((t) => (t.name === action.line.name ? action.line : t))
        : [...state.diag.tests, action.line];
      return { ...state, diag: { ...state.diag, tests } };
    }
    case 'diag-auto-done':
      return gradeIfReady({ ...state, diag: { ...state.diag, autoDone: true } });
    case 'diag-summary': {
      const next = { ...state, diag: { ...state.diag, phase: 'done' as const, summary: action.summary } };
      return onScreen(next, 'diagnostics');
    }
    case 'diag-failed':
      return onScreen(
        { ...state, diag: { ...state.diag, phase: 'failed', error: action.message } },
        'diagnostics',
      );
    case 'job-event': {
      const next = applyJobEvent(
        state.erase.progress,
        state.erase.finished,
        state.erase.verified,
        action.event,
      );
      return { ...state, erase: { ...state.erase, ...next } };
    }
    // The session committed the records when the erasure ended (a fault included): they go to the hub now.
    case 'erase-finished':
      return results(
        askHub({
          ...state,
          erase: { ...state.erase, status: 'done', results: action.results, stopAsked: false },
        }),
      );
    case 'erase-failed':
      return results(
        askHub({
          ...state,
          erase: { ...state.erase, status: 'failed', error: action.message, stopAsked: false },
        }),
      );
    case 'certificates-issued':
      return onScreen(
        askHub({ ...state, certificates: { status: 'done', issued: action.issued, error: null } }),
        'certificates',
      );
    case 'certificates-failed':
      return onScreen(
        { ...state, certificates: { status: 'failed', issued: null, error: action.message } },
        'certificates',
      );
    case 'secret':
      return secretIntent(state, action.intent);
    case 'secret-applied':
      return secretApplied(state, action.found);
    case 'signing-notice':
      return { ...state, signingNotice: action.notice };
    case 'secret-failed':
      return { ...state, secretHandOff: null, warning: action.message };
    case 'hub-status': {
      const next = { ...state, hub: { ...state.hub, status: action.status } };
      // The buttons of "Et maintenant ?" come (or go) with the hub's answer: the focus goes to the first one.
      return hubHolds(next) === hubHolds(state) ? next : onScreen(next, 'next');
    }
  }
}

/**
 * A report that changes the items of the screen in view puts the focus on the first one: the top of its list
 * (Enter on a list row continues, as the button does).
 */
function onScreen(state: GuideState, screen: GuideState['screen']): GuideState {
  return state.screen === screen && !state.overlay ? { ...state, focus: 0 } : state;
}

function results(state: GuideState): GuideState {
  return { ...state, screen: 'results', notice: null, overlay: null, focus: 0 };
}
