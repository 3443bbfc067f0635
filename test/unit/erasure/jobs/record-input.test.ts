import { describe, expect, it } from 'vitest';
import { buildErasureRecord } from '../../../../certificates/record/build-record.js';
import { recordInputFor, type SessionFacts } from '../../../../erasure/jobs/record-input.js';
import type { JobResult } from '../../../../erasure/jobs/run-jobs.js';
import type { PlannedPass } from '../../../../erasure/plan/resolve-passes.js';
import { nvmeDrive } from '../../erasure/purge/script.js';

const session: SessionFacts = {
  organisation: { name: 'Ressourcerie du Lac' },
  operator: 'Awa',
  donor: 'Mairie de Test',
  lot: 'LOT-1',
  destination: 'reuse',
  machine: { vendor: 'LENOVO', model: 'T480', serial: 'PF1', uuid: null, assetTag: null, chassisType: 10 },
  software: { name: 'gomme', version: '0.1.0' },
};

const drive = nvmeDrive();
const verification = {
  mode: 'sample',
  passesVerified: 1,
  bytesRead: 1000,
  coverage: 0.1,
  mismatchedBytes: 0,
  passed: true,
};
const times = { startedAt: '2026-11-29T10:00:00.000Z', endedAt: '2026-11-29T10:05:00.000Z', seconds: 300 };

function overwriteResult(errors: JobResult['errors'] = []): JobResult {
  const passes: PlannedPass[] = [{ pattern: { type: 'constant', bytes: [0] }, verify: 'sample' }];
  return {
    job: {
      jobId: 'j1',
      drive,
      plan: {
        methodId: 'zero',
        methodLabel: 'Fill with zeros',
        nistLevel: 'clear',
        verify: 'sample',
        passes,
        verifySeed: 's',
      },
      resumeFrom: null,
      startedAt: times.startedAt,
    },
    outcome: {
      result: errors.length ? 'FAILED' : 'ERASED',
      errors,
      sizeBytes: drive.sizeBytes,
      bytesWritten: drive.sizeBytes,
      passesCompleted: 1,
      verification,
      ...times,
    },
    result: errors.length ? 'FAILED' : 'ERASED',
    errors,
    failure: null,
    interruptions: [
      { detectedAt: '2026-11-29T10:02:00.000Z', pass: 0, offset: 4096, reason: 'process-died' },
    ],
  };
}

describe('recordInputFor', () => {
  it('an overwrite job becomes a Clear record with its passes, verification, errors and interruptions', () => {
    const error = {
      operation: 'write' as const,
      pass: 1,
      offset: 8192,
      length: 65536,
      code: 'EIO',
      message: 'Write error',
    };
    const input = recordInputFor([overwriteResult([error])], session);
    const record = buildErasureRecord(input!);
    const [d] = record.drives;
    expect(d?.sanitization).toMatchObject({
      nistLevel: 'clear',
      method: 'zero',
      ieee2883Technique: 'Overwrite',
      reliesOnFirmware: false,
    });
    expect(d?.sanitization.passes).toEqual([{ pattern: '0x00', verified: true }]);
    expect(d?.verification).toMatchObject({ method: 'sampling', coveragePercent: 10, passed: true });
    expect(d?.errors).toEqual([
      { kind: 'write', offsetBytes: 8192, lengthBytes: 65536, message: 'EIO: Write error' },
    ]);
    expect(d?.interruptions).toEqual([
      expect.objectContaining({ reason: 'process-died', resumeOffsetBytes: 4096 }),
    ]);
    expect(d?.result).toBe('FAILED');
    expect(record.machine).toMatchObject({ vendor: 'LENOVO', model: 'T480', serial: 'PF1' });
    expect(record.lot.id).toBe('LOT-1');
  });

  it('a firmware purge becomes a record that relies on the firmware, with the exact commands and tool version', () => {
    const base = overwriteResult();
    const purgeResult: JobResult = {
      ...base,
      job: {
        ...base.job,
        plan: {
          ...base.job.plan,
          purge: { engine: 'nvme-format-user-data', technique: 'Format (User Data Erase)' },
          methodId: 'nvme-format-user-data',
          passes: [],
        },
      },
      outcome: {
        ...base.outcome!,
        bytesWritten: 0,
        verification: { ...verification, mode: 'purge-pattern' },
        purge: {
          engine: 'nvme-format-user-data',
          technique: 'Format (User Data Erase)',
          outcome: {
            engine: 'nvme-format-user-data',
            status: 'succeeded',
            completion: 'immediate',
            commands: [
              {
                argv: ['nvme', 'format', '/dev/nvme0', '--ses=1'],
                exitCode: 0,
                stdout: '',
                stderr: '',
                timedOut: false,
                startedAt: times.startedAt,
                durationMs: 900,
              },
            ],
            errors: [],
            failure: null,
            notes: [],
          },
          verification: null,
          toolVersions: { nvme: '2.13 (libnvme 1.13)' },
        },
      },
      interruptions: [],
    };
    const record = buildErasureRecord(recordInputFor([purgeResult], session)!);
    const s = record.drives[0]?.sanitization;
    expect(s).toMatchObject({
      method: 'nvme-format-user-data',
      ieee2883Technique: 'Format (User Data Erase)',
      reliesOnFirmware: true,
      commands: ['nvme format /dev/nvme0 --ses=1'],
      tool: { name: 'nvme (via gomme 0.1.0)', version: '2.13 (libnvme 1.13)' },
    });
    expect(record.drives[0]?.verification.method).toBe('sampling');
  });

  it('aborted jobs are not finished: no record for them', () => {
    const aborted: JobResult = { ...overwriteResult(), result: 'ABORTED' };
    expect(recordInputFor([aborted], session)).toBeNull();
  });
});
