import { X509Certificate } from 'node:crypto';
import { signerOrganisation } from '../../certificates/signer.js';
import { GommeError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import type { Database } from '../db/database.js';
import type { TrustCache } from '../pki/trust-cache.js';
import { insertEnrolmentCode } from '../store/enrolment-codes.js';
import { listRejects, type RejectRow } from '../store/rejects.js';
import { findStation, listStations, type StationRow } from '../store/stations.js';
import { addOrganisation, revoke } from '../store/trust.js';
import { insertUser, type Role } from '../store/users.js';
import { enrolmentCodeHash, newEnrolmentCode } from './enrolment-code.js';
import { hashPassword } from './passwords.js';

/**
 * What an administrator does, as functions over the database: called directly by `gomme hub admin` (when no
 * hub holds the embedded database, or over PostgreSQL), and by the admin API (hub/http/routes/admin.ts).
 */
export interface AdminDeps {
  db: Database;
  trust?: TrustCache;
}

export async function createEnrolmentCode(
  deps: AdminDeps,
  options: { ttlMinutes?: number; uses?: number; by?: string | null },
  now = new Date(),
): Promise<{ code: string; expiresAt: string; uses: number }> {
  const code = newEnrolmentCode();
  const uses = options.uses ?? 1;
  const expiresAt = new Date(now.getTime() + (options.ttlMinutes ?? 60) * 60_000);
  await insertEnrolmentCode(deps.db, {
    codeSha256: enrolmentCodeHash(code),
    expiresAt,
    uses,
    createdBy: options.by ?? null,
  });
  return { code, expiresAt: expiresAt.toISOString(), uses };
}

export async function addUser(
  deps: AdminDeps,
  user: { name: string; role: Role; password: string },
): Promise<'created' | 'exists'> {
  if (user.password.length < 8)
    throw new AdminInputError(
      text('mot de passe trop court (8 caractères au moins)', 'password too short (at least 8 characters)'),
    );
  return insertUser(deps.db, {
    name: user.name,
    role: user.role,
    passwordHash: await hashPassword(user.password),
  });
}

/** Revokes a station (by ID, name or fingerprint) from `at` on: what reaches the hub from then is refused. */
export async function revokeStation(
  deps: AdminDeps,
  options: { station: string; at?: Date; reason?: string | null; by?: string | null },
  now = new Date(),
): Promise<{ station: StationRow; revokedAt: string }> {
  const found = await findStation(deps.db, options.station);
  if (found.length !== 1)
    throw new AdminInputError(
      found.length === 0
        ? text(`aucun poste « ${options.station} »`, `no station "${options.station}"`)
        : text(
            `plusieurs postes « ${options.station} » : donnez son numéro`,
            `several stations "${options.station}": give its number`,
          ),
    );
  const station = found[0]!;
  const revokedAt = options.at ?? now;
  await revoke(deps.db, {
    fingerprint256: station.fingerprint256,
    revokedAt,
    reason: options.reason ?? null,
    by: options.by ?? null,
  });
  deps.trust?.invalidate();
  return { station, revokedAt: revokedAt.toISOString() };
}

/** Trusts another organisation of the network: its stations' records are accepted here too. */
export async function trustOrganisation(
  deps: AdminDeps,
  pem: string,
  name?: string,
): Promise<{ fingerprint256: string; name: string }> {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch (error) {
    throw new AdminInputError(
      text(
        `certificat illisible : ${(error as Error).message}`,
        `unreadable certificate: ${(error as Error).message}`,
      ),
    );
  }
  const orgName = name ?? signerOrganisation(certificate) ?? certificate.subject;
  await addOrganisation(deps.db, {
    name: orgName,
    fingerprint256: certificate.fingerprint256,
    certificatePem: certificate.toString(),
    own: false,
  });
  deps.trust?.invalidate();
  return { fingerprint256: certificate.fingerprint256, name: orgName };
}

export const stations = (deps: AdminDeps): Promise<StationRow[]> => listStations(deps.db);
export const rejects = (deps: AdminDeps, limit = 100): Promise<RejectRow[]> => listRejects(deps.db, limit);

export class AdminInputError extends GommeError {
  constructor(message: ReturnType<typeof text>) {
    super('hub-admin-input', message, { exitCode: ExitCode.USAGE });
  }
}
