/**
 * The PSID / password panel in the guide's flow (pure): opened from a locked drive's button, driven by
 * session/secret-prompt.ts, closed with the focus back where it was. A checked secret waits in
 * `secretHandOff` for the credential service, which plans the drives again with it.
 */
import { openPrompt, type SecretIntent, stepPrompt } from '../../../session/secret-prompt.js';
import type { Discovered } from '../services.js';
import type { GuideState } from './types.js';

/** Enter on a locked drive's button. */
export function openSecret(state: GuideState, device: string): GuideState {
  if (state.drives.status !== 'ready') return state;
  const entry = state.drives.found.entries.find((e) => e.drive.path === device);
  if (!entry?.secret) return state;
  return {
    ...state,
    overlay: { kind: 'secret', returnFocus: state.focus },
    secret: openPrompt(device, entry.secret),
    focus: 0,
  };
}

export function secretIntent(state: GuideState, intent: SecretIntent): GuideState {
  if (state.overlay?.kind !== 'secret' || !state.secret) return state;
  const outcome = stepPrompt(state.secret, intent);
  if (outcome.kind === 'editing') return { ...state, secret: outcome.prompt };
  const closed = closeSecret(state);
  if (outcome.kind === 'skip') return closed;
  const { device, serial, credential } = outcome;
  return { ...closed, secretHandOff: { device, serial, credential } };
}

/** The drives planned again with the secret: the drive's plan changes from "à détruire" to its erasure. */
export function secretApplied(state: GuideState, found: Discovered): GuideState {
  const device = state.secretHandOff?.device;
  const planned = found.entries.find((e) => e.drive.path === device);
  // Ticked for the trainee, who typed the secret to erase it; a protected or refused drive stays unticked.
  const tick =
    device && planned?.plan && !planned.plan.job.destroy && !planned.drive.protected && !planned.refusal;
  const selected = tick && !state.selected.includes(device) ? [...state.selected, device] : state.selected;
  return { ...state, secretHandOff: null, drives: { status: 'ready', found }, selected };
}

function closeSecret(state: GuideState): GuideState {
  return { ...state, overlay: null, secret: null, focus: state.overlay?.returnFocus ?? 0 };
}
