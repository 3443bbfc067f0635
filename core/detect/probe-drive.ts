import type { Transport } from '../drive.js';
import { ReplayMissError, ToolMissingError } from '../errors.js';
import type { CommandResult, RunOptions } from '../run/runner.js';
import type { System } from '../run/system.js';
import { dcoIdentifyArgs, identifyArgs, nativeMaxArgs } from '../tools/hdparm/args.js';
import type { LsblkNode } from '../tools/lsblk/parse-lsblk.js';
import { extcsdArgs } from '../tools/mmc/args.js';
import { idCtrlArgs, idNsArgs } from '../tools/nvme/args.js';
import { sedQueryArgs } from '../tools/sedutil/args.js';
import { sgOpcodesArgs, sgReadcapArgs } from '../tools/sg3/args.js';
import { hasSmart, speaksAta, transportOf } from './transport.js';

/** Everything read about one drive, raw: the pure `buildDrive` turns it into facts. */
export interface DriveProbe {
  node: LsblkNode;
  transport: Transport;
  /** /sys/block/NAME/size (512-byte units, whatever the sector size). */
  sysfsSectors: number | null;
  loopBackingFile: string | null;
  /** /sys/block/NAME/serial: virtio disks publish their serial only there. */
  sysfsSerial: string | null;
  byIdLinks: string[];
  hdparmIdentify: CommandResult | null;
  hdparmNativeMax: CommandResult | null;
  hdparmDco: CommandResult | null;
  nvmeController: string | null;
  nvmeControllerGuessed: boolean;
  nvmeNamespaceId: number | null;
  nvmeIdCtrl: CommandResult | null;
  nvmeIdNs: CommandResult | null;
  smartctl: CommandResult | null;
  /** SAS/SCSI: REPORT SUPPORTED OPERATION CODES and READ CAPACITY 16. */
  sgOpcodes?: CommandResult | null;
  sgReadcap?: CommandResult | null;
  /** SATA/NVMe: TCG Level 0 Discovery (sedutil-cli --query). */
  sedutilQuery?: CommandResult | null;
  /** eMMC: EXT_CSD (mmc extcsd read). */
  mmcExtcsd?: CommandResult | null;
  /** USB: udev properties (bridge vendor:product, driver). */
  udevProperties?: CommandResult | null;
  /** Programs that were not installed, so their facts are unknown. */
  missingTools: ToolMissingError[];
}

/** A probe that has read nothing yet: every source unknown. */
export function emptyProbe(node: LsblkNode): DriveProbe {
  return {
    node,
    transport: transportOf(node),
    sysfsSectors: null,
    loopBackingFile: null,
    sysfsSerial: null,
    byIdLinks: [],
    hdparmIdentify: null,
    hdparmNativeMax: null,
    hdparmDco: null,
    nvmeController: null,
    nvmeControllerGuessed: false,
    nvmeNamespaceId: null,
    nvmeIdCtrl: null,
    nvmeIdNs: null,
    smartctl: null,
    missingTools: [],
  };
}

const TIMEOUTS = {
  hdparm: 15_000,
  nvme: 15_000,
  smartctl: 30_000,
  udevadm: 5_000,
  sg_opcodes: 15_000,
  sg_readcap: 15_000,
  'sedutil-cli': 15_000,
  mmc: 15_000,
} as const;

