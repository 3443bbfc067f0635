import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type GuestSpec, qemuArgs, serialEvents } from '../image/qemu.js';
import type { TestNet } from './netns.js';

/**
 * One PC on the test's workshop switch: QEMU (TCG) started inside the test's namespace, its NIC on a tap of the
 * bridge and first in the boot order, no boot disk at all (only blank or filled target disks).
 */
export interface NetGuest {
  name: string;
  mac: string;
  workDir: string;
  child: ChildProcess;
  started: number;
  exitedAt: number | null;
  console(): string;
  events(): Array<Record<string, unknown>>;
}

export function startNetGuest(
  net: TestNet,
  spec: GuestSpec & { name: string; tap: string; mac: string },
  log: (line: string) => void,
): NetGuest {
  const args = qemuArgs(spec);
  args.push(
    '-netdev',
    `tap,id=n0,ifname=${spec.tap},script=no,downscript=no`,
    '-device',
    // SeaBIOS: an Intel e1000 with iPXE's ROM as its PXE client (iPXE's virtio ROM registered no boot entry on
    // q35). OVMF: virtio-net with OVMF's own driver and PXE client, as a real PC's UEFI firmware has, which hands
    // shim the proxy-DHCP answer (iPXE's EFI ROM gave shim the site server's address instead).
    spec.firmware === 'bios'
      ? `e1000,netdev=n0,mac=${spec.mac},bootindex=0,romfile=/usr/lib/ipxe/qemu/efi-e1000.rom`
      : `virtio-net-pci,netdev=n0,mac=${spec.mac},bootindex=0,romfile=`,
    // Firmware's own debug output (SeaBIOS writes its boot steps there).
    '-chardev',
    `file,id=fwlog,path=${join(spec.workDir, 'firmware.log')}`,
    '-device',
    'isa-debugcon,iobase=0x402,chardev=fwlog',
  );
  log(`${spec.name}: qemu-system-x86_64 ${args.join(' ')}`);
  const child = net.spawnIn(net.ns, 'qemu-system-x86_64', args, join(spec.workDir, 'qemu.log'));
  const consolePath = join(spec.workDir, 'console.log');
  const guest: NetGuest = {
    name: spec.name,
    mac: spec.mac,
    workDir: spec.workDir,
    child,
    started: Date.now(),
    exitedAt: null,
    console: () => (existsSync(consolePath) ? readFileSync(consolePath, 'latin1') : ''),
    events: () => serialEvents(guest.console()),
  };
  child.once('exit', () => {
    guest.exitedAt = Date.now();
  });
  return guest;
}

/** Seconds from power-on until the first event matching `match`, or null. */
export function secondsTo(
  guest: NetGuest,
  seen: Map<string, number>,
  key: string,
  match: (e: Record<string, unknown>) => boolean,
): number | null {
  if (!seen.has(key) && guest.events().some(match)) seen.set(key, (Date.now() - guest.started) / 1000);
  return seen.get(key) ?? null;
}
