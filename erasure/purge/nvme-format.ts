/**
 * NVMe Format NVM with Secure Erase Settings 1 (user data erase) or 2 (crypto erase), sent to the controller
 * with the namespace id and the current LBA format (nvme-cli 2.3 requires --lbaf). The command is synchronous:
 * its status is the controller's. The namespace is re-identified afterwards to prove the sector size held.
 */
import type { Drive } from '../../core/drive.js';
import { text } from '../../core/i18n.js';
import { formatArgs, idNsArgs } from '../../core/tools/nvme/args.js';
import { parseNvmeIdNs } from '../../core/tools/nvme/parse-id-ns.js';
import type { PurgeEngine, PurgeEngineId, PurgeOutcome, Supports } from './engine.js';
import { estimatePurgeSeconds, timeoutFor } from './estimate.js';
import { NVME_TEXT } from './nvme-messages.js';
import { abortedBeforeStart, defineEngine, type PurgeSession, summarize } from './session.js';

export function nvmeFormatEngine(ses: 1 | 2): PurgeEngine {
  const id: PurgeEngineId = ses === 2 ? 'nvme-format-crypto' : 'nvme-format-user-data';
  const supports = (drive: Drive): Supports => {
    const nvme = drive.capabilities.nvme;
    if (drive.transport !== 'nvme' || nvme === null) return { ok: false, reason: NVME_TEXT.notNvme };
    if (nvme.controller === null || nvme.namespaceId === null || nvme.currentLbaFormat === null)
      return { ok: false, reason: NVME_TEXT.unknownController };
    if (nvme.formatSupported !== true) return { ok: false, reason: NVME_TEXT.formatUnsupported };
    if (ses === 2 && nvme.cryptoFormatSupported !== true)
      return { ok: false, reason: NVME_TEXT.cryptoFormatUnsupported };
    return { ok: true };
  };
  return defineEngine(id, supports, (session) => format(session, ses));
}

async function format(session: PurgeSession, ses: 1 | 2): Promise<PurgeOutcome> {
  const { drive } = session;
  const nvme = drive.capabilities.nvme!;
  const ctrl = nvme.controller!;
  const namespaceId = nvme.namespaceId!;
  const lbaf = nvme.currentLbaFormat!;
  if (session.aborted) return session.abort(abortedBeforeStart);

  const estimate = estimatePurgeSeconds(drive, ses === 2 ? 'nvme-format-crypto' : 'nvme-format-user-data');
  const timeoutMs = timeoutFor(estimate);
  session.progress(0, Math.round(estimate.seconds));
  // nvme-cli's own admin time-out is shorter than a large format: pass ours, and let the runner wait a bit longer.
  const result = await session.run(
    'nvme',
    formatArgs(ctrl, { namespaceId, ses, lbaf, timeoutMs }),
    timeoutMs + 30_000,
  );
  if (result.timedOut || result.exitCode !== 0 || !/Success formatting namespace/i.test(result.stdout)) {
    return session.fail(
      result.timedOut ? 'timeout' : 'command-rejected',
      text(
        `Le contrôleur a refusé ou n’a pas terminé le formatage : ${summarize(result)}`,
        `The controller refused or did not finish the format: ${summarize(result)}`,
      ),
    );
  }
  session.notes.push(
    nvme.formatAppliesToAllNamespaces === true
      ? 'FNA bit 0 set: the format applied to every namespace of the controller'
      : `only namespace ${namespaceId} was formatted (FNA bit 0 clear); other namespaces, if any, are untouched`,
  );

  const idNs = await session.run('nvme', idNsArgs(drive.path), 15_000);
  const ns = parseNvmeIdNs(idNs.stdout);
  if (!ns.ok) session.warn('the namespace could not be re-identified after the format');
  else if (ns.currentLbaFormat !== lbaf)
    session.warn(`the LBA format changed from ${lbaf} to ${ns.currentLbaFormat}: the sector size may differ`);
  session.progress(1, 0);
  return session.finish('succeeded', 'immediate');
}
