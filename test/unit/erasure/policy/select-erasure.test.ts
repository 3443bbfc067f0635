import { describe, expect, it } from 'vitest';
import type { Drive } from '../../../../core/drive.js';
import { text } from '../../../../core/i18n.js';
import { describeChoice, estimateChoice } from '../../../../erasure/policy/describe-choice.js';
import { type ErasureChoice, selectErasure } from '../../../../erasure/policy/select-erasure.js';
import { ENGINES } from '../../../../erasure/purge/engines.js';
import { readFixture } from '../../../helpers/fixtures.js';
import { nvmeDrive, sataDrive } from '../purge/script.js';
import { corpusDrives } from './corpus-drives.js';

const corpus = corpusDrives();
const bySource = (suffix: string): Drive => {
  const hit = corpus.find((c) => c.source.endsWith(suffix));
  if (!hit) throw new Error(`no corpus drive ${suffix}`);
  return hit.drive;
};
const chosen = (drive: Drive, force?: string): ErasureChoice => {
  const s = selectErasure(drive, force === undefined ? { siblings: [] } : { force, siblings: [] });
  if (!s.ok) throw new Error(s.refusals.map((r) => r.message.en).join('; '));
  return s.choice;
};
const idOf = (c: ErasureChoice) =>
  c.kind === 'purge' ? c.engine : c.kind === 'destroy' ? 'destroy' : c.method;

const EVO = readFixture('hdparm/samsung-850evo-2tb-notfrozen-enhanced-erase.txt', 'latin1');
const SN730 = readFixture('nvme/id-ctrl-wdc-sn730-256g-nvmecli1x.json');

