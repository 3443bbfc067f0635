import type { X509Certificate } from 'node:crypto';
import { issueStationCertificate, StationIssueError } from '../../certificates/keys/station.js';
import type { SigningIdentity } from '../../certificates/keys/store.js';
import { text } from '../../core/i18n.js';
import type { EnrolRequest, EnrolResponse } from '../../session/hub/wire.js';
import { enrolmentCodeHash } from '../admin/enrolment-code.js';
import type { Database } from '../db/database.js';
import { IngestReject } from '../ingest/reject.js';
import { consumeEnrolmentCode } from '../store/enrolment-codes.js';
import { insertStation } from '../store/stations.js';

/** Station certificates last 3 years (never beyond the CA's): a lost stick is revoked, not waited out. */
const STATION_DAYS = 3 * 365;

/**
 * Enrols a station: a valid one-time code, then a certificate for the key of its CSR (whose signature proves
 * the station holds it). The code is used up before the certificate is issued: a retry needs a new code.
 */
export async function enrolStation(
  deps: { db: Database; ca: SigningIdentity; organisation: string; publicUrl: string | null },
  request: EnrolRequest,
  now: Date,
): Promise<EnrolResponse & { stationId: number }> {
  if (!(await consumeEnrolmentCode(deps.db, enrolmentCodeHash(request.code), now)))
    throw new IngestReject(
      403,
      'enrolment-code',
      text(
        'code d’inscription inconnu, déjà utilisé ou expiré',
        'enrolment code unknown, already used or expired',
      ),
    );
  const caEnd = new Date(deps.ca.certificate.validTo).getTime();
  const days = Math.max(1, Math.min(STATION_DAYS, Math.floor((caEnd - now.getTime()) / 86_400_000) - 1));
  let issued: ReturnType<typeof issueStationCertificate>;
  try {
    issued = issueStationCertificate(deps.ca, request.csr, {
      stationName: request.stationName,
      validity: { days },
      now,
    });
  } catch (error) {
    if (error instanceof StationIssueError) throw new IngestReject(400, 'csr-invalid', error.text);
    throw error;
  }
  const certificate = issued.certificate;
  const stationId = await insertStation(deps.db, {
    name: request.stationName,
    fingerprint256: certificate.fingerprint256,
    serialNumber: certificate.serialNumber,
    certificatePem: certificate.toString(),
  });
  return {
    stationId,
    certificate: certificate.toString(),
    chain: issued.chain.map((c: X509Certificate) => c.toString()),
    organisation: deps.organisation,
    publicUrl: deps.publicUrl,
  };
}
