import { hubHolds } from './hub.js';
import type { ButtonId, GuideState, Item } from './types.js';

/** Whether the trainee may tick this drive: only planned, unprotected drives. The one rule the UI enforces. */
export function isSelectable(state: GuideState, path: string): boolean {
  if (state.drives.status !== 'ready') return false;
  const entry = state.drives.found.entries.find((e) => e.drive.path === path);
  return entry !== undefined && !entry.drive.protected && entry.plan !== null && entry.refusal === null;
}

const button = (id: ButtonId): Item => ({ kind: 'button', id });
const line = (id: string): Item => ({ kind: 'line', id });

/** What can be focused on the current screen, in order (pure: the screens render from it). */
export function itemsFor(state: GuideState): Item[] {
  if (state.overlay?.kind === 'quit') return [button('stay'), button('leave')];
  if (state.overlay?.kind === 'supervisor') return [button('back')];
  // The PSID / password panel reads its own keys (state/keys.ts): nothing to focus.
  if (state.overlay?.kind === 'secret') return [];
  return screenItems(state);
}

/** The screen's own items, whatever panel is over it (the focus comes back to one of these). */
export function screenItems(state: GuideState): Item[] {
  switch (state.screen) {
    case 'welcome':
      return [
        { kind: 'field', id: 'operator' },
        button('continue'),
        { kind: 'toggle', id: 'lang' },
        button('supervisor'),
      ];
    case 'intake':
      return [
        { kind: 'field', id: 'donor' },
        { kind: 'field', id: 'lot' },
        { kind: 'field', id: 'assetTag' },
        { kind: 'toggle', id: 'publicDonor' },
        button('continue'),
        button('back'),
        button('supervisor'),
      ];
    case 'machine':
      return [button('yes'), button('no'), button('supervisor')];
    case 'diagnostics':
      return diagnosticsItems(state);
    case 'drives': {
      if (state.drives.status !== 'ready') return [button('back'), button('supervisor')];
      const drives: Item[] = state.drives.found.entries
        .filter((e) => isSelectable(state, e.drive.path))
        .map((e) => ({ kind: 'drive', id: e.drive.path }));
      // A locked drive gets its own button: Enter opens the PSID / password panel, Space never does.
      const unlock: Item[] = state.drives.found.entries
        .filter((e) => e.secret && !e.drive.protected)
        .map((e) => ({ kind: 'unlock', id: e.drive.path }));
      return [...drives, ...unlock, button('continue'), button('back'), button('supervisor')];
    }
    case 'confirm':
      return [{ kind: 'field', id: 'code' }, button('cancel'), button('supervisor')];
    case 'erasing':
      // Keep-going comes first: Enter on a stop question must not stop anything.
      if (state.erase.stopAsked && !state.erase.stopping) return [button('keep-going'), button('stop')];
      return state.confirm.confirmed.map(line);
    case 'results':
      return [...(state.erase.results ?? []).map((r) => line(r.job.drive.path)), button('continue')];
    case 'certificates': {
      if (state.certificates.status === 'working') return [];
      const files = state.certificates.issued?.files ?? [];
      return [...files.map((f) => line(f.path)), button('continue')];
    }
    case 'next':
      // Netbooted and the hub still missing something: nothing that ends the session (Ctrl-C still asks).
      if (hubHolds(state)) return [button('supervisor')];
      return [button('next-machine'), ...(state.canPowerOff ? [button('power-off')] : []), button('quit')];
  }
}

function diagnosticsItems(state: GuideState): Item[] {
  const { diag } = state;
  if (diag.phase === 'done' && diag.summary) {
    return [...diag.summary.rows.map((r) => line(r.id)), button('continue'), button('supervisor')];
  }
  if (diag.phase === 'unavailable' || diag.phase === 'failed' || diag.phase === 'done') {
    return [button('continue'), button('supervisor')];
  }
  // The hardware tests own the keyboard while they run (they have their own buttons).
  if (diag.hardware.status === 'testing') return [];
  const question = diag.questions?.[diag.questionIndex];
  if (!question) return [button('supervisor')]; // waiting for the hardware or automatic tests
  const choices: Item[] = question.choices.map((c) => ({ kind: 'choice', id: c.id }));
  // A question set without its own "unsure" choice still gets the supervisor button.
  return question.choices.some((c) => c.id === 'unsure') ? choices : [...choices, button('supervisor')];
}

export function focusedItem(state: GuideState): Item | undefined {
  return itemsFor(state)[state.focus];
}

/** The index of an item on the screen, for landing the focus on it (0 when it is not there). */
export function indexOf(state: GuideState, id: string): number {
  return Math.max(
    0,
    screenItems(state).findIndex((i) => i.id === id),
  );
}
