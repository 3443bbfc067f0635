import { describe, expect, it } from 'vitest';
import {
  formatMemorySize,
  formatNumber,
  formatPercent,
  formatRate,
  formatSize,
  formatSizeExact,
} from '../../../core/format.js';
import {
  formatDateTime,
  formatDay,
  formatDuration,
  formatEstimate,
  zoneLabel,
} from '../../../core/format-time.js';

describe('numbers, sizes and speeds for the reader', () => {
  it.each([
    [0.122, '12,2 %', '12.2%'],
    [1, '100 %', '100%'],
    [0.1, '10 %', '10%'],
  ])('percent %s', (fraction, fr, en) => {
    expect(formatPercent(fraction, 'fr')).toBe(fr);
    expect(formatPercent(fraction, 'en')).toBe(en);
  });

  it.each([
    [0, '0 octet', '0 bytes'],
    [1, '1 octet', '1 byte'],
    [512, '512 octets', '512 bytes'],
    [33_554_432, '33,6 Mo', '33.6 MB'],
    [268_435_456, '268 Mo', '268 MB'],
    [1_500_301_910_016, '1,5 To', '1.5 TB'],
    [500_107_862_016, '500 Go', '500 GB'],
  ])('size %s', (bytes, fr, en) => {
    expect(formatSize(bytes, 'fr')).toBe(fr);
    expect(formatSize(bytes, 'en')).toBe(en);
  });

  it('exact sizes, speeds, memory and plain numbers', () => {
    expect(formatSizeExact(268_435_456, 'fr')).toBe('268 Mo (268 435 456 octets)');
    expect(formatSizeExact(268_435_456, 'en')).toBe('268 MB (268,435,456 bytes)');
    expect(formatRate(707e6, 'fr')).toBe('707 Mo/s');
    expect(formatRate(707e6, 'en')).toBe('707 MB/s');
    expect(formatMemorySize(8 * 1024 ** 3, 'fr')).toBe('8 Go');
    expect(formatNumber(1234567.25, 'fr')).toBe('1 234 567,3');
    expect(formatNumber(1234567.25, 'en')).toBe('1,234,567.3');
  });
});

describe('durations, estimates and dates', () => {
  it('a measured duration never reads "0 s"', () => {
    expect(formatDuration(0, 'fr')).toBe('moins d’une seconde');
    expect(formatDuration(12, 'en')).toBe('12 s');
    expect(formatDuration(185, 'fr')).toBe('3 min 05 s');
    expect(formatDuration(7500, 'fr')).toBe('2 h 05 min');
  });

  it('an estimate is to the minute, "moins d’une minute" when tiny, "inconnue" when unknown', () => {
    expect(formatEstimate(0, 'fr')).toBe('moins d’une minute');
    expect(formatEstimate(59, 'en')).toBe('under a minute');
    expect(formatEstimate(null, 'fr')).toBe('inconnue');
    expect(formatEstimate(Number.NaN, 'en')).toBe('unknown');
    expect(formatEstimate(2330, 'fr')).toBe('39 min');
    expect(formatEstimate(7500, 'en', { atLeast: true })).toBe('at least 2 h 05 min');
  });

  it('dates are local with the zone named; the instant is the record’s UTC one', () => {
    const at = '2026-12-07T01:34:00.000Z';
    expect(formatDateTime(at, 'fr', 'Europe/Paris')).toBe('07/12/2026 02:34 (heure de Paris)');
    expect(formatDateTime(at, 'en', 'Europe/Paris')).toBe('2026-12-07 02:34 (Paris time)');
    expect(formatDateTime(at, 'fr', 'UTC')).toBe('07/12/2026 01:34 (UTC)');
    expect(formatDateTime('2026-07-01T22:30:00Z', 'fr', 'Europe/Paris')).toBe(
      '02/07/2026 00:30 (heure de Paris)',
    );
    expect(formatDay(at, 'en', 'America/New_York')).toBe('2026-12-06');
    expect(zoneLabel('America/New_York', 'fr')).toBe('heure de New York');
    expect(zoneLabel('Etc/UTC', 'en')).toBe('UTC');
  });
});
