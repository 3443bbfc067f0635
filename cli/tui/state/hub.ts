import type { GuideState } from './types.js';

/**
 * Netbooted, the records and certificates live in RAM until the hub acknowledges them: until then the guide
 * offers neither power off nor the next machine nor leaving (state/items.ts), whatever the hub answers.
 */
export function hubHolds(state: GuideState): boolean {
  const { holds, status } = state.hub;
  return holds && status !== null && status.kind !== 'acknowledged' && status.kind !== 'unlinked';
}

/**
 * Netbooted but linked to no hub (the enrolment at boot failed): the reports are in RAM only and lost at power
 * off. Said from the first screen, before anything is erased; nothing is held (the supervisor decides).
 */
export function hubUnlinked(state: GuideState): boolean {
  return state.hub.status?.kind === 'unlinked';
}

/**
 * Records (end of the erasure) or certificates were just committed: ask for a push. Netbooted, the guide holds
 * at once, before the push service has answered (a fast trainee must not reach "power off" in between).
 */
export function askHub(state: GuideState): GuideState {
  const { hub } = state;
  const status = hub.holds ? { kind: 'sending' as const, pending: null } : hub.status;
  return { ...state, hub: { ...hub, request: hub.request + 1, status } };
}
