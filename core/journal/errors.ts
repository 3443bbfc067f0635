import { closeSync, openSync, statfsSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { GommeError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { type Text, text } from '../i18n.js';

/**
 * Typed failures of the journal. Each says which file, and a recovery a technician can follow without losing
 * the proof already in it: the journal is never deleted or rewritten by gomme to get going again.
 */
export class JournalError extends GommeError {
  readonly file: string;
  constructor(code: string, file: string, message: Text, hint: Text, cause?: unknown) {
    super(code, message, { exitCode: ExitCode.JOURNAL, hint, cause });
    this.file = file;
  }
}

export class JournalFullError extends JournalError {
  constructor(file: string, detail: { freeBytes: number | null; neededBytes?: number }, cause?: unknown) {
    const free = (unit: string) => (detail.freeBytes === null ? '?' : mib(detail.freeBytes, unit));
    const need = detail.neededBytes;
    super(
      'journal-full',
      file,
      text(
        `Plus de place pour le journal ${file} : ${free('Mio')} libres${need === undefined ? '' : `, il en faut ${mib(need, 'Mio')}`}.`,
        `No room for the journal ${file}: ${free('MiB')} free${need === undefined ? '' : `, ${mib(need, 'MiB')} needed`}.`,
      ),
      text(
        `Libérez de la place dans ${dirname(file)} (par ex. les paquets de capture dans captures/) ou choisissez un autre dossier avec GOMME_DATA_DIR. Le journal lui-même est intact.`,
        `Free some space in ${dirname(file)} (e.g. capture bundles in captures/) or pick another folder with GOMME_DATA_DIR. The journal itself is intact.`,
      ),
      cause,
    );
  }
}

export class JournalReadOnlyError extends JournalError {
  constructor(file: string, detail: string, cause?: unknown) {
    super(
      'journal-read-only',
      file,
      text(
        `Le journal ${file} ne peut pas être écrit (${detail}).`,
        `The journal ${file} cannot be written (${detail}).`,
      ),
      text(
        `La partition est en lecture seule ou protégée : vérifiez le verrou de la clé et les erreurs du noyau (dmesg), remontez-la en écriture, ou choisissez un autre dossier avec GOMME_DATA_DIR.`,
        `The partition is read-only or protected: check the stick's lock switch and the kernel log (dmesg), remount it read-write, or pick another folder with GOMME_DATA_DIR.`,
      ),
      cause,
    );
  }
}

export class JournalCorruptError extends JournalError {
  constructor(file: string, detail: string, cause?: unknown) {
    const aside = `${file}.endommage-${new Date().toISOString().slice(0, 10)}`;
    super(
      'journal-corrupt',
      file,
      text(`Le journal ${file} est endommagé : ${detail}`, `The journal ${file} is damaged: ${detail}`),
      text(
        `Copiez d’abord ${basename(file)}, ${basename(file)}-wal et ${basename(file)}-shm ailleurs : ils gardent la preuve des effacements passés. Puis mettez-le de côté (mv ${file} ${aside}) : gomme crée un journal neuf au prochain lancement. Les enregistrements se relisent avec « sqlite3 ${aside} .recover » (paquet sqlite3).`,
        `First copy ${basename(file)}, ${basename(file)}-wal and ${basename(file)}-shm elsewhere: they hold the proof of past erasures. Then set it aside (mv ${file} ${aside}): gomme starts a fresh journal next time. The records can be read back with "sqlite3 ${aside} .recover" (package sqlite3).`,
      ),
      cause,
    );
  }
}

export class JournalBusyError extends JournalError {
  constructor(file: string, cause?: unknown) {
    super(
      'journal-busy',
      file,
      text(
        `Le journal ${file} est occupé par un autre programme.`,
        `The journal ${file} is held by another program.`,
      ),
      text(
        'Attendez la fin de l’autre commande gomme (gomme erase --jobs la montre), puis recommencez.',
        'Wait for the other gomme command to end (gomme erase --jobs shows it), then try again.',
      ),
      cause,
    );
  }
}

export class JournalIoError extends JournalError {
  constructor(file: string, detail: string, cause?: unknown) {
    super(
      'journal-io',
      file,
      text(
        `Erreur d’écriture du journal ${file} : ${detail}.`,
        `The journal ${file} could not be written: ${detail}.`,
      ),
      text(
        'Le support de données a peut-être une panne (dmesg) : copiez le dossier de données ailleurs avant toute autre chose.',
        'The data medium may be failing (dmesg): copy the data folder elsewhere before anything else.',
      ),
      cause,
    );
  }
}

export class JournalTooNewError extends JournalError {
  constructor(file: string, found: number, known: number) {
    super(
      'journal-too-new',
      file,
      text(
        `Le journal est au schéma ${found}, cette version de gomme ne connaît que le ${known}.`,
        `The journal is at schema ${found}; this gomme version only knows up to ${known}.`,
      ),
      text(
        'Mettez gomme à jour plutôt que de risquer le journal.',
        'Update gomme rather than risk the journal.',
      ),
    );
  }
}

/** SQLite and errno codes → one typed error; anything else is not a journal condition and is rethrown. */
export function classifyJournalError(error: unknown, file: string): JournalError | null {
  if (error instanceof JournalError) return error;
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return null;
  const detail = (error as Error).message;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT')
    return new JournalFullError(file, { freeBytes: freeBytes(dirname(file)) }, error);
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new JournalReadOnlyError(file, detail, error);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new JournalCorruptError(file, detail, error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new JournalBusyError(file, error);
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'EIO') {
    // SQLite reports a full or read-only medium as a plain I/O error on some paths: look at the medium.
    const free = freeBytes(dirname(file));
    if (free === 0) return new JournalFullError(file, { freeBytes: 0 }, error);
    const readOnly = notWritable(dirname(file));
    if (readOnly) return new JournalReadOnlyError(file, `${code}, ${readOnly}`, error);
    return new JournalIoError(file, `${code}: ${detail}`, error);
  }
  return null;
}

/**
 * Why `dir` cannot be written to (EROFS, EACCES…), or null when it can: a real write, since a filesystem that
 * turned read-only after an error (ext4 errors=remount-ro) still passes access(W_OK).
 */
function notWritable(dir: string): string | null {
  const probe = join(dir, `.gomme-write-probe-${process.pid}`);
  try {
    closeSync(openSync(probe, 'w'));
    unlinkSync(probe);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return code;
    // Anything else (the folder is gone, an I/O error) says nothing about writability.
    if (typeof code === 'string') return null;
    throw error;
  }
}

/** Bytes an unprivileged writer may still use on the filesystem holding `dir`; null when it cannot be read. */
export function freeBytes(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  } catch (error) {
    // Only asked to word a message or a check: a folder that cannot be examined has an unknown free space.
    if (typeof (error as NodeJS.ErrnoException).code === 'string') return null;
    throw error;
  }
}

const mib = (bytes: number, unit: string) => `${(bytes / (1024 * 1024)).toFixed(1)} ${unit}`;
