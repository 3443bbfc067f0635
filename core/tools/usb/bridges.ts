/**
 * USB-to-ATA bridges that must never carry firmware erase commands, as data with their source. The Linux kernel
 * marks with US_FL_NO_ATA_1X the bridges that mishandle ATA(12)/ATA(16) pass-through (the SAT commands hdparm
 * and smartctl -d sat send): drivers/usb/storage/unusual_uas.h and unusual_devs.h. A bridge absent from this
 * list is not thereby trusted: gomme still checks that IDENTIFY through it is whole and agrees with smartctl.
 */

export interface DeniedBridge {
  vendorId: string;
  productId: string;
  name: string;
  reason: string;
  source: string;
}

const NO_ATA_1X =
  'the kernel marks it US_FL_NO_ATA_1X: ATA pass-through (SAT) is not supported or unreliable';

export const DENIED_BRIDGES: readonly DeniedBridge[] = [
  {
    vendorId: '0bc2',
    productId: 'ab2a',
    name: 'Seagate (USB 3.0 enclosure)',
    reason: NO_ATA_1X,
    source: 'Linux drivers/usb/storage/unusual_uas.h, UNUSUAL_DEV(0x0bc2, 0xab2a, …, US_FL_NO_ATA_1X)',
  },
  {
    vendorId: '125f',
    productId: 'a94a',
    name: 'ADATA Portable HDD CH94',
    reason: NO_ATA_1X,
    source: 'Linux drivers/usb/storage/unusual_uas.h, UNUSUAL_DEV(0x125f, 0xa94a, …, US_FL_NO_ATA_1X)',
  },
  {
    vendorId: '13fd',
    productId: '3940',
    name: 'Initio Corporation INIC-3069',
    reason: NO_ATA_1X,
    source: 'Linux drivers/usb/storage/unusual_uas.h, UNUSUAL_DEV(0x13fd, 0x3940, …, US_FL_NO_ATA_1X)',
  },
  {
    vendorId: '154b',
    productId: 'f00d',
    name: 'PNY Pro Elite SSD',
    reason: NO_ATA_1X,
    source: 'Linux drivers/usb/storage/unusual_uas.h, UNUSUAL_DEV(0x154b, 0xf00d, …, US_FL_NO_ATA_1X)',
  },
  {
    vendorId: '2ca3',
    productId: '0031',
    name: 'DJI CineSSD',
    reason: NO_ATA_1X,
    source: 'Linux drivers/usb/storage/unusual_devs.h, UNUSUAL_DEV(0x2ca3, 0x0031, …, US_FL_NO_ATA_1X)',
  },
];

export function deniedBridge(vendorId: string | null, productId: string | null): DeniedBridge | null {
  if (vendorId === null || productId === null) return null;
  const v = vendorId.toLowerCase();
  const p = productId.toLowerCase();
  return DENIED_BRIDGES.find((b) => b.vendorId === v && b.productId === p) ?? null;
}
