import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEdid, edidBytesFromHex } from '../../../../../core/tools/edid/decode-edid.js';
import { fixturePath, listFixtures, readFixture } from '../../../../helpers/fixtures.js';

/** Facts edid-decode itself printed in each corpus file, to compare against. */
function decoderSays(text: string) {
  const size = /Maximum image size: (\d+) cm x (\d+) cm/.exec(text);
  return {
    manufacturer: /Manufacturer: (\w{3})/.exec(text)?.[1] ?? null,
    model: Number(/Model: (\d+)/.exec(text)?.[1]),
    name: /Display Product Name: '([^']*)'/.exec(text)?.[1] ?? null,
    widthCm: size ? Number(size[1]) : null,
  };
}

describe('EDID decoder', () => {
  it.each(listFixtures('edid'))('%s: agrees with edid-decode', (file) => {
    const text = readFixture(file);
    const edid = decodeEdid(text);
    const expected = decoderSays(text);
    expect(edid).not.toBeNull();
    expect(edid?.manufacturerId).toBe(expected.manufacturer);
    expect(edid?.productCode).toBe(expected.model);
    expect(edid?.name).toBe(expected.name);
    expect(edid?.widthCm).toBe(expected.widthCm);
  });

  it('flags the bad extension checksum and keeps the base block', () => {
    const edid = decodeEdid(readFixture('edid/aoc-1950w-bad-ext-checksum.txt'));
    expect(edid?.blockChecksumsOk).toEqual([true, false]);
    expect(edid?.preferredMode).toMatchObject({ width: 1366, height: 768, widthMm: 410, heightMm: 230 });
  });

  it('laptop LGD panel: size and part number text', () => {
    const edid = decodeEdid(readFixture('edid/laptop-panel-lgd-lp133wh2-edid13.txt'));
    expect(edid?.manufacturerId).toBe('LGD');
    expect(edid?.diagonalInches).toBeCloseTo(13.3, 0);
    expect(edid?.texts.join(' ')).toMatch(/LP133WH2/);
  });

  it.each(listFixtures('edid-raw'))('%s: raw binary decodes', (file) => {
    const edid = decodeEdid(new Uint8Array(readFileSync(fixturePath(file))));
    expect(edid).not.toBeNull();
    expect(edid?.blockChecksumsOk[0]).toBe(true);
  });

  it('Dell U2415 raw: 2 blocks, name, 1920x1200', () => {
    const edid = decodeEdid(new Uint8Array(readFileSync(fixturePath('edid-raw/dell-u2415-256bytes.bin'))));
    expect(edid).toMatchObject({
      manufacturerId: 'DEL',
      name: 'DELL U2415',
      extensionCount: 1,
      truncated: false,
    });
    expect(edid?.preferredMode).toMatchObject({ width: 1920, height: 1200 });
  });

  it('od -An -tx1 output decodes like the binary', () => {
    const raw = readFileSync(fixturePath('edid-raw/crt-sony-gdm420-128bytes.bin'));
    const od = [...raw]
      .map((b, i) => `${i % 16 === 0 ? '\n' : ' '}${b.toString(16).padStart(2, '0')}`)
      .join('');
    expect(decodeEdid(od)).toEqual(decodeEdid(new Uint8Array(raw)));
  });

  it('garbage and truncation never throw', () => {
    expect(decodeEdid('')).toBeNull();
    expect(decodeEdid('zz')).toBeNull();
    expect(decodeEdid(new Uint8Array(64))).toBeNull();
    expect(edidBytesFromHex('00 ff f')).toEqual(new Uint8Array(0));
    const raw = new Uint8Array(readFileSync(fixturePath('edid-raw/dell-u2415-256bytes.bin')));
    expect(decodeEdid(raw.subarray(0, 200))?.truncated).toBe(true);
  });
});
