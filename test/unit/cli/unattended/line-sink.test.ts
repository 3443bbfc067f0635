import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, onTestFinished } from 'vitest';
import { TeeSink } from '../../../../cli/unattended/line-sink.js';

function sink() {
  const seen: string[] = [];
  const primary = new Writable({
    write(chunk: Buffer, _enc, done) {
      seen.push(chunk.toString());
      done();
    },
  });
  return { tee: new TeeSink(primary), seen };
}

async function write(tee: TeeSink, line: string) {
  if (!tee.write(line)) await once(tee, 'drain');
  await new Promise((resolve) => setImmediate(resolve));
}

describe('TeeSink', () => {
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'gomme-tee-'));
    onTestFinished(() => rmSync(d, { recursive: true, force: true }));
    return d;
  };

  it('holds what was written until the file is added, so the file has the whole run in order', async () => {
    const { tee, seen } = sink();
    const file = join(dir(), 'unattended', 'run.ndjson');
    tee.holdForFile();
    await write(tee, '{"phase":"start"}\n');
    await write(tee, '{"type":"warning"}\n');
    tee.addFile(file);
    await write(tee, '{"phase":"targets"}\n');
    tee.end();
    await once(tee, 'finish');
    tee.close();
    expect(tee.failures).toEqual([]);
    const expected = '{"phase":"start"}\n{"type":"warning"}\n{"phase":"targets"}\n';
    expect(readFileSync(file, 'utf8')).toBe(expected);
    expect(seen.join('')).toBe(expected);
  });

  it('without holding, a file added later starts where it was added; a file that cannot be opened is reported', async () => {
    const { tee } = sink();
    const d = dir();
    await write(tee, 'before\n');
    tee.addFile(join(d, 'late.ndjson'));
    await write(tee, 'after\n');
    tee.addFile(join(d, 'late.ndjson', 'under-a-file'));
    tee.end();
    await once(tee, 'finish');
    tee.close();
    expect(readFileSync(join(d, 'late.ndjson'), 'utf8')).toBe('after\n');
    expect(tee.failures.map((f) => f.path)).toEqual([join(d, 'late.ndjson', 'under-a-file')]);
  });

  it('a stdout reader that goes away (EPIPE) ends nothing: the file still gets every line', async () => {
    let writes = 0;
    const primary = new Writable({
      write(_chunk: Buffer, _enc, done) {
        writes += 1;
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    primary.on('error', () => {}); // guardProcess's part on process.stdout
    const tee = new TeeSink(primary);
    const errors: unknown[] = [];
    tee.on('error', (error) => errors.push(error));
    const file = join(dir(), 'run.ndjson');
    tee.addFile(file);
    await write(tee, 'one\n');
    await write(tee, 'two\n');
    tee.end();
    await once(tee, 'finish');
    tee.close();
    expect(errors).toEqual([]);
    expect(writes).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('one\ntwo\n');
  });
});
