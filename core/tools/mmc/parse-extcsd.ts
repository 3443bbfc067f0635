/**
 * Pure parser for `mmc extcsd read <dev>` (mmc-utils `mmc_cmds.c`, `do_read_extcsd`):
 *
 *      Extended CSD rev 1.8 (MMC 5.1)
 *    Secure Feature support [SEC_FEATURE_SUPPORT: 0x55]
 *    Sector Count [SEC_COUNT: 0x03a3e000]
 *    Erased memory content [ERASED_MEM_CONT: 0x00]
 *
 * SEC_FEATURE_SUPPORT (JEDEC JESD84-B51 §7.4.x, mmc-utils `mmc.h`): bit 0 SECURE_ER_EN, bit 2 SEC_BD_BLK_EN,
 * bit 4 SEC_GB_CL_EN (trim), bit 6 SEC_SANITIZE. mmc-utils itself requires bits 0 and 4 for secure trim.
 */
import type { EmmcCapabilities } from '../../drive.js';

export function parseMmcExtcsd(output: string): EmmcCapabilities | null {
  const hex = (field: string): number | null => {
    const m = new RegExp(`\\[${field}: 0x([0-9a-fA-F]+)\\]`).exec(output);
    return m?.[1] ? Number.parseInt(m[1], 16) : null;
  };
  const rev = /Extended CSD rev 1\.(\d+)/.exec(output);
  if (!rev) return null;
  const sec = hex('SEC_FEATURE_SUPPORT');
  const bit = (n: number): boolean | null => (sec === null ? null : (sec & (1 << n)) !== 0);
  const erased = hex('ERASED_MEM_CONT');
  return {
    extCsdRevision: Number(rev[1]),
    secureErase: bit(0),
    secureTrim: sec === null ? null : (sec & 0x11) === 0x11,
    sanitize: bit(6),
    erasedByte: erased === null ? null : erased === 0 ? 0x00 : 0xff,
    sectorCount: hex('SEC_COUNT'),
  };
}
