import { describe, expect, it } from 'vitest';
import type { Drive, Protection } from '../../../../core/drive.js';
import { DeviceNotFoundError } from '../../../../core/errors.js';
import type { IoErrorRange } from '../../../../core/events.js';
import { TargetsBusyError } from '../../../../erasure/io/errors.js';
import type { JobJournal, JobRefusal } from '../../../../erasure/jobs/job-store.js';
import { recheckTargets, refuseAll } from '../../../../erasure/jobs/refuse-targets.js';
import { fakeDrive } from '../../../component/tui/fakes.js';

const mounted: Protection = {
  reason: 'mounted',
  detail: {
    fr: 'loop9 (sur loop3) est monté sur /mnt/photos',
    en: 'loop9 (on loop3) is mounted at /mnt/photos',
  },
};

function target(jobId: string, path: string): { jobId: string; drive: Drive } {
  return { jobId, drive: fakeDrive({ path, name: path.slice(5) }) };
}

/** The journal part refuseAll writes to, in memory. */
function memoryJournal() {
  const errors = new Map<string, IoErrorRange[]>();
  const failed: string[] = [];
  const refused = new Map<string, JobRefusal>();
  const store: JobJournal = {
    checkpoint: () => {},
    addError: (id, e) => errors.set(id, [...(errors.get(id) ?? []), e]),
    errors: (id) => errors.get(id) ?? [],
    finish: () => {},
    fail: (id) => failed.push(id),
    refuse: (jobs) => {
      for (const { jobId, refusal } of jobs) refused.set(jobId, refusal);
    },
    get: () => ({ interruptions: [] }),
  };
  return { store, failed, errors, refused };
}

describe('recheckTargets: the storage graph read again right before the claim', () => {
  it('turns a protected drive into a refusal naming what rests on it, in French and English', async () => {
    const refused = await recheckTargets(
      [target('a', '/dev/loop3'), target('b', '/dev/loop4')],
      async (drive) => (drive.path === '/dev/loop3' ? [mounted] : []),
    );
    expect(refused).toEqual([
      {
        jobId: 'a',
        path: '/dev/loop3',
        ok: false,
        refusal: 'protected',
        errno: null,
        detail: mounted.detail.en,
        why: mounted.detail,
      },
    ]);
  });

  it('a drive gone since discovery is refused as gone; any other failure to read the graph is thrown', async () => {
    const gone = await recheckTargets([target('a', '/dev/loop3')], async (drive) => {
      throw new DeviceNotFoundError(drive.path);
    });
    expect(gone).toEqual([expect.objectContaining({ jobId: 'a', refusal: 'gone' })]);
    const broken = new Error('lsblk: exit 1');
    await expect(
      recheckTargets([target('a', '/dev/loop3')], async () => {
        throw broken;
      }),
    ).rejects.toBe(broken);
  });
});

describe('refuseAll: nothing written, the whole command refused', () => {
  it('throws TargetsBusyError (exit 3) naming each device and why; new jobs closed, resumed ones kept', async () => {
    const refused = await recheckTargets([target('a', '/dev/loop3')], async () => [mounted]);
    const journal = memoryJournal();
    const jobs = [
      { jobId: 'a', resumeFrom: null },
      { jobId: 'b', resumeFrom: null },
      { jobId: 'c', resumeFrom: { pass: 0, offset: 4096 } },
    ];
    let thrown: unknown;
    try {
      refuseAll(jobs, refused, journal.store, '2026-12-07T07:00:00.000Z');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TargetsBusyError);
    const error = thrown as TargetsBusyError;
    expect(error.exitCode).toBe(3);
    expect(error.text.fr).toBe(
      "Rien n'a été écrit : ce disque ne peut pas être effacé maintenant : /dev/loop3 (protégé : loop9 (sur loop3) est monté sur /mnt/photos).",
    );
    expect(error.text.en).toContain('/dev/loop3 (protected: loop9 (on loop3) is mounted at /mnt/photos)');
    // New jobs end refused (not failed: nothing was written), each with its own reason; no error is recorded.
    expect(journal.failed).toEqual([]);
    expect(journal.errors.size).toBe(0);
    expect([...journal.refused.keys()]).toEqual(['a', 'b']);
    expect(journal.refused.get('a')).toEqual({ code: 'protected', errno: null, detail: mounted.detail });
    expect(journal.refused.get('b')).toEqual({
      code: 'other-target',
      errno: null,
      detail: { fr: '/dev/loop3', en: '/dev/loop3' },
    });
    // The resumed job was written to before: it stays resumable.
    expect(journal.refused.has('c')).toBe(false);
  });
});
