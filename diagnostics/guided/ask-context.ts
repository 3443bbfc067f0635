/**
 * What is known before asking the guided questions: which parts this machine lacks (no keyboard, no sound
 * card, a desktop's hinge), from the hardware plan. Shared by `gomme diag`'s prompt and the guide.
 */
import { readMachineIdentity } from '../../core/detect/machine-identity.js';
import type { System } from '../../core/run/system.js';
import { formFactorOf } from '../grading/grade.js';
import { readHardwarePlan } from '../interactive/plan.js';
import type { TestResult } from '../types.js';
import type { Part } from './questions.js';

export interface AbsentParts {
  absent: Part[];
  /** "not-present" results for the absent parts the hardware tests would have tested. */
  absentResults: TestResult[];
}

const INPUT_PARTS: Part[] = ['keyboard', 'pointer'];
const INPUT_RESULTS = ['keyboard', 'touchpad'];

export async function readAbsentParts(system: System): Promise<AbsentParts> {
  const { chassisType } = await readMachineIdentity(system);
  const plan = await readHardwarePlan(
    system,
    formFactorOf(chassisType === null ? null : String(chassisType)),
  );
  // Capture bundles do not record the input devices: unknown is not absent, the questions stay.
  if ((await system.files.read('/proc/bus/input/devices')) === null) {
    return {
      absent: plan.absent.filter((p) => !INPUT_PARTS.includes(p)),
      absentResults: plan.absentResults.filter((r) => !INPUT_RESULTS.includes(r.name)),
    };
  }
  return { absent: plan.absent, absentResults: plan.absentResults };
}
