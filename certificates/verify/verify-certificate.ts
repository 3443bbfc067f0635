import type { X509Certificate } from 'node:crypto';
import { type Text, text } from '../../core/i18n.js';
import { PdfUnreadableError } from '../errors.js';
import { VerifyExitCode, type VerifyExitCodeValue } from '../exit-codes.js';
import { sha256Hex } from '../record/canonical-json.js';
import { isLotBundle, type LotBundle, lotBundleIssues } from '../record/lot-bundle.js';
import type { ErasureRecord } from '../record/schema.js';
import { recordIssues } from '../record/validate.js';
import { verifyDetachedCms } from './cms-verify.js';
import { locateSignature, PdfText } from './pdf-objects.js';
import { chainsToAnchor } from './trust.js';

export type VerifyStatus = 'valid' | 'tampered' | 'unknown-signer';

export interface VerifyCheck {
  name: 'whole-document' | 'digest' | 'signature' | 'payload-hash' | 'payload-schema' | 'trusted-signer';
  ok: boolean;
  detail: Text;
}

export interface VerifyReport {
  status: VerifyStatus;
  exitCode: VerifyExitCodeValue;
  certificateId: string;
  /** The hash the certificate claims (Info dictionary = QR code = printed text) and the one recomputed. */
  claimedSha256: string;
  actualSha256: string | null;
  signer: { subject: string; issuer: string; fingerprint256: string; validTo: string } | null;
  payload: ErasureRecord | LotBundle | null;
  checks: VerifyCheck[];
}

/**
 * Verifies a gomme certificate. Unreadable input (not a PDF, unsigned, not from gomme) throws
 * PdfUnreadableError; every other outcome is a report whose exitCode says valid / tampered / unknown signer.
 */
export function verifyCertificate(fileName: string, bytes: Buffer, anchors: X509Certificate[]): VerifyReport {
  const unreadable = (fr: string, en: string) => new PdfUnreadableError(fileName, text(fr, en));
  if (!bytes.subarray(0, 5).equals(Buffer.from('%PDF-')))
    throw unreadable("ce n'est pas un PDF", 'not a PDF file');
  const pdf = new PdfText(bytes);
  const certificateId = pdf.infoString('GommeCertificateId');
  const claimedSha256 = pdf.infoString('GommePayloadSha256');
  if (!certificateId || !claimedSha256)
    throw unreadable('aucun identifiant de certificat gomme', 'no gomme certificate ID');
  const location = locateSignature(pdf);
  if (!location) throw unreadable("le document n'est pas signé", 'the document is not signed');

  const checks: VerifyCheck[] = [];
  const add = (name: VerifyCheck['name'], ok: boolean, fr: string, en: string) =>
    checks.push({ name, ok, detail: text(fr, en) });
  const [a, , c, d] = location.byteRange;
  const whole = a === 0 && c + d === bytes.length && location.count === 1;
  add(
    'whole-document',
    whole,
    whole
      ? 'la signature couvre tout le fichier'
      : 'des octets ont été ajoutés ou la signature ne couvre pas tout le fichier',
    whole
      ? 'the signature covers the whole file'
      : 'bytes were added, or the signature does not cover the whole file',
  );

  let signer: X509Certificate | null = null;
  let carried: X509Certificate[] = [];
  try {
    const cms = verifyDetachedCms(location.cms, location.signedBytes);
    signer = cms.signer;
    carried = cms.certificates;
    add(
      'digest',
      cms.digestMatches,
      cms.digestMatches ? 'empreinte du contenu conforme' : 'le contenu a été modifié après signature',
      cms.digestMatches ? 'content digest matches' : 'the content changed after signing',
    );
    add(
      'signature',
      cms.signatureValid,
      cms.signatureValid ? 'signature cryptographique valide' : 'signature cryptographique invalide',
      cms.signatureValid ? 'cryptographic signature valid' : 'cryptographic signature invalid',
    );
  } catch (error) {
    const why = (error as Error).message;
    add('signature', false, `signature illisible (${why})`, `unreadable signature (${why})`);
  }

  const payloadBytes = safeEmbedded(pdf);
  const actualSha256 = payloadBytes ? sha256Hex(payloadBytes) : null;
  const hashOk = actualSha256 === claimedSha256;
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
  const payload = payloadBytes ? parsePayload(payloadBytes) : null;
  add(
    'payload-schema',
    payload !== null,
    payload ? 'enregistrement bien formé' : 'enregistrement absent ou mal formé',
    payload ? 'well-formed record' : 'record missing or malformed',
  );

  const trusted = signer !== null && chainsToAnchor(signer, carried, anchors);
  add(
    'trusted-signer',
    trusted,
    trusted ? 'signataire de confiance' : 'signataire inconnu de cette installation',
    trusted ? 'trusted signer' : 'signer unknown to this installation',
  );

  const tampered = checks.some((k) => !k.ok && k.name !== 'trusted-signer');
  const status: VerifyStatus = tampered ? 'tampered' : trusted ? 'valid' : 'unknown-signer';
  const exitCode = {
    valid: VerifyExitCode.VALID,
    tampered: VerifyExitCode.TAMPERED,
    'unknown-signer': VerifyExitCode.UNKNOWN_SIGNER,
  }[status];
  const signerInfo = signer
    ? {
        subject: signer.subject,
        issuer: signer.issuer,
        fingerprint256: signer.fingerprint256,
        validTo: signer.validTo,
      }
    : null;
  return {
    status,
    exitCode,
    certificateId,
    claimedSha256,
    actualSha256,
    signer: signerInfo,
    payload,
    checks,
  };
}

/** A corrupted stream is evidence of tampering, reported by the hash check; it must not abort verification. */
function safeEmbedded(pdf: PdfText): Buffer | null {
  try {
    return pdf.embeddedFile();
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('Z_')) return null;
    throw error;
  }
}

function parsePayload(bytes: Buffer): ErasureRecord | LotBundle | null {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
  if (isLotBundle(value)) return lotBundleIssues(value).length === 0 ? value : null;
  return recordIssues(value).length === 0 ? (value as ErasureRecord) : null;
}
