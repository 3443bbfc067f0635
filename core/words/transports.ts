/** How a drive is attached and what it is made of, for tables and certificates. */
import type { Transport } from '../drive.js';
import { type Text, text } from '../i18n.js';

export const TRANSPORT_WORDS: Record<Transport, Text> = {
  sata: text('SATA', 'SATA'),
  ata: text('ATA (IDE)', 'ATA (IDE)'),
  nvme: text('NVMe', 'NVMe'),
  usb: text('USB', 'USB'),
  sas: text('SAS', 'SAS'),
  scsi: text('SCSI', 'SCSI'),
  virtio: text('virtuel (virtio)', 'virtual (virtio)'),
  mmc: text('eMMC / carte SD', 'eMMC / SD card'),
  loop: text('fichier (loop)', 'file (loop)'),
  unknown: text('inconnue', 'unknown'),
};

/** Mirrors the record's `mediaType` ids (certificates/RECORD.md). */
export type MediaTypeId = 'hdd' | 'ssd' | 'hybrid' | 'usb-flash' | 'memory-card' | 'unknown';

export const MEDIA_WORDS: Record<MediaTypeId, Text> = {
  hdd: text('disque dur magnétique', 'magnetic hard disk'),
  ssd: text('SSD (mémoire flash)', 'SSD (flash)'),
  hybrid: text('hybride', 'hybrid'),
  'usb-flash': text('clé USB (mémoire flash)', 'USB flash drive'),
  'memory-card': text('carte mémoire', 'memory card'),
  unknown: text('inconnu', 'unknown'),
};

/** The short kind of a live drive for the drive list: "disque dur", "SSD", "SSD NVMe". */
export const DRIVE_KIND_WORDS = {
  nvme: text('SSD NVMe', 'NVMe SSD'),
  hdd: text('disque dur', 'hard disk'),
  ssd: text('SSD', 'SSD'),
  unknown: text('inconnu', 'unknown'),
} satisfies Record<string, Text>;

/** What a USB bridge does to ATA commands (core/drive.ts UsbBridge.passThrough), for a drive's warnings. */
export const BRIDGE_PASS_THROUGH_WORDS = {
  consistent: text('les commandes passent fidèlement', 'commands pass through faithfully'),
  garbled: text('le boîtier déforme les réponses du disque', 'the bridge garbles the drive’s answers'),
  inconsistent: text(
    'les réponses du disque à travers le boîtier ne concordent pas',
    'the drive’s answers through the bridge disagree',
  ),
  none: text('le disque ne répond pas à travers le boîtier', 'no answer from the drive through the bridge'),
  unknown: text('le boîtier n’a pas pu être jugé', 'the bridge could not be judged'),
} satisfies Record<string, Text>;
