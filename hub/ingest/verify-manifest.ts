import * as v from 'valibot';
import { canonicalJson, sha256Hex } from '../../certificates/record/canonical-json.js';
import { verifySignature } from '../../certificates/verify/verify-signature.js';
import { text } from '../../core/i18n.js';
import { type Manifest, ManifestSchema, type PushEnvelope } from '../../session/hub/wire.js';
import type { HubTrust } from '../pki/trust-cache.js';
import { IngestReject, malformed, rejectIfRevoked } from './reject.js';

export interface VerifiedManifest {
  manifest: Manifest;
  text: string;
  sha256: string;
  signature: Buffer;
  signerFingerprint256: string;
  chainFingerprints: string[];
}

/**
 * The push's manifest and the station's signature over it: canonical JSON, a CMS whose digest and signature
 * check, a signer chaining to one of the hub's organisation roots, not revoked at arrival (`now`: the hub's
 * clock bounds when it was signed). Throws IngestReject.
 */
export function verifyManifest(envelope: PushEnvelope, trust: HubTrust, now: Date): VerifiedManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(envelope.manifest);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw malformed('manifeste : JSON illisible', 'manifest: unreadable JSON');
  }
  const result = v.safeParse(ManifestSchema, parsed);
  if (!result.success) throw malformed('manifeste mal formé', 'malformed manifest');
  if (canonicalJson(result.output) !== envelope.manifest)
    throw malformed('manifeste non canonique', 'manifest not in canonical form');
  const signature = Buffer.from(envelope.signature, 'base64');
  let verdict: ReturnType<typeof verifySignature>;
  try {
    verdict = verifySignature(signature, Buffer.from(envelope.manifest, 'utf8'), {
      anchors: trust.anchors,
      at: now,
    });
  } catch (error) {
    // Bytes pkijs cannot decode: not a signature this hub can check.
    const why = error instanceof Error ? error.message : String(error);
    throw new IngestReject(
      422,
      'signature-unreadable',
      text(`signature illisible (${why})`, `unreadable signature (${why})`),
    );
  }
  const signer = verdict.signer.fingerprint256;
  if (!verdict.signatureValid)
    throw new IngestReject(
      422,
      'tampered',
      text(
        'la signature ne correspond pas au contenu (modifié après signature)',
        'the signature does not match the content (changed after signing)',
      ),
      signer,
    );
  if (!verdict.chainValid) {
    const why = verdict.problems.map((p) => p);
    throw new IngestReject(
      403,
      'unknown-signer',
      text(
        `poste inconnu de ce hub (${why.map((p) => p.fr).join(' ; ')})`,
        `station unknown to this hub (${why.map((p) => p.en).join('; ')})`,
      ),
      signer,
    );
  }
  const chainFingerprints = verdict.chain.map((c) => c.fingerprint256);
  rejectIfRevoked(chainFingerprints, trust.revocations, now, signer);
  return {
    manifest: result.output,
    text: envelope.manifest,
    sha256: sha256Hex(envelope.manifest),
    signature,
    signerFingerprint256: signer,
    chainFingerprints,
  };
}
