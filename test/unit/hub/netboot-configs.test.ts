import { describe, expect, it } from 'vitest';
import { netbootChoice } from '../../../cli/commands/hub-netboot.js';
import { dnsmasqConfig, grubConfig, pxelinuxConfig } from '../../../hub/netboot/configs.js';
import { isoLiveAppend, type MenuInputs, menuEntries } from '../../../hub/netboot/menu.js';

// The ISO's live.cfg as live-build writes it from iso-build/config/bootloaders/isolinux/live.cfg.in.
const LIVE_CFG = `label live-amd64
	menu label ^gomme
	menu default
	linux /live/vmlinuz
	initrd /live/initrd.img
	append initrd=/live/initrd.img boot=live components quiet libata.allow_tpm=1 console=tty0 console=ttyS0,115200n8

label live-amd64-failsafe
	menu label gomme (^nomodeset: fallback display)
	linux /live/vmlinuz
	initrd /live/initrd.img
	append initrd=/live/initrd.img boot=live components quiet nomodeset libata.allow_tpm=1
`;

const inputs = (over: Partial<MenuInputs> = {}): MenuInputs => ({
  isoAppend: isoLiveAppend(LIVE_CFG) ?? [],
  hubUrl: 'http://10.77.0.1:8080',
  squashfsPath: '/netboot/filesystem.squashfs',
  enrolCode: 'ABCD-EFGH',
  defaultEntry: 'guided',
  memtest: false,
  ...over,
});

describe('netboot menu', () => {
  it('takes the ISO default entry’s parameters, without initrd=', () => {
    expect(isoLiveAppend(LIVE_CFG)).toEqual([
      'boot=live',
      'components',
      'quiet',
      'libata.allow_tpm=1',
      'console=tty0',
      'console=ttyS0,115200n8',
    ]);
    expect(isoLiveAppend('label x\n')).toBeNull();
  });

  it('guided entry: root filesystem from the hub, hub and enrolment code, no gomme.mode', () => {
    const guided = menuEntries(inputs()).find((e) => e.id === 'guided');
    expect(guided?.args).toContain('fetch=http://10.77.0.1:8080/netboot/filesystem.squashfs');
    expect(guided?.args).toContain('gomme.hub=http://10.77.0.1:8080');
    expect(guided?.args).toContain('gomme.enrol=ABCD-EFGH');
    expect(guided?.args.some((a) => a.startsWith('gomme.mode'))).toBe(false);
  });

  it('the erase entry carries targets and the confirmation token; diag erases nothing', () => {
    const entries = menuEntries(inputs());
    const erase = entries.find((e) => e.id === 'erase')?.args ?? [];
    expect(erase).toEqual(
      expect.arrayContaining([
        'gomme.mode=erase',
        'gomme.targets=all-unprotected',
        'gomme.confirm=yes-erase-all',
        'gomme.poweroff=1',
      ]),
    );
    const diag = entries.find((e) => e.id === 'diag')?.args ?? [];
    expect(diag).toContain('gomme.mode=diag');
    expect(diag.some((a) => a.startsWith('gomme.confirm') || a.startsWith('gomme.targets'))).toBe(false);
  });

  it('memtest only when the ISO has one; gomme.* already in the ISO line are not doubled', () => {
    expect(menuEntries(inputs()).map((e) => e.id)).not.toContain('memtest');
    expect(menuEntries(inputs({ memtest: true })).map((e) => e.id)).toContain('memtest');
    const withStale = menuEntries(inputs({ isoAppend: ['boot=live', 'gomme.hub=http://old', 'fetch=x'] }));
    const guided = withStale[0]?.args ?? [];
    expect(guided.filter((a) => a.startsWith('gomme.hub='))).toEqual(['gomme.hub=http://10.77.0.1:8080']);
    expect(guided.filter((a) => a.startsWith('fetch='))).toHaveLength(1);
  });
});

