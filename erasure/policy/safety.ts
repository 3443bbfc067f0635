/** Refusals that no method can get around, and the controller-wide reach of NVMe commands. */
import type { Drive } from '../../core/drive.js';
import { type Text, text } from '../../core/i18n.js';
import { protectionDetails } from '../../core/words/protections.js';
import type { PurgeEngineId } from '../purge/engine.js';
import type { Refusal } from './select-erasure.js';

export function safetyRefusals(drive: Drive): Refusal[] {
  const refusals: Refusal[] = [];
  if (drive.protected) {
    const why = protectionDetails(drive.protections);
    refusals.push({
      code: 'protected',
      message: text(
        `${drive.path} est protégé, gomme n’y touchera pas : ${why.fr}.`,
        `${drive.path} is protected and will not be touched: ${why.en}.`,
      ),
    });
  }
  if (drive.readOnly || !drive.capabilities.overwrite) {
    refusals.push({
      code: 'read-only',
      message: text(`${drive.path} est en lecture seule.`, `${drive.path} is read-only.`),
    });
  }
  // A password-locked drive is not refused here: policy/locked.ts offers its password routes or destruction.
  if (drive.sizeBytes <= 0) {
    refusals.push({
      code: 'unknown-size',
      message: text('La taille du disque est inconnue.', 'The drive size is unknown.'),
    });
  }
  return refusals;
}

/** A controller-wide NVMe command must not reach a protected sibling namespace (e.g. the boot medium). */
export function siblingBlocker(drive: Drive, id: PurgeEngineId, siblings: readonly Drive[]): Text | null {
  const ctrl = drive.capabilities.nvme?.controller ?? null;
  if (ctrl === null) return null;
  const wide =
    id.startsWith('nvme-sanitize') ||
    (id.startsWith('nvme-format') && drive.capabilities.nvme?.formatAppliesToAllNamespaces !== false);
  if (!wide) return null;
  const hit = siblings.find(
    (s) => s.path !== drive.path && s.protected && s.capabilities.nvme?.controller === ctrl,
  );
  if (!hit) return null;
  return text(
    `la commande atteindrait aussi ${hit.path}, protégé, sur le même contrôleur.`,
    `the command would also reach ${hit.path}, which is protected, on the same controller.`,
  );
}
