import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { text } from '../../core/i18n.js';
import {
  KeyExistsError,
  KeyFileError,
  KeyMissingError,
  KeyPassphraseError,
  PassphraseEmptyError,
} from '../errors.js';
import { readCertificateFile } from './input-files.js';

/**
 * The only module that reads or writes private keys. Layout under DATA_DIR/keys (dir 0700, files 0600):
 *   org-key.pem    PKCS#8, AES-256-CBC encrypted when a passphrase was given
 *   org-cert.pem   the signing (leaf) certificate
 *   org-chain.pem  its issuers, root last (gomme's own root CA, or the real CA's chain)
 *   trusted/*.pem  certificates of other organisations of the network whose certificates we accept
 */
export interface SigningIdentity {
  privateKey: KeyObject;
  certificate: X509Certificate;
  chain: X509Certificate[];
}

export const keysDir = (dataDir: string): string => join(dataDir, 'keys');
const file = (dataDir: string, name: string) => join(keysDir(dataDir), name);

export function hasIdentity(dataDir: string): boolean {
  return existsSync(file(dataDir, 'org-key.pem'));
}

export function saveIdentity(
  dataDir: string,
  identity: SigningIdentity,
  options: { passphrase?: string | undefined; force?: boolean },
): { encrypted: boolean } {
  if (hasIdentity(dataDir) && !options.force) throw new KeyExistsError(keysDir(dataDir));
  mkdirSync(keysDir(dataDir), { recursive: true, mode: 0o700 });
  const keyPem = options.passphrase
    ? identity.privateKey.export({
        type: 'pkcs8',
        format: 'pem',
        cipher: 'aes-256-cbc',
        passphrase: options.passphrase,
      })
    : identity.privateKey.export({ type: 'pkcs8', format: 'pem' });
  writePrivate(file(dataDir, 'org-key.pem'), keyPem.toString());
  writePrivate(file(dataDir, 'org-cert.pem'), identity.certificate.toString());
  writePrivate(file(dataDir, 'org-chain.pem'), identity.chain.map((c) => c.toString()).join(''));
  return { encrypted: Boolean(options.passphrase) };
}

export function loadIdentity(dataDir: string, passphrase: string | undefined): SigningIdentity {
  const keyFile = file(dataDir, 'org-key.pem');
  if (!existsSync(keyFile)) throw new KeyMissingError(keysDir(dataDir));
  const pem = readFileSync(keyFile, 'utf8');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem', passphrase: passphrase ?? '' });
  } catch (error) {
    if (pem.includes('ENCRYPTED') && passphrase === '')
      throw new PassphraseEmptyError('GOMME_KEY_PASSPHRASE');
    if (pem.includes('ENCRYPTED')) throw new KeyPassphraseError(keyFile, error);
    throw new KeyFileError(keyFile, (error as Error).message, error);
  }
  return {
    privateKey,
    certificate: readCertificates(file(dataDir, 'org-cert.pem'))[0] ?? missing(file(dataDir, 'org-cert.pem')),
    chain: readCertificates(file(dataDir, 'org-chain.pem')),
  };
}

/** Public material only: the leaf, its chain, and the network's certificates we were told to trust. */
export function loadPublicCertificates(dataDir: string): {
  own: X509Certificate[];
  trusted: X509Certificate[];
} {
  const own = hasIdentity(dataDir)
    ? [
        ...readCertificates(file(dataDir, 'org-cert.pem')),
        ...readCertificates(file(dataDir, 'org-chain.pem')),
      ]
    : [];
  const trustedDir = file(dataDir, 'trusted');
  const trusted = existsSync(trustedDir)
    ? readdirSync(trustedDir)
        .filter((name) => /\.(pem|crt)$/.test(name))
        .flatMap((name) => readCertificateFile(join(trustedDir, name)))
    : [];
  return { own, trusted };
}

export function addTrusted(dataDir: string, name: string, certificates: X509Certificate[]): string {
  const dir = file(dataDir, 'trusted');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = join(dir, `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.pem`);
  writePrivate(target, certificates.map((c) => c.toString()).join(''));
  return target;
}

export function readCertificates(path: string): X509Certificate[] {
  if (!existsSync(path)) return [];
  const blocks = readFileSync(path, 'utf8').match(
    /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
  );
  try {
    return (blocks ?? []).map((pem) => new X509Certificate(pem));
  } catch (error) {
    throw new KeyFileError(path, (error as Error).message, error);
  }
}

function missing(path: string): never {
  throw new KeyFileError(path, text('aucun certificat', 'no certificate'));
}

function writePrivate(path: string, content: string): void {
  // Write then rename: a crash never leaves a half-written key in place of a good one.
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content, { mode: 0o600 });
  renameSync(tmp, path);
}
