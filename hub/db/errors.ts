import { GommeError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { type Text, text } from '../../core/i18n.js';

/** The database cannot be reached or is restarting: the client should retry later (HTTP 503). */
export class DatabaseUnavailableError extends GommeError {
  constructor(detail: string, cause?: unknown) {
    super(
      'hub-database-unavailable',
      text(`Base de données du hub indisponible : ${detail}`, `Hub database unavailable: ${detail}`),
      {
        exitCode: ExitCode.FAILURE,
        cause,
        hint: text(
          'Vérifiez que PostgreSQL tourne et que l’adresse --database est juste.',
          'Check that PostgreSQL is running and that the --database address is right.',
        ),
      },
    );
  }
}

/** The disk under the database is full: nothing was stored, the client keeps its copy (HTTP 507). */
export class DatabaseFullError extends GommeError {
  constructor(detail: string, cause?: unknown) {
    super('hub-disk-full', text(`Disque du hub plein : ${detail}`, `Hub disk full: ${detail}`), {
      exitCode: ExitCode.FAILURE,
      cause,
      hint: text(
        'Libérez de la place sur le disque du hub ; les postes gardent leurs envois en attente.',
        'Free space on the hub’s disk; stations keep their uploads queued.',
      ),
    });
  }
}

/** The embedded database folder is held by another process (a running `gomme hub serve`). */
export class DatabaseLockedError extends GommeError {
  constructor(dir: string, pid: number) {
    super(
      'hub-database-locked',
      text(
        `La base intégrée ${dir} est ouverte par le processus ${pid}.`,
        `The embedded database ${dir} is open in process ${pid}.`,
      ),
      {
        exitCode: ExitCode.REFUSED,
        hint: text(
          'Arrêtez ce hub, ou passez par lui (les commandes « gomme hub admin » le font quand il tourne).',
          'Stop that hub, or go through it (the "gomme hub admin" commands do when it runs).',
        ),
      },
    );
  }
}

const DISK_FULL = new Set(['53100', 'ENOSPC']);
/** SQLSTATE classes and Node codes that mean "not now", not "never". */
const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53300', // too_many_connections
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOENT', // the unix socket is gone while PostgreSQL restarts
  'EPIPE',
  'ETIMEDOUT',
]);

/**
 * Turns a driver error into the hub's typed errors when it is one of the named cases (disk full, database
 * away); returns null for anything else, which stays a bug or a constraint the caller handles.
 */
export function classifyDatabaseError(error: unknown): DatabaseFullError | DatabaseUnavailableError | null {
  if (error instanceof DatabaseFullError || error instanceof DatabaseUnavailableError) return error;
  if (!(error instanceof Error)) return null;
  const code = String((error as { code?: unknown }).code ?? '');
  const message = error.message;
  if (DISK_FULL.has(code) || /No space left on device|could not extend file/i.test(message))
    return new DatabaseFullError(message, error);
  if (
    UNAVAILABLE_CODES.has(code) ||
    code.startsWith('08') || // connection_exception
    /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down|in recovery)|PGlite is closed|pool is draining|Cannot use a pool after calling end/i.test(
      message,
    )
  )
    return new DatabaseUnavailableError(message, error);
  return null;
}

export const describeDbError = (error: unknown): Text =>
  error instanceof GommeError ? error.text : text(String(error), String(error));
