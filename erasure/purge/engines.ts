/** Every firmware purge engine, by id. The policy (erasure/policy) picks among them; the CLI runs one. */
import { ataPasswordEraseEngine } from './ata-password-erase.js';
import { ataSanitizeEngine } from './ata-sanitize.js';
import { ataSecurityEraseEngine } from './ata-security-erase.js';
import { emmcEraseEngine } from './emmc-erase.js';
import { emmcSecureDiscardEngine } from './emmc-secure-discard.js';
import type { PurgeEngine, PurgeEngineId } from './engine.js';
import { nvmeFormatEngine } from './nvme-format.js';
import { nvmeSanitizeEngine } from './nvme-sanitize.js';
import { scsiEngine } from './scsi-sanitize.js';
import { tcgRevertEngine } from './tcg-revert.js';

export const ENGINES: Readonly<Record<PurgeEngineId, PurgeEngine>> = {
  'ata-sanitize-crypto': ataSanitizeEngine('ata-sanitize-crypto'),
  'ata-sanitize-block': ataSanitizeEngine('ata-sanitize-block'),
  'ata-sanitize-overwrite': ataSanitizeEngine('ata-sanitize-overwrite'),
  'ata-security-erase-enhanced': ataSecurityEraseEngine(true),
  'ata-security-erase': ataSecurityEraseEngine(false),
  'nvme-sanitize-crypto': nvmeSanitizeEngine('nvme-sanitize-crypto'),
  'nvme-sanitize-block': nvmeSanitizeEngine('nvme-sanitize-block'),
  'nvme-sanitize-overwrite': nvmeSanitizeEngine('nvme-sanitize-overwrite'),
  'nvme-format-crypto': nvmeFormatEngine(2),
  'nvme-format-user-data': nvmeFormatEngine(1),
  'scsi-sanitize-crypto': scsiEngine('scsi-sanitize-crypto'),
  'scsi-sanitize-block': scsiEngine('scsi-sanitize-block'),
  'scsi-sanitize-overwrite': scsiEngine('scsi-sanitize-overwrite'),
  'scsi-format-unit': scsiEngine('scsi-format-unit'),
  'emmc-secure-discard': emmcSecureDiscardEngine,
  'ata-security-erase-password': ataPasswordEraseEngine,
  'tcg-revert': tcgRevertEngine('tcg-revert'),
  'tcg-psid-revert': tcgRevertEngine('tcg-psid-revert'),
  'emmc-sanitize': emmcEraseEngine('emmc-sanitize'),
  'emmc-secure-erase': emmcEraseEngine('emmc-secure-erase'),
  'emmc-secure-trim': emmcEraseEngine('emmc-secure-trim'),
};

export function isPurgeEngineId(value: string): value is PurgeEngineId {
  return Object.hasOwn(ENGINES, value);
}
