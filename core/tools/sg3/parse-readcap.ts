/**
 * Pure parser for `sg_readcap --long <dev>` (READ CAPACITY 16; sg3_utils `sg_readcap.c`):
 *
 *    Read Capacity results:
 *       Protection: prot_en=1, p_type=1, p_i_exponent=0 [type 2 protection]
 *       Logical block provisioning: lbpme=0, lbprz=0
 *       Last LBA=1758174767 (0x68cbe12f), Number of logical blocks=1758174768
 *       Logical block length=520 bytes
 *
 * It reads the drive's real format even when the kernel refused it (sd attaches a 520-byte drive with a
 * size of 0): the only way to see why a server drive looks empty.
 */

export interface SgReadcap {
  logicalBlockLength: number | null;
  logicalBlocks: number | null;
  protectionEnabled: boolean | null;
  /** T10 PI type 1–3 (p_type + 1) when enabled, else null. */
  protectionType: number | null;
  /** 2^exponent logical blocks per physical block. */
  physicalBlockExponent: number | null;
}

export function parseSgReadcap(output: string): SgReadcap {
  const int = (re: RegExp): number | null => {
    const m = re.exec(output);
    if (!m?.[1]) return null;
    const n = Number(m[1]);
    return Number.isSafeInteger(n) ? n : null;
  };
  const protEn = int(/prot_en=(\d)/);
  const pType = int(/p_type=(\d)/);
  return {
    logicalBlockLength: int(/Logical block length=(\d+) bytes/),
    logicalBlocks: int(/Number of logical blocks=(\d+)/),
    protectionEnabled: protEn === null ? null : protEn === 1,
    protectionType: protEn === 1 && pType !== null ? pType + 1 : null,
    physicalBlockExponent: int(/Logical blocks per physical block exponent=(\d+)/),
  };
}

/** Block lengths Linux's sd driver (and so gomme's overwrite) can use. */
export const HOST_BLOCK_LENGTHS = [512, 1024, 2048, 4096] as const;

export const isHostBlockLength = (n: number | null): boolean =>
  n !== null && (HOST_BLOCK_LENGTHS as readonly number[]).includes(n);
