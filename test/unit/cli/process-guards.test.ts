import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { guardProcess } from '../../../cli/process-guards.js';
import { reportFailure } from '../../../cli/report-failure.js';
import { UsageError } from '../../../core/errors.js';
import { text } from '../../../core/i18n.js';

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = { stdout: '', stderr: '' };
  stdout.on('data', (c: Buffer) => {
    out.stdout += String(c);
  });
  stderr.on('data', (c: Buffer) => {
    out.stderr += String(c);
  });
  return { io: { stdout, stderr, env: {} }, out };
}

describe('reportFailure', () => {
  it('prints the message and hint on stderr, and the JSON line on stdout with --json', async () => {
    const { io, out } = capture();
    const code = await reportFailure(
      new UsageError(text('Nommez des disques.', 'Name drives.'), text('a', 'b')),
      {
        io,
        lang: 'fr',
        json: true,
      },
    );
    expect(code).toBe(2);
    expect(out.stderr).toBe('gomme: Nommez des disques.\n  → a\n');
    expect(JSON.parse(out.stdout)).toEqual({
      type: 'error',
      code: 'usage',
      exitCode: 2,
      message: 'Nommez des disques.',
      hint: 'a',
    });
  });

  it('a bug: one line on stderr, no stack', async () => {
    const { io, out } = capture();
    const code = await reportFailure(new RangeError('offset out of range'), {
      io,
      lang: 'en',
      json: false,
      prefix: 'gomme unattended',
      saveBugReport: () => '/data/bug-reports/gomme-bug-x.txt',
    });
    expect(code).toBe(1);
    expect(out.stderr).toBe(
      'gomme unattended: Internal error, this is a bug in gomme: offset out of range ' +
        '(details in /data/bug-reports/gomme-bug-x.txt, please attach it to the report).\n',
    );
    expect(out.stdout).toBe('');
  });
});

describe('guardProcess', () => {
  function fakeProcess() {
    const proc = Object.assign(new EventEmitter(), {
      stdout: new EventEmitter(),
      stderr: new EventEmitter(),
      exits: [] as number[],
      exit(code: number) {
        proc.exits.push(code);
      },
    });
    return proc;
  }

  it('a closed reader (EPIPE on stdout or stderr) is not an error', async () => {
    const { io, out } = capture();
    const proc = fakeProcess();
    guardProcess({ io, lang: 'fr', json: false }, proc);
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    proc.stdout.emit('error', epipe);
    proc.stderr.emit('error', epipe);
    expect(proc.exits).toEqual([]);
    expect(out.stderr).toBe('');
  });

  it('any other stream error, and an uncaught error, is reported as a bug and ends with exit 1', async () => {
    const { io, out } = capture();
    const proc = fakeProcess();
    guardProcess({ io, lang: 'fr', json: false, saveBugReport: () => '/tmp/b.txt' }, proc);
    proc.stdout.emit('error', Object.assign(new Error('write EIO'), { code: 'EIO' }));
    proc.emit('uncaughtException', new Error('boom'));
    proc.emit('unhandledRejection', new Error('late'));
    await vi.waitFor(() => expect(proc.exits).toEqual([1, 1, 1]));
    expect(out.stderr.trim().split('\n')).toEqual([
      'gomme: Erreur interne, c’est un bogue de gomme : write EIO (détails dans /tmp/b.txt, à joindre au signalement).',
      'gomme: Erreur interne, c’est un bogue de gomme : boom (détails dans /tmp/b.txt, à joindre au signalement).',
      'gomme: Erreur interne, c’est un bogue de gomme : late (détails dans /tmp/b.txt, à joindre au signalement).',
    ]);
  });
});
