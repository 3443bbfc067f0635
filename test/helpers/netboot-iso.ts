import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SmallIsoContent {
  kernel: Buffer | string;
  initrd: Buffer | string;
  squashfs: Buffer | string;
  /** The image's own signed shim and GRUB under /netboot (iso-build hook 9110). */
  withLoaders?: boolean;
}

/**
 * A small ISO laid out as live-build lays out gomme's (/live, /isolinux/live.cfg, optionally /netboot), made
 * with xorriso in `work`: what `gomme hub serve --netboot` extracts and serves, without a 400 MB build.
 */
export function makeGommeLikeIso(work: string, name: string, content: SmallIsoContent): string {
  const tree = join(work, `${name}-tree`);
  mkdirSync(join(tree, 'live'), { recursive: true });
  mkdirSync(join(tree, 'isolinux'), { recursive: true });
  writeFileSync(join(tree, 'live', 'vmlinuz'), content.kernel);
  writeFileSync(join(tree, 'live', 'initrd.img'), content.initrd);
  writeFileSync(join(tree, 'live', 'filesystem.squashfs'), content.squashfs);
  writeFileSync(
    join(tree, 'isolinux', 'live.cfg'),
    'label live-amd64\n\tmenu label ^gomme\n\tmenu default\n\tlinux /live/vmlinuz\n\tappend initrd=/live/initrd.img boot=live components quiet\n',
  );
  if (content.withLoaders) {
    mkdirSync(join(tree, 'netboot'));
    writeFileSync(join(tree, 'netboot', 'shimx64.efi.signed'), 'iso-shim');
    writeFileSync(join(tree, 'netboot', 'grubnetx64.efi.signed'), 'iso-grub');
  }
  const iso = join(work, `${name}.iso`);
  execFileSync('xorriso', ['-as', 'mkisofs', '-quiet', '-R', '-o', iso, tree], { stdio: 'ignore' });
  return iso;
}
