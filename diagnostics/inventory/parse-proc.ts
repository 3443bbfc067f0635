/** Pure parsers for /proc/cpuinfo and /proc/meminfo. Unknown → null; never throws. */

export interface CpuInfo {
  model: string | null;
  vendor: string | null;
  /** Logical CPUs (processor entries). */
  threads: number;
  /** Physical cores: distinct (physical id, core id) pairs, else "cpu cores" × sockets; null when not said. */
  cores: number | null;
  flags: string[];
  /** The kernel's hypervisor flag: this is a virtual machine. */
  virtual: boolean;
}

export function parseCpuinfo(text: string): CpuInfo {
  const blocks = String(text)
    .split(/\n\s*\n/)
    .map((block) => {
      const fields: Record<string, string> = {};
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0) fields[line.slice(0, colon).trim()] ??= line.slice(colon + 1).trim();
      }
      return fields;
    })
    .filter((f) => f.processor !== undefined);
  const first = blocks[0] ?? {};
  const pairs = new Set(
    blocks.filter((b) => b['core id'] !== undefined).map((b) => `${b['physical id'] ?? 0}:${b['core id']}`),
  );
  const sockets = new Set(blocks.map((b) => b['physical id'] ?? '0')).size;
  const perSocket = Number(first['cpu cores']);
  const flags = (first.flags ?? first.Features ?? '').split(/\s+/).filter((f) => f !== '');
  return {
    model: first['model name'] ?? first.Processor ?? first['cpu model'] ?? null,
    vendor: first.vendor_id ?? first['CPU implementer'] ?? null,
    threads: blocks.length,
    cores:
      pairs.size > 0 ? pairs.size : Number.isInteger(perSocket) && perSocket > 0 ? perSocket * sockets : null,
    flags,
    virtual: flags.includes('hypervisor'),
  };
}

/** A /proc/meminfo field in bytes (the kernel prints kB = KiB). */
export function meminfoBytes(text: string, field = 'MemTotal'): number | null {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(String(text));
  return match ? Number(match[1]) * 1024 : null;
}
