import { describe, expect, it } from 'vitest';
import { ReplayMissError, ToolMissingError } from '../../../../core/errors.js';
import { emptyBundle, parseBundle } from '../../../../core/run/bundle.js';
import { ExecaStreamRunner } from '../../../../core/run/execa-runner.js';
import type { CommandStream, StreamChunk } from '../../../../core/run/runner.js';
import { realSystem, recordingSystem, replaySystem } from '../../../../core/run/system.js';

const node = process.execPath;

async function readAll(stream: CommandStream): Promise<StreamChunk[]> {
  const out: StreamChunk[] = [];
  for await (const chunk of stream.chunks) out.push(chunk);
  return out;
}
const text = (chunks: StreamChunk[]) => Buffer.concat(chunks.map((c) => c.data)).toString('utf8');

describe('ExecaStreamRunner', () => {
  const runner = new ExecaStreamRunner();

  it('gives stdout as it comes, with times, and the exit code and stderr at the end', async () => {
    const stream = await runner.open(node, [
      '-e',
      'let i = 0; const t = setInterval(() => { i++; process.stdout.write("line" + i + "\\n"); if (i === 3) { clearInterval(t); process.stderr.write("bye"); process.exitCode = 3; } }, 150)',
    ]);
    const chunks = await readAll(stream);
    expect(text(chunks)).toBe('line1\nline2\nline3\n');
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    expect(chunks.at(-1)?.atMs ?? 0).toBeGreaterThan(chunks[0]?.atMs ?? 0);
    expect(await stream.done).toMatchObject({ exitCode: 3, stderr: 'bye', stopped: false, timedOut: false });
  });

  it('stop() ends a program that would run forever, and says it was stopped', async () => {
    const stream = await runner.open(node, [
      '-e',
      'process.stdout.write("ready\\n"); setInterval(() => {}, 1000)',
    ]);
    const chunks: StreamChunk[] = [];
    for await (const chunk of stream.chunks) {
      chunks.push(chunk);
      stream.stop();
    }
    expect(text(chunks)).toBe('ready\n');
    const end = await stream.done;
    expect(end.stopped).toBe(true);
    expect(end.signal).toBe('SIGTERM');
  });

  it('keeps binary output byte for byte', async () => {
    const stream = await runner.open(node, ['-e', 'process.stdout.write(Buffer.from([0, 255, 1, 128, 10]))']);
    const bytes = Buffer.concat((await readAll(stream)).map((c) => c.data));
    expect([...bytes]).toEqual([0, 255, 1, 128, 10]);
  });

  it('throws ToolMissingError when the program is not installed', async () => {
    await expect(runner.open('evtest_no_such_gomme', [])).rejects.toBeInstanceOf(ToolMissingError);
  });
});

