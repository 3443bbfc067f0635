import { X509Certificate } from 'node:crypto';
import type { Revocation } from '../../certificates/verify/trust.js';
import type { Sql } from '../db/database.js';
import { listOrganisations, listRevocations } from '../store/trust.js';

export interface HubTrust {
  anchors: X509Certificate[];
  /** Fingerprint → revocation date. */
  revocations: Map<string, Date>;
}

/**
 * The organisation roots and revocations, read from the database at most every `ttlMs` (other hubs on the same
 * PostgreSQL may change them) and at once after a change made here.
 */
export class TrustCache {
  #value: HubTrust | null = null;
  #loadedAt = 0;

  constructor(
    private readonly sql: Sql,
    private readonly ttlMs = 5_000,
  ) {}

  async get(now = Date.now()): Promise<HubTrust> {
    if (this.#value && now - this.#loadedAt < this.ttlMs) return this.#value;
    const [orgs, revocations] = await Promise.all([listOrganisations(this.sql), listRevocations(this.sql)]);
    this.#value = {
      anchors: orgs.map((o) => new X509Certificate(o.certificatePem)),
      revocations: new Map(revocations.map((r) => [r.fingerprint256, new Date(r.revokedAt)])),
    };
    this.#loadedAt = now;
    return this.#value;
  }

  invalidate(): void {
    this.#value = null;
  }
}

/** The first certificate of `chain` revoked at or before `at`, or null. */
export function revokedIn(
  chainFingerprints: readonly string[],
  revocations: ReadonlyMap<string, Date>,
  at: Date,
): { fingerprint256: string; revokedAt: Date } | null {
  for (const fingerprint256 of chainFingerprints) {
    const revokedAt = revocations.get(fingerprint256);
    if (revokedAt && revokedAt <= at) return { fingerprint256, revokedAt };
  }
  return null;
}

export type { Revocation };
