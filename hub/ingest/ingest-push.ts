import * as v from 'valibot';
import { canonicalJson, sha256Hex } from '../../certificates/record/canonical-json.js';
import type { ErasureRecord } from '../../certificates/record/schema.js';
import { recordIssues } from '../../certificates/record/validate.js';
import { text } from '../../core/i18n.js';
import { type ItemResult, type ManifestItem, PushEnvelopeSchema } from '../../session/hub/wire.js';
import type { Database } from '../db/database.js';
import type { TrustCache } from '../pki/trust-cache.js';
import { stationIdByFingerprint, touchStation } from '../store/stations.js';
import { insertManifest, insertRecord, insertStationFile } from '../store/uploads.js';
import { diagnosticsSummary } from './diagnostics-summary.js';
import { IngestReject, malformed } from './reject.js';
import { type VerifiedManifest, verifyManifest } from './verify-manifest.js';

export interface IngestContext {
  db: Database;
  trust: TrustCache;
}

export interface PushOutcome {
  results: ItemResult[];
  /** The HTTP status of the whole answer: 200 all stored, the items' status when all share one, else 207. */
  status: number;
  signer: string;
}

type Checked =
  | { item: ManifestItem; ok: true; record?: ErasureRecord; canonical?: string; content?: Buffer }
  | { item: ManifestItem; ok: false; reject: IngestReject };

/**
 * A signed push: the manifest's signature first (a bad one refuses everything: IngestReject), then each item
 * against its line of the manifest, then the good ones stored in one transaction, idempotently.
 */
export async function ingestPush(ctx: IngestContext, body: unknown, now: Date): Promise<PushOutcome> {
  const parsed = v.safeParse(PushEnvelopeSchema, body);
  if (!parsed.success)
    throw malformed(
      'envoi mal formé (format gomme.push/1 attendu)',
      'malformed push (expected gomme.push/1)',
    );
  const envelope = parsed.output;
  const verified = verifyManifest(envelope, await ctx.trust.get(), now);
  const listed = new Set(verified.manifest.items.map((i) => (i.kind === 'record' ? i.ref : i.sha256)));
  const unlisted = [...Object.keys(envelope.records), ...Object.keys(envelope.files)].filter(
    (k) => !listed.has(k),
  );
  if (unlisted.length > 0)
    throw new IngestReject(
      422,
      'unsigned-item',
      text(
        'l’envoi contient des éléments absents du manifeste signé',
        'the push carries items missing from the signed manifest',
      ),
      verified.signerFingerprint256,
    );
  const checked = verified.manifest.items.map((item) => checkItem(item, envelope.records, envelope.files));
  const results = await store(ctx, verified, checked, now);
  return { results, status: overallStatus(results), signer: verified.signerFingerprint256 };
}

function checkItem(
  item: ManifestItem,
  records: Record<string, string>,
  files: Record<string, string>,
): Checked {
  const reject = (status: 400 | 409 | 422, code: string, fr: string, en: string): Checked => ({
    item,
    ok: false,
    reject: new IngestReject(status, code, text(fr, en)),
  });
  if (item.kind === 'record') {
    const canonical = records[item.ref];
    if (canonical === undefined)
      return reject(400, 'missing-item', 'rapport absent de l’envoi', 'record missing from the push');
    if (sha256Hex(canonical) !== item.sha256)
      return reject(
        422,
        'tampered',
        'le rapport ne correspond pas à son empreinte signée',
        'the record does not match its signed hash',
      );
    let value: unknown;
    try {
      value = JSON.parse(canonical);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      return reject(422, 'record-invalid', 'rapport : JSON illisible', 'record: unreadable JSON');
    }
    const issues = recordIssues(value);
    if (issues.length > 0)
      return reject(
        422,
        'record-invalid',
        `rapport invalide : ${issues
          .slice(0, 3)
          .map((i) => i.fr)
          .join(' ; ')}`,
        `invalid record: ${issues
          .slice(0, 3)
          .map((i) => i.en)
          .join('; ')}`,
      );
    const record = value as ErasureRecord;
    if (canonicalJson(record) !== canonical)
      return reject(422, 'record-invalid', 'rapport non canonique', 'record not in canonical form');
    if (record.recordId !== item.ref)
      return reject(
        422,
        'record-invalid',
        'l’identifiant du rapport diffère du manifeste',
        'the record ID differs from the manifest',
      );
    return { item, ok: true, record, canonical };
  }
  const base64 = files[item.sha256];
  if (base64 === undefined)
    return reject(400, 'missing-item', 'fichier absent de l’envoi', 'file missing from the push');
  const content = Buffer.from(base64, 'base64');
  if (sha256Hex(content) !== item.sha256)
    return reject(
      422,
      'tampered',
      'le fichier ne correspond pas à son empreinte signée',
      'the file does not match its signed hash',
    );
  return { item, ok: true, content };
}

