/**
 * Fault injection of the erase session (issue 13): kill -9 at every journal write point, the journal full,
 * read-only or damaged before, during and after the writes, missing/wrong/unreadable keys, duplicate and
 * stale jobs. Loop devices only; the data partition is an ext4 on a loop device. For every scenario the test
 * computes: drives whose content contradicts their record, records lost, writes to a protected (mounted) device.
 * The summary table at the end goes into the issue note.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRITE_POINTS } from '../../core/journal/index.js';
import { projectRoot } from '../helpers/fixtures.js';
import { createProtectedDrive, dropKeyTemplate, type ProtectedDrive } from './session/harness.js';
import { HOSTILE } from './session/hostile.js';
import { JOURNAL_FAULTS } from './session/journal-faults.js';
import { KILL_POINTS, UNREACHABLE } from './session/kill-points.js';
import { type Row, summaryTable } from './session/summary.js';

const isRoot = process.getuid?.() === 0;

describe.skipIf(!isRoot)('erase session under faults', () => {
  const rows: Row[] = [];
  let root = '';
  let prot: ProtectedDrive;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'gomme-faults-session-'));
    prot = createProtectedDrive(root);
  });

  afterAll(() => {
    prot?.teardown();
    dropKeyTemplate();
    rmSync(root, { recursive: true, force: true });
    const table = summaryTable(rows);
    console.info(`\nfault suite (session)\n${table}`);
    mkdirSync(join(projectRoot, 'test-artifacts'), { recursive: true });
    writeFileSync(join(projectRoot, 'test-artifacts', 'faults-session.md'), `${table}\n`);
  });

  const judge = (row: Row) => {
    rows.push(row);
    if (row.skipped) return;
    expect(row).toMatchObject({ contradictions: 0, recordsLost: 0, protectedWrites: 0 });
  };

  it('every journal write point is a kill point here, or unreachable on loop devices for a stated reason', () => {
    const covered = new Set([...KILL_POINTS.flatMap((k) => k.covers), ...Object.keys(UNREACHABLE)]);
    expect(WRITE_POINTS.filter((p) => !covered.has(p))).toEqual([]);
  });

  describe('kill -9 at each write point, then gomme erase --resume', () => {
    for (const point of KILL_POINTS) it(point.name, async () => judge(await point.run(root, prot)));
  });

  describe('the journal full, read-only or damaged, before, during and after the writes', () => {
    for (const fault of JOURNAL_FAULTS) it(fault.name, async () => judge(await fault.run(root, prot)));
  });

  describe('hostile inputs: keys, config, duplicate and stale jobs, a drive in use', () => {
    for (const hostile of HOSTILE) it(hostile.name, async () => judge(await hostile.run(root, prot)));
  });
});
