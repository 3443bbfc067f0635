import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Command } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import { DESTINATIONS, DRIVE_RESULTS } from '../../../certificates/record/schema.js';
import { buildProgram } from '../../../cli/program/build-program.js';
import { programSetup } from '../../../cli/program/setup.js';
import type { Lang } from '../../../core/i18n.js';
import { GROUPS } from '../../../diagnostics/groups.js';
import { METHODS } from '../../../erasure/methods.js';
import { VERIFY_MODES } from '../../../erasure/plan/verify-modes.js';
import { TECHNIQUES } from '../../../erasure/purge/techniques.js';
import { cliInProcess } from '../../helpers/cli-in-process.js';
import { projectRoot } from '../../helpers/fixtures.js';

function program(lang: Lang): Command {
  const io = { stdout: new PassThrough(), stderr: new PassThrough(), env: {} };
  return buildProgram(programSetup(io, lang, () => {}));
}

/** Every command of the tree, the root first, with its path ("cert render"). */
function allCommands(root: Command): Array<{ path: string; command: Command }> {
  const out: Array<{ path: string; command: Command }> = [];
  const walk = (command: Command, path: string[]) => {
    out.push({ path: path.join(' '), command });
    for (const sub of command.commands) walk(sub as Command, [...path, sub.name()]);
  };
  walk(root, []);
  return out;
}

function option(root: Command, path: string[], long: string) {
  let command = root;
  for (const name of path) command = command.commands.find((c) => c.name() === name) as Command;
  const found = command.options.find((o) => o.long === long);
  if (!found) throw new Error(`${path.join(' ')} has no ${long}`);
  return found;
}

describe('the command tree', () => {
  it('gives every option and argument of every command a help text, in both languages', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const { path, command } of allCommands(program(lang))) {
        expect(command.description(), `${lang} "${path}"`).not.toBe('');
        for (const o of command.options) expect(o.description, `${lang} ${path} ${o.flags}`).not.toBe('');
        for (const a of command.registeredArguments) {
          expect(a.description, `${lang} ${path} <${a.name()}>`).not.toBe('');
        }
      }
    }
  });

  it('takes its choices from the domain, not from copies', () => {
    const root = program('en');
    expect(option(root, ['erase'], '--method').argChoices).toEqual([
      'auto',
      ...METHODS.map((m) => m.id),
      ...Object.keys(TECHNIQUES),
    ]);
    expect(option(root, ['erase'], '--verify').argChoices).toEqual([...VERIFY_MODES]);
    expect(option(root, ['erase'], '--destination').argChoices).toEqual([...DESTINATIONS]);
    expect(option(root, ['history'], '--result').argChoices).toEqual([...DRIVE_RESULTS]);
    expect(option(root, ['diag'], '--only').description).toContain(GROUPS.join(', '));
  });

  it('accepts --result in any letter case and refuses an unknown one (exit 2)', async () => {
    const parsed: unknown[] = [];
    const root = program('en');
    const history = root.commands.find((c) => c.name() === 'history') as Command;
    history.action((options) => {
      parsed.push(options);
    });
    await root.parseAsync(['history', '--result', 'erased'], { from: 'user' });
    expect(parsed).toEqual([{ result: 'ERASED' }]);
    const refused = await cliInProcess(['history', '--result', 'wiped']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('ERASED, ERASED_WITH_EXCEPTIONS, FAILED, ABORTED');
  });
});

describe('help', () => {
  it('is all French in French: commander’s headings, placeholders and built-in options too', async () => {
    const english = ['Usage:', 'Options:', 'Commands:', 'Arguments:', 'display help', 'choices:', 'default:'];
    for (const { path } of allCommands(program('fr'))) {
      const argv = [...(path ? path.split(' ') : []), '--help'];
      const r = await cliInProcess(argv, { GOMME_LANG: 'fr' });
      expect(r.code, path).toBe(0);
      for (const word of english) expect(r.stdout, `gomme ${path} --help`).not.toContain(word);
      expect(r.stdout).toContain('Utilisation : gomme');
      expect(r.stdout).toContain('-h, --help');
      expect(r.stdout).toContain('afficher cette aide');
    }
    const root = await cliInProcess(['--help'], { GOMME_LANG: 'fr' });
    expect(root.stdout).toContain('Commandes :');
    expect(root.stdout).toContain('help [commande]');
    const erase = await cliInProcess(['erase', '--help'], { GOMME_LANG: 'fr' });
    expect(erase.stdout.replace(/\s+/g, ' ')).toContain(
      '(choix : none, sample, last, all ; par défaut : sample)',
    );
  });

  it('is English with --lang en, whatever the environment says', async () => {
    const r = await cliInProcess(['--lang', 'en', 'erase', '--help'], { GOMME_LANG: 'fr' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: gomme erase [options] [devices...]');
    expect(r.stdout).toContain('display help for command');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('(choices: none, sample, last, all; default: sample)');
  });

  it('`gomme` alone prints the help outside the live system', async () => {
    const r = await cliInProcess([], { GOMME_LANG: 'fr' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Utilisation : gomme [options] [commande]');
  });

  it('a command group without its subcommand prints its help on stderr and exits 2', async () => {
    const r = await cliInProcess(['keys'], { GOMME_LANG: 'fr' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Utilisation : gomme keys');
    expect(r.stderr).toContain('trust');
  });
});

describe('--version', () => {
  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const r = await cliInProcess(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
  });
});
