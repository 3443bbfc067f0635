import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../certificates/config.js';
import { createOrganisationCa } from '../../../certificates/keys/station.js';
import { renderDriveCertificate } from '../../../certificates/pdf/render-drive.js';
import { buildErasureRecord } from '../../../certificates/record/build-record.js';
import { buildDrive } from '../../../core/detect/build-drive.js';
import type { JobRow } from '../../../erasure/jobs/job-store.js';
import { planErasure } from '../../../erasure/plan/plan-erasure.js';
import { notErasedOutcome } from '../../../erasure/purge/not-erased.js';
import type { SessionFacts } from '../../../session/facts.js';
import { recordInputFor } from '../../../session/record-input.js';
import { finalResult } from '../../../session/verdict.js';
import { projectRoot } from '../../helpers/fixtures.js';
import { qemuProbe } from '../../unit/erasure/purge/script.js';
import { tempDataDir, tool } from '../certificates/helpers.js';

/** A drive only destruction can clear: its record and its certificate say "not erased: to be destroyed", never ERASED. */
const data = tempDataDir('gomme-destroy-');
afterAll(() => data.cleanup());

const identify = readFileSync(
  join(projectRoot, 'test/fixtures/hand-edited/drives/hdparm-I-locked-maximum-master-changed.txt'),
  'latin1',
);
const drive = buildDrive(
  qemuProbe('sda', {
    hdparmIdentify: {
      argv: [],
      exitCode: 0,
      signal: null,
      stdout: identify,
      stderr: '',
      timedOut: false,
      durationMs: 1,
    },
  }),
  [],
);
const facts: SessionFacts = {
  organisation: { name: 'Ressourcerie du Lac' },
  operator: 'Awa',
  donor: 'Entreprise donatrice',
  lot: 'LOT-7',
  destination: 'reuse',
  machine: { vendor: 'DELL', model: 'Latitude', serial: 'D1', uuid: null, assetTag: null },
  software: { name: 'gomme', version: '0.1.0' },
};

describe('a locked drive nobody can unlock', () => {
  it('is planned as "to be destroyed", recorded FAILED with destination destruction, and its PDF says NON EFFACÉ', async () => {
    const planned = planErasure(drive, { siblings: [] });
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    const plan = planned.plan.job;
    expect(plan.destroy?.code).toBe('ata-locked');
    const at = '2026-12-01T10:00:00.000Z';
    const outcome = notErasedOutcome(drive, plan.destroy!, at);
    expect(finalResult(drive, outcome, 0)).toBe('FAILED');
    const job: JobRow = {
      jobId: 'j1',
      batchId: 'b1',
      device: drive.path,
      drive,
      plan,
      state: 'finished',
      checkpoint: { pass: 0, offset: 0 },
      checkpointedAt: at,
      owner: { pid: 1, start: 'boot:1' },
      startedAt: at,
      endedAt: at,
      segmentStartedAt: null,
      result: 'FAILED',
      outcome,
      interruptions: [],
      figures: { bytesWritten: 0, passBytes: [], seconds: 0 },
      recordId: null,
      discarded: null,
      refusal: null,
    } as JobRow;
    const record = buildErasureRecord(recordInputFor([{ job, errors: [] }], facts, at));
    const d = record.drives[0]!;
    expect(d).toMatchObject({ result: 'FAILED', destination: 'destruction', bytesWritten: 0 });
    expect(d.sanitization.nistLevel).toBe('destroy');
    expect(d.notErased?.reasonFr).toContain('verrouillé : à détruire physiquement');

    const org = createOrganisationCa({ organisation: 'Ressourcerie du Lac' });
    const rendered = await renderDriveCertificate(record, 1, {
      lang: 'fr',
      config: loadConfig(data.dir),
      identity: org,
    });
    const path = join(data.dir, 'destroy.pdf');
    writeFileSync(path, rendered.pdf);
    const text = tool('pdftotext', ['-layout', path, '-']).out;
    expect(text).toContain('NON EFFACÉ : À DÉTRUIRE');
    expect(text).toContain('destruction');
    expect(text).not.toMatch(/Résultat\s*:\s*EFFACÉ/);
  });

  it('a record cannot say "not erased" and send the drive anywhere but destruction', () => {
    const at = '2026-12-01T10:00:00.000Z';
    const planned = planErasure(drive, { siblings: [] });
    if (!planned.ok) throw new Error('no plan');
    const outcome = notErasedOutcome(drive, planned.plan.job.destroy!, at);
    const input = recordInputFor(
      [
        {
          job: {
            jobId: 'j',
            batchId: 'b',
            device: drive.path,
            drive,
            plan: planned.plan.job,
            state: 'finished',
            checkpoint: { pass: 0, offset: 0 },
            checkpointedAt: at,
            owner: { pid: 1, start: 'x' },
            startedAt: at,
            endedAt: at,
            segmentStartedAt: null,
            result: 'FAILED',
            outcome,
            interruptions: [],
            figures: { bytesWritten: 0, passBytes: [], seconds: 0 },
            recordId: null,
            discarded: null,
            refusal: null,
          } as JobRow,
          errors: [],
        },
      ],
      facts,
      at,
    );
    input.drives[0]!.destination = 'reuse';
    expect(() => buildErasureRecord(input)).toThrow(/destruction/);
  });
});
