import { render } from 'ink';
import type { Lang } from '../../core/i18n.js';
import { GuideApp } from './app.js';
import type { GuideServices } from './services.js';
import type { Glyphs, GuideState } from './state/types.js';

/** Renders the guide on the terminal until the trainee leaves; returns the last state. */
export async function runGuide(
  services: GuideServices,
  options: { lang: Lang; technician: boolean; glyphs?: Glyphs },
): Promise<GuideState | null> {
  let last: GuideState | null = null;
  const app = render(
    <GuideApp
      services={services}
      lang={options.lang}
      technician={options.technician}
      glyphs={options.glyphs}
      onExit={(state) => {
        last = state;
      }}
    />,
    // Ctrl-C is an intent (ask before stopping an erasure), not a kill switch.
    { exitOnCtrlC: false, patchConsole: true },
  );
  await app.waitUntilExit();
  return last;
}
