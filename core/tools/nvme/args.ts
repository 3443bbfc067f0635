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
