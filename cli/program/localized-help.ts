import type { Argument, Command, Option } from '@commander-js/extra-typings';
import type { Text } from '../../core/i18n.js';
import { text } from '../../core/i18n.js';
import type { ProgramSetup } from './setup.js';

/** Commander's own words (help headings, built-in options), in the user's language. */
const HEADINGS: Record<string, Text> = {
  'Usage:': text('Utilisation :', 'Usage:'),
  'Arguments:': text('Arguments :', 'Arguments:'),
  'Options:': text('Options :', 'Options:'),
  'Commands:': text('Commandes :', 'Commands:'),
  'Global Options:': text('Options générales :', 'Global Options:'),
};

/** Commander's usage placeholders, in the user's language. */
const USAGE_WORDS: Record<string, Text> = {
  '[command]': text('[commande]', '[command]'),
};

/**
 * The names in `<…>` and `[…]` of options and arguments (`--method <method>`, `[devices...]`): what the user
 * types there, named in their language. Commander takes an option's name from its flag, never from these.
 */
const PLACEHOLDERS: Record<string, Text> = {
  bundle: text('paquet', 'bundle'),
  date: text('date', 'date'),
  device: text('disque', 'device'),
  devices: text('disques', 'devices'),
  dir: text('dossier', 'dir'),
  file: text('fichier', 'file'),
  groups: text('groupes', 'groups'),
  id: text('id', 'id'),
  input: text('entrée', 'input'),
  job: text('travail', 'job'),
  lang: text('langue', 'lang'),
  layout: text('disposition', 'layout'),
  method: text('méthode', 'method'),
  mode: text('mode', 'mode'),
  ms: text('ms', 'ms'),
  n: text('n', 'n'),
  name: text('nom', 'name'),
  nodes: text('périphériques', 'nodes'),
  options: text('options', 'options'),
  pace: text('rythme', 'pace'),
  paths: text('chemins', 'paths'),
  pem: text('pem', 'pem'),
  result: text('résultat', 'result'),
  where: text('destination', 'where'),
};

/** Every `<name>`, `[name]` and `[name...]` of a help term, with its name in the user's language. */
function localizePlaceholders(s: ProgramSetup, term: string): string {
  return term.replace(/([<[])([a-z0-9-]+)((?:\.\.\.)?[>\]])/g, (whole, open, name: string, close) => {
    const words = PLACEHOLDERS[name];
    return words ? `${open}${s.say(words)}${close}` : whole;
  });
}

/** A placeholder's name (`method`, `file`) in the user's language, for messages that quote it. */
export function placeholderWords(name: string): Text {
  return PLACEHOLDERS[name] ?? text(name, name);
}

/** An argument's bare name in the "Arguments:" list (`devices`). */
function localizeName(s: ProgramSetup, term: string): string {
  const words = PLACEHOLDERS[term];
  return words ? s.say(words) : localizePlaceholders(s, term);
}

/** "(choix : …, par défaut : …)" after an option's or argument's description, as commander would in English. */
function withExtraInfo(
  s: ProgramSetup,
  description: string,
  item: {
    argChoices?: string[] | undefined;
    defaultValue?: unknown;
    defaultValueDescription?: string | undefined;
  },
  showDefault: boolean,
): string {
  const extra: string[] = [];
  if (item.argChoices) {
    const choices = item.argChoices.join(', ');
    extra.push(s.say(text(`choix : ${choices}`, `choices: ${choices}`)));
  }
  if (showDefault && item.defaultValue !== undefined) {
    const value = item.defaultValueDescription ?? String(item.defaultValue);
    extra.push(s.say(text(`par défaut : ${value}`, `default: ${value}`)));
  }
  if (extra.length === 0) return description;
  return `${description} (${extra.join(s.say(text(' ; ', '; ')))})`.trim();
}

function optionShowsDefault(option: Option): boolean {
  // As commander: a boolean flag's default is for programmers, not users.
  return option.required || option.optional;
}

/** Applies the language to the root command; subcommands created afterwards inherit it. */
export function localizeHelp(program: Command, s: ProgramSetup): void {
  program
    .helpOption('-h, --help', s.say(text('afficher cette aide', 'display help for command')))
    .helpCommand(
      s.say(text('help [commande]', 'help [command]')),
      s.say(text('afficher l’aide d’une commande', 'display help for command')),
    )
    .configureHelp({
      styleTitle: (title: string) => (HEADINGS[title] ? s.say(HEADINGS[title]) : title),
      styleSubcommandText: (word: string) => (USAGE_WORDS[word] ? s.say(USAGE_WORDS[word]) : word),
      styleOptionText: (term: string) => localizePlaceholders(s, term),
      styleArgumentText: (term: string) => localizeName(s, term),
      optionDescription: (option: Option) =>
        withExtraInfo(s, option.description ?? '', option, optionShowsDefault(option)),
      argumentDescription: (argument: Argument) =>
        withExtraInfo(s, argument.description ?? '', argument, true),
    });
}
