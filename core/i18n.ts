/** gomme speaks French first, English on request. A Text carries both so no message is ever untranslated. */
export type Lang = 'fr' | 'en';

export interface Text {
  fr: string;
  en: string;
}

export function text(fr: string, en: string): Text {
  return { fr, en };
}

/** `--lang` wins; then GOMME_LANG; then the locale (LANG/LC_ALL); French otherwise. */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const candidate = flag ?? env.GOMME_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return /^en/i.test(candidate) ? 'en' : 'fr';
}