export async function probeDrive(
  system: System,
  node: LsblkNode,
  loopBackingFiles: ReadonlyMap<string, string>,
): Promise<DriveProbe> {
  const missingTools: ToolMissingError[] = [];
  // A missing optional tool leaves its facts unknown and is reported once in the warnings; never silently.
  const tryRun = async (file: keyof typeof TIMEOUTS, args: string[], options?: RunOptions) => {
    try {
      return await system.runner.run(file, args, { timeoutMs: TIMEOUTS[file], ...options });
    } catch (error) {
      if (error instanceof ToolMissingError) {
        missingTools.push(error);
        return null;
      }
      throw error;
    }
  };
  // Probes added after bundles were already being captured (SCSI opcodes/format, TCG, eMMC, USB ids): a bundle
  // that never recorded them replays with those facts unknown, as an older gomme would have seen the machine.
  const tryNewer = async (file: keyof typeof TIMEOUTS, args: string[]) => {
    try {
      return await tryRun(file, args);
    } catch (error) {
      if (error instanceof ReplayMissError) return null;
      throw error;
    }
  };
  const sysBlock = `/sys/block/${node.kname}`;
  const probe: DriveProbe = {
    ...emptyProbe(node),
    sysfsSectors: toInt(await system.files.read(`${sysBlock}/size`)),
    missingTools,
  };
  const { transport } = probe;
  if (transport === 'loop') {
    probe.loopBackingFile = loopBackingFiles.get(node.kname) ?? null;
    return probe;
  }
  if (transport === 'virtio')
    probe.sysfsSerial = (await system.files.read(`${sysBlock}/serial`))?.trim() || null;
  const tasks: Promise<void>[] = [];
  tasks.push(
    tryRun('udevadm', ['info', '--query=symlink', `--name=${node.path}`]).then((r) => {
      if (r?.exitCode === 0) probe.byIdLinks = byIdLinks(r.stdout);
    }),
  );
  if (speaksAta(transport)) {
    tasks.push(
      (async () => {
        probe.hdparmIdentify = await tryRun('hdparm', identifyArgs(node.path));
        // HPA/DCO queries only make sense once the drive answered IDENTIFY.
        if (probe.hdparmIdentify?.exitCode === 0) {
          probe.hdparmNativeMax = await tryRun('hdparm', nativeMaxArgs(node.path));
          probe.hdparmDco = await tryRun('hdparm', dcoIdentifyArgs(node.path));
        }
        // TCG Level 0 Discovery needs libata.allow_tpm=1 on SATA; USB bridges rarely pass it: not asked.
        if (transport !== 'usb') probe.sedutilQuery = await tryNewer('sedutil-cli', sedQueryArgs(node.path));
      })(),
    );
  }
  if (transport === 'nvme') {
    tasks.push(
      (async () => {
        await resolveNvmeController(system, node, probe);
        if (probe.nvmeController) probe.nvmeIdCtrl = await tryRun('nvme', idCtrlArgs(probe.nvmeController));
        probe.nvmeIdNs = await tryRun('nvme', idNsArgs(node.path));
        // sedutil talks to the controller's character device (its own scan lists /dev/nvmeN).
        if (probe.nvmeController)
          probe.sedutilQuery = await tryNewer('sedutil-cli', sedQueryArgs(probe.nvmeController));
      })(),
    );
  }
  if (transport === 'sas' || transport === 'scsi') {
    tasks.push(
      (async () => {
        probe.sgOpcodes = await tryNewer('sg_opcodes', sgOpcodesArgs(node.path));
        probe.sgReadcap = await tryNewer('sg_readcap', sgReadcapArgs(node.path));
      })(),
    );
  }
  if (transport === 'mmc') {
    tasks.push(
      tryNewer('mmc', extcsdArgs(node.path)).then((r) => {
        probe.mmcExtcsd = r;
      }),
    );
  }
  if (transport === 'usb') {
    tasks.push(
      tryNewer('udevadm', ['info', '--query=property', `--name=${node.path}`]).then((r) => {
        probe.udevProperties = r;
      }),
    );
  }
  if (hasSmart(transport)) {
    tasks.push(
      tryRun('smartctl', ['-j', '-x', node.path]).then((r) => {
        probe.smartctl = r;
      }),
    );
  }
  await Promise.all(tasks);
  return probe;
}

/** The controller is the parent device in sysfs; nvmeN in nvmeNnM is not always it (multipath). */
async function resolveNvmeController(system: System, node: LsblkNode, probe: DriveProbe): Promise<void> {
  const sysBlock = `/sys/block/${node.kname}`;
  const uevent = await system.files.read(`${sysBlock}/device/uevent`);
  const devname = /^DEVNAME=(nvme\d+)$/m.exec(uevent ?? '')?.[1];
  const fromName = /^nvme(\d+)n(\d+)$/.exec(node.kname);
  probe.nvmeNamespaceId = toInt(await system.files.read(`${sysBlock}/nsid`)) ?? toInt(fromName?.[2] ?? null);
  if (devname) {
    probe.nvmeController = `/dev/${devname}`;
  } else if (fromName) {
    probe.nvmeController = `/dev/nvme${fromName[1]}`;
    probe.nvmeControllerGuessed = true;
  }
}

/** `udevadm info --query=symlink` prints space-separated paths relative to /dev. */
function byIdLinks(stdout: string): string[] {
  return stdout
    .trim()
    .split(/\s+/)
    .filter((link) => link.startsWith('disk/by-id/'))
    .map((link) => `/dev/${link}`);
}

function toInt(text: string | null): number | null {
  if (text === null) return null;
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}
