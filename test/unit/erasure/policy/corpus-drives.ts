/**
 * A Drive for every drive in the shared fixture corpus, built the way discovery builds them (buildDrive over a
 * DriveProbe): hdparm -I texts on the QEMU SATA port, NVMe id-ctrl JSON on the QEMU NVMe namespace, smartctl
 * JSON on a port of the matching transport, and the QEMU guests' own drives as captured.
 */
import { buildDrive } from '../../../../core/detect/build-drive.js';
import type { DriveProbe } from '../../../../core/detect/probe-drive.js';
import type { Drive } from '../../../../core/drive.js';
import type { CommandResult } from '../../../../core/run/runner.js';
import { listFixtures, readFixture } from '../../../helpers/fixtures.js';
import { capturedResult, qemuProbe } from '../purge/script.js';

export interface CorpusDrive {
  source: string;
  drive: Drive;
}

const output = (stdout: string): CommandResult => ({
  argv: [],
  exitCode: 0,
  signal: null,
  stdout,
  stderr: '',
  timedOut: false,
  durationMs: 0,
});

function sasProbe(overrides: Partial<DriveProbe>): DriveProbe {
  const probe = qemuProbe('sda', overrides);
  return { ...probe, node: { ...probe.node, tran: 'sas' }, transport: 'sas' };
}

function smartctlDrive(file: string): Drive | null {
  const name = file.split('/').pop() ?? '';
  if (name.startsWith('scan-')) return null; // a device list, not a drive
  const smartctl = output(readFixture(file));
  const nvme = { nvmeController: '/dev/nvme0', nvmeNamespaceId: 1, smartctl };
  if (name.startsWith('nvme-')) return buildDrive(qemuProbe('nvme0n1', nvme), []);
  if (name.startsWith('sas-') || name.startsWith('scsi-')) return buildDrive(sasProbe({ smartctl }), []);
  if (name.startsWith('usb-')) return buildDrive(qemuProbe('sdb', { smartctl }), []);
  return buildDrive(qemuProbe('sda', { smartctl }), []);
}

function qemuDrives(dir: string): CorpusDrive[] {
  const has = (n: string) => listFixtures(`qemu/${dir}`).some((f) => f.endsWith(`/${n}.out`));
  const opt = (n: string) => (has(n) ? capturedResult(n, dir) : null);
  const drives: CorpusDrive[] = [];
  for (const name of ['sda', 'sdb', 'sdc', 'vda']) {
    if (!has(`hdparm-I-${name}`)) continue;
    const probe = qemuProbe(
      name,
      { hdparmIdentify: opt(`hdparm-I-${name}`), smartctl: opt(`smartctl-j-a-${name}`) },
      dir,
    );
    drives.push({ source: `qemu/${dir}/${name}`, drive: buildDrive(probe, []) });
  }
  const nvme = qemuProbe(
    'nvme0n1',
    {
      nvmeController: '/dev/nvme0',
      nvmeNamespaceId: 1,
      nvmeIdCtrl: opt('nvme-id-ctrl'),
      nvmeIdNs: opt('nvme-id-ns'),
      smartctl: opt('smartctl-j-a-nvme0n1'),
    },
    dir,
  );
  drives.push({ source: `qemu/${dir}/nvme0n1`, drive: buildDrive(nvme, []) });
  return drives;
}

export function corpusDrives(): CorpusDrive[] {
  const out: CorpusDrive[] = [];
  for (const file of listFixtures('hdparm', '.txt')) {
    const probe = qemuProbe('sda', { hdparmIdentify: output(readFixture(file, 'latin1')) });
    out.push({ source: file, drive: buildDrive(probe, []) });
  }
  for (const file of listFixtures('nvme', '.json')) {
    const probe = qemuProbe('nvme0n1', {
      nvmeController: '/dev/nvme0',
      nvmeNamespaceId: 1,
      nvmeIdCtrl: output(readFixture(file)),
      nvmeIdNs: capturedResult('nvme-id-ns'),
    });
    out.push({ source: file, drive: buildDrive(probe, []) });
  }
  for (const file of listFixtures('smartctl', '.json')) {
    const drive = smartctlDrive(file);
    if (drive) out.push({ source: file, drive });
  }
  for (const dir of ['bios-cdrom-full', 'uefi-usbboot-inventory', 'uefi-secureboot-cdrom-full'])
    out.push(...qemuDrives(dir));
  return out;
}
