import { describe, expect, it } from 'vitest';
import { ownerAlive, ownerOf, type ProcReader, parseStartTicks } from '../../../session/owner.js';

// Captured on the team's machine (Debian 12, kernel 6.1): a process whose name holds spaces and parentheses.
const STAT =
  '14616 (g) (x y) S 1 14611 23216 0 -1 4194304 100 0 0 0 0 0 0 0 20 0 1 0 387798 2990080 421 18446744073709551615 94157994848256 94157994866185 140723900020416 0 0 0 0 0 0 1 0 0 17 0 0 0 0 0 0 94157994880272 94157994881536 94158676996096 140723900021479 140723900021494 140723900021494 140723900022763 0\n';
const BOOT = '1204902a-8faf-4392-9e2d-599a21b35ed8\n';
const BTIME = 1_796_612_310;

function proc(stats: Record<number, string>): ProcReader {
  return (path) => {
    if (path === '/proc/sys/kernel/random/boot_id') return BOOT;
    if (path === '/proc/stat') return `cpu 1 2 3\nbtime ${BTIME}\n`;
    const pid = Number(/^\/proc\/(\d+)\/stat$/.exec(path)?.[1]);
    return stats[pid] ?? null;
  };
}

describe('job owners: a PID and the start time of its process', () => {
  it('reads field 22 of /proc/PID/stat, whatever the command name holds', () => {
    expect(parseStartTicks(STAT)).toBe(387798);
    expect(parseStartTicks('1 (x) S')).toBeNull();
  });

  it('names a process by boot, PID and start time', () => {
    expect(ownerOf(14616, proc({ 14616: STAT }))).toEqual({ pid: 14616, start: `${BOOT.trim()}:387798` });
    expect(ownerOf(99, proc({}))).toEqual({ pid: 99, start: null });
  });

  it('only the very same process is alive: a reused PID is not', () => {
    const read = proc({ 14616: STAT });
    const owner = { pid: 14616, start: `${BOOT.trim()}:387798` };
    expect(ownerAlive(owner, '2026-12-07T00:00:00.000Z', read)).toBe(true);
    expect(ownerAlive({ ...owner, start: `${BOOT.trim()}:1000` }, '2026-12-07T00:00:00.000Z', read)).toBe(
      false,
    );
    expect(ownerAlive({ ...owner, start: `other-boot:387798` }, '2026-12-07T00:00:00.000Z', read)).toBe(
      false,
    );
    expect(ownerAlive({ pid: 77, start: owner.start }, '2026-12-07T00:00:00.000Z', read)).toBe(false);
  });

  it('a job from before start times were kept: a process that started after the job was taken is not its owner', () => {
    const read = proc({ 14616: STAT });
    const processStart = new Date((BTIME + 387798 / 100) * 1000);
    const before = new Date(processStart.getTime() - 3_600_000).toISOString();
    const after = new Date(processStart.getTime() + 3_600_000).toISOString();
    expect(ownerAlive({ pid: 14616, start: null }, before, read)).toBe(false);
    expect(ownerAlive({ pid: 14616, start: null }, after, read)).toBe(true);
    expect(ownerAlive(null, after, read)).toBe(false);
  });
});
