import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import forge from 'node-forge';
import { text } from '../../core/i18n.js';
import { KeyFileError, KeyPassphraseError } from '../errors.js';
import { unsupportedKeyReason } from './algorithms.js';
import { saveIdentity } from './store.js';

/**
 * Imports a PKCS#12 issued by a real CA (RSA or EC). This is the one use of node-forge left: it decrypts every
 * PKCS#12 flavour synchronously, including the legacy 3DES/RC2 ones that CAs and Windows still export and that
 * pkijs (PBES2 only, and asynchronous) cannot open. Only DER leaves forge: the PrivateKeyInfo and certificates
 * go to node:crypto, which reads EC keys (forge cannot).
 */
export function importP12(
  dataDir: string,
  p12File: string,
  options: { p12Passphrase: string; keyPassphrase?: string | undefined; force?: boolean },
): { fingerprint: string; encrypted: boolean } {
  let der: string;
  try {
    der = readFileSync(p12File).toString('binary');
  } catch (error) {
    throw new KeyFileError(p12File, text('fichier illisible', 'unreadable file'), error);
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, options.p12Passphrase);
  } catch (error) {
    const message = (error as Error).message;
    if (/password|decrypt|MAC/i.test(message)) throw new KeyPassphraseError(p12File, error);
    throw new KeyFileError(p12File, message, error);
  }
  const toDer = (asn: forge.asn1.Asn1) => Buffer.from(forge.asn1.toDer(asn).getBytes(), 'binary');
  const keys: KeyObject[] = [];
  const certificates: X509Certificate[] = [];
  for (const content of p12.safeContents) {
    for (const bag of content.safeBags) {
      const raw = (bag as { asn1?: forge.asn1.Asn1 }).asn1;
      if (bag.type === forge.pki.oids.certBag) {
        const asn = raw ?? (bag.cert ? forge.pki.certificateToAsn1(bag.cert) : null);
        if (asn) certificates.push(new X509Certificate(toDer(asn)));
      } else if (bag.type === forge.pki.oids.keyBag || bag.type === forge.pki.oids.pkcs8ShroudedKeyBag) {
        const asn =
          raw ??
          (bag.key
            ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key as forge.pki.rsa.PrivateKey))
            : null);
        if (asn) keys.push(createPrivateKey({ key: toDer(asn), format: 'der', type: 'pkcs8' }));
      }
    }
  }
  const privateKey = keys[0];
  if (!privateKey) throw new KeyFileError(p12File, text('aucune clé privée dedans', 'no private key inside'));
  const leaf = certificates.find((c) => c.checkPrivateKey(privateKey));
  if (!leaf)
    throw new KeyFileError(
      p12File,
      text('aucun certificat ne correspond à la clé privée', 'no certificate matches the private key'),
    );
  const unsupported = unsupportedKeyReason(privateKey);
  if (unsupported)
    throw new KeyFileError(
      p12File,
      text(
        `clé non vérifiable par les lecteurs PDF : ${unsupported}`,
        `a key PDF readers cannot verify: ${unsupported}`,
      ),
    );
  const { encrypted } = saveIdentity(
    dataDir,
    { privateKey, certificate: leaf, chain: certificates.filter((c) => c !== leaf) },
    { passphrase: options.keyPassphrase, force: options.force ?? false },
  );
  return { fingerprint: leaf.fingerprint256, encrypted };
}
