/**
 * SCSI SANITIZE (crypto, block, overwrite) and FORMAT UNIT through sg3_utils, both started with IMMED and
 * followed with REQUEST SENSE progress. A SCSI drive reports no progress once done, so an instant crypto
 * erase usually ends 'unconfirmed' and the sample verification decides (that is the honest reading).
 */
import type { Drive } from '../../core/drive.js';
import { type Text, text } from '../../core/i18n.js';
import { sgFormatArgs, sgRequestsProgressArgs, sgSanitizeArgs } from '../../core/tools/sg3/args.js';
import {
  parseSgRequestsProgress,
  type SgRequestsProgress,
} from '../../core/tools/sg3/parse-requests-progress.js';
import type { PurgeEngine, PurgeEngineId, Supports } from './engine.js';
import { estimatePurgeSeconds, timeoutFor } from './estimate.js';
import type { PollReading } from './poll.js';
import { runSanitizeFlow } from './sanitize-flow.js';
import { defineEngine } from './session.js';

type ScsiEngineId = Extract<PurgeEngineId, `scsi-${string}`>;

const COMMANDS: Record<ScsiEngineId, { program: string; args: (drive: Drive) => string[] }> = {
  'scsi-sanitize-crypto': { program: 'sg_sanitize', args: (d) => sgSanitizeArgs('crypto', d.path) },
  'scsi-sanitize-block': { program: 'sg_sanitize', args: (d) => sgSanitizeArgs('block', d.path) },
  'scsi-sanitize-overwrite': { program: 'sg_sanitize', args: (d) => sgSanitizeArgs('overwrite', d.path) },
  'scsi-format-unit': {
    program: 'sg_format',
    args: (d) => sgFormatArgs(d.path, { sectorSize: d.logicalSectorSize, security: false }),
  },
};

const TEXT = {
  notScsi: text('Ce n’est pas un disque SCSI/SAS.', 'This is not a SCSI/SAS drive.'),
  unsupported: text(
    'Le disque n’annonce pas cette commande (à vérifier avec sg_opcodes).',
    'The drive does not announce this command (check with sg_opcodes).',
  ),
  statusUnreadable: text(
    'L’état du disque (REQUEST SENSE) est illisible : gomme ne lance rien.',
    'The drive’s state (REQUEST SENSE) is unreadable: gomme starts nothing.',
  ),
} satisfies Record<string, Text>;

export function scsiEngine(id: ScsiEngineId): PurgeEngine {
  const supports = (drive: Drive): Supports => {
    const scsi = drive.capabilities.scsi;
    if ((drive.transport !== 'sas' && drive.transport !== 'scsi') || scsi === null)
      return { ok: false, reason: TEXT.notScsi };
    const known = id === 'scsi-format-unit' ? scsi.formatUnitSupported : scsi.sanitizeSupported;
    return known === true ? { ok: true } : { ok: false, reason: TEXT.unsupported };
  };
  return defineEngine(id, supports, async (session, drive) => {
    const estimate = estimatePurgeSeconds(drive, id);
    const { program, args } = COMMANDS[id];
    return runSanitizeFlow<SgRequestsProgress>(session, {
      async readStatus() {
        const result = await session.run('sg_requests', sgRequestsProgressArgs(drive.path), 30_000);
        const progress = parseSgRequestsProgress(`${result.stdout}\n${result.stderr}`);
        const reading = toReading(progress, result.exitCode);
        return { snapshot: reading.state === 'unreadable' ? null : progress, reading };
      },
      start: () => session.run(program, args(drive), 120_000),
      sameState: (a, b) => a.percent === b.percent && a.failed === b.failed,
      estimateSeconds: estimate.seconds,
      timeoutMs: timeoutFor(estimate),
      statusUnreadable: TEXT.statusUnreadable,
    });
  });
}

function toReading(p: SgRequestsProgress, exitCode: number | null): PollReading {
  if (p.percent !== null) return { state: 'in-progress', fraction: p.percent / 100, detail: null };
  if (p.failed)
    return { state: 'failed', fraction: null, detail: 'sense: the last SANITIZE/FORMAT UNIT failed' };
  if (p.notReady || exitCode !== 0)
    return { state: 'unreadable', fraction: null, detail: `sg_requests exit ${exitCode}` };
  // No progress indication: nothing is running. After an accepted command, that means it has ended.
  return { state: 'succeeded', fraction: 1, detail: null };
}
