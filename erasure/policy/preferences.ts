/**
 * Which firmware methods to try, best first, per interface and medium. Data, not code: the policy walks the
 * list and takes the first engine the drive supports. Sources: NIST SP 800-88 Rev. 1 Appendix A (Sanitize
 * preferred over Security Erase; ATA Secure Erase only Clear on flash), IEEE 2883 per-interface mapping.
 */
import type { Drive } from '../../core/drive.js';
import { bridgeCarriesAta } from '../../core/tools/usb/judge-bridge.js';
import type { PurgeEngineId } from '../purge/engine.js';
import { mediumOf } from '../purge/techniques.js';

export type DriveClass = 'nvme' | 'ata-hdd' | 'ata-flash' | 'scsi-hdd' | 'scsi-flash' | 'mmc' | 'none';

export const PREFERENCES: Readonly<Record<DriveClass, readonly PurgeEngineId[]>> = {
  // Sanitize acts on the whole subsystem and every hidden block; Format SES=2 still destroys the key.
  // A TCG Opal Revert (crypto erase, Purge) comes after the drive's own Sanitize, before anything Clear-only.
  nvme: [
    'nvme-sanitize-crypto',
    'nvme-sanitize-block',
    'nvme-format-crypto',
    'tcg-revert',
    'nvme-format-user-data',
  ],
  'ata-flash': ['ata-sanitize-crypto', 'ata-sanitize-block', 'tcg-revert', 'ata-security-erase-enhanced'],
  'ata-hdd': ['ata-sanitize-overwrite', 'ata-sanitize-crypto', 'tcg-revert', 'ata-security-erase-enhanced'],
  // SANITIZE when sg_opcodes lists it; a 520-byte or PI drive without it is reformatted (FORMAT UNIT, Clear).
  'scsi-flash': ['scsi-sanitize-crypto', 'scsi-sanitize-block', 'scsi-format-unit'],
  'scsi-hdd': ['scsi-sanitize-overwrite', 'scsi-sanitize-crypto', 'scsi-format-unit'],
  // EXT_CSD says what the eMMC offers; blkdiscard --secure (support only known by trying) stays on request.
  mmc: ['emmc-sanitize', 'emmc-secure-erase', 'emmc-secure-trim'],
  // Untrusted USB bridges, virtio, loop: no trustworthy firmware path; overwrite only.
  none: [],
};

/** An unknown medium is treated as flash: the stricter reading for what each technique achieves. */
export function classOf(drive: Drive): DriveClass {
  const hdd = mediumOf(drive) === 'hdd';
  switch (drive.transport) {
    case 'nvme':
      return 'nvme';
    case 'sata':
    case 'ata':
      return hdd ? 'ata-hdd' : 'ata-flash';
    case 'sas':
    case 'scsi':
      return hdd ? 'scsi-hdd' : 'scsi-flash';
    case 'mmc':
      return 'mmc';
    case 'usb':
      // Firmware commands go through a bridge only when IDENTIFY through it is whole and consistent.
      return bridgeCarriesAta(drive.capabilities.usbBridge) ? (hdd ? 'ata-hdd' : 'ata-flash') : 'none';
    default:
      return 'none';
  }
}
