import { describe, expect, it } from 'vitest';
import { cliInProcess } from '../../helpers/cli-in-process.js';

/** One command line per commander error gomme rewrites, with what the French and English lines must say. */
const CASES: Array<{ name: string; argv: string[]; fr: string; en: string; help: string }> = [
  {
    name: 'unknown option',
    argv: ['erase', '--vrify', 'all'],
    fr: 'Option inconnue : --vrify.',
    en: 'Unknown option: --vrify.',
    help: 'gomme erase --help',
  },
  {
    name: 'unknown subcommand',
    argv: ['cert', 'rendr'],
    fr: 'Commande inconnue : rendr.',
    en: 'Unknown command: rendr.',
    help: 'gomme cert --help',
  },
  {
    name: 'unknown command (the root runs the guide, so commander sees an extra argument)',
    argv: ['erse'],
    fr: 'Commande inconnue : erse.',
    en: 'Unknown command: erse.',
    help: 'gomme --help',
  },
  {
    name: 'missing argument',
    argv: ['verify'],
    fr: 'Il manque l’argument « disque ».',
    en: 'Missing argument: device.',
    help: 'gomme verify --help',
  },
  {
    name: 'option without its value',
    argv: ['history', '--lot'],
    fr: 'L’option --lot <id> attend une valeur.',
    en: 'Option --lot <id> needs a value.',
    help: 'gomme history --help',
  },
  {
    name: 'required option missing',
    argv: ['capture'],
    fr: 'L’option -o, --output <file> est obligatoire.',
    en: 'Option -o, --output <file> is required.',
    help: 'gomme capture --help',
  },
  {
    name: 'value outside the choices',
    argv: ['erase', '--verify', 'some'],
    fr: 'Valeur refusée pour --verify : « some » ; choix possibles : none, sample, last, all.',
    en: 'Invalid value for --verify: "some"; allowed: none, sample, last, all.',
    help: 'gomme erase --help',
  },
  {
    name: 'too many arguments',
    argv: ['verify', '/dev/sdb', '/dev/sdc'],
    fr: 'Trop d’arguments pour verify : 1 attendu(s), 2 donné(s).',
    en: 'Too many arguments for verify: expected 1, got 2.',
    help: 'gomme verify --help',
  },
];

describe('commander’s errors are gomme usage errors (exit 2), in the user’s language', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const fr = await cliInProcess(c.argv, { GOMME_LANG: 'fr' });
      expect(fr.code).toBe(2);
      expect(fr.stdout).toBe('');
      expect(fr.stderr.split('\n')[0]).toBe(`gomme: ${c.fr}`);
      expect(fr.stderr).toContain(`Aide : ${c.help}`);
      expect(fr.stderr).not.toMatch(/error:|Usage|Did you mean/);

      const en = await cliInProcess(c.argv, { GOMME_LANG: 'en' });
      expect(en.code).toBe(2);
      expect(en.stderr.split('\n')[0]).toBe(`gomme: ${c.en}`);
      expect(en.stderr).toContain(`Help: ${c.help}`);
    });
  }

  it('does not take the value of --lang for the unknown command', async () => {
    const r = await cliInProcess(['--lang', 'en', 'erse'], { GOMME_LANG: 'fr' });
    expect(r.stderr.split('\n')[0]).toBe('gomme: Unknown command: erse.');
  });

  it('with --json, the error is also one JSON line on stdout', async () => {
    const r = await cliInProcess(['drives', '--json', '--replay'], { GOMME_LANG: 'fr' });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      type: 'error',
      code: 'usage',
      exitCode: 2,
      message: 'L’option --replay <bundle> attend une valeur.',
      hint: 'Aide : gomme drives --help',
    });
  });

  it('passes commander’s suggestion on, translated', async () => {
    const fr = await cliInProcess(['erase', '--dry-rn'], { GOMME_LANG: 'fr' });
    expect(fr.stderr).toContain('Vouliez-vous dire --dry-run ? Aide : gomme erase --help');
    const en = await cliInProcess(['keys', 'trst', 'x.pem'], { GOMME_LANG: 'en' });
    expect(en.stderr).toContain('Did you mean trust? Help: gomme keys --help');
  });
});
