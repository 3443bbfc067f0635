/**
 * Runs `gomme diag --quick --json` for real on this machine (memtester 16 MB, stress-ng 5 s, inventory) and
 * answers guided questions through stdin. Needs root, memtester and stress-ng.
 */
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { diagCommand } from '../../../cli/commands/diag.js';
import { makeContext } from '../../../cli/io.js';
import type { DiagReport } from '../../../diagnostics/run-diagnostics.js';

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

const isRoot = process.getuid?.() === 0;

describe.skipIf(!isRoot)('gomme diag --quick --json on this machine', () => {
  it('runs the automatic tests for real in under 2 minutes and takes answers on stdin', async () => {
    const out = capture();
    const err = capture();
    const ctx = makeContext({ stdout: out.stream, stderr: err.stream, env: {} }, 'en', true);
    const stdin = Readable.from(['{"answers":{"keyboard":"ok","cosmetic":"B","speakers":"unsure"}}']);
    const started = performance.now();
    const code = await diagCommand(ctx, { quick: true, save: false }, { stdin });
    const elapsed = performance.now() - started;
    expect(code).toBe(0);
    expect(elapsed).toBeLessThan(120_000);
    const report = JSON.parse(out.text()) as DiagReport;
    const byName = (name: string) => report.tests.filter((t) => t.name === name);

    expect(report.inventory.memory.totalBytes).toBeGreaterThan(0);
    expect(report.inventory.cpu.threads).toBeGreaterThan(0);
    expect(report.inventory.drives.length).toBeGreaterThan(0);

    const ram = byName('ram')[0];
    expect(ram?.status).toBe('pass');
    expect(ram?.values.exitCode).toBe(0);
    const cpu = byName('cpu')[0];
    expect(cpu?.status).toBe('pass');
    expect(cpu?.reasons.map((r) => r.code)).toContain('cpu-too-short');
    expect(report.inventory.cpu.score).toBeGreaterThan(0);

    // This VM has no battery, webcam or sound card: not-present, never pass or fail.
    for (const name of ['battery', 'webcam', 'audio']) {
      expect(byName(name).map((t) => t.status)).toEqual(['not-present']);
    }
    expect(byName('keyboard')[0]).toMatchObject({ kind: 'guided', status: 'pass' });
    expect(byName('speakers')[0]?.status).toBe('skipped');
    // No touchpad on this VM: its question is not asked and the part is not-present, not untested.
    expect(byName('touchpad')[0]?.status).toBe('not-present');
    expect(report.grade.cosmetic).toBe('B');
    expect(report.grade.functional.untested).toEqual(expect.arrayContaining(['cpu', 'speakers']));
    expect(report.grade.functional.status).toBe('incomplete');
    expect(report.grade.performance.cpuTier).not.toBeNull();
    process.stderr.write(`diag --quick took ${Math.round(elapsed)} ms\n`);
  });
});
