import type { Drive } from '../core/drive.js';
import { DeviceNotFoundError } from '../core/errors.js';
import { type Text, text } from '../core/i18n.js';
import type { ErasePlan } from '../erasure/plan/build-plan.js';
import { planErasure } from '../erasure/plan/plan-erasure.js';
import type { VerifyMode } from '../erasure/plan/resolve-passes.js';

export type TargetPlan =
  | { device: string; drive: Drive; plan: ErasePlan; refusal: null }
  | { device: string; drive: Drive; plan: null; refusal: { code: 'protected' | 'policy'; message: Text } };

/** Pure: a plan or a refusal for each named drive; an unknown name is an error (nothing is guessed). */
export function planTargets(
  drives: readonly Drive[],
  devices: readonly string[],
  request: { method?: string; verify?: VerifyMode },
): TargetPlan[] {
  return devices.map((device) => {
    const drive = drives.find((d) => d.path === device || d.byIdPath === device);
    if (!drive) throw new DeviceNotFoundError(device);
    if (drive.protected) {
      const fr = drive.protections.map((p) => p.detailFr).join(' ; ');
      const en = drive.protections.map((p) => p.detail).join('; ');
      return {
        device,
        drive,
        plan: null,
        refusal: { code: 'protected', message: text(`protégé : ${fr}`, `protected: ${en}`) },
      };
    }
    const controller = drive.capabilities.nvme?.controller;
    const siblings = controller
      ? drives.filter((d) => d !== drive && d.capabilities.nvme?.controller === controller)
      : [];
    const built = planErasure(drive, { ...request, siblings });
    if (built.ok) return { device, drive, plan: built.plan, refusal: null };
    const message = text(
      built.refusals.map((r) => r.message.fr).join(' '),
      built.refusals.map((r) => r.message.en).join(' '),
    );
    return { device, drive, plan: null, refusal: { code: 'policy', message } };
  });
}
