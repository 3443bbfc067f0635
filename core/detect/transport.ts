import type { Transport } from '../drive.js';
import type { LsblkNode } from '../tools/lsblk/parse-lsblk.js';

/** lsblk's TRAN first (RM is unreliable: QEMU usb-storage says RM=0), then the sysfs subsystem chain. */
export function transportOf(node: Pick<LsblkNode, 'type' | 'tran' | 'subsystems'>): Transport {
  if (node.type === 'loop') return 'loop';
  switch (node.tran?.toLowerCase()) {
    case 'sata':
      return 'sata';
    case 'ata':
      return 'ata';
    case 'nvme':
      return 'nvme';
    case 'usb':
      return 'usb';
    case 'sas':
      return 'sas';
    case 'spi':
    case 'fc':
    case 'iscsi':
    case 'srp':
      return 'scsi';
    case 'mmc':
      return 'mmc';
  }
  const chain = (node.subsystems ?? '').split(':');
  if (chain.includes('virtio')) return 'virtio';
  if (chain.includes('nvme')) return 'nvme';
  if (chain.includes('mmc')) return 'mmc';
  if (chain.includes('usb')) return 'usb';
  if (chain.includes('scsi')) return 'scsi';
  return 'unknown';
}

/** Transports where `hdparm -I` can reach the drive (SAT passthrough included for USB bridges). */
export function speaksAta(transport: Transport): boolean {
  return transport === 'sata' || transport === 'ata' || transport === 'usb';
}

/** Transports where smartctl has something to say; loop, virtio and mmc devices have no SMART. */
export function hasSmart(transport: Transport): boolean {
  return ['sata', 'ata', 'usb', 'sas', 'scsi', 'nvme', 'unknown'].includes(transport);
}
