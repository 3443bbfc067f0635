import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { makeContext } from '../../../../cli/io.js';
import { readParams, runUnattended, unattendedMethodIds } from '../../../../cli/unattended/run-unattended.js';
import { parseBundle } from '../../../../core/run/bundle.js';
import type { CommandResult } from '../../../../core/run/runner.js';
import { replaySystem, type System } from '../../../../core/run/system.js';
import { QUICK_TIME_BOXES } from '../../../../diagnostics/types.js';
import { METHODS } from '../../../../erasure/methods.js';
import { AUTO_METHOD } from '../../../../erasure/plan/plan-erasure.js';
import { ENGINES } from '../../../../erasure/purge/engines.js';
import { projectRoot } from '../../../helpers/fixtures.js';

vi.mock('execa', () => ({
  execa: () => {
    throw new Error('a process was spawned in a unit test');
  },
}));

function capture(env: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const stdout = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const ctx = makeContext({ stdout, stderr: new Writable({ write: (_c, _e, d) => d() }), env }, 'en', true);
  return { ctx, events: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const ok = (stdout: string): CommandResult => ({
  argv: [],
  exitCode: 0,
  signal: null,
  stdout,
  stderr: '',
  timedOut: false,
  durationMs: 1,
});

describe('readParams', () => {
  it('reads OEM strings through the runner (dmidecode -t 11) and the command line through the files', async () => {
    const run = vi.fn(async () =>
      ok(
        'Handle 0x0B00, DMI type 11, 5 bytes\nOEM Strings\n\tString 1: gomme.mode=capture gomme.poweroff=1\n',
      ),
    );
    const system: System = {
      runner: { run },
      files: { read: async (p) => (p === '/proc/cmdline' ? 'boot=live quiet' : null) },
      replayed: true,
    };
    const outcome = await readParams(system);
    expect(run).toHaveBeenCalledWith('dmidecode', ['-t', '11']);
    expect(outcome).toMatchObject({
      kind: 'ok',
      params: { source: 'smbios', mode: 'capture', poweroff: true },
    });
  });
});

describe('unattendedMethodIds', () => {
  it('accepts exactly what gomme erase --method runs (the ids core/words mirrors, checked against the engines)', () => {
    const run = [AUTO_METHOD, ...METHODS.map((m) => m.id), ...Object.keys(ENGINES)];
    expect([...unattendedMethodIds()].sort()).toEqual([...run].sort());
    expect(new Set(unattendedMethodIds()).size).toBe(unattendedMethodIds().length);
  });
});

describe('runUnattended', () => {
  const erase = vi.fn(async () => 0);
  const deps = (system: System) => ({ system, erase, now: () => new Date('2026-11-29T10:00:00Z') });
  const bundle = parseBundle(
    readFileSync(
      join(projectRoot, 'test/fixtures/captured/debian12-vm-virtio-two-loops-one-mounted.bundle.json'),
      'utf8',
    ),
  );

  /** The recorded machine, noting every command asked of it; `answer` stands in for programs the bundle lacks. */
  const replayRecording = (answer: (file: string) => CommandResult | undefined) => {
    const replayed = replaySystem(bundle);
    const calls: string[] = [];
    const system: System = {
      ...replayed,
      runner: {
        async run(file, args, options) {
          calls.push([file, ...args].join(' '));
          return answer(file) ?? replayed.runner.run(file, args, options);
        },
      },
    };
    return { system, calls };
  };

  it('refuses invalid parameters with a start line then an error line (exit 2), erasing nothing', async () => {
    const { ctx, events } = capture();
    const code = await runUnattended(
      ctx,
      { kind: 'invalid', source: 'cmdline', errors: [{ fr: 'non', en: 'gomme.confirm missing' }] },
      deps(replaySystem(bundle)),
      { dryRun: false },
    );
    expect(code).toBe(2);
    expect(events().map((e) => [e.type, e.phase ?? e.code])).toEqual([
      ['unattended', 'start'],
      ['error', 'unattended-params'],
    ]);
    expect(erase).not.toHaveBeenCalled();
  });

  it('refuses an erase when every drive of the machine is protected or virtual (exit 3)', async () => {
    const { ctx, events } = capture();
    const code = await runUnattended(
      ctx,
      {
        kind: 'ok',
        warnings: [],
        params: {
          source: 'smbios',
          mode: 'erase',
          method: 'zero',
          verify: 'all',
          targets: { kind: 'all-unprotected' },
          poweroff: true,
          hub: null,
        },
      },
      deps(replaySystem(bundle)),
      { dryRun: false },
    );
    expect(code).toBe(3);
    const [, targets, error] = events();
    expect(targets).toMatchObject({ type: 'unattended', phase: 'targets', targets: [] });
    expect(targets?.skipped).toHaveLength(3);
    expect(error).toMatchObject({
      type: 'error',
      code: 'unattended-targets',
      message: 'No unprotected drive to erase.',
    });
    expect(erase).not.toHaveBeenCalled();
  });

  it('diag: inventory, automatic tests, a graded report kept in the data folder (no hub: nothing pushed)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gomme-unattended-diag-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const { ctx, events } = capture({ GOMME_DATA_DIR: dataDir });
    const code = await runUnattended(
      ctx,
      {
        kind: 'ok',
        warnings: [],
        params: {
          source: 'cmdline',
          mode: 'diag',
          method: null,
          verify: null,
          targets: null,
          poweroff: false,
          hub: null,
        },
      },
      { ...deps(replaySystem(bundle)), diagTimeBoxes: QUICK_TIME_BOXES },
      { dryRun: false },
    );
    expect(code).toBe(0);
    const all = events();
    const ends = all.filter((e) => e.type === 'diagnostics' && e.phase === 'test-end').map((e) => e.name);
    expect(ends).toEqual(expect.arrayContaining(['ram', 'cpu']));
    const saved = all.find((e) => e.phase === 'diagnostics-saved');
    // Nobody answered the guided questions: their functions are untested, and the grade says incomplete.
    expect(saved).toMatchObject({ hub: 'saved', grade: 'incomplete' });
    expect(saved?.untested).toEqual(expect.arrayContaining(['keyboard']));
    const file = String(saved?.output);
    expect(file.startsWith(join(dataDir, 'diagnostics', 'machine-20261129T100000Z'))).toBe(true);
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      format: string;
      grade: { functional: { status: string } };
    };
    expect(report).toMatchObject({ format: 'gomme-diag', grade: { functional: { status: 'incomplete' } } });
    expect(all.some((e) => e.type === 'sync-result')).toBe(false);
    expect(all.some((e) => e.type === 'warning')).toBe(false);
    expect(erase).not.toHaveBeenCalled();
  });

  it('the boot unit (--wait-for-disks) waits for udev before choosing targets; a timeout is said, not fatal', async () => {
    // udevadm settle is not in the recorded bundle: answer it as a timed-out settle does (exit 1).
    const { system, calls } = replayRecording((file) =>
      file === 'udevadm' ? { ...ok(''), exitCode: 1 } : undefined,
    );
    const { ctx, events } = capture();
    const params = {
      source: 'smbios' as const,
      mode: 'erase' as const,
      method: 'zero',
      verify: 'all' as const,
      targets: { kind: 'all-unprotected' as const },
      poweroff: true,
      hub: null,
    };
    await runUnattended(ctx, { kind: 'ok', warnings: [], params }, deps(system), {
      dryRun: false,
      waitForDisks: true,
    });
    const settle = calls.indexOf('udevadm settle --timeout=60');
    expect(settle).toBeGreaterThanOrEqual(0);
    expect(calls.slice(settle + 1).some((c) => c.startsWith('lsblk'))).toBe(true);
    expect(calls.slice(0, settle).some((c) => c.startsWith('lsblk'))).toBe(false);
    expect(events().map((e) => [e.type, e.phase ?? e.code ?? null])).toEqual([
      ['unattended', 'start'],
      ['unattended', 'waiting-for-disks'],
      ['warning', null],
      ['unattended', 'targets'],
      ['error', 'unattended-targets'],
    ]);

    calls.length = 0;
    const again = capture();
    await runUnattended(again.ctx, { kind: 'ok', warnings: [], params }, deps(system), { dryRun: false });
    expect(calls).not.toContain('udevadm settle --timeout=60');
  });

  it('the boot unit (--boot-units) starts before its data partition: the units are waited for after the start event, before anything that needs them', async () => {
    let systemctlExit = 0;
    const { system, calls } = replayRecording((file) =>
      file === 'systemctl' ? { ...ok(''), exitCode: systemctlExit } : undefined,
    );
    const params = {
      source: 'cmdline' as const,
      mode: 'capture' as const,
      method: null,
      verify: null,
      targets: null,
      poweroff: false,
      hub: null,
    };
    const dataDir = mkdtempSync(join(tmpdir(), 'gomme-boot-units-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const run = async () => {
      calls.length = 0;
      const { ctx, events } = capture({ GOMME_DATA_DIR: dataDir });
      const atReady: { events: Array<Record<string, unknown>>; calls: string[] }[] = [];
      const code = await runUnattended(ctx, { kind: 'ok', warnings: [], params }, deps(system), {
        dryRun: false,
        bootUnits: ['gomme-data.service', 'gomme-network.service'],
        onBootReady: () => atReady.push({ events: events(), calls: [...calls] }),
      });
      return { code, events: events(), atReady };
    };

    const up = await run();
    expect(up.code).toBe(0);
    // Waited for once, after the start event and before any discovery; the caller's log file comes right after.
    expect(up.atReady).toHaveLength(1);
    expect(up.atReady[0]?.calls).toEqual(['systemctl start gomme-data.service gomme-network.service']);
    expect(up.atReady[0]?.events.map((e) => [e.type, e.phase])).toEqual([['unattended', 'start']]);
    expect(up.events.some((e) => e.type === 'warning')).toBe(false);
    expect(up.events.at(-1)).toHaveProperty('drives');

    // A unit that did not come up is said, and the run goes on with what there is.
    systemctlExit = 1;
    const down = await run();
    expect(down.code).toBe(0);
    expect(down.atReady).toHaveLength(1);
    expect(down.events[1]).toMatchObject({ type: 'warning' });
    expect(String(down.events[1]?.message)).toContain('gomme-data.service');
    expect(String(down.events[1]?.message)).toContain('journalctl -b -u gomme-data.service');
    expect(down.events.at(-1)).toHaveProperty('drives');
  });
});
