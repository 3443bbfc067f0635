import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkErased, makeDataDisk, makeFilledDisk } from './disks.js';
import { type Firmware, firmwareAvailable, GUEST_HUB_URL, runGuest } from './qemu.js';

/**
 * Issue 16: a stick station with `gomme.hub=` pushes what it erased to a hub on the host. The hub runs on
 * 127.0.0.1 (embedded database) and the guest reaches that one port through QEMU's restricted user networking
 * (10.0.2.100:8080 → 127.0.0.1:port; nothing else). The data disk carries no key: the station enrols with the
 * one-time code given in SMBIOS, as a workshop's new stick would, signs with its station certificate, and pushes.
 * Env: GOMME_ISO, GOMME_IMAGE_HUB_FIRMWARE (default bios), GOMME_IMAGE_KEEP=1.
 */
const root = join(import.meta.dirname, '../..');
const iso = process.env.GOMME_ISO ?? '/var/tmp/gomme-iso/gomme-amd64.hybrid.iso';
const workRoot = process.env.GOMME_IMAGE_WORKDIR ?? '/var/tmp/gomme-image-test';
const firmware = (process.env.GOMME_IMAGE_HUB_FIRMWARE ?? 'bios') as Firmware;
const TARGET_BYTES = 32 * 1024 * 1024;
const cli = join(root, 'dist/cli/main.js');
const log = (line: string) => process.stdout.write(`[test:image hub] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A free port on 127.0.0.1, chosen by the kernel. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function stop(hub: ChildProcess): Promise<void> {
  if (hub.exitCode !== null || hub.signalCode !== null) return;
  const exited = new Promise((resolve) => hub.once('exit', resolve));
  hub.kill('SIGTERM');
  await Promise.race([exited, sleep(30_000)]);
}

describe.skipIf(!existsSync(iso) || !existsSync(cli))(
  'live image on a stick, pushing to the workshop hub',
  () => {
    it.skipIf(!firmwareAvailable(firmware))(
      `${firmware}: gomme.hub + gomme.enrol in SMBIOS → enrolled, erased, the record and certificates on the hub`,
      async () => {
        mkdirSync(workRoot, { recursive: true });
        const work = mkdtempSync(join(workRoot, `hub-${firmware}-`));
        const hubData = join(work, 'hub-data');
        const port = await freePort();
        let hub: ChildProcess | null = null;
        try {
          // The enrolment code first (the embedded database takes one process at a time), then the server.
          const code = (
            JSON.parse(
              execFileSync('node', [cli, 'hub', 'admin', 'enrol-code', '--data', hubData, '--json'], {
                encoding: 'utf8',
              }),
            ) as { code: string }
          ).code;
          const hubLog = join(work, 'hub.log');
          const out = openSync(hubLog, 'a');
          hub = spawn('node', [cli, 'hub', 'serve', '--data', hubData, '--listen', `127.0.0.1:${port}`], {
            stdio: ['ignore', out, out],
            env: { ...process.env, GOMME_LANG: 'fr', GOMME_HUB_LOG_LEVEL: 'info' },
          });
          const upBy = Date.now() + 60_000;
          while ((await getJson(`http://127.0.0.1:${port}/ready`).catch(() => null))?.status !== 200) {
            if (Date.now() > upBy || hub.exitCode !== null)
              throw new Error(`hub did not start: ${readFileSync(hubLog, 'utf8')}`);
            await sleep(500);
          }

          const stick = join(work, 'stick.img');
          execFileSync('cp', ['--sparse=always', iso, stick]);
          const target = join(work, 'NVME.img');
          makeFilledDisk(target, TARGET_BYTES);
          const data = join(work, 'data.img');
          makeDataDisk(data, 64 * 1024 * 1024);
          const run = await runGuest(
            {
              firmware,
              workDir: work,
              hubPort: port,
              disks: [
                { file: stick, bus: 'usb', serial: 'LIVEUSB01', bootIndex: 0 },
                { file: target, bus: 'nvme', serial: 'NVMEHUB01' },
                { file: data, bus: 'virtio', serial: 'DATA0001' },
              ],
              oemStrings: [
                'gomme.mode=erase',
                'gomme.targets=all-unprotected',
                'gomme.confirm=yes-erase-all',
                `gomme.hub=${GUEST_HUB_URL}`,
                `gomme.enrol=${code}`,
                'gomme.poweroff=1',
              ],
            },
            20 * 60_000,
            log,
          );
          const events = run.events;
          const started = events.find((e) => e.type === 'unattended' && e.phase === 'start');
          const figures = {
            firmware,
            guestUptimeAtFirstEvent: started?.uptimeSeconds ?? null,
            firstEventSeconds: run.firstEventSeconds,
            finalEventSeconds: run.finalEventSeconds,
            exitSeconds: run.exitSeconds,
          };
          log(`figures: ${JSON.stringify(figures)}`);
          writeFileSync(
            join(workRoot, `hub-${firmware}-summary.json`),
            `${JSON.stringify(figures, null, 1)}\n`,
          );

          // The station enrolled with the code, erased, and the sync left nothing behind.
          expect(
            events.find((e) => e.type === 'hub' && e.phase === 'enrolled'),
            `not enrolled; last events: ${JSON.stringify(events.slice(-4))}`,
          ).toBeDefined();
          const final = events.filter((e) => e.type === 'result' || e.type === 'error').at(-1);
          expect(final, JSON.stringify(events.slice(-3))).toMatchObject({ type: 'result' });
          const drives = (final?.drives ?? []) as Array<{ serial: string; result: string; method: string }>;
          expect(drives.map((d) => [d.serial, d.result])).toEqual([['NVMEHUB01', 'ERASED']]);
          expect(events.find((e) => e.type === 'sync-result')).toMatchObject({ pending: 0, rejected: [] });
          expect(run.exitSeconds, 'the guest did not power off').not.toBeNull();
          const check = checkErased(target, TARGET_BYTES, drives[0]?.method ?? '');
          expect({ wrong: check.wrong.length, stale: check.stale.length }).toEqual({ wrong: 0, stale: 0 });

          // On the hub, from the host: the machine's and the drive's certificates, signed, chain valid, with PDFs.
          const recordId = String(final?.recordId);
          for (const certificateId of [`${recordId}-M`, `${recordId}-D1`]) {
            const { status, body } = await getJson(
              `http://127.0.0.1:${port}/api/v1/certificates/${certificateId}`,
            );
            log(`hub: ${certificateId} ${status} ${JSON.stringify(body).slice(0, 300)}`);
            expect(status).toBe(200);
            expect(body).toMatchObject({ signatureValid: true, chainValid: true, revoked: false });
            expect((body.pdfs as unknown[]).length).toBeGreaterThan(0);
          }
        } finally {
          if (hub) await stop(hub);
          if (process.env.GOMME_IMAGE_KEEP === '1') log(`kept ${work}`);
          else rmSync(work, { recursive: true, force: true });
        }
      },
    );
  },
);
