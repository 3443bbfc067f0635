/**
 * Pure parser for `lspci` text (`-nn -k` recommended; plain and `-v` work too): one entry per device with its
 * class, names, ids and kernel driver, plus the category diagnostics care about. Never throws.
 */

export type PciCategory = 'gpu' | 'ethernet' | 'wifi' | 'audio' | 'storage' | 'usb' | 'bluetooth' | 'other';

export interface PciDevice {
  slot: string;
  className: string;
  /** 4 hex digits from `-nn` ("0300"); null without -nn. */
  classCode: string | null;
  description: string;
  vendorId: string | null;
  deviceId: string | null;
  driver: string | null;
  category: PciCategory;
}

const HEAD = /^([0-9a-f]{2,4}:)?[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]\s+(.+?)(?:\s+\[([0-9a-f]{4})\])?:\s+(.*)$/i;

export function parseLspci(stdout: string): PciDevice[] {
  const devices: PciDevice[] = [];
  for (const line of String(stdout).split(/\r?\n/)) {
    const head = HEAD.exec(line);
    if (head) {
      const slot = line.split(/\s+/)[0] ?? '';
      const rest = head[4] ?? '';
      const ids = /\[([0-9a-f]{4}):([0-9a-f]{4})\]/i.exec(rest);
      const description = rest
        .replace(/\s*\[[0-9a-f]{4}:[0-9a-f]{4}\]/i, '')
        .replace(/\s*\(rev [0-9a-f]+\)/i, '')
        .replace(/\s*\(prog-if [^)]*\]?\)/i, '')
        .trim();
      const className = (head[2] ?? '').trim();
      const classCode = head[3]?.toLowerCase() ?? null;
      devices.push({
        slot,
        className,
        classCode,
        description,
        vendorId: ids?.[1]?.toLowerCase() ?? null,
        deviceId: ids?.[2]?.toLowerCase() ?? null,
        driver: null,
        category: categorize(className, classCode, description),
      });
      continue;
    }
    const driver = /^\s+Kernel driver in use:\s*(\S+)/.exec(line);
    const last = devices[devices.length - 1];
    if (driver?.[1] && last) last.driver = driver[1];
  }
  return devices;
}

function categorize(className: string, code: string | null, description: string): PciCategory {
  const c = className.toLowerCase();
  if (code?.startsWith('03') || /vga|3d controller|display controller/.test(c)) return 'gpu';
  if (code === '0200' || c === 'ethernet controller') return 'ethernet';
  if (code === '0280' || c === 'network controller') {
    return /bluetooth/i.test(description) ? 'bluetooth' : 'wifi';
  }
  if (code === '0403' || code === '0401' || /audio/.test(c)) return 'audio';
  if (code === '0c03' || c === 'usb controller') return 'usb';
  if (code?.startsWith('01') || /sata|ide|raid|non-volatile|mass storage|scsi/.test(c)) return 'storage';
  if (/bluetooth/.test(c)) return 'bluetooth';
  return 'other';
}
