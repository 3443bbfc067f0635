/**
 * Pure parser for `sedutil-cli --query <dev>` (Drive Trust Alliance sedutil 1.x, `DtaDev::puke`): the Level 0
 * Discovery of a TCG storage device, one block per feature:
 *
 *    /dev/sda ATA Samsung SSD 860 EVO 500GB RVT04B6Q S3Z1NB0K123456X
 *    Locking function (0x0002)
 *        Locked = N, LockingEnabled = N, LockingSupported = Y, MBRDone = N, MBREnabled = N, MediaEncrypt = Y
 *    OPAL 2.0 function (0x0203)
 *    Block SID Authentication (0x0402)
 *        SID equals MSID = Y, SID blocked = N, HW Reset can clear  = N
 *    **** 1 **** Unknown function codes IGNORED
 *
 * A drive that is no SED, or one the kernel keeps sedutil from (libata needs `libata.allow_tpm=1`), makes it
 * print "Invalid or unsupported disk" and exit non-zero: then `sed` is false only for the first, null otherwise.
 */
import type { TcgCapabilities } from '../../drive.js';

export interface SedutilQuery {
  /** The drive answered Level 0 Discovery with at least one security subsystem class. */
  sed: boolean | null;
  model: string | null;
  serial: string | null;
  capabilities: TcgCapabilities | null;
}

const YN = (text: string, key: string): boolean | null => {
  const m = new RegExp(`${key}\\s*=\\s*([YN])`).exec(text);
  return m ? m[1] === 'Y' : null;
};

export function parseSedutilQuery(output: string): SedutilQuery {
  const header = /^\/dev\/\S+ (?:ATA|SAS|USB|NVMe|OTHER) (.*)$/m.exec(output);
  const opal1 = /Opal V1\.0 function/.test(output);
  const opal2 = /OPAL 2\.0 function/.test(output);
  const enterprise = /Enterprise function/.test(output);
  const unnamed = Number(/\*\*\*\* (\d+) \*\*\*\* Unknown function codes/.exec(output)?.[1] ?? 0);
  const locking = /Locking function \(0x0002\)\s*\n([^\n]*)/.exec(output)?.[1] ?? '';
  const blockSid = /Block SID Authentication[^\n]*\n([^\n]*)/.exec(output)?.[1] ?? '';
  const anySsc = opal1 || opal2 || enterprise || unnamed > 0;
  if (!header && !anySsc) {
    // "Invalid or unsupported disk": either no SED, or the kernel blocked the TRUSTED commands. Unknown.
    return { sed: null, model: null, serial: null, capabilities: null };
  }
  const words = (header?.[1] ?? '').trim().split(/\s+/);
  return {
    sed: anySsc,
    model: words.length >= 3 ? words.slice(0, -2).join(' ') : null,
    serial: words.length >= 3 ? (words.at(-1) ?? null) : null,
    capabilities: anySsc
      ? {
          opal1,
          opal2,
          enterprise,
          unnamedFeatures: Number.isSafeInteger(unnamed) ? unnamed : 0,
          lockingSupported: YN(locking, 'LockingSupported'),
          lockingEnabled: YN(locking, 'LockingEnabled'),
          locked: YN(locking, 'Locked'),
          mbrEnabled: YN(locking, 'MBREnabled'),
          mbrDone: YN(locking, 'MBRDone'),
          mediaEncrypt: YN(locking, 'MediaEncrypt'),
          sidEqualsMsid: YN(blockSid, 'SID equals MSID'),
        }
      : null,
  };
}

/** `sedutil-cli --printDefaultPassword <dev>` prints "MSID: <password>" (the factory SID). */
export function parseSedutilMsid(output: string): string | null {
  return /^MSID: (\S+)\s*$/m.exec(output)?.[1] ?? null;
}

/**
 * `sedutil-cli --scan`: one line per disk, "/dev/sda   12E Model Firmware" (1 = Opal 1, 2 = Opal 2,
 * E = Enterprise) or "/dev/sdb   No  Model Firmware".
 */
export interface SedutilScanLine {
  device: string;
  opal1: boolean;
  opal2: boolean;
  enterprise: boolean;
  sed: boolean;
}

export function parseSedutilScan(output: string): SedutilScanLine[] {
  const out: SedutilScanLine[] = [];
  for (const line of output.split(/\r?\n/)) {
    const m = /^(\/dev\/\S+)\s+(No\s|([1 ])([2 ])([E ]))/.exec(line);
    if (!m?.[1]) continue;
    const no = m[2]?.startsWith('No') === true;
    const opal1 = !no && m[3] === '1';
    const opal2 = !no && m[4] === '2';
    const enterprise = !no && m[5] === 'E';
    out.push({ device: m[1], opal1, opal2, enterprise, sed: opal1 || opal2 || enterprise });
  }
  return out;
}
