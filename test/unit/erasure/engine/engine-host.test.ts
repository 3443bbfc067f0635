import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../../../erasure/engine/engine-host.js';
import type { FromEngine } from '../../../../erasure/engine/engine-protocol.js';
import { chunkBytesFor, threadPoolSize } from '../../../../erasure/engine/engine-sizing.js';
import type { PlannedPass } from '../../../../erasure/plan/resolve-passes.js';
import { MemoryBlockDevice } from '../../../helpers/memory-block-device.js';

const MiB = 1 << 20;
const zeros: PlannedPass = { pattern: { type: 'constant', bytes: [0] }, verify: 'none' };

function host(devices: Record<string, MemoryBlockDevice>) {
  const sent: FromEngine[] = [];
  let exited = false;
  const engine = new EngineHost({
    send: (m) => sent.push(m),
    open: async (t) => {
      const device = devices[t.path];
      if (!device) throw new Error(`no ${t.path}`);
      return device;
    },
    exit: () => {
      exited = true;
    },
  });
  return { engine, sent, exited: () => exited };
}

const spec = (jobId: string, device: string) => ({ jobId, device, passes: [zeros], verifySeed: 's' });

describe('EngineHost: the engine process side of the protocol', () => {
  it('claims, runs each job on its claimed device, reports checkpoints before the outcome, then releases', async () => {
    const a = new MemoryBlockDevice('/dev/a', 4 * MiB);
    const spare = new MemoryBlockDevice('/dev/spare', 4 * MiB);
    const { engine, sent, exited } = host({ '/dev/a': a, '/dev/spare': spare });
    await engine.handle({
      type: 'claim',
      targets: [
        { jobId: 'ja', path: '/dev/a', hold: true },
        { jobId: 'js', path: '/dev/spare', hold: true },
      ],
      stallMs: 1000,
      busyRetryMs: 0,
    });
    expect(sent.at(-1)).toMatchObject({ type: 'claimed', results: [{ ok: true }, { ok: true }] });
    await engine.handle({
      type: 'run',
      spec: spec('ja', '/dev/a'),
      tuning: { chunkBytes: MiB },
      openAtRun: false,
    });
    const types = sent.map((m) => m.type);
    expect(types.lastIndexOf('checkpoint')).toBeLessThan(types.indexOf('finished'));
    expect(sent.find((m) => m.type === 'finished')).toMatchObject({
      jobId: 'ja',
      outcome: { result: 'ERASED', bytesWritten: 4 * MiB },
    });
    expect(a.closed).toBe(true);
    // A claimed device whose job never ran is let go at release.
    expect(spare.closed).toBe(false);
    await engine.handle({ type: 'release' });
    expect(spare.closed).toBe(true);
    expect(exited()).toBe(true);
  });

  it('abort stops every running job at a checkpoint (ABORTED), and a job without a claim is refused', async () => {
    const big = new MemoryBlockDevice('/dev/big', 64 * MiB, { lateCopy: true });
    const { engine, sent } = host({ '/dev/big': big });
    await engine.handle({
      type: 'claim',
      targets: [{ jobId: 'jb', path: '/dev/big', hold: true }],
      stallMs: 1000,
      busyRetryMs: 0,
    });
    const running = engine.handle({
      type: 'run',
      spec: spec('jb', '/dev/big'),
      tuning: { chunkBytes: MiB },
      openAtRun: false,
    });
    await engine.handle({ type: 'abort' });
    await running;
    expect(sent.find((m) => m.type === 'finished')).toMatchObject({ outcome: { result: 'ABORTED' } });
    await engine.handle({ type: 'run', spec: spec('nope', '/dev/x'), tuning: {}, openAtRun: false });
    expect(sent.at(-1)).toMatchObject({ type: 'crashed', jobId: 'nope' });
  });

  it('opens at run time a drive that was only checked at the claim (its hidden area given back in between)', async () => {
    const grown = new MemoryBlockDevice('/dev/hpa', 6 * MiB);
    const { engine, sent } = host({ '/dev/hpa': grown });
    await engine.handle({
      type: 'claim',
      targets: [{ jobId: 'jh', path: '/dev/hpa', hold: false }],
      stallMs: 1000,
      busyRetryMs: 0,
    });
    expect(grown.closed).toBe(true); // the claim only checked it
    grown.closed = false;
    await engine.handle({
      type: 'run',
      spec: { ...spec('jh', '/dev/hpa'), expectedSizeBytes: null },
      tuning: { chunkBytes: MiB },
      openAtRun: true,
    });
    expect(sent.at(-1)).toMatchObject({
      type: 'finished',
      outcome: { result: 'ERASED', bytesWritten: 6 * MiB },
    });
  });

  it('sizes the pool so drives stuck in the kernel cannot take every thread', () => {
    // 2 writes + 1 generation + 1 other call per drive, + 4: Node's default of 4 is what two hung drives exhausted.
    expect(threadPoolSize(8, 2)).toBe(36);
    expect(threadPoolSize(1, 2)).toBe(8);
    expect(threadPoolSize(1000, 2)).toBe(1024);
  });

  it('keeps 4 MiB chunks up to four drives, then shares a 48 MiB budget (at least 1 MiB each)', () => {
    expect([1, 4, 5, 8, 9, 16, 64].map((n) => chunkBytesFor(n, 2) / MiB)).toEqual([4, 4, 2, 2, 1, 1, 1]);
  });
});
