import type { Lang, Text } from '../../core/i18n.js';
import { type CliIo, type CommandContext, makeContext } from '../io.js';

/** What a command group needs to register its commands: help in the user's language and the way back to runCli. */
export interface ProgramSetup {
  io: CliIo;
  lang: Lang;
  /** A help text in the user's language. */
  say(words: Text): string;
  /** The context a handler receives. */
  context(json?: boolean): CommandContext;
  /** Each handler returns an exit code; this carries it back to runCli. */
  setExit(code: number): void;
}

export function programSetup(io: CliIo, lang: Lang, setExit: (code: number) => void): ProgramSetup {
  return {
    io,
    lang,
    say: (words) => words[lang],
    context: (json = false) => makeContext(io, lang, json),
    setExit,
  };
}
