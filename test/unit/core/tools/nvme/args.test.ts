import { describe, expect, it } from 'vitest';
import {
  idCtrlArgs,
  idNsArgs,
  listArgs,
  sanitizeLogArgs,
  smartLogArgs,
} from '../../../../../core/tools/nvme/args.js';

describe('nvme argv builders', () => {
  it('build the JSON commands the QEMU captures ran', () => {
    expect(idCtrlArgs('/dev/nvme0')).toEqual(['id-ctrl', '/dev/nvme0', '-o', 'json']);
    expect(idNsArgs('/dev/nvme0n1')).toEqual(['id-ns', '/dev/nvme0n1', '-o', 'json']);
    expect(listArgs()).toEqual(['list', '-o', 'json']);
    expect(sanitizeLogArgs('/dev/nvme0')).toEqual(['sanitize-log', '/dev/nvme0', '-o', 'json']);
    expect(smartLogArgs('/dev/nvme0')).toEqual(['smart-log', '/dev/nvme0', '-o', 'json']);
  });
});
