import type { SigningIdentity } from '../../certificates/keys/store.js';
import type { Database } from '../db/database.js';
import type { TrustCache } from '../pki/trust-cache.js';
import type { RecordFactsReader } from '../store/record-facts-reader.js';

/** Everything a route may use; one object built by hub/serve.ts (tests build their own). */
export interface HubDeps {
  db: Database;
  /** The verification page's record reads, batched over `db`. */
  readRecordFacts: RecordFactsReader;
  trust: TrustCache;
  ca: SigningIdentity;
  organisation: string;
  /** The address donors reach (https://verif.example.org), printed in QR codes; null when not given. */
  publicUrl: string | null;
  /** A secret for `gomme hub admin` on this machine (DATA/hub-admin.json, 0600). */
  adminToken: string;
  state: { ready: boolean; draining: boolean };
  now(): Date;
}

export interface HubLimits {
  /** Requests per minute and client address on the public pages and API. */
  publicPerMinute: number;
  /** Uploads per minute and client address (stations push in batches). */
  ingestPerMinute: number;
  /** Enrolment attempts per minute and client address (codes are short: guessing must stay slow). */
  enrolPerMinute: number;
  pushBodyBytes: number;
  pdfBodyBytes: number;
}

export const DEFAULT_LIMITS: HubLimits = {
  publicPerMinute: 120,
  ingestPerMinute: 1_200,
  enrolPerMinute: 10,
  pushBodyBytes: 32 * 1024 * 1024,
  pdfBodyBytes: 16 * 1024 * 1024,
};
