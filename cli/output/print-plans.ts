import { labelled, text } from '../../core/i18n.js';
import type { TargetPlan } from '../../session/index.js';
import type { CommandContext } from '../io.js';
import { planJson, renderPlan } from './erase-report.js';
import { terminalSafe } from './terminal-text.js';

const REFUSED = text('REFUSÉ', 'REFUSED');

/** A drive nothing can erase: said before anything else, with the reason. */
const DESTROY_WORDS = {
  serial: text('n°', 'serial'),
  banner: text('NON EFFACÉ : À DÉTRUIRE', 'NOT ERASED: TO BE DESTROYED'),
  why: text('pourquoi', 'why'),
  note: text('remarque', 'note'),
};

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
      const lang = ctx.lang;
      ctx.say(
        [
          `${t.device}  ${t.drive.model ?? '?'}  ${DESTROY_WORDS.serial[lang]} ${t.drive.serial ?? '?'}`,
          `  ${DESTROY_WORDS.banner[lang]}`,
          `  ${labelled(DESTROY_WORDS.why, t.plan.job.destroy.reason)[lang]}`,
          ...t.plan.notes.slice(1).map((n) => `  ${labelled(DESTROY_WORDS.note, n)[lang]}`),
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
