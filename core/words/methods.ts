/**
 * The names of every erasure method: gomme's overwrite methods (erasure/methods.ts runs them) and the drives'
 * own firmware commands (erasure/purge). The ids are mirrored here so certificates and front ends name a
 * method from a record or a plan without importing the engines; erasure/methods.ts checks the two agree.
 * Command names (Sanitize, FORMAT UNIT) are proper names and stay as the standards spell them.
 */
import { type Text, text } from '../i18n.js';

export const OVERWRITE_METHOD_IDS = [
  'nist-clear',
  'zero',
  'one',
  'random',
  'random-then-zero',
  'dod-short',
  'dod-7',
  'gutmann',
  'hmg-is5-baseline',
  'hmg-is5-enhanced',
  'rcmp-ops2',
  'bsi-vsitr',
  'schneier',
] as const;
export type OverwriteMethodId = (typeof OVERWRITE_METHOD_IDS)[number];

export const OVERWRITE_METHOD_WORDS: Record<OverwriteMethodId, Text> = {
  'nist-clear': text('Réécriture NIST 800-88 (1 passe aléatoire)', 'NIST 800-88 Clear (1 random pass)'),
  zero: text('Remplissage de zéros', 'Fill with zeros'),
  one: text('Remplissage de uns (0xFF)', 'Fill with ones (0xFF)'),
  random: text('Flux aléatoire', 'Random stream'),
  'random-then-zero': text('Aléatoire puis zéros', 'Random then zeros'),
  'dod-short': text('DoD 5220.22-M court (3 passes)', 'DoD 5220.22-M short (3 passes)'),
  'dod-7': text('DoD 5220.22-M (7 passes)', 'DoD 5220.22-M (7 passes)'),
  gutmann: text('Gutmann (35 passes)', 'Gutmann (35 passes)'),
  'hmg-is5-baseline': text('HMG IS5 de base', 'HMG IS5 Baseline'),
  'hmg-is5-enhanced': text('HMG IS5 renforcé', 'HMG IS5 Enhanced'),
  'rcmp-ops2': text('RCMP TSSIT OPS-II', 'RCMP TSSIT OPS-II'),
  'bsi-vsitr': text('BSI VSITR (7 passes)', 'BSI VSITR (7 passes)'),
  schneier: text('Bruce Schneier (7 passes)', 'Bruce Schneier (7 passes)'),
};

export const PURGE_ENGINE_IDS = [
  'ata-sanitize-crypto',
  'ata-sanitize-block',
  'ata-sanitize-overwrite',
  'ata-security-erase-enhanced',
  'ata-security-erase',
  'nvme-sanitize-crypto',
  'nvme-sanitize-block',
  'nvme-sanitize-overwrite',
  'nvme-format-crypto',
  'nvme-format-user-data',
  'scsi-sanitize-crypto',
  'scsi-sanitize-block',
  'scsi-sanitize-overwrite',
  'scsi-format-unit',
  'emmc-secure-discard',
  'ata-security-erase-password',
  'tcg-revert',
  'tcg-psid-revert',
  'emmc-sanitize',
  'emmc-secure-erase',
  'emmc-secure-trim',
] as const;
export type PurgeEngineWordId = (typeof PURGE_ENGINE_IDS)[number];

const CRYPTO = text('effacement cryptographique', 'crypto erase');
const BLOCK = text('effacement des blocs', 'block erase');
const INTERNAL = text('réécriture interne', 'overwrite');
const sanitize = (bus: string, what: Text) =>
  text(`Sanitize ${bus}, ${what.fr}`, `${bus} Sanitize, ${what.en}`);

