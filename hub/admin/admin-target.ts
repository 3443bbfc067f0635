import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GommeError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { text } from '../../core/i18n.js';
import { embeddedHolder } from '../db/embedded.js';
import { openDatabase } from '../db/open-database.js';
import { ADMIN_FILE } from '../serve.js';
import * as ops from './operations.js';

/**
 * Where an admin command runs: straight on the database (PostgreSQL, or the embedded one when no hub holds
 * it), or through the running hub that holds the embedded database (its admin API, with the token it left in
 * DATA/hub-admin.json), so two processes never open the same PGlite folder.
 */
export type AdminRequest =
  | { op: 'enrol-code'; ttlMinutes?: number; uses?: number }
  | { op: 'user-add'; name: string; role: 'admin' | 'technician' | 'viewer'; password: string }
  | { op: 'revoke'; station: string; at?: string; reason?: string }
  | { op: 'trust'; pem: string; name?: string }
  | { op: 'stations' }
  | { op: 'rejects' };

export async function runAdmin(
  target: { dataDir: string; databaseUrl?: string | undefined },
  request: AdminRequest,
): Promise<unknown> {
  if (!target.databaseUrl && embeddedHolder(target.dataDir) !== null)
    return throughHub(target.dataDir, request);
  const db = await openDatabase({ url: target.databaseUrl, dataDir: target.dataDir });
  const deps = { db };
  try {
    switch (request.op) {
      case 'enrol-code':
        return await ops.createEnrolmentCode(deps, { ...request, by: 'cli' });
      case 'user-add':
        return { status: await ops.addUser(deps, request) };
      case 'revoke':
        return await ops.revokeStation(deps, {
          station: request.station,
          ...(request.at ? { at: new Date(request.at) } : {}),
          reason: request.reason ?? null,
          by: 'cli',
        });
      case 'trust':
        return await ops.trustOrganisation(deps, request.pem, request.name);
      case 'stations':
        return { stations: await ops.stations(deps) };
      case 'rejects':
        return { rejects: await ops.rejects(deps) };
    }
  } finally {
    await db.close();
  }
}

async function throughHub(dataDir: string, request: AdminRequest): Promise<unknown> {
  let info: { url: string; token: string };
  try {
    info = JSON.parse(readFileSync(join(dataDir, ADMIN_FILE), 'utf8'));
  } catch (error) {
    throw new HubAdminError(
      text(
        `hub en cours sans ${ADMIN_FILE} lisible (${(error as Error).message})`,
        `running hub without a readable ${ADMIN_FILE} (${(error as Error).message})`,
      ),
    );
  }
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${info.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${info.token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
  const { op, ...args } = request;
  const response = await {
    'enrol-code': () => call('POST', '/api/v1/admin/enrolment-codes', args),
    'user-add': () => call('POST', '/api/v1/admin/users', args),
    revoke: () =>
      call(
        'POST',
        `/api/v1/admin/stations/${encodeURIComponent((request as { station: string }).station)}/revoke`,
        { ...args, station: undefined },
      ),
    trust: () => call('POST', '/api/v1/admin/organisations', args),
    stations: () => call('GET', '/api/v1/admin/stations'),
    rejects: () => call('GET', '/api/v1/admin/rejects'),
  }[op]();
  const json = (await response.json()) as { error?: { reason: { fr: string; en: string } } };
  if (!response.ok)
    throw new HubAdminError(json.error?.reason ?? text(`HTTP ${response.status}`, `HTTP ${response.status}`));
  return json;
}

export class HubAdminError extends GommeError {
  constructor(message: { fr: string; en: string }) {
    super('hub-admin', text(`Administration du hub : ${message.fr}`, `Hub administration: ${message.en}`), {
      exitCode: ExitCode.USAGE,
    });
  }
}
