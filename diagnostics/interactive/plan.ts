/**
 * Which hardware tests this machine gets, from what the inventory and /proc/bus/input/devices found. A part the
 * machine lacks gets a "not-present" result at once, and its questions are never asked.
 */
import type { System } from '../../core/run/system.js';
import type { Part } from '../guided/questions.js';
import { audio, webcams } from '../inventory/peripherals.js';
import type { Inventory } from '../inventory/types.js';
import { Probe } from '../probe.js';
import type { TestResult } from '../types.js';
import { type InputDevice, type InputPlan, readInputPlan } from './input/input-devices.js';
import { notPresent } from './results.js';

export interface HardwarePlan {
  keyboards: InputDevice[];
  fnKeys: InputDevice[];
  pointers: InputDevice[];
  sound: boolean;
  /** V4L2 nodes to try, in order (the capture node is picked among them). */
  webcams: string[];
  absent: Part[];
  absentResults: TestResult[];
}

export function planHardwareTests(
  input: InputPlan,
  inventory: Pick<Inventory, 'audio' | 'webcams'> & { system: Pick<Inventory['system'], 'formFactor'> },
): HardwarePlan {
  const absent: Part[] = [];
  const absentResults: TestResult[] = [];
  if (input.keyboards.length === 0) {
    absent.push('keyboard');
    absentResults.push(notPresent('keyboard', 'Aucun clavier détecté.', 'No keyboard found.'));
  }
  if (input.pointers.length === 0) {
    absent.push('pointer');
    absentResults.push(
      notPresent('touchpad', 'Pas de pavé tactile ni de TrackPoint.', 'No touchpad or pointing stick.'),
    );
  }
  const sound = inventory.audio.length > 0;
  if (!sound) {
    absent.push('sound');
    absentResults.push(
      notPresent(
        'speakers',
        'Pas de carte son : pas de haut-parleurs à tester.',
        'No sound card: no speakers to test.',
      ),
    );
    absentResults.push(
      notPresent(
        'microphone',
        'Pas de carte son : pas de micro à tester.',
        'No sound card: no microphone to test.',
      ),
    );
  }
  const webcams = inventory.webcams.map((w) => w.device);
  if (webcams.length === 0) {
    absent.push('webcam');
    absentResults.push(notPresent('webcam-image', 'Pas de webcam.', 'No webcam.'));
  }
  if (inventory.system.formFactor === 'desktop') absent.push('hinge');
  return {
    keyboards: input.keyboards,
    fnKeys: input.fnKeys,
    pointers: input.pointers,
    sound,
    webcams,
    absent,
    absentResults,
  };
}

/**
 * The plan read from the machine alone (input devices, sound cards, video nodes), without waiting for the full
 * inventory: the hardware tests can start while the automatic tests run. `formFactor` (from DMI) drops the
 * hinge question on a desktop.
 */
export async function readHardwarePlan(
  system: System,
  formFactor: Inventory['system']['formFactor'] = null,
): Promise<HardwarePlan> {
  const probe = new Probe(system);
  return planHardwareTests(await readInputPlan(system), {
    audio: await audio(probe),
    webcams: await webcams(probe),
    system: { formFactor },
  });
}
