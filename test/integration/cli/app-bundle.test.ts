/**
 * The live image runs gomme from the bundle `npm run build` makes (dist/bundle, iso-build/bundle-app.mjs), not
 * from dist/cli: these tests run the bundle as the image does and check what bundling could break — the paths the
 * code finds from its own location (package.json, the native AES module, the erase engine's entry), the lazy
 * chunks, and the guide's first screen.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../helpers/fixtures.js';
import { withLoopDevice } from '../../helpers/loop-device.js';

const bundle = join(projectRoot, 'dist/bundle');
const data = mkdtempSync(join(tmpdir(), 'gomme-bundle-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));
const isRoot = process.getuid?.() === 0;

function runBundle(entry: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(bundle, entry), ...args], {
    env: { ...process.env, GOMME_DATA_DIR: data, GOMME_LANG: 'en', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the bundle the live image runs', () => {
  it('is a few files, not the hundreds of modules of dist/cli', () => {
    for (const entry of ['gomme.js', 'gomme-unattended.js', 'engine-main.js'])
      expect(existsSync(join(bundle, entry)), entry).toBe(true);
  });

  it('finds package.json from where it lives: --version is the package version', () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    const r = runBundle('gomme.js', ['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('answers like dist/cli for a command that loads lazy chunks (exit-codes)', () => {
    const bundled = runBundle('gomme.js', ['exit-codes']);
    const plain = spawnSync(process.execPath, [join(projectRoot, 'dist/cli/main.js'), 'exit-codes'], {
      env: { ...process.env, GOMME_DATA_DIR: data, GOMME_LANG: 'en' },
      encoding: 'utf8',
    });
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toBe(plain.stdout);
    expect(bundled.stdout).toMatch(/\b3\b/);
  });

  it('the unattended entry does nothing without gomme.mode, and says so in French', () => {
    // Neither this machine's kernel command line nor its SMBIOS strings carry a gomme.* key.
    const r = runBundle('gomme-unattended.js', ['--lang', 'fr', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Pas de gomme.mode');
  });

  it.skipIf(!isRoot)(
    'erases a loop device with a random pass through the bundled engine and the native AES module',
    async () => {
      await withLoopDevice(8 * 1024 * 1024, {}, (loop) => {
        const r = runBundle('gomme.js', [
          'erase',
          loop.path,
          '--method',
          'random',
          '--verify',
          'all',
          '--yes',
          '--json',
        ]);
        expect(r.stderr).not.toContain('GOMME_AES_CTR_FALLBACK');
        expect(r.stderr).not.toContain('node:crypto at about half the speed');
        expect(r.code).toBe(0);
        const last = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}');
        expect(last).toMatchObject({ type: 'result', drives: [{ result: 'ERASED' }] });
        // Random bytes, not zeros: the pass really ran.
        const head = readFileSync(loop.backingFile).subarray(0, 4096);
        expect(head.equals(Buffer.alloc(4096))).toBe(false);
      });
    },
  );

  it('shows the guide’s first screen in French when started on a terminal', async () => {
    // `script` gives the guide a pseudo-terminal, as tty1 does; the standby FIFO is how console.sh starts it.
    const fifo = join(data, 'standby.fifo');
    spawnSync('mkfifo', [fifo]);
    // Without CI: Ink draws only the last frame when it believes it runs in CI (as .ci/run sets), never on tty1.
    const { CI: _ci, ...env } = process.env;
    const child = spawn('script', ['-qc', `${process.execPath} ${join(bundle, 'gomme.js')}`, '/dev/null'], {
      env: {
        ...env,
        GOMME_LIVE: '1',
        GOMME_DATA_DIR: join(data, 'guide'),
        GOMME_GUIDE_STANDBY: fifo,
        GOMME_LANG: 'fr',
        TERM: 'linux',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      screen += chunk;
    });
    try {
      const deadline = Date.now() + 30_000;
      while (!existsSync(`${fifo}.ready`) && Date.now() < deadline) await sleep(50);
      expect(existsSync(`${fifo}.ready`)).toBe(true);
      spawnSync('bash', ['-c', `echo go > ${fifo}`]);
      while (!screen.includes('Étape 1/') && Date.now() < deadline) await sleep(50);
      expect(screen).toContain('Étape 1/');
      expect(screen).toContain('Rien n');
      expect(screen).not.toMatch(/Erreur interne/);
    } finally {
      child.kill('SIGTERM');
      spawnSync('pkill', ['-KILL', '-f', `${join(bundle, 'gomme.js')}$`]);
    }
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
