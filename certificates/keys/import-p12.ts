import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import forge from 'node-forge';
import { KeyFileError, KeyPassphraseError } from '../errors.js';
import { buf } from './der.js';
import { saveIdentity } from './store.js';

/**
 * Imports a PKCS#12 issued by a real CA (RSA or EC). node-forge decrypts the bags; it cannot decode EC keys
 * itself, so the raw PrivateKeyInfo goes to node:crypto, which reads both.
 */
export function importP12(
  dataDir: string,
  p12File: string,
  options: { p12Passphrase: string; keyPassphrase?: string | undefined; force?: boolean },
): { fingerprint: string } {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const der = readFileSync(p12File).toString('binary');
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, options.p12Passphrase);
  } catch (error) {
    const message = (error as Error).message;
    if (/password|decrypt|MAC/i.test(message)) throw new KeyPassphraseError(p12File, error);
    throw new KeyFileError(p12File, message, error);
  }
  const keys: KeyObject[] = [];
  const certificates: X509Certificate[] = [];
  for (const content of p12.safeContents) {
    for (const bag of content.safeBags) {
      const raw = (bag as { asn1?: forge.asn1.Asn1 }).asn1;
      if (bag.type === forge.pki.oids.certBag) {
        const asn = raw ?? (bag.cert ? forge.pki.certificateToAsn1(bag.cert) : null);
        if (asn) certificates.push(new X509Certificate(buf(forge.asn1.toDer(asn).getBytes())));
      } else if (bag.type === forge.pki.oids.keyBag || bag.type === forge.pki.oids.pkcs8ShroudedKeyBag) {
        const asn =
          raw ??
          (bag.key
            ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key as forge.pki.rsa.PrivateKey))
            : null);
        if (asn)
          keys.push(
            createPrivateKey({ key: buf(forge.asn1.toDer(asn).getBytes()), format: 'der', type: 'pkcs8' }),
          );
      }
    }
  }
  const privateKey = keys[0];
  if (!privateKey) throw new KeyFileError(p12File, 'no private key inside');
  const leaf = certificates.find((c) => c.checkPrivateKey(privateKey));
  if (!leaf) throw new KeyFileError(p12File, 'no certificate matches the private key');
  if (privateKey.asymmetricKeyType !== 'ec' && privateKey.asymmetricKeyType !== 'rsa') {
    throw new KeyFileError(
      p12File,
      `${privateKey.asymmetricKeyType} keys are not verifiable by PDF readers; use ECDSA P-256 or RSA`,
    );
  }
  const chain = certificates.filter((c) => c !== leaf);
  saveIdentity(
    dataDir,
    { privateKey, certificate: leaf, chain },
    { passphrase: options.keyPassphrase, force: options.force ?? false },
  );
  return { fingerprint: leaf.fingerprint256 };
}
