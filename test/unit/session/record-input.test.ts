import { describe, expect, it } from 'vitest';
import { buildErasureRecord } from '../../../certificates/record/build-record.js';
import type { IoErrorRange } from '../../../core/events.js';
import type { JobOutcome, JobRow } from '../../../erasure/jobs/job-store.js';
import type { PlannedPass } from '../../../erasure/plan/resolve-passes.js';
import type { SessionFacts } from '../../../session/facts.js';
import { recordInputFor } from '../../../session/record-input.js';
import { nvmeDrive } from '../erasure/purge/script.js';

const facts: SessionFacts = {
  organisation: { name: 'Ressourcerie du Lac' },
  operator: 'Awa',
  donor: 'Mairie de Test',
  lot: 'LOT-1',
  destination: 'reuse',
  machine: { vendor: 'LENOVO', model: 'T480', serial: 'PF1', uuid: null, assetTag: null },
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
const AT = '2026-11-29T11:00:00.000Z';

function overwriteJob(
  errors: IoErrorRange[] = [],
  over: Partial<JobRow> = {},
): { job: JobRow; errors: IoErrorRange[] } {
  const passes: PlannedPass[] = [{ pattern: { type: 'constant', bytes: [0] }, verify: 'sample' }];
  const outcome: JobOutcome = {
    result: errors.length ? 'FAILED' : 'ERASED',
    errors,
    sizeBytes: drive.sizeBytes,
    bytesWritten: 4096,
    passesCompleted: 1,
    verification,
    ...times,
  };
  return {
    errors,
    job: {
      jobId: 'j1',
      batchId: 'b1',
      device: drive.path,
      drive,
      plan: {
        methodId: 'zero',
        methodLabel: 'Fill with zeros',
        nistLevel: 'clear',
        verify: 'sample',
        passes,
        verifySeed: 's',
      },
      state: 'finished',
      checkpoint: { pass: 1, offset: 0 },
      checkpointedAt: times.endedAt,
      owner: { pid: 1, start: 'boot:1' },
      startedAt: times.startedAt,
      endedAt: times.endedAt,
      segmentStartedAt: null,
      result: outcome.result,
      outcome,
      interruptions: [
        { detectedAt: '2026-11-29T10:02:00.000Z', pass: 0, offset: 4096, reason: 'process-died' },
      ],
      figures: { bytesWritten: drive.sizeBytes, passBytes: [drive.sizeBytes], seconds: 290 },
      recordId: null,
      discarded: null,
      refusal: null,
      ...over,
    },
  };
}

describe('recordInputFor (journal rows → record input)', () => {
  it('carries the asset tag and the inventory (diagnostics verdict) to the record', () => {
    const inventory = {
      cpu: 'Intel i5',
      memoryBytes: 8_000_000_000,
      notes: 'INCOMPLET : 1 fonction non testée',
    };
    const withIntake: SessionFacts = {
      ...facts,
      machine: { ...facts.machine, assetTag: 'INV-0042' },
      inventory,
    };
    const record = buildErasureRecord(recordInputFor([overwriteJob()], withIntake, AT));
    expect(record.machine).toMatchObject({ assetTag: 'INV-0042', inventory });
    expect(buildErasureRecord(recordInputFor([overwriteJob()], facts, AT)).machine.inventory).toBeNull();
  });

  it('an overwrite job becomes a Clear record with its passes, verification, errors and interruptions', () => {
    const error = {
      operation: 'write' as const,
      pass: 1,
      offset: 8192,
      length: 65536,
      code: 'EIO',
      message: 'Write error',
    };
    const record = buildErasureRecord(recordInputFor([overwriteJob([error])], facts, AT));
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

  it('bytes written are the journal’s figures across resumes, not the last run’s', () => {
    const record = buildErasureRecord(recordInputFor([overwriteJob()], facts, AT));
    expect(record.drives[0]?.bytesWritten).toBe(drive.sizeBytes);
  });

  it('is a function of the journal rows only: the same rows give the same record ID', () => {
    const a = buildErasureRecord(recordInputFor([overwriteJob()], facts, AT));
    const b = buildErasureRecord(recordInputFor([overwriteJob()], facts, '2027-01-01T00:00:00.000Z'));
    expect(a.recordId).toBe(b.recordId);
  });

  it('a discarded job is in the record as ABORTED, with why', () => {
    const { job, errors } = overwriteJob([], {
      result: 'ABORTED',
      discarded: { at: AT, reason: 'forgotten by the operator' },
    });
    const record = buildErasureRecord(recordInputFor([{ job, errors }], facts, AT));
    expect(record.drives[0]).toMatchObject({
      result: 'ABORTED',
      notes: expect.stringContaining('forgotten'),
    });
  });

  it('a firmware purge becomes a record that relies on the firmware, with the exact commands and tool version', () => {
    const base = overwriteJob();
    const job: JobRow = {
      ...base.job,
      plan: {
        ...base.job.plan,
        purge: { engine: 'nvme-format-user-data', technique: 'Format (User Data Erase)' },
        methodId: 'nvme-format-user-data',
        passes: [],
      },
      interruptions: [],
      outcome: {
        ...(base.job.outcome as JobOutcome),
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
    };
    const record = buildErasureRecord(recordInputFor([{ job, errors: [] }], facts, AT));
    expect(record.drives[0]?.sanitization).toMatchObject({
      method: 'nvme-format-user-data',
      ieee2883Technique: 'Format (User Data Erase)',
      reliesOnFirmware: true,
      commands: ['nvme format /dev/nvme0 --ses=1'],
      tool: { name: 'nvme (via gomme 0.1.0)', version: '2.13 (libnvme 1.13)' },
    });
    expect(record.drives[0]?.verification.method).toBe('sampling');
  });
});
