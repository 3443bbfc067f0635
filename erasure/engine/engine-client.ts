/**
 * The command's handle on its engine process. Why a process: a write to a hung drive waits in the kernel in
 * uninterruptible sleep; the thread doing it cannot be killed, Node's exit waits for every thread of its pool,
 * and the kernel does not reap a process while one of its threads is in that state. Measured: a command doing
 * its own I/O on a drive whose backing filesystem was frozen could not exit (SIGKILL left a zombie) until the
 * drive came back. With the I/O in a child, the command abandons the child (SIGKILL) and ends; the child dies
 * when its system call returns.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JobEvent } from '../../core/events.js';
import type { ClaimResult, ClaimTarget, FromEngine, ToEngine } from './engine-protocol.js';
import { threadPoolSize } from './engine-sizing.js';
import type { OverwriteJobSpec, OverwriteOutcome, OverwriteTuning } from './overwrite-job.js';

export interface JobHandlers {
  emit(event: JobEvent): void;
  /** Persists a resume point; the engine sends it only after the data before it was flushed. */
  checkpoint(pass: number, offset: number): void;
}

/** The engine process ended before answering (killed from outside, out of memory, a bug). */
export class EngineExitedError extends Error {
  constructor(detail: string) {
    super(`the engine process ended unexpectedly (${detail})`);
  }
}

interface Pending<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

export class EngineProcess {
  private readonly jobs = new Map<string, Pending<OverwriteOutcome> & JobHandlers>();
  private claiming: Pending<ClaimResult[]> | null = null;
  private exited: Error | null = null;
  private readonly exit: Promise<void>;
  private stderrTail = '';

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: FromEngine) => this.receive(message));
    // A send to an engine that just died fails here; its 'exit' then fails what was pending, with this detail.
    child.on('error', (error) => {
      this.stderrTail = `${this.stderrTail}\n${error.message}`.slice(-2000);
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-2000);
      process.stderr.write(chunk);
    });
    this.exit = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        const tail = this.stderrTail.trim();
        this.exited = new EngineExitedError(`${signal ?? `exit ${code}`}${tail ? `: ${tail}` : ''}`);
        this.failAll(this.exited);
        resolve();
      });
    });
  }

  /**
   * Starts an engine sized for `drives` drives: its libuv pool has a thread for every system call those drives
   * can have pending at once, so drives stuck in the kernel can never leave the others without a thread.
   */
  static async start(options: { drives: number; queueDepth: number }): Promise<EngineProcess> {
    const child = fork(engineEntry(), [], {
      // A small young generation: the engine's own allocations are a few events a second per drive, and the
      // default semi-space (16 MiB) only grew its RSS (-10 MiB at 8 drives, bench §4).
      execArgv: ['--max-semi-space-size=1'],
      env: { ...process.env, UV_THREADPOOL_SIZE: String(threadPoolSize(options.drives, options.queueDepth)) },
      // The engine never writes to the command's stdout: with --json that is the contract. Its stderr comes
      // through a pipe, so an abandoned engine does not keep the command's own output open.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const engine = new EngineProcess(child);
    await new Promise<void>((resolve, reject) => {
      child.once('message', (message: FromEngine) => {
        if (message.type === 'ready') resolve();
      });
      child.once('error', reject);
      engine.exit.then(() => reject(engine.exited));
    });
    return engine;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  claim(targets: ClaimTarget[], options: { stallMs: number; busyRetryMs: number }): Promise<ClaimResult[]> {
    return new Promise((resolve, reject) => {
      if (this.exited) return reject(this.exited);
      this.claiming = { resolve, reject };
      this.send({ type: 'claim', targets, ...options });
    });
  }

  run(
    spec: OverwriteJobSpec,
    tuning: Partial<OverwriteTuning>,
    handlers: JobHandlers,
    options: { openAtRun: boolean } = { openAtRun: false },
  ) {
    return new Promise<OverwriteOutcome>((resolve, reject) => {
      if (this.exited) return reject(this.exited);
      this.jobs.set(spec.jobId, { resolve, reject, ...handlers });
      this.send({ type: 'run', spec, tuning, openAtRun: options.openAtRun });
    });
  }

  /** Every job stops at its next checkpoint. */
  abort(): void {
    this.send({ type: 'abort' });
  }

  /**
   * 'release': the engine closes what it holds and exits (waited for). 'abandon': a drive is stuck in the kernel
   * and the engine cannot exit before it answers: kill it and let go of it, so the command can end now.
   */
  async close(mode: 'release' | 'abandon'): Promise<void> {
    if (this.exited) return;
    if (mode === 'release') {
      this.send({ type: 'release' });
      const ended = await Promise.race([this.exit.then(() => true), delay(10_000).then(() => false)]);
      if (ended) return;
    }
    this.child.kill('SIGKILL');
    // Nothing of the child may keep this process's event loop alive: its exit comes when the drive answers.
    this.child.stderr?.destroy();
    if (this.child.connected) this.child.disconnect();
    this.child.unref();
  }

  private send(message: ToEngine): void {
    if (this.child.connected) this.child.send(message);
  }

  private receive(message: FromEngine): void {
    switch (message.type) {
      case 'claimed':
        this.claiming?.resolve(message.results);
        this.claiming = null;
        return;
      case 'event':
        this.jobs.get(message.event.jobId)?.emit(message.event);
        return;
      case 'checkpoint':
        this.jobs.get(message.jobId)?.checkpoint(message.pass, message.offset);
        return;
      case 'finished':
        this.jobs.get(message.jobId)?.resolve(message.outcome);
        this.jobs.delete(message.jobId);
        return;
      case 'crashed':
        this.jobs.get(message.jobId)?.reject(new Error(message.message));
        this.jobs.delete(message.jobId);
        return;
      case 'ready':
      case 'released':
        return;
    }
  }

  private failAll(error: Error): void {
    this.claiming?.reject(error);
    this.claiming = null;
    for (const job of this.jobs.values()) job.reject(error);
    this.jobs.clear();
  }
}

/**
 * The compiled entry beside this module; when this module runs from its TypeScript source (vitest), the
 * compiled one under dist/ (npm test builds first).
 */
function engineEntry(): string {
  const candidates = [
    new URL('./engine-main.js', import.meta.url),
    new URL('../../dist/erasure/engine/engine-main.js', import.meta.url),
  ].map((url) => fileURLToPath(url));
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`the engine is not built: none of ${candidates.join(', ')} exists`);
  return found;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
