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

/** REPORT SUPPORTED OPERATION CODES: which commands (SANITIZE service actions, FORMAT UNIT) the drive has. */
export const sgOpcodesArgs = (dev: string): string[] => [dev];

/** READ CAPACITY 16: block length and protection information, even when the kernel could not use them. */
export const sgReadcapArgs = (dev: string): string[] => ['--long', dev];

/**
 * FORMAT UNIT to a host block length, protection information off: makes a 520/528-byte or PI-formatted
 * server drive usable (nwipe #197). `--early` returns at once; progress comes from `sg_requests --progress`.
 */
export const sgReformatArgs = (dev: string, blockLength: 512 | 4096): string[] => [
  '--format',
  `--size=${blockLength}`,
  '--fmtpinfo=0',
  '--quick',
  '--early',
  dev,
];
