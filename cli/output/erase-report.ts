import type { JobEvent } from '../../core/events.js';
import { formatPercent, formatRate, formatSize } from '../../core/format.js';
import { formatDuration, formatEstimate } from '../../core/format-time.js';
import { COLON, type Lang, labelled, type Text, text, textOf } from '../../core/i18n.js';
import { ioErrorWords } from '../../core/words/io-errors.js';
import { nistLevelExplained } from '../../core/words/levels.js';
import { methodWords } from '../../core/words/methods.js';
import { RESULT_WORDS } from '../../core/words/results.js';
import { outcomeVerificationWords, verifyModeWords } from '../../core/words/verification.js';
import { reportedWritten } from '../../erasure/jobs/written-bytes.js';
import type { ErasePlan } from '../../erasure/plan/build-plan.js';
import { describePattern, patternWords } from '../../erasure/plan/resolve-passes.js';
import type { DriveOutcome, EmergencyCopy } from '../../session/index.js';
import { terminalSafe } from './terminal-text.js';

const W = {
  serial: text('n° de série', 'serial'),
  method: text('méthode', 'method'),
  level: text('niveau NIST SP 800-88', 'NIST SP 800-88 level'),
  driveCommand: text('commande du disque', 'drive command'),
  passes: text('passes', 'passes'),
  verification: text('vérification', 'verification'),
  estimate: text('durée estimée', 'estimated time'),
  note: text('note', 'note'),
  pass: text('passe', 'pass'),
  verifyPhase: text('vérification', 'verification'),
  firmwarePhase: text('commande du disque', 'drive command'),
  left: text('reste', 'time left'),
  verified: text('vérifié', 'verified'),
  readBack: text('relu', 'read back'),
  error: text('erreur', 'error'),
  moreErrors: text('autres erreurs', 'more errors'),
  resumed: text('interrompu puis repris', 'interrupted and resumed'),
  times: text('fois', 'times'),
  resume: text('reprise possible : gomme erase --resume', 'resume with: gomme erase --resume'),
} satisfies Record<string, Text>;

/** The plan a script reads (`gomme erase --dry-run --json`): ids and numbers, English notes. */
export function planJson(plan: ErasePlan) {
  return {
    device: plan.drive.path,
    serial: plan.drive.serial,
    model: plan.drive.model,
    sizeBytes: plan.drive.sizeBytes,
    method: plan.job.methodId,
    nistLevel: plan.job.nistLevel,
    purge: plan.job.purge ?? null,
    passes: plan.job.passes.map((p) => ({ pattern: describePattern(p.pattern), verify: p.verify })),
    verify: plan.job.verify,
    estimatedSeconds: plan.estimatedSeconds,
    notes: plan.notes.map((n) => n.en),
  };
}

/** A method's words and, in brackets, the id `--method` takes: "Réécriture NIST 800-88 (1 passe aléatoire) [nist-clear]". */
function methodLine(plan: ErasePlan): Text {
  const id = plan.job.methodId;
  const name = methodWords(id) ?? text(plan.job.methodLabel, plan.job.methodLabel);
  return textOf((lang) => `${name[lang]} [${id}]`);
}

export function renderPlan(plan: ErasePlan, lang: Lang): string {
  const d = plan.drive;
  const job = plan.job;
  const lines: Text[] = [
    textOf(
      (l) => `${d.path}  ${d.model ?? '?'}  ${W.serial[l]} ${d.serial ?? '?'}  ${formatSize(d.sizeBytes, l)}`,
    ),
    labelled(W.method, methodLine(plan)),
    labelled(W.level, nistLevelExplained(job.nistLevel)),
    job.purge
      ? labelled(
          W.driveCommand,
          methodWords(job.purge.engine) ?? text(job.purge.technique, job.purge.technique),
        )
      : labelled(
          W.passes,
          textOf((l) => job.passes.map((p, i) => `${i + 1}. ${patternWords(p.pattern)[l]}`).join(', ')),
        ),
    labelled(W.verification, verifyModeWords(job.verify)),
    labelled(
      W.estimate,
      textOf((l) => formatEstimate(plan.estimatedSeconds, l)),
    ),
    ...plan.notes.map((n) => labelled(W.note, n)),
  ];
  return lines.map((line, i) => terminalSafe(`${i === 0 ? '' : '  '}${line[lang]}`)).join('\n');
}

