/**
 * Battery and charger facts from the kernel's power_supply class (Documentation/ABI/testing/sysfs-class-power,
 * power_supply_class.rst). Input is a map of attribute name → content, from per-attribute files or from a
 * `uevent` file (parseUevent). Health is energy_full / energy_full_design (µWh) or charge_full /
 * charge_full_design (µAh), never mixed ("Don't mix them!"); `capacity` is the state of charge, not health.
 */

export type PowerSupplyAttributes = Record<string, string>;

export interface BatteryFacts {
  name: string;
  manufacturer: string | null;
  model: string | null;
  serial: string | null;
  technology: string | null;
  present: boolean | null;
  /** Charging, Discharging, Not charging, Full, Unknown. */
  status: string | null;
  /** State of charge in % (not health). */
  chargePercent: number | null;
  cycleCount: number | null;
  /** Which pair health was computed from. */
  basis: 'energy' | 'charge' | null;
  /** µWh or µAh depending on `basis`. */
  full: number | null;
  fullDesign: number | null;
  /** full / fullDesign in %, one decimal; null when either is unknown or design is 0. */
  healthPercent: number | null;
}

/** `POWER_SUPPLY_ENERGY_FULL=47390000` lines → { energy_full: '47390000' }. */
export function parseUevent(text: string): PowerSupplyAttributes {
  const out: PowerSupplyAttributes = {};
  for (const line of String(text).split(/\r?\n/)) {
    const match = /^POWER_SUPPLY_([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] && match[2] !== undefined) out[match[1].toLowerCase()] = match[2];
  }
  return out;
}

export function batteryFacts(name: string, attrs: PowerSupplyAttributes): BatteryFacts {
  const energyFull = count(attrs.energy_full);
  const energyDesign = count(attrs.energy_full_design);
  const chargeFull = count(attrs.charge_full);
  const chargeDesign = count(attrs.charge_full_design);
  const basis =
    energyFull !== null && energyDesign !== null
      ? 'energy'
      : chargeFull !== null && chargeDesign !== null
        ? 'charge'
        : null;
  const full = basis === 'energy' ? energyFull : basis === 'charge' ? chargeFull : null;
  const fullDesign = basis === 'energy' ? energyDesign : basis === 'charge' ? chargeDesign : null;
  const present = clean(attrs.present);
  return {
    name,
    manufacturer: clean(attrs.manufacturer),
    model: clean(attrs.model_name),
    serial: clean(attrs.serial_number),
    technology: clean(attrs.technology),
    present: present === '1' ? true : present === '0' ? false : null,
    status: clean(attrs.status),
    chargePercent: count(attrs.capacity),
    cycleCount: count(attrs.cycle_count),
    basis,
    full,
    fullDesign,
    healthPercent:
      full !== null && fullDesign !== null && fullDesign > 0
        ? Math.round((full / fullDesign) * 1000) / 10
        : null,
  };
}

/** A charger's `online` attribute (type Mains, or USB with scope System). */
export function isOnline(attrs: PowerSupplyAttributes): boolean | null {
  const value = clean(attrs.online);
  return value === '1' ? true : value === '0' ? false : null;
}

function clean(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function count(value: string | undefined): number | null {
  const trimmed = value?.trim();
  if (!trimmed || !/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isSafeInteger(n) ? n : null;
}
