import { describe, expect, it } from 'vitest';
import { ToolMissingError } from '../../../../core/errors.js';
import type { CommandRunner } from '../../../../core/run/runner.js';
import { shortestPeriod } from '../../../../erasure/purge/sample-digest.js';
import { parseToolVersion, readToolVersions } from '../../../../erasure/purge/tool-versions.js';
import { judgePurge } from '../../../../erasure/purge/verify-purge.js';
import { readFixture } from '../../../helpers/fixtures.js';

const s = (sha256: string, pattern: string | null = null) => ({ offset: 0, length: 4096, sha256, pattern });

describe('judgePurge', () => {
  it('fails a purge that did not report success, even with perfect data', () => {
    const v = judgePurge([s('a')], [s('z', '00')], 'pattern', { status: 'failed', completion: 'none' });
    expect(v.passed).toBe(false);
    expect(v.failures[0]).toMatch(/did not report success/);
  });
  it('crypto: changed data passes; a zeroed sample that was zeros already is only noted', () => {
    expect(judgePurge([s('a'), s('z', '00')], [s('b'), s('z', '00')], 'changed').passed).toBe(true);
  });
  it('pattern: mixed patterns fail (one device-wide fill expected)', () => {
    const v = judgePurge([s('a'), s('b'), s('c')], [s('z', '00'), s('z', '00'), s('f', 'ff')], 'pattern');
    expect(v).toMatchObject({ passed: false, pattern: '00', patternMismatches: 1 });
  });
  it('unconfirmed completion is noted; unreadable samples fail', () => {
    const v = judgePurge([s('a')], [{ ...s('x'), sha256: null }], 'changed', {
      status: 'succeeded',
      completion: 'unconfirmed',
    });
    expect(v.passed).toBe(false);
    expect(v.notes[0]).toMatch(/never showed the purge running/);
  });
  it('finds the shortest periods of fills', () => {
    expect(shortestPeriod(Buffer.alloc(4096))).toBe(1);
    expect(shortestPeriod(Buffer.alloc(4096, Buffer.from([0x33, 0xcc, 0x55, 0xaa])))).toBe(4);
    expect(shortestPeriod(Buffer.from('0123456789abcdef'.repeat(64)))).toBe(16);
  });
});

describe('tool versions', () => {
  it('parses the captured `nvme version` and the hdparm / sg3 / util-linux formats', () => {
    expect(parseToolVersion('nvme', readFixture('qemu/bios-cdrom-full/nvme-version.out'))).toBe(
      '2.13 (libnvme 1.13)',
    );
    expect(parseToolVersion('hdparm', 'hdparm v9.65\n')).toBe('9.65'); // HAND-WRITTEN: hdparm -V format
    expect(parseToolVersion('sg3_utils', '1.19 20220117\n')).toBe('1.19 20220117'); // HAND-WRITTEN: sg_sanitize --version
    expect(parseToolVersion('blkdiscard', 'blkdiscard from util-linux 2.38.1\n')).toBe('2.38.1'); // HAND-WRITTEN
  });
  it('records a missing program as null', async () => {
    const runner: CommandRunner = {
      run: async (file) => {
        if (file === 'sg_sanitize') throw new ToolMissingError('sg_sanitize', 'sg3-utils');
        return {
          argv: [file],
          exitCode: 0,
          signal: null,
          stdout: 'hdparm v9.65\n',
          stderr: '',
          timedOut: false,
          durationMs: 1,
        };
      },
    };
    expect(await readToolVersions(runner, ['hdparm', 'sg3_utils'])).toEqual({
      hdparm: '9.65',
      sg3_utils: null,
    });
  });
});