/** One line per drive, at most every few seconds: readable on a serial console and in a log. */
export function progressLine(event: JobEvent & { type: 'progress' }, lang: Lang): string {
  const fraction = event.bytesTotal > 0 ? event.bytesDone / event.bytesTotal : 0;
  const phase =
    event.phase === 'verify' ? W.verifyPhase : event.phase === 'firmware' ? W.firmwarePhase : W.pass;
  const rate = event.rate > 0 ? `  ${formatRate(event.rate, lang)}` : '';
  return terminalSafe(
    `${event.device}  ${phase[lang]} ${event.pass}/${event.passes}  ${formatPercent(fraction, lang)}${rate}  ${W.left[lang]} ${formatEstimate(event.etaSeconds, lang)}`,
  );
}

/** The `--json` result line: one entry per drive, with the figures of every resume and the drive's own PDF. */
export function resultJson(
  outcome: { drives: DriveOutcome[]; records: Array<{ recordId: string }> },
  pdfs: ReadonlyMap<string, string> = new Map(),
) {
  return {
    type: 'result',
    recordId: outcome.records[0]?.recordId ?? null,
    records: outcome.records.map((r) => r.recordId),
    drives: outcome.drives.map((r) => ({
      device: r.job.drive.path,
      serial: r.job.drive.serial,
      model: r.job.drive.model,
      result: r.result,
      method: r.job.plan.methodId,
      nistLevel: r.job.plan.nistLevel,
      verification: r.outcome?.verification ?? null,
      errors: r.errors,
      ...reportedWritten(r.figures, r.outcome, r.checkpoint),
      seconds: r.figures.seconds,
      jobId: r.job.jobId,
      interruptions: r.interruptions,
      recordId: r.recordId,
      certificate: pdfs.get(r.job.jobId) ?? null,
    })),
  };
}

/** `--json`: what reached each drive when the journal failed, and where the records' copies are. */
export function emergencyJson(copy: EmergencyCopy, lang: Lang) {
  return {
    type: 'emergency',
    code: copy.code,
    message: copy.message[lang],
    journal: copy.journal,
    drives: copy.drives,
    files: copy.files,
    failures: copy.failures,
    records: copy.records,
  };
}

export function renderEmergency(copy: EmergencyCopy, lang: Lang): string {
  const lines: Text[] = [
    text(
      `ARRÊT D’URGENCE : le journal ne peut plus être écrit (${copy.code}). Ce qui a atteint chaque disque :`,
      `EMERGENCY STOP: the journal can no longer be written (${copy.code}). What reached each drive:`,
    ),
    ...copy.drives.map((d) =>
      textOf((l) => {
        const where = `${d.device} ${d.serial ?? ''}  ${RESULT_WORDS[d.result][l]}`;
        const size = formatSize(d.bytesWritten, l);
        const pass = d.checkpoint.pass + 1;
        const at = formatSize(d.checkpoint.offset, l);
        return text(
          `  ${where}  passes complètes : ${d.passesCompleted}, dernier point sûr : passe ${pass} à ${at}, ${size} écrits`,
          `  ${where}  passes complete: ${d.passesCompleted}, last safe point: pass ${pass} at ${at}, ${size} written`,
        )[l];
      }),
    ),
    ...copy.files.map((f) =>
      text(`  copie de secours du rapport : ${f}`, `  emergency copy of the record: ${f}`),
    ),
    ...copy.failures.map((f) => text(`  copie impossible : ${f}`, `  copy failed: ${f}`)),
  ];
  const out = lines.map((t) => terminalSafe(t[lang]));
  if (copy.files.length === 0) out.push(JSON.stringify(copy.records));
  return out.join('\n');
}

export function renderResults(results: DriveOutcome[], lang: Lang): string {
  return results
    .map((r) => {
      const took = r.outcome ? ` (${formatDuration(r.figures.seconds, lang)})` : '';
      const lines = [`${r.job.drive.path}${COLON[lang]}${RESULT_WORDS[r.result][lang]}${took}`];
      const v = r.outcome?.verification;
      if (v && v.passed != null) {
        lines.push(
          `  ${W.verified[lang]}${COLON[lang]}${outcomeVerificationWords(v.mode)[lang]}, ${formatPercent(v.coverage, lang)} ${W.readBack[lang]}`,
        );
      }
      for (const e of r.errors.slice(0, 20)) lines.push(`  ${W.error[lang]} ${ioErrorWords(e)[lang]}`);
      if (r.errors.length > 20) lines.push(`  … ${r.errors.length - 20} ${W.moreErrors[lang]}`);
      if (r.interruptions.length > 0) {
        lines.push(`  ${W.resumed[lang]}${COLON[lang]}${r.interruptions.length} ${W.times[lang]}`);
      }
      if (r.result === 'ABORTED') lines.push(`  ${W.resume[lang]}`);
      return lines.map((line) => terminalSafe(line)).join('\n');
    })
    .join('\n');
}
