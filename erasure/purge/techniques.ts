/**
 * The firmware techniques as data: IEEE 2883 name, what verification must find, and the NIST SP 800-88 level
 * gomme claims on each medium. Claims are deliberately conservative (a certificate must never over-claim):
 * where NIST Rev. 1 and IEEE 2883 (via openSeaChest) disagree, the lower level wins and `basis` says why.
 */
import type { Drive } from '../../core/drive.js';
import { type Text, text } from '../../core/i18n.js';
import type { NistLevel, PurgeEngineId, PurgeResultKind } from './engine.js';

export type Medium = 'hdd' | 'flash' | 'unknown';

export function mediumOf(drive: Drive): Medium {
  if (drive.transport === 'nvme' || drive.transport === 'mmc') return 'flash';
  if (drive.rotational === true) return 'hdd';
  if (drive.rotational === false) return 'flash';
  return 'unknown';
}

export interface Technique {
  technique: string;
  resultKind: PurgeResultKind;
  /** Level on a hard disk, and on flash (or an unknown medium, treated as flash: the stricter reading). */
  level: { hdd: NistLevel; flash: NistLevel };
  basis: Text;
}

const purge = { hdd: 'purge', flash: 'purge' } as const;
const clear = { hdd: 'clear', flash: 'clear' } as const;
const hddPurgeOnly = { hdd: 'purge', flash: 'clear' } as const;

const SANITIZE_BASIS = text(
  'Commande Sanitize du disque : Purge selon NIST SP 800-88 et IEEE 2883, si le micrologiciel est conforme.',
  'The drive’s Sanitize command: Purge under NIST SP 800-88 and IEEE 2883, assuming compliant firmware.',
);
const OVERWRITE_ON_FLASH = text(
  'Réécriture interne : Purge sur disque dur ; sur mémoire flash, NIST ne la reconnaît que comme « Effacement ».',
  'Internal overwrite: Purge on a hard disk; on flash NIST only recognises it as Clear.',
);

const TCG_BASIS = text(
  'Effacement cryptographique TCG Opal (Revert : toutes les clés de chiffrement sont régénérées) : Purge selon NIST SP 800-88, si le micrologiciel est conforme.',
  'TCG Opal cryptographic erase (Revert: every encryption key is regenerated): Purge under NIST SP 800-88, assuming compliant firmware.',
);
const EMMC_BASIS = text(
  'Effacement par le contrôleur eMMC : compté Clear, car NIST SP 800-88 ne reconnaît pas de Purge pour ces mémoires ; il atteint pourtant des blocs que la réécriture ne touche pas.',
  'Erase by the eMMC controller: counted as Clear, since NIST SP 800-88 recognises no Purge for this memory; it still reaches blocks an overwrite cannot.',
);

