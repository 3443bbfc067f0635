import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../../helpers/cli-in-process.js';
import { englishInFrench, frenchInEnglish, report } from '../../helpers/words-scan.js';
import { commandPaths, type Run, runIn, runs, type Workspace, workspace } from './cli-outputs.js';

let ws: Workspace;
let all: Run[];

beforeAll(async () => {
  ws = await workspace();
  const rendered = await cliInProcess(['cert', 'render', ws.recordId, '--drive', '1'], {
    GOMME_DATA_DIR: ws.dataDir,
    GOMME_KEY_PASSPHRASE: '',
  });
  const pdf = rendered.stdout.trim().split(/\s+/).at(-1) ?? '';
  all = runs(ws, pdf);
});

afterAll(() => ws?.cleanup());

describe('every command speaks one language', () => {
  it('covers every command of the program, with its help', () => {
    const paths = commandPaths();
    expect(paths.length).toBeGreaterThanOrEqual(30);
    for (const path of paths)
      expect(all.some((r) => r.help && r.argv.join(' ') === [...path, '--help'].join(' ')));
    expect(all.length).toBeGreaterThanOrEqual(paths.length + 35);
  });

  it('French output holds no English word, no English number form, no raw id, no "0 s"', async () => {
    const problems: string[] = [];
    for (const run of all) {
      const out = await runIn('fr', run);
      expect(out.trim(), run.name).not.toBe('');
      const found = englishInFrench(out, { help: run.help });
      if (found.length > 0) problems.push(report(run.name, found));
    }
    expect(problems.join('\n')).toBe('');
  });

  it('English output holds no French word and no raw id', async () => {
    const problems: string[] = [];
    for (const run of all) {
      const out = await runIn('en', run);
      const found = frenchInEnglish(out, { help: run.help });
      if (found.length > 0) problems.push(report(run.name, found));
    }
    expect(problems.join('\n')).toBe('');
  });

  it('the acceptance outputs say what they must, in French', async () => {
    const dry = await runIn('fr', all.find((r) => r.name === 'erase --dry-run') as Run);
    expect(dry).toContain('Plan (rien ne sera écrit) :');
    expect(dry).toContain('méthode : Réécriture NIST 800-88 (1 passe aléatoire) [nist-clear]');
    expect(dry).toContain('passes : 1. flux aléatoire (AES-128-CTR)');
    expect(dry).toContain('vérification : relecture par échantillons (NIST, au moins 10 % du disque)');
    expect(dry).toContain('33,6 Mo');
    expect(dry).toContain('durée estimée : moins d’une minute');
    const help = await runIn('fr', { name: 'help', argv: ['--help'], help: true });
    expect(help).toMatch(/^Utilisation : gomme \[options\] \[commande\]/);
    expect(help).toContain('erase [options] [disques...]');
    const history = await runIn('fr', all.find((r) => r.name === 'history') as Run);
    expect(history).toContain('ÉCHEC');
    expect(history).toMatch(/07\/12\/2026 03:01 {2}GR-/);
    expect(history).toContain('(dates en UTC)');
  });
});
