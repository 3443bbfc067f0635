import type { Drive } from '../core/drive.js';
import { DeviceNotFoundError, ProtectedDeviceError, UsageError } from '../core/errors.js';
import { type Text, text } from '../core/i18n.js';
import { protectionDetails } from '../core/words/protections.js';
import { driveKey } from '../erasure/jobs/match-drive.js';
import type { ErasePlan } from '../erasure/plan/build-plan.js';
import { planErasure } from '../erasure/plan/plan-erasure.js';
import type { VerifyMode } from '../erasure/plan/resolve-passes.js';
import type { CredentialStore } from '../erasure/purge/credentials.js';

export type TargetPlan =
  | { device: string; drive: Drive; plan: ErasePlan; refusal: null }
  | { device: string; drive: Drive; plan: null; refusal: { code: 'protected' | 'policy'; message: Text } };

export interface TargetRequest {
  method?: string | undefined;
  verify?: VerifyMode | undefined;
  /** Secrets typed for locked drives (erasure/purge/credentials.ts): the policy then offers their routes. */
  credentials?: CredentialStore | undefined;
}

/**
 * Pure: a plan or a refusal for each named drive; an unknown name is an error (nothing is guessed). A drive
 * named twice (the same path, or its path and its /dev/disk/by-id name) is planned once. Every other drive of
 * the machine goes to the policy as a sibling, so a controller-wide NVMe purge never reaches a protected one.
 */
export function planTargets(
  drives: readonly Drive[],
  devices: readonly string[],
  request: TargetRequest,
): TargetPlan[] {
  const seen = new Set<string>();
  const targets: TargetPlan[] = [];
  for (const device of devices) {
    const drive = drives.find((d) => d.path === device || d.byIdPath === device);
    if (!drive) throw new DeviceNotFoundError(device);
    const key = driveKey(drive);
    if (seen.has(key)) continue;
    seen.add(key);
    targets.push(planOne(device, drive, drives, request));
  }
  return targets;
}

function planOne(device: string, drive: Drive, drives: readonly Drive[], request: TargetRequest): TargetPlan {
  if (drive.protected) {
    const why = protectionDetails(drive.protections);
    return {
      device,
      drive,
      plan: null,
      refusal: { code: 'protected', message: text(`protégé : ${why.fr}`, `protected: ${why.en}`) },
    };
  }
  const credential = drive.serial ? request.credentials?.get(drive.serial)?.kind : undefined;
  const built = planErasure(drive, {
    method: request.method,
    verify: request.verify,
    siblings: drives.filter((d) => d !== drive),
    ...(credential ? { credential } : {}),
  });
  if (built.ok) return { device, drive, plan: built.plan, refusal: null };
  const message = text(
    built.refusals.map((r) => r.message.fr).join(' '),
    built.refusals.map((r) => r.message.en).join(' '),
  );
  return { device, drive, plan: null, refusal: { code: 'policy', message } };
}

/** Every target is checked before anything is written to any of them: one refusal refuses the whole command. */
export function plansOrRefuse(targets: readonly TargetPlan[]): ErasePlan[] {
  for (const t of targets) {
    if (t.refusal?.code === 'protected') throw new ProtectedDeviceError(t.device, t.drive.protections);
    if (t.refusal) throw new UsageError(t.refusal.message);
  }
  return targets.flatMap((t) => (t.plan ? [t.plan] : []));
}
