import { describe, expect, it } from 'vitest';
import { parseNvmeIdNs } from '../../../../../core/tools/nvme/parse-id-ns.js';
import { readFixture } from '../../../../helpers/fixtures.js';

describe('parseNvmeIdNs', () => {
  it('QEMU namespace: 8 LBA formats (512/4096 × 0/8/16/64 metadata), current format 0', () => {
    const ns = parseNvmeIdNs(readFixture('qemu/bios-cdrom-full/nvme-id-ns.out'));
    expect(ns.ok).toBe(true);
    expect(ns.sizeLbas).toBe(4194304);
    expect(ns.capacityLbas).toBe(4194304);
    expect(ns.utilLbas).toBe(4194304);
    expect(ns.flbas).toBe(0);
    expect(ns.currentLbaFormat).toBe(0);
    expect(ns.extendedMetadata).toBe(false);
    expect(ns.lbaFormats).toHaveLength(8);
    expect(ns.lbaFormats.map((f) => [f.index, f.dataBytes, f.metadataBytes])).toEqual([
      [0, 512, 0],
      [1, 512, 8],
      [2, 512, 16],
      [3, 512, 64],
      [4, 4096, 0],
      [5, 4096, 8],
      [6, 4096, 16],
      [7, 4096, 64],
    ]);
    expect(ns.current).toEqual({ index: 0, dataBytes: 512, metadataBytes: 0, relativePerformance: 0 });
    expect(ns.sizeBytes).toBe(2147483648);
  });

  it('FLBAS: bits 3:0 low, bits 6:5 high, bit 4 extended metadata', () => {
    const lbafs = Array.from({ length: 20 }, () => ({ ms: 0, ds: 12, rp: 0 }));
    const ns = parseNvmeIdNs(JSON.stringify({ nsze: 10, flbas: 0b0101_0011, lbafs }));
    expect(ns.currentLbaFormat).toBe(0b10_0011);
    expect(ns.extendedMetadata).toBe(true);
    expect(ns.current).toBeNull();
    expect(ns.sizeBytes).toBeNull();
  });

  it('skips unused format slots (LBADS 0) but keeps table positions as indexes', () => {
    const ns = parseNvmeIdNs(
      '{"nsze":8,"flbas":2,"lbafs":[{"ms":0,"ds":9,"rp":2},{"ms":0,"ds":0,"rp":0},{"ms":0,"ds":12,"rp":0}]}',
    );
    expect(ns.lbaFormats.map((f) => f.index)).toEqual([0, 2]);
    expect(ns.current?.dataBytes).toBe(4096);
    expect(ns.sizeBytes).toBe(8 * 4096);
  });
});
