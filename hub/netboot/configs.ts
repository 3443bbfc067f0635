import type { Lang } from '../../core/i18n.js';
import { HTTP_FILES, netbootPath } from './http-files.js';
import type { EntryId, MenuEntry } from './menu.js';

/**
 * The three configuration files of a netboot session, as pure functions of its settings: dnsmasq (proxy-DHCP
 * and TFTP), GRUB (UEFI: shim → Debian's signed grubnetx64) and PXELINUX (BIOS: lpxelinux). Written by
 * start-netboot.ts. Only the first stages, their modules and menus go over TFTP: the kernel and initrd come
 * from the hub over HTTP (TFTP waits for each 1 KB block's acknowledgement before sending the next one).
 */

/** TFTP names: shim is what the firmware loads; shim loads grubx64.efi from the same folder. */
export const TFTP = {
  shim: 'bootx64.efi',
  grub: 'grubx64.efi',
  /** Debian's grubnetx64 looks for /grub/grub.cfg on the server it booted from. */
  grubCfg: 'grub/grub.cfg',
  /** PXELINUX with an HTTP client (lwIP): loads ldlinux.c32 and its menu over TFTP, KERNEL http://… over HTTP. */
  pxelinux: 'lpxelinux.0',
  pxelinuxCfg: 'pxelinux.cfg/default',
  /** memtest86+ stays on TFTP: a few hundred kB, rarely chosen. */
  memtestBios: 'live/memtest.bin',
  memtestEfi: 'live/memtest.efi',
} as const;

/** Where the PCs reach the hub's HTTP server (its address on the workshop network). */
export interface HubHttp {
  address: string;
  port: number;
}

export interface DnsmasqInputs {
  interface: string;
  /** The hub's IPv4 address on that interface (next-server). */
  address: string;
  tftpRoot: string;
  /** null: proxy-DHCP (never hands out an address); [start, end]: serves addresses (isolated switch only). */
  dhcpRange: [string, string] | null;
  logFile: string;
  pidFile: string;
  /** The user dnsmasq drops to (it must read tftpRoot). */
  user: string;
}

/** dnsmasq's configuration (`--conf-file`): no DNS, DHCP for PXE clients only, TFTP read-only. */
export function dnsmasqConfig(c: DnsmasqInputs): string {
  const lines = [
    '# gomme hub netboot (generated: edit the hub options, not this file)',
    'port=0',
    `interface=${c.interface}`,
    'bind-interfaces',
    'except-interface=lo',
    `user=${c.user}`,
    `pid-file=${c.pidFile}`,
    `log-facility=${c.logFile}`,
    'log-dhcp',
    'enable-tftp',
    `tftp-root=${c.tftpRoot}`,
    'tftp-no-fail',
    // Firmware reports its architecture (RFC 4578 option 93): 0 BIOS, 7 and 9 x86-64 UEFI.
    'dhcp-match=set:efi64,option:client-arch,7',
    'dhcp-match=set:efi64,option:client-arch,9',
  ];
  if (c.dhcpRange === null) {
    // Proxy-DHCP: answers PXE clients with the boot file only; the site's DHCP server gives the addresses.
    lines.push(
      `dhcp-range=${c.address},proxy`,
      `pxe-service=x86PC,"gomme (BIOS)",${TFTP.pxelinux.replace(/\.0$/, '')}`,
      `pxe-service=X86-64_EFI,"gomme (UEFI)",${TFTP.shim}`,
      `pxe-service=BC_EFI,"gomme (UEFI)",${TFTP.shim}`,
    );
  } else {
    lines.push(
      `dhcp-range=${c.dhcpRange[0]},${c.dhcpRange[1]},1h`,
      'dhcp-authoritative',
      `dhcp-boot=tag:efi64,${TFTP.shim},,${c.address}`,
      `dhcp-boot=tag:!efi64,${TFTP.pxelinux},,${c.address}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const grubQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * GRUB 2.12's network device with a port: `(http,ADDRESS:PORT)` (GRUB manual, "Device syntax"). Its http module
 * uses GRUB's own TCP over the card it booted from (efinet): its SYN carries no MSS option and an 8 KB window,
 * so the hub sends 536-byte segments, 16 in flight at most (slower than lpxelinux's 1460-byte ones).
 */
export function grubConfig(
  entries: MenuEntry[],
  defaultId: EntryId,
  lang: Lang,
  hub: HubHttp,
  timeoutSeconds = 5,
): string {
  const device = `(http,${hub.address}:${hub.port})`;
  const lines = [
    '# gomme hub netboot (generated)',
    `set default=${defaultId}`,
    `set timeout=${timeoutSeconds}`,
    'set timeout_style=menu',
    // The menu also on a serial console when there is one (servers, virtual machines); harmless without.
    'if serial --unit=0 --speed=115200; then terminal_input console serial; terminal_output console serial; fi',
  ];
  for (const entry of entries) {
    lines.push(`menuentry ${grubQuote(entry.label[lang])} --id ${entry.id} {`);
    if (entry.id === 'memtest') {
      lines.push(`  chainloader /${TFTP.memtestEfi}`);
    } else {
      lines.push(`  echo ${grubQuote(entry.label[lang])}`);
      lines.push(`  linux ${device}${netbootPath(HTTP_FILES.kernel)} ${entry.args.join(' ')}`);
      lines.push(`  initrd ${device}${netbootPath(HTTP_FILES.initrd)}`);
    }
    lines.push('}');
  }
  return `${lines.join('\n')}\n`;
}

/** lpxelinux reads `KERNEL http://…` and `INITRD http://…` with its own HTTP client. */
export function pxelinuxConfig(
  entries: MenuEntry[],
  defaultId: EntryId,
  lang: Lang,
  hub: HubHttp,
  timeoutSeconds = 5,
): string {
  const url = (name: (typeof HTTP_FILES)['kernel' | 'initrd']) =>
    `http://${hub.address}:${hub.port}${netbootPath(name)}`;
  const lines = [
    '# gomme hub netboot (generated)',
    'SERIAL 0 115200',
    'UI menu.c32',
    'PROMPT 0',
    `TIMEOUT ${timeoutSeconds * 10}`,
    `DEFAULT ${defaultId}`,
    'MENU TITLE gomme',
  ];
  for (const entry of entries) {
    lines.push('', `LABEL ${entry.id}`, `  MENU LABEL ${entry.label[lang]}`);
    if (entry.id === defaultId) lines.push('  MENU DEFAULT');
    if (entry.id === 'memtest') {
      lines.push(`  KERNEL /${TFTP.memtestBios}`);
    } else {
      lines.push(
        `  KERNEL ${url(HTTP_FILES.kernel)}`,
        `  INITRD ${url(HTTP_FILES.initrd)}`,
        `  APPEND ${entry.args.join(' ')}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
