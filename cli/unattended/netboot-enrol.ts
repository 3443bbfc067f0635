import { once } from 'node:events';
import type { System } from '../../core/run/system.js';
import { type CommandContext, makeContext } from '../io.js';
import { waitForBootUnits } from './boot-units.js';
import { TeeSink } from './line-sink.js';
import { guidedHubParams } from './netboot-station.js';

/**
 * At boot, without gomme.mode: when the kernel command line carries gomme.hub and gomme.enrol (the netboot
 * menu's guided entry), enrol this station for this boot session. Its outcome goes to the journal and to the
 * serial console (`serial`) as one NDJSON line; a failure leaves the guide usable (its records then stay queued,
 * and `gomme sync` says the station is not enrolled). `bootUnits` (the live image's network) are waited for first,
 * and only then: a boot with nothing to enrol does not start systemctl beside the guide loading.
 */
export async function enrolGuidedStation(
  ctx: CommandContext,
  system: System,
  serial?: string,
  bootUnits: readonly string[] = [],
): Promise<void> {
  const hub = guidedHubParams(await system.files.read('/proc/cmdline'));
  if (!hub) return;
  const notReady = await waitForBootUnits(system.runner, bootUnits);
  if (notReady) ctx.stderr.write(`gomme unattended: ${notReady[ctx.lang]}\n`);
  const tee = new TeeSink(ctx.stdout);
  if (serial) tee.addDevice(serial);
  const out = makeContext({ stdout: tee, stderr: ctx.stderr, env: ctx.env }, ctx.lang, true);
  try {
    const { enrolForThisBoot } = await import('./hub-steps.js');
    await enrolForThisBoot(out, hub, (event) => out.stdout.write(`${JSON.stringify(event)}\n`));
  } finally {
    tee.end();
    await once(tee, 'finish');
    tee.close();
  }
}
