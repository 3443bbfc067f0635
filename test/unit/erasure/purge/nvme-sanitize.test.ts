import { describe, expect, it } from 'vitest';
import { nvmeSanitizeEngine } from '../../../../erasure/purge/nvme-sanitize.js';
import { readFixture } from '../../../helpers/fixtures.js';
import { captured, fakeDeps, firmwareProgress, nvmeDrive, ScriptedRunner, type Step } from './script.js';

const SN730 = readFixture('nvme/id-ctrl-wdc-sn730-256g-nvmecli1x.json');
const LOG = ['nvme', 'sanitize-log', '/dev/nvme0', '-o', 'json'];
const CRYPTO = ['nvme', 'sanitize', '/dev/nvme0', '--sanact=4'];

/**
 * HAND-WRITTEN: the nvme-cli 2.x sanitize-log layout (as in the parser's own tests); QEMU has no sanitize, so
 * no capture with a log body exists.
 */
function log(sprog: number, code: number, cdw10 = 0): Step['reply'] {
  const text = ['(0) Never sanitized', '(1) Completed successfully', '(2) In progress', '(3) Failed'][code];
  return {
    stdout: JSON.stringify({
      nvme0: {
        sprog,
        sstat: { global_erased: code === 1 ? 1 : 0, no_cmplted_passes: 0, status: text },
        cdw10_info: cdw10,
        time_over_write: 0xffffffff,
        time_block_erase: 120,
        time_crypto_erase: 10,
        time_over_write_no_dealloc: 0xffffffff,
        time_block_erase_no_dealloc: 0xffffffff,
        time_crypto_erase_no_dealloc: 0xffffffff,
      },
    }),
  };
}

const engine = nvmeSanitizeEngine('nvme-sanitize-crypto');

