/**
 * argv for nvme-cli (the program `nvme` is passed separately). Admin commands (id-ctrl, sanitize-log,
 * smart-log) go to the controller char device (/dev/nvme0); id-ns to a namespace block device (/dev/nvme0n1).
 * `-o json` is accepted by every nvme-cli from 1.x to 2.13 (bookworm ships 2.3, trixie 2.13).
 */

export const idCtrlArgs = (ctrl: string): string[] => ['id-ctrl', ctrl, '-o', 'json'];

export const idNsArgs = (nsDev: string): string[] => ['id-ns', nsDev, '-o', 'json'];

export const listArgs = (): string[] => ['list', '-o', 'json'];

/** `sanitize-log` is kept as an alias when nvme-cli 3.0 renames it to `nvme log sanitize`. */
export const sanitizeLogArgs = (ctrl: string): string[] => ['sanitize-log', ctrl, '-o', 'json'];

export const smartLogArgs = (ctrl: string): string[] => ['smart-log', ctrl, '-o', 'json'];

/**
 * Format NVM (destructive), sent to the controller with an explicit namespace: FNA bit 0 then widens it to all
 * namespaces by itself, and no broadcast NSID is needed (FNA bit 3 says some controllers reject 0xFFFFFFFF).
 * nvme-cli 2.3 requires `--lbaf`: pass the current index so the sector size does not change.
 */
export const formatArgs = (
  ctrl: string,
  opts: { namespaceId: number; ses: 0 | 1 | 2; lbaf: number; timeoutMs: number },
): string[] => [
  'format',
  ctrl,
  `--namespace-id=${opts.namespaceId}`,
  `--ses=${opts.ses}`,
  `--lbaf=${opts.lbaf}`,
  `--timeout=${opts.timeoutMs}`,
  '--force',
];

/** SANACT values (NVMe base spec, Sanitize command CDW10 bits 2:0). */
export const SANITIZE_ACTION = { 'block-erase': 2, overwrite: 3, 'crypto-erase': 4 } as const;
export type NvmeSanitizeAction = keyof typeof SANITIZE_ACTION;

/**
 * Sanitize (destructive, subsystem-wide). Only flags nvme-cli 2.3 knows (no --wait/--force). Overwrite: one
 * pass of zeros. `noDeallocate` keeps the media readable for verification; never set it when SANICAP NDI = 1.
 */
export const sanitizeArgs = (
  ctrl: string,
  action: NvmeSanitizeAction,
  opts: { noDeallocate: boolean },
): string[] => {
  const args = ['sanitize', ctrl, `--sanact=${SANITIZE_ACTION[action]}`];
  if (opts.noDeallocate) args.push('--no-dealloc');
  if (action === 'overwrite') args.push('--owpass=1', '--ovrpat=0');
  return args;
};

/** `nvme version` prints "nvme version 2.13 (git 2.13)" then the libnvme line. */
export const versionArgs = (): string[] => ['version'];
