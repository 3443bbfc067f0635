import { type CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import { type Text, text } from '../../core/i18n.js';
import type { DiagHardwareOptions, HardwareTestName } from '../commands/diag-hardware.js';
import type { ProgramSetup } from './setup.js';

const DESCRIPTIONS: Record<HardwareTestName, Text> = {
  keys: text('tester chaque touche du clavier', 'test every key of the keyboard'),
  pointer: text(
    'tester le pavé tactile ou le TrackPoint (4 coins, 2 boutons)',
    'test the touchpad or pointing stick (4 corners, 2 buttons)',
  ),
  usb: text(
    'compter les ports USB où la clé de test répond',
    'count the USB ports where the test stick answers',
  ),
  microphone: text('enregistrer 3 s et mesurer le niveau', 'record 3 s and measure the level'),
  webcam: text(
    'prendre une image et vérifier qu’elle n’est pas noire',
    'take a picture and check it is not black',
  ),
  speakers: text('jouer la voix à gauche puis à droite', 'play the voice on the left then the right'),
  screen: text('couleurs plein écran (terminal seulement)', 'full-screen colours (terminal only)'),
  hardware: text('tous les tests du matériel, comme dans le guide', 'every hardware test, as in the guide'),
};

/**
 * `gomme diag keys|pointer|usb|microphone|webcam|speakers|screen|hardware`, under the `diag` command that
 * registerDiag creates (call `registerHardwareTests(diag, s)` there). `diag` also has --json and --replay, and
 * commander hands them to it even when they follow the subcommand: the handler reads them merged.
 */
export function registerHardwareTests(diag: CommandUnknownOpts, s: ProgramSetup): void {
  for (const test of Object.keys(DESCRIPTIONS) as HardwareTestName[]) {
    diag
      .command(test)
      .description(s.say(DESCRIPTIONS[test]))
      .addOption(new Option('--json', s.say(text('lignes JSON pour les scripts', 'JSON lines for scripts'))))
      .option('--seconds <n>', s.say(text('arrêter après n secondes', 'stop after n seconds')))
      .addOption(
        new Option('--layout <layout>', s.say(text('clavier dessiné', 'keyboard drawn'))).choices([
          'fr',
          'us',
        ]),
      )
      .option(
        '--device <nodes>',
        s.say(text('périphériques à lire, ex. /dev/input/event3', 'devices to read, e.g. /dev/input/event3')),
      )
      .addOption(
        new Option('--replay <bundle>', s.say(text('rejouer un paquet capturé', 'replay a captured bundle'))),
      )
      .addOption(
        new Option(
          '--replay-pace <pace>',
          s.say(text('rythme d’un flux rejoué (tests)', 'pace of a replayed stream (tests)')),
        )
          .choices(['recorded', 'instant'])
          .hideHelp(),
      )
      .action(async (_options, command) => {
        const options = command.optsWithGlobals() as DiagHardwareOptions;
        const { diagHardwareCommand } = await import('../commands/diag-hardware.js');
        const controller = new AbortController();
        const abort = () => controller.abort();
        process.once('SIGINT', abort);
        try {
          s.setExit(
            await diagHardwareCommand(s.context(options.json), test, options, {
              interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
              signal: controller.signal,
            }),
          );
        } finally {
          process.off('SIGINT', abort);
        }
      });
  }
}
