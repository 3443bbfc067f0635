import { wrap } from '../layout.js';
import { hubUnlinked } from '../state/hub.js';
import type { GuideState } from '../state/types.js';
import { colon, consoleSafe, HUB_WORDS as H } from '../wording.js';

/** The hub's status as wrapped lines, and whether it asks for attention (yellow; the words say it too). */
export interface HubLines {
  lines: string[];
  warn: boolean;
}

/**
 * Where the push to the hub stands, in words: sending, unreachable (with when it tries again), refused,
 * impossible, or everything acknowledged. Netbooted, every problem says the PC must stay on; on a stick, that
 * the trainee may go on. Netbooted without a hub, that the reports will be lost; on a stick without one, nothing.
 */
export function hubLines(state: GuideState): HubLines {
  const { lang } = state;
  const { status, holds } = state.hub;
  if (!status) return { lines: [], warn: false };
  const detail = (reason: { fr: string; en: string }) =>
    wrap(consoleSafe(`${H.detail[lang]}${colon(lang)}${reason[lang]}`), 76, '  ');
  switch (status.kind) {
    case 'sending':
      return { lines: wrap(H.sending(status.pending)[lang]), warn: false };
    case 'acknowledged':
      return { lines: wrap(H.acknowledged[lang]), warn: false };
    case 'unlinked':
      return unlinkedLines(state, 'after');
    case 'unreachable': {
      const seconds = Math.max(1, Math.ceil(status.retryInMs / 1000));
      const words = holds ? H.unreachableRam(seconds) : H.unreachableStick(seconds);
      return { lines: [...wrap(words[lang]), ...detail(status.reason)], warn: true };
    }
    case 'refused':
    case 'failed': {
      const head = status.kind === 'refused' ? H.refused(status.rejected) : H.failed;
      const keep = holds ? [H.keepOn[lang]] : [];
      return { lines: [...wrap([head[lang], ...keep].join(' ')), ...detail(status.reason)], warn: true };
    }
  }
}

/**
 * Netbooted and linked to no hub: the reports die with the PC. Before the first erasure (welcome) the supervisor
 * is called before erasing; after, before powering off. Nothing when the station is linked or on a stick.
 */
export function unlinkedLines(state: GuideState, when: 'before' | 'after'): HubLines {
  if (!hubUnlinked(state)) return { lines: [], warn: false };
  const { lang } = state;
  const head = when === 'before' ? H.unlinkedBefore : H.unlinkedAfter;
  return { lines: [...wrap(head[lang]), ...wrap(H.unlinkedHow[lang], 76, '  ')], warn: true };
}
