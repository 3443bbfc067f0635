/**
 * ATA SANITIZE (crypto scramble, block erase, overwrite) through hdparm, followed with --sanitize-status.
 * "Completed Without Error" shows even on drives that never sanitized (nwipe se_ata.h), so a success only
 * counts after SD2 was seen or the status changed; otherwise the outcome is 'unconfirmed'.
 */
import type { Drive } from '../../core/drive.js';
import { text } from '../../core/i18n.js';
import { type AtaSanitizeAction, sanitizeArgs, sanitizeStatusArgs } from '../../core/tools/hdparm/args.js';
import {
  type HdparmSanitizeStatus,
  parseHdparmSanitizeStatus,
} from '../../core/tools/hdparm/parse-sanitize-status.js';
import { ATA_TEXT, ataReachable } from './ata-messages.js';
import type { PurgeEngine, Supports } from './engine.js';
import { estimatePurgeSeconds, timeoutFor } from './estimate.js';
import type { PollReading } from './poll.js';
import { runSanitizeFlow } from './sanitize-flow.js';
import { defineEngine } from './session.js';

const ACTIONS = {
  'ata-sanitize-crypto': { action: 'crypto-scramble', cap: 'crypto' },
  'ata-sanitize-block': { action: 'block-erase', cap: 'blockErase' },
  'ata-sanitize-overwrite': { action: 'overwrite', cap: 'overwrite' },
} as const satisfies Record<string, { action: AtaSanitizeAction; cap: string }>;

export type AtaSanitizeEngineId = keyof typeof ACTIONS;

const TEXT = {
  unsupported: text(
    'Le disque ne propose pas cette action SANITIZE.',
    'The drive does not offer this SANITIZE action.',
  ),
  sanitizeFrozen: text(
    'Les commandes SANITIZE sont gelées (SD1) : seul un arrêt complet du disque les libère.',
    'SANITIZE commands are frozen (SD1): only a power cycle of the drive releases them.',
  ),
  statusUnreadable: text(
    'L’état SANITIZE du disque est illisible : gomme ne pourrait pas constater la fin, il ne lance rien.',
    'The drive’s SANITIZE status is unreadable: gomme could not observe the end, so it starts nothing.',
  ),
} as const;

export function ataSanitizeEngine(id: AtaSanitizeEngineId): PurgeEngine {
  const { action, cap } = ACTIONS[id];
  const supports = (drive: Drive): Supports => {
    if (!ataReachable(drive)) return { ok: false, reason: ATA_TEXT.notDirect };
    const san = drive.capabilities.ataSanitize;
    if (san?.supported !== true || san[cap] !== true) return { ok: false, reason: TEXT.unsupported };
    const sec = drive.capabilities.ataSecurity;
    if (sec?.frozen === true) return { ok: false, reason: ATA_TEXT.frozen };
    if (sec?.locked === true) return { ok: false, reason: ATA_TEXT.locked };
    return { ok: true };
  };
  return defineEngine(id, supports, async (session, drive) => {
    const dev = drive.path;
    const estimate = estimatePurgeSeconds(drive, id);
    return runSanitizeFlow<HdparmSanitizeStatus>(session, {
      async readStatus() {
        const result = await session.run('hdparm', sanitizeStatusArgs(dev), 15_000);
        const status = parseHdparmSanitizeStatus(`${result.stdout}\n${result.stderr}`);
        const reading = toReading(status);
        return { snapshot: reading.state === 'unreadable' ? null : status, reading };
      },
      blocker: (before) =>
        before.state === 'SD1' ? { code: 'sanitize-frozen', message: TEXT.sanitizeFrozen } : null,
      start: () => session.run('hdparm', sanitizeArgs(action, dev), 60_000),
      sameState: (a, b) =>
        a.state === b.state &&
        a.lastCompletedWithoutError === b.lastCompletedWithoutError &&
        a.errorReason === b.errorReason,
      estimateSeconds: estimate.seconds,
      timeoutMs: timeoutFor(estimate),
      statusUnreadable: TEXT.statusUnreadable,
    });
  });
}

function toReading(s: HdparmSanitizeStatus): PollReading {
  if (s.notSupported)
    return { state: 'unreadable', fraction: null, detail: 'SANITIZE feature set is not supported' };
  if (s.state === 'SD2') {
    return {
      state: 'in-progress',
      fraction: s.progressPercent === null ? null : s.progressPercent / 100,
      detail: null,
    };
  }
  if (s.state === 'SD3' || s.errorReason !== null)
    return { state: 'failed', fraction: null, detail: s.errorReason };
  if (s.state === 'SD1') return { state: 'failed', fraction: null, detail: 'SD1 Sanitize Frozen' };
  if (s.state === 'SD0' || s.state === 'SD4') {
    return s.lastCompletedWithoutError === true || s.state === 'SD4'
      ? { state: 'succeeded', fraction: 1, detail: null }
      : { state: 'idle', fraction: null, detail: null };
  }
  return { state: 'unreadable', fraction: null, detail: 'no sanitize state in hdparm output' };
}
