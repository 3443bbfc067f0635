import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { openDatabase } from './db/open-database.js';
import type { HubDeps, HubLimits } from './http/deps.js';
import { buildServer, type RouteModule } from './http/server.js';
import { loadOrCreateCa } from './pki/organisation-ca.js';
import { TrustCache } from './pki/trust-cache.js';
import type { HubSettings } from './settings.js';
import { recordFactsReader } from './store/record-facts-reader.js';
import { pruneRejects } from './store/rejects.js';
import { addOrganisation } from './store/trust.js';

export const ADMIN_FILE = 'hub-admin.json';

export interface RunningHub {
  /** http://HOST:PORT as bound (the port chosen by the system when 0 was asked). */
  url: string;
  app: FastifyInstance;
  deps: HubDeps;
  /** Graceful: stop accepting, finish what is in flight (at most `graceMs`), close the database. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Starts a hub: database (migrations), the organisation CA, the HTTP server; writes DATA/hub-admin.json
 * (0600: the address and a fresh token) so `gomme hub admin` on this machine can go through it.
 */
export async function startHub(
  settings: HubSettings,
  options: {
    logger?: FastifyServerOptions['logger'];
    limits?: Partial<HubLimits>;
    trustProxy?: FastifyServerOptions['trustProxy'];
    extraRoutes?: RouteModule[];
  } = {},
): Promise<RunningHub> {
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  const { ca, organisation } = loadOrCreateCa(settings.dataDir, {
    organisation: settings.organisation,
    passphrase: settings.keyPassphrase,
  });
  const db = await openDatabase({ url: settings.databaseUrl, dataDir: settings.dataDir });
  const state = { ready: false, draining: false };
  let app: FastifyInstance | null = null;
  try {
    await addOrganisation(db, {
      name: organisation,
      fingerprint256: ca.certificate.fingerprint256,
      certificatePem: ca.certificate.toString(),
      own: true,
    });
    await pruneRejects(db, new Date());
    const deps: HubDeps = {
      db,
      readRecordFacts: recordFactsReader(db),
      trust: new TrustCache(db),
      ca,
      organisation,
      publicUrl: settings.publicUrl,
      adminToken: randomBytes(32).toString('base64url'),
      state,
      now: () => new Date(),
    };
    app = await buildServer(deps, options);
    await app.listen({ host: settings.host, port: settings.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : settings.port;
    const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
    const local = settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host === '::' ? '[::1]' : host;
    const url = `http://${local}:${port}`;
    const adminFile = join(settings.dataDir, ADMIN_FILE);
    writePrivate(adminFile, JSON.stringify({ url, pid: process.pid, token: deps.adminToken }));
    state.ready = true;
    const running = app;
    let closing: Promise<void> | null = null;
    return {
      url,
      app: running,
      deps,
      close(graceMs = 15_000) {
        closing ??= (async () => {
          state.draining = true;
          rmSync(adminFile, { force: true });
          const timer = setTimeout(() => running.server.closeAllConnections(), graceMs);
          try {
            await running.close();
          } finally {
            clearTimeout(timer);
            await db.close();
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    await app?.close();
    await db.close();
    throw error;
  }
}

function writePrivate(path: string, content: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content, { mode: 0o600 });
  renameSync(tmp, path);
}
