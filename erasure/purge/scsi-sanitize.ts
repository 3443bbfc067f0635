/**
 * SCSI SANITIZE (crypto, block, overwrite) and FORMAT UNIT through sg3_utils, both started with IMMED and
 * followed with REQUEST SENSE progress. A SCSI drive reports no progress once done, so an instant crypto
 * erase usually ends 'unconfirmed' and the sample verification decides (that is the honest reading).
 */
import type { Drive } from '../../core/drive.js';
import { type Text, text } from '../../core/i18n.js';
import { sgReformatArgs, sgRequestsProgressArgs, sgSanitizeArgs } from '../../core/tools/sg3/args.js';
import { isHostBlockLength } from '../../core/tools/sg3/parse-readcap.js';
import {
  parseSgRequestsProgress,
  type SgRequestsProgress,
} from '../../core/tools/sg3/parse-requests-progress.js';
import type { PurgeEngine, PurgeEngineId, Supports } from './engine.js';
import { estimatePurgeSeconds, timeoutFor } from './estimate.js';
import type { PollReading } from './poll.js';
import { runSanitizeFlow } from './sanitize-flow.js';
import { defineEngine, type PurgeSession } from './session.js';

type ScsiEngineId = Extract<PurgeEngineId, `scsi-${string}`>;

const COMMANDS: Record<ScsiEngineId, { program: string; args: (drive: Drive) => string[] }> = {
  'scsi-sanitize-crypto': { program: 'sg_sanitize', args: (d) => sgSanitizeArgs('crypto', d.path) },
  'scsi-sanitize-block': { program: 'sg_sanitize', args: (d) => sgSanitizeArgs('block', d.path) },
  'scsi-sanitize-overwrite': { program: 'sg_sanitize', args: (d) => sgSanitizeArgs('overwrite', d.path) },
  'scsi-format-unit': { program: 'sg_format', args: (d) => sgReformatArgs(d.path, targetBlockLength(d)) },
};

/** Which SANITIZE service action each engine needs (sg_opcodes); FORMAT UNIT has its own flag. */
const NEEDS: Record<
  ScsiEngineId,
  'sanitizeCrypto' | 'sanitizeBlock' | 'sanitizeOverwrite' | 'formatUnitSupported'
> = {
  'scsi-sanitize-crypto': 'sanitizeCrypto',
  'scsi-sanitize-block': 'sanitizeBlock',
  'scsi-sanitize-overwrite': 'sanitizeOverwrite',
  'scsi-format-unit': 'formatUnitSupported',
};

/** 520/528-byte blocks (or T10 PI) must become a host block length before Linux can read or write the drive. */
export function needsReformat(drive: Drive): boolean {
  const scsi = drive.capabilities.scsi;
  if (!scsi) return false;
  const lbl = scsi.logicalBlockLength ?? null;
  return (lbl !== null && !isHostBlockLength(lbl)) || scsi.protectionEnabled === true;
}

/** 4160/4224-byte drives become 4096-byte ones, 520/528 and PI-formatted 512 ones become 512. */
export function targetBlockLength(drive: Drive): 512 | 4096 {
  const lbl = drive.capabilities.scsi?.logicalBlockLength ?? drive.logicalSectorSize;
  return lbl >= 4096 ? 4096 : 512;
}

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
    // A drive that answers no REPORT SUPPORTED OPERATION CODES may still have FORMAT UNIT (mandatory in SBC):
    // only a reformat that cannot wait is sent on that ground.
    const flag = scsi[NEEDS[id]] ?? null;
    const ok = flag === true || (id === 'scsi-format-unit' && flag === null && needsReformat(drive));
    return ok ? { ok: true } : { ok: false, reason: TEXT.unsupported };
  };
  return defineEngine(
    id,
    supports,
    async (session, drive) => {
      if (id !== 'scsi-format-unit' && needsReformat(drive)) {
        // Reformat first: the drive is then readable by Linux, and the sanitize can be verified.
        const reformatted = await follow(session, drive, 'scsi-format-unit');
        if (reformatted.status !== 'succeeded') return reformatted;
      }
      return follow(session, drive, id);
    },
    (drive) => !needsReformat(drive),
  );
}

async function follow(session: PurgeSession, drive: Drive, id: ScsiEngineId) {
  const estimate = estimatePurgeSeconds(drive, id);
  const { program, args } = COMMANDS[id];
  const outcome = await runSanitizeFlow<SgRequestsProgress>(session, {
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
  if (id === 'scsi-format-unit' && outcome.status === 'succeeded') {
    session.notes.push(
      `reformatted to ${targetBlockLength(drive)}-byte blocks without protection information`,
    );
    // The kernel re-reads the capacity only when asked: the new block length must be visible before any read.
    const name = drive.path.replace(/^\/dev\//, '');
    await session.run('tee', [`/sys/block/${name}/device/rescan`], 10_000, [], '1');
  }
  return outcome;
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
