/** Collects the whole inventory through a System (real, recording or replayed) in a few seconds. */
import { discoverDrives } from '../../core/detect/discover-drives.js';
import type { Drive } from '../../core/drive.js';
import { GommeError } from '../../core/errors.js';
import type { System } from '../../core/run/system.js';
import { Probe } from '../probe.js';
import { cpuInventory, memoryInventory, readDmi, systemInventory } from './identity.js';
import { audio, bluetooth, displays, gpus, networkAdapters, usbDevices, webcams } from './peripherals.js';
import { locks, power } from './power-and-locks.js';
import type { DriveInventory, Inventory } from './types.js';

export interface CollectedInventory {
  inventory: Inventory;
  /** The discovered drives with all their facts, for the SMART checks. */
  drives: Drive[];
}

export async function collectInventory(system: System): Promise<CollectedInventory> {
  const probe = new Probe(system);
  const dmi = await readDmi(probe);
  const cpu = await cpuInventory(probe, dmi);
  const virtual = cpu.flags.includes('hypervisor');
  let drives: Drive[] = [];
  try {
    const discovery = await discoverDrives(system);
    drives = discovery.drives;
    // The inventory's warnings are English data (diagnostics/README.md), like every fact of the JSON.
    probe.warnings.push(...discovery.warnings.map((w) => w.en));
  } catch (error) {
    // No drive list is a finding of the inventory, not the end of the diagnostics.
    if (!(error instanceof GommeError)) throw error;
    probe.warnings.push(error.message);
  }
  const [sys, memory, gpuList, displayList, network, bt, cams, cards, usb, powerFacts, lockFacts] = [
    await systemInventory(probe, dmi, virtual),
    await memoryInventory(probe, dmi),
    await gpus(probe),
    await displays(probe),
    await networkAdapters(probe),
    await bluetooth(probe),
    await webcams(probe),
    await audio(probe),
    await usbDevices(probe),
    await power(probe),
    await locks(probe, dmi, drives),
  ];
  const inventory: Inventory = {
    system: sys,
    cpu,
    memory,
    gpus: gpuList,
    displays: displayList,
    network,
    bluetooth: bt,
    webcams: cams,
    audio: cards,
    usb,
    battery: powerFacts.batteries[0] ?? null,
    batteries: powerFacts.batteries,
    dmiBatteries: dmi?.batteries ?? [],
    chargerOnline: powerFacts.chargerOnline,
    drives: drives.filter((d) => d.transport !== 'loop').map(driveInventory),
    locks: lockFacts,
    warnings: [...new Set(probe.warnings)],
  };
  return { inventory, drives: drives.filter((d) => d.transport !== 'loop') };
}

function driveInventory(d: Drive): DriveInventory {
  return {
    path: d.path,
    model: d.model,
    serial: d.serial,
    transport: d.transport,
    sizeBytes: d.sizeBytes,
    // Virtual disks claim to rotate: their kind says nothing about the hardware.
    kind:
      d.transport === 'nvme'
        ? 'nvme'
        : d.transport === 'virtio'
          ? 'unknown'
          : d.rotational === true
            ? 'hdd'
            : d.rotational === false
              ? 'ssd'
              : 'unknown',
    protected: d.protected,
    bootMedium: d.protections.some((p) => p.reason === 'boot-medium'),
  };
}
