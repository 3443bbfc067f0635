/** System identity, CPU and memory: sysfs DMI first (no root, no /dev/mem), dmidecode for what sysfs lacks. */
import { type DmiFacts, dmiFacts, uuid } from '../../core/tools/dmidecode/dmi-facts.js';
import { formFactorOf } from '../grading/grade.js';
import type { Probe } from '../probe.js';
import { meminfoBytes, parseCpuinfo } from './parse-proc.js';
import type { CpuInventory, MemoryInventory, SystemInventory } from './types.js';

const DMI = '/sys/class/dmi/id';

export async function readDmi(probe: Probe): Promise<DmiFacts | null> {
  const result = await probe.run('dmidecode', [], { timeoutMs: 15_000 });
  if (!result) return null;
  if (result.exitCode !== 0) {
    probe.warnings.push(
      `dmidecode failed (${result.stderr.trim().split('\n').pop() ?? result.exitCode}): no SMBIOS tables`,
    );
    return null;
  }
  return dmiFacts(result.stdout);
}

export async function systemInventory(
  probe: Probe,
  dmi: DmiFacts | null,
  virtual: boolean,
): Promise<SystemInventory> {
  const sys = async (name: string) => cleanDmi(await probe.read(`${DMI}/${name}`));
  const chassisType = (await sys('chassis_type')) ?? dmi?.chassis.type ?? null;
  return {
    vendor: (await sys('sys_vendor')) ?? dmi?.system.vendor ?? null,
    product: (await sys('product_name')) ?? dmi?.system.product ?? null,
    version: (await sys('product_version')) ?? dmi?.system.version ?? null,
    family: (await sys('product_family')) ?? dmi?.system.family ?? null,
    sku: (await sys('product_sku')) ?? dmi?.system.sku ?? null,
    serial: (await sys('product_serial')) ?? dmi?.system.serial ?? null,
    uuid: uuid(await sys('product_uuid')) ?? dmi?.system.uuid ?? null,
    chassisType: dmi?.chassis.type ?? chassisType,
    formFactor: formFactorOf(chassisType),
    board: {
      vendor: (await sys('board_vendor')) ?? dmi?.board.vendor ?? null,
      product: (await sys('board_name')) ?? dmi?.board.product ?? null,
      serial: (await sys('board_serial')) ?? dmi?.board.serial ?? null,
    },
    bios: {
      vendor: (await sys('bios_vendor')) ?? dmi?.bios.vendor ?? null,
      version: (await sys('bios_version')) ?? dmi?.bios.version ?? null,
      date: (await sys('bios_date')) ?? dmi?.bios.releaseDate ?? null,
    },
    virtual,
  };
}

export async function cpuInventory(probe: Probe, dmi: DmiFacts | null): Promise<CpuInventory> {
  const info = parseCpuinfo((await probe.read('/proc/cpuinfo')) ?? '');
  const maxKhz = Number(await probe.read('/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq'));
  const dmiCpu = dmi?.processors[0];
  return {
    model: info.model ?? dmiCpu?.version ?? null,
    vendor: info.vendor ?? dmiCpu?.manufacturer ?? null,
    cores: info.cores ?? dmiCpu?.coreCount ?? null,
    threads: info.threads,
    maxMhz: Number.isFinite(maxKhz) && maxKhz > 0 ? Math.round(maxKhz / 1000) : (dmiCpu?.maxSpeedMhz ?? null),
    flags: info.flags,
    score: null,
  };
}

export async function memoryInventory(probe: Probe, dmi: DmiFacts | null): Promise<MemoryInventory> {
  return {
    totalBytes: meminfoBytes((await probe.read('/proc/meminfo')) ?? ''),
    modules: dmi?.memoryDevices ?? [],
    slots: dmi ? dmi.memorySlots : null,
  };
}

/** sysfs DMI files carry the same firmware placeholders dmidecode prints. */
function cleanDmi(value: string | null): string | null {
  if (value === null) return null;
  return /^(to be filled by o\.e\.m\.|default string|not specified|none|system (product name|manufacturer|serial number|version)|0123456789)$/i.test(
    value,
  )
    ? null
    : value;
}
