/** argv for mmc-utils' `mmc` (Debian package mmc-utils). Addresses are 512-byte sectors (block-addressed). */

export const extcsdArgs = (dev: string): string[] => ['extcsd', 'read', dev];

export type MmcEraseType = 'legacy' | 'secure-erase' | 'secure-trim1' | 'secure-trim2';

/** CMD35/36/38 over [first, last] sectors. Destructive. */
export const mmcEraseArgs = (type: MmcEraseType, first: number, last: number, dev: string): string[] => [
  'erase',
  type,
  String(first),
  String(last),
  dev,
];

/** SANITIZE_START: physically removes unmapped (already erased) blocks. */
export const mmcSanitizeArgs = (dev: string): string[] => ['sanitize', dev];

/** mmc-utils has no --version (bookworm's build: "unknown command"): the package version says it. */
export const mmcVersionArgs = (): string[] => ['-W', '-f=\u0024{Version}', 'mmc-utils'];

/** "Secure Erase Succeed!" / "Failed!" (do_erase): the command's own verdict besides its exit code. */
export const mmcEraseSucceeded = (stdout: string): boolean =>
  /\bSucceed!/.test(stdout) && !/Failed!/.test(stdout);
