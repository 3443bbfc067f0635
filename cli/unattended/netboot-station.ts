import { text } from '../../core/i18n.js';
import { gommeTokens, type HubParams } from './params.js';

// Shared with the guide (session/hub/netboot.ts): a netbooted station keeps its proof in RAM.
export { isNetbooted } from '../../session/hub/netboot.js';

/**
 * gomme.hub and gomme.enrol without gomme.mode: the guided entry of the netboot menu. The station enrols at boot
 * (so the guide pushes after each machine); null when they are absent or malformed (the unattended parser reports
 * malformed ones when a mode is given).
 */
export function guidedHubParams(cmdline: string | null): HubParams | null {
  const tokens = new Map(gommeTokens(cmdline ?? ''));
  const url = tokens.get('hub');
  const code = tokens.get('enrol');
  if (tokens.has('mode') || !url || !code) return null;
  if (
    !/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\/?$/.test(url) ||
    !/^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$/.test(code)
  )
    return null;
  return { url: url.replace(/\/+$/, ''), enrolCode: code };
}

/** What the screen (tty1 shows this run's log) and the serial console say while the hub cannot be reached. */
export function unreachableEvent(at: string, retryInMs: number, pending: number | null) {
  const seconds = Math.round(retryInMs / 1000);
  return {
    type: 'hub',
    phase: 'unreachable',
    at,
    retryInMs,
    pending,
    message: text(
      `Hub injoignable : les enregistrements restent en mémoire sur ce PC. Ne l’éteignez pas. Nouvel essai dans ${seconds} s.`,
      `Hub unreachable: the records stay in this PC's memory. Do not power it off. Retrying in ${seconds} s.`,
    ),
  };
}
