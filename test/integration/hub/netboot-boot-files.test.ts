import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExecaRunner } from '../../../core/run/execa-runner.js';
import { extractIso, populateTftp } from '../../../hub/netboot/boot-files.js';
import { makeGommeLikeIso } from '../../helpers/netboot-iso.js';

/**
 * The netboot files from a real ISO (a small one made here with xorriso, laid out as live-build lays out gomme's):
 * kernel, initrd, root filesystem and the ISO's default kernel parameters come out of it; the image's own signed
 * shim and GRUB win over the host's. The TFTP root holds only the first stages (lpxelinux, shim, GRUB) and their
 * modules: kernel and initrd go over HTTP.
 */
const work = mkdtempSync(join(tmpdir(), 'gomme-netboot-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const makeIso = (name: string, withLoaders: boolean) =>
  makeGommeLikeIso(work, name, {
    kernel: 'kernel',
    initrd: 'initrd',
    squashfs: Buffer.alloc(100_000, 7),
    withLoaders,
  });

describe('netboot boot files', () => {
  it('extracts kernel, initrd, root filesystem and the default entry’s parameters; the ISO’s loaders win', async () => {
    const iso = makeIso('with-loaders', true);
    const dir = join(work, 'out1');
    const extracted = await extractIso(new ExecaRunner(), iso, dir);
    expect(extracted.isoAppend).toEqual(['boot=live', 'components', 'quiet']);
    expect(extracted.httpFiles.map((f) => [f.name, f.bytes])).toEqual([
      ['vmlinuz', 6],
      ['initrd.img', 6],
      ['filesystem.squashfs', 100_000],
    ]);
    expect(readFileSync(extracted.httpFiles[0]?.path ?? '', 'utf8')).toBe('kernel');
    expect(extracted.signedLoaders.shim).toMatch(/netboot\/shimx64\.efi\.signed$/);
    const tftp = join(work, 'tftp1');
    populateTftp(tftp, extracted);
    expect(readFileSync(join(tftp, 'bootx64.efi'), 'utf8')).toBe('iso-shim');
    expect(readFileSync(join(tftp, 'bootx64.efi.0'), 'utf8')).toBe('iso-shim');
    expect(readFileSync(join(tftp, 'grubx64.efi'), 'utf8')).toBe('iso-grub');
    expect(existsSync(join(tftp, 'live', 'vmlinuz'))).toBe(false);
    expect(existsSync(join(tftp, 'live', 'initrd.img'))).toBe(false);
    expect(readFileSync(join(tftp, 'lpxelinux.0'))).toEqual(readFileSync('/usr/lib/PXELINUX/lpxelinux.0'));
    expect(existsSync(join(tftp, 'pxelinux.0'))).toBe(false);
    for (const c32 of ['ldlinux.c32', 'menu.c32', 'libutil.c32', 'libcom32.c32'])
      expect(existsSync(join(tftp, c32))).toBe(true);
    // A second start with the same ISO extracts nothing again (the stamp matches).
    const mtime = statSync(join(dir, 'live', 'filesystem.squashfs')).mtimeMs;
    await extractIso(new ExecaRunner(), iso, dir);
    expect(statSync(join(dir, 'live', 'filesystem.squashfs')).mtimeMs).toBe(mtime);
  });

  // The host's pair is not installed by packages-test.txt (its install scripts run grub-install on EFI machines).
  const hostLoaders = [
    '/usr/lib/shim/shimx64.efi.signed',
    '/usr/lib/grub/x86_64-efi-signed/grubnetx64.efi.signed',
  ];
  it.skipIf(!hostLoaders.every((f) => existsSync(f)))(
    'an image without /netboot uses the host’s signed shim and GRUB',
    async () => {
      const extracted = await extractIso(new ExecaRunner(), makeIso('plain', false), join(work, 'out2'));
      expect(extracted.signedLoaders).toEqual({ shim: null, grub: null });
      const tftp = join(work, 'tftp2');
      populateTftp(tftp, extracted);
      expect(statSync(join(tftp, 'grubx64.efi')).size).toBe(
        statSync('/usr/lib/grub/x86_64-efi-signed/grubnetx64.efi.signed').size,
      );
    },
  );

  it('refuses what is not a gomme image, saying what is missing', async () => {
    const tree = join(work, 'bad-tree');
    mkdirSync(join(tree, 'live'), { recursive: true });
    writeFileSync(join(tree, 'live', 'vmlinuz'), 'k');
    const iso = join(work, 'bad.iso');
    execFileSync('xorriso', ['-as', 'mkisofs', '-quiet', '-R', '-o', iso, tree], { stdio: 'ignore' });
    await expect(extractIso(new ExecaRunner(), iso, join(work, 'out3'))).rejects.toMatchObject({
      code: 'netboot-iso-invalid',
    });
    await expect(
      extractIso(new ExecaRunner(), join(work, 'absent.iso'), join(work, 'out4')),
    ).rejects.toMatchObject({
      code: 'netboot-iso-invalid',
    });
  });
});
