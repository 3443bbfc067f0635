import type { Database, RunResult, Statement } from 'better-sqlite3';
import { classifyJournalError } from './errors.js';

/** Each kind of write the journal makes: the points where a crash or a fault can land. */
export const WRITE_POINTS = [
  'batch-created',
  'job-created',
  'checkpoint',
  'error-added',
  'job-claimed',
  'job-finished',
  'job-failed',
  'job-refused',
  'job-discarded',
  'record-committed',
  'certificate-logged',
  'outbox-queued',
  'outbox-attempt',
  'outbox-acknowledged',
  'password-saved',
  'password-forgotten',
  'password-attempt',
] as const;
export type WritePoint = (typeof WRITE_POINTS)[number];

export interface JournalHooks {
  /**
   * Called once a write is durable (at the end of the outermost transaction), with every point it covered.
   * Production passes nothing; the fault-injection tests crash or break the medium here.
   */
  afterWrite?(points: readonly WritePoint[]): void;
}

/**
 * The only holder of the SQLite handle. Every statement goes through `guard`, so what leaves the journal is a
 * typed JournalError (full, read-only, damaged, busy) or a bug, never a raw SqliteError.
 */
export class JournalDb {
  private depth = 0;
  private pending: WritePoint[] = [];
  private readonly statements = new Map<string, Statement>();

  constructor(
    readonly raw: Database,
    readonly file: string,
    private readonly hooks: JournalHooks = {},
  ) {}

  run(sql: string, ...params: unknown[]): RunResult {
    return this.guard(() => this.statement(sql).run(...params));
  }

  get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.guard(() => this.statement(sql).get(...params) as T | undefined);
  }

  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.guard(() => this.statement(sql).all(...params) as T[]);
  }

  pragma(source: string): unknown {
    return this.guard(() => this.raw.pragma(source));
  }

  /** A write that commits alone, or with the transaction it runs in; `point` names it for the hooks. */
  write<T>(point: WritePoint, fn: () => T): T {
    return this.transaction(() => {
      const result = fn();
      this.pending.push(point);
      return result;
    });
  }

  transaction<T>(fn: () => T): T {
    const mark = this.pending.length;
    this.depth++;
    let result: T;
    try {
      result = this.guard(() => this.raw.transaction(fn)());
    } catch (error) {
      this.pending.length = mark;
      throw error;
    } finally {
      this.depth--;
    }
    if (this.depth === 0 && this.pending.length > 0) {
      const points = this.pending.splice(0);
      this.hooks.afterWrite?.(points);
    }
    return result;
  }

  guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw classifyJournalError(error, this.file) ?? error;
    }
  }

  close(): void {
    if (this.raw.open) this.raw.close();
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.guard(() => this.raw.prepare(sql));
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
