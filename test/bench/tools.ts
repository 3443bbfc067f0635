/**
 * One function per measured command. Each checks that the tool really did the whole job (exit status, bytes
 * written) before its time is used: a run that failed halfway would otherwise look fast.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { allocAligned } from '../../erasure/io/aligned-buffer.js';
import { type AesCtrBackend, AesCtrStream, newSeed } from '../../erasure/patterns/aes-ctr-stream.js';
import { assertOwnedLoop } from './loop.js';
import { runTimed, type Timed } from './measure.js';

export const DD_BLOCK_BYTES = 4 << 20;

export async function ddZeros(device: string, sizeBytes: number): Promise<Timed> {
  assertOwnedLoop(device);
  const count = Math.floor(sizeBytes / DD_BLOCK_BYTES);
  const args = ['if=/dev/zero', `of=${device}`, 'bs=4M', `count=${count}`, 'oflag=direct'];
  // C locale: the byte count checked below is printed without thousands separators.
  const run = await runTimed('dd', args, { env: { ...process.env, LC_ALL: 'C' } });
  expectSuccess('dd', run);
  if (!run.stderr.includes(`${count * DD_BLOCK_BYTES} bytes`))
    throw new Error(`dd: short write: ${run.stderr}`);
  return run;
}

export interface GommeDrive {
  device: string;
  bytesWritten: number;
  /**
   * The job's own duration as the overwrite engine measured it (open, every write, fdatasync, close): its
   * `job-finished` event. Not the `result` line's `seconds`, which is the job's active time in the journal and
   * also counts what happens between the record skeleton and the first write (the engine process starting, the
   * storage graph read again, the claim): fixed costs, shown in "ms outside the engine".
   */
  seconds: number;
}

export interface GommeRun extends Timed {
  drives: GommeDrive[];
}

export async function gommeErase(
  cli: string,
  devices: readonly string[],
  method: 'zero' | 'random',
  verify: 'none' | 'sample',
  dataDir: string,
  sizeBytes: number,
  options: { sampleRss?: boolean } = {},
): Promise<GommeRun> {
  for (const device of devices) assertOwnedLoop(device);
  const args = ['erase', ...devices, '--method', method, '--verify', verify, '--yes', '--json'];
  const run = await runTimed(cli, args, {
    env: { ...process.env, GOMME_DATA_DIR: dataDir, GOMME_LANG: 'en' },
    sampleRss: options.sampleRss ?? false,
  });
  expectSuccess('gomme erase', run);
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  const result = JSON.parse(last) as { type?: string; drives?: Array<Record<string, unknown>> };
  if (result.type !== 'result' || !Array.isArray(result.drives)) {
    throw new Error(`gomme erase: last line is not the result: ${last.slice(0, 200)}`);
  }
  const finished = new Map<string, number>();
  for (const line of run.stdout.trim().split('\n')) {
    const event = JSON.parse(line) as { type?: string; device?: string; seconds?: number };
    if (event.type === 'job-finished') finished.set(String(event.device), Number(event.seconds));
  }
  const drives = result.drives.map((d) => ({
    device: String(d.device),
    bytesWritten: Number(d.bytesWritten),
    seconds: finished.get(String(d.device)) ?? Number.NaN,
    result: String(d.result),
  }));
  for (const d of drives) {
    if (d.result !== 'ERASED' || d.bytesWritten !== sizeBytes || !(d.seconds > 0)) {
      throw new Error(`gomme erase ${d.device}: ${d.result}, ${d.bytesWritten} bytes in ${d.seconds} s`);
    }
  }
  return {
    ...run,
    drives: drives.map(({ device, bytesWritten, seconds }) => ({ device, bytesWritten, seconds })),
  };
}

export interface NwipeInfo {
  version: string;
  /** `--prng=aes_ctr_prng` when this nwipe knows it (0.38+), else nothing: its default generator. */
  prngArgs: string[];
}

