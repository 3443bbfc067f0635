/**
 * Frozen ATA drives (the BIOS sent SECURITY FREEZE LOCK at POST) accept no security command until a power
 * event. A suspend-to-RAM cycle (`rtcwake -m mem -s N`) resets most drives unfrozen (ShredOS README); some
 * BIOSes freeze them again on resume, or the machine cannot suspend: then the BIOS (hot-plug, AHCI) or a
 * drive power replug is the way. Suspends the whole machine: run it only when no other job is writing.
 */
import type { Drive } from '../../core/drive.js';
import { ToolMissingError } from '../../core/errors.js';
import { type Text, text } from '../../core/i18n.js';
import { readSecurity } from './ata-identify.js';
import { ATA_TEXT } from './ata-messages.js';
import { CommandLog, type CommandLogDeps } from './command-log.js';
import type { CommandRecord } from './engine.js';

export type UnfreezeStatus = 'not-frozen' | 'unfrozen' | 'still-frozen' | 'suspend-failed' | 'unknown';

export interface UnfreezeResult {
  status: UnfreezeStatus;
  message: Text;
  commands: CommandRecord[];
}

export interface UnfreezeOptions {
  /** Seconds asleep before the RTC alarm wakes the machine. @default 5 */
  suspendSeconds?: number;
  /** IDENTIFY re-reads after resume (drives take a moment to come back). @default 5 */
  recheckAttempts?: number;
  /** @default 2000 */
  recheckDelayMs?: number;
}

const TEXT = {
  notFrozen: text('Le disque n’est pas gelé.', 'The drive is not frozen.'),
  unfrozen: text(
    'Le disque est dégelé après la mise en veille.',
    'The drive is unfrozen after the suspend cycle.',
  ),
  stillFrozen: text(
    'Le disque est encore gelé après la veille : le BIOS le regèle au réveil. Dans le BIOS, activez le branchement à chaud (hot-plug) SATA et le mode AHCI, puis débranchez et rebranchez l’alimentation du disque ordinateur allumé ; ou utilisez un autre ordinateur.',
    'The drive is still frozen after the suspend cycle: the BIOS freezes it again on resume. In the BIOS, enable SATA hot-plug and AHCI mode, then unplug and replug the drive’s power with the computer on; or use another computer.',
  ),
  suspendFailed: (detail: string) =>
    text(
      `La mise en veille a échoué (${detail}) : changez le réglage du BIOS (veille S3, hot-plug SATA) ou débranchez et rebranchez l’alimentation du disque ordinateur allumé.`,
      `Suspend failed (${detail}): change the BIOS settings (S3 sleep, SATA hot-plug) or unplug and replug the drive’s power with the computer on.`,
    ),
} as const;

export async function unfreezeDrive(
  drive: Drive,
  deps: CommandLogDeps & { sleep: (ms: number) => Promise<void> },
  options: UnfreezeOptions = {},
): Promise<UnfreezeResult> {
  const log = new CommandLog(deps);
  const done = (status: UnfreezeStatus, message: Text): UnfreezeResult => ({
    status,
    message,
    commands: log.commands,
  });
  const seconds = options.suspendSeconds ?? 5;

  const before = await readSecurity(log, drive.path);
  if (before.security === null || before.security.frozen === null)
    return done('unknown', ATA_TEXT.identifyUnreadable);
  if (before.security.frozen === false) return done('not-frozen', TEXT.notFrozen);

  let detail: string;
  try {
    const sleep = await log.run('rtcwake', ['-m', 'mem', '-s', String(seconds)], (seconds + 120) * 1000);
    detail = sleep.exitCode === 0 ? '' : sleep.stderr.trim() || `rtcwake exit ${sleep.exitCode}`;
  } catch (error) {
    if (!(error instanceof ToolMissingError)) throw error;
    detail = 'rtcwake is not installed';
  }
  if (detail !== '') return done('suspend-failed', TEXT.suspendFailed(detail));

  for (let attempt = 0; attempt < (options.recheckAttempts ?? 5); attempt++) {
    const after = await readSecurity(log, drive.path);
    if (after.security?.frozen === false) return done('unfrozen', TEXT.unfrozen);
    if (after.security?.frozen === true) return done('still-frozen', TEXT.stillFrozen);
    await deps.sleep(options.recheckDelayMs ?? 2_000);
  }
  return done('unknown', ATA_TEXT.identifyUnreadable);
}
