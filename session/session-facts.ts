import { readMachineIdentity } from '../core/detect/machine-identity.js';
import type { System } from '../core/run/system.js';
import { GOMME_VERSION } from '../core/version.js';
import { type FactsRequest, resolveFacts, type SessionFacts } from './facts.js';
import type { OpenedSession } from './open-session.js';

/** The facts of a new batch, from the request, config.json, the signing certificate and this machine's DMI. */
export async function factsFor(
  opened: OpenedSession,
  request: FactsRequest,
  system: System,
): Promise<SessionFacts> {
  return resolveFacts(request, {
    config: opened.config,
    signer: opened.signing.kind === 'key' ? opened.signing.identity.certificate : null,
    env: opened.settings.env,
    lang: opened.settings.lang,
    machine: await readMachineIdentity(system),
    software: { name: 'gomme', version: GOMME_VERSION },
    now: opened.now(),
  });
}
