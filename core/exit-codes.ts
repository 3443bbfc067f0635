/**
 * The one table of gomme's exit codes. Scripts rely on these numbers: never renumber, only add.
 * `cli/main.ts` is the only place that passes them to `process.exit`.
 */
export const ExitCode = {
  /** Everything asked for was done (every drive ERASED, every check run). */
  OK: 0,
  /** Unexpected internal failure (a bug): the message says what to report. */
  FAILURE: 1,
  /** The command line was wrong. */
  USAGE: 2,
  /** Refused for safety: protected device (boot medium, mounted, swap, holder, read-only, in use) or no confirmation. */
  REFUSED: 3,
  /** The named device does not exist or is not a whole block device. */
  NOT_FOUND: 4,
  /** The drive or this system does not support what was asked. */
  NOT_SUPPORTED: 5,
  /** Some drives were erased, others failed or were aborted (see the result line). */
  PARTIAL: 6,
  /** Erasure ran but verification found data that should not be there, or an I/O error was recorded. */
  ERASE_FAILED: 7,
  /** This command needs root. */
  NEEDS_ROOT: 8,
  /** A program gomme needs is not installed (the message names the Debian package). */
  TOOL_MISSING: 9,
  /** An input file (bundle, record, PDF, key) is unreadable or malformed. */
  BAD_INPUT: 10,
  /** `gomme cert verify`: the signature does not verify, does not cover the whole file, or the record differs. */
  TAMPERED: 11,
  /** `gomme cert verify`: intact, but signed by a certificate this installation does not trust. */
  UNKNOWN_SIGNER: 12,
  /**
   * The journal cannot be written (full, read-only, damaged): the proof of an erasure could not be kept. Before
   * an erasure nothing is written to any drive; during one, the jobs stop and an emergency copy of the records
   * says what reached each drive.
   */
  JOURNAL: 13,
  /** Interrupted by the operator (Ctrl-C / SIGTERM); jobs left resumable. */
  INTERRUPTED: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export const exitCodeDescriptions: Record<ExitCodeValue, string> = {
  0: 'success',
  1: 'internal error',
  2: 'usage error',
  3: 'refused for safety (protected device or missing confirmation)',
  4: 'device not found',
  5: 'not supported',
  6: 'partial: some drives failed',
  7: 'erasure or verification failed',
  8: 'needs root',
  9: 'required program missing',
  10: 'bad input file',
  11: 'certificate tampered or signature invalid',
  12: 'certificate signer not trusted',
  13: 'journal unusable (full, read-only, damaged): proof not kept, emergency copy written',
  130: 'interrupted',
};
