import { type Command, Option } from '@commander-js/extra-typings';
import { DESTINATIONS } from '../../certificates/record/schema.js';
import { text } from '../../core/i18n.js';
import { METHODS } from '../../erasure/methods.js';
import { VERIFY_MODES } from '../../erasure/plan/verify-modes.js';
import { TECHNIQUES } from '../../erasure/purge/techniques.js';
import type { ProgramSetup } from './setup.js';
import { jsonOption, replayOption, yesOption } from './shared-options.js';

/** `--method`: "auto" (erasure/plan AUTO_METHOD), every overwrite method, every firmware purge engine. */
const METHOD_CHOICES = ['auto', ...METHODS.map((m) => m.id), ...Object.keys(TECHNIQUES)];

/** A hidden knob for tests: how often a job checkpoints (milliseconds). */
export const checkpointIntervalOption = (s: ProgramSetup) =>
  new Option(
    '--checkpoint-interval <ms>',
    s.say(text('intervalle entre deux points de reprise (tests)', 'checkpoint interval (tests)')),
  ).hideHelp();

/** Acting on drives: `gomme erase`, `verify`, `unlock`, `unfreeze`. */
export function registerErase(program: Command, s: ProgramSetup): void {
  program
    .command('erase')
    .description(
      s.say(
        text(
          'effacer des disques (Purge par la commande du disque, sinon réécriture ; toujours vérifié)',
          'erase drives (firmware Purge or Clear by overwrite, always verified)',
        ),
      ),
    )
    .argument(
      '[devices...]',
      s.say(text('disques à effacer, ex. /dev/sdb', 'drives to erase, e.g. /dev/sdb')),
    )
    .addOption(
      new Option(
        '-m, --method <method>',
        s.say(
          text(
            'auto (la plus forte que le disque permet), une réécriture ou une commande du disque',
            'auto (the strongest the drive supports), an overwrite or a drive command',
          ),
        ),
      )
        .choices(METHOD_CHOICES)
        .default('auto'),
    )
    .addOption(
      new Option(
        '--verify <mode>',
        s.say(text('relecture du support après effacement', 'read-back of the medium after erasure')),
      )
        .choices(VERIFY_MODES)
        .default('sample'),
    )
    .option('--dry-run', s.say(text('montrer le plan sans rien écrire', 'show the plan, write nothing')))
    .option('--all', s.say(text('avec --dry-run : tous les disques', 'with --dry-run: every drive')))
    .addOption(replayOption(s))
    .addOption(yesOption(s))
    .option('--resume', s.say(text('reprendre les effacements interrompus', 'resume interrupted erasures')))
    .option('--jobs', s.say(text('lister les travaux du journal', 'list the journal’s jobs')))
    .option(
      '--forget <job>',
      s.say(
        text('abandonner un travail interrompu (disque absent)', 'discard an interrupted job (drive gone)'),
      ),
    )
    .option('--operator <name>', s.say(text('nom de la personne qui efface', 'name of the person erasing')))
    .option(
      '--donor <name>',
      s.say(text('donateur (entreprise, collectivité…)', 'donor (company, public body…)')),
    )
    .option('--lot <id>', s.say(text('lot de dons', 'donation lot')))
    .addOption(
      new Option(
        '--destination <where>',
        s.say(text('destination après effacement', 'destination after erasure')),
      )
        .choices(DESTINATIONS)
        // No commander default: the session's (reuse) applies, and a resumed batch keeps its own.
        .default(undefined, 'reuse'),
    )
    .addOption(checkpointIntervalOption(s))
    .addOption(jsonOption(s))
    .action(async (devices, options) => {
      const { eraseCommand } = await import('../commands/erase.js');
      s.setExit(await eraseCommand(s.context(options.json), devices, options));
    });

  program
    .command('verify')
    .description(
      s.say(
        text(
          'relire un disque effacé et le comparer à son dernier effacement',
          'read an erased drive back and compare it with its last erasure',
        ),
      ),
    )
    .argument('<device>', s.say(text('le disque, ex. /dev/sdb', 'the drive, e.g. /dev/sdb')))
    .addOption(jsonOption(s))
    .action(async (device, options) => {
      const { verifyCommand } = await import('../commands/verify.js');
      s.setExit(await verifyCommand(s.context(options.json), device));
    });

  program
    .command('unlock')
    .description(
      s.say(
        text(
          'retirer le mot de passe qu’un effacement ATA interrompu a laissé sur un disque',
          'remove the password an interrupted ATA erase left on a drive',
        ),
      ),
    )
    .argument(
      '<device>',
      s.say(text('le disque verrouillé, ex. /dev/sdb', 'the locked drive, e.g. /dev/sdb')),
    )
    .addOption(yesOption(s))
    .addOption(jsonOption(s))
    .action(async (device, options) => {
      const { unlockCommand } = await import('../commands/drive-security.js');
      s.setExit(await unlockCommand(s.context(options.json), device, options));
    });

  program
    .command('unfreeze')
    .description(
      s.say(
        text(
          'mettre le PC en veille quelques secondes pour dégeler un disque ATA (aucun effacement en cours)',
          'suspend the PC a few seconds to unfreeze an ATA drive (no erasure running)',
        ),
      ),
    )
    .argument('<device>', s.say(text('le disque gelé, ex. /dev/sdb', 'the frozen drive, e.g. /dev/sdb')))
    .option(
      '--seconds <n>',
      s.say(text('durée de la veille en secondes', 'suspend duration in seconds')),
      '5',
    )
    .addOption(yesOption(s))
    .addOption(jsonOption(s))
    .action(async (device, options) => {
      const { unfreezeCommand } = await import('../commands/drive-security.js');
      s.setExit(await unfreezeCommand(s.context(options.json), device, options));
    });
}
