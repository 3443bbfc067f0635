import { describe, expect, it } from 'vitest';
import type { Drive } from '../../../../core/drive.js';
import { ataSanitizeEngine } from '../../../../erasure/purge/ata-sanitize.js';
import { readFixture } from '../../../helpers/fixtures.js';
import { captured, fakeDeps, firmwareProgress, ScriptedRunner, sataDrive } from './script.js';

const MX100 = readFixture('hdparm/crucial-mx100-512g-FROZEN-enhanced-sanitize-4kphys.txt', 'latin1');
/** HAND-WRITTEN (derived): the real MX100 IDENTIFY (SANITIZE, CRYPTO_SCRAMBLE, BLOCK_ERASE) once unfrozen. */
const mx100 = (): Drive => sataDrive(MX100.replace('\t\tfrozen', '\tnot\tfrozen'));

const STATUS = ['hdparm', '--sanitize-status', '/dev/sda'];
const CRYPTO = ['hdparm', '--yes-i-know-what-i-am-doing', '--sanitize-crypto-scramble', '/dev/sda'];
/**
 * HAND-WRITTEN: hdparm 9.65 `--sanitize-status` texts (sanitize_states_str; the SD2 example is the one in
 * shared/notes/device-commands.md §2). The only real capture is QEMU's "not supported".
 */
const sd0 = (completed: boolean) =>
  `\n/dev/sda:\nSanitize status:\n    State:    SD0 Sanitize Idle\n${completed ? '    Last Sanitize Operation Completed Without Error\n' : ''}`;
const sd2 = (raw: string, pct: number) =>
  `\n/dev/sda:\nSanitize status:\n    State:    SD2 Sanitize operation In Process\n    Progress: 0x${raw} (${pct}%)\n`;

const engine = ataSanitizeEngine('ata-sanitize-crypto');

describe('ATA Sanitize engine', () => {
  it('supports: the MX100 facts yes when unfrozen, no while frozen (real capture); QEMU AHCI no', () => {
    expect(engine.supports(mx100())).toEqual({ ok: true });
    expect(engine.supports(sataDrive(MX100)).ok).toBe(false);
    expect(engine.supports(sataDrive(readFixture('qemu/bios-cdrom-full/hdparm-I-sda.out'))).ok).toBe(false);
    expect(ataSanitizeEngine('ata-sanitize-overwrite').supports(mx100()).ok).toBe(false);
  });

  it('captured QEMU "SANITIZE feature set is not supported" → nothing is started', async () => {
    const runner = new ScriptedRunner([{ argv: STATUS, reply: captured('hdparm-sanitize-status') }]);
    const outcome = await engine.run(mx100(), fakeDeps(runner));
    runner.expectDone();
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'status-unreadable' } });
  });

  it('success: SD2 with progress, then SD0 completed → transition', async () => {
    const runner = new ScriptedRunner([
      { argv: STATUS, reply: { stdout: sd0(false) } },
      { argv: CRYPTO, reply: {} },
      { argv: STATUS, reply: { stdout: sd2('41c2', 25) } },
      { argv: STATUS, reply: { stdout: sd0(true) } },
    ]);
    const deps = fakeDeps(runner);
    const outcome = await engine.run(mx100(), deps);
    runner.expectDone();
    expect(outcome).toMatchObject({ status: 'succeeded', completion: 'transition' });
    expect(firmwareProgress(deps.events)).toEqual([0, 0.25, 1]);
  });

  it('already running: followed, no new command', async () => {
    const runner = new ScriptedRunner([
      { argv: STATUS, reply: { stdout: sd2('8000', 50) } },
      { argv: STATUS, reply: { stdout: sd0(true) } },
    ]);
    const outcome = await engine.run(mx100(), fakeDeps(runner));
    runner.expectDone();
    expect(outcome.status).toBe('already-running-followed');
  });

  it('failed: the error reason from stderr is kept', async () => {
    const runner = new ScriptedRunner([
      { argv: STATUS, reply: { stdout: sd0(false) } },
      { argv: CRYPTO, reply: {} },
      {
        argv: STATUS,
        reply: {
          stdout: sd0(false),
          stderr: 'SANITIZE device error reason: Last Sanitize Command completed unsuccessfully\n',
        },
      },
    ]);
    const outcome = await engine.run(mx100(), fakeDeps(runner));
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'drive-reported-failure' } });
    expect(outcome.failure?.message.en).toMatch(/completed unsuccessfully/);
  });

  it('sanitize-frozen (SD1): refused with the power-cycle advice', async () => {
    const runner = new ScriptedRunner([
      {
        argv: STATUS,
        reply: { stdout: '\n/dev/sda:\nSanitize status:\n    State:    SD1 Sanitize Frozen\n' },
      },
    ]);
    const outcome = await engine.run(mx100(), fakeDeps(runner));
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'sanitize-frozen' } });
  });

  it('aborted before start: nothing is sent', async () => {
    const deps = fakeDeps(new ScriptedRunner([]));
    deps.abort.abort();
    expect((await engine.run(mx100(), deps)).status).toBe('aborted');
  });

  it('success without change: "Completed Without Error" before and after, never SD2 → unconfirmed', async () => {
    const runner = new ScriptedRunner([
      { argv: STATUS, reply: { stdout: sd0(true) } },
      { argv: CRYPTO, reply: {} },
      { argv: STATUS, reply: { stdout: sd0(true) } },
    ]);
    const outcome = await engine.run(mx100(), fakeDeps(runner));
    expect(outcome).toMatchObject({ status: 'succeeded', completion: 'unconfirmed' });
  });

  it('overwrite sends one pass of a zero pattern', async () => {
    const drive: Drive = {
      ...mx100(),
      rotational: true,
      capabilities: {
        ...mx100().capabilities,
        ataSanitize: {
          supported: true,
          crypto: false,
          blockErase: false,
          overwrite: true,
          antifreezeLock: false,
        },
      },
    };
    const runner = new ScriptedRunner([
      { argv: STATUS, reply: { stdout: sd0(false) } },
      {
        argv: [
          'hdparm',
          '--yes-i-know-what-i-am-doing',
          '--sanitize-overwrite-passes',
          '1',
          '--sanitize-overwrite',
          'hex:00000000',
          '/dev/sda',
        ],
        reply: {},
      },
      { argv: STATUS, reply: { stdout: sd0(true) } },
    ]);
    const outcome = await ataSanitizeEngine('ata-sanitize-overwrite').run(drive, fakeDeps(runner));
    expect(outcome).toMatchObject({ status: 'succeeded', completion: 'immediate' });
  });
});
