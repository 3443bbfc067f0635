import { readFileSync } from 'node:fs';
import type { JobOwner } from '../core/journal/index.js';

/**
 * Who runs a job, and whether it still does. A PID alone is not enough: after a crash or a reboot another
 * program may get the same number. The process's start time (field 22 of /proc/PID/stat, in clock ticks since
 * boot) and the boot ID together name one process for good.
 */

/** Reads a /proc file; null when it does not exist (the process is gone). */
export type ProcReader = (path: string) => string | null;

export const readProc: ProcReader = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOENT: no such process; ESRCH: it ended while being read.
    if (code === 'ENOENT' || code === 'ESRCH') return null;
    throw error;
  }
};

/** Field 22 (starttime) of /proc/PID/stat. The command name (field 2) may hold spaces and parentheses. */
export function parseStartTicks(stat: string): number | null {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field 22 is fields[19].
  const value = Number(fields[19]);
  return Number.isInteger(value) && value >= 0 ? value : null;
}

export function ownerOf(pid: number, read: ProcReader = readProc): JobOwner {
  const stat = read(`/proc/${pid}/stat`);
  const boot = read('/proc/sys/kernel/random/boot_id')?.trim();
  const ticks = stat ? parseStartTicks(stat) : null;
  return { pid, start: boot && ticks !== null ? `${boot}:${ticks}` : null };
}

export const currentOwner = (read: ProcReader = readProc): JobOwner => ownerOf(process.pid, read);

/** Clock ticks per second of /proc times: 100 on every Linux architecture gomme runs on (USER_HZ). */
const USER_HZ = 100;

/**
 * Is the process that owns a job still running it? With a recorded start time, only the very same process
 * counts. Jobs written before start times were kept (schema < 4) only have a PID: a process with that PID that
 * started after the job was claimed cannot be its owner.
 */
export function ownerAlive(owner: JobOwner | null, claimedAt: string, read: ProcReader = readProc): boolean {
  if (!owner) return false;
  const now = ownerOf(owner.pid, read);
  if (now.start === null) return false;
  if (owner.start !== null) return owner.start === now.start;
  const btime = Number(/^btime (\d+)$/m.exec(read('/proc/stat') ?? '')?.[1]);
  const ticks = Number(now.start.split(':')[1]);
  if (!Number.isFinite(btime)) return true; // cannot tell: assume alive, never resume a job twice
  const startedAtMs = (btime + ticks / USER_HZ) * 1000;
  return startedAtMs <= Date.parse(claimedAt) + 1000;
}
