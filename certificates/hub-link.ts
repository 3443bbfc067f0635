import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { text } from '../core/i18n.js';
import { ConfigInvalidError } from './errors.js';

/**
 * DATA_DIR/hub.json: the station's link to its hub, written by `gomme hub enrol` (or by unattended mode's
 * gomme.hub=/gomme.enrol= at boot). Read by the pusher (where to push) and by the certificates (the QR code
 * points at `publicUrl` when there is one).
 */
export const HUB_LINK_FILE = 'hub.json';

const HubLinkSchema = v.object({
  url: v.pipe(v.string(), v.url()),
  publicUrl: v.nullable(v.pipe(v.string(), v.url())),
  stationName: v.string(),
  organisation: v.string(),
  enrolledAt: v.string(),
});
export type HubLink = v.InferOutput<typeof HubLinkSchema>;

export function readHubLink(dataDir: string): HubLink | null {
  const path = join(dataDir, HUB_LINK_FILE);
  if (!existsSync(path)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigInvalidError(path, (error as Error).message, error);
  }
  const parsed = v.safeParse(HubLinkSchema, raw);
  if (!parsed.success)
    throw new ConfigInvalidError(path, text('lien vers le hub mal formé', 'malformed hub link'));
  return parsed.output;
}

export function writeHubLink(dataDir: string, link: HubLink): void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, HUB_LINK_FILE);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(link, null, 2)}\n`);
  renameSync(tmp, path);
}

/** The address a certificate's QR code opens: `https://hub/v/{id}#sha256=…`. */
export function verifyUrl(publicUrl: string, certificateId: string, sha256: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/v/${encodeURIComponent(certificateId)}#sha256=${sha256}`;
}
