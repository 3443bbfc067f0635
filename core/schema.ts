import * as v from 'valibot';
import { type Text, text } from './i18n.js';

/**
 * gomme's one validation style: valibot schemas (types derived with `v.InferOutput`), messages in both
 * languages. valibot messages are strings, so a bilingual message travels encoded (`say`) and `issueTexts`
 * turns every issue back into a Text prefixed with the path of the faulty field.
 */

const TAG = '\u0000gomme:';

/** A valibot message in both languages. */
export function say(fr: string, en: string): string {
  return TAG + JSON.stringify(text(fr, en));
}

function decode(message: string): Text | null {
  if (!message.startsWith(TAG)) return null;
  return JSON.parse(message.slice(TAG.length)) as Text;
}

type Issue = v.BaseIssue<unknown>;

/** `root.a[0].b`, `root["/proc/x"]`: how a field is named in a message. */
export function issuePath(root: string, issue: Issue): string {
  let out = root;
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** Every issue as "path: problem" (or the bare problem), in both languages. */
export function issueTexts(issues: readonly Issue[], root = '', withPath = true): Text[] {
  return issues.map((issue) => {
    const message =
      decode(issue.message) ??
      text(
        `valeur invalide (attendu ${issue.expected ?? '?'}, reçu ${issue.received})`,
        `invalid value (expected ${issue.expected ?? '?'}, received ${issue.received})`,
      );
    const path = withPath ? issuePath(root, issue) : '';
    return path ? text(`${path} : ${message.fr}`, `${path}: ${message.en}`) : message;
  });
}

/** Parses untrusted data: the typed value, or every issue as bilingual text. */
export function check<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  root = '',
  withPath = true,
): { ok: true; value: v.InferOutput<S> } | { ok: false; issues: Text[] } {
  const result = v.safeParse(schema, value);
  return result.success
    ? { ok: true, value: result.output }
    : { ok: false, issues: issueTexts(result.issues, root, withPath) };
}

// Field schemas shared by the record, the bundle and the configuration.

const EXPECT_STRING = say('attendu : un texte', 'expected a string');
const EXPECT_NON_EMPTY = say('attendu : un texte non vide', 'expected a non-empty string');
const EXPECT_DATE = say('attendu : une date-heure ISO 8601', 'expected an ISO 8601 date-time');
const EXPECT_COUNT = say('attendu : un entier ≥ 0', 'expected an integer ≥ 0');

export const str = v.string(EXPECT_STRING);
export const nonEmpty = v.pipe(
  v.string(EXPECT_NON_EMPTY),
  v.check((s) => s.trim() !== '', EXPECT_NON_EMPTY),
);
/** The date form gomme writes (`toISOString()`), and any ISO date-time `Date.parse` reads. */
export const isoDate = v.pipe(
  v.string(EXPECT_DATE),
  v.check((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), EXPECT_DATE),
);
export const count = v.pipe(
  v.number(EXPECT_COUNT),
  v.check((n) => Number.isSafeInteger(n) && n >= 0, EXPECT_COUNT),
);
export function range(min: number, max: number) {
  const message = say(`attendu : un nombre entre ${min} et ${max}`, `expected a number in [${min}, ${max}]`);
  return v.pipe(
    v.number(message),
    v.check((n) => Number.isFinite(n) && n >= min && n <= max, message),
  );
}
export const bool = v.boolean(say('attendu : vrai ou faux', 'expected true or false'));
export function literal<const T extends string | number>(value: T) {
  return v.literal(value, say(`attendu : ${JSON.stringify(value)}`, `expected ${JSON.stringify(value)}`));
}
export function oneOf<const T extends readonly string[]>(values: T) {
  return v.picklist(
    values,
    say(`attendu : l’une des valeurs ${values.join(', ')}`, `expected one of ${values.join(', ')}`),
  );
}
export function list<S extends v.GenericSchema>(item: S) {
  return v.array(item, say('attendu : une liste', 'expected a list'));
}
/** An object with exactly these keys: unknown keys are refused so a typo cannot hide a missing field. */
export function obj<S extends v.ObjectEntries>(shape: S) {
  return v.strictObject(shape, (issue) =>
    issue.received === 'undefined'
      ? say('manquant', 'missing')
      : issue.expected === 'never'
        ? say('champ inconnu', 'unknown field')
        : say('attendu : un objet', 'expected an object'),
  );
}
