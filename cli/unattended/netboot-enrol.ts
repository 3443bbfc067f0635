import type { System } from '../../core/run/system.js';
import type { CommandContext } from '../io.js';
import { guidedHubParams } from './netboot-station.js';

/**
 * At boot, without gomme.mode: when the kernel command line carries gomme.hub and gomme.enrol (the netboot
 * menu's guided entry), enrol this station for this boot session. Its outcome goes to the journal and the
 * serial console as one NDJSON line; a failure leaves the guide usable (its records then stay queued, and the
 * guide says the station is not enrolled).
 */
export async function enrolGuidedStation(ctx: CommandContext, system: System): Promise<void> {
  const hub = guidedHubParams(await system.files.read('/proc/cmdline'));
  if (!hub) return;
  const { enrolForThisBoot } = await import('./hub-steps.js');
  await enrolForThisBoot(ctx, hub, (event) => ctx.stdout.write(`${JSON.stringify(event)}\n`));
}
