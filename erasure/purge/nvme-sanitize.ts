/**
 * NVMe Sanitize (crypto erase, block erase, overwrite) on the controller: subsystem-wide, every namespace.
 * Progress and the end come from the sanitize log (SPROG, SSTAT). When SANICAP NDI is clear, No-Deallocate is
 * requested so reads afterwards show the media, not the zeros of deallocated blocks (notes §8.7).
 */
import type { Drive } from '../../core/drive.js';
import { type NvmeSanitizeAction, sanitizeArgs, sanitizeLogArgs } from '../../core/tools/nvme/args.js';
import { type NvmeSanitizeLog, parseNvmeSanitizeLog } from '../../core/tools/nvme/parse-sanitize-log.js';
import type { PurgeEngine, Supports } from './engine.js';
import { estimatePurgeSeconds, timeoutFor } from './estimate.js';
import { NVME_TEXT } from './nvme-messages.js';
import type { PollReading } from './poll.js';
import { runSanitizeFlow } from './sanitize-flow.js';
import { defineEngine } from './session.js';

const ACTIONS = {
  'nvme-sanitize-crypto': { action: 'crypto-erase', cap: 'sanitizeCrypto' },
  'nvme-sanitize-block': { action: 'block-erase', cap: 'sanitizeBlock' },
  'nvme-sanitize-overwrite': { action: 'overwrite', cap: 'sanitizeOverwrite' },
} as const satisfies Record<string, { action: NvmeSanitizeAction; cap: string }>;

export type NvmeSanitizeEngineId = keyof typeof ACTIONS;

export function nvmeSanitizeEngine(id: NvmeSanitizeEngineId): PurgeEngine {
  const { action, cap } = ACTIONS[id];
  const supports = (drive: Drive): Supports => {
    const nvme = drive.capabilities.nvme;
    if (drive.transport !== 'nvme' || nvme === null) return { ok: false, reason: NVME_TEXT.notNvme };
    if (nvme.controller === null) return { ok: false, reason: NVME_TEXT.unknownController };
    if (nvme[cap] !== true) return { ok: false, reason: NVME_TEXT.sanitizeUnsupported };
    return { ok: true };
  };
  return defineEngine(id, supports, async (session, drive) => {
    const ctrl = drive.capabilities.nvme!.controller!;
    const noDeallocate = drive.capabilities.nvme!.noDeallocateInhibited === false;
    session.notes.push(
      noDeallocate
        ? 'No-Deallocate requested so verification reads the media'
        : 'No-Deallocate not requested (inhibited or unknown): reads after the sanitize may be zeros',
    );
    let estimates: NvmeSanitizeLog['estimates'] | null = null;
    const estimate = () => estimatePurgeSeconds(drive, id, estimates, noDeallocate);
    return runSanitizeFlow<NvmeSanitizeLog>(session, {
      async readStatus() {
        const result = await session.run('nvme', sanitizeLogArgs(ctrl), 15_000);
        const log = parseNvmeSanitizeLog(result.stdout);
        if (!log.ok)
          return { snapshot: null, reading: { state: 'unreadable', fraction: null, detail: log.error } };
        estimates ??= log.estimates;
        return { snapshot: log, reading: toReading(log) };
      },
      start: () => session.run('nvme', sanitizeArgs(ctrl, action, { noDeallocate }), 60_000),
      sameState: (a, b) =>
        a.status === b.status &&
        a.lastCommandCdw10 === b.lastCommandCdw10 &&
        a.globalDataErased === b.globalDataErased,
      get estimateSeconds() {
        return estimate().seconds;
      },
      get timeoutMs() {
        return timeoutFor(estimate());
      },
      statusUnreadable: NVME_TEXT.logUnreadable,
    });
  });
}

function toReading(log: NvmeSanitizeLog): PollReading {
  switch (log.status) {
    case 'in-progress':
      return { state: 'in-progress', fraction: log.progressFraction, detail: null };
    case 'success':
      return { state: 'succeeded', fraction: 1, detail: null };
    case 'success-with-deallocation':
      return { state: 'succeeded', fraction: 1, detail: 'deallocated although No-Deallocate was requested' };
    case 'failed':
      return { state: 'failed', fraction: null, detail: 'SSTAT: most recent sanitize failed' };
    case 'never':
      return { state: 'idle', fraction: null, detail: null };
    case 'unknown':
      return { state: 'unreadable', fraction: null, detail: `SSTAT code ${log.statusCode}` };
  }
}
