import { labelled, text } from '../../core/i18n.js';
import type { TargetPlan } from '../../session/index.js';
import type { CommandContext } from '../io.js';
import { planJson, renderPlan } from './erase-report.js';
import { terminalSafe } from './terminal-text.js';

const REFUSED = text('REFUSÉ', 'REFUSED');

/** `gomme erase --dry-run`: the plan of each drive, or why it is refused. */
export function printPlans(ctx: CommandContext, targets: readonly TargetPlan[]): void {
  if (ctx.json) {
    const drives = targets.map((t) =>
      t.plan
        ? { ...planJson(t.plan), refused: null }
        : {
            device: t.device,
            serial: t.drive.serial,
            model: t.drive.model,
            refused: { code: t.refusal.code, message: t.refusal.message[ctx.lang] },
          },
    );
    ctx.say(JSON.stringify({ type: 'plan', drives }));
    return;
  }
  ctx.say(text('Plan (rien ne sera écrit) :', 'Plan (nothing will be written):'));
  for (const t of targets) {
    if (t.plan) ctx.say(renderPlan(t.plan, ctx.lang));
    else
      ctx.say(
        [`${t.device}  ${t.drive.model ?? '?'}`, `  ${labelled(REFUSED, t.refusal.message)[ctx.lang]}`]
          .map((line) => terminalSafe(line))
          .join('\n'),
      );
  }
}
