import { Option } from '@commander-js/extra-typings';
import { DRIVE_RESULTS, type DriveResult } from '../../certificates/record/schema.js';
import { UsageError } from '../../core/errors.js';
import { text } from '../../core/i18n.js';
import type { ProgramSetup } from './setup.js';

/** Options several commands share, defined once so their words and types stay the same everywhere. */

export const jsonOption = (s: ProgramSetup) =>
  new Option('--json', s.say(text('sortie JSON pour les scripts', 'JSON output for scripts')));

export const replayOption = (s: ProgramSetup) =>
  new Option(
    '--replay <bundle>',
    s.say(
      text(
        'rejouer un paquet capturé (gomme capture) au lieu de lire ce PC',
        'replay a captured bundle (gomme capture) instead of reading this PC',
      ),
    ),
  );

export const yesOption = (s: ProgramSetup) =>
  new Option(
    '-y, --yes',
    s.say(text('confirmer sans question (scripts)', 'confirm without asking (scripts)')),
  );

export const passphraseFileOption = (s: ProgramSetup) =>
  new Option(
    '--passphrase-file <file>',
    s.say(
      text(
        'fichier contenant la phrase de passe de la clé (sinon GOMME_KEY_PASSPHRASE)',
        'file holding the key passphrase (else GOMME_KEY_PASSPHRASE)',
      ),
    ),
  );

/** The filters `history` and `export` share. */
export const lotFilterOption = (s: ProgramSetup) =>
  new Option('--lot <id>', s.say(text('seulement ce lot de dons', 'only this donation lot')));
export const fromFilterOption = (s: ProgramSetup) =>
  new Option(
    '--from <date>',
    s.say(text('à partir de cette date (AAAA-MM-JJ)', 'from this date on (YYYY-MM-DD)')),
  );
export const toFilterOption = (s: ProgramSetup) =>
  new Option('--to <date>', s.say(text('jusqu’à cette date (AAAA-MM-JJ)', 'up to this date (YYYY-MM-DD)')));
/** A record matches when it or one of its drives has this result; any letter case is accepted. */
export const resultFilterOption = (s: ProgramSetup) =>
  new Option('--result <result>', s.say(text('seulement ce résultat', 'only this result')))
    .choices(DRIVE_RESULTS)
    .argParser((value): DriveResult => {
      const upper = value.toUpperCase();
      const found = DRIVE_RESULTS.find((r) => r === upper);
      if (!found) {
        const choices = DRIVE_RESULTS.join(', ');
        throw new UsageError(
          text(
            `--result « ${value} » : choix possibles : ${choices}.`,
            `--result "${value}": allowed: ${choices}.`,
          ),
        );
      }
      return found;
    });
