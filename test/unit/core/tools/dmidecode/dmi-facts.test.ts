import { describe, expect, it } from 'vitest';
import { dmiFacts, uuid } from '../../../../../core/tools/dmidecode/dmi-facts.js';
import { dmiValue, parseDmidecode } from '../../../../../core/tools/dmidecode/parse-dmidecode.js';
import { listFixtures, readFixture } from '../../../../helpers/fixtures.js';

const corpus = listFixtures('dmidecode');

describe('dmidecode over the real corpus', () => {
  it.each(corpus)('%s: parses, and truncated halves do not throw', (file) => {
    const text = readFixture(file);
    expect(parseDmidecode(text).length).toBeGreaterThan(0);
    expect(() => dmiFacts(text)).not.toThrow();
    expect(() => dmiFacts(text.slice(0, Math.floor(text.length / 2)))).not.toThrow();
  });

  it('never returns a placeholder as a value', () => {
    for (const file of corpus) {
      const facts = dmiFacts(readFixture(file));
      const values = [
        ...Object.values(facts.system),
        ...Object.values(facts.board),
        ...Object.values(facts.chassis),
        ...facts.memoryDevices.flatMap((m) => Object.values(m)),
      ];
      for (const v of values.filter((x) => typeof x === 'string'))
        expect(v).not.toMatch(/^(<OUT OF SPEC>|Not Specified|To Be Filled By O\.E\.M\.|--|Unknown)$/i);
    }
  });

  it('ThinkPad T480: identity, two RAM modules, two batteries, password status', () => {
    const facts = dmiFacts(readFixture('dmidecode/notebook-lenovo-thinkpad-t480-two-batteries.txt'));
    expect(facts.smbiosVersion).toBe('3.0.0');
    expect(facts.system).toMatchObject({
      vendor: 'LENOVO',
      product: '20L50000MC',
      version: 'ThinkPad T480',
      serial: null,
      uuid: null,
    });
    expect(facts.system.family).toBe('ThinkPad T480');
    expect(facts.chassis.type).toBe('Notebook');
    expect(facts.bios).toEqual({
      vendor: 'LENOVO',
      version: 'N24ET72W (1.47 )',
      releaseDate: '01/03/2023',
      uefi: true,
    });
    expect(facts.processors).toEqual([
      expect.objectContaining({
        version: 'Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz',
        coreCount: 4,
        threadCount: 8,
        maxSpeedMhz: 1800,
      }),
    ]);
    expect(
      facts.memoryDevices.map((m) => [m.locator, m.sizeBytes, m.type, m.speedMts, m.partNumber]),
    ).toEqual([
      ['ChannelA-DIMM0', 8 * 1024 ** 3, 'DDR4', 2133, 'HMA81GS6CJR8N-VK'],
      ['ChannelB-DIMM0', 16 * 1024 ** 3, 'DDR4', 2133, 'KHX2400C14S4/16G'],
    ]);
    expect(facts.batteries).toHaveLength(2);
    expect(
      facts.batteries.map((b) => [b.location, b.manufacturer, b.designCapacityMwh, b.chemistry]),
    ).toEqual([
      ['Front', 'LGC', 23940, 'LiP'],
      ['Rear', 'Celxpert', 24050, 'LiP'],
    ]);
    expect(facts.hardwareSecurity).toEqual({
      powerOnPassword: false,
      keyboardPassword: null,
      administratorPassword: false,
      frontPanelReset: null,
    });
  });

  it('10ZiG thin client: out-of-spec values read as unknown', () => {
    const text = readFixture('dmidecode/thinclient-10zig-out-of-spec-values.txt');
    const probe = parseDmidecode(text).find((r) => r.props.Location === '<OUT OF SPEC>');
    expect(probe).toBeDefined();
    expect(dmiValue(probe, 'Location')).toBeNull();
    expect(dmiFacts(text).system.vendor).not.toBeNull();
  });

  it('Dell R740: counts empty slots apart from populated modules', () => {
    const facts = dmiFacts(readFixture('dmidecode/server-dell-poweredge-r740.txt'));
    expect(facts.memorySlots).toBeGreaterThan(facts.memoryDevices.length);
    expect(facts.memoryDevices.length).toBeGreaterThan(0);
    expect(facts.system.vendor).toBe('Dell Inc.');
  });

  it('a power-supply-only dump (type 39) has no identity and does not throw', () => {
    const facts = dmiFacts(readFixture('dmidecode/hpe-dl380-gen10-type39-psu-only.txt'));
    expect(facts.system.vendor).toBeNull();
    expect(facts.memoryDevices).toEqual([]);
  });

  it('garbage yields empty facts', () => {
    for (const junk of ['', 'Handle', '\u0000\u0001', 'Handle 0x0001, DMI type 1, 27 bytes']) {
      expect(dmiFacts(junk).system.vendor).toBeNull();
    }
  });

  it('uuid() rejects all-zero and all-F UUIDs', () => {
    expect(uuid('00000000-0000-0000-0000-000000000000')).toBeNull();
    expect(uuid('FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF')).toBeNull();
    expect(uuid('4C4C4544-0042-3510-8052-B4C04F4B4D32')).toBe('4c4c4544-0042-3510-8052-b4c04f4b4d32');
  });
});
