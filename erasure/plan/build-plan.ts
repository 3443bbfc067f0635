import { randomBytes } from 'node:crypto';
import type { Drive } from '../../core/drive.js';
import { type Text, text } from '../../core/i18n.js';
import { protectionDetails } from '../../core/words/protections.js';
import type { JobPlan } from '../jobs/job-store.js';
import { DEFAULT_METHOD, findMethod, METHODS } from '../methods.js';
import {
  cryptoRandomness,
  type Randomness,
  resolvePasses,
  VERIFY_MODES,
  type VerifyMode,
} from './resolve-passes.js';

export interface PlanRequest {
  method?: string;
  verify?: VerifyMode;
}

export interface Refusal {
  code: 'protected' | 'unknown-method' | 'unknown-verify' | 'read-only' | 'empty' | 'policy';
  message: Text;
}

export interface ErasePlan {
  drive: Drive;
  job: JobPlan;
  /** Seconds, from the drive's typical speed (see TYPICAL_SPEED). */
  estimatedSeconds: number;
  notes: Text[];
}

/** Typical sustained write speeds (bytes/s) when nothing was measured: conservative, so estimates are not rosy. */
export const TYPICAL_SPEED: Record<string, number> = {
  hdd: 120e6,
  ssd: 400e6,
  nvme: 1500e6,
  usb: 30e6,
  loop: 1000e6,
  virtio: 500e6,
  unknown: 100e6,
};

export function typicalSpeed(drive: Drive): number {
  if (drive.transport === 'nvme') return TYPICAL_SPEED.nvme as number;
  if (drive.transport === 'usb' || drive.transport === 'mmc') return TYPICAL_SPEED.usb as number;
  if (drive.transport === 'loop' || drive.transport === 'virtio')
    return TYPICAL_SPEED[drive.transport] as number;
  if (drive.rotational === true) return TYPICAL_SPEED.hdd as number;
  if (drive.rotational === false) return TYPICAL_SPEED.ssd as number;
  return TYPICAL_SPEED.unknown as number;
}

/** Pure apart from the randomness it is given: refuses protected drives, resolves the method into passes. */
export function buildOverwritePlan(
  drive: Drive,
  request: PlanRequest,
  random: Randomness = cryptoRandomness,
): { ok: true; plan: ErasePlan } | { ok: false; refusals: Refusal[] } {
  const refusals: Refusal[] = [];
  if (drive.protected) {
    const why = protectionDetails(drive.protections);
    refusals.push({
      code: 'protected',
      message: text(`${drive.path} est protégé : ${why.fr}.`, `${drive.path} is protected: ${why.en}.`),
    });
  }
  if (drive.sizeBytes <= 0) {
    refusals.push({
      code: 'empty',
      message: text(`${drive.path} a une taille nulle.`, `${drive.path} has no size.`),
    });
  }
  const method = findMethod(request.method ?? DEFAULT_METHOD);
  if (!method) {
    const known = METHODS.map((m) => m.id).join(', ');
    refusals.push({
      code: 'unknown-method',
      message: text(
        `Méthode inconnue « ${request.method} » (connues : ${known}).`,
        `Unknown method "${request.method}" (known: ${known}).`,
      ),
    });
  }
  const verify = request.verify ?? 'sample';
  if (!VERIFY_MODES.includes(verify)) {
    refusals.push({
      code: 'unknown-verify',
      message: text(
        `Vérification inconnue « ${verify} » (none, sample, last, all).`,
        `Unknown verification "${verify}" (none, sample, last, all).`,
      ),
    });
  }
  if (!method || refusals.length > 0) return { ok: false, refusals };
  const passes = resolvePasses(method, verify, random);
  const speed = typicalSpeed(drive);
  const readBytes = passes.reduce(
    (sum, p) =>
      sum + (p.verify === 'full' ? drive.sizeBytes : p.verify === 'sample' ? drive.sizeBytes * 0.1 : 0),
    0,
  );
  const notes: Text[] = [];
  if (drive.rotational !== true && drive.transport !== 'loop') {
    notes.push(
      text(
        'Sur une mémoire flash, un effacement par réécriture n’atteint que le niveau NIST « Effacement » : les cellules de réserve ne sont pas atteintes.',
        'On flash memory an overwrite reaches NIST "Clear" only: spare and remapped cells are not reached.',
      ),
    );
  }
  return {
    ok: true,
    plan: {
      drive,
      job: {
        methodId: method.id,
        methodLabel: method.label.en,
        nistLevel: 'clear',
        verify,
        passes,
        verifySeed: randomBytes(16).toString('hex'),
      },
      estimatedSeconds: Math.round((passes.length * drive.sizeBytes) / speed + readBytes / speed),
      notes,
    },
  };
}
