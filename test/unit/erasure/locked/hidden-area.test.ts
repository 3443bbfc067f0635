import { describe, expect, it } from 'vitest';
import { buildDrive } from '../../../../core/detect/build-drive.js';
import type { CommandResult } from '../../../../core/run/runner.js';
import { planErasure } from '../../../../erasure/plan/plan-erasure.js';
import { restoreHiddenArea } from '../../../../erasure/purge/hidden-area.js';
import { hiddenAreas } from '../../../../session/record-input.js';
import { readFixture } from '../../../helpers/fixtures.js';
import { fakeDeps, qemuProbe, ScriptedRunner } from '../purge/script.js';

const out = (stdout: string): CommandResult => ({
  argv: [],
  exitCode: 0,
  signal: null,
  stdout,
  stderr: '',
  timedOut: false,
  durationMs: 1,
});
/** HAND-WRITTEN: hdparm 9.65 -N lines (get_native_max_sectors in hdparm.c); the corpus has no "HPA is enabled" capture. */
const HPA_ON = ' max sectors   = 3907029000/3907029168, HPA is enabled\n';
const HPA_OFF = ' max sectors   = 3907029168/3907029168, HPA is disabled\n';
const drive = buildDrive(
  qemuProbe('sda', {
    hdparmIdentify: out(readFixture('hdparm/samsung-850evo-2tb-notfrozen-enhanced-erase.txt', 'latin1')),
    hdparmNativeMax: out(HPA_ON),
  }),
  [],
);
const steps = (after: string) => [
  { argv: ['hdparm', '--yes-i-know-what-i-am-doing', '-N', 'p3907029168', '/dev/sda'], reply: {} },
  { argv: ['tee', '/sys/block/sda/device/rescan'], reply: { stdout: '1' } },
  { argv: ['hdparm', '-N', '/dev/sda'], reply: { stdout: after } },
];

describe('a Host Protected Area before an overwrite', () => {
  it('is planned for removal, with the range named in the plan', () => {
    const planned = planErasure(drive, { method: 'zero', siblings: [] });
    if (!planned.ok) throw new Error('refused');
    expect(planned.plan.job.restoreHpa).toBe(true);
    expect(planned.plan.notes.map((n) => n.fr).join(' ')).toContain('168 secteurs (3907029000 à 3907029167)');
  });

  it('removed: the record says "removed" and the result is not held back', async () => {
    const runner = new ScriptedRunner(steps(HPA_OFF));
    const prep = await restoreHiddenArea(drive, fakeDeps(runner));
    runner.expectDone();
    expect(prep.hpa).toEqual({ found: true, removed: true, firstSector: 3907029000, sectors: 168 });
    expect(hiddenAreas(drive, { preparation: prep }).hpa).toMatchObject({
      handling: 'removed',
      sectors: 168,
    });
  });

  it('refused by the drive: the hidden range stays, named on the record (ERASED_WITH_EXCEPTIONS)', async () => {
    const runner = new ScriptedRunner(steps(HPA_ON));
    const prep = await restoreHiddenArea(drive, fakeDeps(runner));
    runner.expectDone();
    expect(prep.hpa?.removed).toBe(false);
    expect(hiddenAreas(drive, { preparation: prep }).hpa).toEqual({
      found: true,
      handling: 'left-in-place',
      sectors: 168,
      firstSector: 3907029000,
    });
    expect(prep.notes[0]).toContain('sectors 3907029000–3907029167 stay hidden');
  });
});
