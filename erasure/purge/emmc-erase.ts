/**
 * eMMC erase through mmc-utils, chosen from what EXT_CSD reports (SEC_FEATURE_SUPPORT):
 *  - 'emmc-sanitize': ERASE over the whole user area (blocks read back as ERASED_MEM_CONT), then SANITIZE, which
 *    physically removes the unmapped copies the controller kept (JEDEC JESD84-B51);
 *  - 'emmc-secure-erase': SECURE ERASE (arg 80000000h) over the whole user area;
 *  - 'emmc-secure-trim': SECURE TRIM step 1 then step 2 over the whole user area.
 * Boot partitions (mmcblkNboot0/1) and RPMB are separate devices and are not touched: the record says so.
 */
import type { Drive } from '../../core/drive.js';
import { type Text, text } from '../../core/i18n.js';
import {
  type MmcEraseType,
  mmcEraseArgs,
  mmcEraseSucceeded,
  mmcSanitizeArgs,
} from '../../core/tools/mmc/args.js';
import type { PurgeEngine, PurgeEngineId, PurgeOutcome, Supports } from './engine.js';
import { estimatePurgeSeconds, timeoutFor } from './estimate.js';
import { abortedBeforeStart, defineEngine, type PurgeSession, summarize } from './session.js';

type EmmcEngineId = Extract<PurgeEngineId, 'emmc-sanitize' | 'emmc-secure-erase' | 'emmc-secure-trim'>;

const STEPS: Record<
  EmmcEngineId,
  { erase: MmcEraseType[]; sanitize: boolean; cap: 'sanitize' | 'secureErase' | 'secureTrim' }
> = {
  'emmc-sanitize': { erase: ['legacy'], sanitize: true, cap: 'sanitize' },
  'emmc-secure-erase': { erase: ['secure-erase'], sanitize: false, cap: 'secureErase' },
  'emmc-secure-trim': { erase: ['secure-trim1', 'secure-trim2'], sanitize: false, cap: 'secureTrim' },
};

const TEXT = {
  notEmmc: text('Ce n’est pas une mémoire eMMC.', 'This is not eMMC storage.'),
  unsupported: text(
    'La mémoire eMMC n’annonce pas cette fonction (EXT_CSD SEC_FEATURE_SUPPORT).',
    'The eMMC does not announce this feature (EXT_CSD SEC_FEATURE_SUPPORT).',
  ),
  noSize: text('Le nombre de secteurs (SEC_COUNT) est inconnu.', 'The sector count (SEC_COUNT) is unknown.'),
} satisfies Record<string, Text>;

export function emmcEraseEngine(id: EmmcEngineId): PurgeEngine {
  const step = STEPS[id];
  const supports = (drive: Drive): Supports => {
    const emmc = drive.capabilities.emmc;
    if (drive.transport !== 'mmc' || emmc == null) return { ok: false, reason: TEXT.notEmmc };
    if (emmc[step.cap] !== true) return { ok: false, reason: TEXT.unsupported };
    if (!emmc.sectorCount) return { ok: false, reason: TEXT.noSize };
    return { ok: true };
  };
  return defineEngine(id, supports, (session, drive) => run(session, drive, id));
}

async function run(session: PurgeSession, drive: Drive, id: EmmcEngineId): Promise<PurgeOutcome> {
  const step = STEPS[id];
  const last = (drive.capabilities.emmc?.sectorCount ?? 1) - 1;
  if (session.aborted) return session.abort(abortedBeforeStart);
  const estimate = estimatePurgeSeconds(drive, id);
  session.progress(0, Math.round(estimate.seconds));
  for (const type of step.erase) {
    const r = await session.run('mmc', mmcEraseArgs(type, 0, last, drive.path), timeoutFor(estimate));
    if (r.exitCode !== 0 || r.timedOut || !mmcEraseSucceeded(r.stdout))
      return session.fail('command-rejected', failed(`mmc erase ${type}`, summarize(r)));
  }
  if (step.sanitize) {
    const r = await session.run('mmc', mmcSanitizeArgs(drive.path), timeoutFor(estimate));
    if (r.exitCode !== 0 || r.timedOut)
      return session.fail('command-rejected', failed('mmc sanitize', summarize(r)));
  }
  session.notes.push(
    'user area only: the boot partitions and RPMB of the eMMC are separate and were not erased',
  );
  session.progress(1, 0);
  return session.finish('succeeded', 'immediate');
}

const failed = (what: string, detail: string): Text =>
  text(`La mémoire eMMC a refusé ${what} : ${detail}`, `The eMMC refused ${what}: ${detail}`);
