import { Command, Option } from '@commander-js/extra-typings';
import { text } from '../../core/i18n.js';
import { GOMME_VERSION } from '../../core/version.js';
import { registerAbout } from './about.js';
import { registerCert } from './cert.js';
import { registerDiag } from './diag.js';
import { registerDrives } from './drives.js';
import { registerErase } from './erase.js';
import { registerGuide } from './guide.js';
import { registerHub } from './hub.js';
import { registerKeys } from './keys.js';
import { localizeHelp } from './localized-help.js';
import { registerRecords } from './records.js';
import type { ProgramSetup } from './setup.js';
import { registerUnattended } from './unattended.js';

/**
 * The command tree: one module per command group, each registering its commands with typed options and
 * lazily imported handlers (so `gomme --help` loads commander and these definitions only).
 * Commander never prints an error or exits: runCli turns its errors into a UsageError (exit 2).
 */
export function buildProgram(s: ProgramSetup): Command {
  const program = new Command('gomme')
    .description(
      s.say(
        text(
          'Effacement certifié des disques et test du matériel des PC donnés (NIST SP 800-88, IEEE 2883).',
          'Certified drive erasure and hardware testing for donated PCs (NIST SP 800-88, IEEE 2883).',
        ),
      ),
    )
    .version(
      GOMME_VERSION,
      '-V, --version',
      s.say(text('afficher la version de gomme', 'print gomme’s version')),
    )
    .addOption(
      new Option('--lang <lang>', s.say(text('langue des messages', 'message language'))).choices([
        'fr',
        'en',
      ]),
    )
    .exitOverride()
    .configureOutput({
      writeOut: (str) => s.io.stdout.write(str),
      writeErr: (str) => s.io.stderr.write(str),
      // runCli prints the error itself, in the user's language (and as JSON with --json).
      outputError: () => {},
    });
  // Set before any subcommand exists: commander copies these settings into each one when it is created.
  localizeHelp(program, s);

  for (const register of [
    registerGuide,
    registerDrives,
    registerErase,
    registerDiag,
    registerCert,
    registerKeys,
    registerRecords,
    registerUnattended,
    registerHub,
    registerAbout,
  ]) {
    register(program, s);
  }
  return program;
}
