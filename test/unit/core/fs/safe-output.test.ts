import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GommeError } from '../../../../core/errors.js';
import { DeviceOutputError, refuseDeviceOutput, writeOutputFile } from '../../../../core/fs/safe-output.js';

describe('safe output files', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gomme-output-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a new file, and replaces an existing one whole', () => {
    const file = join(dir, 'out.json');
    writeOutputFile(file, 'a much longer first content\n');
    writeOutputFile(file, 'short\n');
    expect(readFileSync(file, 'utf8')).toBe('short\n');
  });

  it('refuses a character device, directly and through a symlink, with exit 3 in both languages', () => {
    const link = join(dir, 'bundle.json');
    symlinkSync('/dev/null', link);
    for (const path of ['/dev/null', link]) {
      const error = catchError(() => writeOutputFile(path, 'x'));
      expect(error).toBeInstanceOf(DeviceOutputError);
      expect(error).toMatchObject({ code: 'output-is-device', exitCode: 3 });
      expect(() => refuseDeviceOutput(path)).toThrow(DeviceOutputError);
    }
    const viaLink = catchError(() => writeOutputFile(link, 'x')) as GommeError;
    expect(viaLink.text.en).toBe(
      `${link} (→ /dev/null) is a device (a drive or a terminal): gomme does not write an output file onto it.`,
    );
    expect(viaLink.text.fr).toContain(`${link} (→ /dev/null) est un périphérique`);
  });

  it('an unwritable path is a usage error naming it, not a crash', () => {
    const missing = join(dir, 'no-such-folder', 'out.json');
    const error = catchError(() => writeOutputFile(missing, 'x'));
    expect(error).toMatchObject({ code: 'usage', exitCode: 2 });
    expect((error as GommeError).text.en).toBe(`Cannot write ${missing} (ENOENT).`);
    writeFileSync(join(dir, 'file'), '');
    expect(() => refuseDeviceOutput(join(dir, 'file', 'below'))).toThrow(GommeError);
  });
});

function catchError(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
