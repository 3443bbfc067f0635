import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDataDisk, makeFilledDisk } from './disks.js';
import { type Firmware, firmwareAvailable, type GuestDisk } from './qemu.js';
import { ScreenGuest } from './screen.js';

/**
 * Storage stacks for real, where the kernel has device-mapper and md (the live image's Debian kernel; the
 * development machines' kernel has neither): inside the guest, guest/storage-stacks.sh builds LVM with a mounted
 * volume, md RAID1 over two disks and dm-crypt (LUKS2), then runs `gomme drives` and `gomme erase --yes` on
 * every disk. Every stacked disk must be protected and refused (exit 3) with its bytes unchanged; a free disk
 * beside them is erased (the refusals are not a blanket "no"). The script reaches the guest on the GOMME-DATA
 * disk. GOMME_IMAGE_STACKS_FIRMWARE (default uefi).
 */
const iso = process.env.GOMME_ISO ?? '/var/tmp/gomme-iso/gomme-amd64.hybrid.iso';
const workRoot = process.env.GOMME_IMAGE_WORKDIR ?? '/var/tmp/gomme-image-test';
const firmware = (process.env.GOMME_IMAGE_STACKS_FIRMWARE ?? 'uefi') as Firmware;
const log = (line: string) => process.stdout.write(`[test:image] ${line}\n`);
const MiB = 1024 * 1024;

interface StackResult {
  name: string;
  dev: string;
  protected: boolean | null;
  reasons: string[] | null;
  details: string[];
  eraseExit: number;
  unchanged: boolean;
}

describe('storage stacks in the live image (LVM, md RAID1, dm-crypt)', () => {
  it.skipIf(!existsSync(iso) || !firmwareAvailable(firmware))(
    `${firmware}: every disk under an active stack is protected and refused; a free disk is erased`,
    async () => {
      mkdirSync(workRoot, { recursive: true });
      const work = mkdtempSync(join(workRoot, `stacks-${firmware}-`));
      let guest: ScreenGuest | null = null;
      try {
        const stick = join(work, 'stick.img');
        cpSync(iso, stick);
        const disks: GuestDisk[] = [{ file: stick, bus: 'usb', serial: 'LIVEUSB01', bootIndex: 0 }];
        const add = (serial: string, bus: GuestDisk['bus'], bytes: number) => {
          const file = join(work, `${serial}.img`);
          makeFilledDisk(file, bytes);
          disks.push({ file, bus, serial });
        };
        add('LVM0001', 'ahci', 64 * MiB);
        add('MD0001', 'ahci', 64 * MiB);
        add('MD0002', 'ahci', 64 * MiB);
        add('CRYPT0001', 'virtio', 64 * MiB);
        add('FREE0001', 'nvme', 32 * MiB);
        const content = join(work, 'data-content');
        mkdirSync(join(content, 'tests'), { recursive: true });
        cpSync(
          join(import.meta.dirname, 'guest/storage-stacks.sh'),
          join(content, 'tests/storage-stacks.sh'),
        );
        const data = join(work, 'data.img');
        makeDataDisk(data, 64 * MiB, content);
        disks.push({ file: data, bus: 'virtio', serial: 'DATA0001' });

        guest = await ScreenGuest.boot({ firmware, workDir: work, disks, oemStrings: [] }, log);
        await guest.waitForSerial(/root@gomme:~# /, 600_000);
        // The root shell can come up before gomme-data.service has mounted the data disk.
        guest.typeSerial(
          'until mountpoint -q /run/gomme-data; do sleep 1; done; bash /run/gomme-data/tests/storage-stacks.sh',
        );
        await guest.waitForSerial(/^@@(done|fatal)/m, 900_000);
        const serial = guest.serialLog();
        const fatal = /^@@fatal (.*)$/m.exec(serial);
        expect(fatal?.[1] ?? null).toBeNull();
        const results = [...serial.matchAll(/^@@result (.*)$/gm)].map(
          (m) => JSON.parse(m[1] ?? '') as StackResult,
        );
        for (const r of results) log(`${r.name} ${r.dev}: ${JSON.stringify(r)}`);
        expect(results.map((r) => r.name)).toEqual(['LVM', 'MD1', 'MD2', 'CRYPT', 'FREE']);
        for (const r of results.filter((r) => r.name !== 'FREE')) {
          expect(r, r.name).toMatchObject({ protected: true, eraseExit: 3, unchanged: true });
          expect(r.reasons, r.name).toContain('holder');
        }
        expect(results.find((r) => r.name === 'FREE')).toMatchObject({
          protected: false,
          eraseExit: 0,
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
