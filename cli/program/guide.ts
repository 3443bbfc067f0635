import type { Command } from '@commander-js/extra-typings';
import { text } from '../../core/i18n.js';
import { checkpointIntervalOption } from './erase.js';
import type { ProgramSetup } from './setup.js';

/** The gomme live image sets GOMME_LIVE=1 for its autologin session (iso-build/). */
function isLiveSystem(env: NodeJS.ProcessEnv): boolean {
  return env.GOMME_LIVE === '1';
}

/** The guided screens: `gomme guide`, and `gomme` alone on the live system (the help elsewhere). */
export function registerGuide(program: Command, s: ProgramSetup): void {
  program
    .command('guide')
    .description(
      s.say(text('écrans guidés pas à pas pour les stagiaires', 'step-by-step guided screens for trainees')),
    )
    .option(
      '--only-devices <paths>',
      s.say(
        text(
          'ne montrer que ces disques (tests, banc), ex. /dev/loop3,/dev/loop4',
          'show only these drives (tests, bench), e.g. /dev/loop3,/dev/loop4',
        ),
      ),
    )
    .option(
      '--technician',
      s.say(text('un seul mot confirme tout le lot', 'one word confirms the whole batch')),
    )
    .option('--quick', s.say(text('tests du matériel courts', 'short hardware tests')))
    .option('--no-diagnostics', s.say(text('sans tests du matériel', 'without hardware tests')))
    .addOption(checkpointIntervalOption(s))
    .action(async (options) => {
      const { guideCommand } = await import('../commands/guide.js');
      s.setExit(await guideCommand(s.context(), { ...options, noDiagnostics: !options.diagnostics }));
    });

  program.action(async () => {
    if (!isLiveSystem(s.io.env)) {
      program.outputHelp();
      return;
    }
    const { guideCommand } = await import('../commands/guide.js');
    s.setExit(await guideCommand(s.context(), { allowPowerOff: true }));
  });
}
