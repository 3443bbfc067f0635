/**
 * Typed facts from dmidecode records (SMBIOS types 0 BIOS, 1 system, 2 board, 3 chassis, 4 processor,
 * 17 memory device, 22 portable battery, 24 hardware security). Unknown is null, never a default.
 */
import { type DmiRecord, dmiBytes, dmiNumber, dmiValue, parseDmidecode } from './parse-dmidecode.js';

export interface DmiIdentity {
  vendor: string | null;
  product: string | null;
  version: string | null;
  serial: string | null;
  uuid: string | null;
  sku: string | null;
  family: string | null;
}

export interface DmiBios {
  vendor: string | null;
  version: string | null;
  releaseDate: string | null;
  uefi: boolean | null;
}

export interface DmiProcessor {
  socket: string | null;
  manufacturer: string | null;
  version: string | null;
  coreCount: number | null;
  threadCount: number | null;
  maxSpeedMhz: number | null;
}

export interface DmiMemoryDevice {
  locator: string | null;
  sizeBytes: number | null;
  type: string | null;
  formFactor: string | null;
  speedMts: number | null;
  configuredSpeedMts: number | null;
  manufacturer: string | null;
  partNumber: string | null;
  serial: string | null;
}

export interface DmiBattery {
  location: string | null;
  manufacturer: string | null;
  name: string | null;
  designCapacityMwh: number | null;
  designVoltageMv: number | null;
  chemistry: string | null;
  manufactureDate: string | null;
}

/** SMBIOS type 24: status is "Disabled", "Enabled", "Not Implemented" or "Unknown". */
export interface DmiHardwareSecurity {
  powerOnPassword: boolean | null;
  keyboardPassword: boolean | null;
  administratorPassword: boolean | null;
  frontPanelReset: boolean | null;
}

export interface DmiFacts {
  smbiosVersion: string | null;
  system: DmiIdentity;
  board: DmiIdentity;
  chassis: { vendor: string | null; type: string | null; serial: string | null; assetTag: string | null };
  bios: DmiBios;
  processors: DmiProcessor[];
  /** Populated slots only (a slot with no size is empty). */
  memoryDevices: DmiMemoryDevice[];
  memorySlots: number;
  batteries: DmiBattery[];
  hardwareSecurity: DmiHardwareSecurity | null;
}

export function dmiFacts(stdout: string): DmiFacts {
  const records = parseDmidecode(stdout);
  const first = (type: number) => records.find((r) => r.type === type);
  const all = (type: number) => records.filter((r) => r.type === type);
  const system = first(1);
  const board = first(2);
  const chassis = first(3);
  const bios = first(0);
  const slots = all(17);
  const security = first(24);
  return {
    smbiosVersion: /SMBIOS (\d+\.\d+(?:\.\d+)?) present/.exec(String(stdout))?.[1] ?? null,
    system: identity(system, 'Manufacturer', 'Product Name'),
    board: identity(board, 'Manufacturer', 'Product Name'),
    chassis: {
      vendor: dmiValue(chassis, 'Manufacturer'),
      type: dmiValue(chassis, 'Type'),
      serial: dmiValue(chassis, 'Serial Number'),
      assetTag: dmiValue(chassis, 'Asset Tag'),
    },
    bios: {
      vendor: dmiValue(bios, 'Vendor'),
      version: dmiValue(bios, 'Version'),
      releaseDate: dmiValue(bios, 'Release Date'),
      uefi: bios ? (bios.lists.Characteristics ?? []).some((c) => /UEFI is supported/i.test(c)) : null,
    },
    processors: all(4)
      .filter((r) => !/Unpopulated/i.test(r.props.Status ?? ''))
      .map((r) => ({
        socket: dmiValue(r, 'Socket Designation'),
        manufacturer: dmiValue(r, 'Manufacturer'),
        version: dmiValue(r, 'Version'),
        coreCount: dmiNumber(r, 'Core Count'),
        threadCount: dmiNumber(r, 'Thread Count'),
        maxSpeedMhz: dmiNumber(r, 'Max Speed'),
      })),
    memoryDevices: slots.map(memoryDevice).filter((m) => m.sizeBytes !== null),
    memorySlots: slots.length,
    batteries: all(22).map((r) => ({
      location: dmiValue(r, 'Location'),
      manufacturer: dmiValue(r, 'Manufacturer'),
      name: dmiValue(r, 'Name'),
      designCapacityMwh: dmiNumber(r, 'Design Capacity'),
      designVoltageMv: dmiNumber(r, 'Design Voltage'),
      chemistry: dmiValue(r, 'Chemistry') ?? dmiValue(r, 'SBDS Chemistry'),
      manufactureDate: dmiValue(r, 'Manufacture Date') ?? dmiValue(r, 'SBDS Manufacture Date'),
    })),
    hardwareSecurity: security
      ? {
          powerOnPassword: passwordStatus(security, 'Power-On Password Status'),
          keyboardPassword: passwordStatus(security, 'Keyboard Password Status'),
          administratorPassword: passwordStatus(security, 'Administrator Password Status'),
          frontPanelReset: passwordStatus(security, 'Front Panel Reset Status'),
        }
      : null,
  };
}

function identity(record: DmiRecord | undefined, vendorKey: string, productKey: string): DmiIdentity {
  return {
    vendor: dmiValue(record, vendorKey),
    product: dmiValue(record, productKey),
    version: dmiValue(record, 'Version'),
    serial: dmiValue(record, 'Serial Number'),
    uuid: uuid(dmiValue(record, 'UUID')),
    sku: dmiValue(record, 'SKU Number'),
    family: dmiValue(record, 'Family'),
  };
}

/** An all-zero or all-F UUID is the firmware saying "not set". */
export function uuid(value: string | null): string | null {
  if (value === null || !/^[0-9a-f-]{32,36}$/i.test(value)) return null;
  const hex = value.replace(/-/g, '');
  return /^0+$|^f+$/i.test(hex) ? null : value.toLowerCase();
}

function memoryDevice(r: DmiRecord): DmiMemoryDevice {
  return {
    locator: dmiValue(r, 'Locator'),
    sizeBytes: dmiBytes(r, 'Size'),
    type: dmiValue(r, 'Type'),
    formFactor: dmiValue(r, 'Form Factor'),
    speedMts: dmiNumber(r, 'Speed'),
    configuredSpeedMts: dmiNumber(r, 'Configured Memory Speed') ?? dmiNumber(r, 'Configured Clock Speed'),
    manufacturer: dmiValue(r, 'Manufacturer'),
    partNumber: dmiValue(r, 'Part Number'),
    serial: dmiValue(r, 'Serial Number'),
  };
}

function passwordStatus(r: DmiRecord, key: string): boolean | null {
  const value = r.props[key]?.trim();
  if (value === 'Enabled') return true;
  if (value === 'Disabled') return false;
  return null;
}
