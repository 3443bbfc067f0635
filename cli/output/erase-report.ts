import type { JobEvent } from '../../core/events.js';
import { type Lang, text } from '../../core/i18n.js';
import { reportedWritten } from '../../erasure/jobs/written-bytes.js';
import type { ErasePlan } from '../../erasure/plan/build-plan.js';
import { describePattern } from '../../erasure/plan/resolve-passes.js';
import type { DriveOutcome, EmergencyCopy } from '../../session/index.js';
import { formatBytes } from './format-size.js';
import { terminalSafe } from './terminal-text.js';

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0
    ? `${h} h ${String(m).padStart(2, '0')} min`
    : m > 0
      ? `${m} min ${String(s % 60).padStart(2, '0')} s`
      : `${s} s`;
}

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

export function renderPlan(plan: ErasePlan, lang: Lang): string {
  const fr = lang === 'fr';
  const d = plan.drive;
  const lines = [
    `${d.path}  ${d.model ?? '?'}  ${fr ? 'n°' : 'serial'} ${d.serial ?? '?'}  ${formatBytes(d.sizeBytes)}`,
    `  ${fr ? 'méthode' : 'method'}: ${plan.job.methodLabel} (${plan.job.methodId}), NIST ${plan.job.nistLevel === 'purge' ? 'Purge' : 'Clear'}`,
    plan.job.purge
      ? `  ${fr ? 'commande du disque' : 'drive command'}: ${plan.job.purge.technique}`
      : `  ${fr ? 'passes' : 'passes'}: ${plan.job.passes.map((p) => describePattern(p.pattern)).join(', ')}`,
    `  ${fr ? 'vérification' : 'verification'}: ${plan.job.verify}`,
    `  ${fr ? 'durée estimée' : 'estimated time'}: ${formatDuration(plan.estimatedSeconds)}`,
    ...plan.notes.map((n) => `  ${fr ? 'note' : 'note'}: ${n[lang]}`),
  ];
  return lines.map((line) => terminalSafe(line)).join('\n');
}

/** One line per drive, at most every few seconds: readable on a serial console and in a log. */
export function progressLine(event: JobEvent & { type: 'progress' }, lang: Lang): string {
  const pct = event.bytesTotal > 0 ? ((100 * event.bytesDone) / event.bytesTotal).toFixed(1) : '0.0';
  const phase =
    event.phase === 'verify' ? (lang === 'fr' ? 'vérification' : 'verify') : lang === 'fr' ? 'passe' : 'pass';
  const eta = event.etaSeconds === null ? '?' : formatDuration(event.etaSeconds);
  return terminalSafe(
    `${event.device}  ${phase} ${event.pass}/${event.passes}  ${pct} %  ${formatBytes(event.rate)}/s  ${lang === 'fr' ? 'reste' : 'ETA'} ${eta}`,
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
  const lines = [
    text(
      `ARRÊT : le journal ne peut plus être écrit (${copy.code}). Ce qui a atteint chaque disque :`,
      `STOPPED: the journal can no longer be written (${copy.code}). What reached each drive:`,
    ),
    ...copy.drives.map((d) => {
      const where = `${d.device} ${d.serial ?? ''}  ${d.result}`;
      const size = formatBytes(d.bytesWritten);
      const at = `${d.checkpoint.pass + 1} @${d.checkpoint.offset}`;
      return text(
        `  ${where}  passes complètes ${d.passesCompleted}, dernier point sûr : passe ${at}, ${size} écrits`,
        `  ${where}  passes complete ${d.passesCompleted}, last safe point: pass ${at}, ${size} written`,
      );
    }),
    ...copy.files.map((f) =>
      text(`  copie de secours du rapport : ${f}`, `  emergency copy of the record: ${f}`),
    ),
    ...copy.failures.map((f) => text(`  copie impossible : ${f}`, `  copy failed: ${f}`)),
  ].map((t) => terminalSafe(t[lang]));
  if (copy.files.length === 0) lines.push(JSON.stringify(copy.records));
  return lines.join('\n');
}

export function renderResults(results: DriveOutcome[], lang: Lang): string {
  const fr = lang === 'fr';
  const words: Record<string, string> = fr
    ? {
        ERASED: 'EFFACÉ',
        ERASED_WITH_EXCEPTIONS: 'EFFACÉ AVEC EXCEPTIONS',
        FAILED: 'ÉCHEC',
        ABORTED: 'INTERROMPU',
      }
    : {
        ERASED: 'ERASED',
        ERASED_WITH_EXCEPTIONS: 'ERASED WITH EXCEPTIONS',
        FAILED: 'FAILED',
        ABORTED: 'ABORTED',
      };
  return results
    .map((r) => {
      const lines = [
        `${r.job.drive.path}: ${words[r.result]}${r.outcome ? ` (${formatDuration(r.figures.seconds)})` : ''}`,
      ];
      if (r.outcome?.verification.passed != null) {
        const v = r.outcome.verification;
        lines.push(
          `  ${fr ? 'vérifié' : 'verified'}: ${v.mode}, ${(v.coverage * 100).toFixed(1)} % ${fr ? 'relu' : 'read back'}`,
        );
      }
      for (const e of r.errors.slice(0, 20)) {
        lines.push(
          `  ${fr ? 'erreur' : 'error'} ${e.operation} ${e.code} @${e.offset} +${e.length}: ${e.message}`,
        );
      }
      if (r.errors.length > 20)
        lines.push(`  … ${r.errors.length - 20} ${fr ? 'autres erreurs' : 'more errors'}`);
      if (r.interruptions.length > 0) {
        lines.push(
          `  ${fr ? 'interrompu puis repris' : 'interrupted and resumed'}: ${r.interruptions.length}×`,
        );
      }
      if (r.result === 'ABORTED') {
        lines.push(fr ? '  reprise possible : gomme erase --resume' : '  resume with: gomme erase --resume');
      }
      return lines.map((line) => terminalSafe(line)).join('\n');
    })
    .join('\n');
}
