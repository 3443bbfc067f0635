import type { Sql } from '../db/database.js';

export interface StationRow {
  stationId: number;
  name: string;
  fingerprint256: string;
  serialNumber: string;
  enrolledAt: Date;
  lastSeenAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = `s.station_id AS "stationId", s.name, s.fingerprint256, s.serial_number AS "serialNumber",
  s.enrolled_at AS "enrolledAt", s.last_seen_at AS "lastSeenAt", r.revoked_at AS "revokedAt"`;
const FROM = 'stations s LEFT JOIN revocations r ON r.fingerprint256 = s.fingerprint256';

export async function insertStation(
  sql: Sql,
  s: { name: string; fingerprint256: string; serialNumber: string; certificatePem: string },
): Promise<number> {
  const rows = await sql.query<{ stationId: number }>(
    `INSERT INTO stations (name, fingerprint256, serial_number, certificate_pem) VALUES ($1, $2, $3, $4)
     RETURNING station_id AS "stationId"`,
    [s.name, s.fingerprint256, s.serialNumber, s.certificatePem],
  );
  return rows[0]!.stationId;
}

export async function listStations(sql: Sql): Promise<StationRow[]> {
  return sql.query<StationRow>(`SELECT ${COLUMNS} FROM ${FROM} ORDER BY s.station_id`);
}

/** By ID, exact name or certificate fingerprint (what an admin types). */
export async function findStation(sql: Sql, key: string): Promise<StationRow[]> {
  return sql.query<StationRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
     WHERE s.station_id::text = $1 OR s.name = $1 OR s.fingerprint256 = upper($1) ORDER BY s.station_id`,
    [key],
  );
}

export async function stationIdByFingerprint(sql: Sql, fingerprint256: string): Promise<number | null> {
  const rows = await sql.query<{ stationId: number }>(
    'SELECT station_id AS "stationId" FROM stations WHERE fingerprint256 = $1',
    [fingerprint256],
  );
  return rows[0]?.stationId ?? null;
}

export async function touchStation(sql: Sql, stationId: number, at: Date): Promise<void> {
  await sql.query('UPDATE stations SET last_seen_at = $2 WHERE station_id = $1', [stationId, at]);
}
