import { describe, expect, it } from 'vitest';
import { BadInputError, ReplayMissError, ToolMissingError } from '../../../../core/errors.js';
import { emptyBundle, parseBundle } from '../../../../core/run/bundle.js';
import type { CommandRunner } from '../../../../core/run/runner.js';
import { recordingSystem, replaySystem, type System } from '../../../../core/run/system.js';

/** A scripted system: answers from a table, so recording can be checked without touching the machine. */
function scriptedSystem(answers: Record<string, { exitCode: number; stdout: string } | 'missing'>): System {
  const runner: CommandRunner = {
    async run(file, args) {
      const answer = answers[[file, ...args].join(' ')];
      if (answer === 'missing' || answer === undefined) throw new ToolMissingError(file, 'pkg');
      return { argv: [file, ...args], signal: null, stderr: '', timedOut: false, durationMs: 1, ...answer };
    },
  };
  const files = { read: async (path: string) => (path === '/proc/cmdline' ? 'quiet\n' : null) };
  return { runner, files, replayed: false };
}

describe('recording and replaying a system', () => {
  it('records directory listings (sysfs holders/) under a trailing "/" and replays them; absent stays absent', async () => {
    const inner: System = {
      ...scriptedSystem({}),
      files: {
        read: async () => null,
        list: async (path) =>
          path === '/sys/class/block/sda/holders' ? ['dm-0', 'md0'] : path.endsWith('/slaves') ? [] : null,
      },
    };
    const recording = recordingSystem(inner, emptyBundle(new Date('2026-11-29T10:00:00Z')));
    expect(await recording.files.list?.('/sys/class/block/sda/holders')).toEqual(['dm-0', 'md0']);
    expect(await recording.files.list?.('/sys/class/block/sda/slaves')).toEqual([]);
    expect(await recording.files.list?.('/sys/class/block/sdz/holders')).toBeNull();
    expect(recording.bundle.files).toEqual({
      '/sys/class/block/sda/holders/': 'dm-0\nmd0',
      '/sys/class/block/sda/slaves/': '',
    });
    const replay = replaySystem(parseBundle(JSON.stringify(recording.bundle)), 'machine.json');
    expect(replay.source).toBe('machine.json');
    expect(await replay.files.list?.('/sys/class/block/sda/holders')).toEqual(['dm-0', 'md0']);
    expect(await replay.files.list?.('/sys/class/block/sda/slaves')).toEqual([]);
    expect(await replay.files.list?.('/sys/class/block/sdz/holders')).toBeNull();
  });

  it('records commands (non-zero exits included), missing programs and files, and replays them identically', async () => {
    const recording = recordingSystem(
      scriptedSystem({
        'lsblk -J': { exitCode: 0, stdout: '{}' },
        'smartctl -x /dev/sda': { exitCode: 4, stdout: 'x' },
      }),
      emptyBundle(new Date('2026-11-29T10:00:00Z')),
    );
    await recording.runner.run('lsblk', ['-J']);
    await recording.runner.run('smartctl', ['-x', '/dev/sda']);
    await expect(recording.runner.run('nvme', ['list'])).rejects.toBeInstanceOf(ToolMissingError);
    expect(await recording.files.read('/proc/cmdline')).toBe('quiet\n');
    expect(await recording.files.read('/sys/block/sda/serial')).toBeNull();

    const bundle = parseBundle(JSON.stringify(recording.bundle));
    expect(bundle).toEqual({
      format: 'gomme-bundle',
      version: 1,
      capturedAt: '2026-11-29T10:00:00.000Z',
      commands: [
        { argv: ['lsblk', '-J'], exitCode: 0, stdout: '{}', stderr: '' },
        { argv: ['smartctl', '-x', '/dev/sda'], exitCode: 4, stdout: 'x', stderr: '' },
        { argv: ['nvme', 'list'], exitCode: 127, stdout: '', stderr: expect.stringContaining('nvme') },
      ],
      files: { '/proc/cmdline': 'quiet\n' },
    });

    const replay = replaySystem(bundle);
    expect(replay.replayed).toBe(true);
    expect(await replay.runner.run('smartctl', ['-x', '/dev/sda'])).toMatchObject({
      exitCode: 4,
      stdout: 'x',
    });
    await expect(replay.runner.run('nvme', ['list'])).rejects.toBeInstanceOf(ToolMissingError);
    await expect(replay.runner.run('lsblk', ['-J', '-b'])).rejects.toBeInstanceOf(ReplayMissError);
    expect(await replay.files.read('/proc/cmdline')).toBe('quiet\n');
    expect(await replay.files.read('/etc/passwd')).toBeNull();
  });
});

describe('parseBundle', () => {
  const valid = {
    format: 'gomme-bundle',
    version: 1,
    capturedAt: '2026-11-29T10:00:00Z',
    commands: [],
    files: {},
  };
  it.each([
    ['not json', 'not valid JSON'],
    ['[]', 'format: missing'],
    ['42', 'expected a JSON object'],
    [JSON.stringify({ ...valid, format: 'other' }), 'format: expected "gomme-bundle"'],
    [JSON.stringify({ ...valid, version: 2 }), 'unsupported version 2'],
    [JSON.stringify({ ...valid, capturedAt: 'yesterday' }), 'capturedAt: expected an ISO-8601 date'],
    [JSON.stringify({ ...valid, commands: [{ argv: 'lsblk' }] }), 'commands[0].argv: expected a list'],
    [
      JSON.stringify({ ...valid, commands: [{ argv: [], exitCode: 0, stdout: '' }] }),
      'commands[0].stderr: missing',
    ],
    [JSON.stringify({ ...valid, files: { '/proc/x': 1 } }), 'files["/proc/x"]: expected a string'],
  ])('rejects %s with a message naming the problem', (json, fragment) => {
    expect(() => parseBundle(json, 'b.json')).toThrow(fragment);
    try {
      parseBundle(json, 'b.json');
    } catch (error) {
      expect(error).toBeInstanceOf(BadInputError);
      expect((error as BadInputError).exitCode).toBe(10);
      expect((error as BadInputError).text.fr).not.toBe((error as BadInputError).text.en);
    }
  });

  it('accepts the exact documented format', () => {
    expect(parseBundle(JSON.stringify(valid)).format).toBe('gomme-bundle');
  });
});
