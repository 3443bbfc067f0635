/**
 * Timing child processes. Wall time is taken here (hrtime from spawn to exit). CPU time and peak RSS come
 * from GNU time (`/usr/bin/time -f '%e %U %S %M' -o FILE`), which reads the child's rusage from wait4():
 * user + system seconds of the process and its waited-for descendants, and the largest max RSS among them.
 * Kernel work done on the process's behalf by other threads (the loop driver's kworker copying into the
 * backing file) is not in it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ProcessPeak, RssSampler } from './rss-sampler.js';

export const GNU_TIME = '/usr/bin/time';

export interface Timed {
  wallSeconds: number;
  /** From GNU time; null when the run was not wrapped (rusage: false). */
  userSeconds: number | null;
  systemSeconds: number | null;
  maxRssKiB: number | null;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** With sampleRss: the peak RSS of every process of the command's tree. */
  peaks?: ProcessPeak[];
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Wrap in GNU time for CPU seconds and peak RSS. Default true. */
  rusage?: boolean;
  /** Also sample each process's own peak RSS (GNU time gives only the largest one). */
  sampleRss?: boolean;
}

/**
 * Process groups still running, so a signal handler can stop them before detaching their devices. Each child
 * gets its own group: GNU time dies on SIGTERM without forwarding it, so only a group kill reaches the tool
 * it wraps (and a terminal's Ctrl-C reaches just us, the handler then decides).
 */
const running = new Set<number>();
let runCount = 0;
/** Set once a signal asked to stop: no new child may start while devices are being detached. */
let stopping = false;

/** True once stopChildren() ran: callers stop starting work (and the run ends with the signal's status). */
export function interrupted(): boolean {
  return stopping;
}

/** Called between runs, so an interrupted benchmark stops instead of failing tool after tool. */
export function throwIfInterrupted(): void {
  if (stopping) throw new Error('benchmark interrupted');
}

export function gnuTimeAvailable(): boolean {
  return existsSync(GNU_TIME);
}

export async function runTimed(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<Timed> {
  throwIfInterrupted();
  const rusage = options.rusage ?? true;
  const timeFile = join(tmpdir(), `gomme-bench-time-${process.pid}-${runCount++}`);
  const [file, argv] = rusage
    ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', timeFile, command, ...args]]
    : [command, [...args]];
  const start = process.hrtime.bigint();
  const child = spawn(file, argv, {
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const group = child.pid;
  if (group !== undefined) running.add(group);
  const sampler = options.sampleRss && group !== undefined ? new RssSampler(group) : null;
  let end = start;
  child.once('exit', () => {
    end = process.hrtime.bigint();
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c, s) => resolve([c, s]));
  }).finally(() => {
    if (group !== undefined && !groupAlive(group)) running.delete(group);
  });
  const result: Timed = {
    wallSeconds: Number(end - start) / 1e9,
    userSeconds: null,
    systemSeconds: null,
    maxRssKiB: null,
    code,
    signal,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
    ...(sampler ? { peaks: sampler.stop() } : {}),
  };
  if (rusage) {
    try {
      Object.assign(result, parseGnuTime(readFileSync(timeFile, 'utf8')));
    } finally {
      rmSync(timeFile, { force: true });
    }
  }
  return result;
}

/** The last line of the -o file (GNU time prepends "Command exited with non-zero status N" on failure). */
function parseGnuTime(text: string): Pick<Timed, 'userSeconds' | 'systemSeconds' | 'maxRssKiB'> {
  const last = text.trim().split('\n').at(-1) ?? '';
  const fields = last.split(' ').map(Number);
  if (fields.length !== 4 || fields.some((n) => !Number.isFinite(n))) {
    throw new Error(`unexpected GNU time output: "${text.trim()}"`);
  }
  return { userSeconds: fields[1]!, systemSeconds: fields[2]!, maxRssKiB: fields[3]! };
}

/**
 * SIGTERM every process group still running, SIGKILL after `graceMs`, and return once all are gone (or after
 * twice `graceMs`; the caller then reports a device it could not detach).
 */
export async function stopChildren(graceMs: number): Promise<void> {
  stopping = true;
  const signalAll = (signal: NodeJS.Signals) => {
    for (const group of running) {
      try {
        process.kill(-group, signal);
      } catch {
        running.delete(group); // ESRCH: already gone
      }
    }
  };
  signalAll('SIGTERM');
  const start = Date.now();
  let killed = false;
  while ([...running].some(groupAlive) && Date.now() - start < 2 * graceMs) {
    if (!killed && Date.now() - start > graceMs) {
      signalAll('SIGKILL');
      killed = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Decimal megabytes per second, the unit dd and nwipe print. */
export function mbPerSecond(bytes: number, seconds: number): number {
  return bytes / 1e6 / seconds;
}
