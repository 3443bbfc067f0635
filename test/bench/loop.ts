/**
 * Loop devices over files the benchmark creates: the ONLY block devices it writes to. Each one is recorded
 * here when attached; every writing command checks its target against this record first (assertOwnedLoop),
 * and cleanupAll() detaches them all (run-all calls it in finally and from its signal handlers).
 *
 * Backing folders are named gomme-bench-PID-*, so a later run can reap what a killed run (SIGKILL, crash)
 * left attached, without touching loop devices that other tools or test runs own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { throwIfInterrupted } from './measure.js';

export interface BenchLoop {
  /** /dev/loopN */
  path: string;
  backingFile: string;
  directIo: boolean;
}

const PREFIX = 'gomme-bench-';
const loops = new Map<string, BenchLoop>();
const dirs = new Set<string>();

/** A fresh folder under `parent` (/var/tmp or /dev/shm), removed by cleanupAll(). */
export function benchDir(parent: string): string {
  const dir = mkdtempSync(join(parent, `${PREFIX}${process.pid}-`));
  dirs.add(dir);
  return dir;
}

/** A sparse file of `sizeBytes` in `dir`, attached to a free loop device. */
export function createLoop(dir: string, name: string, sizeBytes: number, directIo: boolean): BenchLoop {
  throwIfInterrupted();
  const backingFile = join(dir, name);
  writeFileSync(backingFile, '');
  execFileSync('truncate', ['-s', String(sizeBytes), backingFile]);
  const args = ['-f', '--show', ...(directIo ? ['--direct-io=on'] : []), backingFile];
  const path = execFileSync('losetup', args, { encoding: 'utf8' }).trim();
  if (!/^\/dev\/loop\d+$/.test(path)) throw new Error(`losetup returned an unexpected device: "${path}"`);
  const loop = { path, backingFile, directIo };
  loops.set(path, loop);
  // losetup falls back to buffered I/O silently when the filesystem refuses O_DIRECT: say so rather than
  // report "disk" figures that only measured the page cache.
  if (directIo && readSys(path, 'loop/dio') !== '1') {
    throw new Error(`${path}: --direct-io=on was not honoured for ${backingFile}`);
  }
  return loop;
}

/**
 * Throws unless `path` is a loop device attached by this process and still backed by the file it made.
 * Called right before every command that writes to a device.
 */
export function assertOwnedLoop(path: string): void {
  const loop = loops.get(path);
  if (loop === undefined || !/^\/dev\/loop\d+$/.test(path)) {
    throw new Error(`refusing to write to ${path}: not a loop device created by this benchmark`);
  }
  const backing = readSys(path, 'loop/backing_file');
  if (backing !== loop.backingFile) {
    throw new Error(`refusing to write to ${path}: backed by "${backing}", expected ${loop.backingFile}`);
  }
}

/** Detaches every loop device and removes every folder made here. Idempotent; collects failures. */
export function cleanupAll(): string[] {
  const failures: string[] = [];
  for (const loop of loops.values()) {
    try {
      detach(loop.path);
      loops.delete(loop.path);
    } catch (error) {
      failures.push(`${loop.path}: ${(error as Error).message}`);
    }
  }
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
    dirs.delete(dir);
  }
  return failures;
}

/** Detaches loops left by dead benchmark runs (backing file in a gomme-bench-PID- folder, PID gone). */
export function reapStale(parents: readonly string[]): void {
  for (const name of readdirSync('/sys/block').filter((n) => n.startsWith('loop'))) {
    const path = `/dev/${name}`;
    const backing = readSys(path, 'loop/backing_file');
    const owner = backing === undefined ? undefined : staleOwner(backing, parents);
    if (owner === undefined) continue;
    detach(path);
    rmSync(owner, { recursive: true, force: true });
  }
  // Folders of dead runs whose loops were already gone (tmpfs memory is worth giving back).
  for (const parent of parents) {
    for (const entry of readdirSync(parent).filter((e) => e.startsWith(PREFIX))) {
      const dir = join(parent, entry);
      if (staleOwner(join(dir, 'x'), parents) === dir) rmSync(dir, { recursive: true, force: true });
    }
  }
}

function staleOwner(file: string, parents: readonly string[]): string | undefined {
  for (const parent of parents) {
    const prefix = join(parent, PREFIX);
    if (!file.startsWith(prefix)) continue;
    const match = /^(\d+)-[^/]+/.exec(file.slice(prefix.length));
    if (match?.[1] === undefined || alive(Number(match[1]))) return undefined;
    return prefix + match[0];
  }
  return undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** losetup -d only sets autoclear while the device is still open: wait until the kernel really let go. */
function detach(path: string): void {
  if (readSys(path, 'loop/backing_file') === undefined) return;
  execFileSync('losetup', ['-d', path], { stdio: ['ignore', 'ignore', 'pipe'] });
  const deadline = Date.now() + 10_000;
  while (existsSync(`/sys/block/${basename(path)}/loop/backing_file`)) {
    if (Date.now() > deadline) throw new Error('still attached 10 s after losetup -d (device held open)');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}

function readSys(path: string, attribute: string): string | undefined {
  try {
    return readFileSync(`/sys/block/${basename(path)}/${attribute}`, 'utf8').trim();
  } catch {
    return undefined; // absent attribute: not attached
  }
}
