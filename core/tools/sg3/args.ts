/**
 * argv for sg3_utils (each program is passed separately to the runner; sg3-utils 1.46 on bookworm, 1.48 on
 * trixie). SANITIZE and FORMAT UNIT are destructive. Both are started with IMMED (`--early`) and then followed
 * with REQUEST SENSE (`sg_requests --progress`), so one blocking call never holds a job for hours.
 */

export type ScsiSanitizeAction = 'crypto' | 'block' | 'overwrite';

/**
 * `--quick` skips sg_sanitize's 15 s "press Ctrl-C" countdown: gomme confirms the serial before this point.
 * Overwrite: one pass of zeros (`--zero`, a 4-byte pattern, which SAT to SATA also accepts).
 */
export const sgSanitizeArgs = (action: ScsiSanitizeAction, dev: string): string[] => {
  const args = ['--quick', '--early', `--${action}`];
  if (action === 'overwrite') args.push('--zero');
  return [...args, dev];
};

/** FORMAT UNIT keeping a 512-byte sector and stripping protection information (nwipe #197: 520/528 drives). */
export const sgFormatArgs = (dev: string, opts: { sectorSize: number; security: boolean }): string[] => {
  const args = ['--format', `--size=${opts.sectorSize}`, '--fmtpinfo=0', '--quick', '--early'];
  if (opts.security) args.push('--security');
  return [...args, dev];
};

/** One REQUEST SENSE; prints "Progress indication: 12.34% done" only while an operation runs. */
export const sgRequestsProgressArgs = (dev: string): string[] => ['--num=1', '--progress', dev];

/** `sg_sanitize --version` prints e.g. "1.19 20220117" (to stderr on some releases). */
export const sgVersionArgs = (): string[] => ['--version'];
