import * as v from 'valibot';
import { BadInputError } from '../errors.js';
import { text } from '../i18n.js';
import { check, list, obj, say, str } from '../schema.js';
import { BundleStreamSchema } from './bundle-streams.js';

/**
 * A capture bundle: everything discovery (and later diagnostics) read from a system, so anyone can replay it.
 * Other tools produce this format too: keep its field names and shape exactly. Unknown fields are tolerated
 * (a newer producer may add some); every known one is checked.
 */
const BundleCommandSchema = obj({
  argv: list(str),
  exitCode: v.number(say('attendu : un nombre', 'expected a number')),
  stdout: str,
  stderr: str,
});
export type BundleCommand = v.InferOutput<typeof BundleCommandSchema>;

const BundleSchema = v.object(
  {
    format: v.literal('gomme-bundle', say('attendu : "gomme-bundle"', 'expected "gomme-bundle"')),
    version: v.literal(1, (issue) =>
      say(
        `version ${issue.received} non prise en charge (cette version de gomme lit la version 1)`,
        `unsupported version ${issue.received} (this gomme reads version 1)`,
      ),
    ),
    capturedAt: v.pipe(
      v.string(say('attendu : une date ISO 8601', 'expected an ISO-8601 date')),
      v.check(
        (s) => !Number.isNaN(Date.parse(s)),
        say('attendu : une date ISO 8601', 'expected an ISO-8601 date'),
      ),
    ),
    commands: list(BundleCommandSchema),
    files: v.record(
      v.string(),
      str,
      say('attendu : un objet {chemin: contenu}', 'expected an object {path: content}'),
    ),
    /** Streamed programs (input devices, udev events, recordings): optional, see bundle-streams.ts. */
    streams: v.optional(list(BundleStreamSchema)),
  },
  (issue) =>
    issue.received === 'undefined'
      ? say('manquant', 'missing')
      : say('attendu : un objet JSON', 'expected a JSON object'),
);
export type Bundle = v.InferOutput<typeof BundleSchema>;

export function emptyBundle(capturedAt: Date): Bundle {
  return {
    format: 'gomme-bundle',
    version: 1,
    capturedAt: capturedAt.toISOString(),
    commands: [],
    files: {},
  };
}

/** Validates untrusted JSON text as a bundle; every problem is a BadInputError naming the fields. */
export function parseBundle(json: string, source = 'bundle'): Bundle {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new BadInputError(source, text('pas du JSON valide', 'not valid JSON'), error);
  }
  const result = check(BundleSchema, data);
  if (!result.ok) {
    const issues = result.issues.slice(0, 5);
    throw new BadInputError(
      source,
      text(issues.map((i) => i.fr).join(' ; '), issues.map((i) => i.en).join('; ')),
    );
  }
  // Known fields only: the replay reads exactly the documented shape.
  const { format, version, capturedAt, commands, files, streams } = result.value;
  return { format, version, capturedAt, commands, files, ...(streams === undefined ? {} : { streams }) };
}

export function argvKey(argv: readonly string[]): string {
  return JSON.stringify(argv);
}
