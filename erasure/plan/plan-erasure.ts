import { randomBytes } from 'node:crypto';
import type { Drive } from '../../core/drive.js';
import { type Text, text } from '../../core/i18n.js';
import { findMethod } from '../methods.js';
import { estimateChoice } from '../policy/describe-choice.js';
import { selectErasure } from '../policy/select-erasure.js';
import type { CredentialKind } from '../purge/credentials.js';
import { hpaToRestore } from '../purge/hidden-area.js';
import { AUTO_METHOD } from './auto-method.js';
import { buildOverwritePlan, type ErasePlan, type Refusal } from './build-plan.js';
import type { VerifyMode } from './resolve-passes.js';

export { AUTO_METHOD };

export interface EraseRequest {
  /** "auto" (the strongest method the drive supports), an overwrite method id, or a firmware engine id. */
  method?: string;
  verify?: VerifyMode;
  /**
   * Every other drive of the machine (at least the other namespaces of the same NVMe controller): a
   * controller-wide purge must not reach a protected one. Required on purpose: a caller that forgot it would
   * silently lose that check. Pass [] only for a drive known to have no controller-wide command.
   */
  siblings: readonly Drive[];
  /** The kind of secret the technician typed for this drive (ATA password, PSID), if any. */
  credential?: CredentialKind;
}

export type PlannedErasure = { ok: true; plan: ErasePlan } | { ok: false; refusals: Refusal[] };

/**
 * One drive's plan, as data: the policy picks firmware Purge or overwrite Clear (or checks the operator's
 * choice), then the plan carries everything the job needs to run, resume and be certified.
 */
export function planErasure(drive: Drive, request: EraseRequest): PlannedErasure {
  const method = request.method ?? AUTO_METHOD;
  if (method !== AUTO_METHOD && findMethod(method)) {
    const built = buildOverwritePlan(drive, { method, verify: request.verify });
    if (built.ok) withHpaRestore(built.plan);
    return built;
  }
  const selection = selectErasure(drive, {
    ...(method === AUTO_METHOD ? {} : { force: method }),
    siblings: request.siblings,
    ...(request.credential ? { credential: request.credential } : {}),
  });
  if (!selection.ok) {
    return { ok: false, refusals: selection.refusals.map((r) => ({ code: 'policy', message: r.message })) };
  }
  const { choice, warnings } = selection;
  if (choice.kind === 'destroy') {
    // A plan that writes nothing: the job ends at once and its record says "not erased: to be destroyed".
    return {
      ok: true,
      plan: {
        drive,
        job: {
          destroy: { code: choice.code, reason: choice.reason },
          methodId: 'destroy',
          methodLabel: 'Not erased: to be destroyed',
          nistLevel: 'clear',
          verify: 'none',
          passes: [],
          verifySeed: randomBytes(16).toString('hex'),
        },
        estimatedSeconds: 0,
        notes: [choice.reason, ...warnings],
      },
    };
  }
  if (choice.kind === 'overwrite') {
    const built = buildOverwritePlan(drive, { method: choice.method, verify: request.verify });
    if (built.ok) {
      built.plan.notes.unshift(choice.reason, ...warnings);
      withHpaRestore(built.plan);
    }
    return built;
  }
  const estimate = estimateChoice(drive, choice);
  const notes: Text[] = [choice.reason, ...warnings];
  if (choice.nistLevel === 'purge') {
    notes.push(
      text(
        'Purge par le micrologiciel du disque : le certificat indique que sa conformité est supposée et ce qui a été vérifié.',
        'Purge by the drive’s firmware: the certificate states that its compliance is assumed and what was verified.',
      ),
    );
  }
  return {
    ok: true,
    plan: {
      drive,
      job: {
        purge: { engine: choice.engine, technique: choice.technique },
        methodId: choice.engine,
        methodLabel: choice.technique,
        nistLevel: choice.nistLevel,
        verify: 'sample',
        passes: [],
        verifySeed: randomBytes(16).toString('hex'),
      },
      estimatedSeconds: Math.round(estimate.seconds),
      notes,
    },
  };
}

/** An overwrite reaches only visible sectors: an HPA is given back first (erasure/purge/hidden-area.ts). */
function withHpaRestore(plan: ErasePlan): void {
  const hpa = hpaToRestore(plan.drive);
  if (!hpa) return;
  plan.job.restoreHpa = true;
  const hidden = hpa.nativeMaxSectors - hpa.currentMaxSectors;
  plan.notes.push(
    text(
      `Zone cachée (HPA) de ${hidden} secteurs (${hpa.currentMaxSectors} à ${hpa.nativeMaxSectors - 1}) : gomme la supprime avant la réécriture (hdparm -N p${hpa.nativeMaxSectors}) ; si le disque refuse, le certificat le dira (effacé avec réserves).`,
      `Hidden area (HPA) of ${hidden} sectors (${hpa.currentMaxSectors} to ${hpa.nativeMaxSectors - 1}): gomme removes it before the overwrite (hdparm -N p${hpa.nativeMaxSectors}); if the drive refuses, the certificate says so (erased with exceptions).`,
    ),
  );
}
