/**
 * argv for hdparm (the program `hdparm` is passed separately to the runner). All four are read-only queries;
 * nothing here changes a drive. Debian 12 and 13 both ship hdparm 9.65.
 */

/** IDENTIFY DEVICE decoded as text (no JSON mode exists). */
export const identifyArgs = (dev: string): string[] => ['-I', dev];

/** Visible vs native max sectors: the Host Protected Area / ACCESSIBLE MAX ADDRESS state. */
export const nativeMaxArgs = (dev: string): string[] => ['-N', dev];

/** DEVICE CONFIGURATION IDENTIFY: the factory ("real") max sectors behind a DCO. */
export const dcoIdentifyArgs = (dev: string): string[] => ['--dco-identify', dev];

/** SANITIZE STATUS EXT: state SD0–SD2 and progress of a running sanitize. */
export const sanitizeStatusArgs = (dev: string): string[] => ['--sanitize-status', dev];

/*
 * Destructive argv (ATA Security and Sanitize). Callers must re-read `-I` / `--sanitize-status` afterwards:
 * hdparm exits 0 even when the drive rejected the command (QEMU AHCI: "SG_IO: bad/missing sense data").
 * Passwords are user passwords (`--user-master u`), which is what SECURITY ERASE UNIT needs after SET PASSWORD.
 */

export type SecurityPasswordCommand =
  | 'security-set-pass'
  | 'security-erase'
  | 'security-erase-enhanced'
  | 'security-unlock'
  | 'security-disable';

export const securityArgs = (command: SecurityPasswordCommand, password: string, dev: string): string[] => [
  '--user-master',
  'u',
  `--${command}`,
  password,
  dev,
];

export type AtaSanitizeAction = 'crypto-scramble' | 'block-erase' | 'overwrite';

/** `overwritePattern` is 32 bits; one pass is enough for Purge (NIST 800-88 Rev. 2 §3.1.1 on pass counts). */
export const sanitizeArgs = (action: AtaSanitizeAction, dev: string, overwritePattern = 0): string[] => {
  const ack = '--yes-i-know-what-i-am-doing';
  if (action !== 'overwrite') return [ack, `--sanitize-${action}`, dev];
  const hex = (overwritePattern >>> 0).toString(16).padStart(8, '0');
  return [ack, '--sanitize-overwrite-passes', '1', '--sanitize-overwrite', `hex:${hex}`, dev];
};

/** `hdparm -V` prints "hdparm v9.65". */
export const versionArgs = (): string[] => ['-V'];
