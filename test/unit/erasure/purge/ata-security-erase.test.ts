import { describe, expect, it } from 'vitest';
import { ataSecurityEraseEngine } from '../../../../erasure/purge/ata-security-erase.js';
import { readFixture } from '../../../helpers/fixtures.js';
import { captured, fakeDeps, firmwareProgress, ScriptedRunner, sataDrive } from './script.js';

const EVO = readFixture('hdparm/samsung-850evo-2tb-notfrozen-enhanced-erase.txt', 'latin1');
const MX100_FROZEN = readFixture('hdparm/crucial-mx100-512g-FROZEN-enhanced-sanitize-4kphys.txt', 'latin1');
const SERIAL = 'S2RLNX0H700433B';

/**
 * HAND-WRITTEN (derived): the real 850 EVO IDENTIFY with its security flag lines switched, i.e. what hdparm
 * prints for a drive with a password set or locked. No capture of a drive in those states exists.
 */
function evoWith(flags: { enabled?: boolean; locked?: boolean }): string {
  let out = EVO;
  if (flags.enabled) out = out.replace('\tnot\tenabled', '\t\tenabled');
  if (flags.locked) out = out.replace('\tnot\tlocked', '\t\tlocked');
  return out;
}

const ID = ['hdparm', '-I', '/dev/sda'];
const SET = ['hdparm', '--user-master', 'u', '--security-set-pass', 'gomme-test', '/dev/sda'];
const ERASE = ['hdparm', '--user-master', 'u', '--security-erase-enhanced', 'gomme-test', '/dev/sda'];
const DISABLE = ['hdparm', '--user-master', 'u', '--security-disable', 'gomme-test', '/dev/sda'];
const engine = ataSecurityEraseEngine(true);

