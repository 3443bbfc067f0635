/**
 * The built CLI as a process: a reader that closes the pipe early, a bug no command caught, the version.
 * Needs `npm run build` (npm test and npm run test:integration build first); no root needed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../helpers/fixtures.js';
import { gommeCli, gommeLauncher, runGomme } from '../../helpers/run-gomme.js';

const data = mkdtempSync(join(tmpdir(), 'gomme-process-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));

/** Runs `gomme ARGS | reader` in bash; the reader closes its end at once, before gomme writes anything. */
function pipeIntoClosedReader(args: string) {
  const r = spawnSync(
    'bash',
    ['-c', `"${gommeLauncher}" ${args} | { exec 0<&-; sleep 1; }; echo "gomme-exit=\${PIPESTATUS[0]}" >&2`],
    { env: { ...process.env, GOMME_DATA_DIR: data, GOMME_LANG: 'fr' }, encoding: 'utf8', timeout: 60_000 },
  );
  return { stderr: r.stderr, exit: Number(/gomme-exit=(\d+)/.exec(r.stderr)?.[1]) };
}

describe('a closed stdout (gomme history | head)', () => {
  it('ends the command quietly with its own exit code', () => {
    for (const [args, code] of [
      ['history', 0],
      ['exit-codes', 0],
      ['--help', 0],
      ['erase --json --verify nope', 2],
    ] as const) {
      const r = pipeIntoClosedReader(args);
      expect(r.stderr.replace(/gomme-exit=\d+\n/, ''), args).not.toMatch(/EPIPE|node:|at /);
      expect(r.exit, args).toBe(code);
    }
  });
});

describe('a bug no command caught', () => {
  it('prints one line naming the file with the stack, and exits 1', () => {
    const guards = join(projectRoot, 'dist/cli/process-guards.js');
    const script = `
      import { guardProcess } from ${JSON.stringify(guards)};
      guardProcess({ io: { stdout: process.stdout, stderr: process.stderr, env: process.env }, lang: 'fr', json: false });
      setTimeout(() => { throw new TypeError('boom from a timer'); }, 1);
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, GOMME_DATA_DIR: data },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^gomme: Erreur interne, c’est un bogue de gomme : boom from a timer \(détails dans /,
    );
    const file = /détails dans (\S+\.txt)/.exec(r.stderr)?.[1] ?? '';
    expect(file.startsWith(join(data, 'bug-reports'))).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/TypeError: boom from a timer\n\s+at /);

    const debug = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, GOMME_DATA_DIR: data, GOMME_DEBUG: '1' },
      encoding: 'utf8',
    });
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(/détails ci-dessous\)\.\nTypeError: boom from a timer\n\s+at /);
  });
});

describe('gomme --version', () => {
  it('prints package.json’s version through the launcher', () => {
    const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(runGomme(['--version']).stdout).toBe(`${version}\n`);
    expect(spawnSync(process.execPath, [gommeCli, '-V'], { encoding: 'utf8' }).stdout).toBe(`${version}\n`);
  });
});
