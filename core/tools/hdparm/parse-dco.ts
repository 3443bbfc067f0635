/**
 * Pure parser for `hdparm --dco-identify <dev>` (hdparm 9.65 `dco_identify_print`):
 *
 *   DCO Checksum verified.            (or "DCO Checksum FAILED!")
 *   DCO Revision: 0x0002              (" -- unknown, treating as 0002" when 0 or > 2)
 *   The following features can be selectively disabled via DCO:
 *   \tTransfer modes:
 *   \t\t mdma0 mdma1 mdma2
 *   \t\t udma0 … udma6
 *   \tReal max sectors: 5860533168
 *   \tATA command/feature sets:
 *   \t\t SMART self_test error_log security HPA …
 *   \tSATA command/feature sets:
 *   \t\t NCQ …
 *
 * hdparm computes "Real max sectors" as (words 3–5) + 1, so an all-zero DCO page (QEMU answers one, revision
 * 0x0000) prints "Real max sectors: 1". Such a reading is kept in `reportedRealMaxSectors` but `realMaxSectors`
 * stays null: the real size is unknown, and 1 must never reach a size comparison.
 */

export interface HdparmDco {
  /** The drive's factory max sectors; null unless the DCO data looks real (see `trustworthy`). */
  realMaxSectors: number | null;
  /** "Real max sectors" as printed, even when untrustworthy. */
  reportedRealMaxSectors: number | null;
  /** "DCO Checksum verified." → true, "DCO Checksum FAILED!" → false. */
  checksumValid: boolean | null;
  revision: number | null;
  /** Transfer modes DCO could disable (e.g. "udma6"). */
  transferModes: string[];
  /** ATA feature sets DCO could disable (e.g. "security", "HPA", "48_bit"). */
  ataFeatures: string[];
  sataFeatures: string[];
  trustworthy: boolean;
  anomalies: string[];
}

type List = 'transfer' | 'ata' | 'sata' | null;

export function parseHdparmDco(text: string): HdparmDco {
  const out: HdparmDco = {
    realMaxSectors: null,
    reportedRealMaxSectors: null,
    checksumValid: null,
    revision: null,
    transferModes: [],
    ataFeatures: [],
    sataFeatures: [],
    trustworthy: false,
    anomalies: [],
  };
  let list: List = null;
  let realMaxText: string | null = null;

  for (const line of text.split(/\r?\n/)) {
    if (/DCO Checksum verified/.test(line)) out.checksumValid = true;
    else if (/DCO Checksum FAILED/.test(line)) out.checksumValid = false;

    const revision = /DCO Revision: 0x([0-9a-fA-F]{1,4})/.exec(line);
    if (revision?.[1]) out.revision = Number.parseInt(revision[1], 16);

    const realMax = /Real max sectors:\s*(\d+)/.exec(line);
    if (realMax?.[1]) {
      realMaxText = realMax[1];
      list = null;
      continue;
    }
    if (/^\tTransfer modes:/.test(line)) list = 'transfer';
    else if (/^\tATA command\/feature sets:/.test(line)) list = 'ata';
    else if (/^\tSATA command\/feature sets:/.test(line)) list = 'sata';
    else if (/^\t\t/.test(line) && list !== null) {
      // "(?):" marks items hdparm is unsure of on revision-1 pages; the names that follow are still listed.
      const words = line
        .trim()
        .split(/\s+/)
        .filter((w) => w !== '' && w !== '(?):');
      const target =
        list === 'transfer' ? out.transferModes : list === 'ata' ? out.ataFeatures : out.sataFeatures;
      target.push(...words.map((w) => w.replace(/\(\?\)$/, '')));
    } else if (!/^\t/.test(line)) list = null;
  }

  if (realMaxText === null) {
    out.anomalies.push('no "Real max sectors" line');
  } else {
    const n = Number(realMaxText);
    out.reportedRealMaxSectors = Number.isSafeInteger(n) ? n : null;
    // hdparm 9.60 printed huge wrapped values (nwipe hpa_dco.c); 2^48 sectors is past any ATA drive.
    if (!Number.isSafeInteger(n) || n > 2 ** 48)
      out.anomalies.push(`implausible real max sectors ${realMaxText}`);
    else if (n <= 1) out.anomalies.push(`real max sectors ${realMaxText}: empty DCO data`);
  }
  if (out.checksumValid === false) out.anomalies.push('DCO checksum failed');
  if (out.revision !== null && (out.revision === 0 || out.revision > 2)) {
    out.anomalies.push(`unknown DCO revision 0x${out.revision.toString(16).padStart(4, '0')}`);
  }
  out.trustworthy = out.anomalies.length === 0;
  if (out.trustworthy) out.realMaxSectors = out.reportedRealMaxSectors;
  return out;
}
