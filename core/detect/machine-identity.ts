import type { System } from '../run/system.js';

/** Who this PC is, from the firmware's DMI tables as the kernel publishes them (no dmidecode needed). */
export interface MachineIdentity {
  vendor: string | null;
  model: string | null;
  serial: string | null;
  uuid: string | null;
  assetTag: string | null;
  chassisType: number | null;
}

const DMI = '/sys/class/dmi/id';
/** Placeholder strings firmware vendors leave in unset DMI fields: they identify nothing. */
const PLACEHOLDERS =
  /^(|to be filled by o\.e\.m\.|default string|system serial number|not specified|none|0+|chassis serial number|x+|123456789)$/i;

export async function readMachineIdentity(system: System): Promise<MachineIdentity> {
  const read = async (name: string) => clean(await system.files.read(`${DMI}/${name}`));
  const [vendor, model, serial, uuid, assetTag, chassis] = await Promise.all([
    read('sys_vendor'),
    read('product_name'),
    read('product_serial'),
    read('product_uuid'),
    read('chassis_asset_tag'),
    read('chassis_type'),
  ]);
  return {
    vendor,
    model,
    serial,
    uuid,
    assetTag,
    chassisType: chassis && /^\d+$/.test(chassis) ? Number(chassis) : null,
  };
}

function clean(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return PLACEHOLDERS.test(trimmed) ? null : trimmed;
}
