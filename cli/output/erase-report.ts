import type { JobEvent } from '../../core/events.js';
import type { Lang } from '../../core/i18n.js';
import type { JobResult } from '../../erasure/jobs/run-jobs.js';
import type { ErasePlan } from '../../erasure/plan/build-plan.js';
import { describePattern } from '../../erasure/plan/resolve-passes.js';
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

export function resultJson(
  results: JobResult[],
  certified: { recordId: string | null; certificates: Map<string, string> } = {
    recordId: null,
    certificates: new Map(),
  },
) {
  return {
    type: 'result',
    recordId: certified.recordId,
    drives: results.map((r) => ({
      device: r.job.drive.path,
      serial: r.job.drive.serial,
      model: r.job.drive.model,
      result: r.result,
      method: r.job.plan.methodId,
      nistLevel: r.job.plan.nistLevel,
      verification: r.outcome?.verification ?? null,
      errors: r.errors,
      bytesWritten: r.outcome?.bytesWritten ?? 0,
      seconds: r.outcome?.seconds ?? 0,
      jobId: r.job.jobId,
      interruptions: r.interruptions,
      recordId: r.result === 'ABORTED' ? null : certified.recordId,
      certificate: certified.certificates.get(r.job.drive.path) ?? null,
    })),
  };
}

export function renderResults(results: JobResult[], lang: Lang): string {
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
        `${r.job.drive.path}: ${words[r.result]}${r.outcome ? ` (${formatDuration(r.outcome.seconds)})` : ''}`,
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
