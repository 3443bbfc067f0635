import { type Text, text } from '../../core/i18n.js';
import type { CommandRunner } from '../../core/run/runner.js';

/** Mounting GOMME-DATA may wait for a slow USB disk or create the partition (gomme.data=create). */
const BOOT_UNITS_TIMEOUT_MS = 10 * 60_000;

/**
 * The live image starts `gomme unattended` before its data partition is mounted and its network is up, so that
 * Node loads while they start and the start event comes seconds sooner. Before anything that needs them (the
 * run's log on the data partition, the journal, the hub) the run waits for those units here: `systemctl start`
 * waits for a start under way and returns at once for a unit that is already up (a unit that had failed is
 * started once more, which for a mount that failed is one more try).
 *
 * Returns what to tell the operator when a unit did not come up, or null. The run goes on either way, as it did
 * when the units were ordered before it: without GOMME-DATA the journal stays in RAM, without the network the
 * proofs stay on this machine until the hub is reachable.
 */
export async function waitForBootUnits(
  runner: CommandRunner,
  units: readonly string[],
): Promise<Text | null> {
  if (units.length === 0) return null;
  const result = await runner.run('systemctl', ['start', ...units], { timeoutMs: BOOT_UNITS_TIMEOUT_MS });
  if (result.exitCode === 0 && !result.timedOut) return null;
  const list = units.join(', ');
  const what = result.timedOut
    ? text('pas prêt après 10 minutes', 'not ready after 10 minutes')
    : text(`code ${result.exitCode ?? result.signal}`, `exit ${result.exitCode ?? result.signal}`);
  return text(
    `Le démarrage n’a pas tout préparé (${list} : ${what.fr}). Sans partition GOMME-DATA le journal reste en mémoire ; sans réseau les preuves restent sur ce PC. Détails : journalctl -b -u ${units[0]}`,
    `The boot did not prepare everything (${list}: ${what.en}). Without a GOMME-DATA partition the journal stays in RAM; without a network the proofs stay on this PC. Details: journalctl -b -u ${units[0]}`,
  );
}