describe('selectErasure over every drive of the fixture corpus', () => {
  it('covers the whole corpus (hdparm, nvme id-ctrl, smartctl, QEMU guests)', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(corpus.filter((c) => c.source.startsWith('hdparm/'))).toHaveLength(7);
  });

  it.each(corpus.map((c) => [c.source, c.drive] as const))(
    '%s: a method, a NIST level and a reason; nothing unsupported',
    (_, drive) => {
      const selection = selectErasure(drive, { siblings: [] });
      if (!selection.ok) {
        // Only the read-only boot stick of the USB-boot guest is refused, and it says why.
        expect(selection.refusals.map((r) => r.code)).toEqual(['read-only']);
        return;
      }
      const { choice, alternatives } = selection;
      expect(['purge', 'clear']).toContain(choice.nistLevel);
      expect(choice.reason.fr.length).toBeGreaterThan(20);
      expect(choice.reason.en.length).toBeGreaterThan(20);
      if (choice.kind === 'purge') {
        expect(ENGINES[choice.engine].supports(drive)).toEqual({ ok: true });
        expect(alternatives.find((a) => a.id === choice.engine)?.available).toBe(true);
      } else {
        expect(choice.nistLevel).toBe('clear');
      }
      // Firmware methods only for directly attached drives whose facts were read and trusted.
      if (choice.kind === 'purge') expect(['sata', 'ata', 'nvme', 'sas', 'scsi']).toContain(drive.transport);
    },
  );

  it('expected choices for the drives whose facts say the most', () => {
    const table = Object.fromEntries(
      [
        'nvme/id-ctrl-samsung-980pro-1tb.json',
        'nvme/id-ctrl-wdc-sn730-256g-nvmecli1x.json',
        'hdparm/samsung-850evo-2tb-notfrozen-enhanced-erase.txt',
        'hdparm/samsung-pm830-msata-notfrozen-enhanced-6-32min.txt',
        'hdparm/crucial-mx100-512g-FROZEN-enhanced-sanitize-4kphys.txt',
        'hdparm/byteswapped-garbage-model-frozen.txt',
        'hdparm/garbage-identify-binary-junk.txt',
        'hdparm/zero-identify-no-model-usb-reader-imac.txt',
        'smartctl/sata-ssd-samsung-860evo-full-x.json',
        'smartctl/usb-sat-sandisk-pssd.json',
        'qemu/bios-cdrom-full/sda',
        'qemu/bios-cdrom-full/nvme0n1',
        'qemu/bios-cdrom-full/vda',
      ].map((s) => {
        const c = chosen(bySource(s));
        return [s, `${idOf(c)} ${c.nistLevel}`];
      }),
    );
    expect(table).toEqual({
      // Samsung 980 PRO: SANICAP 0 but FNA bit 2 → Format with crypto erase.
      'nvme/id-ctrl-samsung-980pro-1tb.json': 'nvme-format-crypto purge',
      'nvme/id-ctrl-wdc-sn730-256g-nvmecli1x.json': 'nvme-sanitize-crypto purge',
      // SATA SSDs without Sanitize: enhanced Security Erase, which NIST counts only as Clear on flash.
      'hdparm/samsung-850evo-2tb-notfrozen-enhanced-erase.txt': 'ata-security-erase-enhanced clear',
      'hdparm/samsung-pm830-msata-notfrozen-enhanced-6-32min.txt': 'ata-security-erase-enhanced clear',
      // Frozen: neither Sanitize nor Security Erase, overwrite with the reason.
      'hdparm/crucial-mx100-512g-FROZEN-enhanced-sanitize-4kphys.txt': 'nist-clear clear',
      // Untrustworthy IDENTIFY data never selects a firmware method.
      'hdparm/byteswapped-garbage-model-frozen.txt': 'nist-clear clear',
      'hdparm/garbage-identify-binary-junk.txt': 'nist-clear clear',
      'hdparm/zero-identify-no-model-usb-reader-imac.txt': 'nist-clear clear',
      'smartctl/sata-ssd-samsung-860evo-full-x.json': 'ata-security-erase-enhanced clear',
      'smartctl/usb-sat-sandisk-pssd.json': 'nist-clear clear',
      'qemu/bios-cdrom-full/sda': 'nist-clear clear',
      // QEMU NVMe: Format yes, FNA 0, SANICAP 0 → user-data erase (Clear).
      'qemu/bios-cdrom-full/nvme0n1': 'nvme-format-user-data clear',
      'qemu/bios-cdrom-full/vda': 'nist-clear clear',
    });
  });

  it('frozen drive: the overwrite reason says why Sanitize and Security Erase were passed over', () => {
    const c = chosen(bySource('hdparm/crucial-mx100-512g-FROZEN-enhanced-sanitize-4kphys.txt'));
    expect(c.reason.en).toMatch(/only Clear on flash/);
    expect(c.reason.en).toMatch(/ATA Sanitize, crypto erase: .*frozen/);
    expect(c.reason.fr).toMatch(/Sanitize ATA, effacement cryptographique : /);
    expect(c.reason.en).toMatch(/gomme unfreeze/);
    expect(c.reason.fr).toMatch(/gelé/);
  });

  it('hard disks: Sanitize Overwrite first, then enhanced Security Erase (both Purge)', () => {
    // HAND-WRITTEN facts: the 850 EVO's IDENTIFY on a spinning disk, with and without Sanitize Overwrite.
    const hdd = { ...sataDrive(EVO), rotational: true };
    expect(`${idOf(chosen(hdd))} ${chosen(hdd).nistLevel}`).toBe('ata-security-erase-enhanced purge');
    const withSanitize: Drive = {
      ...hdd,
      capabilities: {
        ...hdd.capabilities,
        ataSanitize: {
          supported: true,
          crypto: false,
          blockErase: false,
          overwrite: true,
          antifreezeLock: false,
        },
      },
    };
    expect(`${idOf(chosen(withSanitize))} ${chosen(withSanitize).nistLevel}`).toBe(
      'ata-sanitize-overwrite purge',
    );
  });

  it('refuses protected drives; routes locked ones to a password erase or to destruction', () => {
    const evo = sataDrive(EVO);
    const prot: Drive = {
      ...evo,
      protected: true,
      protections: [{ reason: 'mounted', detail: text('sda1 est monté sur /', 'sda1 is mounted at /') }],
    };
    expect(selectErasure(prot, { siblings: [] })).toMatchObject({
      ok: false,
      refusals: [{ code: 'protected' }],
    });
    const sec = evo.capabilities.ataSecurity!;
    const locked: Drive = {
      ...evo,
      capabilities: { ...evo.capabilities, ataSecurity: { ...sec, enabled: true, locked: true } },
    };
    // Samsung, master password revision still the factory one (65534): the factory master password is tried.
    expect(selectErasure(locked, { siblings: [] })).toMatchObject({
      ok: true,
      choice: { kind: 'purge', engine: 'ata-security-erase-password' },
    });
    const changed: Drive = {
      ...evo,
      capabilities: {
        ...evo.capabilities,
        ataSecurity: { ...sec, enabled: true, locked: true, masterPasswordRevision: 7 },
      },
    };
    expect(selectErasure(changed, { siblings: [] })).toMatchObject({
      ok: true,
      choice: { kind: 'destroy', code: 'ata-locked', nistLevel: 'destroy' },
    });
  });

  it('forcing: allowed when supported, refused with the reason otherwise', () => {
    const evo = sataDrive(EVO);
    expect(chosen(evo, 'ata-security-erase')).toMatchObject({
      kind: 'purge',
      engine: 'ata-security-erase',
      nistLevel: 'clear',
    });
    expect(chosen(evo, 'nist-clear')).toMatchObject({ kind: 'overwrite', nistLevel: 'clear' });
    expect(selectErasure(evo, { force: 'ata-sanitize-crypto', siblings: [] })).toMatchObject({
      ok: false,
      refusals: [{ code: 'unsupported-method' }],
    });
    expect(selectErasure(nvmeDrive(), { force: 'nvme-sanitize-crypto', siblings: [] })).toMatchObject({
      ok: false,
    });
    expect(selectErasure(evo, { force: 'dd-zero', siblings: [] })).toMatchObject({
      ok: false,
      refusals: [{ code: 'unknown-method' }],
    });
    // A USB bridge never gets ATA security commands, even on request.
    const usb = bySource('smartctl/usb-sat-sandisk-pssd.json');
    expect(selectErasure(usb, { force: 'ata-security-erase-enhanced', siblings: [] })).toMatchObject({
      ok: false,
    });
  });

  it('a protected namespace on the same controller blocks controller-wide NVMe commands', () => {
    const drive = nvmeDrive(SN730);
    const sibling: Drive = {
      ...drive,
      path: '/dev/nvme0n2',
      protected: true,
      protections: [{ reason: 'boot-medium', detail: text('démarrage', 'boot') }],
    };
    const s = selectErasure(drive, { siblings: [sibling] });
    expect(s.ok && idOf(s.choice)).toBe('nvme-format-crypto'); // SN730 FNA bit 0 clear: format stays on nvme0n1
    expect(s.ok && s.alternatives.find((a) => a.id === 'nvme-sanitize-crypto')?.reason.en).toMatch(/nvme0n2/);
  });

  it('describeChoice and estimateChoice give the dry-run text from the drive’s own estimate', () => {
    const evo = sataDrive(EVO);
    const c = chosen(evo);
    const estimate = estimateChoice(evo, c);
    expect(estimate).toEqual({ seconds: 480, basis: 'drive', atLeast: false });
    expect(describeChoice(c, 'en', estimate)).toMatch(
      /^Method: ATA Enhanced Security Erase \(ata-security-erase-enhanced\)\nNIST SP 800-88 level: Clear\nWhy: .+\nExpected time: 8 min \(the drive’s own estimate\)$/,
    );
    expect(describeChoice(c, 'fr', estimate)).toMatch(
      /^Méthode : Effacement sécurisé ATA amélioré \(ata-security-erase-enhanced\)\nNiveau NIST SP 800-88 : Effacement\nPourquoi : .+\nDurée prévue : 8 min \(estimation du disque\)$/,
    );
  });
});
