import type { X509Certificate } from 'node:crypto';
import { type Text, text } from '../../core/i18n.js';
import { PdfUnreadableError } from '../errors.js';
import { VerifyExitCode, type VerifyExitCodeValue } from '../exit-codes.js';
import { sha256Hex } from '../record/canonical-json.js';
import { type Payload, parsePayload } from './payload.js';
import { PdfIndex } from './pdf-index.js';
import { embeddedFile, infoString, type SignatureField, signatureFields } from './pdf-objects.js';
import { type SignatureVerdict, type TrustOptions, verifySignature } from './verify-signature.js';

export type VerifyStatus = 'valid' | 'tampered' | 'unknown-signer' | 'revoked';

export interface VerifyCheck {
  name:
    | 'whole-document'
    | 'digest'
    | 'signature'
    | 'payload-hash'
    | 'payload-schema'
    | 'trusted-signer'
    | 'not-revoked';
  ok: boolean;
  detail: Text;
}

export interface CertificateSummary {
  subject: string;
  issuer: string;
  fingerprint256: string;
  serialNumber: string;
  validTo: string;
}

export interface VerifyReport {
  status: VerifyStatus;
  exitCode: VerifyExitCodeValue;
  certificateId: string;
  /** The hash the certificate claims (Info dictionary = QR code = printed text) and the one recomputed. */
  claimedSha256: string;
  actualSha256: string | null;
  /** Digest and cryptographic signature both check (the chain aside). */
  signatureValid: boolean;
  /** The signer chains to a trust anchor, every certificate valid at the signing time. */
  chainValid: boolean;
  signer: CertificateSummary | null;
  /** Signer first, then its issuers (anchor last when reached). */
  chain: CertificateSummary[];
  /** The signature time the signer claimed (/M), ISO 8601. */
  signedAt: string | null;
  revoked: { fingerprint256: string; subject: string; revokedAt: string } | null;
  payload: Payload | null;
  checks: VerifyCheck[];
}

/**
 * Verifies a gomme certificate. A file that is not a PDF, or carries no trace of gomme (no certificate ID, no
 * gomme record), throws PdfUnreadableError (exit 10). Any gomme certificate whose signature is missing, moved,
 * does not cover the whole file or does not verify is "tampered" (11), whatever rewrote it; an intact one is
 * "valid" (0), "unknown-signer" (12), or "revoked" (12) when a revocation list says so.
 */
