import { describe, expect, it } from 'vitest';
import { nvmeFormatEngine } from '../../../../erasure/purge/nvme-format.js';
import { judgePurge } from '../../../../erasure/purge/verify-purge.js';
import { readFixture } from '../../../helpers/fixtures.js';
import { captured, fakeDeps, firmwareProgress, nvmeDrive, ScriptedRunner } from './script.js';

/** Time-outs come from the estimate: SES=1 ≈ 10 min × 3, SES=2 (a key change) the 10-minute floor. */
const FORMAT = (ses: number) => [
  'nvme',
  'format',
  '/dev/nvme0',
  '--namespace-id=1',
  `--ses=${ses}`,
  '--lbaf=0',
  `--timeout=${ses === 2 ? 600_000 : 1_800_000}`,
  '--force',
];
const ID_NS = ['nvme', 'id-ns', '/dev/nvme0n1', '-o', 'json'];

/** The QEMU controller with FNA bit 2 set (crypto erase as part of format): QEMU itself reports fna 0. */
function cryptoFormatDrive() {
  const json = JSON.parse(readFixture('qemu/bios-cdrom-full/nvme-id-ctrl.out')) as Record<string, unknown>;
  return nvmeDrive(JSON.stringify({ ...json, fna: 4 }));
}

describe('NVMe Format engine over captured QEMU outputs', () => {
  it('SES=1 succeeds: exact argv to the controller, sector format kept, progress 0 → 1', async () => {
    const runner = new ScriptedRunner([
      { argv: FORMAT(1), reply: captured('nvme-format-ses1') },
      { argv: ID_NS, reply: captured('nvme-id-ns') },
    ]);
    const deps = fakeDeps(runner);
    const outcome = await nvmeFormatEngine(1).run(nvmeDrive(), deps);
    runner.expectDone();
    expect(outcome).toMatchObject({
      engine: 'nvme-format-user-data',
      status: 'succeeded',
      completion: 'immediate',
    });
    expect(outcome.commands[0]).toMatchObject({
      argv: FORMAT(1),
      exitCode: 0,
      stdout: 'Success formatting namespace:1\n',
    });
    expect(outcome.notes.join()).toMatch(/only namespace 1 was formatted/);
    expect(firmwareProgress(deps.events)).toEqual([0, 1]);
  });

  it('SES=2 is refused on the QEMU controller (FNA bit 2 clear) without running anything', async () => {
    const engine = nvmeFormatEngine(2);
    expect(engine.supports(nvmeDrive()).ok).toBe(false);
    const runner = new ScriptedRunner([]);
    const outcome = await engine.run(nvmeDrive(), fakeDeps(runner));
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'unsupported' } });
    expect(outcome.commands).toEqual([]);
  });

  it('SES=2 succeeds where FNA bit 2 is set (captured SES=2 output)', async () => {
    const runner = new ScriptedRunner([
      { argv: FORMAT(2), reply: captured('nvme-format-ses2') },
      { argv: ID_NS, reply: captured('nvme-id-ns') },
    ]);
    const outcome = await nvmeFormatEngine(2).run(cryptoFormatDrive(), fakeDeps(runner));
    expect(outcome).toMatchObject({ engine: 'nvme-format-crypto', status: 'succeeded' });
  });

  it('failed: the controller rejects the format (exit 1) → failed with the reason, io-error emitted', async () => {
    const runner = new ScriptedRunner([
      // HAND-WRITTEN: nvme-cli's status line for a format refused while a sanitize runs; no capture exists.
      {
        argv: FORMAT(1),
        reply: {
          exitCode: 1,
          stderr:
            'NVMe status: Sanitize In Progress: The requested function is prohibited while a sanitize operation is in progress(0x11d)\n',
        },
      },
    ]);
    const deps = fakeDeps(runner);
    const outcome = await nvmeFormatEngine(1).run(nvmeDrive(), deps);
    runner.expectDone();
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'command-rejected' } });
    expect(outcome.failure?.message.en).toMatch(/Sanitize In Progress/);
    expect(deps.events.some((e) => e.type === 'io-error' && e.error.operation === 'command')).toBe(true);
  });

  it('exit 0 without the success line is not success (the runner output is checked, not just the code)', async () => {
    // HAND-WRITTEN: an empty stdout with exit 0, as a wrapper or a broken nvme-cli might give.
    const runner = new ScriptedRunner([{ argv: FORMAT(1), reply: { exitCode: 0, stdout: '' } }]);
    const outcome = await nvmeFormatEngine(1).run(nvmeDrive(), fakeDeps(runner));
    expect(outcome.status).toBe('failed');
  });

  it('aborted before the command: nothing is run', async () => {
    const runner = new ScriptedRunner([]);
    const deps = fakeDeps(runner);
    deps.abort.abort();
    const outcome = await nvmeFormatEngine(1).run(nvmeDrive(), deps);
    expect(outcome.status).toBe('aborted');
    expect(runner.calls).toEqual([]);
  });

  it('success without change: the engine reports success, sample verification fails it', async () => {
    const runner = new ScriptedRunner([
      { argv: FORMAT(1), reply: captured('nvme-format-ses1') },
      { argv: ID_NS, reply: captured('nvme-id-ns') },
    ]);
    const outcome = await nvmeFormatEngine(1).run(nvmeDrive(), fakeDeps(runner));
    const samples = [{ offset: 0, length: 4096, sha256: 'cf2e4a45', pattern: null }];
    const verdict = judgePurge(samples, samples, 'pattern', outcome);
    expect(outcome.status).toBe('succeeded');
    expect(verdict.passed).toBe(false);
    expect(verdict.unchanged).toBe(1);
  });
});
