import { execFileSync } from 'node:child_process';

/**
 * Reads the GOMME-DATA ext4 image from the host with debugfs (e2fsprogs): no mount, no loop device, and the
 * image stays exactly as the guest left it.
 */
export function listDir(image: string, dir: string): string[] {
  const out = execFileSync('debugfs', ['-R', `ls -p ${dir}`, image], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  // `ls -p` lines: /inode/mode/uid/gid/name/size/
  return out
    .split('\n')
    .map((line) => line.split('/')[5] ?? '')
    .filter((name) => name !== '' && name !== '.' && name !== '..');
}

export function dumpFile(image: string, path: string, to: string): void {
  execFileSync('debugfs', ['-R', `dump ${path} ${to}`, image], { stdio: 'ignore' });
}

/** Every file under dir, recursively, as paths relative to the image root. */
export function walk(image: string, dir: string): string[] {
  const out = execFileSync('debugfs', ['-R', `ls -p ${dir}`, image], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const files: string[] = [];
  for (const line of out.split('\n')) {
    const [, , mode, , , name] = line.split('/');
    if (!name || name === '.' || name === '..' || !mode) continue;
    const path = `${dir.replace(/\/$/, '')}/${name}`;
    if (mode.startsWith('04')) files.push(...walk(image, path));
    else files.push(path);
  }
  return files;
}
