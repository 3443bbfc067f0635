import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PatternSpec } from '../../erasure/plan/resolve-passes.js';
import { dumpFile, walk } from './data-disk.js';
import { checkErased, makeDataDisk, makeFilledDisk, sha256 } from './disks.js';
import { type Firmware, firmwareAvailable, type GuestDisk, qemuVersion, runGuest } from './qemu.js';

/**
 * End-to-end test of the live image: boots the ISO as a USB stick in QEMU (TCG) with four targets (AHCI SATA,
 * NVMe, virtio, USB) full of known data and a GOMME-DATA disk, in unattended erase mode given through SMBIOS
 * OEM strings, then checks everything from the host.
 * Env: GOMME_ISO (ISO to test; default /var/tmp/gomme-iso/gomme-amd64.hybrid.iso, built when missing or with
 * GOMME_IMAGE_REBUILD=1), GOMME_IMAGE_FIRMWARES (default bios,uefi,uefi-sb), GOMME_IMAGE_METHOD (default auto: the
 * NVMe namespace is purged by Format, the other disks get the NIST Clear overwrite),
 * GOMME_IMAGE_KEEP=1 keeps the work folders, GOMME_IMAGE_MAX_BOOT_S (default 180) fails a slower boot.
 */
const root = join(import.meta.dirname, '../..');
const iso = process.env.GOMME_ISO ?? '/var/tmp/gomme-iso/gomme-amd64.hybrid.iso';
const workRoot = process.env.GOMME_IMAGE_WORKDIR ?? '/var/tmp/gomme-image-test';
const method = process.env.GOMME_IMAGE_METHOD ?? 'auto';
/** What `auto` must choose on QEMU's disks: Format on NVMe (no Sanitize, no crypto format), overwrite elsewhere
 * (QEMU's AHCI disk has no ATA security, virtio and USB have no firmware erase). */
const expectedMethod = (serial: string) =>
  method !== 'auto' ? method : serial === 'NVME0001' ? 'nvme-format-user-data' : 'nist-clear';
const maxBootSeconds = Number(process.env.GOMME_IMAGE_MAX_BOOT_S ?? 180);
const firmwares = (process.env.GOMME_IMAGE_FIRMWARES ?? 'bios,uefi,uefi-sb').split(',') as Firmware[];
const TARGET_BYTES = 32 * 1024 * 1024;
const targets: Array<Pick<GuestDisk, 'bus' | 'serial'>> = [
  { bus: 'ahci', serial: 'SATA0001' },
  { bus: 'nvme', serial: 'NVME0001' },
  { bus: 'virtio', serial: 'VIRTIO0001' },
  { bus: 'usb', serial: 'USB0001' },
];
const log = (line: string) => process.stdout.write(`[test:image] ${line}\n`);

/**
 * An unencrypted test organisation key in the data disk's gomme/ folder, made by this checkout's
 * `gomme keys init`, so the erasure can sign certificates. Null (no key, no certificates) when that fails.
 */
function provisionKey(work: string): string | null {
  if (process.env.GOMME_IMAGE_KEYS === '0') return null;
  const content = join(work, 'data-content');
  try {
    execFileSync(
      'node',
      [join(root, 'dist/cli/main.js'), 'keys', 'init', '--organisation', 'gomme test:image'],
      {
        env: { ...process.env, GOMME_DATA_DIR: join(content, 'gomme'), GOMME_KEY_PASSPHRASE: '' },
        stdio: 'ignore',
      },
    );
    return content;
  } catch (error) {
    log(
      `no organisation key provisioned (${(error as Error).message.split('\n')[0]}): certificates will not be signed`,
    );
    return null;
  }
}

