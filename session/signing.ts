import { KeyFileError } from '../certificates/errors.js';
import { hasIdentity, keysDir, loadIdentity, type SigningIdentity } from '../certificates/keys/store.js';
import { readPassphrase } from '../certificates/open-env.js';
import { GommeError } from '../core/errors.js';
import { type Text, text } from '../core/i18n.js';

/** How the records of this session will be signed, known before the first byte is written. */
export type Signing =
  | { kind: 'key'; identity: SigningIdentity }
  /** No key at all: the erasure still runs and commits its record; the operator is told first. */
  | { kind: 'unsigned'; notice: Text };

const noKeyNotice = (dataDir: string): Text =>
  text(
    `Aucune clé de signature dans ${keysDir(dataDir)} : l’effacement sera enregistré dans le journal mais pas signé. Pour le signer ensuite : « gomme keys init » puis « gomme cert render ID ».`,
    `No signing key in ${keysDir(dataDir)}: the erasure will be recorded in the journal but not signed. To sign it later: "gomme keys init" then "gomme cert render ID".`,
  );

/**
 * What a front end says before anything starts when the records will be unsigned: the same notice as
 * `loadSigning`, read without the passphrase (null when a key exists; unlocking it is `loadSigning`'s job).
 */
export function missingKeyNotice(dataDir: string): Text | null {
  return hasIdentity(dataDir) ? null : noKeyNotice(dataDir);
}

/**
 * Loads the organisation key now, so a wrong or missing passphrase, or a damaged key file, stops the command
 * before anything is erased (exit 10). Only a key that does not exist at all lets the erasure go on, unsigned.
 */
export function loadSigning(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  options: { passphraseFile?: string | undefined } = {},
): Signing {
  if (!hasIdentity(dataDir)) return { kind: 'unsigned', notice: noKeyNotice(dataDir) };
  const passphrase = readPassphrase(env, options.passphraseFile);
  try {
    return { kind: 'key', identity: loadIdentity(dataDir, passphrase) };
  } catch (error) {
    if (error instanceof GommeError) throw error;
    // A key file that cannot even be read (a folder, an I/O error) is a bad key file, like a malformed one.
    if (typeof (error as NodeJS.ErrnoException).code === 'string')
      throw new KeyFileError(keysDir(dataDir), (error as Error).message, error);
    throw error;
  }
}
