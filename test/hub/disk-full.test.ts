import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { sha256Hex } from '../../certificates/record/canonical-json.js';
import { countRecords } from '../../hub/store/uploads.js';
import { copyTemplate } from './global-setup.js';
import {
  cluster,
  DB_KINDS,
  type DbKind,
  enrolmentCode,
  enrolTestStation,
  removeTempDirs,
  tempDir,
  testHub,
} from './helpers.js';

afterAll(removeTempDirs);

const root = process.getuid?.() === 0;

/** A small ext4 filesystem on a loop device made from a file here (mount -o loop detaches it at umount). */
function smallFilesystem(sizeMb: number): {
  mnt: string;
  fill(leaveBytes: number): void;
  free(): void;
  cleanup(): void;
} {
  const dir = tempDir('gomme-hub-full-');
  const image = join(dir, 'fs.img');
  const mnt = join(dir, 'mnt');
  mkdirSync(mnt);
  execFileSync('truncate', ['-s', `${sizeMb}M`, image]);
  execFileSync('mkfs.ext4', ['-q', '-F', '-m', '0', image]);
  execFileSync('mount', ['-o', 'loop', image, mnt]);
  // PostgreSQL (user postgres) must reach its tablespace inside.
  chmodSync(dir, 0o755);
  chmodSync(mnt, 0o755);
  const filler = join(mnt, 'filler');
  return {
    mnt,
    fill(leaveBytes) {
      const avail = Number(
        execFileSync('df', ['--output=avail', '-B1', mnt], { encoding: 'utf8' }).split('\n')[1],
      );
      execFileSync('fallocate', ['-l', String(Math.max(4096, avail - leaveBytes)), filler]);
    },
    free: () => rmSync(filler, { force: true }),
    cleanup() {
      try {
        execFileSync('umount', [mnt]);
      } catch (error) {
        execFileSync('umount', ['-l', mnt]);
        if (!(error instanceof Error)) throw error;
      }
    },
  };
}

describe.skipIf(!root).each(DB_KINDS)('hub disk full (%s)', (kind: DbKind) => {
  it('answers 507, the station keeps its outbox, and everything arrives once there is room again', async () => {
    const fs = smallFilesystem(kind === 'embedded' ? 160 : 48);
    try {
      await fullDiskScenario(kind, fs);
    } finally {
      fs.cleanup();
    }
  });
});

async function fullDiskScenario(kind: DbKind, fs: ReturnType<typeof smallFilesystem>): Promise<void> {
  {
    let databaseUrl: string | undefined;
    let dataDir = join(fs.mnt, 'hub');
    const tablespace = `full_${randomBytes(4).toString('hex')}`;
    if (kind === 'embedded') {
      mkdirSync(dataDir);
      copyTemplate(inject('embeddedTemplate'), dataDir);
    } else {
      dataDir = tempDir('gomme-hub-');
      const location = join(fs.mnt, 'ts');
      mkdirSync(location);
      const { uid, gid } = {
        uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
        gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
      };
      chownSync(location, uid, gid);
      cluster().psql(`CREATE TABLESPACE ${tablespace} LOCATION '${location}'`);
      databaseUrl = cluster().createDatabase(tablespace, tablespace);
    }
    const hub = await testHub(kind, { dataDir, databaseUrl });
    try {
      const station = await enrolTestStation(hub.url, await enrolmentCode(hub), 'poste-1');
      station.commit(20);
      // Capture bundles (random, so nothing compresses them away): what fills a disk.
      for (let i = 0; i < 6; i++) {
        const bytes = randomBytes(1024 * 1024);
        const path = join(station.dataDir, `capture-${i}.json`);
        writeFileSync(path, bytes);
        station.journal.outbox.enqueue(
          { kind: 'capture', ref: `capture-${i}.json`, path, sha256: sha256Hex(bytes), bytes: bytes.length },
          new Date().toISOString(),
        );
      }
      fs.fill(kind === 'embedded' ? 24 * 1024 * 1024 : 512 * 1024);
      const full = await station.push({ batchItems: 2 });
      expect(full.unavailable).not.toBeNull();
      expect(full.pending).toBeGreaterThan(0);
      const waiting = station.journal.outbox.list({ pending: true });
      expect(waiting.some((item) => item.lastError?.includes('"status":507'))).toBe(true);
      expect((await fetch(`${hub.url}/ready`)).status).toBe(200);

      fs.free();
      const deadline = Date.now() + 60_000;
      let run = await station.push({ batchItems: 2 });
      while (run.pending > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        run = await station.push({ batchItems: 2 });
      }
      expect(run).toMatchObject({ pending: 0, rejected: [] });
      expect(await countRecords(hub.deps.db)).toEqual({ records: 20, distinct: 20 });
      expect((await fetch(`${hub.url}/health`)).status).toBe(200);
      station.close();
    } finally {
      await hub.close();
      if (kind === 'postgres') {
        cluster().psql(`DROP DATABASE IF EXISTS ${tablespace}`);
        cluster().psql(`DROP TABLESPACE IF EXISTS ${tablespace}`);
      }
    }
  }
}
