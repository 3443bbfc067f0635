/** The inventory part of `gomme diag --json` (diagnostics/README.md). Unknown facts are null. */
import type { BatteryFacts } from '../../core/tools/battery/power-supply.js';
import type {
  DmiBattery,
  DmiHardwareSecurity,
  DmiMemoryDevice,
} from '../../core/tools/dmidecode/dmi-facts.js';
import type { FormFactor } from '../grading/grade.js';

export interface SystemInventory {
  vendor: string | null;
  product: string | null;
  version: string | null;
  family: string | null;
  sku: string | null;
  serial: string | null;
  uuid: string | null;
  chassisType: string | null;
  formFactor: FormFactor | null;
  board: { vendor: string | null; product: string | null; serial: string | null };
  bios: { vendor: string | null; version: string | null; date: string | null };
  /** The CPU's hypervisor flag is set: this is a virtual machine. */
  virtual: boolean;
}

export interface CpuInventory {
  model: string | null;
  vendor: string | null;
  cores: number | null;
  threads: number;
  maxMhz: number | null;
  flags: string[];
  /** stress-ng cpu bogo-ops/s over all threads, measured by the CPU test; null when it did not run. */
  score: number | null;
}

export interface MemoryInventory {
  totalBytes: number | null;
  /** Installed modules from SMBIOS (needs root and real firmware). */
  modules: DmiMemoryDevice[];
  slots: number | null;
}

export interface DisplayInventory {
  connector: string;
  internal: boolean;
  connected: boolean | null;
  manufacturer: string | null;
  name: string | null;
  productCode: number | null;
  partNumber: string | null;
  year: number | null;
  diagonalInches: number | null;
  width: number | null;
  height: number | null;
  /** false when a block of the EDID has a bad checksum (damaged cable, flaky panel connector). */
  edidChecksumOk: boolean | null;
}

export interface NetworkInventory {
  name: string;
  kind: 'ethernet' | 'wifi' | 'other';
  mac: string | null;
  operstate: string | null;
  carrier: boolean | null;
  driver: string | null;
}

export interface DriveInventory {
  path: string;
  model: string | null;
  serial: string | null;
  transport: string;
  sizeBytes: number;
  kind: 'ssd' | 'nvme' | 'hdd' | 'unknown';
  protected: boolean;
  /** The gomme boot stick: left out of grading and tests. */
  bootMedium: boolean;
}

export interface LocksInventory {
  /** /sys/class/firmware-attributes/NAME/authentication/ENTRY (Dell, Lenovo, HP): role and whether a password is set. */
  firmwarePasswords: { provider: string; name: string; role: string | null; enabled: boolean | null }[];
  dmiHardwareSecurity: DmiHardwareSecurity | null;
  /** ATA security per drive (a set user password blocks erasure and resale until cleared). */
  drivePasswords: { path: string; enabled: boolean | null; locked: boolean | null; frozen: boolean | null }[];
}

export interface Inventory {
  system: SystemInventory;
  cpu: CpuInventory;
  memory: MemoryInventory;
  gpus: { description: string; vendorId: string | null; deviceId: string | null; driver: string | null }[];
  displays: DisplayInventory[];
  network: NetworkInventory[];
  bluetooth: string[];
  webcams: { device: string; name: string | null }[];
  audio: { index: number; name: string }[];
  usb: { id: string; name: string }[];
  /** The first battery of this computer (BAT*, not a mouse's); null when there is none. */
  battery: BatteryFacts | null;
  batteries: BatteryFacts[];
  /** Design data from SMBIOS type 22, when the firmware has it. */
  dmiBatteries: DmiBattery[];
  chargerOnline: boolean | null;
  drives: DriveInventory[];
  locks: LocksInventory;
  /** What could not be read (tool missing, not root, not in the replayed bundle). */
  warnings: string[];
}
