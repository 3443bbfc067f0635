/**
 * Pure: whether ATA commands reach the drive behind a USB bridge faithfully. Firmware erase through a bridge is
 * allowed only when IDENTIFY read through it (hdparm -I) is whole, and agrees with what smartctl read through the
 * same bridge (model, serial) and with the capacity the kernel sees. Bridges that byte-swap, truncate or invent
 * IDENTIFY data (openSeaChest #45; QEMU's usb-storage answers all zeros) fail one of these checks.
 */
import type { UsbBridge } from '../../drive.js';
import type { HdparmIdentify } from '../hdparm/parse-identify.js';
import type { SmartctlReport } from '../smartctl/parse-smartctl.js';
import { deniedBridge } from './bridges.js';
import type { UsbIds } from './parse-udev-properties.js';

export interface BridgeEvidence {
  ids: UsbIds | null;
  identify: HdparmIdentify | null;
  smart: SmartctlReport | null;
  /** What the kernel says the disk holds, bytes (lsblk / sysfs). */
  kernelBytes: number | null;
}

export function judgeBridge(e: BridgeEvidence): UsbBridge {
  const denied = deniedBridge(e.ids?.vendorId ?? null, e.ids?.productId ?? null);
  const base = {
    vendorId: e.ids?.vendorId ?? null,
    productId: e.ids?.productId ?? null,
    driver: e.ids?.driver ?? null,
    denied: denied ? { reason: denied.reason, source: denied.source } : null,
  };
  const id = e.identify?.identified ? e.identify : null;
  if (id === null)
    return { ...base, passThrough: 'none', detail: 'no ATA IDENTIFY answer through the bridge' };
  if (!id.trustworthy)
    return {
      ...base,
      passThrough: 'garbled',
      detail: `IDENTIFY through the bridge is broken: ${id.anomalies.join('; ')}`,
    };
  const smart = e.smart?.ok && e.smart.protocol === 'ATA' ? e.smart : null;
  if (smart === null)
    return {
      ...base,
      passThrough: 'unknown',
      detail: 'smartctl did not read the drive as ATA through the bridge',
    };
  const disagreements: string[] = [];
  if (smart.model !== id.model) disagreements.push(`model "${id.model}" vs smartctl "${smart.model}"`);
  if (smart.serial !== id.serial) disagreements.push(`serial "${id.serial}" vs smartctl "${smart.serial}"`);
  if (e.kernelBytes !== null && id.capacityBytes !== null && id.capacityBytes !== e.kernelBytes)
    disagreements.push(`IDENTIFY capacity ${id.capacityBytes} B vs kernel ${e.kernelBytes} B`);
  if (disagreements.length > 0)
    return { ...base, passThrough: 'inconsistent', detail: disagreements.join('; ') };
  return {
    ...base,
    passThrough: 'consistent',
    detail: 'IDENTIFY through the bridge is whole and agrees with smartctl and the kernel capacity',
  };
}

/** Firmware commands may go through this bridge. */
export const bridgeCarriesAta = (b: UsbBridge | null | undefined): boolean =>
  b != null && b.denied === null && b.passThrough === 'consistent';
