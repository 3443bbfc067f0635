import { describe, expect, it } from 'vitest';
import { ToolMissingError } from '../../../../core/errors.js';
import { ExecaRunner } from '../../../../core/run/execa-runner.js';

const runner = new ExecaRunner();
const node = process.execPath;

describe('ExecaRunner', () => {
  it('returns a non-zero exit as data, with both streams', async () => {
    const r = await runner.run(node, [
      '-e',
      'process.stdout.write("out"); process.stderr.write("err"); process.exit(3)',
    ]);
    expect(r).toMatchObject({ exitCode: 3, stdout: 'out', stderr: 'err', timedOut: false, signal: null });
    expect(r.argv).toEqual([node, '-e', expect.any(String)]);
  });

  it('runs programs in the C locale so parsers see the wording they expect', async () => {
    const r = await runner.run(node, [
      '-e',
      'process.stdout.write(process.env.LC_ALL + "/" + process.env.LANG)',
    ]);
    expect(r.stdout).toBe('C/C');
  });

  it('kills a program that outlives its time-out and says so', async () => {
    const r = await runner.run(node, ['-e', 'setTimeout(() => {}, 10000)'], { timeoutMs: 200 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).not.toBe(0);
  });

  it('passes input on stdin', async () => {
    const r = await runner.run(node, ['-e', 'process.stdin.pipe(process.stdout)'], { input: 'answer\n' });
    expect(r.stdout).toBe('answer\n');
  });

  it('throws ToolMissingError naming the Debian package when the program is not installed', async () => {
    const error = await runner.run('sg_no_such_tool_gomme', ['x']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolMissingError);
    expect((error as ToolMissingError).hint?.en).toContain('apt-get install sg_no_such_tool_gomme');
    const nvme = await new ExecaRunner().run('/nonexistent/nvme', []).catch((e: unknown) => e);
    expect((nvme as ToolMissingError).debianPackage).toBe('nvme-cli');
  });
});
