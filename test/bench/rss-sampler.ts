/**
 * Peak RSS per process of a running command tree. GNU time's %M is the largest peak among the tree (wait4's
 * maxrss), not their sum: with the drives' I/O in an engine process, the command's figure needs both. Each
 * process's VmHWM (its own high-water mark, kept by the kernel) is read every few ms while it lives; the last
 * reading before it exits is its peak, less whatever it grew in the final interval.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessPeak {
  pid: number;
  /** The script node runs (e.g. dist/cli/main.js, dist/erasure/engine/engine-main.js). */
  command: string;
  peakKiB: number;
}

export class RssSampler {
  private readonly peaks = new Map<number, ProcessPeak>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly rootPid: number,
    intervalMs = 10,
  ) {
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): ProcessPeak[] {
    clearInterval(this.timer);
    return [...this.peaks.values()];
  }

  private sample(): void {
    for (const pid of descendants(this.rootPid)) {
      const hwm = readHwm(pid);
      if (hwm === null) continue;
      // Read each time: a launcher (sh) execs node, and a fork shows its parent's command until it execs.
      const command = commandOf(pid);
      const known = this.peaks.get(pid);
      if (known) {
        known.peakKiB = Math.max(known.peakKiB, hwm);
        if (command !== '?') known.command = command;
      } else this.peaks.set(pid, { pid, command, peakKiB: hwm });
    }
  }
}

/** The pids under `root` (not itself), from each task's children list. */
function descendants(root: number): number[] {
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    for (const child of childrenOf(pid)) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number),
    );
  } catch (error) {
    return ended(error, []);
  }
}

function readHwm(pid: number): number | null {
  try {
    const line = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return line ? Number(line[1]) : null;
  } catch (error) {
    return ended(error, null);
  }
}

function commandOf(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return argv.find((a) => a.endsWith('.js')) ?? argv[0] ?? '?';
  } catch (error) {
    return ended(error, '?');
  }
}

/** The process ended between two reads of /proc (ENOENT, ESRCH): `fallback`; anything else is a real error. */
function ended<T>(error: unknown, fallback: T): T {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ESRCH') return fallback;
  throw error;
}
