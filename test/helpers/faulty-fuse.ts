/**
 * A "drive with bad sectors" for tests: a loop device over the single file of faulty-fuse (a tiny FUSE3
 * server, faulty-fuse/faulty-fuse.c) which answers EIO for reads/writes touching configured byte ranges.
 * device-mapper's error target is not available on the team's machines (architecture.md); this is.
 *
 * Teardown order matters: the loop device holds the FUSE file open, so detach it first, then unmount (the
 * server exits when unmounted), and only then remove the temp folder.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  attachedLoops,
  attachLoopDevice,
  type LoopDevice,
  ownedTempDir,
  processAlive,
  tempDirOwner,
} from './loop-device.js';

/** A half-open byte range [start, end). */
export interface ByteRange {
  start: number;
  end: number;
}

export interface FaultyDriveOptions {
  readFaults?: ByteRange[];
  writeFaults?: ByteRange[];
  /** Attach the loop device with --direct-io=on. Both modes surface EIO (FUSE serves the file with direct_io). */
  directIo?: boolean;
}

export interface FaultyDrive {
  /** /dev/loopN over the FUSE file: the device under test. */
  path: string;
  /** The real file holding the data, readable directly to check what reached the "medium". */
  backingFile: string;
  /** Lines "EIO read|write OFFSET LENGTH" for every request the server refused, as the loop driver sent them. */
  faultLog(): string[];
  /** SIGUSR1: every later request succeeds (a bad sector that got remapped). */
  clearFaults(): void;
  teardown(): Promise<void>;
}

const SOURCE = join(dirname(fileURLToPath(import.meta.url)), 'faulty-fuse', 'faulty-fuse.c');
const FILE_NAME = 'disk.img';

/** True when this machine can run faulty-fuse: root, /dev/fuse, gcc, libfuse3-dev and fusermount3. */
export function faultyFuseAvailable(): boolean {
  if (process.getuid?.() !== 0 || !existsSync('/dev/fuse')) return false;
  try {
    execFileSync('pkg-config', ['--exists', 'fuse3']);
    execFileSync('sh', ['-c', 'command -v gcc && command -v fusermount3'], { stdio: 'ignore' });
    return true;
  } catch {
    return false; // a missing tool is exactly what this function reports
  }
}

/** Compiles faulty-fuse once per source version into the temp folder; returns the binary's path. */
export function buildFaultyFuse(): string {
  const source = readFileSync(SOURCE);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), `gomme-faulty-fuse-${hash}`);
  const binary = join(dir, 'faulty-fuse');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const flags = execFileSync('pkg-config', ['--cflags', '--libs', 'fuse3'], { encoding: 'utf8' })
    .trim()
    .split(/\s+/);
  // Build beside the target and rename: a concurrent build never leaves a half-written binary in place.
  const partial = `${binary}.${process.pid}.tmp`;
  execFileSync('gcc', ['-O2', '-Wall', '-Wextra', '-Werror', '-o', partial, SOURCE, ...flags], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  renameSync(partial, binary);
  return binary;
}

export async function createFaultyDrive(
  sizeBytes: number,
  options: FaultyDriveOptions = {},
): Promise<FaultyDrive> {
  await reapStaleFaultyDrives();
  const binary = buildFaultyFuse();
  const dir = ownedTempDir('fuse');
  const backingFile = join(dir, 'backing.img');
  const mountPoint = join(dir, 'mnt');
  mkdirSync(mountPoint);
  writeFileSync(backingFile, '');
  truncateSync(backingFile, sizeBytes);

  const args = ['--backing', backingFile];
  for (const r of options.readFaults ?? []) args.push('--read-fault', `${r.start}:${r.end}`);
  for (const r of options.writeFaults ?? []) args.push('--write-fault', `${r.start}:${r.end}`);
  // -f: stay in the foreground so we own the process; -s: one thread, requests are served in order.
  args.push('--', mountPoint, '-f', '-s');

  const server = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  server.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => {
    server.once('exit', () => resolve());
    // A failed spawn emits 'error' and never 'exit'.
    server.once('error', (error) => {
      stderr += `spawn failed: ${error.message}\n`;
      resolve();
    });
  });

  const state: TeardownState = { server, exited, mountPoint, dir, loop: undefined, tornDown: false };
  try {
    await waitForMount(mountPoint, server, () => stderr);
    state.loop = attachLoopDevice(join(mountPoint, FILE_NAME), { directIo: options.directIo ?? false });
  } catch (error) {
    await teardown(state);
    throw error;
  }
  const loop = state.loop;
  return {
    path: loop.path,
    backingFile,
    faultLog: () => stderr.split('\n').filter((line) => line.startsWith('EIO ')),
    clearFaults: () => {
      server.kill('SIGUSR1');
    },
    teardown: () => teardown(state),
  };
}

