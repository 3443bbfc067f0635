/**
 * The bookkeeping every engine shares: the command record (CommandLog), firmware progress and warning events,
 * and the PurgeOutcome.
 */
import type { Drive } from '../../core/drive.js';
import { ToolMissingError } from '../../core/errors.js';
import type { IoErrorRange } from '../../core/events.js';
import { type Text, text } from '../../core/i18n.js';
import type { CommandResult } from '../../core/run/runner.js';
import { CommandLog } from './command-log.js';
import type {
  Completion,
  PurgeDeps,
  PurgeEngine,
  PurgeEngineId,
  PurgeFailure,
  PurgeOutcome,
  PurgeStatus,
  Supports,
} from './engine.js';
import { nistLevelOf, TECHNIQUES } from './techniques.js';

export class PurgeSession extends CommandLog {
  readonly errors: IoErrorRange[] = [];
  readonly notes: string[] = [];
  private readonly startedMs: number;

  constructor(
    readonly engine: PurgeEngineId,
    readonly drive: Drive,
    readonly deps: PurgeDeps,
  ) {
    super(deps);
    this.startedMs = deps.now();
  }

  get aborted(): boolean {
    return this.deps.signal?.aborted === true;
  }

  elapsedMs(): number {
    return this.deps.now() - this.startedMs;
  }

  /** Firmware progress as a JobEvent; `fraction` null means "running, amount unknown". */
  progress(fraction: number | null, etaSeconds: number | null): void {
    const total = this.drive.sizeBytes;
    const done = fraction === null ? 0 : Math.round(Math.min(1, Math.max(0, fraction)) * total);
    const seconds = this.elapsedMs() / 1000;
    this.deps.emit({
      type: 'progress',
      jobId: this.deps.jobId,
      device: this.drive.path,
      at: new Date(this.deps.now()).toISOString(),
      phase: 'firmware',
      pass: 1,
      passes: 1,
      bytesDone: done,
      bytesTotal: total,
      rate: seconds > 0 ? Math.round(done / seconds) : 0,
      etaSeconds,
    });
  }

  warn(message: string): void {
    this.notes.push(message);
    this.deps.emit({
      type: 'warning',
      jobId: this.deps.jobId,
      device: this.drive.path,
      at: new Date(this.deps.now()).toISOString(),
      message,
    });
  }

  /** A failed device command, as an io-error covering the whole drive (firmware commands have no range). */
  commandError(code: string, message: string): void {
    const error: IoErrorRange = {
      operation: 'command',
      pass: null,
      offset: 0,
      length: this.drive.sizeBytes,
      code,
      message,
    };
    this.errors.push(error);
    this.deps.emit({
      type: 'io-error',
      jobId: this.deps.jobId,
      device: this.drive.path,
      at: new Date(this.deps.now()).toISOString(),
      error,
    });
  }

  finish(status: PurgeStatus, completion: Completion, failure: PurgeFailure | null = null): PurgeOutcome {
    return {
      engine: this.engine,
      status,
      completion,
      commands: this.commands,
      errors: this.errors,
      failure,
      notes: this.notes,
    };
  }

  fail(code: string, message: Text, completion: Completion = 'none'): PurgeOutcome {
    this.commandError(code, message.en);
    return this.finish('failed', completion, { code, message });
  }

  abort(message: Text): PurgeOutcome {
    this.notes.push(message.en);
    return this.finish('aborted', 'none', { code: 'aborted', message });
  }
}

/** Runs an engine body; a missing program becomes a failed outcome instead of an exception. */
export async function runSession(
  engine: PurgeEngineId,
  drive: Drive,
  deps: PurgeDeps,
  body: (session: PurgeSession) => Promise<PurgeOutcome>,
): Promise<PurgeOutcome> {
  const session = new PurgeSession(engine, drive, deps);
  try {
    return await body(session);
  } catch (error) {
    if (!(error instanceof ToolMissingError)) throw error;
    return session.fail('tool-missing', error.text);
  }
}

/** One line of a command's output for messages: stderr first (where hdparm and nvme-cli complain). */
export function summarize(result: CommandResult): string {
  const line = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  return line ?? `exit ${result.exitCode}`;
}

export const abortedBeforeStart = text(
  'Interrompu avant de lancer la commande : le disque n’a pas été modifié.',
  'Interrupted before the command was sent: the drive was not changed.',
);

/**
 * Builds an engine from its support check and its body: every engine refuses, without running anything, a drive
 * it does not support, and reports a missing program as a failed outcome.
 */
export function defineEngine(
  id: PurgeEngineId,
  supports: (drive: Drive) => Supports,
  body: (session: PurgeSession, drive: Drive) => Promise<PurgeOutcome>,
  readableBefore?: (drive: Drive) => boolean,
): PurgeEngine {
  return {
    id,
    ...(readableBefore ? { readableBefore } : {}),
    technique: TECHNIQUES[id].technique,
    resultKind: TECHNIQUES[id].resultKind,
    nistLevel: (drive) => nistLevelOf(id, drive),
    supports,
    run: (drive, deps) =>
      runSession(id, drive, deps, async (session) => {
        const ok = supports(drive);
        if (!ok.ok) return session.fail('unsupported', ok.reason);
        return body(session, drive);
      }),
  };
}
