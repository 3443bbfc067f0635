import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lsblkArgs } from '../../../core/tools/lsblk/args.js';
import { cliInProcess } from '../../helpers/cli-in-process.js';

// Any attempt to start a process during replay fails the test.
vi.mock('execa', () => ({
  execa: () => {
    throw new Error('a process was spawned during replay');
  },
}));

/**
 * Replayed bundles are untrusted input: whatever they hold, gomme answers with a typed error naming the file
 * (exit 10) or with escaped text — never a stack trace, never a raw control character on the terminal.
 */
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gomme-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bundleFile(name: string, lsblkStdout: string, extra: { commands?: unknown[]; files?: object } = {}) {
  const file = join(dir, `${name}.json`);
  const bundle = {
    format: 'gomme-bundle',
    version: 1,
    capturedAt: '2026-12-01T10:00:00.000Z',
    commands: [
      { argv: ['lsblk', ...lsblkArgs()], exitCode: 0, stdout: lsblkStdout, stderr: '' },
      ...(extra.commands ?? []),
    ],
    files: { '/proc/cmdline': 'quiet\n', ...extra.files },
  };
  writeFileSync(file, JSON.stringify(bundle));
  return file;
}

/** lsblk JSON with one disk and its children nested `depth` deep, built without recursion. */
function nested(depth: number): string {
  let inner = '{"name":"x0","type":"part","size":1}';
  for (let i = 1; i < depth; i++) inner = `{"name":"x${i}","type":"part","size":1,"children":[${inner}]}`;
  return `{"blockdevices":[{"name":"sda","type":"disk","size":1,"children":[${inner}]}]}`;
}

function expectBadInput(run: { code: number; stdout: string; stderr: string }, file: string) {
  expect(run.code).toBe(10);
  expect(run.stderr).toContain(file);
  expect(run.stderr).not.toMatch(/internal error|RangeError|\n\s+at /);
}

describe('hostile replay input', () => {
  it('lsblk children nested 5,000 deep: exit 10 naming the bundle, no stack trace', async () => {
    const file = bundleFile('deep', nested(5_000));
    const run = await cliInProcess(['drives', '--replay', file]);
    expectBadInput(run, file);
    expect(run.stderr).toContain('nests devices more than 64 levels deep');
    // French too, through text().
    const fr = await cliInProcess(['drives', '--replay', file], { GOMME_LANG: 'fr' });
    expect(fr.stderr).toContain(`${file} est inutilisable : la sortie de lsblk`);
  });

  it.each([
    ['garbage', 'garbage'],
    ['truncated', '{"blockdevices":[{"name":"sda"'],
    ['wrong-type', '{"blockdevices":"sda"}'],
    ['array', '[1,2,3]'],
  ])('lsblk output %s: exit 10 naming the bundle', async (name, stdout) => {
    const file = bundleFile(name, stdout);
    expectBadInput(await cliInProcess(['drives', '--replay', file]), file);
  });

  it('wrong types inside devices are unknown facts, not failures', async () => {
    const stdout = JSON.stringify({
      blockdevices: [
        { name: 5, kname: null, children: 'none' },
        {
          name: 'loop9',
          type: 'loop',
          size: 'big',
          ro: 'maybe',
          mountpoints: [1, null, {}],
          children: [null, 7],
        },
      ],
    });
    const run = await cliInProcess(['drives', '--json', '--replay', bundleFile('types', stdout)]);
    expect(run.code).toBe(0);
    const drives = JSON.parse(run.stdout).drives;
    expect(drives).toHaveLength(1);
    expect(drives[0]).toMatchObject({ path: '/dev/loop9', readOnly: false, protected: false });
  });

  it('a drive model, serial and mount point with terminal escapes are printed escaped; JSON keeps them', async () => {
    const evil = 'EVIL\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202eDISK';
    const stdout = JSON.stringify({
      blockdevices: [
        {
          name: 'vda',
          type: 'disk',
          size: 1_000_000,
          subsystems: 'block:virtio:pci',
          model: evil,
          children: [{ name: 'vda1', type: 'part', size: 1, mountpoints: [`/media/${evil}`] }],
        },
      ],
    });
    const file = bundleFile('escapes', stdout, {
      commands: [
        {
          argv: ['udevadm', 'info', '--query=symlink', '--name=/dev/vda'],
          exitCode: 127,
          stdout: '',
          stderr: '',
        },
      ],
      files: { '/sys/block/vda/serial': `SN\u001b[1A\r\n` },
    });
    const human = await cliInProcess(['drives', '--replay', file]);
    expect(human.code).toBe(0);
    expect(human.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(human.stdout).toContain('EVIL\\x1b[2J');
    expect(human.stdout).toContain('/media/EVIL\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m\\u202eDISK');
    expect(human.stdout).toContain('SN\\x1b[1A');
    const json = await cliInProcess(['drives', '--json', '--replay', file]);
    const [drive] = JSON.parse(json.stdout).drives;
    expect(drive.model).toBe(evil);
    expect(drive.protections[0].detail).toBe(`vda1 is mounted at /media/${evil}`);
  });
});
