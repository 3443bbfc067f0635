import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command, Option } from '@commander-js/extra-typings';
import { afterAll, describe, expect, it } from 'vitest';
import { registerHardwareTests } from '../../../cli/program/diag-hardware.js';
import { programSetup } from '../../../cli/program/setup.js';
import { UsageError } from '../../../core/errors.js';
import { type HardwareBundleOptions, hardwareBundle } from '../../helpers/hardware-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'gomme-diag-hw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The diag command as program.ts builds it (with its own --json and --replay), plus the hardware tests. */
async function run(
  argv: string[],
  bundle: HardwareBundleOptions = {},
): Promise<{ lines: Record<string, unknown>[]; exit: number }> {
  const file = join(dir, `${argv.join('_').replace(/\W/g, '')}.json`);
  writeFileSync(file, JSON.stringify(hardwareBundle(bundle)));
  const stdout = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (c) => chunks.push(String(c)));
  const io = { stdout, stderr: new PassThrough(), env: {} };
  let exit = -1;
  const program = new Command('gomme').exitOverride();
  const diag = program
    .command('diag')
    .option('--quick')
    .addOption(new Option('--json'))
    .addOption(new Option('--replay <bundle>'))
    .action(() => {
      throw new Error('the diag action must not run');
    });
  registerHardwareTests(
    diag,
    programSetup(io, 'fr', (code) => {
      exit = code;
    }),
  );
  await program.parseAsync(['diag', ...argv, '--replay', file, '--replay-pace', 'instant'], { from: 'user' });
  return {
    lines: chunks
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l)),
    exit,
  };
}

describe('gomme diag <test> --json, replaying the QEMU guest', () => {
  it('keys: the devices, every key as a JSON line, then the result', async () => {
    const { lines, exit } = await run(['keys', '--json']);
    expect(exit).toBe(0);
    expect(lines[0]).toMatchObject({
      type: 'devices',
      devices: [
        { node: '/dev/input/event0', name: 'AT Translated Set 2 keyboard', role: 'keyboard', builtIn: true },
      ],
    });
    const keys = lines.filter((l) => l.type === 'key');
    expect(keys).toHaveLength(174);
    expect(keys[1]).toEqual({
      type: 'key',
      device: '/dev/input/event0',
      code: 1,
      name: 'KEY_ESC',
      label: 'Échap',
      value: 0,
      timeUs: expect.any(Number),
    });
    expect(keys.find((k) => k.name === 'KEY_Q')?.label).toBe('A');
    expect(lines.at(-1)).toMatchObject({
      type: 'result',
      status: 'pass',
      expected: 77,
      seen: 77,
      missing: [],
      ended: 'esc-hold',
    });
  });

  it('keys with the US board and missing keys', async () => {
    const { lines } = await run(['keys', '--json', '--layout', 'us'], {
      keyboard: 'evtest-grab-kbd-five-keys-missing',
    });
    expect(lines.at(-1)).toMatchObject({
      status: 'incomplete',
      layout: 'us',
      missing: ['F5', 'B', 'Alt', '/\\'],
    });
  });

  it('pointer on a chosen device, USB ports, microphone, webcam, speakers', async () => {
    const pointer = await run(['pointer', '--json', '--device', '/dev/input/event5']);
    expect(pointer.lines.filter((l) => l.type === 'pointer').length).toBeGreaterThan(3);
    expect(pointer.lines.at(-1)).toMatchObject({
      type: 'result',
      device: '/dev/input/event5',
      status: 'pass',
    });
    const usb = await run(['usb', '--json']);
    expect(usb.lines.filter((l) => l.type === 'port').map((l) => [l.port, l.count])).toEqual([
      ['2-1', 1],
      ['2-2', 2],
      ['1-3', 3],
    ]);
    expect((await run(['microphone', '--json'])).lines.at(-1)).toMatchObject({
      name: 'microphone',
      status: 'pass',
    });
    expect(
      (await run(['microphone', '--json'], { microphone: 'arecord-loopback-silence' })).lines.at(-1),
    ).toMatchObject({ status: 'fail' });
    expect(
      (
        await run(['webcam', '--json', '--device', '/dev/video1,/dev/video0'], { webcamFrame: 'white' })
      ).lines.at(-1),
    ).toMatchObject({
      name: 'webcam-image',
      status: 'warn',
      values: { verdict: 'uniform' },
    });
    expect((await run(['speakers', '--json'])).lines.at(-1)).toEqual({
      type: 'result',
      test: 'speakers',
      played: ['Front Left', 'Front Right'],
      ok: true,
      errors: [],
    });
  });

  it('the screen test needs a person: refused in JSON mode', async () => {
    await expect(run(['screen', '--json'])).rejects.toBeInstanceOf(UsageError);
  });
});
