import { createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { saveIdentity } from './store.js';
import { issueCertificate } from './x509.js';

export interface InitKeysOptions {
  organisation: string;
  country?: string;
  passphrase?: string | undefined;
  force?: boolean;
  now?: Date;
  /** Validity of the signing certificate; the root CA lives twice as long. */
  years?: number;
}

/**
 * Makes the organisation's ECDSA P-256 root CA and signing certificate. pdfsig/NSS only said "trusted" for a
 * root + leaf pair, never for a self-signed leaf (stack.md §3). The root's private key is not kept: it would
 * be one more secret on a USB stick, and a new `keys init` simply makes a new pair.
 */
export function initKeys(
  dataDir: string,
  options: InitKeysOptions,
): { fingerprint: string; encrypted: boolean } {
  // Backdated a day: a donated PC with a slow clock must not see a "not yet valid" certificate.
  const now = new Date((options.now ?? new Date()).getTime() - 86_400_000);
  const years = options.years ?? 10;
  const until = (n: number) =>
    new Date(Date.UTC(now.getUTCFullYear() + n, now.getUTCMonth(), now.getUTCDate()));
  const name = (cn: string) => ({
    commonName: cn,
    organisation: options.organisation,
    country: options.country ?? 'FR',
  });
  const root = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const leaf = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rootName = name(`${options.organisation} — racine gomme`);
  const rootDer = issueCertificate({
    subject: rootName,
    subjectKey: root.publicKey,
    issuer: rootName,
    issuerKey: root.privateKey,
    issuerPublicKey: root.publicKey,
    profile: 'ca',
    notBefore: now,
    notAfter: until(years * 2),
  });
  const leafDer = issueCertificate({
    subject: name(`${options.organisation} — certificats d'effacement`),
    subjectKey: createPublicKey(leaf.privateKey),
    issuer: rootName,
    issuerKey: root.privateKey,
    issuerPublicKey: root.publicKey,
    profile: 'signing',
    notBefore: now,
    notAfter: until(years),
  });
  const certificate = new X509Certificate(leafDer);
  const { encrypted } = saveIdentity(
    dataDir,
    { privateKey: leaf.privateKey, certificate, chain: [new X509Certificate(rootDer)] },
    { passphrase: options.passphrase, force: options.force ?? false },
  );
  return { fingerprint: certificate.fingerprint256, encrypted };
}
