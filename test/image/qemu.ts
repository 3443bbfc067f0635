import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Firmware = 'bios' | 'uefi' | 'uefi-sb';

export interface GuestDisk {
  file: string;
  bus: 'ahci' | 'nvme' | 'virtio' | 'usb';
  serial: string;
  /** Read-only attachment (never for targets). */
  readOnly?: boolean;
  bootIndex?: number;
}

export interface GuestSpec {
  firmware: Firmware;
  workDir: string;
  disks: GuestDisk[];
  /** `-smbios type=11` OEM strings: how a VM passes gomme.* parameters without touching the boot menu. */
  oemStrings: string[];
  memoryMiB?: number;
  /**
   * A screen and a keyboard, as on a real PC: a VGA card, a QMP socket (screendump, send-key) in workDir, ttyS0
   * on a unix socket (typing into the root shell; its output still goes to console.log) and ttyS1 into
   * vcs.log (the text consoles, when the guest's test-only console copier runs).
   */
  screen?: boolean;
  /**
   * QEMU user networking that reaches one host port only: `restrict=on` cuts the guest off from the host and
   * everything else, and `guestfwd` forwards 10.0.2.100:8080 in the guest to 127.0.0.1:hostPort (a hub the
   * test started). Without it the guest has no network card.
   */
  hubPort?: number;
}

/** The hub's address as the guest sees it when `hubPort` is set. */
export const GUEST_HUB_URL = 'http://10.0.2.100:8080';

export const guestFiles = (workDir: string) => ({
  console: join(workDir, 'console.log'),
  serialSocket: join(workDir, 'ttyS0.sock'),
  qmpSocket: join(workDir, 'qmp.sock'),
  vcs: join(workDir, 'vcs.log'),
});

const OVMF = '/usr/share/OVMF';

export function firmwareAvailable(firmware: Firmware): boolean {
  if (firmware === 'bios') return true;
  if (firmware === 'uefi') return existsSync(join(OVMF, 'OVMF_CODE_4M.fd'));
  return existsSync(join(OVMF, 'OVMF_CODE_4M.secboot.fd')) && existsSync(join(OVMF, 'OVMF_VARS_4M.ms.fd'));
}

/**
 * The emulator's version, kept with every boot-time figure: the same image's kernel phase takes ~28 s longer on
 * Debian 12's QEMU 7.2 than on 10.0 (see iso-build/install-iso-deps.sh).
 */
export function qemuVersion(): string {
  const out = execFileSync('qemu-system-x86_64', ['--version'], { encoding: 'utf8' });
  return /version (\S+)/.exec(out)?.[1] ?? out.split('\n')[0] ?? '';
}

/** The QEMU command line (pure apart from copying the UEFI variable store into workDir). */
export function qemuArgs(spec: GuestSpec): string[] {
  const machine = spec.firmware === 'uefi-sb' ? 'q35,smm=on' : 'q35';
  // TCG always: this machine's nested KVM cannot run these guests (shared/notes/live-image.md §4).
  const args = ['-accel', 'tcg', '-machine', machine, '-m', String(spec.memoryMiB ?? 2048), '-smp', '2'];
  args.push('-display', 'none', '-monitor', 'none', '-nodefaults', '-no-reboot');
  args.push(
    '-nic',
    spec.hubPort === undefined
      ? 'none'
      : // cmd: one socat per guest connection (a tcp: chardev is a single connection opened at QEMU's start).
        `user,model=virtio-net-pci,restrict=on,guestfwd=tcp:10.0.2.100:8080-cmd:socat - TCP:127.0.0.1:${spec.hubPort}`,
  );
  const files = guestFiles(spec.workDir);
  if (spec.screen) {
    args.push('-device', 'VGA', '-qmp', `unix:${files.qmpSocket},server=on,wait=off`);
    args.push(
      '-chardev',
      `socket,id=ttyS0,path=${files.serialSocket},server=on,wait=off,logfile=${files.console}`,
    );
    args.push('-serial', 'chardev:ttyS0', '-serial', `file:${files.vcs}`);
  } else {
    args.push('-serial', `file:${files.console}`);
  }
  if (spec.firmware !== 'bios') {
    const secure = spec.firmware === 'uefi-sb';
    const vars = join(spec.workDir, 'vars.fd');
    copyFileSync(join(OVMF, secure ? 'OVMF_VARS_4M.ms.fd' : 'OVMF_VARS_4M.fd'), vars);
    if (secure) args.push('-global', 'driver=cfi.pflash01,property=secure,value=on');
    const code = join(OVMF, secure ? 'OVMF_CODE_4M.secboot.fd' : 'OVMF_CODE_4M.fd');
    args.push(
      '-drive',
      `if=pflash,format=raw,readonly=on,file=${code}`,
      '-drive',
      `if=pflash,format=raw,file=${vars}`,
    );
  }
  args.push('-device', 'ahci,id=ahci', '-device', 'qemu-xhci,id=xhci');
  let ahciPort = 0;
  spec.disks.forEach((disk, i) => {
    const id = `d${i}`;
    const ro = disk.readOnly ? ',readonly=on' : '';
    args.push('-drive', `if=none,id=${id},format=raw,file=${disk.file},discard=unmap${ro}`);
    const boot = disk.bootIndex === undefined ? '' : `,bootindex=${disk.bootIndex}`;
    const common = `drive=${id},serial=${disk.serial}${boot}`;
    if (disk.bus === 'ahci')
      args.push('-device', `ide-hd,${common},bus=ahci.${ahciPort++},model=QEMU-SATA-TEST`);
    else if (disk.bus === 'nvme') args.push('-device', `nvme,${common}`);
    else if (disk.bus === 'virtio') args.push('-device', `virtio-blk-pci,${common}`);
    else args.push('-device', `usb-storage,bus=xhci.0,${common}`);
  });
  // One OEM string holding every parameter: QEMU would need ",," for commas, spaces are fine.
  if (spec.oemStrings.length > 0)
    args.push('-smbios', `type=11,value=${spec.oemStrings.join(' ').replaceAll(',', ',,')}`);
  return args;
}

