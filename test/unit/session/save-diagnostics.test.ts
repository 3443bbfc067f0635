import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HUB_LINK_FILE } from '../../../certificates/hub-link.js';
import { JOURNAL_FILE, openJournal } from '../../../core/journal/index.js';
import { parseBundle } from '../../../core/run/bundle.js';
import { replaySystem } from '../../../core/run/system.js';
import { type DiagReport, runDiagnostics } from '../../../diagnostics/run-diagnostics.js';
import { QUICK_TIME_BOXES } from '../../../diagnostics/types.js';
import { machineName, saveDiagnostics, savedWords } from '../../../session/save-diagnostics.js';
import { projectRoot } from '../../helpers/fixtures.js';
import { enrolOffline } from '../../helpers/hub-link.js';

const NOW = new Date('2026-11-29T10:00:00.123Z');
let report: DiagReport;
const dirs: string[] = [];

/** A real report: the committed capture of a Debian VM, replayed (no DMI serial in it: set per test). */
beforeAll(async () => {
  const bundle = parseBundle(
    readFileSync(
      join(projectRoot, 'test/fixtures/captured/debian12-vm-virtio-two-loops-one-mounted.bundle.json'),
      'utf8',
    ),
  );
  report = await runDiagnostics(replaySystem(bundle), { timeBoxes: QUICK_TIME_BOXES });
});
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gomme-save-diag-'));
  dirs.push(dir);
  return dir;
}

function withSerial(serial: string | null, uuid: string | null = null): DiagReport {
  return {
    ...report,
    inventory: { ...report.inventory, system: { ...report.inventory.system, serial, uuid } },
  };
}

/** A station linked to a hub that is never called (no key needed: nothing is signed here). */
const link = (dir: string) => enrolOffline(dir, { organisation: 'Atelier', enrolledAt: NOW, key: false });

describe('saveDiagnostics', () => {
  it('a station without a hub: the whole report, 0600 in a 0700 folder, no temp file, no journal opened', () => {
    const dir = dataDir();
    const saved = saveDiagnostics(dir, withSerial('PF2X9EA'), NOW);
    expect(saved).toEqual({
      status: 'saved',
      path: join(dir, 'diagnostics', 'PF2X9EA-20261129T100000Z.json'),
      problem: null,
    });
    expect(JSON.parse(readFileSync(saved.path, 'utf8'))).toEqual(withSerial('PF2X9EA'));
    expect(statSync(saved.path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'diagnostics')).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(dir, 'diagnostics'))).toEqual([basename(saved.path)]);
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(false);
    expect(savedWords(saved).fr).toBe(`Rapport enregistré : ${saved.path}.`);
  });

  it('a linked station: queued for the hub with the file’s SHA-256 and size', () => {
    const dir = dataDir();
    link(dir);
    const saved = saveDiagnostics(dir, withSerial('PF2X9EA'), NOW);
    expect(saved.status).toBe('queued');
    const bytes = readFileSync(saved.path);
    const journal = openJournal(dir);
    try {
      expect(journal.outbox.list({ pending: true })).toEqual([
        expect.objectContaining({
          kind: 'diagnostics',
          ref: basename(saved.path),
          path: saved.path,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          bytes: bytes.length,
          createdAt: NOW.toISOString(),
        }),
      ]);
    } finally {
      journal.close();
    }
    expect(savedWords(saved).en).toContain('it goes to the hub at the next sync');
  });

  it('never overwrites: a second run in the same second gets its own file and its own outbox entry', () => {
    const dir = dataDir();
    link(dir);
    const first = saveDiagnostics(dir, withSerial('PF2X9EA'), NOW);
    const second = saveDiagnostics(dir, { ...withSerial('PF2X9EA'), durationMs: 1 }, NOW);
    expect(second.path).toBe(join(dir, 'diagnostics', 'PF2X9EA-20261129T100000Z-2.json'));
    expect(JSON.parse(readFileSync(first.path, 'utf8')).durationMs).toBe(report.durationMs);
    const journal = openJournal(dir);
    try {
      expect(journal.outbox.list({ pending: true }).map((i) => i.ref)).toEqual([
        basename(first.path),
        basename(second.path),
      ]);
    } finally {
      journal.close();
    }
  });

  it('names the file after the serial made safe, else the UUID, else "machine"', () => {
    expect(machineName(withSerial('../PF 2X/9ÉA'))).toBe('PF_2X_9_A');
    expect(machineName(withSerial(null, '4C4C4544-0042'))).toBe('4C4C4544-0042');
    expect(machineName(withSerial(null))).toBe('machine');
    expect(machineName(withSerial('x'.repeat(100)))).toHaveLength(64);
  });

  it('a folder that cannot be made: not written, said in words, nothing thrown', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'diagnostics'), 'a file where the folder should be');
    const saved = saveDiagnostics(dir, withSerial('PF2X9EA'), NOW);
    expect(saved.status).toBe('not-written');
    expect(saved.problem?.fr).toMatch(/^rapport de diagnostic non enregistré dans .*PF2X9EA.* : /);
    expect(savedWords(saved)).toEqual(saved.problem);
  });

  it('a journal that cannot take the entry, or a malformed hub link: saved, not queued, with the reason', () => {
    const broken = dataDir();
    link(broken);
    writeFileSync(join(broken, JOURNAL_FILE), 'not a SQLite database, just bytes '.repeat(200));
    const notQueued = saveDiagnostics(broken, withSerial('PF2X9EA'), NOW);
    expect(notQueued.status).toBe('not-queued');
    expect(notQueued.problem?.en).toMatch(/journal/i);
    expect(existsSync(notQueued.path)).toBe(true);

    const badLink = dataDir();
    mkdirSync(badLink, { recursive: true });
    writeFileSync(join(badLink, HUB_LINK_FILE), '{"url": 3}');
    const unlinked = saveDiagnostics(badLink, withSerial('PF2X9EA'), NOW);
    expect(unlinked.status).toBe('not-queued');
    expect(unlinked.problem?.en).toContain(HUB_LINK_FILE);
    expect(existsSync(unlinked.path)).toBe(true);
  });
});
