/**
 * Every command whose output a person reads, run in this process on replayed bundles (the committed capture,
 * the hand-edited stacked-storage machine, a corpus-made diagnostics machine) and on a temporary data folder
 * with a signing key, records and a migrated journal fixture. Commands that need root and real devices
 * (erase, demo, verify, unlock, unfreeze, guide, capture) are checked on loop devices by
 * test/integration/words/erase-french.test.ts, and the guide's screens by test/component/words/.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Command } from '@commander-js/extra-typings';
import { commitRecord } from '../../../certificates/journal-store.js';
import { buildErasureRecord } from '../../../certificates/record/build-record.js';
import { buildProgram } from '../../../cli/program/build-program.js';
import { programSetup } from '../../../cli/program/setup.js';
import type { Lang } from '../../../core/i18n.js';
import { openJournal } from '../../../core/journal/index.js';
import { JOURNAL_FILE } from '../../../core/journal/open-journal.js';
import { parseBundle } from '../../../core/run/bundle.js';
import { cliInProcess } from '../../helpers/cli-in-process.js';
import { projectRoot, readFixture } from '../../helpers/fixtures.js';
import { wordsRecordInput } from './records.js';

export const COMMITTED_BUNDLE = join(
  projectRoot,
  'test/fixtures/captured/debian12-vm-virtio-two-loops-one-mounted.bundle.json',
);
export const STACKED_BUNDLE = join(
  projectRoot,
  'test/fixtures/hand-edited/stacked-storage-machine.bundle.json',
);

/** The committed capture plus real corpus answers for DMI, batteries and PCI (test/unit/diagnostics/replay-diag). */
export function diagBundleJson(): string {
  const bundle = parseBundle(readFileSync(COMMITTED_BUNDLE, 'utf8'));
  const sysfs = JSON.parse(
    readFixture('battery-sysfs/dell-latitude-5420-sysfs-map-charge-uAh-not-charging.json'),
  ) as Record<string, string>;
  Object.assign(bundle.files, sysfs);
  const supplies = [
    ...new Set(
      Object.keys(sysfs).flatMap((p) => /^\/sys\/class\/power_supply\/([^/]+)\//.exec(p)?.[1] ?? []),
    ),
  ];
  const cmd = (argv: string[], stdout: string) =>
    bundle.commands.push({ argv, exitCode: 0, stdout, stderr: '' });
  cmd(['ls', '-1', '/sys/class/power_supply'], `${supplies.join('\n')}\n`);
  cmd(['dmidecode'], readFixture('dmidecode/notebook-lenovo-thinkpad-t480-two-batteries.txt'));
  cmd(['lspci', '-nn', '-k'], readFixture('lspci/dell-xps-lspci.txt'));
  return JSON.stringify(bundle);
}

/** Every command path of the program (`[]` is `gomme` itself), hidden ones included. */
export function commandPaths(): string[][] {
  const io = { stdout: new PassThrough(), stderr: new PassThrough(), env: {} };
  const program = buildProgram(programSetup(io, 'fr', () => {}));
  const paths: string[][] = [];
  const walk = (command: Command, path: string[]) => {
    paths.push(path);
    for (const sub of command.commands) walk(sub as Command, [...path, sub.name()]);
  };
  walk(program as Command, []);
  return paths;
}

export interface Workspace {
  dir: string;
  /** A data folder with a signing key and two records (one per result kind on the drives). */
  dataDir: string;
  /** A data folder holding the schema-v3 journal fixture (jobs FAILED, ABORTED, running, unopenable). */
  jobsDir: string;
  recordId: string;
  diagBundle: string;
  answers: string;
  cleanup(): void;
}

export async function workspace(): Promise<Workspace> {
  const dir = mkdtempSync(join(tmpdir(), 'gomme-words-'));
  const dataDir = join(dir, 'data');
  const jobsDir = join(dir, 'jobs');
  const init = await cliInProcess(['keys', 'init', '--organisation', 'Atelier Nord'], {
    GOMME_DATA_DIR: dataDir,
    GOMME_KEY_PASSPHRASE: '',
  });
  if (init.code !== 0) throw new Error(`keys init: ${init.stderr}`);
  const record = buildErasureRecord(wordsRecordInput());
  const journal = openJournal(dataDir);
  try {
    commitRecord(journal, record);
  } finally {
    journal.close();
  }
  const { mkdirSync } = await import('node:fs');
  mkdirSync(jobsDir);
  copyFileSync(join(projectRoot, 'test/fixtures/journal/journal-v3.sqlite'), join(jobsDir, JOURNAL_FILE));
  const diagBundle = join(dir, 'diag.bundle.json');
  writeFileSync(diagBundle, diagBundleJson());
  const answers = join(dir, 'answers.txt');
  writeFileSync(answers, 'keyboard=ok\ntouchpad=buttons\nscreen=ok\nspeakers=ok\ncosmetic=B\n');
  return {
    dir,
    dataDir,
    jobsDir,
    recordId: record.recordId,
    diagBundle,
    answers,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Run {
  name: string;
  argv: string[];
  env?: NodeJS.ProcessEnv;
  help?: boolean;
}

/** The runs, each in the language asked; the output checked is stdout and stderr together. */
export function runs(ws: Workspace, pdf: string): Run[] {
  const data = { GOMME_DATA_DIR: ws.dataDir, GOMME_KEY_PASSPHRASE: '' };
  const dryRun = (...extra: string[]) => [
    'erase',
    '--dry-run',
    '--all',
    '--replay',
    COMMITTED_BUNDLE,
    ...extra,
  ];
  return [
    ...commandPaths().map((path) => ({
      name: `gomme ${path.join(' ')} --help`,
      argv: [...path, '--help'],
      help: true,
    })),
    { name: 'exit-codes', argv: ['exit-codes'] },
    { name: 'drives (capture)', argv: ['drives', '--replay', COMMITTED_BUNDLE] },
    { name: 'drives (stacked storage)', argv: ['drives', '--replay', STACKED_BUNDLE] },
    { name: 'erase --dry-run', argv: dryRun() },
    { name: 'erase --dry-run gutmann, all', argv: dryRun('--method', 'gutmann', '--verify', 'all') },
    { name: 'erase --dry-run dod-7, last', argv: dryRun('--method', 'dod-7', '--verify', 'last') },
    { name: 'erase --dry-run zero, none', argv: dryRun('--method', 'zero', '--verify', 'none') },
    {
      name: 'erase --dry-run a firmware method a loop cannot take',
      argv: dryRun('--method', 'nvme-sanitize-crypto'),
    },
    {
      name: 'erase --dry-run (stacked storage)',
      argv: ['erase', '--dry-run', '--all', '--replay', STACKED_BUNDLE],
    },
    { name: 'erase --dry-run unknown method', argv: dryRun('--method', 'shred-it') },
    { name: 'erase --dry-run no drive', argv: ['erase', '--dry-run', '--replay', COMMITTED_BUNDLE] },
    { name: 'erase --replay without --dry-run', argv: ['erase', '/dev/loop0', '--replay', COMMITTED_BUNDLE] },
    { name: 'erase --jobs', argv: ['erase', '--jobs'], env: { GOMME_DATA_DIR: ws.jobsDir } },
    {
      name: 'erase --forget unknown',
      argv: ['erase', '--forget', 'nope'],
      env: { GOMME_DATA_DIR: ws.jobsDir },
    },
    {
      name: 'diag (corpus machine, answers)',
      argv: ['diag', '--replay', ws.diagBundle, '--answers', ws.answers],
      env: data,
    },
    { name: 'diag (no answers)', argv: ['diag', '--replay', COMMITTED_BUNDLE, '--no-guided'], env: data },
    { name: 'diag --only unknown', argv: ['diag', '--only', 'nope'] },
    { name: 'diag bad answers', argv: ['diag', '--replay', COMMITTED_BUNDLE, '--answers', ws.diagBundle] },
    { name: 'history', argv: ['history'], env: data },
    { name: 'history (jobs journal)', argv: ['history'], env: { GOMME_DATA_DIR: ws.jobsDir } },
    { name: 'history --result nope', argv: ['history', '--result', 'nope'], env: data },
    { name: 'export without a format', argv: ['export'], env: data },
    { name: 'cert render', argv: ['cert', 'render', ws.recordId, '--machine'], env: data },
    { name: 'cert render unknown record', argv: ['cert', 'render', 'GR-NOPE'], env: data },
    { name: 'cert render --drive 0', argv: ['cert', 'render', ws.recordId, '--drive', '0'], env: data },
    { name: 'cert verify', argv: ['cert', 'verify', pdf], env: data },
    { name: 'cert verify missing file', argv: ['cert', 'verify', join(ws.dir, 'none.pdf')], env: data },
    { name: 'cert verify not a PDF', argv: ['cert', 'verify', ws.answers], env: data },
    { name: 'keys init again', argv: ['keys', 'init', '--organisation', 'Atelier Nord'], env: data },
    { name: 'keys trust nothing', argv: ['keys', 'trust', ws.answers], env: data },
    {
      name: 'keys export without key',
      argv: ['keys', 'export'],
      env: { GOMME_DATA_DIR: join(ws.dir, 'empty') },
    },
    { name: 'unknown command', argv: ['shred'] },
    { name: 'unknown option', argv: ['drives', '--colour'] },
    { name: 'missing argument', argv: ['cert', 'verify'] },
    { name: 'bad choice', argv: ['erase', '--dry-run', '--verify', 'twice'] },
    { name: 'replay of a missing bundle', argv: ['drives', '--replay', join(ws.dir, 'none.json')] },
    { name: 'replay of a bad bundle', argv: ['drives', '--replay', ws.answers] },
  ];
}

export async function runIn(lang: Lang, run: Run): Promise<string> {
  const r = await cliInProcess(run.argv, { GOMME_LANG: lang, ...run.env });
  return `${r.stdout}\n${r.stderr}`;
}
