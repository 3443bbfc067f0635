import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDrive } from '../../../../core/detect/build-drive.js';
import type { Drive } from '../../../../core/drive.js';
import type { CommandResult } from '../../../../core/run/runner.js';
import { parseHdparmIdentify } from '../../../../core/tools/hdparm/parse-identify.js';
import { parseMmcExtcsd } from '../../../../core/tools/mmc/parse-extcsd.js';
import { parseSedutilQuery, parseSedutilScan } from '../../../../core/tools/sedutil/parse-query.js';
import { parseSgOpcodes } from '../../../../core/tools/sg3/parse-opcodes.js';
import { parseSgReadcap } from '../../../../core/tools/sg3/parse-readcap.js';
import { describeChoice } from '../../../../erasure/policy/describe-choice.js';
import { selectErasure } from '../../../../erasure/policy/select-erasure.js';
import { ataPasswordEraseEngine } from '../../../../erasure/purge/ata-password-erase.js';
import {
  ATA_PASSWORD_TRIES,
  ataAttemptKey,
  CredentialStore,
  checkPsid,
  InMemoryAttemptLedger,
} from '../../../../erasure/purge/credentials.js';
import { ENGINES } from '../../../../erasure/purge/engines.js';
import { projectRoot, readFixture } from '../../../helpers/fixtures.js';
import { fakeDeps, qemuProbe, ScriptedRunner, type Step } from '../purge/script.js';

const local = (rel: string) => readFileSync(join(projectRoot, 'test/fixtures', rel), 'latin1');
const out = (stdout: string, exitCode = 0): CommandResult => ({
  argv: [],
  exitCode,
  signal: null,
  stdout,
  stderr: '',
  timedOut: false,
  durationMs: 1,
});
const LOCKED_FACTORY = local('hand-edited/drives/hdparm-I-locked-high-factory-master.txt').replace(
  'M4-CT128M4SSD2      ',
  'SAMSUNG MZ7TE128HMGR',
);
const LOCKED_CHANGED = local('hand-edited/drives/hdparm-I-locked-maximum-master-changed.txt');
const UNLOCKED_AFTER = local('hand-edited/drives/hdparm-I-after-erase-unlocked.txt').replace(
  'M4-CT128M4SSD2      ',
  'SAMSUNG MZ7TE128HMGR',
);
const sata = (identify: string, extra: Partial<Parameters<typeof qemuProbe>[1]> = {}): Drive =>
  buildDrive(qemuProbe('sda', { hdparmIdentify: out(identify), ...extra }), []);
const sas = (opcodes: string, readcap: string): Drive => {
  const p = qemuProbe('sda', { sgOpcodes: out(opcodes), sgReadcap: out(readcap) });
  return buildDrive(
    { ...p, node: { ...p.node, tran: 'sas', sizeBytes: 0 }, transport: 'sas', sysfsSectors: 0 },
    [],
  );
};
const choose = (drive: Drive, credential?: 'ata-user' | 'ata-master' | 'tcg-psid') => {
  const s = selectErasure(drive, credential ? { siblings: [], credential } : { siblings: [] });
  if (!s.ok) throw new Error(s.refusals.map((r) => r.message.en).join(' '));
  return s.choice;
};
const summary = (c: ReturnType<typeof choose>) =>
  `${c.kind === 'purge' ? c.engine : c.kind === 'destroy' ? `destroy:${c.code}` : c.method} ${c.nistLevel}`;

