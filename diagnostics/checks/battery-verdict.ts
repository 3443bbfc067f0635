/**
 * Battery and charger verdicts (diagnostics.md §3, rules-v1.battery). Pure. H = full / design capacity:
 * ≥ 80 % OK; 65–80 % reserve (disclose); 50–65 % reserve only with a measured runtime ≥ 40 min, else replace;
 * < 50 % replace; > 750 cycles with H < 80 % replace; a battery that never charges fails.
 */
import type { BatteryFacts } from '../../core/tools/battery/power-supply.js';
import { rulesV1 } from '../grading/rules-v1.js';
import { type Reason, reason, type TestStatus } from '../types.js';

const B = rulesV1.battery;
const MIN_RUNTIME_MINUTES = 40;

export interface Verdict {
  status: TestStatus;
  reasons: Reason[];
}

export function batteryVerdict(battery: BatteryFacts, runtimeMinutes: number | null = null): Verdict {
  const h = battery.healthPercent;
  if (battery.present === false) {
    return {
      status: 'not-present',
      reasons: [reason('battery-absent', 'info', 'Emplacement de batterie vide.', 'Battery bay empty.')],
    };
  }
  if (h === null) {
    return {
      status: 'skipped',
      reasons: [
        reason(
          'battery-health-unknown',
          'info',
          'Capacité de la batterie non communiquée.',
          'The battery does not report its capacity.',
        ),
      ],
    };
  }
  const reasons: Reason[] = [];
  const said = { fr: `santé ${h} % de la capacité d'origine`, en: `health ${h}% of design capacity` };
  if (h < B.conditionalFrom.value) {
    reasons.push(
      reason(
        'battery-worn',
        'repair',
        `Batterie à remplacer (${said.fr}).`,
        `Battery to replace (${said.en}).`,
      ),
    );
  } else if (h < B.reserveFrom.value) {
    if (runtimeMinutes !== null && runtimeMinutes >= MIN_RUNTIME_MINUTES) {
      reasons.push(
        reason(
          'battery-weak',
          'reserve',
          `Batterie faible, autonomie ${runtimeMinutes} min (${said.fr}).`,
          `Weak battery, ${runtimeMinutes} min runtime (${said.en}).`,
        ),
      );
    } else {
      reasons.push(
        reason(
          'battery-worn',
          'repair',
          `Batterie à remplacer sauf autonomie mesurée ≥ 40 min (${said.fr}).`,
          `Battery to replace unless a measured runtime is ≥ 40 min (${said.en}).`,
        ),
      );
    }
  } else if (h < B.okFrom.value) {
    reasons.push(
      reason(
        'battery-weak',
        'reserve',
        `Batterie usée, à signaler à l'acheteur (${said.fr}).`,
        `Worn battery, to disclose (${said.en}).`,
      ),
    );
  }
  const cycles = battery.cycleCount;
  if (
    cycles !== null &&
    cycles > B.cyclesReplaceAbove.value &&
    h < B.okFrom.value &&
    !reasons.some((r) => r.severity === 'repair')
  ) {
    reasons.push(
      reason(
        'battery-cycles',
        'repair',
        `${cycles} cycles et ${said.fr} : à remplacer.`,
        `${cycles} cycles and ${said.en}: replace.`,
      ),
    );
  }
  return { status: statusOf(reasons), reasons };
}

/**
 * Charger: with the mains adapter online, a battery that is neither charging nor full nor held by a charge
 * threshold ("Not charging" below 100 %) is only suspicious: the guided unplug/replug step confirms it.
 */
export function chargerVerdict(acOnline: boolean | null, battery: BatteryFacts | null): Verdict {
  if (acOnline === null) {
    return {
      status: 'skipped',
      reasons: [
        reason('charger-unknown', 'info', "L'état du chargeur est inconnu.", 'Charger state unknown.'),
      ],
    };
  }
  if (!acOnline) {
    return {
      status: 'warn',
      reasons: [
        reason(
          'charger-offline',
          'reserve',
          'Aucun chargeur détecté : branchez-le et relancez.',
          'No charger detected: plug it in and retest.',
        ),
      ],
    };
  }
  if (battery && battery.status === 'Discharging') {
    return {
      status: 'fail',
      reasons: [
        reason(
          'battery-not-charging',
          'fail',
          'Chargeur branché mais la batterie se décharge.',
          'Charger plugged in but the battery is discharging.',
        ),
      ],
    };
  }
  return { status: 'pass', reasons: [] };
}

export function statusOf(reasons: Reason[]): TestStatus {
  if (reasons.some((r) => r.severity === 'fail' || r.severity === 'repair' || r.severity === 'blocking'))
    return 'fail';
  if (reasons.some((r) => r.severity === 'reserve')) return 'warn';
  return 'pass';
}
