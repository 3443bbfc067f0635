import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import * as v from 'valibot';
import { text } from '../core/i18n.js';
import { check, say, str } from '../core/schema.js';
import { ConfigInvalidError } from './errors.js';

/**
 * DATA_DIR/config.json, the organisation's own settings, e.g.
 * { "organisation": { "name": "Ressourcerie du Lac", "identifier": "SIRET 123…", "address": "…",
 *   "contact": "…", "logo": "logo.png" } }
 * The logo (PNG or JPEG) is relative to the data dir. Every field is optional; other keys are ignored (the
 * file is the organisation's, and may carry settings of later versions).
 */
const optionalText = v.optional(v.nullable(str), null);

export const ConfigFileSchema = v.object(
  {
    organisation: v.nullish(
      v.object(
        {
          name: optionalText,
          identifier: optionalText,
          address: optionalText,
          contact: optionalText,
          logo: optionalText,
        },
        say('attendu : un objet', 'expected an object'),
      ),
      {},
    ),
  },
  say('attendu : un objet JSON', 'expected a JSON object'),
);

export interface GommeConfig {
  organisation: v.InferOutput<typeof ConfigFileSchema>['organisation'];
  /** The hub's public address from DATA_DIR/hub.json (certificates/hub-link.ts): QR codes point there. */
  verifyBaseUrl?: string | null;
}

export const CONFIG_FILE = 'config.json';

export function loadConfig(dataDir: string): GommeConfig {
  const path = join(dataDir, CONFIG_FILE);
  if (!existsSync(path)) return emptyConfig();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigInvalidError(path, (error as Error).message, error);
  }
  const result = check(ConfigFileSchema, raw);
  if (!result.ok) throw new ConfigInvalidError(path, joinTexts(result.issues));
  const { organisation } = result.value;
  // The logo is resolved to an absolute path once loaded.
  const logo =
    organisation.logo === null
      ? null
      : isAbsolute(organisation.logo)
        ? organisation.logo
        : join(dataDir, organisation.logo);
  if (logo !== null && !existsSync(logo))
    throw new ConfigInvalidError(path, text(`logo ${logo} introuvable`, `logo ${logo} not found`));
  return { organisation: { ...organisation, logo } };
}

function emptyConfig(): GommeConfig {
  return { organisation: { name: null, identifier: null, address: null, contact: null, logo: null } };
}

const joinTexts = (issues: Array<{ fr: string; en: string }>) =>
  text(issues.map((i) => i.fr).join(' ; '), issues.map((i) => i.en).join('; '));
