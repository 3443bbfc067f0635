import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { diagCommand } from '../../../cli/commands/diag.js';
import { makeContext } from '../../../cli/io.js';
import { type Bundle, parseBundle } from '../../../core/run/bundle.js';
import { replaySystem } from '../../../core/run/system.js';
import { runDiagnostics } from '../../../diagnostics/run-diagnostics.js';
import { QUICK_TIME_BOXES } from '../../../diagnostics/types.js';
import { projectRoot, readFixture } from '../../helpers/fixtures.js';

// Any attempt to start a process during replay fails the test.
vi.mock('execa', () => ({
  execa: () => {
    throw new Error('a process was spawned during replay');
  },
}));

/**
 * A bundle made only of real outputs: the team's captured Debian VM discovery, plus the Dell Latitude 5420
 * sysfs map (DMI, power supplies, meminfo), the ThinkPad T480 dmidecode and the Dell XPS lspci from the corpus.
 * The mix is not one machine, but every answer is a real one.
 */
function corpusBundle(): Bundle {
  const bundle = parseBundle(
    readFileSync(
      join(projectRoot, 'test/fixtures/captured/debian12-vm-virtio-two-loops-one-mounted.bundle.json'),
      'utf8',
    ),
  );
  const sysfs = JSON.parse(
    readFixture('battery-sysfs/dell-latitude-5420-sysfs-map-charge-uAh-not-charging.json'),
  ) as Record<string, string>;
  Object.assign(bundle.files, sysfs);
  const supplies = [
    ...new Set(
      Object.keys(sysfs).flatMap((p) => /^\/sys\/class\/power_supply\/([^/]+)\//.exec(p)?.[1] ?? []),
    ),
  ];
  const cmd = (argv: string[], stdout: string, exitCode = 0) =>
    bundle.commands.push({ argv, exitCode, stdout, stderr: '' });
  cmd(['ls', '-1', '/sys/class/power_supply'], `${supplies.join('\n')}\n`);
  cmd(['dmidecode'], readFixture('dmidecode/notebook-lenovo-thinkpad-t480-two-batteries.txt'));
  cmd(['lspci', '-nn', '-k'], readFixture('lspci/dell-xps-lspci.txt'));
  return bundle;
}

describe('diagnostics replayed from a bundle (no process run)', () => {
  it('inventory, SMART and presence checks from the bundle; runtime tests skipped', async () => {
    const report = await runDiagnostics(replaySystem(corpusBundle()), { timeBoxes: QUICK_TIME_BOXES });
    const inv = report.inventory;
    expect(report.replayed).toBe(true);
    expect(inv.system).toMatchObject({
      vendor: 'Dell Inc.',
      product: 'Latitude 5420',
      serial: 'FAKE-SYS-SERIAL',
      uuid: null,
    });
    expect(inv.system.bios.version).toBe('1.56.0');
    expect(inv.memory.totalBytes).toBe(16_090_296 * 1024);
    expect(inv.memory.modules.map((m) => m.sizeBytes)).toEqual([8 * 1024 ** 3, 16 * 1024 ** 3]);
    expect(inv.gpus.map((g) => g.description)).toEqual(['Intel Corporation Skylake GT2 [HD Graphics 520]']);
    expect(inv.battery).toMatchObject({ name: 'BAT0', basis: 'charge', healthPercent: 100 });
    expect(inv.dmiBatteries).toHaveLength(2);
    expect(inv.chargerOnline).toBe(true);
    expect(inv.locks.dmiHardwareSecurity?.administratorPassword).toBe(false);
    expect(inv.drives.map((d) => [d.path, d.bootMedium])).toEqual([['/dev/vda', true]]);
    // Not recorded in this bundle: unknown, with a warning, never a crash.
    expect(inv.warnings.some((w) => /lsusb/.test(w))).toBe(true);

    const status = (name: string) => report.tests.filter((t) => t.name === name).map((t) => t.status);
    expect(status('battery')).toEqual(['pass']);
    expect(status('charger')).toEqual(['pass']);
    expect(status('ram')).toEqual(['skipped']);
    expect(status('cpu')).toEqual(['skipped']);
    expect(status('webcam')).toEqual(['not-present']);
    expect(status('locks')).toEqual(['pass']);
    expect(report.grade.functional.untested).toEqual(expect.arrayContaining(['ram', 'cpu', 'keyboard']));
  });

  it('diagCommand --replay --json with answers as id=choice lines on stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gomme-diag-replay-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'bundle.json');
    writeFileSync(file, JSON.stringify(corpusBundle()));
    let out = '';
    const stdout = new Writable({
      write(chunk, _e, done) {
        out += String(chunk);
        done();
      },
    });
    const dataDir = join(dir, 'data');
    const ctx = makeContext({ stdout, stderr: stdout, env: { GOMME_DATA_DIR: dataDir } }, 'fr', true);
    const stdin = Readable.from(['# réponses du stagiaire\nkeyboard=ok\nhinge=loose\ncosmetic=C\n']);
    const code = await diagCommand(ctx, { replay: file, quick: true, publicDonor: true }, { stdin });
    expect(code).toBe(0);
    const { saved, ...report } = JSON.parse(out) as {
      tests: { name: string; status: string }[];
      grade: Record<string, unknown>;
      saved: { path: string; status: string; problem: string | null };
    };
    // Kept in the data folder under the machine's serial; no hub.json here, so nothing is queued.
    expect(saved).toMatchObject({ status: 'saved', problem: null });
    expect(saved.path).toMatch(new RegExp(`^${dataDir}/diagnostics/FAKE-SYS-SERIAL-\\d{8}T\\d{6}Z\\.json$`));
    expect(JSON.parse(readFileSync(saved.path, 'utf8'))).toEqual(report);
    expect(report.tests.find((t) => t.name === 'hinge')?.status).toBe('fail');
    expect(report.grade).toMatchObject({
      cosmetic: 'C',
      priceCapEuros: 180, // public donor, and the SMBIOS chassis type says Notebook
      functional: { status: 'fail', repairable: true },
    });
  });

  it('--only restricts the tests; a bad group or answer is a usage / bad-input error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gomme-diag-only-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'bundle.json');
    writeFileSync(file, JSON.stringify(corpusBundle()));
    let out = '';
    const stdout = new Writable({
      write(chunk, _e, done) {
        out += String(chunk);
        done();
      },
    });
    const dataDir = join(dir, 'data');
    const ctx = makeContext({ stdout, stderr: stdout, env: { GOMME_DATA_DIR: dataDir } }, 'en', true);
    await diagCommand(ctx, { replay: file, only: 'power', save: false }, { stdin: Readable.from([]) });
    const printed = JSON.parse(out) as { tests: { name: string }[]; saved?: unknown };
    expect(printed.tests.map((t) => t.name)).toEqual(['battery', 'charger']);
    // --no-save: the report as before, nothing written.
    expect(printed).not.toHaveProperty('saved');
    expect(existsSync(dataDir)).toBe(false);
    await expect(
      diagCommand(ctx, { replay: file, only: 'nope' }, { stdin: Readable.from([]) }),
    ).rejects.toThrow(/unknown group/);
    await expect(
      diagCommand(ctx, { replay: file }, { stdin: Readable.from(['keyboard=maybe']) }),
    ).rejects.toThrow(/not a choice/);
  });
});
