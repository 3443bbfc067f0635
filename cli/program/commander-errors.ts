import type { Command, CommanderError } from '@commander-js/extra-typings';
import { UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { type Text, text } from '../../core/i18n.js';
import { placeholderWords } from './localized-help.js';

/**
 * Commander's errors, in the user's language. Commander (pinned in package.json) builds English sentences;
 * each known code's sentence is read back for the names it quotes. test/unit/cli/program.test.ts runs every
 * code below through commander itself, so an upgrade that changes a sentence fails there.
 */
const unknownCommand = (name = '') => text(`commande inconnue : ${name}`, `unknown command: ${name}`);

const REWRITES: Record<string, { pattern: RegExp; rewrite: (g: Array<string | undefined>) => Text }> = {
  'commander.unknownOption': {
    pattern: /unknown option '([^']*)'/,
    rewrite: ([flag]) => text(`option inconnue : ${flag}`, `unknown option: ${flag}`),
  },
  'commander.unknownCommand': {
    pattern: /unknown command '([^']*)'/,
    rewrite: ([name]) => unknownCommand(name),
  },
  'commander.missingArgument': {
    pattern: /missing required argument '([^']*)'/,
    rewrite: ([name]) => {
      const words = placeholderWords(name ?? '');
      return text(`il manque l’argument « ${words.fr} »`, `missing argument: ${words.en}`);
    },
  },
  'commander.optionMissingArgument': {
    pattern: /option '([^']*)' argument missing/,
    rewrite: ([flags]) => text(`l’option ${flags} attend une valeur`, `option ${flags} needs a value`),
  },
  'commander.missingMandatoryOptionValue': {
    pattern: /required option '([^']*)' not specified/,
    rewrite: ([flags]) => text(`l’option ${flags} est obligatoire`, `option ${flags} is required`),
  },
  'commander.invalidArgument': {
    pattern:
      /(?:option '([^']*)' argument|command-argument value) '(.*)' is invalid(?: for argument '([^']*)')?\.(?: Allowed choices are (.*)\.)?/s,
    rewrite: ([flags, value, argument, choices]) => {
      // "-m, --method <method>": the long flag is what the user typed and reads back.
      const what = flags ? (flags.match(/--[\w-]+/)?.[0] ?? flags) : (argument ?? '');
      return text(
        `valeur refusée pour ${what} : « ${value} »${choices ? ` ; choix possibles : ${choices}` : ''}`,
        `invalid value for ${what}: "${value}"${choices ? `; allowed: ${choices}` : ''}`,
      );
    },
  },
  'commander.excessArguments': {
    pattern: /too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./,
    rewrite: ([command, expected, got]) =>
      text(
        `trop d’arguments${command ? ` pour ${command}` : ''} : ${expected} attendu(s), ${got} donné(s)`,
        `too many arguments${command ? ` for ${command}` : ''}: expected ${expected}, got ${got}`,
      ),
  },
};

/** Commander appends "(Did you mean --x?)" or "(Did you mean one of a, b?)". */
function suggestion(message: string): Text | undefined {
  const m = /\(Did you mean (?:one of )?(.*)\?\)/.exec(message);
  return m ? text(`vouliez-vous dire ${m[1]} ? `, `did you mean ${m[1]}? `) : undefined;
}

/** argv without options and without the value of the global `--lang`: the words that may name commands. */
function operands(argv: readonly string[]): string[] {
  return argv.filter((word, i) => !word.startsWith('-') && argv[i - 1] !== '--lang');
}

/** The subcommand words of argv that name commands (`cert render`), for the help hint. */
export function commandPath(program: Command, argv: readonly string[]): string[] {
  const path: string[] = [];
  let current: Command = program;
  for (const word of operands(argv)) {
    const sub = current.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) break;
    path.push(word);
    current = sub as Command;
  }
  return path;
}

/**
 * What a CommanderError means for gomme: a number for help and version (already printed, exit 0) and for a
 * command group named without its subcommand (its help printed, usage error); a UsageError for the rest.
 */
export function fromCommanderError(
  error: CommanderError,
  program: Command,
  argv: readonly string[],
): number | UsageError {
  if (error.exitCode === 0) return ExitCode.OK;
  if (error.code === 'commander.help') return ExitCode.USAGE;
  const path = commandPath(program, argv);
  const known = REWRITES[error.code];
  const match = known ? error.message.match(known.pattern) : null;
  const message =
    // `gomme` alone has an action (the guide), so commander takes an unknown command for an extra argument.
    error.code === 'commander.excessArguments' && path.length === 0
      ? unknownCommand(operands(argv)[0])
      : known && match
        ? known.rewrite(match.slice(1))
        : text('ligne de commande incorrecte', error.message.replace(/^error: /, ''));
  const help = ['gomme', ...path, '--help'].join(' ');
  const hint = suggestion(error.message);
  return new UsageError(
    text(`${capitalize(message.fr)}.`, `${capitalize(message.en)}.`),
    text(`${capitalize(hint?.fr ?? '')}Aide : ${help}`, `${capitalize(hint?.en ?? '')}Help: ${help}`),
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