async function store(
  ctx: IngestContext,
  verified: VerifiedManifest,
  checked: Checked[],
  now: Date,
): Promise<ItemResult[]> {
  return ctx.db.transaction(async (tx) => {
    const stationId = await stationIdByFingerprint(tx, verified.signerFingerprint256);
    const signedBy = {
      signerFingerprint256: verified.signerFingerprint256,
      chainFingerprints: verified.chainFingerprints,
      stationId,
    };
    if (checked.some((c) => c.ok))
      await insertManifest(tx, {
        sha256: verified.sha256,
        manifest: verified.text,
        signature: verified.signature,
        ...signedBy,
      });
    const results: ItemResult[] = [];
    for (const c of checked) {
      const base = { kind: c.item.kind, ref: c.item.ref };
      if (!c.ok) {
        results.push(rejected(base, c.reject));
        continue;
      }
      if (c.record && c.canonical) {
        const r = c.record;
        const outcome = await insertRecord(tx, {
          recordId: r.recordId,
          sha256: c.item.sha256,
          canonical: c.canonical,
          manifestSha256: verified.sha256,
          stationId,
          organisation: r.organisation.name,
          lotId: r.lot.id,
          completedAt: r.completedAt,
          result: r.result,
          machineSerial: r.machine.serial,
          driveCount: r.drives.length,
        });
        if (!outcome.inserted && outcome.sha256 !== c.item.sha256) {
          results.push(
            rejected(
              base,
              new IngestReject(
                409,
                'conflict',
                text(
                  'le hub a déjà un autre rapport sous cet identifiant',
                  'the hub already holds another record under this ID',
                ),
              ),
              outcome.sha256,
            ),
          );
          continue;
        }
        results.push({
          ...base,
          sha256: c.item.sha256,
          status: outcome.inserted ? 'stored' : 'already-present',
          httpStatus: 200,
        });
      } else if (c.content && c.item.kind !== 'record') {
        const inserted = await insertStationFile(
          tx,
          {
            sha256: c.item.sha256,
            kind: c.item.kind,
            name: c.item.ref,
            content: c.content,
            manifestSha256: verified.sha256,
            summary: c.item.kind === 'diagnostics' ? diagnosticsSummary(c.content) : null,
          },
          stationId,
        );
        results.push({
          ...base,
          sha256: c.item.sha256,
          status: inserted ? 'stored' : 'already-present',
          httpStatus: 200,
        });
      }
    }
    if (stationId !== null) await touchStation(tx, stationId, now);
    return results;
  });
}

function rejected(
  base: Pick<ItemResult, 'kind' | 'ref'>,
  reject: IngestReject,
  held: string | null = null,
): ItemResult {
  return {
    ...base,
    sha256: held,
    status: 'rejected',
    httpStatus: reject.status,
    code: reject.code,
    reason: reject.reason,
  };
}

function overallStatus(results: ItemResult[]): number {
  const statuses = new Set(results.map((r) => r.httpStatus));
  if (statuses.size === 1) return [...statuses][0] ?? 200;
  return 207;
}