/** Null when nwipe is not installed. */
export function nwipeInfo(): NwipeInfo | null {
  let help: string;
  try {
    help = execFileSync('nwipe', ['--help'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const output = (error as { stdout?: string }).stdout;
    if (typeof output !== 'string' || output === '') return null;
    help = output; // some versions exit non-zero after printing help
  }
  const version = execFileSync('nwipe', ['--version'], { encoding: 'utf8' }).trim();
  return { version, prngArgs: help.includes('aes_ctr_prng') ? ['--prng=aes_ctr_prng'] : [] };
}

export interface NwipeRun extends Timed {
  /** The generator nwipe says it used ("prng = Isaac64" in its log). */
  prng: string;
}

/**
 * nwipe 0.33 runs unattended on a loop device with: --nogui (implies --nowait) + --autonuke (wipe only the
 * named device, at once), --noblank (no extra zero pass after the method), --verify=off. Its log goes to
 * stdout. With a device named it touches nothing else; the --exclude of every non-loop disk is a second lock
 * in case the device argument were ever lost (--autonuke alone means "every disk").
 */
export async function nwipe(
  device: string,
  method: 'zero' | 'random',
  info: NwipeInfo,
  sizeBytes: number,
): Promise<NwipeRun> {
  assertOwnedLoop(device);
  const others = readdirSync('/sys/block')
    .filter((n) => !n.startsWith('loop'))
    .map((n) => join('/dev', n));
  const args = ['--nogui', '--autonuke', `--method=${method}`, '--verify=off', '--noblank', '--nowait'];
  if (method === 'random') args.push(...info.prngArgs);
  // nwipe accepts up to ten excluded devices.
  if (others.length > 0) args.push(`--exclude=${others.slice(0, 10).join(',')}`);
  const run = await runTimed('nwipe', [...args, device]);
  expectSuccess('nwipe', run);
  const written = new RegExp(`(\\d+) bytes written to ${device}\\b`).exec(run.stdout);
  if (Number(written?.[1]) !== sizeBytes) {
    throw new Error(`nwipe: expected "${sizeBytes} bytes written to ${device}" in its log`);
  }
  const prng = /prng\s+=\s+(\S+)/.exec(run.stdout)?.[1] ?? 'unknown';
  return { ...run, prng };
}

/**
 * `openssl speed -evp aes-128-ctr` on 16 KiB buffers, one process: bytes per second. By default openssl
 * divides by its user CPU time, not wall time; `elapsed` adds -elapsed for the wall-clock figure.
 */
export async function opensslAesCtr(
  seconds: number,
  elapsed: boolean,
): Promise<{ bytesPerSecond: number; version: string }> {
  const args = ['speed', ...(elapsed ? ['-elapsed'] : []), '-evp', 'aes-128-ctr', '-bytes', '16384'];
  const run = await runTimed('openssl', [...args, '-seconds', String(seconds)], { rusage: false });
  expectSuccess('openssl speed', run);
  // "type  16384 bytes" then "AES-128-CTR  9358201.42k": the figures are in 1000s of bytes per second.
  const lines = run.stdout.split('\n');
  const header = lines.findIndex((l) => /^type\s+16384 bytes\s*$/.test(l));
  const row = /^aes-128-ctr\s+([\d.]+)k\s*$/i.exec(lines[header + 1] ?? '');
  if (header < 0 || row?.[1] === undefined)
    throw new Error(`openssl speed: unexpected output:\n${run.stdout}`);
  const version = execFileSync('openssl', ['version'], { encoding: 'utf8' }).trim();
  return { bytesPerSecond: Number(row[1]) * 1000, version };
}

/**
 * gomme's generator alone, in this process: fill one 4 MiB aligned buffer at successive offsets, as the
 * engine does per chunk. One untimed fill first, so cipher setup and JIT warm-up are not in the figure.
 * Both divisors: wall time, and user CPU time (openssl's default, steadier when other processes compete);
 * system time is reported apart, since the user-time figure hides it.
 */
export function gommePrng(
  totalBytes: number,
  backend: AesCtrBackend,
): {
  perWallSecond: number;
  perUserSecond: number;
  /** Kernel CPU seconds per GiB: what the user-time figure leaves out (page faults, mmap). */
  systemSecondsPerGiB: number;
} {
  const buffer = allocAligned(4 << 20);
  const stream = new AesCtrStream(newSeed(), { backend });
  stream.fill(buffer, 0);
  const cpuBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  let offset = 0;
  while (offset < totalBytes) {
    stream.fill(buffer, offset);
    offset += buffer.length;
  }
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    perWallSecond: offset / wallSeconds,
    perUserSecond: offset / (cpu.user / 1e6),
    systemSecondsPerGiB: cpu.system / 1e6 / (offset / 2 ** 30),
  };
}

export async function gommeHelp(cli: string): Promise<Timed> {
  const run = await runTimed(cli, ['--help'], { rusage: false });
  expectSuccess('gomme --help', run);
  return run;
}

function expectSuccess(what: string, run: Timed): void {
  if (run.code === 0) return;
  const detail = (run.stderr.trim() || run.stdout.trim()).split('\n').slice(-5).join('\n');
  throw new Error(`${what} failed (${run.signal ?? `exit ${run.code}`}): ${detail}`);
}
