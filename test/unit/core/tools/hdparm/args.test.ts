import { describe, expect, it } from 'vitest';
import {
  dcoIdentifyArgs,
  identifyArgs,
  nativeMaxArgs,
  sanitizeStatusArgs,
} from '../../../../../core/tools/hdparm/args.js';
import { readFixture } from '../../../../helpers/fixtures.js';

describe('hdparm argv builders', () => {
  it('build the read-only queries', () => {
    expect(identifyArgs('/dev/sda')).toEqual(['-I', '/dev/sda']);
    expect(nativeMaxArgs('/dev/sda')).toEqual(['-N', '/dev/sda']);
    expect(dcoIdentifyArgs('/dev/sda')).toEqual(['--dco-identify', '/dev/sda']);
    expect(sanitizeStatusArgs('/dev/sda')).toEqual(['--sanitize-status', '/dev/sda']);
  });

  it('match the command lines the team ran in QEMU', () => {
    const cmd = (name: string) => readFixture(`qemu/bios-cdrom-full/${name}.cmd`).trim();
    expect(['hdparm', ...identifyArgs('/dev/sda')].join(' ')).toBe(cmd('hdparm-I-sda'));
    expect(['hdparm', ...dcoIdentifyArgs('/dev/sda')].join(' ')).toBe(cmd('hdparm-dco-identify'));
    expect(['hdparm', ...sanitizeStatusArgs('/dev/sda')].join(' ')).toBe(cmd('hdparm-sanitize-status'));
  });
});
