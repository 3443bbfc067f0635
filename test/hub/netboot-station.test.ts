import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readHubLink } from '../../certificates/hub-link.js';
import { commitRecord } from '../../certificates/journal-store.js';
import { makeContext } from '../../cli/io.js';
import { enrolForThisBoot, syncAfterRun } from '../../cli/unattended/hub-steps.js';
import { enrolGuidedStation } from '../../cli/unattended/netboot-enrol.js';
import { ExitCode } from '../../core/exit-codes.js';
import { openJournal } from '../../core/journal/index.js';
import type { System } from '../../core/run/system.js';
import { countRecords } from '../../hub/store/uploads.js';
import { enrolmentCode, freePort, machineRecord, removeTempDirs, tempDir, testHub } from './helpers.js';

/**
 * A netbooted station (journal in RAM) against a real hub on 127.0.0.1: it enrols with the code of its kernel
 * command line, and when the hub goes away it says so and keeps retrying until every record is acknowledged,
 * instead of giving up (and powering off with its proof in RAM).
 */
afterAll(removeTempDirs);

function station() {
  const dataDir = tempDir('gomme-netbooted-');
  const out = new PassThrough();
  const lines: string[] = [];
  out.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  const err = new PassThrough();
  const ctx = makeContext({ stdout: out, stderr: err, env: { GOMME_DATA_DIR: dataDir } }, 'fr', true);
  const events = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { dataDir, ctx, events };
}

/** Reads only the command line; runs nothing but `systemctl` (recorded in `calls`), and nothing at all without them. */
const cmdlineSystem = (cmdline: string, calls?: string[]): System =>
  ({
    files: { read: async () => cmdline },
    runner: calls
      ? {
          run: async (file: string, args: readonly string[]) => {
            calls.push([file, ...args].join(' '));
            if (file !== 'systemctl') throw new Error(`unexpected ${file}`);
            return {
              argv: [],
              exitCode: 0,
              signal: null,
              stdout: '',
              stderr: '',
              timedOut: false,
              durationMs: 1,
            };
          },
        }
      : null,
    replayed: false,
  }) as unknown as System;

describe('netbooted station', () => {
  it('the guided entry (gomme.hub + gomme.enrol, no mode) enrols the station at boot', async () => {
    const hub = await testHub('embedded');
    try {
      const s = station();
      const code = await enrolmentCode(hub);
      const calls: string[] = [];
      await enrolGuidedStation(
        s.ctx,
        cmdlineSystem(
          `boot=live fetch=${hub.url}/netboot/filesystem.squashfs gomme.hub=${hub.url} gomme.enrol=${code}`,
          calls,
        ),
        undefined,
        ['gomme-network.service'],
      );
      // The live image's network is waited for before the hub is asked anything.
      expect(calls).toEqual(['systemctl start gomme-network.service']);
      expect(s.events()).toContainEqual(
        expect.objectContaining({ type: 'hub', phase: 'enrolled', hub: hub.url }),
      );
      expect(readHubLink(s.dataDir)?.url).toBe(hub.url);
      // Without gomme.enrol nothing happens (a stick, or a PC that is not netbooted).
      const other = station();
      // …and no unit is waited for (the runner would throw: it runs nothing).
      await enrolGuidedStation(other.ctx, cmdlineSystem(`boot=live gomme.hub=${hub.url}`), undefined, [
        'gomme-network.service',
      ]);
      expect(other.events()).toEqual([]);
      expect(readHubLink(other.dataDir)).toBeNull();
    } finally {
      await hub.close();
    }
  });

  it('hub stopped: "Hub injoignable" at each wait, retries past the minute a stick gets, all records arrive', async () => {
    const port = await freePort();
    const first = await testHub('embedded', { port });
    const s = station();
    const hubParams = { url: first.url, enrolCode: await enrolmentCode(first) };
    expect(
      await enrolForThisBoot(s.ctx, hubParams, (e) => s.ctx.stdout.write(`${JSON.stringify(e)}\n`)),
    ).toBeNull();
    const journal = openJournal(s.dataDir);
    for (let i = 0; i < 3; i++) commitRecord(journal, machineRecord('netboot', i));
    journal.close();
    await first.close();

    let waits = 0;
    let waited = 0;
    let back: Awaited<ReturnType<typeof testHub>> | null = null;
    try {
      const code = await syncAfterRun(
        s.ctx,
        hubParams,
        ExitCode.OK,
        (e) => s.ctx.stdout.write(`${JSON.stringify(e)}\n`),
        {
          untilAcknowledged: true,
          // No real waiting; the hub comes back after 8 waits (75 s), i.e. more than the 60 s a station with a stick retries.
          sleep: async (ms) => {
            waits++;
            waited += ms;
            if (waits === 8)
              back = await testHub('embedded', {
                port,
                dataDir: first.dataDir,
                databaseUrl: first.databaseUrl,
              });
          },
        },
      );
      expect(code).toBe(ExitCode.OK);
      expect(waited).toBeGreaterThan(60_000);
      const unreachable = s.events().filter((e) => e.phase === 'unreachable');
      expect(unreachable).toHaveLength(8);
      expect(String(unreachable[0]?.message)).toMatch(
        /^Hub injoignable : les enregistrements restent en mémoire/,
      );
      expect(s.events().at(-1)).toMatchObject({ type: 'sync-result', pending: 0, rejected: [] });
      expect(back).not.toBeNull();
      expect((await countRecords((back as unknown as { deps: { db: never } }).deps.db)).records).toBe(3);
    } finally {
      await (back as { close(): Promise<void> } | null)?.close();
    }
  });

  it('a station with a stick still gives up after its retry time, with exit 14 (no power off)', async () => {
    const port = await freePort();
    const s = station();
    const hub = await testHub('embedded', { port });
    const hubParams = { url: hub.url, enrolCode: await enrolmentCode(hub) };
    await enrolForThisBoot(s.ctx, hubParams, () => {});
    const journal = openJournal(s.dataDir);
    commitRecord(journal, machineRecord('stick', 0));
    journal.close();
    await hub.close();
    const code = await syncAfterRun(s.ctx, hubParams, ExitCode.OK, () => {}, { retryForMs: 0 });
    expect(code).toBe(ExitCode.SYNC_PENDING);
  });
});
