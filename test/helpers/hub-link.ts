import { writeHubLink } from '../../certificates/hub-link.js';
import { initKeys } from '../../certificates/keys/init-keys.js';

/**
 * What `gomme hub enrol` leaves on a station, for a hub that is never reached (127.0.0.1:9, the discard
 * port): hub.json, and the station's signing key unless `key` is false.
 */
export function enrolOffline(
  dir: string,
  { organisation = 'Atelier Test', enrolledAt = new Date(0), key = true } = {},
): void {
  if (key) initKeys(dir, { organisation });
  writeHubLink(dir, {
    url: 'http://127.0.0.1:9/',
    publicUrl: null,
    stationName: 'poste-1',
    organisation,
    enrolledAt: enrolledAt.toISOString(),
  });
}
