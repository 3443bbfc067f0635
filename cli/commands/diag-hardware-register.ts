/**
 * Registers `gomme diag <test>` subcommands on the `diag` command (program.ts calls this once; the handler is
 * imported lazily like the others).
 */
import { type Command, Option } from 'commander';
import type { CommandContext } from '../io.js';
import type { DiagHardwareOptions, HardwareTestName } from './diag-hardware.js';

const DESCRIPTIONS: Record<HardwareTestName, [string, string]> = {
  keys: ['tester chaque touche du clavier', 'test every key of the keyboard'],
  pointer: [
    'tester le pavé tactile ou le TrackPoint (4 coins, 2 boutons)',
    'test the touchpad or pointing stick (4 corners, 2 buttons)',
  ],
  usb: ['compter les ports USB où la clé de test répond', 'count the USB ports where the test stick answers'],
  microphone: ['enregistrer 3 s et mesurer le niveau', 'record 3 s and measure the level'],
  webcam: [
    'prendre une image et vérifier qu’elle n’est pas noire',
    'take a picture and check it is not black',
  ],
  speakers: ['jouer la voix à gauche puis à droite', 'play the voice on the left then the right'],
  screen: ['couleurs plein écran (terminal seulement)', 'full-screen colours (terminal only)'],
  hardware: ['tous les tests du matériel, comme dans le guide', 'every hardware test, as in the guide'],
};

export interface HardwareCommandDeps {
  fr: boolean;
  context(json?: boolean): CommandContext;
  setExit(code: number): void;
  /** The program's --replay option factory. */
  replayOption(): Option;
  stdinIsTTY(): boolean;
}

export function addHardwareCommands(diag: Command, deps: HardwareCommandDeps): void {
  const { fr } = deps;
  for (const test of Object.keys(DESCRIPTIONS) as HardwareTestName[]) {
    const [frText, enText] = DESCRIPTIONS[test];
    diag
      .command(test)
      .description(fr ? frText : enText)
      .addOption(new Option('--json', fr ? 'lignes JSON pour les scripts' : 'JSON lines for scripts'))
      .option('--seconds <n>', fr ? 'arrêter après n secondes' : 'stop after n seconds')
      .addOption(
        new Option('--layout <layout>', fr ? 'clavier dessiné' : 'keyboard drawn').choices(['fr', 'us']),
      )
      .option(
        '--device <nodes>',
        fr ? 'périphériques à lire, ex. /dev/input/event3' : 'devices to read, e.g. /dev/input/event3',
      )
      .addOption(deps.replayOption())
      .addOption(
        new Option('--replay-pace <pace>', 'recorded|instant').choices(['recorded', 'instant']).hideHelp(),
      )
      .action(async (_options: DiagHardwareOptions, command: Command) => {
        // `diag` has --json and --replay too, and commander gives them to it even after "keys": merge them.
        const options = command.optsWithGlobals<DiagHardwareOptions>();
        const { diagHardwareCommand } = await import('./diag-hardware.js');
        const controller = new AbortController();
        const abort = () => controller.abort();
        process.once('SIGINT', abort);
        try {
          deps.setExit(
            await diagHardwareCommand(deps.context(options.json), test, options, {
              interactive: deps.stdinIsTTY(),
              signal: controller.signal,
            }),
          );
        } finally {
          process.off('SIGINT', abort);
        }
      });
  }
}
