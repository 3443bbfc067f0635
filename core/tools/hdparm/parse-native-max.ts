/**
 * Pure parser for `hdparm -N <dev>` (hdparm 9.65 `hdparm.c`, `get_native_max_sectors`):
 *
 *   " max sectors   = <visible>/<native>, HPA is enabled|HPA is disabled"
 *   " max sectors   = <visible>/<native>, ACCESSIBLE MAX ADDRESS enabled|disabled"   (ACS-3 drives)
 *   " max sectors   = <visible>/<native>[(<dco max>?)], HPA setting seems invalid[ (buggy kernel device driver?)]"
 *
 * hdparm prints "seems invalid" when native < visible, which only a broken answer produces (USB bridges
 * answer 0/1 and still exit 0): the native figure is then withheld (null), never passed on as a size.
 */

export interface HdparmNativeMax {
  /** Sectors the host can address now (IDENTIFY capacity). */
  currentMaxSectors: number | null;
  /** Sectors the drive has natively; null when missing or when hdparm called the reading invalid. */
  nativeMaxSectors: number | null;
  /** Sectors are hidden beyond the visible max: HPA set, or ACCESSIBLE MAX ADDRESS enabled on ACS-3 drives. */
  hpaEnabled: boolean | null;
  /** ACCESSIBLE MAX ADDRESS state on ACS-3 drives; null when hdparm used the HPA wording (older drives). */
  accessibleMaxAddress: boolean | null;
  /** hdparm said "HPA setting seems invalid": the native max it read is not usable. */
  invalid: boolean;
  /** The "(N?)" DCO max hdparm adds to an invalid reading, as printed. */
  dcoMaxHint: number | null;
  /** The native figure exactly as printed, even when invalid, for diagnostics. */
  reportedNativeMaxSectors: number | null;
  anomalies: string[];
}

const MAX_LINE = /max sectors\s*=\s*(\d+)\s*\/\s*(\d+)(?:\((\d+)\?\))?\s*(?:,\s*([^\n]*?))?\s*$/m;

export function parseHdparmNativeMax(text: string): HdparmNativeMax {
  const out: HdparmNativeMax = {
    currentMaxSectors: null,
    nativeMaxSectors: null,
    hpaEnabled: null,
    accessibleMaxAddress: null,
    invalid: false,
    dcoMaxHint: null,
    reportedNativeMaxSectors: null,
    anomalies: [],
  };
  const m = MAX_LINE.exec(text);
  if (!m) return out;

  const visible = safeInt(m[1]);
  const native = safeInt(m[2]);
  const verdict = m[4] ?? '';
  out.reportedNativeMaxSectors = native;
  out.dcoMaxHint = safeInt(m[3]);

  if (/HPA setting seems invalid/i.test(verdict)) {
    out.invalid = true;
    out.currentMaxSectors = visible === 0 ? null : visible;
    out.anomalies.push(
      `hdparm: HPA setting seems invalid (${m[1]}/${m[2]}${m[3] ? `, DCO max ${m[3]}?` : ''})`,
    );
    return out;
  }
  // 0 sectors is no reading at all (seen from bridges): report nothing rather than a zero-sized drive.
  if (!visible || !native) {
    out.anomalies.push(`hdparm: unusable sector counts ${m[1]}/${m[2]}`);
    return out;
  }
  out.currentMaxSectors = visible;
  out.nativeMaxSectors = native;

  const ama = /ACCESSIBLE MAX ADDRESS (enabled|disabled)/i.exec(verdict);
  const hpa = /HPA is (enabled|disabled)/i.exec(verdict);
  const stated = ama?.[1] ?? hpa?.[1];
  if (ama) out.accessibleMaxAddress = ama[1]?.toLowerCase() === 'enabled';
  if (stated !== undefined) out.hpaEnabled = stated.toLowerCase() === 'enabled';
  // hdparm derives its wording from the same two numbers; disagreement means the text was not hdparm's.
  if (out.hpaEnabled !== null && out.hpaEnabled !== visible < native) {
    out.anomalies.push(`hdparm: "${verdict}" contradicts ${visible}/${native}`);
    out.hpaEnabled = null;
    out.accessibleMaxAddress = null;
  }
  return out;
}

function safeInt(digits: string | undefined): number | null {
  if (digits === undefined) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}
