import { describe, expect, it } from 'vitest';
import { DeviceNotFoundError } from '../../../../core/errors.js';
import { claimTargets } from '../../../../erasure/engine/claim-targets.js';
import type { ClaimTarget } from '../../../../erasure/engine/engine-protocol.js';
import type { BlockDevice } from '../../../../erasure/io/block-device.js';
import { DeviceBusyError, DeviceReadOnlyError } from '../../../../erasure/io/errors.js';
import { MemoryBlockDevice } from '../../../helpers/memory-block-device.js';

const MiB = 1 << 20;
const target = (jobId: string, hold = true): ClaimTarget => ({ jobId, path: `/dev/${jobId}`, hold });

function opener(failures: Record<string, () => Error | 'hang'>) {
  const devices = new Map<string, MemoryBlockDevice>();
  let attempts = 0;
  const open = async (t: ClaimTarget): Promise<BlockDevice> => {
    attempts++;
    const failure = failures[t.jobId]?.();
    if (failure === 'hang') return new Promise(() => {});
    if (failure) throw failure;
    const device = new MemoryBlockDevice(t.path, 4 * MiB);
    devices.set(t.jobId, device);
    return device;
  };
  return { open, devices, attempts: () => attempts };
}

describe('claimTargets: every target opened before anything is written', () => {
  it('holds every device when all open; probes (hold: false) are let go at once', async () => {
    const o = opener({});
    const { results, held } = await claimTargets([target('a'), target('b'), target('p', false)], {
      open: o.open,
      stallMs: 1000,
      busyRetryMs: 0,
    });
    expect(results.every((r) => r.ok)).toBe(true);
    expect([...held.keys()]).toEqual(['a', 'b']);
    expect(o.devices.get('p')?.closed).toBe(true);
    expect(o.devices.get('a')?.closed).toBe(false);
  });

  it('one busy, one read-only, one gone, one hung: all let go, each named with its reason', async () => {
    const o = opener({
      busy: () => new DeviceBusyError('/dev/busy'),
      ro: () => new DeviceReadOnlyError('/dev/ro'),
      gone: () => new DeviceNotFoundError('/dev/gone'),
      hung: () => 'hang',
    });
    const targets = ['ok', 'busy', 'ro', 'gone', 'hung'].map((id) => target(id));
    const { results, held } = await claimTargets(targets, { open: o.open, stallMs: 100, busyRetryMs: 0 });
    expect(held.size).toBe(0);
    expect(o.devices.get('ok')?.closed).toBe(true);
    expect(results.map((r) => (r.ok ? 'ok' : r.refusal))).toEqual([
      'ok',
      'busy',
      'read-only',
      'gone',
      'stalled',
    ]);
    expect(results[1]).toMatchObject({ path: '/dev/busy', errno: 'EBUSY' });
  });

  it('retries EBUSY for a while: an engine of a killed command lets go a moment later', async () => {
    let busyFor = 2;
    const o = opener({
      late: () => (busyFor-- > 0 ? new DeviceBusyError('/dev/late') : (undefined as never)),
    });
    const { results } = await claimTargets([target('late')], {
      open: o.open,
      stallMs: 1000,
      busyRetryMs: 2000,
    });
    expect(results[0]?.ok).toBe(true);
    expect(o.attempts()).toBe(3);
  });
});