export interface GuestRun {
  /** NDJSON events seen on the serial console, in order. */
  events: Array<Record<string, unknown>>;
  /** Seconds from QEMU start to the first gomme event (boot-to-first-event). */
  firstEventSeconds: number | null;
  /** Seconds from QEMU start to the final result/error line. */
  finalEventSeconds: number | null;
  /** Seconds until QEMU exited (the guest powered off), null when it had to be killed. */
  exitSeconds: number | null;
  console: string;
}

/** JSON objects on the serial console; kernel messages may share the port, so only whole {...} lines count. */
export function serialEvents(console: string): Array<Record<string, unknown>> {
  const events: Array<Record<string, unknown>> = [];
  for (const raw of console.split('\n')) {
    const line = raw.replace(/\r/g, '').trim();
    const start = line.indexOf('{"');
    if (start < 0 || !line.endsWith('}')) continue;
    try {
      const parsed: unknown = JSON.parse(line.slice(start));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        events.push(parsed as Record<string, unknown>);
    } catch {
      // a kernel message cut through the line: not an event
    }
  }
  return events;
}

const isFinal = (e: Record<string, unknown>) =>
  e.type === 'result' || e.type === 'error' || (Array.isArray(e.drives) && e.type === undefined);

/** Boots the guest and follows its serial console until the final event and poweroff, or the timeout. */
export async function runGuest(
  spec: GuestSpec,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<GuestRun> {
  const consolePath = join(spec.workDir, 'console.log');
  const args = qemuArgs(spec);
  log(`qemu-system-x86_64 ${args.join(' ')}`);
  const started = Date.now();
  const child: ChildProcess = spawn('qemu-system-x86_64', args, { stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let exitSeconds: number | null = null;
  void exited.then(() => {
    exitSeconds = (Date.now() - started) / 1000;
  });
  let firstEventSeconds: number | null = null;
  let finalEventSeconds: number | null = null;
  let seen = 0;
  const deadline = started + timeoutMs;
  while (Date.now() < deadline && exitSeconds === null) {
    await new Promise((r) => setTimeout(r, 500));
    const events = existsSync(consolePath) ? serialEvents(readFileSync(consolePath, 'latin1')) : [];
    for (const event of events.slice(seen)) log(`serial: ${JSON.stringify(event).slice(0, 200)}`);
    seen = events.length;
    const now = (Date.now() - started) / 1000;
    if (firstEventSeconds === null && events.some((e) => e.type === 'unattended')) firstEventSeconds = now;
    if (finalEventSeconds === null && events.some(isFinal)) {
      finalEventSeconds = now;
      // Give the guest its clean poweroff (the data partition must be unmounted), then stop waiting.
      const grace = Date.now() + 120_000;
      while (exitSeconds === null && Date.now() < grace) await new Promise((r) => setTimeout(r, 500));
      break;
    }
  }
  if (exitSeconds === null) {
    child.kill('SIGTERM');
    await exited;
    exitSeconds = null;
  }
  const console = existsSync(consolePath) ? readFileSync(consolePath, 'latin1') : '';
  return { events: serialEvents(console), firstEventSeconds, finalEventSeconds, exitSeconds, console };
}
