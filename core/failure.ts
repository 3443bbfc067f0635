import { GommeError } from './errors.js';
import { ExitCode, type ExitCodeValue } from './exit-codes.js';
import { type Lang, text } from './i18n.js';

/** The `{"type":"error",…}` object scripts read (README "Exit codes"). */
export interface ErrorJson {
  type: 'error';
  code: string;
  exitCode: number;
  message: string;
  hint: string | null;
}

/** What an entry point shows for an error that ended a command, and the exit code it ends with. */
export interface FailureReport {
  exitCode: ExitCodeValue;
  /** One line for a person, in their language; never a stack trace. */
  message: string;
  hint: string | null;
  json: ErrorJson;
  /** The bug's stack and causes, only when GOMME_DEBUG=1: the entry point prints it on stderr. */
  debugDetails: string | null;
}

export interface FailureOptions {
  env: NodeJS.ProcessEnv;
  /** Where a bug's details go; returns the file (tests pass their own). */
  saveBugReport?: (error: unknown, env: NodeJS.ProcessEnv) => string | null;
}

/**
 * The one mapping from an error to what the user sees and the exit code, for every entry point (the CLI, the
 * unattended boot job, a hub server). A GommeError says what happened and what to do; anything else is a bug:
 * one line says so with its message and names the file holding the details (stderr with GOMME_DEBUG=1).
 */
export async function describeFailure(
  error: unknown,
  lang: Lang,
  options: FailureOptions,
): Promise<FailureReport> {
  if (error instanceof GommeError) {
    const message = error.text[lang];
    const hint = error.hint?.[lang] ?? null;
    return {
      exitCode: error.exitCode,
      message,
      hint,
      json: { type: 'error', code: error.code, exitCode: error.exitCode, message, hint },
      debugDetails: null,
    };
  }
  const what = error instanceof Error ? error.message : String(error);
  const debug = options.env.GOMME_DEBUG === '1';
  // Loaded only for a bug, so every command's start stays light.
  const { bugDetails, writeBugReport } = await import('./bug-report.js');
  const file = debug ? null : (options.saveBugReport ?? writeBugReport)(error, options.env);
  const where = debug
    ? text('détails ci-dessous', 'details below')
    : file
      ? text(
          `détails dans ${file}, à joindre au signalement`,
          `details in ${file}, please attach it to the report`,
        )
      : text(
          'détails non enregistrés : relancez avec GOMME_DEBUG=1 pour les voir',
          'details not saved: run again with GOMME_DEBUG=1 to see them',
        );
  const message = text(
    `Erreur interne, c’est un bogue de gomme : ${what} (${where.fr}).`,
    `Internal error, this is a bug in gomme: ${what} (${where.en}).`,
  )[lang];
  return {
    exitCode: ExitCode.FAILURE,
    message,
    hint: null,
    json: { type: 'error', code: 'internal', exitCode: ExitCode.FAILURE, message, hint: null },
    debugDetails: debug ? bugDetails(error) : null,
  };
}
