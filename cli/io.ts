import type { Writable } from 'node:stream';
import { type Lang, resolveLang, type Text } from '../core/i18n.js';
import { terminalSafe } from './output/terminal-text.js';

/** What a command may touch of the outside world; tests pass their own streams. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

export interface CommandContext extends CliIo {
  lang: Lang;
  json: boolean;
  say(message: Text | string): void;
}

export function makeContext(io: CliIo, lang: Lang, json: boolean): CommandContext {
  return {
    ...io,
    lang,
    json,
    say(message) {
      const line = typeof message === 'string' ? message : message[lang];
      // Human lines may carry drive data: no raw control character reaches the terminal. JSON stays as is.
      io.stdout.write(`${json ? line : terminalSafe(line, { keepNewlines: true })}\n`);
    },
  };
}

/** The language asked for on the command line (`--lang en`, `--lang=en`), else GOMME_LANG, else the locale. */
export function langOf(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const flag =
    argv.find((_, i) => argv[i - 1] === '--lang') ?? argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return resolveLang(flag, env);
}
