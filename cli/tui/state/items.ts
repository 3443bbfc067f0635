import type { GuideState, Item } from './types.js';

/** Whether the trainee may tick this drive: only planned, unprotected drives. The one rule the UI enforces. */
export function isSelectable(state: GuideState, path: string): boolean {
  if (state.drives.status !== 'ready') return false;
  const entry = state.drives.found.entries.find((e) => e.drive.path === path);
  return entry !== undefined && !entry.drive.protected && entry.plan !== null && entry.refusal === null;
}

const button = (id: Extract<Item, { kind: 'button' }>['id']): Item => ({ kind: 'button', id });

/** What can be focused on the current screen, in order (pure: the screens render from it). */
export function itemsFor(state: GuideState): Item[] {
  if (state.supervisor) return [button('back')];
  switch (state.screen) {
    case 'welcome':
      return [{ kind: 'field', id: 'operator' }, button('continue'), button('lang'), button('supervisor')];
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
      return [...drives, button('continue'), button('back'), button('supervisor')];
    }
    case 'confirm':
      return [{ kind: 'field', id: 'code' }, button('cancel'), button('supervisor')];
    case 'erasing':
      // Keep-going comes first: Enter on a stop question must not stop anything.
      return state.erase.stopAsked && !state.erase.stopping ? [button('keep-going'), button('stop')] : [];
    case 'results':
    case 'certificates':
      return state.screen === 'certificates' && state.certificates.status === 'working'
        ? []
        : [button('continue')];
    case 'next':
      return [button('next-machine'), ...(state.canPowerOff ? [button('power-off')] : []), button('quit')];
  }
}

function diagnosticsItems(state: GuideState): Item[] {
  const { diag } = state;
  if (diag.phase === 'unavailable' || diag.phase === 'failed' || diag.phase === 'done') {
    return [button('continue'), button('supervisor')];
  }
  const question = diag.questions[diag.questionIndex];
  if (!question) return [button('supervisor')]; // waiting for the automatic tests
  const choices: Item[] = question.choices.map((c) => ({ kind: 'choice', id: c.id }));
  // A question set without its own "unsure" choice still gets the supervisor button.
  return question.choices.some((c) => c.id === 'unsure') ? choices : [...choices, button('supervisor')];
}

export function focusedItem(state: GuideState): Item | undefined {
  return itemsFor(state)[state.focus];
}
