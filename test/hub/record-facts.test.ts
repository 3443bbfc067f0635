import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { buildErasureRecord } from '../../certificates/record/build-record.js';
import type { ErasureRecord } from '../../certificates/record/schema.js';
import type { Database } from '../../hub/db/database.js';
import { openEmbedded } from '../../hub/db/embedded.js';
import { migrate } from '../../hub/db/migrate.js';
import { MIGRATIONS } from '../../hub/db/migrations.js';
import { openPostgres } from '../../hub/db/postgres.js';
import { recordFactsOf } from '../../hub/store/lookup.js';
import { recordFactsReader } from '../../hub/store/record-facts-reader.js';
import { insertManifest, insertRecord } from '../../hub/store/uploads.js';
import { sampleInput } from '../unit/certificates/fixtures/sample-input.js';
import { cluster, DB_KINDS, type DbKind, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

async function emptyDatabase(kind: DbKind): Promise<Database> {
  if (kind === 'embedded') return openEmbedded(tempDir('gomme-hub-migrate-'));
  return openPostgres(cluster().createDatabase(`migrate_${randomBytes(6).toString('hex')}`));
}

/** The manifest every test record names (the foreign key records hold); its content does not matter here. */
async function storeManifest(db: Database): Promise<void> {
  await insertManifest(db, {
    sha256: 'manifest',
    manifest: '{}',
    signature: Buffer.from([0]),
    signerFingerprint256: 'f',
    chainFingerprints: ['f'],
    stationId: null,
  });
}

async function storeRecord(db: Database, serial: string): Promise<ErasureRecord> {
  const input = sampleInput();
  const record = buildErasureRecord({ ...input, machine: { ...input.machine, serial } });
  const canonical = JSON.stringify(record);
  await insertRecord(db, {
    recordId: record.recordId,
    sha256: `sha-${serial}`,
    canonical,
    manifestSha256: 'manifest',
    stationId: null,
    organisation: record.organisation.name,
    lotId: null,
    completedAt: record.completedAt,
    result: record.result,
    machineSerial: serial,
    driveCount: record.drives.length,
  });
  return record;
}

describe.each(DB_KINDS)('the page facts of records on %s', (kind) => {
  it('a hub of version 2 with records gains the page facts of every record it already holds', async () => {
    const db = await emptyDatabase(kind);
    try {
      expect(
        await migrate(
          db,
          MIGRATIONS.filter((m) => m.version <= 2),
        ),
      ).toEqual([1, 2]);
      await storeManifest(db);
      const before = await storeRecord(db, 'OLD-1');
      expect(await migrate(db)).toEqual([3]);
      const after = await storeRecord(db, 'NEW-1');
      for (const record of [before, after]) {
        const [facts] = await recordFactsOf(db, [
          { recordId: record.recordId, certificateId: `${record.recordId}-D1` },
        ]);
        expect(facts).toMatchObject({
          result: record.result,
          completedAt: record.completedAt,
          organisation: record.organisation.name,
          vendor: record.machine.vendor,
          model: record.machine.model,
          pdfs: [],
          revokedAt: null,
        });
        expect(facts?.drives).toEqual(
          record.drives.map((d) => ({
            index: d.index,
            model: d.model,
            serial: d.serial,
            sizeBytes: d.sizeBytes,
            methodLabel: d.sanitization.methodLabel,
            nistLevel: d.sanitization.nistLevel,
            result: d.result,
            finishedAt: d.finishedAt,
          })),
        );
      }
      expect(await migrate(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('pages read together share one query; each gets its own record, an unknown ID gets nothing', async () => {
    const db = await emptyDatabase(kind);
    try {
      await migrate(db);
      await storeManifest(db);
      const ids: string[] = [];
      for (const serial of ['A-1', 'A-2', 'A-3']) ids.push((await storeRecord(db, serial)).recordId);
      const queries: string[] = [];
      const counting = {
        query: <R>(text: string, params?: readonly unknown[]) => {
          queries.push(text);
          return db.query<R>(text, params);
        },
        exec: (script: string) => db.exec(script),
      };
      const read = recordFactsReader(counting);
      const keys = [...ids, 'GR-20260314-0000000000'].map((recordId) => ({
        recordId,
        certificateId: `${recordId}-M`,
      }));
      const found = await Promise.all(keys.map(read));
      expect(queries).toHaveLength(1);
      expect(found.map((f) => f?.sha256 ?? null)).toEqual(['sha-A-1', 'sha-A-2', 'sha-A-3', null]);
      // Alone, a page is read at once and nothing is kept: the next read asks the database again.
      expect((await read(keys[1]!))?.sha256).toBe('sha-A-2');
      expect(queries).toHaveLength(2);
    } finally {
      await db.close();
    }
  });
});
