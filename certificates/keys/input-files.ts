import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { text } from '../../core/i18n.js';
import { KeyFileError, PassphraseEmptyError } from '../errors.js';

/**
 * The files a user hands to `gomme keys …` and `gomme cert …` (passphrase files, certificates to trust),
 * each read and checked here so a wrong file is a clear typed error (exit 10), never silently ignored.
 */

function read(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const why =
      code === 'ENOENT'
        ? text('fichier introuvable', 'file not found')
        : code === 'EACCES'
          ? text('lecture refusée', 'permission denied')
          : code === 'EISDIR'
            ? text("c'est un dossier", 'it is a folder')
            : text(`illisible (${code})`, `unreadable (${code})`);
    throw new KeyFileError(path, why, error);
  }
}

/** The first line of a passphrase file. Empty is refused: it would protect nothing. */
export function readPassphraseFile(path: string, options: { allowEmpty?: boolean } = {}): string {
  const first = read(path).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (first === '' && !options.allowEmpty) throw new PassphraseEmptyError(path);
  return first;
}

/**
 * GOMME_KEY_PASSPHRASE, or the first line of --passphrase-file; a passphrase never goes on the command line.
 * Undefined when neither is given. An empty file line is refused here; an empty variable comes back as '',
 * which `saveIdentity` treats as "no passphrase" (and says so) and `loadIdentity` refuses by name when the
 * key needs one.
 */
export function readPassphrase(
  env: NodeJS.ProcessEnv,
  passphraseFile: string | undefined,
): string | undefined {
  if (passphraseFile) return readPassphraseFile(passphraseFile);
  return env.GOMME_KEY_PASSPHRASE;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g;

/**
 * Every certificate of a PEM file (one or more blocks) or a DER certificate. A file holding none, or a block
 * OpenSSL cannot read, is a KeyFileError: a --trust pointing at the wrong file must never pass unnoticed.
 */
export function readCertificateFile(path: string): X509Certificate[] {
  const content = read(path);
  const latin1 = content.toString('latin1');
  const blocks = latin1.match(PEM_BLOCK);
  try {
    if (blocks) return blocks.map((pem) => new X509Certificate(pem));
    if (content[0] === 0x30) return [new X509Certificate(content)];
  } catch (error) {
    throw new KeyFileError(path, text('certificat illisible', 'unreadable certificate'), error);
  }
  const hint = latin1.includes('PRIVATE KEY')
    ? text('c’est une clé privée, pas un certificat', 'it is a private key, not a certificate')
    : text('aucun certificat (PEM ou DER) dedans', 'no certificate (PEM or DER) inside');
  throw new KeyFileError(path, hint);
}