describe('ATA Security Erase engine', () => {
  it('supports: the real 850 EVO yes; QEMU AHCI (no Security section) and the frozen MX100 no', () => {
    expect(engine.supports(sataDrive(EVO))).toEqual({ ok: true });
    expect(engine.supports(sataDrive(readFixture('qemu/bios-cdrom-full/hdparm-I-sda.out'))).ok).toBe(false);
    const frozen = engine.supports(sataDrive(MX100_FROZEN));
    expect(frozen.ok === false && frozen.reason.en).toMatch(/frozen/);
  });

  it('success: set-pass → -I enabled → erase → -I not enabled; password forgotten and masked in the record', async () => {
    // hdparm's own lines are the QEMU captures (they quote the password "p" used there).
    const runner = new ScriptedRunner([
      { argv: ID, reply: { stdout: EVO } },
      { argv: SET, reply: captured('hdparm-security-set-pass') },
      { argv: ID, reply: { stdout: evoWith({ enabled: true }) } },
      { argv: ERASE, reply: captured('hdparm-security-erase') },
      { argv: ID, reply: { stdout: EVO } },
    ]);
    const deps = fakeDeps(runner);
    const outcome = await engine.run(sataDrive(EVO), deps);
    runner.expectDone();
    expect(outcome).toMatchObject({
      engine: 'ata-security-erase-enhanced',
      status: 'succeeded',
      completion: 'immediate',
    });
    expect(await deps.vault.recall(SERIAL)).toBeNull();
    expect(outcome.commands[1]?.argv).toEqual([
      'hdparm',
      '--user-master',
      'u',
      '--security-set-pass',
      '<password>',
      '/dev/sda',
    ]);
    expect(firmwareProgress(deps.events).at(-1)).toBe(1);
  });

  it('exit 0 is not success (captured QEMU run): SET PASSWORD ignored → failed, nothing erased, no password kept', async () => {
    const runner = new ScriptedRunner([
      { argv: ID, reply: { stdout: EVO } },
      { argv: SET, reply: captured('hdparm-security-set-pass') },
      { argv: ID, reply: { stdout: EVO } },
    ]);
    const deps = fakeDeps(runner);
    const outcome = await engine.run(sataDrive(EVO), deps);
    runner.expectDone();
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'set-password-ignored' } });
    expect(outcome.failure?.message.en).toMatch(/SG_IO: bad\/missing sense data/);
    expect(await deps.vault.recall(SERIAL)).toBeNull();
  });

  it('the password is in the vault before it is set on the drive', async () => {
    const deps = fakeDeps(new ScriptedRunner([]));
    let kept: string | null = null;
    deps.runner = new ScriptedRunner([
      { argv: ID, reply: { stdout: EVO } },
      { argv: SET, reply: {}, afterReply: () => void deps.vault.recall(SERIAL).then((p) => (kept = p)) },
      { argv: ID, reply: { stdout: EVO } },
    ]);
    await engine.run(sataDrive(EVO), deps);
    expect(kept).toBe('gomme-test');
  });

  it('frozen: stops after the first IDENTIFY and says how to unfreeze', async () => {
    const runner = new ScriptedRunner([
      { argv: ID, reply: { stdout: EVO.replace('\tnot\tfrozen', '\t\tfrozen') } },
    ]);
    const outcome = await engine.run(sataDrive(EVO), fakeDeps(runner));
    runner.expectDone();
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'frozen' } });
    expect(outcome.failure?.message.en).toMatch(/gomme unfreeze/);
  });

  it('locked: refused, pointing at "gomme unlock"', async () => {
    const runner = new ScriptedRunner([
      { argv: ID, reply: { stdout: evoWith({ enabled: true, locked: true }) } },
    ]);
    const outcome = await engine.run(sataDrive(EVO), fakeDeps(runner));
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'locked' } });
  });

  it('failed erase: the drive still has the password → failed, password kept for unlock', async () => {
    const runner = new ScriptedRunner([
      { argv: ID, reply: { stdout: EVO } },
      { argv: SET, reply: {} },
      { argv: ID, reply: { stdout: evoWith({ enabled: true }) } },
      // HAND-WRITTEN: hdparm's ioctl failure line (errno 5) for an aborted SECURITY ERASE UNIT.
      { argv: ERASE, reply: { exitCode: 5, stderr: 'SECURITY_ERASE: Input/output error\n' } },
      { argv: ID, reply: { stdout: evoWith({ enabled: true }) } },
    ]);
    const deps = fakeDeps(runner);
    const outcome = await engine.run(sataDrive(EVO), deps);
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'erase-failed' } });
    expect(await deps.vault.recall(SERIAL)).toBe('gomme-test');
  });

  it('time-out: failed, the password stays in the vault', async () => {
    const runner = new ScriptedRunner([
      { argv: ID, reply: { stdout: EVO } },
      { argv: SET, reply: {} },
      { argv: ID, reply: { stdout: evoWith({ enabled: true }) } },
      { argv: ERASE, reply: { exitCode: null as unknown as number, timedOut: true } },
      { argv: ID, reply: { stdout: evoWith({ enabled: true }) } },
    ]);
    const deps = fakeDeps(runner);
    const outcome = await engine.run(sataDrive(EVO), deps);
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'timeout' } });
    expect(await deps.vault.recall(SERIAL)).toBe('gomme-test');
  });

  it('aborted between SET PASSWORD and ERASE: the password is taken off again', async () => {
    const deps = fakeDeps(new ScriptedRunner([]));
    const runner = new ScriptedRunner([
      { argv: ID, reply: { stdout: EVO } },
      { argv: SET, reply: {}, afterReply: () => deps.abort.abort() },
      { argv: ID, reply: { stdout: evoWith({ enabled: true }) } },
      { argv: DISABLE, reply: {} },
      { argv: ID, reply: { stdout: EVO } },
    ]);
    deps.runner = runner;
    const outcome = await engine.run(sataDrive(EVO), deps);
    runner.expectDone();
    expect(outcome.status).toBe('aborted');
    expect(await deps.vault.recall(SERIAL)).toBeNull();
  });

  it('without a password vault nothing is sent', async () => {
    const runner = new ScriptedRunner([]);
    const deps = { ...fakeDeps(runner), vault: undefined };
    const outcome = await engine.run(sataDrive(EVO), deps);
    expect(outcome.failure?.code).toBe('no-password-vault');
  });
});

describe('ATA Security Erase: the device path must still be the confirmed drive', () => {
  it('a different serial behind /dev/sda (replugged drives) → nothing is sent', async () => {
    const runner = new ScriptedRunner([
      {
        argv: ID,
        reply: { stdout: readFixture('hdparm/samsung-pm830-msata-notfrozen-enhanced-6-32min.txt', 'latin1') },
      },
    ]);
    const outcome = await engine.run(sataDrive(EVO), fakeDeps(runner));
    runner.expectDone();
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'wrong-drive' } });
  });
});
