import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { text } from '../../core/i18n.js';
import type { CommandRunner } from '../../core/run/runner.js';
import { TFTP } from './configs.js';
import { missingLoader, NetbootSetupError, notGommeIso } from './errors.js';
import { HTTP_FILES, type ServedFile } from './http-files.js';
import { isoLiveAppend } from './menu.js';

/**
 * The files a netboot session serves: the first stages from Debian's packages on the hub's machine (signed shim
 * and GRUB for UEFI and Secure Boot, PXELINUX for BIOS), and the kernel, initrd and root filesystem taken as they
 * are from a built gomme ISO (nothing rebuilt, so what boots over the network is byte for byte the stick).
 */

/**
 * Debian's paths (bookworm and trixie), with the package that ships each. Shim and GRUB come from the image
 * itself when it carries them: bookworm's GRUB 2.06 ignores a proxy-DHCP answer (it looks for its menu on the
 * site's DHCP server), trixie's 2.12 reads it.
 */
export const LOADERS = [
  { from: '/usr/lib/shim/shimx64.efi.signed', to: TFTP.shim, pkg: 'shim-signed' },
  {
    from: '/usr/lib/grub/x86_64-efi-signed/grubnetx64.efi.signed',
    to: TFTP.grub,
    pkg: 'grub-efi-amd64-signed',
  },
  // ldlinux.c32 must come from the same syslinux as lpxelinux.0 (both Debian's 6.04): it checks the version.
  { from: '/usr/lib/PXELINUX/lpxelinux.0', to: TFTP.pxelinux, pkg: 'pxelinux' },
  { from: '/usr/lib/syslinux/modules/bios/ldlinux.c32', to: 'ldlinux.c32', pkg: 'syslinux-common' },
  { from: '/usr/lib/syslinux/modules/bios/menu.c32', to: 'menu.c32', pkg: 'syslinux-common' },
  { from: '/usr/lib/syslinux/modules/bios/libutil.c32', to: 'libutil.c32', pkg: 'syslinux-common' },
  { from: '/usr/lib/syslinux/modules/bios/libcom32.c32', to: 'libcom32.c32', pkg: 'syslinux-common' },
] as const;

export interface ExtractedIso {
  /** Folder holding vmlinuz, initrd.img and filesystem.squashfs. */
  liveDir: string;
  /** Kernel, initrd and root filesystem as the hub serves them over HTTP, with their sizes. */
  httpFiles: ServedFile[];
  /** The ISO's default live entry's kernel parameters. */
  isoAppend: string[];
  memtest: { bios: string | null; efi: string | null };
  /** The image's own signed shim and grubnetx64 (same Debian release as its kernel); null: the host's. */
  signedLoaders: { shim: string | null; grub: string | null };
}

/**
 * Extracts /live and isolinux/live.cfg with xorriso, once per ISO (its size and mtime are remembered in
 * DIR/iso.stamp): a hub restarted with the same ISO starts at once.
 */
export async function extractIso(runner: CommandRunner, iso: string, dir: string): Promise<ExtractedIso> {
  if (!existsSync(iso)) throw notGommeIso(iso, iso);
  const stat = statSync(iso);
  const stamp = `${iso}\n${stat.size}\n${stat.mtimeMs}\n`;
  const stampFile = join(dir, 'iso.stamp');
  const liveDir = join(dir, 'live');
  const liveCfg = join(dir, 'live.cfg');
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const result = await runner.run(
      'xorriso',
      [
        '-osirrox',
        'on',
        '-indev',
        iso,
        '-extract',
        '/live',
        liveDir,
        '-extract',
        '/isolinux/live.cfg',
        liveCfg,
      ],
      { timeoutMs: 600_000 },
    );
    const missing = /source file '([^']+)' : No such file or directory/.exec(result.stderr)?.[1];
    if (result.exitCode !== 0 && missing) throw notGommeIso(iso, missing);
    if (result.exitCode !== 0)
      throw new NetbootSetupError(
        'iso-extract',
        text(`Lecture de l’image ${iso} impossible (xorriso).`, `Cannot read the image ${iso} (xorriso).`),
        text(`Détail : ${lastLine(result.stderr)}`, `Detail: ${lastLine(result.stderr)}`),
      );
    // The image's own signed shim and GRUB network image (iso-build hook 9110), when it carries them.
    const loaders = await runner.run(
      'xorriso',
      ['-osirrox', 'on', '-indev', iso, '-extract', '/netboot', join(dir, 'netboot')],
      {
        timeoutMs: 120_000,
      },
    );
    if (loaders.exitCode !== 0 && !loaders.stderr.includes('No such file or directory'))
      throw new NetbootSetupError(
        'iso-extract',
        text(`Lecture de l’image ${iso} impossible (xorriso).`, `Cannot read the image ${iso} (xorriso).`),
        text(`Détail : ${lastLine(loaders.stderr)}`, `Detail: ${lastLine(loaders.stderr)}`),
      );
    writeFileSync(stampFile, stamp);
  }
  const fromIso = (name: string) =>
    existsSync(join(dir, 'netboot', name)) ? join(dir, 'netboot', name) : null;
  const names = Object.values(HTTP_FILES);
  for (const name of names) if (!existsSync(join(liveDir, name))) throw notGommeIso(iso, `/live/${name}`);
  const isoAppend = existsSync(liveCfg) ? isoLiveAppend(readFileSync(liveCfg, 'utf8')) : null;
  if (!isoAppend) throw notGommeIso(iso, '/isolinux/live.cfg (append)');
  const find = (names: string[]) => names.map((n) => join(liveDir, n)).find((p) => existsSync(p)) ?? null;
  return {
    liveDir,
    httpFiles: names.map((name) => {
      const path = join(liveDir, name);
      return { name, path, bytes: statSync(path).size };
    }),
    isoAppend,
    memtest: {
      bios: find(['memtest86+x64.bin', 'memtest']),
      efi: find(['memtest86+x64.efi', 'memtest.efi']),
    },
    signedLoaders: { shim: fromIso('shimx64.efi.signed'), grub: fromIso('grubnetx64.efi.signed') },
  };
}

/**
 * Fills the TFTP root: the first stages, their modules and memtest86+. The kernel and initrd are not there:
 * they go over HTTP (http-files.ts), straight from the extraction.
 */
export function populateTftp(tftpRoot: string, iso: ExtractedIso): void {
  rmSync(tftpRoot, { recursive: true, force: true });
  for (const loader of LOADERS) {
    const own =
      loader.to === TFTP.shim
        ? iso.signedLoaders.shim
        : loader.to === TFTP.grub
          ? iso.signedLoaders.grub
          : null;
    const from = own ?? loader.from;
    if (!existsSync(from)) throw missingLoader(from, loader.pkg);
    place(from, join(tftpRoot, loader.to));
  }
  // dnsmasq names the PXE boot file BASENAME.0 for BIOS; some firmware asks for bootx64.efi.0 too.
  place(join(tftpRoot, TFTP.shim), join(tftpRoot, `${TFTP.shim}.0`));
  if (iso.memtest.bios) place(iso.memtest.bios, join(tftpRoot, TFTP.memtestBios));
  if (iso.memtest.efi) place(iso.memtest.efi, join(tftpRoot, TFTP.memtestEfi));
}

function place(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch (error) {
    // Another filesystem (EXDEV) or a system file we may not link to (EPERM): copy instead.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM') throw error;
    copyFileSync(from, to);
  }
}

function lastLine(s: string): string {
  return s.trim().split('\n').pop() ?? '';
}
