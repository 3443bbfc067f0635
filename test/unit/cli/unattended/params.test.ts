import { describe, expect, it } from 'vitest';
import {
  gommeTokens,
  type ParamInputs,
  parseOemStrings,
  resolveUnattendedParams,
} from '../../../../cli/unattended/params.js';
import { readFixture } from '../../../helpers/fixtures.js';

const methods = ['nist-clear', 'zero', 'one', 'random'];
const cmdline = (extra: string) =>
  `BOOT_IMAGE=/live/vmlinuz-6.12.118+deb13-amd64 boot=live components quiet console=ttyS0,115200n8 ${extra}`;
/** The shape dmidecode 3.6 prints for QEMU's `-smbios type=11,value=…,value=…`. */
const oem = (...values: string[]) =>
  [
    '# dmidecode 3.6',
    'Getting SMBIOS data from sysfs.',
    'SMBIOS 2.8 present.',
    '',
    'Handle 0x0B00, DMI type 11, 5 bytes',
    'OEM Strings',
    ...values.map((v, i) => `\tString ${i + 1}: ${v}`),
    '',
  ].join('\n');
const resolve = (inputs: Partial<ParamInputs>) =>
  resolveUnattendedParams({ cmdline: null, dmidecodeType11: null, methods, ...inputs });

describe('parseOemStrings / gommeTokens', () => {
  it('reads real OEM strings (a Dell server) and finds no gomme parameter in them', () => {
    const out = readFixture('dmidecode/server-dell-poweredge-r740.txt');
    const strings = parseOemStrings(out);
    expect(strings).toContain('Dell System');
    expect(gommeTokens(strings.join(' '))).toEqual([]);
  });

  it('splits kernel command line tokens and strips quotes', () => {
    expect(gommeTokens(cmdline('gomme.mode=capture gomme.targets="SN1,SN2" gomme.poweroff'))).toEqual([
      ['mode', 'capture'],
      ['targets', 'SN1,SN2'],
      ['poweroff', ''],
    ]);
  });
});

