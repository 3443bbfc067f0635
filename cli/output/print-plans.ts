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
        ? {
            ...planJson(t.plan),
            refused: null,
            destroy: t.plan.job.destroy
              ? { code: t.plan.job.destroy.code, reason: t.plan.job.destroy.reason[ctx.lang] }
              : null,
          }
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
    if (t.plan?.job.destroy) {
      // Nothing can erase this drive: it is never shown with a method or a NIST level it will not get.
      const fr = ctx.lang === 'fr';
      ctx.say(
        [
          `${t.device}  ${t.drive.model ?? '?'}  ${fr ? 'n°' : 'serial'} ${t.drive.serial ?? '?'}`,
          `  ${fr ? 'NON EFFACÉ : À DÉTRUIRE' : 'NOT ERASED: TO BE DESTROYED'}`,
          `  ${fr ? 'pourquoi' : 'why'}: ${t.plan.job.destroy.reason[ctx.lang]}`,
          ...t.plan.notes.slice(1).map((n) => `  note: ${n[ctx.lang]}`),
        ]
          .map((line) => terminalSafe(line))
          .join('\n'),
      );
    } else if (t.plan) ctx.say(renderPlan(t.plan, ctx.lang));
    else
      ctx.say(
        [`${t.device}  ${t.drive.model ?? '?'}`, `  ${labelled(REFUSED, t.refusal.message)[ctx.lang]}`]
          .map((line) => terminalSafe(line))
          .join('\n'),
      );
  }
}
