import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walk } from './data-disk.js';
import { sha256 } from './disks.js';
import { type Firmware, firmwareAvailable, runGuest } from './qemu.js';

/**
 * The stick as `npm run usb` writes it (ISO + GOMME-DATA partition on the same stick), in unattended capture
 * mode: the capture bundle lands on the stick's own data partition, the drives object ends the serial stream
 * and shows the stick protected, and the ISO part of the stick is unchanged. Runs after boot-erase (it reuses
 * the ISO that test built or found). GOMME_IMAGE_STICK_FIRMWARE (default uefi).
 */
const root = join(import.meta.dirname, '../..');
const iso = process.env.GOMME_ISO ?? '/var/tmp/gomme-iso/gomme-amd64.hybrid.iso';
const workRoot = process.env.GOMME_IMAGE_WORKDIR ?? '/var/tmp/gomme-image-test';
const firmware = (process.env.GOMME_IMAGE_STICK_FIRMWARE ?? 'uefi') as Firmware;
const log = (line: string) => process.stdout.write(`[test:image] ${line}\n`);

describe('stick written by npm run usb, unattended capture', () => {
  it.skipIf(!existsSync(iso) || !firmwareAvailable(firmware))(
    `${firmware}: capture bundle on the stick's GOMME-DATA partition, stick protected`,
    async () => {
      mkdirSync(workRoot, { recursive: true });
      const work = mkdtempSync(join(workRoot, `stick-${firmware}-`));
      try {
        const stick = join(work, 'stick.img');
        execFileSync(
          'bash',
          [join(root, 'iso-build/write-usb.sh'), stick, '--iso', iso, '--data-size', '128M'],
          {
            stdio: 'inherit',
          },
        );
        const isoBytes = statSync(iso).size;
        const run = await runGuest(
          {
            firmware,
            workDir: work,
            disks: [{ file: stick, bus: 'usb', serial: 'LIVEUSB01', bootIndex: 0 }],
            oemStrings: ['gomme.mode=capture', 'gomme.poweroff=1'],
          },
          15 * 60_000,
          log,
        );
        log(
          `figures: ${JSON.stringify({ firmware, media: 'usb+data', firstEventSeconds: run.firstEventSeconds, exitSeconds: run.exitSeconds })}`,
        );
        const written = run.events.find((e) => e.phase === 'capture-written');
        expect(written?.output).toMatch(/^\/run\/gomme-data\/gomme\/captures\/capture-.*\.json$/);
        const inventory = run.events.at(-1) as { drives?: Array<{ serial: string; protected: boolean }> };
        const stickDrive = inventory.drives?.find((d) => d.serial === 'LIVEUSB01');
        expect(stickDrive?.protected).toBe(true);
        expect(run.exitSeconds, 'the guest did not power off by itself').not.toBeNull();

        // The ISO part of the stick is bit for bit the ISO…
        const head = join(work, 'head.img');
        execFileSync('dd', [
          `if=${stick}`,
          `of=${head}`,
          'bs=1M',
          `count=${Math.ceil(isoBytes / 2 ** 20)}`,
          'status=none',
        ]);
        execFileSync('truncate', ['-s', String(isoBytes), head]);
        // …except the MBR partition table (bytes 440–511), where write-usb.sh added the data partition.
        execFileSync('dd', [
          `if=${iso}`,
          `of=${head}`,
          'bs=1',
          'skip=440',
          'seek=440',
          'count=72',
          'conv=notrunc',
          'status=none',
        ]);
        expect(await sha256(head)).toBe(await sha256(iso));

        // The data partition (the stick's third) holds the capture bundle.
        const dump = execFileSync('sfdisk', ['-d', stick], { encoding: 'utf8' });
        const start = Number(/img3 : start=\s*(\d+), size=\s*(\d+)/.exec(dump)?.[1]);
        const size = Number(/img3 : start=\s*(\d+), size=\s*(\d+)/.exec(dump)?.[2]);
        const part = join(work, 'data.img');
        execFileSync('dd', [
          `if=${stick}`,
          `of=${part}`,
          'bs=512',
          `skip=${start}`,
          `count=${size}`,
          'status=none',
        ]);
        const files = walk(part, '/gomme');
        log(`stick data partition: ${files.join(' ')}`);
        expect(files.some((f) => /^\/gomme\/captures\/capture-.*\.json$/.test(f))).toBe(true);
        expect(files.some((f) => /^\/gomme\/unattended\/.*-capture\.ndjson$/.test(f))).toBe(true);
        expect(readFileSync(join(work, 'console.log'), 'latin1')).toContain('"phase":"start"');
      } finally {
        if (process.env.GOMME_IMAGE_KEEP === '1') log(`kept ${work}`);
        else rmSync(work, { recursive: true, force: true });
      }
    },
  );
});
