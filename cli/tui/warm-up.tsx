import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { render } from 'ink';
import type { Lang } from '../../core/i18n.js';
import { GuideApp } from './app.js';
import type { GuideServices } from './services.js';

/** Services that never answer: the warm-up draws the first screen and nothing else happens. */
const never = <T,>() => new Promise<T>(() => {});
const inert: GuideServices = {
  discover: never,
  readMachine: never,
  erase: { run: never },
  memory: { load: never, save: async () => {} },
};

/** A keyboard nobody types on, shaped as Ink expects a terminal's stdin to be. */
class SilentKeyboard extends EventEmitter {
  readonly isTTY = true;
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
  read(): null {
    return null;
  }
}

/**
 * Draws the guide's first screen once into nowhere, then forgets it. A standby guide (the live image's tty1)
 * calls this while it waits: V8 compiles functions and Ink's WebAssembly layout engine on first use, which
 * under emulation or on an old PC takes seconds, and should not happen while a trainee looks at a blank screen.
 */
export async function warmUpGuide(lang: Lang): Promise<void> {
  const sink = Object.assign(
    new Writable({
      write(_chunk, _encoding, done) {
        done();
      },
    }),
    { columns: 80, rows: 25, isTTY: true },
  );
  const app = render(<GuideApp services={inert} lang={lang} />, {
    stdout: sink as unknown as NodeJS.WriteStream,
    stdin: new SilentKeyboard() as unknown as NodeJS.ReadStream,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  app.unmount();
  await app.waitUntilExit();
}
