import { describe, expect, it } from 'vitest';
import type { Drive } from '../../../../core/drive.js';
import { parseSgRequestsProgress } from '../../../../core/tools/sg3/parse-requests-progress.js';
import { emmcSecureDiscardEngine } from '../../../../erasure/purge/emmc-secure-discard.js';
import { scsiEngine } from '../../../../erasure/purge/scsi-sanitize.js';
import { readFixture } from '../../../helpers/fixtures.js';
import { captured, fakeDeps, firmwareProgress, ScriptedRunner, sataDrive } from './script.js';

const base = sataDrive(readFixture('hdparm/hitachi-hua7210sasun-no-security-section.txt', 'latin1'));
/** HAND-WRITTEN facts: a SAS HDD whose SANITIZE service actions sg_opcodes listed. */
const sas: Drive = {
  ...base,
  transport: 'sas',
  rotational: true,
  capabilities: {
    ...base.capabilities,
    ataSecurity: null,
    ataSanitize: null,
    scsi: {
      sanitizeSupported: true,
      sanitizeOverwrite: true,
      sanitizeBlock: true,
      sanitizeCrypto: true,
      formatUnitSupported: true,
    },
  },
};
const REQ = ['sg_requests', '--num=1', '--progress', '/dev/sda'];
const OVERWRITE = ['sg_sanitize', '--quick', '--early', '--overwrite', '--zero', '/dev/sda'];
/** HAND-WRITTEN: sg_requests' progress line (printf in sg3_utils sg_requests.c). */
const progress = (pct: string) => ({ stdout: `Progress indication: ${pct}% done\n` });

describe('SCSI SANITIZE / FORMAT UNIT engines', () => {
  it('parses sg_requests progress and failure sense', () => {
    expect(parseSgRequestsProgress('Progress indication: 12.34% done\n')).toEqual({
      percent: 12.34,
      notReady: false,
      failed: false,
    });
    expect(parseSgRequestsProgress('')).toMatchObject({ percent: null, failed: false });
    expect(
      parseSgRequestsProgress(
        'data-in decoded as sense:\n Fixed format, current; Sense key: Medium Error\n Additional sense: Sanitize command failed\n',
      ).failed,
    ).toBe(true);
  });

  it('unknown SANITIZE support (what discovery reports today) is not supported', () => {
    expect(
      scsiEngine('scsi-sanitize-overwrite').supports({
        ...sas,
        capabilities: { ...sas.capabilities, scsi: { sanitizeSupported: null, formatUnitSupported: null } },
      }).ok,
    ).toBe(false);
  });

  it('success: progress then no progress indication → transition', async () => {
    const runner = new ScriptedRunner([
      { argv: REQ, reply: {} },
      { argv: OVERWRITE, reply: {} },
      { argv: REQ, reply: progress('40.00') },
      { argv: REQ, reply: {} },
    ]);
    const deps = fakeDeps(runner);
    const outcome = await scsiEngine('scsi-sanitize-overwrite').run(sas, deps);
    runner.expectDone();
    expect(outcome).toMatchObject({ status: 'succeeded', completion: 'transition' });
    expect(firmwareProgress(deps.events).map((f) => Math.round(f * 100))).toEqual([0, 40, 100]);
  });

  it('already running: followed', async () => {
    const runner = new ScriptedRunner([
      { argv: REQ, reply: progress('10.00') },
      { argv: REQ, reply: {} },
    ]);
    expect((await scsiEngine('scsi-sanitize-overwrite').run(sas, fakeDeps(runner))).status).toBe(
      'already-running-followed',
    );
  });

  it('failed: command rejected, and sense reporting a failed sanitize', async () => {
    const rejected = new ScriptedRunner([
      { argv: REQ, reply: {} },
      // HAND-WRITTEN: sg_sanitize's message for a drive without SANITIZE.
      { argv: OVERWRITE, reply: { exitCode: 9, stderr: 'Sanitize command not supported\n' } },
    ]);
    expect((await scsiEngine('scsi-sanitize-overwrite').run(sas, fakeDeps(rejected))).failure?.code).toBe(
      'command-rejected',
    );
    const failed = new ScriptedRunner([
      { argv: REQ, reply: {} },
      { argv: OVERWRITE, reply: {} },
      { argv: REQ, reply: progress('90.00') },
      { argv: REQ, reply: { stderr: 'Additional sense: Sanitize command failed\n' } },
    ]);
    expect((await scsiEngine('scsi-sanitize-overwrite').run(sas, fakeDeps(failed))).failure?.code).toBe(
      'drive-reported-failure',
    );
  });

  it('success without change: no progress ever seen → unconfirmed (verification decides)', async () => {
    const runner = new ScriptedRunner([
      { argv: REQ, reply: {} },
      { argv: ['sg_sanitize', '--quick', '--early', '--crypto', '/dev/sda'], reply: {} },
      { argv: REQ, reply: {} },
    ]);
    const outcome = await scsiEngine('scsi-sanitize-crypto').run(sas, fakeDeps(runner));
    expect(outcome).toMatchObject({ status: 'succeeded', completion: 'unconfirmed' });
  });

  it('FORMAT UNIT keeps the logical sector size and strips protection information', async () => {
    const runner = new ScriptedRunner([
      { argv: REQ, reply: {} },
      {
        argv: ['sg_format', '--format', '--size=512', '--fmtpinfo=0', '--quick', '--early', '/dev/sda'],
        reply: {},
      },
      { argv: REQ, reply: progress('50.00') },
      { argv: REQ, reply: {} },
      // The kernel is asked to re-read the capacity (a new block length must be seen before any read).
      { argv: ['tee', '/sys/block/sda/device/rescan'], reply: { stdout: '1' } },
    ]);
    expect((await scsiEngine('scsi-format-unit').run(sas, fakeDeps(runner))).status).toBe('succeeded');
    expect(runner.calls.at(-1)?.options?.input).toBe('1');
  });

  it('aborted before start', async () => {
    const deps = fakeDeps(new ScriptedRunner([]));
    deps.abort.abort();
    expect((await scsiEngine('scsi-sanitize-block').run({ ...sas, rotational: false }, deps)).status).toBe(
      'aborted',
    );
  });
});

describe('eMMC secure discard engine', () => {
  const mmc: Drive = { ...base, transport: 'mmc', path: '/dev/mmcblk0', rotational: false };
  it('only for eMMC/SD', () => {
    expect(emmcSecureDiscardEngine.supports(base).ok).toBe(false);
    expect(emmcSecureDiscardEngine.supports(mmc).ok).toBe(true);
  });
  it('unsupported by the device (captured QEMU BLKSECDISCARD failure) → failed "unsupported"', async () => {
    const runner = new ScriptedRunner([
      { argv: ['blkdiscard', '--secure', '-v', '/dev/mmcblk0'], reply: captured('blkdiscard-secure-sda') },
    ]);
    const outcome = await emmcSecureDiscardEngine.run(mmc, fakeDeps(runner));
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'unsupported' } });
  });
  it('success (exit 0, as the captured plain discard) → succeeded', async () => {
    const runner = new ScriptedRunner([
      { argv: ['blkdiscard', '--secure', '-v', '/dev/mmcblk0'], reply: captured('blkdiscard-sda') },
    ]);
    expect((await emmcSecureDiscardEngine.run(mmc, fakeDeps(runner))).status).toBe('succeeded');
  });
});