export const TECHNIQUES: Record<PurgeEngineId, Technique> = {
  'ata-sanitize-crypto': {
    technique: 'Sanitize Crypto Erase',
    resultKind: 'changed',
    level: purge,
    basis: SANITIZE_BASIS,
  },
  'ata-sanitize-block': {
    technique: 'Sanitize Block Erase',
    resultKind: 'pattern',
    level: purge,
    basis: SANITIZE_BASIS,
  },
  'ata-sanitize-overwrite': {
    technique: 'Sanitize Overwrite',
    resultKind: 'pattern',
    level: hddPurgeOnly,
    basis: OVERWRITE_ON_FLASH,
  },
  'ata-security-erase-enhanced': {
    technique: 'Enhanced Secure Erase',
    resultKind: 'pattern',
    level: hddPurgeOnly,
    basis: text(
      'Effacement sécurisé amélioré ATA : Purge sur disque dur ; seulement « Effacement » sur mémoire flash (NIST SP 800-88 Rev. 1, annexe A).',
      'ATA Enhanced Security Erase: Purge on a hard disk; "only a Clear mechanism" on flash (NIST SP 800-88 Rev. 1, Appendix A).',
    ),
  },
  'ata-security-erase': {
    technique: 'Secure Erase',
    resultKind: 'pattern',
    level: clear,
    basis: text(
      'Effacement sécurisé ATA normal : niveau « Effacement » (IEEE 2883) ; il ne couvre pas les zones cachées.',
      'Normal ATA Security Erase: Clear (IEEE 2883); it does not reach hidden areas.',
    ),
  },
  'nvme-sanitize-crypto': {
    technique: 'Sanitize Crypto Erase',
    resultKind: 'changed',
    level: purge,
    basis: SANITIZE_BASIS,
  },
  'nvme-sanitize-block': {
    technique: 'Sanitize Block Erase',
    resultKind: 'pattern',
    level: purge,
    basis: SANITIZE_BASIS,
  },
  'nvme-sanitize-overwrite': {
    technique: 'Sanitize Overwrite',
    resultKind: 'pattern',
    level: purge,
    basis: SANITIZE_BASIS,
  },
  'nvme-format-crypto': {
    technique: 'Cryptographic Erase (Format NVM, SES=2)',
    resultKind: 'changed',
    level: purge,
    basis: text(
      'Formatage NVMe avec effacement cryptographique : Purge selon NIST SP 800-88 Rev. 1 (annexe A) ; IEEE 2883 le dit « Effacement, Purge possible ».',
      'NVMe Format with Crypto Erase: Purge under NIST SP 800-88 Rev. 1 (Appendix A); IEEE 2883 calls it "Clear, possibly Purge".',
    ),
  },
  'nvme-format-user-data': {
    technique: 'Format NVM User Data Erase (SES=1)',
    resultKind: 'pattern',
    level: clear,
    basis: text(
      'Formatage NVMe avec effacement des données : niveau « Effacement » (IEEE 2883) ; le contrôleur peut se contenter de renvoyer des zéros.',
      'NVMe Format with User Data Erase: Clear (IEEE 2883); the controller may merely return zeros.',
    ),
  },
  'scsi-sanitize-crypto': {
    technique: 'Sanitize Crypto Erase',
    resultKind: 'changed',
    level: purge,
    basis: SANITIZE_BASIS,
  },
  'scsi-sanitize-block': {
    technique: 'Sanitize Block Erase',
    resultKind: 'pattern',
    level: purge,
    basis: SANITIZE_BASIS,
  },
  'scsi-sanitize-overwrite': {
    technique: 'Sanitize Overwrite',
    resultKind: 'pattern',
    level: hddPurgeOnly,
    basis: OVERWRITE_ON_FLASH,
  },
  'scsi-format-unit': {
    technique: 'Format Unit',
    resultKind: 'pattern',
    level: clear,
    basis: text(
      'FORMAT UNIT SCSI : niveau « Effacement » (IEEE 2883).',
      'SCSI FORMAT UNIT: Clear (IEEE 2883).',
    ),
  },
  'emmc-secure-discard': {
    technique: 'Secure Discard (eMMC)',
    resultKind: 'changed',
    level: clear,
    basis: text(
      'Effacement sécurisé eMMC : compté « Effacement » ; NIST recommande de détruire les cartes mémoire pour une Purge.',
      'eMMC secure discard: counted as Clear; NIST recommends destroying memory cards for Purge.',
    ),
  },

  'ata-security-erase-password': {
    technique: 'Secure Erase (drive password)',
    resultKind: 'pattern',
    level: hddPurgeOnly,
    basis: text(
      'Effacement sécurisé ATA avec le mot de passe du disque (utilisateur ou maître) : comme l’effacement sécurisé amélioré, Purge sur disque dur, Clear sur flash.',
      'ATA Security Erase with the drive’s password (user or master): like Enhanced Security Erase, Purge on a hard disk, Clear on flash.',
    ),
  },
  'tcg-revert': {
    technique: 'Cryptographic Erase (TCG Opal Revert)',
    resultKind: 'changed',
    level: purge,
    basis: TCG_BASIS,
  },
  'tcg-psid-revert': {
    technique: 'Cryptographic Erase (TCG PSID Revert)',
    resultKind: 'changed',
    level: purge,
    basis: TCG_BASIS,
  },
  'emmc-sanitize': {
    technique: 'eMMC Erase + Sanitize',
    resultKind: 'pattern',
    level: clear,
    basis: EMMC_BASIS,
  },
  'emmc-secure-erase': {
    technique: 'eMMC Secure Erase',
    resultKind: 'pattern',
    level: clear,
    basis: EMMC_BASIS,
  },
  'emmc-secure-trim': {
    technique: 'eMMC Secure Trim',
    resultKind: 'pattern',
    level: clear,
    basis: EMMC_BASIS,
  },
};

export function nistLevelOf(id: PurgeEngineId, drive: Drive): NistLevel {
  const { level } = TECHNIQUES[id];
  return mediumOf(drive) === 'hdd' ? level.hdd : level.flash;
}
