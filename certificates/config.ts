import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ConfigInvalidError } from './errors.js';

/**
 * DATA_DIR/config.json, the organisation's own settings, e.g.
 * { "organisation": { "name": "Ressourcerie du Lac", "identifier": "SIRET 123…", "address": "…",
 *   "contact": "…", "logo": "logo.png" } }
 * The logo (PNG or JPEG) is relative to the data dir. Every field is optional.
 */
export interface GommeConfig {
  organisation: {
    name: string | null;
    identifier: string | null;
    address: string | null;
    contact: string | null;
    /** Absolute path once loaded. */
    logo: string | null;
  };
}

export const CONFIG_FILE = 'config.json';

export function loadConfig(dataDir: string): GommeConfig {
  const path = join(dataDir, CONFIG_FILE);
  const empty: GommeConfig = {
    organisation: { name: null, identifier: null, address: null, contact: null, logo: null },
  };
  if (!existsSync(path)) return empty;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigInvalidError(path, (error as Error).message, error);
  }
  const org = (raw as { organisation?: unknown })?.organisation ?? {};
  if (typeof org !== 'object' || org === null)
    throw new ConfigInvalidError(path, '"organisation" must be an object');
  const field = (key: string): string | null => {
    const value = (org as Record<string, unknown>)[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') throw new ConfigInvalidError(path, `organisation.${key} must be a string`);
    return value;
  };
  const logo = field('logo');
  const logoPath = logo === null ? null : isAbsolute(logo) ? logo : join(dataDir, logo);
  if (logoPath !== null && !existsSync(logoPath))
    throw new ConfigInvalidError(path, `logo ${logoPath} not found`);
  return {
    organisation: {
      name: field('name'),
      identifier: field('identifier'),
      address: field('address'),
      contact: field('contact'),
      logo: logoPath,
    },
  };
}
