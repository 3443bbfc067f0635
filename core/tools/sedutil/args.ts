/**
 * argv for sedutil-cli (Debian package `sedutil`, in trixie only: the live image has it, bookworm does not).
 * On SATA, the kernel passes TCG commands only with `libata.allow_tpm=1` on its command line.
 */

/** Level 0 Discovery: SSCs, locking state. Read-only. */
export const sedQueryArgs = (dev: string): string[] => ['--query', dev];

export const sedScanArgs = (): string[] => ['--scan'];

/** The MSID (factory SID password), readable by anyone. Read-only. */
export const sedMsidArgs = (dev: string): string[] => ['--printDefaultPassword', dev];

/**
 * Revert the TPer with the SID authority (`-n`: the MSID is sent as is, not hashed): every locking range
 * gets a new key, so the data is cryptographically erased (TCG Opal "Revert"). Destructive.
 */
export const sedRevertArgs = (sidPassword: string, dev: string): string[] => [
  '-n',
  '--revertTPer',
  sidPassword,
  dev,
];

/** Revert with the PSID printed on the drive's label (sedutil never hashes it). Destructive. */
export const sedPsidRevertArgs = (psid: string, dev: string): string[] => [
  '--yesIreallywanttoERASEALLmydatausingthePSID',
  psid,
  dev,
];

/** sedutil-cli has no --version; the package version says it (run through `dpkg-query`). */
export const sedVersionArgs = (): string[] => ['-W', '-f=\u0024{Version}', 'sedutil'];
