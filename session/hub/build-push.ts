import { readFileSync } from 'node:fs';
import type { SigningIdentity } from '../../certificates/keys/store.js';
import { canonicalJson, sha256Hex } from '../../certificates/record/canonical-json.js';
import { buildDetachedCms } from '../../certificates/sign/cms-signer.js';
import type { OutboxItem } from '../../core/journal/index.js';
import { MANIFEST_SCHEMA, type Manifest, PUSH_FORMAT, type PushEnvelope } from './wire.js';

/** The payload of one outbox item, or why it cannot be sent (a file gone from the data partition). */
export type ItemPayload =
  | { ok: true; item: OutboxItem; bytes: Buffer }
  | { ok: false; item: OutboxItem; why: string };

export function readPayload(item: OutboxItem, recordJson: (recordId: string) => string | null): ItemPayload {
  if (item.kind === 'record') {
    const json = recordJson(item.ref);
    return json === null
      ? { ok: false, item, why: 'record missing from the journal' }
      : { ok: true, item, bytes: Buffer.from(json, 'utf8') };
  }
  if (!item.path) return { ok: false, item, why: 'no file path' };
  try {
    return { ok: true, item, bytes: readFileSync(item.path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES')
      return { ok: false, item, why: `${item.path}: ${code}` };
    throw error;
  }
}

/**
 * One signed push of records and station files: the manifest lists each item's SHA-256 as queued (what the
 * station will expect back), the station key signs the manifest once.
 */
export function buildPush(
  payloads: Array<{ item: OutboxItem; bytes: Buffer }>,
  identity: SigningIdentity,
  now: Date,
): PushEnvelope {
  const manifest: Manifest = {
    schema: MANIFEST_SCHEMA,
    createdAt: now.toISOString(),
    items: payloads.map(({ item, bytes }) => ({
      kind: item.kind as 'record' | 'diagnostics' | 'capture',
      ref: item.ref,
      sha256: sha256Hex(bytes),
      bytes: bytes.length,
    })),
  };
  const text = canonicalJson(manifest);
  const records: Record<string, string> = {};
  const files: Record<string, string> = {};
  for (const { item, bytes } of payloads) {
    if (item.kind === 'record') records[item.ref] = bytes.toString('utf8');
    else files[sha256Hex(bytes)] = bytes.toString('base64');
  }
  return {
    format: PUSH_FORMAT,
    manifest: text,
    signature: buildDetachedCms(Buffer.from(text, 'utf8'), identity).toString('base64'),
    records,
    files,
  };
}
