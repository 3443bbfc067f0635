import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../core/run/bundle.js';
import { replaySystem } from '../../core/run/system.js';
import { runDiagnostics } from '../../diagnostics/run-diagnostics.js';
import { QUICK_TIME_BOXES } from '../../diagnostics/types.js';
import { saveDiagnostics } from '../../session/save-diagnostics.js';
import { projectRoot } from '../helpers/fixtures.js';

const isRoot = process.getuid?.() === 0;

/**
 * A data partition that fills up while the report is written (a 4 KiB tmpfs, a report of several KiB): the
 * write fails with ENOSPC, and what is left is no report rather than half of one, and no temp file.
 */
describe.skipIf(!isRoot)('diagnostics report on a full data partition', () => {
  it('is not written, says so, and leaves no partial or temp file', async () => {
    const bundle = parseBundle(
      readFileSync(
        join(projectRoot, 'test/fixtures/captured/debian12-vm-virtio-two-loops-one-mounted.bundle.json'),
        'utf8',
      ),
    );
    const report = await runDiagnostics(replaySystem(bundle), { timeBoxes: QUICK_TIME_BOXES });
    expect(JSON.stringify(report, null, 1).length).toBeGreaterThan(4096);
    const dir = mkdtempSync(join(tmpdir(), `gomme-diag-full-${process.pid}-`));
    const mnt = join(dir, 'data');
    mkdirSync(mnt);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4k,mode=0700', 'tmpfs', mnt]);
    try {
      const saved = saveDiagnostics(mnt, report, new Date('2026-11-29T10:00:00Z'));
      expect(saved.status).toBe('not-written');
      expect(saved.problem?.fr).toContain('ENOSPC');
      expect(readdirSync(join(mnt, 'diagnostics'))).toEqual([]);
    } finally {
      execFileSync('umount', [mnt]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