/** Runs `fn` with a faulty drive and tears it down afterwards, whatever happens. */
export async function withFaultyDrive<T>(
  sizeBytes: number,
  options: FaultyDriveOptions,
  fn: (drive: FaultyDrive) => Promise<T> | T,
): Promise<T> {
  const drive = await createFaultyDrive(sizeBytes, options);
  let result: T;
  try {
    result = await fn(drive);
  } catch (error) {
    // Tear down anyway; if that fails too, keep the test's own error first.
    await drive.teardown().catch((teardownError: unknown) => {
      throw new AggregateError(
        [error, teardownError],
        'test failed and its faulty drive could not be torn down',
      );
    });
    throw error;
  }
  await drive.teardown();
  return result;
}

interface TeardownState {
  server: ChildProcess;
  exited: Promise<void>;
  mountPoint: string;
  dir: string;
  loop: LoopDevice | undefined;
  tornDown: boolean;
}

async function teardown(state: TeardownState): Promise<void> {
  if (state.tornDown) return;
  state.tornDown = true;
  // Every step runs even if an earlier one failed, so one leak does not cascade into more.
  const failures: unknown[] = [];
  const step = async (action: () => unknown) => {
    try {
      await action();
    } catch (error) {
      failures.push(error);
    }
  };
  await step(() => state.loop?.detach());
  await step(() => unmount(state.mountPoint));
  await step(async () => {
    const gone = await Promise.race([state.exited.then(() => true), delay(5_000).then(() => false)]);
    if (!gone) {
      state.server.kill('SIGKILL');
      await state.exited;
    }
  });
  // Only ever delete an unmounted folder: through a live mount, rm would reach the served file.
  if (isMountPoint(state.mountPoint))
    failures.push(new Error(`${state.mountPoint} is still mounted; left in place`));
  else rmSync(state.dir, { recursive: true, force: true });
  if (failures.length > 0) throw new AggregateError(failures, 'faulty drive teardown failed');
}

async function unmount(mountPoint: string): Promise<void> {
  for (let attempt = 0; isMountPoint(mountPoint); attempt++) {
    try {
      execFileSync('fusermount3', ['-u', mountPoint], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      // EBUSY right after losetup -d while the kernel drops its last reference: retry, then detach lazily.
      if (attempt >= 20) {
        execFileSync('fusermount3', ['-u', '-z', mountPoint]);
        throw new Error(`${mountPoint} stayed busy; unmounted lazily`, { cause: error });
      }
      await delay(50);
    }
  }
}

async function waitForMount(mountPoint: string, server: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!existsSync(join(mountPoint, FILE_NAME))) {
    if (server.exitCode !== null || server.signalCode !== null || server.pid === undefined) {
      throw new Error(
        `faulty-fuse exited before mounting (${server.exitCode ?? server.signalCode}): ${stderr()}`,
      );
    }
    if (Date.now() > deadline) throw new Error(`faulty-fuse did not mount within 10 s: ${stderr()}`);
    await delay(20);
  }
}

function isMountPoint(path: string): boolean {
  return existsSync(path) && statSync(path).dev !== statSync(dirname(path)).dev;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Cleans up after test processes that died with a faulty drive up (Ctrl-C, crash): only mounts of faulty-fuse
 * in a gomme-fuse-PID- folder whose process is gone. The orphaned server exits once unmounted.
 */
export async function reapStaleFaultyDrives(): Promise<void> {
  const mountPoints = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' '))
    .filter((fields) => fields[2] === 'fuse.faulty-fuse')
    .map((fields) => fields[1] ?? '');
  for (const mountPoint of mountPoints) {
    const owner = tempDirOwner(mountPoint, 'fuse');
    if (owner === undefined || processAlive(owner.pid)) continue;
    for (const loop of attachedLoops()) {
      if (loop.backingFile.startsWith(`${mountPoint}/`)) execFileSync('losetup', ['-d', loop.path]);
    }
    await unmount(mountPoint);
    rmSync(owner.dir, { recursive: true, force: true });
  }
}
