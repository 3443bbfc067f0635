/**
 * What went wrong on a drive, in words. Records and JSON keep the technical facts (operation, errno code,
 * byte offset, the system's English message); people read the operation, what the code means and where.
 */
import { formatNumber } from '../format.js';
import { type Text, text, textOf } from '../i18n.js';

/** The engine's operations (core/events.ts IoErrorRange) and the record's error kinds. */
export const IO_OPERATION_WORDS: Record<string, Text> = {
  write: text('écriture', 'write'),
  read: text('lecture', 'read'),
  verify: text('vérification', 'verification'),
  sync: text('écriture sur le support', 'flush to the medium'),
  stall: text('attente du disque', 'waiting for the drive'),
  command: text('commande du disque', 'drive command'),
  other: text('autre', 'other'),
};

export const IO_CODE_WORDS: Record<string, Text> = {
  EIO: text('erreur d’entrée/sortie', 'input/output error'),
  ENOSPC: text('plus de place sur le disque', 'no space left on the drive'),
  EROFS: text('disque en lecture seule', 'drive is read-only'),
  ENXIO: text('disque disparu', 'drive gone'),
  ENODEV: text('disque disparu', 'drive gone'),
  ENOENT: text('disque disparu', 'drive gone'),
  EBUSY: text('disque occupé', 'drive busy'),
  ETIMEDOUT: text('délai dépassé', 'timed out'),
  MISMATCH: text(
    'les données relues diffèrent de ce qui a été écrit',
    'data read back differs from what was written',
  ),
  STALLED: text('le disque ne répond plus', 'the drive stopped answering'),
};

/** An errno-like code in words, with the code itself for the technician: "erreur d’entrée/sortie (EIO)". */
export function ioCodeWords(code: string): Text {
  const words = IO_CODE_WORDS[code];
  return words ? textOf((lang) => `${words[lang]} (${code})`) : text(code, code);
}

/**
 * One error: "écriture : erreur d’entrée/sortie (EIO) à l’octet 1 048 576 (4 096 octets)". The offset and
 * length are optional (a failed command has none).
 */
export function ioErrorWords(e: {
  operation: string;
  code: string;
  offset: number | null;
  length: number | null;
}): Text {
  const op = IO_OPERATION_WORDS[e.operation] ?? text(e.operation, e.operation);
  const code = ioCodeWords(e.code);
  return textOf((lang) => {
    const at =
      e.offset === null
        ? ''
        : text(' à l’octet ', ' at byte ')[lang] +
          formatNumber(e.offset, lang, 0) +
          (e.length ? ` (${formatNumber(e.length, lang, 0)} ${text('octets', 'bytes')[lang]})` : '');
    const what = e.code === '' ? '' : `${text(' : ', ': ')[lang]}${code[lang]}`;
    return `${op[lang]}${what}${at}`;
  });
}

/** Why a job was interrupted (core/journal: `process-died`, `operator-stopped`). */
export const INTERRUPTION_WORDS: Record<string, Text> = {
  'process-died': text('gomme s’est arrêté brutalement (coupure, plantage)', 'gomme died (power cut, crash)'),
  'operator-stopped': text('arrêté par l’opérateur', 'stopped by the operator'),
};

export function interruptionWords(reason: string): Text {
  return INTERRUPTION_WORDS[reason] ?? text(reason, reason);
}

const FILE_ERRORS: Record<string, Text> = {
  ENOENT: text('fichier introuvable', 'file not found'),
  EACCES: text('accès refusé', 'permission denied'),
  EPERM: text('opération interdite', 'operation not permitted'),
  EISDIR: text('c’est un dossier, pas un fichier', 'it is a folder, not a file'),
  ENOTDIR: text('un élément du chemin n’est pas un dossier', 'part of the path is not a folder'),
  EIO: text('erreur d’entrée/sortie', 'input/output error'),
};

/**
 * Why a file could not be read, from the error Node gave: its errno code in words ("fichier introuvable
 * (ENOENT)"), "pas du JSON" for a parse error, else the error's own message (a technical token).
 */
export function fileErrorWords(error: unknown): Text {
  if (error instanceof SyntaxError) return text('pas du JSON valide', 'not valid JSON');
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const words = code ? FILE_ERRORS[code] : undefined;
  if (words && code) return textOf((lang) => `${words[lang]} (${code})`);
  if (code) return text(code, code);
  const message = error instanceof Error ? error.message : String(error);
  return text(message, message);
}