describe('boot loader configs', () => {
  const entries = menuEntries(inputs({ memtest: true }));
  const hub = { address: '10.77.0.1', port: 8080 };

  it('GRUB: default entry by id, kernel and initrd from the hub over HTTP (address:port), memtest over TFTP', () => {
    const cfg = grubConfig(entries, 'guided', 'fr', hub);
    expect(cfg).toContain('set default=guided');
    expect(cfg.match(/^menuentry /gm)).toHaveLength(entries.length);
    expect(cfg).toMatch(
      /--id erase \{\n.*\n {2}linux \(http,10\.77\.0\.1:8080\)\/netboot\/vmlinuz .*gomme\.confirm=yes-erase-all/,
    );
    expect(cfg.match(/^ {2}initrd \(http,10\.77\.0\.1:8080\)\/netboot\/initrd\.img$/gm)).toHaveLength(
      entries.length - 1,
    );
    expect(cfg).not.toMatch(/linux \/|initrd \//);
    expect(cfg).toMatch(/--id memtest \{\n {2}chainloader \/live\/memtest\.efi\n\}/);
    expect(grubConfig(entries, 'erase', 'en', { address: '192.168.1.10', port: 80 })).toContain(
      'linux (http,192.168.1.10:80)/netboot/vmlinuz',
    );
  });

  it('GRUB quotes labels with apostrophes', () => {
    const cfg = grubConfig(
      [{ id: 'diag', label: { fr: "l'essai", en: "it's" }, args: ['a'] }],
      'diag',
      'fr',
      hub,
    );
    expect(cfg).toContain(`menuentry 'l'\\''essai' --id diag {`);
  });

  it('PXELINUX: menu default on the chosen entry only, KERNEL and INITRD as http:// URLs, APPEND with the entry’s line', () => {
    const cfg = pxelinuxConfig(entries, 'guided', 'fr', hub);
    expect(cfg).toContain('DEFAULT guided');
    expect(cfg.match(/MENU DEFAULT/g)).toHaveLength(1);
    expect(cfg).toMatch(/LABEL guided\n.*\n {2}MENU DEFAULT/);
    expect(cfg).toMatch(
      /LABEL erase\n.*\n {2}KERNEL http:\/\/10\.77\.0\.1:8080\/netboot\/vmlinuz\n {2}INITRD http:\/\/10\.77\.0\.1:8080\/netboot\/initrd\.img\n {2}APPEND .*gomme\.targets=all-unprotected/,
    );
    expect(cfg).toMatch(/LABEL memtest\n.*\n {2}KERNEL \/live\/memtest\.bin$/m);
  });
});

describe('dnsmasq config', () => {
  const base = {
    interface: 'br0',
    address: '10.77.0.1',
    tftpRoot: '/srv/t',
    logFile: '/srv/l',
    pidFile: '/srv/p',
    user: 'root',
  };

  it('proxy-DHCP by default: no address range, no DNS, PXE services for BIOS and UEFI', () => {
    const conf = dnsmasqConfig({ ...base, dhcpRange: null });
    expect(conf).toContain('dhcp-range=10.77.0.1,proxy');
    expect(conf).toContain('port=0');
    expect(conf).toContain('interface=br0');
    expect(conf).toContain('bind-interfaces');
    // dnsmasq adds ".0" to the BIOS basename: lpxelinux.0, PXELINUX with its HTTP client.
    expect(conf).toContain('pxe-service=x86PC,"gomme (BIOS)",lpxelinux\n');
    expect(conf).toContain('pxe-service=X86-64_EFI,"gomme (UEFI)",bootx64.efi');
    expect(conf).not.toMatch(/dhcp-range=[^,]+,[^,]+,\d/);
    expect(conf).not.toContain('dhcp-authoritative');
  });

  it('an isolated switch: addresses from the range, boot file by architecture', () => {
    const conf = dnsmasqConfig({ ...base, dhcpRange: ['10.77.0.100', '10.77.0.150'] });
    expect(conf).toContain('dhcp-range=10.77.0.100,10.77.0.150,1h');
    expect(conf).toContain('dhcp-boot=tag:efi64,bootx64.efi,,10.77.0.1');
    expect(conf).toContain('dhcp-boot=tag:!efi64,lpxelinux.0,,10.77.0.1');
    expect(conf).not.toContain(',proxy');
  });
});

describe('gomme hub serve --netboot options', () => {
  it('nothing asked: no netboot; netboot options alone are a usage error', () => {
    expect(netbootChoice({ netbootDefault: 'guided' }, '10.0.0.1')).toBeNull();
    expect(() => netbootChoice({ netbootDefault: 'guided', dhcpRange: 'a,b' }, '10.0.0.1')).toThrow(
      /--netboot/,
    );
  });

  it('needs an interface; takes the listen address by default', () => {
    expect(() => netbootChoice({ netboot: 'x.iso', netbootDefault: 'guided' }, '10.0.0.1')).toThrow(
      /--netboot-interface/,
    );
    expect(
      netbootChoice({ netboot: 'x.iso', netbootInterface: 'eth0', netbootDefault: 'guided' }, '10.0.0.1'),
    ).toEqual({
      iso: 'x.iso',
      interface: 'eth0',
      address: '10.0.0.1',
      dhcpRange: null,
      defaultEntry: 'guided',
    });
  });

  it('erase as the default entry needs the confirmation token', () => {
    const asked = { netboot: 'x.iso', netbootInterface: 'eth0', netbootDefault: 'erase' as const };
    expect(() => netbootChoice(asked, '10.0.0.1')).toThrow(/yes-erase-all/);
    expect(() => netbootChoice({ ...asked, netbootConfirm: 'yes' }, '10.0.0.1')).toThrow(/yes-erase-all/);
    expect(netbootChoice({ ...asked, netbootConfirm: 'yes-erase-all' }, '10.0.0.1')?.defaultEntry).toBe(
      'erase',
    );
  });

  it('--dhcp-range is START,END', () => {
    const asked = { netboot: 'x.iso', netbootInterface: 'eth0', netbootDefault: 'guided' as const };
    expect(netbootChoice({ ...asked, dhcpRange: '10.0.0.100, 10.0.0.150' }, '10.0.0.1')?.dhcpRange).toEqual([
      '10.0.0.100',
      '10.0.0.150',
    ]);
    expect(() => netbootChoice({ ...asked, dhcpRange: '10.0.0.100' }, '10.0.0.1')).toThrow(/START,END/);
  });
});