/** serial → the last pass's pattern of its job, read from the journal on the data disk. */
async function lastPatterns(dataDisk: string, dir: string): Promise<Map<string, PatternSpec | undefined>> {
  mkdirSync(dir, { recursive: true });
  for (const f of walk(dataDisk, '/gomme').filter((f) => /\/journal\.sqlite(-wal)?$/.test(f)))
    dumpFile(dataDisk, f, join(dir, f.split('/').pop() ?? ''));
  const db = new BetterSqlite3(join(dir, 'journal.sqlite'));
  const rows = db.prepare('SELECT drive_json, plan_json FROM erase_jobs').all() as Array<{
    drive_json: string;
    plan_json: string;
  }>;
  db.close();
  const out = new Map<string, PatternSpec | undefined>();
  for (const row of rows) {
    const serial = (JSON.parse(row.drive_json) as { serial: string }).serial;
    const passes = (JSON.parse(row.plan_json) as { passes: Array<{ pattern: PatternSpec }> }).passes;
    out.set(serial, passes.at(-1)?.pattern);
  }
  return out;
}

beforeAll(() => {
  if (existsSync(iso) && process.env.GOMME_IMAGE_REBUILD !== '1') {
    log(`reusing ${iso} (${statSync(iso).size} bytes); GOMME_IMAGE_REBUILD=1 rebuilds it`);
    return;
  }
  log('building the ISO (npm run iso)…');
  execFileSync('bash', [join(root, 'iso-build/build-iso.sh')], { stdio: 'inherit' });
});