describe('NVMe Sanitize engine', () => {
  it('the QEMU controller (SANICAP 0) is not offered Sanitize', () => {
    expect(engine.supports(nvmeDrive()).ok).toBe(false);
    expect(engine.supports(nvmeDrive(SN730))).toEqual({ ok: true });
  });

  it('unreadable sanitize log (captured QEMU error): nothing is started', async () => {
    const runner = new ScriptedRunner([{ argv: LOG, reply: captured('nvme-sanitize-log-before') }]);
    const outcome = await engine.run(nvmeDrive(SN730), fakeDeps(runner));
    runner.expectDone();
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'status-unreadable' } });
  });

  it('command rejected (captured QEMU "Invalid Command Opcode") → failed with the reason', async () => {
    const runner = new ScriptedRunner([
      { argv: LOG, reply: log(65535, 0) },
      { argv: CRYPTO, reply: captured('nvme-sanitize-4') },
    ]);
    const outcome = await engine.run(nvmeDrive(SN730), fakeDeps(runner));
    runner.expectDone();
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'command-rejected' } });
    expect(outcome.failure?.message.en).toMatch(/Invalid Command Opcode/);
  });

  it('success: in progress → success, SPROG mapped onto firmware progress, NDI respected', async () => {
    const runner = new ScriptedRunner([
      { argv: LOG, reply: log(65535, 0) },
      { argv: CRYPTO, reply: {} },
      { argv: LOG, reply: log(16384, 2, 4) },
      { argv: LOG, reply: log(49152, 2, 4) },
      { argv: LOG, reply: log(65535, 1, 4) },
    ]);
    const deps = fakeDeps(runner);
    const outcome = await engine.run(nvmeDrive(SN730), deps);
    runner.expectDone();
    expect(outcome).toMatchObject({ status: 'succeeded', completion: 'transition', failure: null });
    expect(firmwareProgress(deps.events)).toEqual([0, 0.25, 0.75, 1]);
    // SN730 has NDI set: --no-dealloc must not be sent, and the record says why reads may be zeros.
    expect(outcome.notes.join()).toMatch(/No-Deallocate not requested/);
    expect(outcome.commands.map((c) => c.argv)).toContainEqual(CRYPTO);
  });

  it('already running (e.g. after a reboot): followed to the end, never restarted', async () => {
    const runner = new ScriptedRunner([
      { argv: LOG, reply: log(32768, 2, 4) },
      { argv: LOG, reply: log(65535, 1, 4) },
    ]);
    const deps = fakeDeps(runner);
    const outcome = await engine.run(nvmeDrive(SN730), deps);
    runner.expectDone();
    expect(outcome).toMatchObject({ status: 'already-running-followed', completion: 'transition' });
    expect(runner.calls.some((c) => c.argv[1] === 'sanitize')).toBe(false);
    expect(deps.events.some((e) => e.type === 'warning' && /already running/.test(e.message))).toBe(true);
  });

  it('failed: the log turns to "failed" → failed', async () => {
    const runner = new ScriptedRunner([
      { argv: LOG, reply: log(65535, 0) },
      { argv: CRYPTO, reply: {} },
      { argv: LOG, reply: log(1000, 2, 4) },
      { argv: LOG, reply: log(65535, 3, 4) },
    ]);
    const outcome = await engine.run(nvmeDrive(SN730), fakeDeps(runner));
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'drive-reported-failure' } });
  });

  it('aborted while following: stops waiting and says the sanitize goes on in the drive', async () => {
    const runner = new ScriptedRunner([
      { argv: LOG, reply: log(65535, 0) },
      { argv: CRYPTO, reply: {} },
      { argv: LOG, reply: log(1000, 2, 4) },
    ]);
    const deps = fakeDeps(runner);
    deps.sleep = async () => deps.abort.abort();
    const outcome = await engine.run(nvmeDrive(SN730), deps);
    runner.expectDone();
    expect(outcome.status).toBe('aborted');
    expect(outcome.notes.join()).toMatch(/cannot be stopped/);
  });

  it('success without change: an old success, identical before and after, never in progress → unconfirmed', async () => {
    const runner = new ScriptedRunner([
      { argv: LOG, reply: log(65535, 1, 4) },
      { argv: CRYPTO, reply: {} },
      { argv: LOG, reply: log(65535, 1, 4) },
    ]);
    const deps = fakeDeps(runner);
    const outcome = await engine.run(nvmeDrive(SN730), deps);
    expect(outcome).toMatchObject({ status: 'succeeded', completion: 'unconfirmed' });
    expect(outcome.notes.join()).toMatch(/verification must decide/);
  });

  it('immediate completion: never sanitized before, success at the first poll → immediate', async () => {
    const runner = new ScriptedRunner([
      { argv: LOG, reply: log(65535, 0) },
      { argv: CRYPTO, reply: {} },
      { argv: LOG, reply: log(65535, 1, 4) },
    ]);
    const outcome = await engine.run(nvmeDrive(SN730), fakeDeps(runner));
    expect(outcome).toMatchObject({ status: 'succeeded', completion: 'immediate' });
  });

  it('a drive that never starts (still "never sanitized" after 5 polls) fails', async () => {
    const steps: Step[] = [
      { argv: LOG, reply: log(65535, 0) },
      { argv: CRYPTO, reply: {} },
      ...Array.from({ length: 5 }, () => ({ argv: LOG, reply: log(65535, 0) })),
    ];
    const runner = new ScriptedRunner(steps);
    const outcome = await engine.run(nvmeDrive(SN730), fakeDeps(runner));
    runner.expectDone();
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'never-started' } });
  });

  it('block erase requests --no-dealloc when SANICAP NDI is clear', async () => {
    const json = JSON.parse(SN730) as Record<string, unknown>;
    const drive = nvmeDrive(JSON.stringify({ ...json, sanicap: 0x3 }));
    const block = nvmeSanitizeEngine('nvme-sanitize-block');
    const runner = new ScriptedRunner([
      { argv: LOG, reply: log(65535, 0) },
      { argv: ['nvme', 'sanitize', '/dev/nvme0', '--sanact=2', '--no-dealloc'], reply: {} },
      { argv: LOG, reply: log(65535, 1, 2) },
    ]);
    const outcome = await block.run(drive, fakeDeps(runner));
    expect(outcome.status).toBe('succeeded');
  });
});
