import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoopDevice, type LoopDevice } from '../../helpers/loop-device.js';
import { unmount } from '../../helpers/mount.js';
import { runGomme } from '../../helpers/run-gomme.js';

/** `-o` naming a drive (here a mounted, protected loop device) is refused before anything is written to it. */
const isRoot = process.getuid?.() === 0;
const MiB = 1024 * 1024;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe.skipIf(!isRoot)('output files refuse devices', () => {
  let loop: LoopDevice | null = null;
  let work = '';
  let mnt = '';
  let env: NodeJS.ProcessEnv = {};

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'gomme-outputs-'));
    loop = createLoopDevice(16 * MiB);
    execFileSync('mkfs.ext4', ['-q', '-F', '-E', 'lazy_itable_init=0,lazy_journal_init=0', loop.path]);
    mnt = join(work, 'mnt');
    mkdirSync(mnt);
    // Read-only: the filesystem itself writes nothing, so any change to the backing file would be gomme's.
    execFileSync('mount', ['-o', 'ro', loop.path, mnt]);
    env = { GOMME_DATA_DIR: join(work, 'data') };
    expect(runGomme(['keys', 'init', '--organisation', 'Atelier test'], env).code).toBe(0);
  });

  afterAll(() => {
    try {
      if (mnt) unmount(mnt);
      loop?.detach();
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  /** Each command's argv for an output path: the device itself, or a symlink to it. */
  const cases: Record<string, (out: string) => string[]> = {
    'capture -o': (out) => ['capture', '-o', out],
    'export -o': (out) => ['export', '--json', '-o', out],
    'keys export -o': (out) => ['keys', 'export', '-o', out],
    'cert render -o': (out) => ['cert', 'render', '00000000-0000-0000-0000-000000000000', '-o', out],
  };

  it.each(
    Object.keys(cases).flatMap((name) => [
      [name, 'device'],
      [name, 'symlink'],
    ]),
  )('%s onto the %s: exit 3, the device unchanged', (name, how) => {
    const device = loop!.path;
    const link = join(work, `${name.replace(/\W+/g, '-')}.json`);
    if (how === 'symlink') spawnSync('ln', ['-sfn', device, link]);
    const argv = cases[name]!(how === 'symlink' ? link : device);
    const before = sha(loop!.backingFile);
    const r = runGomme(argv, env);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(
      how === 'symlink' ? `${link} (→ ${device}) is a device` : `${device} is a device`,
    );
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(sha(loop!.backingFile)).toBe(before);
    if (name === 'capture -o') {
      const fr = runGomme(argv, { ...env, GOMME_LANG: 'fr' });
      expect(fr.stderr).toContain('est un périphérique (un disque ou un terminal)');
    }
  });

  it('still writes an ordinary file, through a symlink too', () => {
    const target = join(work, 'bundle.json');
    const link = join(work, 'link.json');
    symlinkSync(target, link);
    expect(runGomme(['capture', '-o', link], env).code).toBe(0);
    expect(JSON.parse(readFileSync(target, 'utf8')).format).toBe('gomme-bundle');
    expect(runGomme(['keys', 'export', '-o', join(work, 'org.pem')], env).code).toBe(0);
    expect(readFileSync(join(work, 'org.pem'), 'utf8')).toContain('BEGIN CERTIFICATE');
  });
});