describe.each(firmwares)('live image, %s, booted from a USB stick, unattended erase', (firmware) => {
  it.skipIf(!firmwareAvailable(firmware))(
    `${firmware}: erases every target, protects the stick and the data disk`,
    async () => {
      mkdirSync(workRoot, { recursive: true });
      const work = mkdtempSync(join(workRoot, `${firmware}-`));
      try {
        const stick = join(work, 'stick.img');
        execFileSync('cp', ['--sparse=always', iso, stick]);
        const stickBefore = await sha256(stick);
        const disks: GuestDisk[] = [{ file: stick, bus: 'usb', serial: 'LIVEUSB01', bootIndex: 0 }];
        for (const t of targets) {
          const file = join(work, `${t.serial}.img`);
          makeFilledDisk(file, TARGET_BYTES);
          disks.push({ ...t, file });
        }
        const data = join(work, 'data.img');
        makeDataDisk(data, 64 * 1024 * 1024, provisionKey(work) ?? undefined);
        disks.push({ file: data, bus: 'virtio', serial: 'DATA0001' });

        const run = await runGuest(
          {
            firmware,
            workDir: work,
            disks,
            oemStrings: [
              'gomme.mode=erase',
              ...(method === 'auto' ? [] : [`gomme.method=${method}`]),
              'gomme.verify=all',
              'gomme.targets=all-unprotected',
              'gomme.confirm=yes-erase-all',
              'gomme.poweroff=1',
            ],
          },
          20 * 60_000,
          log,
        );
        // The guest's own clock at its first event: what the kernel, the initramfs and systemd took; the rest of
        // firstEventSeconds is the firmware and the boot loader (its menu waits 5 s).
        const started = run.events.find((e) => e.type === 'unattended' && e.phase === 'start');
        const summary = {
          firmware,
          qemu: qemuVersion(),
          guestUptimeAtFirstEvent: typeof started?.uptimeSeconds === 'number' ? started.uptimeSeconds : null,
          firstEventSeconds: run.firstEventSeconds,
          finalEventSeconds: run.finalEventSeconds,
          exitSeconds: run.exitSeconds,
        };
        log(`figures: ${JSON.stringify(summary)}`);
        writeFileSync(join(workRoot, `${firmware}-summary.json`), `${JSON.stringify(summary, null, 1)}\n`);

        // 1. The serial console carried the run: a start event, then gomme erase's own result line last.
        expect(started, 'no unattended start event on ttyS0').toBeDefined();
        expect(run.firstEventSeconds).not.toBeNull();
        expect(run.firstEventSeconds ?? Infinity).toBeLessThanOrEqual(maxBootSeconds);
        const final = run.events.filter((e) => e.type === 'result' || e.type === 'error').at(-1);
        expect(final, `no result line; last events: ${JSON.stringify(run.events.slice(-3))}`).toMatchObject({
          type: 'result',
        });
        const results = (final?.drives ?? []) as Array<{ serial: string; result: string; method: string }>;
        expect(results.map((d) => d.serial).sort()).toEqual(targets.map((t) => t.serial).sort());
        for (const d of results) {
          expect(d, d.serial).toMatchObject({ result: 'ERASED', method: expectedMethod(d.serial) });
        }
        expect(run.exitSeconds, 'the guest did not power off by itself').not.toBeNull();

        // 2. Every target reads back as the method says, from the host: no known block left, and the last pattern
        // (zeros after an NVMe Format, the regenerated AES-CTR stream of the journal's seed after an overwrite).
        const plans = await lastPatterns(data, join(work, 'plans'));
        for (const t of targets) {
          const check = checkErased(
            join(work, `${t.serial}.img`),
            TARGET_BYTES,
            expectedMethod(t.serial),
            plans.get(t.serial),
          );
          expect({ serial: t.serial, wrong: check.wrong.length, stale: check.stale.length }).toEqual({
            serial: t.serial,
            wrong: 0,
            stale: 0,
          });
        }

        // 3. The boot stick is bit for bit what was written to it.
        expect(await sha256(stick)).toBe(stickBefore);

        // 4. The data disk holds the journal (one finished job per target) and the run's NDJSON log.
        const files = walk(data, '/gomme');
        log(`data disk: ${files.join(' ')}`);
        expect(files).toContain('/gomme/journal.sqlite');
        const dump = join(work, 'journal');
        mkdirSync(dump);
        for (const f of files.filter((f) => /\/journal\.sqlite(-wal)?$/.test(f)))
          dumpFile(data, f, join(dump, f.split('/').pop() ?? ''));
        const db = new BetterSqlite3(join(dump, 'journal.sqlite'));
        const jobs = db.prepare('SELECT state, result, method FROM erase_jobs').all() as Array<
          Record<string, string>
        >;
        const records = db.prepare('SELECT record_id FROM records').pluck().all() as string[];
        db.close();
        // The erasure record the result line names is committed in the journal on the data disk.
        if (typeof final?.recordId === 'string') expect(records).toContain(final.recordId);
        expect(jobs).toHaveLength(targets.length);
        expect(jobs.map((j) => j.method).sort()).toEqual(targets.map((t) => expectedMethod(t.serial)).sort());
        for (const job of jobs) expect(job).toMatchObject({ state: 'finished', result: 'ERASED' });
        const ndjson = files.find((f) => /^\/gomme\/unattended\/.*-erase\.ndjson$/.test(f));
        expect(ndjson, 'no unattended/*.ndjson on the data disk').toBeDefined();

        // 5. Signed certificates, once the erasure issues them.
        const pdfs = files.filter((f) => f.endsWith('.pdf'));
        if (pdfs.length === 0) log('skipped: certificates not implemented yet (no PDF on the data disk)');
        else {
          log(`certificates on the data disk: ${pdfs.join(' ')}`);
          for (const d of results as Array<{ serial: string; certificate?: string | null }>) {
            expect(d.certificate, `${d.serial}: no certificate in the result line`).toBeTruthy();
            const onDisk = d.certificate?.replace(/^\/run\/gomme-data/, '') ?? '';
            expect(pdfs, `${d.serial}: ${d.certificate} not on the data disk`).toContain(onDisk);
            const pdf = join(work, `${d.serial}.pdf`);
            dumpFile(data, onDisk, pdf);
            expect(readFileSync(pdf, 'latin1').slice(0, 5)).toBe('%PDF-');
          }
        }
      } finally {
        if (process.env.GOMME_IMAGE_KEEP === '1') log(`kept ${work}`);
        else rmSync(work, { recursive: true, force: true });
      }
    },
  );
});
