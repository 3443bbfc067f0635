import { type Text, text } from './i18n.js';

/**
 * The one table of gomme's exit codes. Scripts rely on these numbers: never renumber, only add.
 * Entry points end with them (cli/main.ts, cli/unattended/main.ts); core/failure.ts maps errors to them.
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
  /** `gomme sync`: the hub did not acknowledge everything (unreachable, or refused items); nothing is lost. */
  SYNC_PENDING: 14,
  /** Interrupted by the operator (Ctrl-C / SIGTERM); jobs left resumable. */
  INTERRUPTED: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** What each code means, as `gomme exit-codes` prints it (README "Exit codes"). */
export const exitCodeMeanings: Record<ExitCodeValue, Text> = {
  0: text('succès', 'success'),
  1: text(
    'erreur interne (un bogue : signalez-le avec le message)',
    'internal error (a bug: please report it with the message)',
  ),
  2: text('erreur dans la ligne de commande', 'usage error'),
  3: text(
    'refusé par sécurité (disque protégé ou confirmation absente)',
    'refused for safety (protected device or missing confirmation)',
  ),
  4: text('disque introuvable', 'device not found'),
  5: text('non pris en charge', 'not supported'),
  6: text('partiel : certains disques ont échoué', 'partial: some drives failed'),
  7: text('effacement ou vérification en échec', 'erasure or verification failed'),
  8: text('droits administrateur (root) nécessaires', 'needs root'),
  9: text(
    'programme requis manquant (le message nomme le paquet Debian)',
    'required program missing (the message names the Debian package)',
  ),
  10: text(
    'fichier d’entrée inutilisable (paquet, rapport, PDF, clé)',
    'bad input file (bundle, record, PDF, key)',
  ),
  11: text('certificat altéré ou signature invalide', 'certificate tampered or signature invalid'),
  12: text('signataire du certificat non reconnu', 'certificate signer not trusted'),
  13: text(
    'journal inutilisable (plein, en lecture seule, abîmé) : preuve non gardée, copie de secours écrite',
    'journal unusable (full, read-only, damaged): proof not kept, emergency copy written',
  ),
  14: text(
    'envoi au hub incomplet : des éléments restent en attente sur ce poste (rien n’est perdu)',
    'hub sync incomplete: items remain queued on this station (nothing is lost)',
  ),
  130: text('interrompu', 'interrupted'),
};

/** The English meanings (kept for callers that print English only). */
export const exitCodeDescriptions: Record<ExitCodeValue, string> = Object.fromEntries(
  Object.entries(exitCodeMeanings).map(([code, meaning]) => [code, meaning.en]),
) as Record<ExitCodeValue, string>;
