import { describe, expect, it } from 'vitest';
import { byteRange } from '../../../hub/netboot/http-files.js';

describe('netboot HTTP: one Range asked', () => {
  it('GRUB’s seek (bytes=N-) and a closed range, clipped to the file', () => {
    expect(byteRange('bytes=4000-', 10_000)).toEqual({ start: 4000, end: 9999 });
    expect(byteRange('bytes=0-99', 10_000)).toEqual({ start: 0, end: 99 });
    expect(byteRange('bytes=9000-20000', 10_000)).toEqual({ start: 9000, end: 9999 });
    expect(byteRange('bytes=-500', 10_000)).toEqual({ start: 9500, end: 9999 });
  });

  it('none, several or malformed: the whole file; outside the file: unsatisfiable', () => {
    expect(byteRange(undefined, 10)).toBeNull();
    expect(byteRange('bytes=0-1,5-6', 10)).toBeNull();
    expect(byteRange('items=0-1', 10)).toBeNull();
    expect(byteRange('bytes=-', 10)).toBeNull();
    expect(byteRange('bytes=10-', 10)).toBe('unsatisfiable');
    expect(byteRange('bytes=5-2', 10)).toBe('unsatisfiable');
  });
});
