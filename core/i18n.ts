/**
 * gomme speaks French first, English on request. Every word a person reads is a Text, which carries both
 * languages so no message is ever untranslated; the language is chosen only when the text is printed
 * (`text[lang]`). Data carries ids and numbers; the vocabularies in core/words/ and the formatters in
 * core/format.ts turn them into words.
 */
export type Lang = 'fr' | 'en';

export const LANGS: readonly Lang[] = ['fr', 'en'];

export interface Text {
  fr: string;
  en: string;
}

export function text(fr: string, en: string): Text {
  return { fr, en };
}

/**
 * A Text built once per language: how words are composed with values formatted for each language
 * (`textOf((lang) => `${W.size[lang]} ${formatSize(n, lang)}`)`), instead of a `lang === 'fr'` test.
 */
export function textOf(render: (lang: Lang) => string): Text {
  return { fr: render('fr'), en: render('en') };
}

/** French typography puts a (no-break) space before ":" and ";"; English does not. */
export const COLON: Text = text(' : ', ': ');
export const SEMICOLON: Text = text(' ; ', '; ');

/** "Label : value" in French, "Label: value" in English; the value may be words or a raw token. */
export function labelled(label: Text, value: Text | string): Text {
  return textOf((lang) => `${label[lang]}${COLON[lang]}${typeof value === 'string' ? value : value[lang]}`);
}

/** The parts joined with a separator that may itself depend on the language (SEMICOLON). */
export function joinText(parts: readonly Text[], separator: Text | string): Text {
  return textOf((lang) =>
    parts.map((p) => p[lang]).join(typeof separator === 'string' ? separator : separator[lang]),
  );
}

/** `--lang` wins; then GOMME_LANG; then the locale (LANG/LC_ALL); French otherwise. */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const candidate = flag ?? env.GOMME_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return /^en/i.test(candidate) ? 'en' : 'fr';
}
