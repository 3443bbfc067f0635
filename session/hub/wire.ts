import * as v from 'valibot';

/**
 * The station ↔ hub wire format, version 1 (hub/README.md "Wire format"). Shared by the station's pusher
 * (session/hub) and the hub (hub/ingest), which imports it from here.
 *
 * - Records and station files travel in a signed push: a manifest (canonical JSON listing each item's kind,
 *   ref, SHA-256 and size) and the station key's detached CMS over the manifest's bytes; the items follow
 *   in the same body, records as their canonical JSON text, files as base64. One signature covers a batch,
 *   and every item is checked against its line of the manifest.
 * - PDFs travel as their own bytes (PUT), authenticated by their PAdES signature.
 * - The hub answers each item with the SHA-256 it holds; the station closes an outbox item only on its own.
 */
export const PUSH_FORMAT = 'gomme.push/1';
export const MANIFEST_SCHEMA = 'gomme.push-manifest/1';
/** Items in one push: a batch shares one signature; more would only make a rejected body larger. */
export const MAX_PUSH_ITEMS = 100;

export const HUB_PATHS = {
  push: '/api/v1/push',
  enrol: '/api/v1/enrol',
  certificatePdf: (certificateId: string) => `/api/v1/certificates/${encodeURIComponent(certificateId)}/pdf`,
  certificate: (certificateId: string) => `/api/v1/certificates/${encodeURIComponent(certificateId)}`,
  verifyPage: (certificateId: string) => `/v/${encodeURIComponent(certificateId)}`,
  health: '/health',
} as const;

const SHA256 = /^[0-9a-f]{64}$/;
/** IDs and file names: letters, digits, dot, dash, underscore; never a path. */
export const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export const ManifestItemSchema = v.strictObject({
  kind: v.picklist(['record', 'diagnostics', 'capture']),
  ref: v.pipe(v.string(), v.regex(SAFE_NAME)),
  sha256: v.pipe(v.string(), v.regex(SHA256)),
  bytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type ManifestItem = v.InferOutput<typeof ManifestItemSchema>;

export const ManifestSchema = v.strictObject({
  schema: v.literal(MANIFEST_SCHEMA),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  items: v.pipe(v.array(ManifestItemSchema), v.minLength(1), v.maxLength(MAX_PUSH_ITEMS)),
});
export type Manifest = v.InferOutput<typeof ManifestSchema>;

export const PushEnvelopeSchema = v.strictObject({
  format: v.literal(PUSH_FORMAT),
  /** The manifest's canonical JSON, exactly the bytes the signature covers. */
  manifest: v.pipe(v.string(), v.maxLength(64 * 1024)),
  /** Base64 DER of a CMS SignedData, detached, over the manifest's UTF-8 bytes. */
  signature: v.pipe(v.string(), v.maxLength(64 * 1024), v.regex(/^[A-Za-z0-9+/]+={0,2}$/)),
  /** recordId → the record's canonical JSON. */
  records: v.optional(v.record(v.string(), v.string()), {}),
  /** SHA-256 → the file's bytes in base64. */
  files: v.optional(v.record(v.string(), v.string()), {}),
});
export type PushEnvelope = v.InferOutput<typeof PushEnvelopeSchema>;

const TextSchema = v.object({ fr: v.string(), en: v.string() });

export const ItemResultSchema = v.object({
  kind: v.picklist(['record', 'certificate', 'diagnostics', 'capture']),
  ref: v.string(),
  /** What the hub holds for this item (equal to what was sent when stored or already present). */
  sha256: v.nullable(v.string()),
  status: v.picklist(['stored', 'already-present', 'rejected']),
  httpStatus: v.number(),
  code: v.optional(v.string()),
  reason: v.optional(TextSchema),
});
export type ItemResult = v.InferOutput<typeof ItemResultSchema>;

export const PushResponseSchema = v.object({ results: v.array(ItemResultSchema) });
export type PushResponse = v.InferOutput<typeof PushResponseSchema>;

export const ErrorResponseSchema = v.object({
  error: v.object({ code: v.string(), status: v.number(), reason: TextSchema }),
});
export type ErrorResponse = v.InferOutput<typeof ErrorResponseSchema>;

export const EnrolRequestSchema = v.strictObject({
  code: v.pipe(v.string(), v.maxLength(64)),
  csr: v.pipe(v.string(), v.maxLength(16 * 1024)),
  stationName: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64), v.regex(/^[^\p{Cc}]+$/u)),
});
export type EnrolRequest = v.InferOutput<typeof EnrolRequestSchema>;

export const EnrolResponseSchema = v.object({
  certificate: v.string(),
  chain: v.array(v.string()),
  organisation: v.string(),
  publicUrl: v.nullable(v.string()),
});
export type EnrolResponse = v.InferOutput<typeof EnrolResponseSchema>;

/** The public facts of a certificate (GET /api/v1/certificates/{id}); no donor or person name, ever. */
export interface CertificateFacts {
  certificateId: string;
  kind: 'drive' | 'machine' | 'lot';
  result: string;
  completedAt: string;
  organisation: string | null;
  /** SHA-256 of the record (or lot bundle) the certificate carries: what its QR code and paper print. */
  sha256: string;
  signatureValid: boolean;
  chainValid: boolean;
  revoked: boolean;
  revokedAt: string | null;
  receivedAt: string;
  station: string | null;
  machine: { vendor: string | null; model: string | null } | null;
  drives: Array<{
    index: number;
    model: string | null;
    serialLast4: string | null;
    sizeBytes: number | null;
    method: string;
    nistLevel: string;
    result: string;
    finishedAt: string;
  }>;
  pdfs: Array<{ sha256: string; bytes: number; signedAt: string | null; signatureValid: boolean }>;
  lot: { records: number } | null;
}
