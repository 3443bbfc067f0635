import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDataDisk, makeFilledDisk } from './disks.js';
import { type Firmware, firmwareAvailable, type GuestDisk } from './qemu.js';
import { ScreenGuest } from './screen.js';

/**
 * The SCSI path for real, where the kernel has scsi_debug (the live image's Debian kernel): guest/scsi-debug.sh
 * loads scsi_debug with 4096-byte blocks, then with T10 protection information (dif=1, dix=1), and erases each
 * disk; then it erases the test's non-bootable USB disk (QEMU usb-storage, a bridge that garbles IDENTIFY).
 * scsi_debug implements neither SANITIZE nor FORMAT UNIT and accepts only 512–4096-byte blocks (no 520): those
 * paths keep recorded-output evidence only (see the report). Raw outputs come back as @@capture lines, written
 * to GOMME_IMAGE_CAPTURES (default: the work folder) so they can become committed captures.
 */
const iso = process.env.GOMME_ISO ?? '/var/tmp/gomme-iso/gomme-amd64.hybrid.iso';
const workRoot = process.env.GOMME_IMAGE_WORKDIR ?? '/var/tmp/gomme-image-test';
const firmware = (process.env.GOMME_IMAGE_SCSI_FIRMWARE ?? 'uefi') as Firmware;
const log = (line: string) => process.stdout.write(`[test:image] ${line}\n`);
const MiB = 1024 * 1024;

interface CaseResult {
  name: string;
  dev: string;
  transport: string | null;
  logicalSectorSize: number | null;
  scsi: Record<string, unknown> | null;
  usbBridge: { passThrough: string; vendorId: string | null } | null;
  method: string | null;
  refused: unknown;
  destroy: unknown;
  eraseExit: number;
  result: string | null;
  unchanged: boolean;
}

describe('SCSI (scsi_debug) and USB paths in the live image', () => {
  it.skipIf(!existsSync(iso) || !firmwareAvailable(firmware))(
    `${firmware}: scsi_debug 4096-byte and PI disks, and a USB disk, get the documented method and an honest result`,
    async () => {
      mkdirSync(workRoot, { recursive: true });
      const work = mkdtempSync(join(workRoot, `scsi-debug-${firmware}-`));
      let guest: ScreenGuest | null = null;
      try {
        const stick = join(work, 'stick.img');
        cpSync(iso, stick);
        const disks: GuestDisk[] = [{ file: stick, bus: 'usb', serial: 'LIVEUSB01', bootIndex: 0 }];
        const usbData = join(work, 'USBDATA01.img');
        makeFilledDisk(usbData, 32 * MiB);
        disks.push({ file: usbData, bus: 'usb', serial: 'USBDATA01' });
        const content = join(work, 'data-content');
        mkdirSync(join(content, 'tests'), { recursive: true });
        cpSync(join(import.meta.dirname, 'guest/scsi-debug.sh'), join(content, 'tests/scsi-debug.sh'));
        const data = join(work, 'data.img');
        makeDataDisk(data, 64 * MiB, content);
        disks.push({ file: data, bus: 'virtio', serial: 'DATA0001' });

        guest = await ScreenGuest.boot({ firmware, workDir: work, disks, oemStrings: [] }, log);
        await guest.waitForSerial(/root@gomme:~# /, 600_000);
        // The root shell can come up before gomme-data.service has mounted the data disk.
        guest.typeSerial(
          'until mountpoint -q /run/gomme-data; do sleep 1; done; bash /run/gomme-data/tests/scsi-debug.sh',
        );
        await guest.waitForSerial(/^@@(done|fatal)/m, 900_000);
        const serial = guest.serialLog();
        const captures = process.env.GOMME_IMAGE_CAPTURES ?? join(work, 'captures');
        mkdirSync(captures, { recursive: true });
        for (const m of serial.matchAll(/^@@capture (.*)$/gm)) {
          const c = JSON.parse(m[1] ?? '{}') as {
            name: string;
            argv: string[];
            exitCode: number;
            stdout: string;
            stderr: string;
          };
          writeFileSync(join(captures, `${c.name}.cmd`), `${c.argv.join(' ')}\n`);
          writeFileSync(join(captures, `${c.name}.out`), Buffer.from(c.stdout, 'base64'));
          writeFileSync(join(captures, `${c.name}.err`), Buffer.from(c.stderr, 'base64'));
          writeFileSync(join(captures, `${c.name}.rc`), `${c.exitCode}\n`);
        }
        const fatal = /^@@fatal (.*)$/m.exec(serial);
        expect(fatal?.[1] ?? null).toBeNull();
        const results = [...serial.matchAll(/^@@result (.*)$/gm)].map(
          (m) => JSON.parse(m[1] ?? '') as CaseResult,
        );
        for (const r of results) log(`${r.name} ${r.dev}: ${JSON.stringify(r)}`);
        expect(results.map((r) => r.name)).toEqual([
          'scsi-debug-4096',
          'scsi-debug-dif1',
          'usb-qemu-storage',
        ]);
        const [b4096, dif, usb] = results as [CaseResult, CaseResult, CaseResult];

        // 4096-byte scsi_debug: read as SCSI, no SANITIZE listed → overwrite, erased for real.
        expect(b4096).toMatchObject({ transport: 'scsi', logicalSectorSize: 4096, method: 'nist-clear' });
        expect(b4096.scsi).toMatchObject({
          sanitizeSupported: false,
          logicalBlockLength: 4096,
          protectionEnabled: false,
        });
        expect(b4096).toMatchObject({ eraseExit: 0, result: 'ERASED', unchanged: false });

        // PI-formatted scsi_debug: READ CAPACITY(16) says prot_en=1, type 1; the end is honest either way.
        expect(dif.scsi).toMatchObject({ protectionEnabled: true, protectionType: 1 });
        if (dif.result === 'ERASED') expect(dif.unchanged).toBe(false);
        else expect(dif.eraseExit).not.toBe(0);

        // QEMU usb-storage garbles IDENTIFY: no firmware command through it, overwrite, erased.
        expect(usb.usbBridge?.passThrough).toBe('garbled');
        expect(usb).toMatchObject({
          transport: 'usb',
          method: 'nist-clear',
          eraseExit: 0,
          result: 'ERASED',
          unchanged: false,
        });
        guest.typeSerial('poweroff');
      } finally {
        await guest?.stop();
        if (process.env.GOMME_IMAGE_KEEP === '1') log(`kept ${work}`);
        else rmSync(work, { recursive: true, force: true });
      }
    },
  );
});
