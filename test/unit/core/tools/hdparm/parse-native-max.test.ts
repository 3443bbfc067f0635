import { describe, expect, it } from 'vitest';
import { parseHdparmNativeMax } from '../../../../../core/tools/hdparm/parse-native-max.js';

// HAND-WRITTEN (no real capture has these lines): the corpus holds no `hdparm -N` output at all. Each line
// follows hdparm 9.65 hdparm.c: printf(" max sectors   = %llu/%llu", visible, native) then one of
// ", HPA is enabled|disabled", ", ACCESSIBLE MAX ADDRESS enabled|disabled", or "(%llu?)" +
// ", HPA setting seems invalid" [+ " (buggy kernel device driver?)"].
const n = (line: string) => parseHdparmNativeMax(`\n/dev/sda:\n${line}\n`);

describe('parseHdparmNativeMax', () => {
  it('HPA disabled: visible equals native', () => {
    expect(n(' max sectors   = 1953525168/1953525168, HPA is disabled')).toEqual({
      currentMaxSectors: 1_953_525_168,
      nativeMaxSectors: 1_953_525_168,
      hpaEnabled: false,
      accessibleMaxAddress: null,
      invalid: false,
      dcoMaxHint: null,
      reportedNativeMaxSectors: 1_953_525_168,
      anomalies: [],
    });
  });

  it('HPA enabled: sectors hidden beyond the visible max', () => {
    expect(n(' max sectors   = 976771055/976773168, HPA is enabled')).toMatchObject({
      currentMaxSectors: 976_771_055,
      nativeMaxSectors: 976_773_168,
      hpaEnabled: true,
      accessibleMaxAddress: null,
    });
  });

  it('ACCESSIBLE MAX ADDRESS wording on ACS-3 drives', () => {
    const enabled = n(
      ' max sectors   = 1000/2000, ACCESSIBLE MAX ADDRESS enabled\nPower cycle your device after every ACCESSIBLE MAX ADDRESS',
    );
    expect(enabled).toMatchObject({ hpaEnabled: true, accessibleMaxAddress: true, nativeMaxSectors: 2000 });
    const disabled = n(' max sectors   = 2000/2000, ACCESSIBLE MAX ADDRESS disabled');
    expect(disabled).toMatchObject({ hpaEnabled: false, accessibleMaxAddress: false });
  });

  it('"HPA setting seems invalid" withholds the native figure (a USB bridge answered 0/1)', () => {
    const r = n(' max sectors   = 15155200/1, HPA setting seems invalid (buggy kernel device driver?)');
    expect(r).toMatchObject({
      invalid: true,
      currentMaxSectors: 15_155_200,
      nativeMaxSectors: null,
      hpaEnabled: null,
      reportedNativeMaxSectors: 1,
    });
    expect(r.anomalies).toHaveLength(1);
  });

  it('keeps the "(N?)" DCO hint of an invalid reading', () => {
    const r = n(
      ' max sectors   = 66055248/1(156301488?), HPA setting seems invalid (buggy kernel device driver?)',
    );
    expect(r).toMatchObject({ invalid: true, dcoMaxHint: 156_301_488, nativeMaxSectors: null });
  });

  it('zero counts are no reading', () => {
    expect(n(' max sectors   = 0/0, HPA is disabled')).toMatchObject({
      currentMaxSectors: null,
      nativeMaxSectors: null,
      hpaEnabled: null,
    });
  });

  it('a failed command (message on stderr, stdout only the device name) gives all-unknown', () => {
    expect(n('')).toMatchObject({ currentMaxSectors: null, nativeMaxSectors: null, hpaEnabled: null });
    expect(n('').anomalies).toEqual([]);
  });
});
