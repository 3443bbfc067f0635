/**
 * The confirmation: one typed code per drive (the end of its serial, or its name), or one word for a
 * technician's batch. The plans handed to the engine are recomputed from state, so no UI path skips a check.
 */
import type { Lang } from '../../../core/i18n.js';
import type { ErasePlan } from '../../../erasure/plan/build-plan.js';
import { confirmationWord } from '../../confirm.js';
import { isSelectable } from './items.js';
import type { GuideState } from './types.js';

/** The word a technician types once for a whole batch. */
export const TECHNICIAN_WORD: Record<Lang, string> = { fr: 'EFFACER', en: 'ERASE' };

/** The drives the confirmation step walks through: one per drive, or one step for a technician's batch. */
export function confirmSteps(state: GuideState): string[][] {
  return state.technician ? [state.selected] : state.selected.map((p) => [p]);
}

export function expectedWord(state: GuideState, paths: readonly string[]): string {
  if (state.technician) return TECHNICIAN_WORD[state.lang];
  const entry = entryFor(state, paths[0] ?? '');
  return entry ? confirmationWord(entry.drive) : '';
}

export function entryFor(state: GuideState, path: string) {
  return state.drives.status === 'ready'
    ? state.drives.found.entries.find((e) => e.drive.path === path)
    : undefined;
}

/** The outcome of Enter on the code: wrong (typed forgotten), next drive, or every drive confirmed. */
export function checkCode(state: GuideState): 'wrong' | 'next' | 'all' {
  const steps = confirmSteps(state);
  const expected = expectedWord(state, steps[state.confirm.step] ?? []);
  // Case does not prove anything: what counts is that the trainee read this drive's serial.
  if (expected === '' || state.confirm.typed.trim().toUpperCase() !== expected.toUpperCase()) return 'wrong';
  return state.confirm.step + 1 < steps.length ? 'next' : 'all';
}

/**
 * The only plans the effect layer may hand to the erasure engine: selected, still selectable (unprotected,
 * planned) and confirmed with the right word.
 */
export function plansToRun(state: GuideState): ErasePlan[] {
  return state.selected.flatMap((path) => {
    const entry = entryFor(state, path);
    if (!entry?.plan || !isSelectable(state, path) || !state.confirm.confirmed.includes(path)) return [];
    return [entry.plan];
  });
}
