/**
 * Factory master passwords, as data with their source. ATA drives ship with a master password the owner may
 * change; the Master Password Identifier (IDENTIFY word 92, hdparm's "Master password revision code") is
 * FFFEh = 65534 on the drives of the brands below as long as nobody changed it. A SECURITY ERASE UNIT with the
 * master password erases a drive locked with an unknown user password (in High and Maximum security alike).
 *
 * None of these strings comes from a vendor document gomme could read: the vendors do not publish them. They are
 * the values repeated by data-recovery references, so each try costs one of the drive's 5 and the dry run says
 * where the value comes from. hdparm sends the string NUL-padded to 32 bytes; the space padding is part of
 * the password where given.
 */

export interface FactoryMasterPassword {
  brand: string;
  /** Matches the IDENTIFY model string. */
  model: RegExp;
  password: string;
  source: string;
}

const COMMUNITY =
  'data-recovery references (HDD Guru forum list of factory master passwords); not published by the vendor';

/** 0xFFFE: the identifier these brands ship with; any other value means somebody set a new master password. */
export const FACTORY_MASTER_REVISION = 65534;

export const FACTORY_MASTER_PASSWORDS: readonly FactoryMasterPassword[] = [
  {
    brand: 'Western Digital',
    model: /^WDC\b/,
    password: 'WDCWDCWDCWDCWDCWDCWDCWDCWDCWDCW ',
    source: COMMUNITY,
  },
  { brand: 'Seagate', model: /^ST\d/, password: 'Seagate'.padEnd(32, ' '), source: COMMUNITY },
  { brand: 'Samsung', model: /^SAMSUNG\b/i, password: 't'.repeat(32), source: COMMUNITY },
  {
    brand: 'Hitachi / HGST',
    model: /^(Hitachi|HGST|HT[SE]\d|HD[ST]\d)/,
    password: ' '.repeat(32),
    source: COMMUNITY,
  },
  { brand: 'Toshiba', model: /^TOSHIBA\b/, password: ' '.repeat(32), source: COMMUNITY },
  { brand: 'Fujitsu', model: /^(FUJITSU|MH[VWYZ]\d)/, password: ' '.repeat(32), source: COMMUNITY },
];

/** At most this many factory candidates per run: the rest of the 5 tries stays for the technician's own. */
export const MAX_FACTORY_TRIES = 2;

export function factoryMasterCandidates(
  model: string | null,
  revision: number | null,
): FactoryMasterPassword[] {
  if (model === null || revision !== FACTORY_MASTER_REVISION) return [];
  return FACTORY_MASTER_PASSWORDS.filter((p) => p.model.test(model)).slice(0, MAX_FACTORY_TRIES);
}