/** The drive's own command, as the plan and the certificate name it. */
export const PURGE_ENGINE_WORDS: Record<PurgeEngineWordId, Text> = {
  'ata-sanitize-crypto': sanitize('ATA', CRYPTO),
  'ata-sanitize-block': sanitize('ATA', BLOCK),
  'ata-sanitize-overwrite': sanitize('ATA', INTERNAL),
  'ata-security-erase-enhanced': text('Effacement sécurisé ATA amélioré', 'ATA Enhanced Security Erase'),
  'ata-security-erase': text('Effacement sécurisé ATA', 'ATA Security Erase'),
  'nvme-sanitize-crypto': sanitize('NVMe', CRYPTO),
  'nvme-sanitize-block': sanitize('NVMe', BLOCK),
  'nvme-sanitize-overwrite': sanitize('NVMe', INTERNAL),
  'nvme-format-crypto': text(
    'Formatage NVMe avec effacement cryptographique (SES=2)',
    'NVMe Format with crypto erase (SES=2)',
  ),
  'nvme-format-user-data': text(
    'Formatage NVMe avec effacement des données (SES=1)',
    'NVMe Format with user data erase (SES=1)',
  ),
  'scsi-sanitize-crypto': sanitize('SCSI', CRYPTO),
  'scsi-sanitize-block': sanitize('SCSI', BLOCK),
  'scsi-sanitize-overwrite': sanitize('SCSI', INTERNAL),
  'scsi-format-unit': text('Formatage SCSI (FORMAT UNIT)', 'SCSI FORMAT UNIT'),
  'emmc-secure-discard': text('Effacement sécurisé eMMC', 'eMMC secure erase'),
  'ata-security-erase-password': text(
    'Effacement sécurisé ATA avec le mot de passe du disque',
    'ATA Security Erase with the drive’s password',
  ),
  'tcg-revert': text('Remise à zéro TCG Opal (effacement cryptographique)', 'TCG Opal Revert (crypto erase)'),
  'tcg-psid-revert': text(
    'Remise à zéro par le PSID de l’étiquette (effacement cryptographique)',
    'PSID revert from the label (crypto erase)',
  ),
  'emmc-sanitize': text('Effacement puis Sanitize eMMC', 'eMMC Erase + Sanitize'),
  'emmc-secure-erase': text('Effacement sécurisé eMMC (secure erase)', 'eMMC Secure Erase'),
  'emmc-secure-trim': text('Effacement sécurisé eMMC (secure trim)', 'eMMC Secure Trim'),
};

/**
 * IEEE 2883 technique names as records and engines write them (erasure/purge/techniques.ts, other tools'
 * `cert issue` input): the record keeps the standard's English term, people read it in their language.
 */
export const TECHNIQUE_WORDS: Record<string, Text> = {
  Overwrite: text('Réécriture', 'Overwrite'),
  'Block Erase': text('Effacement des blocs', 'Block Erase'),
  'Cryptographic Erase': text('Effacement cryptographique', 'Cryptographic Erase'),
  'Sanitize Crypto Erase': text('Sanitize, effacement cryptographique', 'Sanitize Crypto Erase'),
  'Sanitize Block Erase': text('Sanitize, effacement des blocs', 'Sanitize Block Erase'),
  'Sanitize Overwrite': text('Sanitize, réécriture interne', 'Sanitize Overwrite'),
  'Enhanced Secure Erase': text('Effacement sécurisé amélioré', 'Enhanced Secure Erase'),
  'Secure Erase': text('Effacement sécurisé', 'Secure Erase'),
  'Cryptographic Erase (Format NVM, SES=2)': text(
    'Effacement cryptographique (formatage NVMe, SES=2)',
    'Cryptographic Erase (Format NVM, SES=2)',
  ),
  'Format NVM User Data Erase (SES=1)': text(
    'Effacement des données (formatage NVMe, SES=1)',
    'Format NVM User Data Erase (SES=1)',
  ),
  'Format Unit': text('Formatage (FORMAT UNIT)', 'Format Unit'),
  'Secure Discard (eMMC)': text('Effacement sécurisé (eMMC)', 'Secure Discard (eMMC)'),
  'Secure Erase (drive password)': text(
    'Effacement sécurisé (mot de passe du disque)',
    'Secure Erase (drive password)',
  ),
  'Cryptographic Erase (TCG Opal Revert)': text(
    'Effacement cryptographique (remise à zéro TCG Opal)',
    'Cryptographic Erase (TCG Opal Revert)',
  ),
  'Cryptographic Erase (TCG PSID Revert)': text(
    'Effacement cryptographique (remise à zéro par le PSID)',
    'Cryptographic Erase (TCG PSID Revert)',
  ),
  'eMMC Erase + Sanitize': text('Effacement puis Sanitize (eMMC)', 'eMMC Erase + Sanitize'),
  'eMMC Secure Erase': text('Effacement sécurisé (eMMC)', 'eMMC Secure Erase'),
  'eMMC Secure Trim': text('Effacement sécurisé par blocs (eMMC, secure trim)', 'eMMC Secure Trim'),
};

const isOverwrite = (id: string): id is OverwriteMethodId =>
  (OVERWRITE_METHOD_IDS as readonly string[]).includes(id);
const isEngine = (id: string): id is PurgeEngineWordId =>
  (PURGE_ENGINE_IDS as readonly string[]).includes(id);

/**
 * A method's name from its id (a plan's or a record's): gomme's overwrite methods and the drives' commands.
 * Null for an id this version does not name (a generic "overwrite" from another tool): show its own label.
 */
export function methodWords(id: string): Text | null {
  if (isOverwrite(id)) return OVERWRITE_METHOD_WORDS[id];
  if (isEngine(id)) return PURGE_ENGINE_WORDS[id];
  return null;
}

/** An IEEE 2883 technique name in words; one this version does not know is shown as written. */
export function techniqueWords(name: string): Text {
  return TECHNIQUE_WORDS[name] ?? text(name, name);
}