describe('recording and replaying streams', () => {
  it('records text and binary chunks with their times and replays them identically; old bundles still read', async () => {
    const recording = recordingSystem(realSystem(), emptyBundle(new Date('2026-11-29T10:00:00Z')));
    const streams = recording.streams;
    if (!streams) throw new Error('a real system streams');
    const lines = await streams.open(node, [
      '-e',
      'process.stdout.write("Event: a\\n"); setTimeout(() => process.stdout.write("Event: b\\n"), 120)',
    ]);
    const recordedLines = await readAll(lines);
    await lines.done;
    const wav = await streams.open(node, [
      '-e',
      'process.stdout.write(Buffer.from([82, 73, 70, 70, 0, 0, 200]))',
    ]);
    await readAll(wav);
    await wav.done;
    await expect(streams.open('arecord_no_such_gomme', [])).rejects.toBeInstanceOf(ToolMissingError);

    const json = JSON.stringify(recording.bundle);
    const bundle = parseBundle(json);
    expect(bundle.streams).toHaveLength(3);
    expect(bundle.streams?.[0]?.chunks.every((c) => typeof c.text === 'string')).toBe(true);
    expect(bundle.streams?.[1]?.chunks[0]).toEqual({ atMs: expect.any(Number), base64: 'UklGRgAAyA==' });
    expect(bundle.streams?.[2]).toMatchObject({ argv: ['arecord_no_such_gomme'], exitCode: 127, chunks: [] });

    const replay = replaySystem(bundle, undefined, { pace: 'instant' });
    const again = await replay.streams?.open(node, lines.argv.slice(1));
    if (!again) throw new Error('replay streams');
    expect(text(await readAll(again))).toBe(text(recordedLines));
    expect(await again.done).toMatchObject({ exitCode: 0 });
    const bytes = await replay.streams?.open(node, wav.argv.slice(1));
    if (!bytes) throw new Error('replay streams');
    expect([...Buffer.concat((await readAll(bytes)).map((c) => c.data))]).toEqual([
      82, 73, 70, 70, 0, 0, 200,
    ]);
    await expect(replay.streams?.open('arecord_no_such_gomme', [])).rejects.toBeInstanceOf(ToolMissingError);
    await expect(replay.streams?.open('evtest', ['/dev/input/event9'])).rejects.toBeInstanceOf(
      ReplayMissError,
    );

    const old = JSON.parse(json);
    delete old.streams;
    expect(parseBundle(JSON.stringify(old)).streams).toBeUndefined();
  });

  it('replays at the recorded pace and stops when asked, remembering that gomme stopped it', async () => {
    const bundle = emptyBundle(new Date());
    bundle.streams = [
      {
        argv: ['evtest', '--grab', '/dev/input/event0'],
        chunks: [
          { atMs: 0, text: 'first\n' },
          { atMs: 150, text: 'second\n' },
          { atMs: 60_000, text: 'never\n' },
        ],
        exitCode: 0,
        stderr: '',
        stoppedAtMs: 200,
      },
    ];
    const stream = await replaySystem(parseBundle(JSON.stringify(bundle))).streams?.open('evtest', [
      '--grab',
      '/dev/input/event0',
    ]);
    if (!stream) throw new Error('replay streams');
    const started = performance.now();
    const got: string[] = [];
    for await (const chunk of stream.chunks) {
      got.push(Buffer.from(chunk.data).toString());
      if (got.length === 2) setTimeout(() => stream.stop(), 20);
    }
    expect(got).toEqual(['first\n', 'second\n']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await stream.done).toMatchObject({ stopped: true, exitCode: 0 });
  });

  it.each([
    [{ streams: {} }, /streams: expected a list/],
    [{ streams: [{ argv: 'evtest', chunks: [], exitCode: 0, stderr: '' }] }, /streams\[0\]\.argv/],
    [{ streams: [{ argv: ['x'], chunks: [{ atMs: 1 }], exitCode: 0, stderr: '' }] }, /chunks\[0\]/],
    [
      {
        streams: [{ argv: ['x'], chunks: [{ atMs: 1, text: 'a', base64: 'YQ==' }], exitCode: 0, stderr: '' }],
      },
      /streams\[0\]\.chunks\[0\]: expected one of "text" or "base64"/,
    ],
  ])('refuses a malformed streams key %#', (extra, message) => {
    const bundle = { ...emptyBundle(new Date()), ...extra };
    expect(() => parseBundle(JSON.stringify(bundle))).toThrow(message);
  });
});

describe('binary stdin', () => {
  it('run() passes bytes to stdin unchanged (aplay - plays a recording this way)', async () => {
    const { ExecaRunner } = await import('../../../../core/run/execa-runner.js');
    const r = await new ExecaRunner().run(
      node,
      ['-e', 'process.stdin.on("data", (d) => process.stdout.write(d.toString("hex")))'],
      {
        input: new Uint8Array([0, 255, 82, 10]),
      },
    );
    expect(r.stdout).toBe('00ff520a');
  });
});
