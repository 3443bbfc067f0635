/** Batteries and chargers (power_supply class), firmware passwords and drive locks. */
import type { Drive } from '../../core/drive.js';
import {
  type BatteryFacts,
  batteryFacts,
  isOnline,
  type PowerSupplyAttributes,
  parseUevent,
} from '../../core/tools/battery/power-supply.js';
import type { DmiFacts } from '../../core/tools/dmidecode/dmi-facts.js';
import type { Probe } from '../probe.js';
import type { LocksInventory } from './types.js';

const PS = '/sys/class/power_supply';

export interface PowerFacts {
  batteries: BatteryFacts[];
  /** true when any mains (or system-scope USB-PD) supply is online; null when none is reported. */
  chargerOnline: boolean | null;
}

export async function power(probe: Probe): Promise<PowerFacts> {
  const batteries: BatteryFacts[] = [];
  const chargers: (boolean | null)[] = [];
  for (const name of await probe.list(PS)) {
    const attrs = await supplyAttributes(probe, `${PS}/${name}`);
    const type = attrs.type ?? null;
    const scope = attrs.scope ?? null;
    // scope=Device is a peripheral's battery (mouse, keyboard, pen): not this computer's.
    if (scope === 'Device') continue;
    if (type === 'Battery') batteries.push(batteryFacts(name, attrs));
    else if (type === 'Mains' || type === 'USB' || type === 'USB_PD' || type === 'USB_C') {
      chargers.push(isOnline(attrs));
    }
  }
  const known = chargers.filter((c): c is boolean => c !== null);
  return { batteries, chargerOnline: known.length === 0 ? null : known.some(Boolean) };
}

const ATTRIBUTES = [
  'type',
  'scope',
  'online',
  'present',
  'status',
  'capacity',
  'cycle_count',
  'energy_full',
  'energy_full_design',
  'charge_full',
  'charge_full_design',
  'manufacturer',
  'model_name',
  'serial_number',
  'technology',
];

/** The uevent file has every attribute at once; some drivers and captures only have the per-attribute files. */
async function supplyAttributes(probe: Probe, dir: string): Promise<PowerSupplyAttributes> {
  const attrs = parseUevent((await probe.read(`${dir}/uevent`)) ?? '');
  for (const name of ATTRIBUTES) {
    if (attrs[name] !== undefined) continue;
    const value = await probe.read(`${dir}/${name}`);
    if (value !== null) attrs[name] = value;
  }
  return attrs;
}

export async function locks(probe: Probe, dmi: DmiFacts | null, drives: Drive[]): Promise<LocksInventory> {
  const firmwarePasswords: LocksInventory['firmwarePasswords'] = [];
  const root = '/sys/class/firmware-attributes';
  for (const provider of await probe.list(root)) {
    for (const name of await probe.list(`${root}/${provider}/authentication`)) {
      const base = `${root}/${provider}/authentication/${name}`;
      const enabled = await probe.read(`${base}/is_enabled`);
      firmwarePasswords.push({
        provider,
        name,
        role: await probe.read(`${base}/role`),
        enabled: enabled === '1' ? true : enabled === '0' ? false : null,
      });
    }
  }
  return {
    firmwarePasswords,
    dmiHardwareSecurity: dmi?.hardwareSecurity ?? null,
    drivePasswords: drives
      .filter((d) => d.capabilities.ataSecurity !== null)
      .map((d) => ({
        path: d.path,
        enabled: d.capabilities.ataSecurity?.enabled ?? null,
        locked: d.capabilities.ataSecurity?.locked ?? null,
        frozen: d.capabilities.ataSecurity?.frozen ?? null,
      })),
  };
}