describe('resolveUnattendedParams', () => {
  it('does nothing on a normal boot (no gomme.* anywhere)', () => {
    expect(resolve({ cmdline: cmdline(''), dmidecodeType11: oem('Default string') })).toEqual({
      kind: 'none',
    });
  });

  it('ignores gomme.data, which belongs to the boot scripts', () => {
    expect(resolve({ cmdline: cmdline('gomme.data=create') })).toEqual({ kind: 'none' });
  });

  it('reads a capture from SMBIOS OEM strings, one parameter per string', () => {
    const outcome = resolve({
      cmdline: cmdline(''),
      dmidecodeType11: oem('gomme.mode=capture', 'gomme.poweroff=1'),
    });
    expect(outcome).toEqual({
      kind: 'ok',
      params: {
        source: 'smbios',
        mode: 'capture',
        method: null,
        verify: null,
        targets: null,
        poweroff: true,
        hub: null,
      },
      warnings: [],
    });
  });

  it('accepts several parameters in one OEM string', () => {
    const outcome = resolve({
      dmidecodeType11: oem('gomme.mode=erase gomme.targets=all-unprotected gomme.confirm=yes-erase-all'),
    });
    expect(outcome.kind === 'ok' && outcome.params.targets).toEqual({ kind: 'all-unprotected' });
  });

  it('accepts an erase of all unprotected drives with its token, method and verification', () => {
    const outcome = resolve({
      cmdline: cmdline(
        'gomme.mode=erase gomme.method=zero gomme.verify=all gomme.targets=all-unprotected gomme.confirm=yes-erase-all gomme.poweroff=1',
      ),
    });
    expect(outcome).toEqual({
      kind: 'ok',
      params: {
        source: 'cmdline',
        mode: 'erase',
        method: 'zero',
        verify: 'all',
        targets: { kind: 'all-unprotected' },
        poweroff: true,
        hub: null,
      },
      warnings: [],
    });
  });

  it('accepts a serial list with the listed token (deduplicated)', () => {
    const outcome = resolve({
      cmdline: cmdline(
        'gomme.mode=erase gomme.targets=SATA0001,deadbeef,SATA0001 gomme.confirm=yes-erase-listed',
      ),
    });
    expect(outcome.kind === 'ok' && outcome.params.targets).toEqual({
      kind: 'serials',
      serials: ['SATA0001', 'deadbeef'],
    });
  });

  it.each([
    ['no targets', 'gomme.mode=erase gomme.confirm=yes-erase-all', 'gomme.targets'],
    ['no confirmation', 'gomme.mode=erase gomme.targets=all-unprotected', 'gomme.confirm=yes-erase-all'],
    ['the wrong token', 'gomme.mode=erase gomme.targets=all-unprotected gomme.confirm=yes', 'yes-erase-all'],
    [
      'the list token for all drives',
      'gomme.mode=erase gomme.targets=all-unprotected gomme.confirm=yes-erase-listed',
      'yes-erase-all',
    ],
    [
      'the all token for a list',
      'gomme.mode=erase gomme.targets=SN1 gomme.confirm=yes-erase-all',
      'yes-erase-listed',
    ],
  ])('refuses an erase with %s (fr + en messages)', (_, params, mention) => {
    const outcome = resolve({ cmdline: cmdline(params) });
    expect(outcome.kind).toBe('invalid');
    if (outcome.kind !== 'invalid') return;
    expect(outcome.errors.map((e) => e.en).join(' ')).toContain(mention);
    expect(outcome.errors.map((e) => e.en).join(' ')).toContain('nothing will be erased');
    expect(outcome.errors.map((e) => e.fr).join(' ')).toContain('rien ne sera effacé');
  });

  it.each([
    ['gomme.mode=wipe', 'gomme.mode=wipe: invalid value'],
    ['gomme.mode=capture gomme.verfy=all', 'Unknown parameter gomme.verfy'],
    [
      'gomme.mode=erase gomme.method=shred gomme.targets=all-unprotected gomme.confirm=yes-erase-all',
      'unknown method',
    ],
    ['gomme.mode=capture gomme.poweroff=maybe', 'gomme.poweroff=maybe'],
    ['gomme.mode=capture gomme.mode=erase', 'given twice'],
    ['gomme.targets=all-unprotected gomme.confirm=yes-erase-all', 'gomme.mode is missing'],
    ['gomme.mode=erase gomme.targets=bad;serial gomme.confirm=yes-erase-listed', 'invalid serial'],
  ])('rejects %s', (params, message) => {
    const outcome = resolve({ cmdline: cmdline(params) });
    expect(outcome.kind).toBe('invalid');
    if (outcome.kind === 'invalid') expect(outcome.errors.map((e) => e.en).join(' ')).toContain(message);
  });

  it('uses the kernel command line whole when it has gomme.* parameters, never mixing in SMBIOS', () => {
    // The confirmation in SMBIOS must not complete an erase asked on the command line.
    const outcome = resolve({
      cmdline: cmdline('gomme.mode=erase gomme.targets=all-unprotected'),
      dmidecodeType11: oem('gomme.confirm=yes-erase-all'),
    });
    expect(outcome.kind).toBe('invalid');
    const override = resolve({
      cmdline: cmdline('gomme.mode=capture'),
      dmidecodeType11: oem(
        'gomme.mode=erase',
        'gomme.targets=all-unprotected',
        'gomme.confirm=yes-erase-all',
      ),
    });
    expect(override.kind === 'ok' && override.params.mode).toBe('capture');
    expect(override.kind === 'ok' && override.warnings[0]?.en).toContain('only the command line is used');
  });

  it('warns about erase-only parameters outside erase mode', () => {
    const outcome = resolve({ cmdline: cmdline('gomme.mode=diag gomme.method=zero') });
    expect(outcome.kind === 'ok' && outcome.warnings.map((w) => w.en)).toEqual([
      'gomme.method ignored outside erase mode.',
    ]);
  });

  it('reads gomme.hub and gomme.enrol (a netbooted station enrols for this boot, then pushes)', () => {
    const outcome = resolve({
      cmdline: cmdline(
        'gomme.mode=erase gomme.targets=all-unprotected gomme.confirm=yes-erase-all gomme.hub=http://10.0.2.2:8080/ gomme.enrol=ab12-CD34',
      ),
    });
    expect(outcome.kind === 'ok' && outcome.params.hub).toEqual({
      url: 'http://10.0.2.2:8080',
      enrolCode: 'ab12-CD34',
    });
  });

  it('accepts gomme.hub without a mode (the guided session reads it), but refuses gomme.enrol without gomme.hub', () => {
    expect(resolve({ cmdline: cmdline('gomme.hub=http://hub.local:8080 gomme.enrol=AB12-CD34') }).kind).toBe(
      'none',
    );
    const alone = resolve({ cmdline: cmdline('gomme.mode=capture gomme.enrol=AB12-CD34') });
    expect(alone.kind).toBe('invalid');
    const bad = resolve({ cmdline: cmdline('gomme.mode=capture gomme.hub=ftp://x gomme.enrol=1') });
    expect(bad.kind === 'invalid' && bad.errors.map((e) => e.en).join(' ')).toMatch(
      /gomme\.hub=ftp:\/\/x.*gomme\.enrol=1/,
    );
  });
});
