/**
 * Unmounting in tests: a mount left behind keeps its loop device bound after the test process is gone, and every
 * later createLoopDevice then meets it. So an unmount is retried while the kernel says busy (udev's probes, a
 * child still exiting), checked against the mount table, and only then given up on loudly.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Mount points whose source is `device` (e.g. /dev/loop3), from the mount table. */
export function mountPointsOf(device: string): string[] {
  return readFileSync('/proc/self/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' '))
    .filter((fields) => fields[0] === device && fields[1] !== undefined)
    .map((fields) => unescapeMountField(fields[1] as string));
}

export function isMountPoint(path: string): boolean {
  return readFileSync('/proc/self/mounts', 'utf8')
    .split('\n')
    .some((line) => unescapeMountField(line.split(' ')[1] ?? '') === path);
}

/**
 * umount, retried for up to 5 s while busy; then a lazy unmount (the mount leaves the namespace at once and the
 * device is freed when its last user goes). Throws only when even that fails. A path not mounted is fine.
 */
export function unmount(mountpoint: string): void {
  const deadline = Date.now() + 5_000;
  let lastError = '';
  while (isMountPoint(mountpoint)) {
    if (Date.now() > deadline) {
      const lazy = spawnSync('umount', ['-l', mountpoint], { encoding: 'utf8' });
      if (lazy.status !== 0)
        throw new Error(`umount -l ${mountpoint} failed: ${lazy.stderr.trim() || lastError}`);
      console.warn(`${mountpoint} was still busy after 5 s (${lastError}): unmounted lazily`);
      return;
    }
    const result = spawnSync('umount', [mountpoint], { encoding: 'utf8' });
    if (result.status === 0) continue;
    lastError = result.stderr.trim();
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
}

/** /proc/mounts escapes space, tab, newline and backslash as octal. */
function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}
