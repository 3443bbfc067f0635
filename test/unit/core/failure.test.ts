import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeviceNotFoundError } from '../../../core/errors.js';
import { describeFailure } from '../../../core/failure.js';

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gomme-failure-'));
  dirs.push(dir);
  return dir;
};
const files: string[] = [];
afterAll(() => {
  for (const f of files) rmSync(f, { force: true });
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function bug(): Error {
  const error = new TypeError('Cannot read properties of undefined (reading "serial")');
  error.cause = new Error('the cause');
  return error;
}

describe('describeFailure: the one error → message and exit code mapping', () => {
  it('a GommeError keeps its exit code, its words in the user’s language and its hint', async () => {
    const error = new DeviceNotFoundError('/dev/sdz');
    const report = await describeFailure(error, 'fr', { env: {} });
    expect(report.exitCode).toBe(4);
    expect(report.message).toBe(error.text.fr);
    expect(report.message).toContain('/dev/sdz');
    expect(report.hint).toContain('gomme drives');
    expect(report.json).toEqual({
      type: 'error',
      code: 'device-not-found',
      exitCode: 4,
      message: report.message,
      hint: report.hint,
    });
    expect(report.debugDetails).toBeNull();
  });

  it('a bug is one line saying so, with its message and the file holding its stack (in the data folder)', async () => {
    const data = temp();
    const report = await describeFailure(bug(), 'fr', { env: { GOMME_DATA_DIR: data } });
    expect(report.exitCode).toBe(1);
    expect(report.message).not.toContain('\n');
    expect(report.message).toMatch(/^Erreur interne, c’est un bogue de gomme : Cannot read properties/);
    const [name] = readdirSync(join(data, 'bug-reports'));
    const file = join(data, 'bug-reports', name ?? '');
    expect(report.message).toContain(file);
    expect(report.message).not.toMatch(/\n\s+at /);
    const saved = readFileSync(file, 'utf8');
    expect(saved).toContain('TypeError: Cannot read properties of undefined');
    expect(saved).toMatch(/\n\s+at /); // the stack
    expect(saved).toContain('the cause');
    expect(report.json).toMatchObject({ type: 'error', code: 'internal', exitCode: 1, hint: null });
    expect((await describeFailure(bug(), 'en', { env: { GOMME_DATA_DIR: data } })).message).toMatch(
      /^Internal error, this is a bug in gomme: Cannot read .* \(details in \/.*gomme-bug-.*\.txt, please attach it/,
    );
  });

  it('falls back to the temp folder when the data folder cannot be written', async () => {
    const notADir = join(temp(), 'file');
    writeFileSync(notADir, '');
    const report = await describeFailure(bug(), 'en', { env: { GOMME_DATA_DIR: notADir } });
    const file = /details in (\S+\.txt)/.exec(report.message)?.[1] ?? '';
    files.push(file);
    expect(file.startsWith(tmpdir())).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('TypeError');
  });

  it('says how to see the details when no file can be written', async () => {
    const report = await describeFailure(bug(), 'fr', { env: {}, saveBugReport: () => null });
    expect(report.message).toContain('relancez avec GOMME_DEBUG=1');
  });

  it('with GOMME_DEBUG=1 the stack is for stderr and no file is written', async () => {
    const data = temp();
    const report = await describeFailure(bug(), 'en', { env: { GOMME_DATA_DIR: data, GOMME_DEBUG: '1' } });
    expect(report.message).toContain('(details below)');
    expect(report.debugDetails).toMatch(/TypeError: Cannot read[\s\S]*\n\s+at /);
    expect(existsSync(join(data, 'bug-reports'))).toBe(false);
  });

  it('a thrown non-Error is a bug too', async () => {
    const report = await describeFailure('just a string', 'en', {
      env: {},
      saveBugReport: () => '/x/bug.txt',
    });
    expect(report.exitCode).toBe(1);
    expect(report.message).toContain('this is a bug in gomme: just a string (details in /x/bug.txt');
  });
});