describe('parsers over recorded outputs', () => {
  it('reads a real locked, expired ATA drive (public forum capture) and the factory master revision', () => {
    const id = parseHdparmIdentify(local('captured/public/hdparm-I-crucial-m4-locked-expired.txt'));
    expect(id.security).toMatchObject({
      enabled: true,
      locked: true,
      countExpired: true,
      frozen: false,
      level: 'high',
      masterPasswordRevision: 65534,
    });
  });
  it('reads sedutil --query (real: unowned Crucial MX200, BIOS-owned KIOXIA NVMe) and --scan', () => {
    expect(
      parseSedutilQuery(local('captured/public/sedutil-query-crucial-mx200-unowned.txt')).capabilities,
    ).toMatchObject({ opal2: true, lockingEnabled: false, locked: false, mediaEncrypt: true });
    expect(
      parseSedutilQuery(local('captured/public/sedutil-query-kioxia-nvme-enabled-unlocked.txt')).capabilities,
    ).toMatchObject({ opal2: true, lockingEnabled: true, locked: false });
    expect(
      parseSedutilQuery(local('hand-edited/drives/sedutil-query-opal2-locked.txt')).capabilities,
    ).toMatchObject({ locked: true, mbrEnabled: true, mbrDone: false });
    expect(parseSedutilQuery(local('hand-edited/drives/sedutil-query-not-sed.txt')).sed).toBeNull();
    expect(
      parseSedutilScan(local('captured/public/sedutil-scan-four-disks.txt')).map(
        (l) => `${l.device}:${l.opal2}`,
      ),
    ).toEqual(['/dev/sda:true', '/dev/sdb:false', '/dev/sdc:false', '/dev/sdd:false']);
  });
  it('reads sg_opcodes and sg_readcap (real QEMU capture and 520-byte PI drive)', () => {
    const ops = parseSgOpcodes(local('hand-edited/drives/sg_opcodes-sas-sanitize-format.txt'));
    expect(ops).toMatchObject({
      formatUnit: true,
      sanitize: true,
      sanitizeOverwrite: true,
      sanitizeBlock: true,
      sanitizeCrypto: false,
    });
    expect(parseSgOpcodes('sg_opcodes: Invalid opcode').sanitize).toBeNull();
    expect(parseSgReadcap(readFixture('qemu/bios-cdrom-full/sg_readcap-sda.out'))).toMatchObject({
      logicalBlockLength: 512,
      protectionEnabled: false,
      logicalBlocks: 8388608,
    });
    expect(parseSgReadcap(local('hand-edited/drives/sg_readcap-520-pi.txt'))).toMatchObject({
      logicalBlockLength: 520,
      protectionEnabled: true,
      protectionType: 2,
    });
  });
  it('reads mmc extcsd', () => {
    expect(parseMmcExtcsd(local('hand-edited/drives/mmc-extcsd-emmc51.txt'))).toMatchObject({
      extCsdRevision: 8,
      secureErase: true,
      secureTrim: true,
      sanitize: true,
      erasedByte: 0,
      sectorCount: 0x03a3e000,
    });
    expect(parseMmcExtcsd(local('hand-edited/drives/mmc-extcsd-emmc441-no-secure.txt'))).toMatchObject({
      secureErase: false,
      sanitize: false,
    });
  });
  it('checks a PSID: 32 letters or digits, typed twice, shown back in groups', () => {
    expect(checkPsid('abcd-efgh ijkl mnop qrst uvwx yz01 2345', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345')).toEqual({
      ok: true,
      psid: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345',
      grouped: 'ABCD EFGH IJKL MNOP QRST UVWX YZ01 2345',
    });
    expect(checkPsid('ABCD', 'ABCD').ok).toBe(false);
    expect(checkPsid('ABCDEFGHIJKLMNOPQRSTUVWXYZ012345', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012346').ok).toBe(false);
  });
});

describe('each drive that fights back gets its method, level and reason, or "to be destroyed"', () => {
  const usb = (udev: string, identify: string | null, smart: string | null): Drive => {
    const p = qemuProbe('sdb', {
      udevProperties: out(udev),
      hdparmIdentify: identify === null ? null : out(identify),
      smartctl: smart === null ? null : out(smart),
    });
    return buildDrive({ ...p, node: { ...p.node, sizeBytes: 2000398934016 } }, []);
  };
  const EVO = readFixture('hdparm/samsung-850evo-2tb-notfrozen-enhanced-erase.txt', 'latin1');
  const SMART = local('hand-edited/drives/smartctl-usb-sat-samsung-850evo.json');
  const table = {
    'locked ATA, factory master revision (Samsung)': summary(choose(sata(LOCKED_FACTORY))),
    'locked ATA, master changed, no password': summary(choose(sata(LOCKED_CHANGED))),
    'locked ATA, technician typed the master password': summary(choose(sata(LOCKED_CHANGED), 'ata-master')),
    'locked ATA, technician typed the user password': summary(choose(sata(LOCKED_CHANGED), 'ata-user')),
    'Opal unowned (real MX200 query)': summary(
      choose(
        sata(EVO, { sedutilQuery: out(local('captured/public/sedutil-query-crucial-mx200-unowned.txt')) }),
      ),
    ),
    'Opal locked, no PSID': summary(
      choose(sata(EVO, { sedutilQuery: out(local('hand-edited/drives/sedutil-query-opal2-locked.txt')) })),
    ),
    'Opal locked, PSID typed': summary(
      choose(
        sata(EVO, { sedutilQuery: out(local('hand-edited/drives/sedutil-query-opal2-locked.txt')) }),
        'tcg-psid',
      ),
    ),
    'Opal owner-enabled, unlocked, PSID typed': summary(
      choose(
        sata(EVO, {
          sedutilQuery: out(local('captured/public/sedutil-query-kioxia-nvme-enabled-unlocked.txt')),
        }),
        'tcg-psid',
      ),
    ),
    'SAS 520-byte + PI, SANITIZE listed': summary(
      choose(
        sas(
          local('hand-edited/drives/sg_opcodes-sas-sanitize-format.txt'),
          local('hand-edited/drives/sg_readcap-520-pi.txt'),
        ),
      ),
    ),
    'SAS 520-byte + PI, no SANITIZE': summary(
      choose(
        sas(
          local('hand-edited/drives/sg_opcodes-no-sanitize.txt'),
          local('hand-edited/drives/sg_readcap-520-pi.txt'),
        ),
      ),
    ),
    'eMMC 5.1 (sanitize)': summary(
      choose(
        buildDrive(
          {
            ...qemuProbe('sda', { mmcExtcsd: out(local('hand-edited/drives/mmc-extcsd-emmc51.txt')) }),
            transport: 'mmc',
          },
          [],
        ),
      ),
    ),
    'eMMC 4.41 (no secure feature)': summary(
      choose(
        buildDrive(
          {
            ...qemuProbe('sda', {
              mmcExtcsd: out(local('hand-edited/drives/mmc-extcsd-emmc441-no-secure.txt')),
            }),
            transport: 'mmc',
          },
          [],
        ),
      ),
    ),
    'USB bridge, faithful (JMS578)': summary(
      choose(usb(local('hand-edited/drives/udev-usb-jmicron-jms578-uas.txt'), EVO, SMART)),
    ),
    'USB bridge, garbles IDENTIFY (real QEMU usb-storage)': summary(
      choose(
        usb(
          readFixture('qemu/bios-cdrom-full/udevadm-sdb.out'),
          readFixture('qemu/bios-cdrom-full/hdparm-I-sdb.out'),
          null,
        ),
      ),
    ),
    'USB bridge, deny-listed (ADATA CH94)': summary(
      choose(usb(local('hand-edited/drives/udev-usb-adata-ch94-denied.txt'), EVO, SMART)),
    ),
  };

  it('chooses as documented', () => {
    expect(table).toEqual({
      'locked ATA, factory master revision (Samsung)': 'ata-security-erase-password clear',
      'locked ATA, master changed, no password': 'destroy:ata-locked destroy',
      'locked ATA, technician typed the master password': 'ata-security-erase-password clear',
      'locked ATA, technician typed the user password': 'ata-security-erase-password clear',
      'Opal unowned (real MX200 query)': 'tcg-revert purge',
      'Opal locked, no PSID': 'destroy:opal-locked destroy',
      'Opal locked, PSID typed': 'tcg-psid-revert purge',
      'Opal owner-enabled, unlocked, PSID typed': 'tcg-psid-revert purge',
      // The QEMU port the probe reuses reports a rotating disk: Sanitize Overwrite is Purge on a hard disk.
      'SAS 520-byte + PI, SANITIZE listed': 'scsi-sanitize-overwrite purge',
      'SAS 520-byte + PI, no SANITIZE': 'scsi-format-unit clear',
      'eMMC 5.1 (sanitize)': 'emmc-sanitize clear',
      'eMMC 4.41 (no secure feature)': 'nist-clear clear',
      'USB bridge, faithful (JMS578)': 'ata-security-erase-enhanced clear',
      'USB bridge, garbles IDENTIFY (real QEMU usb-storage)': 'nist-clear clear',
      'USB bridge, deny-listed (ADATA CH94)': 'nist-clear clear',
    });
  });

  it('says in French what will happen and why, and "NON EFFACÉ : À DÉTRUIRE" for a drive only destruction can clear', () => {
    const destroy = describeChoice(choose(sata(LOCKED_CHANGED)), 'fr');
    expect(destroy).toContain('NON EFFACÉ : À DÉTRUIRE');
    expect(destroy).toContain('verrouillé : à détruire physiquement');
    expect(destroy).not.toMatch(/EFFACÉ(?! :)/);
    const opal = describeChoice(
      choose(sata(EVO, { sedutilQuery: out(local('hand-edited/drives/sedutil-query-opal2-locked.txt')) })),
      'fr',
    );
    expect(opal).toContain('PSID');
    expect(describeChoice(choose(sata(LOCKED_FACTORY)), 'fr')).toContain(
      'mot de passe maître est encore celui d’usine',
    );
  });

  it('refuses, with what to do, a locked drive whose own try counter has expired', () => {
    const s = selectErasure(sata(local('hand-edited/drives/hdparm-I-locked-expired.txt')), { siblings: [] });
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.refusals[0]?.message.fr).toContain('éteignez-le complètement');
  });
});

describe('the 5-try limit of ATA passwords is never exceeded', () => {
  const drive = sata(LOCKED_FACTORY);
  const identify = (text: string): Step['reply'] => ({ stdout: text });
  const eraseStep = (password: string): Step => ({
    argv: ['hdparm', '--user-master', 'm', '--security-erase-enhanced', password, '/dev/sda'],
    reply: { exitCode: 5, stderr: 'SECURITY_ERASE: Input/output error' },
  });
  const passwordCommands = (runner: ScriptedRunner) =>
    runner.calls.filter((c) => c.argv.some((a) => a.startsWith('--security-'))).length;

  it('tries the factory master password, counts it first, and succeeds when IDENTIFY shows the password gone', async () => {
    const runner = new ScriptedRunner([
      { argv: ['hdparm', '-I', '/dev/sda'], reply: identify(LOCKED_FACTORY) },
      {
        argv: ['hdparm', '--user-master', 'm', '--security-erase-enhanced', 't'.repeat(32), '/dev/sda'],
        reply: {},
      },
      { argv: ['hdparm', '-I', '/dev/sda'], reply: identify(UNLOCKED_AFTER) },
    ]);
    const deps = { ...fakeDeps(runner), ledger: new InMemoryAttemptLedger() };
    const outcome = await ataPasswordEraseEngine.run(drive, deps);
    runner.expectDone();
    expect(outcome.status).toBe('succeeded');
    expect(await deps.ledger.attempts(ataAttemptKey(drive.serial!))).toBe(1);
    expect(passwordCommands(runner)).toBe(1);
    // The password never reaches the record.
    expect(outcome.commands.flatMap((c) => c.argv).join(' ')).not.toContain('tttt');
  });

  it('across runs and refusals, sends at most 5 password commands, then refuses without sending', async () => {
    const ledger = new InMemoryAttemptLedger();
    const credentials = new CredentialStore();
    credentials.provide(drive.serial!, { kind: 'ata-master', secret: 'wrong-one' });
    let sent = 0;
    const perRun: number[] = [];
    for (let run = 0; run < 8; run++) {
      const used = await ledger.attempts(ataAttemptKey(drive.serial!));
      const steps: Step[] = [{ argv: ['hdparm', '-I', '/dev/sda'], reply: identify(LOCKED_FACTORY) }];
      if (used < ATA_PASSWORD_TRIES)
        steps.push(eraseStep('wrong-one'), {
          argv: ['hdparm', '-I', '/dev/sda'],
          reply: identify(LOCKED_FACTORY),
        });
      const runner = new ScriptedRunner(steps);
      const outcome = await ataPasswordEraseEngine.run(drive, { ...fakeDeps(runner), ledger, credentials });
      runner.expectDone();
      expect(outcome.status).toBe('failed');
      perRun.push(passwordCommands(runner));
      sent += passwordCommands(runner);
    }
    expect(perRun).toEqual([1, 1, 1, 1, 1, 0, 0, 0]);
    expect(sent).toBe(ATA_PASSWORD_TRIES);
    expect(await ledger.attempts(ataAttemptKey(drive.serial!))).toBe(5);
    // After a confirmed power cycle the drive's own counter is back to 5, and so is gomme's.
    await ledger.powerCycled(ataAttemptKey(drive.serial!));
    expect(await ledger.attempts(ataAttemptKey(drive.serial!))).toBe(0);
  });

  it('stops at once when the drive reports "expired: security count" after a refusal', async () => {
    const expired = local('hand-edited/drives/hdparm-I-locked-expired.txt').replace(
      'M4-CT128M4SSD2      ',
      'SAMSUNG MZ7TE128HMGR',
    );
    const runner = new ScriptedRunner([
      { argv: ['hdparm', '-I', '/dev/sda'], reply: identify(LOCKED_FACTORY) },
      eraseStep('t'.repeat(32)),
      { argv: ['hdparm', '-I', '/dev/sda'], reply: identify(expired) },
    ]);
    const outcome = await ataPasswordEraseEngine.run(drive, {
      ...fakeDeps(runner),
      ledger: new InMemoryAttemptLedger(),
    });
    runner.expectDone();
    expect(outcome.failure?.code).toBe('attempts-expired');
    expect(passwordCommands(runner)).toBe(1);
  });
});

describe('TCG and eMMC engines through the scripted runner', () => {
  it('PSID revert: counted, masked in the record, confirmed by Level 0 Discovery', async () => {
    const drive = sata(readFixture('hdparm/samsung-850evo-2tb-notfrozen-enhanced-erase.txt', 'latin1'), {
      sedutilQuery: out(local('hand-edited/drives/sedutil-query-opal2-locked.txt')),
    });
    const psid = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
    const runner = new ScriptedRunner([
      {
        argv: ['sedutil-cli', '--yesIreallywanttoERASEALLmydatausingthePSID', psid, '/dev/sda'],
        reply: { stderr: local('hand-edited/drives/sedutil-revert-ok.txt') },
      },
      {
        argv: ['sedutil-cli', '--query', '/dev/sda'],
        reply: { stdout: local('captured/public/sedutil-query-crucial-mx200-unowned.txt') },
      },
    ]);
    const credentials = new CredentialStore();
    credentials.provide(drive.serial!, { kind: 'tcg-psid', secret: psid });
    const outcome = await ENGINES['tcg-psid-revert'].run(drive, {
      ...fakeDeps(runner),
      ledger: new InMemoryAttemptLedger(),
      credentials,
    });
    runner.expectDone();
    expect(outcome.status).toBe('succeeded');
    expect(JSON.stringify(outcome.commands)).not.toContain(psid);
    expect(ENGINES['tcg-psid-revert'].readableBefore?.(drive)).toBe(false);
  });

  it('MSID revert refused by the drive (real AUTHORITY_LOCKED_OUT output) fails with what to do', async () => {
    const drive = sata(readFixture('hdparm/samsung-850evo-2tb-notfrozen-enhanced-erase.txt', 'latin1'), {
      sedutilQuery: out(local('captured/public/sedutil-query-crucial-mx200-unowned.txt')),
    });
    const msid = 'MSIDMSIDMSIDMSIDMSIDMSIDMSIDMSID';
    const runner = new ScriptedRunner([
      {
        argv: ['sedutil-cli', '--printDefaultPassword', '/dev/sda'],
        reply: { stdout: local('hand-edited/drives/sedutil-msid.txt') },
      },
      {
        argv: ['sedutil-cli', '-n', '--revertTPer', msid, '/dev/sda'],
        reply: { exitCode: 18, stderr: local('captured/public/sedutil-revert-authority-locked-out.txt') },
      },
      {
        argv: ['sedutil-cli', '--query', '/dev/sda'],
        reply: { stdout: local('captured/public/sedutil-query-crucial-mx200-unowned.txt') },
      },
    ]);
    const outcome = await ENGINES['tcg-revert'].run(drive, {
      ...fakeDeps(runner),
      ledger: new InMemoryAttemptLedger(),
    });
    runner.expectDone();
    expect(outcome.status).toBe('failed');
    expect(outcome.failure?.message.fr).toContain('éteignez-le complètement');
  });

  it('eMMC sanitize: erase the whole user area, then SANITIZE', async () => {
    const drive = buildDrive(
      {
        ...qemuProbe('sda', { mmcExtcsd: out(local('hand-edited/drives/mmc-extcsd-emmc51.txt')) }),
        transport: 'mmc',
      },
      [],
    );
    const last = String(0x03a3e000 - 1);
    const runner = new ScriptedRunner([
      {
        argv: ['mmc', 'erase', 'legacy', '0', last, '/dev/sda'],
        reply: { stdout: 'Executing Legacy Erase from 0x00000000 to 0x03a3dfff\n Legacy Erase Succeed!\n' },
      },
      { argv: ['mmc', 'sanitize', '/dev/sda'], reply: {} },
    ]);
    const outcome = await ENGINES['emmc-sanitize'].run(drive, fakeDeps(runner));
    runner.expectDone();
    expect(outcome.status).toBe('succeeded');
  });
});

describe('the journal keeps the count of password tries', () => {
  it('survives reopening, and the engine refuses once the journal says 5', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { openJournal } = await import('../../../../core/journal/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'gomme-ledger-'));
    try {
      const key = ataAttemptKey('0000000012345678');
      let journal = openJournal(dir);
      for (let i = 0; i < 5; i++) await journal.passwords.countAttempt(key);
      journal.close();
      journal = openJournal(dir);
      expect(await journal.passwords.attempts(key)).toBe(5);
      const drive = sata(LOCKED_FACTORY);
      const runner = new ScriptedRunner([
        { argv: ['hdparm', '-I', '/dev/sda'], reply: { stdout: LOCKED_FACTORY } },
      ]);
      const outcome = await ataPasswordEraseEngine.run(drive, {
        ...fakeDeps(runner),
        ledger: journal.passwords,
      });
      runner.expectDone();
      expect(outcome.failure?.code).toBe('attempt-limit');
      journal.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
