import { describe, expect, it } from 'vitest';
import { InMemoryPasswordVault } from '../../../../erasure/purge/password-vault.js';
import { unfreezeDrive } from '../../../../erasure/purge/unfreeze.js';
import { isGommeLocked, unlockDrive } from '../../../../erasure/purge/unlock.js';
import { readFixture } from '../../../helpers/fixtures.js';
import { fakeDeps, ScriptedRunner, sataDrive } from './script.js';

const MX100_FROZEN = readFixture('hdparm/crucial-mx100-512g-FROZEN-enhanced-sanitize-4kphys.txt', 'latin1');
/** HAND-WRITTEN (derived): the same real IDENTIFY with the frozen flag cleared, as after a resume. */
const MX100_THAWED = MX100_FROZEN.replace('\t\tfrozen', '\tnot\tfrozen');
const EVO = readFixture('hdparm/samsung-850evo-2tb-notfrozen-enhanced-erase.txt', 'latin1');
/** HAND-WRITTEN (derived): the 850 EVO with a password set and locked (as after a power cut mid-erase). */
const EVO_LOCKED = EVO.replace('\tnot\tenabled', '\t\tenabled').replace('\tnot\tlocked', '\t\tlocked');
const EVO_ENABLED = EVO.replace('\tnot\tenabled', '\t\tenabled');
const ID = ['hdparm', '-I', '/dev/sda'];
const RTC = ['rtcwake', '-m', 'mem', '-s', '5'];
const SERIAL = 'S2RLNX0H700433B';

describe('unfreezeDrive (scripted: rtcwake is never run in tests)', () => {
  it('frozen → suspend → unfrozen', async () => {
    const runner = new ScriptedRunner([
      { argv: ID, reply: { stdout: MX100_FROZEN } },
      {
        argv: RTC,
        reply: { stdout: 'rtcwake: wakeup from "mem" using /dev/rtc0 at Thu Jan  1 00:00:10 2025\n' },
      },
      { argv: ID, reply: { stdout: MX100_THAWED } },
    ]);
    const result = await unfreezeDrive(sataDrive(MX100_FROZEN), fakeDeps(runner));
    runner.expectDone();
    expect(result.status).toBe('unfrozen');
    expect(result.commands.map((c) => c.argv[0])).toEqual(['hdparm', 'rtcwake', 'hdparm']);
  });

  it('still frozen after resume → explains the BIOS change', async () => {
    const runner = new ScriptedRunner([
      { argv: ID, reply: { stdout: MX100_FROZEN } },
      { argv: RTC, reply: {} },
      { argv: ID, reply: { stdout: MX100_FROZEN } },
    ]);
    const result = await unfreezeDrive(sataDrive(MX100_FROZEN), fakeDeps(runner));
    expect(result.status).toBe('still-frozen');
    expect(result.message.en).toMatch(/BIOS.*hot-plug/);
  });

  it('suspend not possible → suspend-failed with the reason', async () => {
    const runner = new ScriptedRunner([
      { argv: ID, reply: { stdout: MX100_FROZEN } },
      // HAND-WRITTEN: rtcwake's error on a machine without an RTC wake alarm.
      {
        argv: RTC,
        reply: {
          exitCode: 1,
          stderr: 'rtcwake: /dev/rtc0: unable to find device: No such file or directory\n',
        },
      },
    ]);
    const result = await unfreezeDrive(sataDrive(MX100_FROZEN), fakeDeps(runner));
    expect(result.status).toBe('suspend-failed');
    expect(result.message.en).toMatch(/unable to find device/);
  });

  it('not frozen: no suspend at all', async () => {
    const runner = new ScriptedRunner([{ argv: ID, reply: { stdout: EVO } }]);
    expect((await unfreezeDrive(sataDrive(EVO), fakeDeps(runner))).status).toBe('not-frozen');
    runner.expectDone();
  });

  it('resume slow: IDENTIFY unreadable at first, re-read until it answers', async () => {
    const runner = new ScriptedRunner([
      { argv: ID, reply: { stdout: MX100_FROZEN } },
      { argv: RTC, reply: {} },
      {
        argv: ID,
        reply: { exitCode: 5, stdout: '', stderr: 'HDIO_DRIVE_CMD(identify) failed: Input/output error\n' },
      },
      { argv: ID, reply: { stdout: MX100_THAWED } },
    ]);
    expect((await unfreezeDrive(sataDrive(MX100_FROZEN), fakeDeps(runner))).status).toBe('unfrozen');
  });
});

describe('unlockDrive / isGommeLocked', () => {
  const UNLOCK = ['hdparm', '--user-master', 'u', '--security-unlock', 'gomme-1234', '/dev/sda'];
  const DISABLE = ['hdparm', '--user-master', 'u', '--security-disable', 'gomme-1234', '/dev/sda'];
  const locked = () => sataDrive(EVO_LOCKED);

  it('detects a gomme-locked drive only when gomme holds its password', async () => {
    const vault = new InMemoryPasswordVault();
    expect(await isGommeLocked(locked(), vault)).toBe(false);
    await vault.remember(SERIAL, 'gomme-1234');
    expect(await isGommeLocked(locked(), vault)).toBe(true);
    expect(await isGommeLocked(sataDrive(EVO), vault)).toBe(false);
  });

  it('locked → unlock → disable → password forgotten; IDENTIFY re-read after each command, password masked', async () => {
    const runner = new ScriptedRunner([
      { argv: ID, reply: { stdout: EVO_LOCKED } },
      { argv: UNLOCK, reply: {} },
      { argv: ID, reply: { stdout: EVO_ENABLED } },
      { argv: DISABLE, reply: {} },
      { argv: ID, reply: { stdout: EVO } },
    ]);
    const deps = fakeDeps(runner);
    await deps.vault.remember(SERIAL, 'gomme-1234');
    const result = await unlockDrive(locked(), deps);
    runner.expectDone();
    expect(result.status).toBe('unlocked');
    expect(await deps.vault.recall(SERIAL)).toBeNull();
    expect(JSON.stringify(result.commands)).not.toContain('gomme-1234');
  });

  it('exit 0 is not success: unlock ignored → failed, password kept', async () => {
    const runner = new ScriptedRunner([
      { argv: ID, reply: { stdout: EVO_LOCKED } },
      { argv: UNLOCK, reply: { stderr: 'SG_IO: bad/missing sense data\n' } },
      { argv: ID, reply: { stdout: EVO_LOCKED } },
    ]);
    const deps = fakeDeps(runner);
    await deps.vault.remember(SERIAL, 'gomme-1234');
    expect((await unlockDrive(locked(), deps)).status).toBe('failed');
    expect(await deps.vault.recall(SERIAL)).toBe('gomme-1234');
  });

  it('unknown password: nothing is tried (a wrong try counts toward the drive’s limit)', async () => {
    const runner = new ScriptedRunner([]);
    expect((await unlockDrive(locked(), fakeDeps(runner))).status).toBe('unknown-password');
    expect(runner.calls).toEqual([]);
  });

  it('already unlocked: the stale password is dropped', async () => {
    const runner = new ScriptedRunner([{ argv: ID, reply: { stdout: EVO } }]);
    const deps = fakeDeps(runner);
    await deps.vault.remember(SERIAL, 'gomme-1234');
    expect((await unlockDrive(locked(), deps)).status).toBe('not-locked');
    expect(await deps.vault.recall(SERIAL)).toBeNull();
  });
});