export function verifyCertificate(
  fileName: string,
  bytes: Buffer,
  trust: X509Certificate[] | TrustOptions,
): VerifyReport {
  const options: TrustOptions = Array.isArray(trust) ? { anchors: trust } : trust;
  const unreadable = (fr: string, en: string) => new PdfUnreadableError(fileName, text(fr, en));
  if (!bytes.subarray(0, 5).equals(Buffer.from('%PDF-')))
    throw unreadable("ce n'est pas un PDF", 'not a PDF file');
  // A file cut short (an interrupted copy or download) lost its only %%EOF: incomplete, not tampered. Bytes
  // appended after the end leave it in place, and stay tampering.
  if (!bytes.includes('%%EOF'))
    throw unreadable('le fichier est incomplet (coupé avant la fin)', 'the file is incomplete (cut short)');
  const pdf = new PdfIndex(bytes);
  const certificateId = infoString(pdf, 'GommeCertificateId');
  const claimedSha256 = infoString(pdf, 'GommePayloadSha256');
  const payloadBytes = embeddedFile(pdf);
  const payload = payloadBytes ? parsePayload(payloadBytes) : null;
  if (!certificateId && !claimedSha256 && payload?.kind !== 'gomme')
    throw unreadable('aucun identifiant de certificat gomme', 'no gomme certificate ID');

  const checks: VerifyCheck[] = [];
  const add = (name: VerifyCheck['name'], ok: boolean, fr: string, en: string) =>
    checks.push({ name, ok, detail: text(fr, en) });
  const fields = signatureFields(pdf);
  const field = fields[0] ?? null;
  const whole = field !== null && fields.length === 1 && coversWholeFile(field, bytes.length);
  if (!field) add('whole-document', false, 'la signature a été retirée', 'the signature was removed');
  else
    add(
      'whole-document',
      whole,
      whole
        ? 'la signature couvre tout le fichier'
        : 'le fichier a été réécrit ou complété après signature : la signature ne couvre pas tout le fichier',
      whole
        ? 'the signature covers the whole file'
        : 'the file was rewritten or added to after signing: the signature does not cover the whole file',
    );

  const at = options.at ?? field?.signedAt ?? undefined;
  const verdict = field ? signatureVerdict(field, { ...options, ...(at ? { at } : {}) }, add) : null;
  if (!field) add('signature', false, 'aucune signature', 'no signature');

  const actualSha256 = payloadBytes ? sha256Hex(payloadBytes) : null;
  const hashOk = actualSha256 !== null && actualSha256 === claimedSha256;
  add(
    'payload-hash',
    hashOk,
    hashOk
      ? "l'enregistrement joint correspond à l'empreinte imprimée"
      : "l'enregistrement joint ne correspond pas à l'empreinte imprimée",
    hashOk
      ? 'the attached record matches the printed hash'
      : 'the attached record does not match the printed hash',
  );
  const wellFormed = payload?.kind === 'gomme' && payload.issues.length === 0;
  add(
    'payload-schema',
    wellFormed,
    wellFormed ? 'enregistrement bien formé' : 'enregistrement absent ou mal formé',
    wellFormed ? 'well-formed record' : 'record missing or malformed',
  );

  const trusted = verdict?.chainValid === true;
  const why = (lang: 'fr' | 'en') =>
    verdict?.problems.length ? ` (${verdict.problems.map((p) => p[lang]).join(' ; ')})` : '';
  add(
    'trusted-signer',
    trusted,
    trusted ? 'signataire de confiance' : `signataire inconnu de cette installation${why('fr')}`,
    trusted ? 'trusted signer' : `signer unknown to this installation${why('en')}`,
  );
  if (options.revocations) {
    const when = verdict?.revoked?.revokedAt.toISOString() ?? '';
    add(
      'not-revoked',
      !verdict?.revoked,
      verdict?.revoked
        ? `certificat du signataire révoqué le ${when}`
        : 'certificat du signataire non révoqué',
      verdict?.revoked
        ? `the signer's certificate was revoked on ${when}`
        : "the signer's certificate is not revoked",
    );
  }

  const tampered = checks.some((k) => !k.ok && k.name !== 'trusted-signer' && k.name !== 'not-revoked');
  const status: VerifyStatus = tampered
    ? 'tampered'
    : verdict?.revoked
      ? 'revoked'
      : trusted
        ? 'valid'
        : 'unknown-signer';
  const exitCode = {
    valid: VerifyExitCode.VALID,
    tampered: VerifyExitCode.TAMPERED,
    'unknown-signer': VerifyExitCode.UNKNOWN_SIGNER,
    revoked: VerifyExitCode.REVOKED,
  }[status];
  return {
    status,
    exitCode,
    certificateId: certificateId ?? '',
    claimedSha256: claimedSha256 ?? '',
    actualSha256,
    signatureValid: verdict?.signatureValid === true,
    chainValid: trusted,
    signer: verdict ? summary(verdict.signer) : null,
    chain: verdict?.chain.map(summary) ?? [],
    signedAt: field?.signedAt?.toISOString() ?? null,
    revoked: verdict?.revoked
      ? {
          fingerprint256: verdict.revoked.certificate.fingerprint256,
          subject: verdict.revoked.certificate.subject,
          revokedAt: verdict.revoked.revokedAt.toISOString(),
        }
      : null,
    payload: payload?.kind === 'gomme' && payload.issues.length === 0 ? payload.value : null,
    checks,
  };
}

function coversWholeFile(field: SignatureField, size: number): boolean {
  if (!field.byteRange || !field.contentsInGap) return false;
  const [a, , c, d] = field.byteRange;
  return a === 0 && c + d === size;
}

function signatureVerdict(
  field: SignatureField,
  trust: TrustOptions,
  add: (name: VerifyCheck['name'], ok: boolean, fr: string, en: string) => void,
): SignatureVerdict | null {
  if (!field.cms || !field.signedBytes) {
    add('signature', false, 'signature illisible ou déplacée', 'unreadable or misplaced signature');
    return null;
  }
  let verdict: SignatureVerdict;
  try {
    verdict = verifySignature(field.cms, field.signedBytes, trust);
  } catch (error) {
    // Untrusted bytes that pkijs or OpenSSL cannot decode: evidence of tampering, reported as such.
    const why = error instanceof Error ? error.message : String(error);
    add('signature', false, `signature illisible (${why})`, `unreadable signature (${why})`);
    return null;
  }
  add(
    'digest',
    verdict.digestMatches,
    verdict.digestMatches ? 'empreinte du contenu conforme' : 'le contenu a été modifié après signature',
    verdict.digestMatches ? 'content digest matches' : 'the content changed after signing',
  );
  const valid = verdict.signedAttributesValid;
  add(
    'signature',
    valid,
    valid ? 'signature cryptographique valide' : 'signature cryptographique invalide',
    valid ? 'cryptographic signature valid' : 'cryptographic signature invalid',
  );
  return verdict;
}

const summary = (c: X509Certificate): CertificateSummary => ({
  subject: c.subject,
  issuer: c.issuer,
  fingerprint256: c.fingerprint256,
  serialNumber: c.serialNumber,
  validTo: c.validTo,
});
