/**
 * Which firmware methods to try, best first, per interface and medium. Data, not code: the policy walks the
 * list and takes the first engine the drive supports. Sources: NIST SP 800-88 Rev. 1 Appendix A (Sanitize
 * preferred over Security Erase; ATA Secure Erase only Clear on flash), IEEE 2883 per-interface mapping.
 */
import type { Drive } from '../../core/drive.js';
import type { PurgeEngineId } from '../purge/engine.js';
import { mediumOf } from '../purge/techniques.js';

export type DriveClass = 'nvme' | 'ata-hdd' | 'ata-flash' | 'scsi-hdd' | 'scsi-flash' | 'mmc' | 'none';

export const PREFERENCES: Readonly<Record<DriveClass, readonly PurgeEngineId[]>> = {
  // Sanitize acts on the whole subsystem and every hidden block; Format SES=2 still destroys the key.
  nvme: ['nvme-sanitize-crypto', 'nvme-sanitize-block', 'nvme-format-crypto', 'nvme-format-user-data'],
  'ata-flash': ['ata-sanitize-crypto', 'ata-sanitize-block', 'ata-security-erase-enhanced'],
  'ata-hdd': ['ata-sanitize-overwrite', 'ata-sanitize-crypto', 'ata-security-erase-enhanced'],
  'scsi-flash': ['scsi-sanitize-crypto', 'scsi-sanitize-block'],
  'scsi-hdd': ['scsi-sanitize-overwrite', 'scsi-sanitize-crypto'],
  // Secure discard support is only known by trying it: never chosen automatically, available on request.
  mmc: [],
  // USB bridges, virtio, loop: no trustworthy firmware path; overwrite only.
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
    default:
      return 'none';
  }
}
