import { describe, expect, it } from 'vitest';
import type { Drive } from '../../../core/drive.js';
import { ProtectedDeviceError, UsageError } from '../../../core/errors.js';
import { text } from '../../../core/i18n.js';
import type { JobRow } from '../../../erasure/jobs/job-store.js';
import { plansOrRefuse, planTargets } from '../../../session/plan-targets.js';
import { planResume } from '../../../session/resume.js';
import { fakeDrive } from '../../component/tui/fakes.js';

const loop = (n: number, over: Partial<Drive> = {}) =>
  fakeDrive({
    path: `/dev/loop${n}`,
    name: `loop${n}`,
    serial: null,
    model: null,
    transport: 'loop',
    rotational: false,
    backingFile: `/tmp/disk${n}.img`,
    sizeBytes: 64 << 20,
    ...over,
  });

function nvme(ns: number, over: Partial<Drive> = {}): Drive {
  return fakeDrive({
    path: `/dev/nvme0n${ns}`,
    name: `nvme0n${ns}`,
    serial: `S4EL${ns}`,
    transport: 'nvme',
    rotational: false,
    capabilities: {
      overwrite: true,
      ataSecurity: null,
      ataSanitize: null,
      scsi: null,
      hiddenAreas: null,
      nvme: {
        controller: '/dev/nvme0',
        namespaceId: ns,
        namespaceCount: 2,
        formatSupported: true,
        cryptoFormatSupported: true,
        formatAppliesToAllNamespaces: true,
        sanitizeCrypto: true,
        sanitizeBlock: true,
        sanitizeOverwrite: false,
        noDeallocateInhibited: null,
        lbaFormats: [],
        currentLbaFormat: null,
      },
    },
    ...over,
  } as Partial<Drive>);
}

describe('planTargets', () => {
  it('a drive named twice is planned once', () => {
    const drives = [loop(0), loop(1)];
    const targets = planTargets(drives, ['/dev/loop0', '/dev/loop0', '/dev/loop1'], { method: 'zero' });
    expect(targets.map((t) => t.device)).toEqual(['/dev/loop0', '/dev/loop1']);
  });

  it('every other drive is a sibling: a controller-wide purge never reaches a protected namespace', () => {
    const free = nvme(1);
    const boot = nvme(2, {
      protected: true,
      protections: [{ reason: 'boot-medium', detail: text('monté sur /', 'mounted at /') }],
    } as Partial<Drive>);
    const [target] = planTargets([free, boot], [free.path], {});
    expect(target?.plan?.job.purge).toBeUndefined();
    const forced = planTargets([free, boot], [free.path], { method: 'nvme-sanitize-crypto' });
    expect(forced[0]?.refusal?.message.en).toContain(boot.path);
    // Alone on its controller, the same namespace gets the firmware purge.
    expect(planTargets([free], [free.path], {})[0]?.plan?.job.purge?.engine).toMatch(/^nvme-/);
  });

  it('refuses the whole command on one refusal: protected (exit 3) or policy (exit 2)', () => {
    const mounted = loop(2, {
      protected: true,
      protections: [{ reason: 'mounted', detail: text('monté sur /mnt', 'mounted at /mnt') }],
    } as Partial<Drive>);
    expect(() => plansOrRefuse(planTargets([loop(0), mounted], ['/dev/loop0', '/dev/loop2'], {}))).toThrow(
      ProtectedDeviceError,
    );
    expect(() => plansOrRefuse(planTargets([loop(0)], ['/dev/loop0'], { method: 'no-such-method' }))).toThrow(
      UsageError,
    );
  });
});

function job(id: string, drive: Drive, over: Partial<JobRow> = {}): JobRow {
  return {
    jobId: id,
    batchId: 'b',
    device: drive.path,
    drive,
    plan: {
      methodId: 'zero',
      methodLabel: 'zero',
      nistLevel: 'clear',
      verify: 'sample',
      passes: [],
      verifySeed: 's',
    },
    state: 'aborted',
    checkpoint: { pass: 0, offset: 0 },
    checkpointedAt: null,
    owner: { pid: 1, start: null },
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: null,
    segmentStartedAt: null,
    result: null,
    outcome: null,
    interruptions: [],
    figures: { bytesWritten: 0, passBytes: [], seconds: 0 },
    recordId: null,
    discarded: null,
    refusal: null,
    ...over,
  };
}

describe('planResume: at most one live job per drive', () => {
  const dead = () => false;

  it('two jobs for one drive: the newest resumes, the older is superseded', () => {
    const plan = planResume([job('old', loop(0)), job('new', loop(0))], [loop(0)], dead);
    expect(plan.resume.map((r) => r.job.jobId)).toEqual(['new']);
    expect(plan.superseded).toEqual([{ job: expect.objectContaining({ jobId: 'old' }), by: 'new' }]);
  });

  it('a job whose drive is gone is listed apart and never blocks the others', () => {
    const plan = planResume([job('gone', loop(5)), job('here', loop(0))], [loop(0)], dead);
    expect(plan.resume.map((r) => r.job.jobId)).toEqual(['here']);
    expect(plan.missing.map((j) => j.jobId)).toEqual(['gone']);
  });

  it('the drive is found by identity, not by its path (names change across reboots)', () => {
    const moved = loop(7, { backingFile: '/tmp/disk0.img' });
    const plan = planResume([job('j', loop(0))], [moved], dead);
    expect(plan.resume[0]?.drive.path).toBe('/dev/loop7');
  });

  it('a drive whose job still runs in a living process is left to it entirely', () => {
    const running = job('live', loop(0), { state: 'running' });
    const plan = planResume([job('older', loop(0)), running], [loop(0)], (j) => j.jobId === 'live');
    expect(plan).toMatchObject({
      resume: [],
      superseded: [],
      live: [expect.objectContaining({ jobId: 'live' })],
    });
  });
});
