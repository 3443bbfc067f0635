/**
 * Pure parser for `nvme list -o json`. Two shapes exist:
 * - flat (1.x, and 2.x without -v, e.g. 2.13): `Devices[]` of namespaces with DevicePath, NameSpace (NSID),
 *   ModelNumber, SerialNumber, Firmware, PhysicalSize, SectorSize…;
 * - nested (2.x `list -v`): `Devices[].Subsystems[].Controllers[].Namespaces[]`, plus subsystem-level
 *   `Namespaces[]` for native multipath (no single controller).
 */
import { isRecord, type JsonRecord, list, text, uint } from '../json-access.js';
import { readNvmeCliJson } from './cli-json.js';

export interface NvmeListEntry {
  /** Namespace block device, e.g. /dev/nvme0n1. */
  devicePath: string | null;
  /** Namespace generic char device, e.g. /dev/ng0n1 (nvme-cli 2.x). */
  genericPath: string | null;
  namespaceId: number | null;
  /**
   * Controller name as nvme-cli printed it (e.g. "nvme0"), only in the nested shape: the "nvme0" in
   * "nvme0n1" is not necessarily the parent controller, so it is never derived from the device name.
   */
  controller: string | null;
  transport: string | null;
  /** PCI address of the controller (nested shape). */
  address: string | null;
  model: string | null;
  serial: string | null;
  firmware: string | null;
  physicalSizeBytes: number | null;
  usedBytes: number | null;
  maximumLba: number | null;
  sectorSize: number | null;
}

export interface NvmeList {
  ok: boolean;
  error: string | null;
  devices: NvmeListEntry[];
}

export function parseNvmeList(stdout: string): NvmeList {
  const { root, error } = readNvmeCliJson(stdout);
  const raw = root?.Devices;
  if (!Array.isArray(raw)) return { ok: false, error, devices: [] };
  const devices = raw
    .filter(isRecord)
    .flatMap((entry) => (Array.isArray(entry.Subsystems) ? fromHost(entry) : [namespaceEntry(entry, null)]));
  return { ok: error === null, error, devices };
}

interface ControllerFacts {
  controller: string | null;
  transport: string | null;
  address: string | null;
  model: string | null;
  serial: string | null;
  firmware: string | null;
}

function fromHost(host: JsonRecord): NvmeListEntry[] {
  return list(host, 'Subsystems')
    .filter(isRecord)
    .flatMap((subsystem) => {
      const controllers = list(subsystem, 'Controllers').filter(isRecord);
      const perController = controllers.flatMap((ctrl) => {
        const facts = controllerFacts(ctrl);
        return list(ctrl, 'Namespaces')
          .filter(isRecord)
          .map((ns) => namespaceEntry(ns, facts));
      });
      // Multipath namespaces hang off the subsystem: identity is the subsystem's, not one controller's.
      const first = controllers[0];
      const shared = first
        ? { ...controllerFacts(first), controller: null, transport: null, address: null }
        : null;
      const perSubsystem = list(subsystem, 'Namespaces')
        .filter(isRecord)
        .map((ns) => namespaceEntry(ns, shared));
      return [...perController, ...perSubsystem];
    });
}

function controllerFacts(ctrl: JsonRecord): ControllerFacts {
  return {
    controller: text(ctrl, 'Controller'),
    transport: text(ctrl, 'Transport'),
    address: text(ctrl, 'Address'),
    model: text(ctrl, 'ModelNumber'),
    serial: text(ctrl, 'SerialNumber'),
    firmware: text(ctrl, 'Firmware'),
  };
}

function namespaceEntry(ns: JsonRecord, ctrl: ControllerFacts | null): NvmeListEntry {
  // Flat shape: NameSpace is the NSID (number). Nested shape: NameSpace is the block device name, NSID the id.
  const nsName = text(ns, 'NameSpace');
  const generic = text(ns, 'Generic');
  return {
    devicePath: text(ns, 'DevicePath') ?? devPath(nsName),
    genericPath: text(ns, 'GenericPath') ?? devPath(generic),
    namespaceId: uint(ns, 'NSID') ?? uint(ns, 'NameSpace'),
    controller: ctrl?.controller ?? null,
    transport: ctrl?.transport ?? null,
    address: ctrl?.address ?? null,
    model: text(ns, 'ModelNumber') ?? ctrl?.model ?? null,
    serial: text(ns, 'SerialNumber') ?? ctrl?.serial ?? null,
    firmware: text(ns, 'Firmware') ?? ctrl?.firmware ?? null,
    physicalSizeBytes: uint(ns, 'PhysicalSize'),
    usedBytes: uint(ns, 'UsedBytes'),
    maximumLba: uint(ns, 'MaximumLBA'),
    sectorSize: uint(ns, 'SectorSize'),
  };
}

function devPath(name: string | null): string | null {
  if (name === null) return null;
  return name.startsWith('/') ? name : `/dev/${name}`;
}
