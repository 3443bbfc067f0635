import type { SigningIdentity } from '../../certificates/keys/store.js';
import { type Text, text } from '../../core/i18n.js';
import type { Journal, OutboxItem } from '../../core/journal/index.js';
import { buildPush, type ItemPayload, readPayload } from './build-push.js';
import type { HubAnswer, HubClient } from './hub-client.js';
import { MAX_PUSH_ITEMS, type PushResponse } from './wire.js';

export interface Rejected {
  kind: OutboxItem['kind'];
  ref: string;
  status: number | null;
  code: string;
  reason: Text;
}

export interface PushRun {
  /** Items the hub acknowledged (same SHA-256) in this run. */
  pushed: number;
  /** Items still waiting after this run. */
  pending: number;
  /** Items the hub refused (kept, with the reason in the outbox's last_error). */
  rejected: Rejected[];
  /** Set when the hub could not be reached or could not store: the run stopped there. */
  unavailable: Text | null;
}

export interface PushDeps {
  journal: Journal;
  identity: SigningIdentity;
  client: HubClient;
  now(): Date;
}

const BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Pushes the outbox once: records and station files in signed batches first (a PDF's record must be on the
 * hub before it), then each PDF. An item is closed only when the hub answers with its own SHA-256; a refusal
 * is kept with its reason and tried again later; when the hub is unreachable the run stops (the rest is
 * untouched) and says why. `select: 'due'` honours each item's backoff (next_attempt_at), `'all'` does not.
 */
export async function pushOutbox(
  deps: PushDeps,
  select: 'all' | 'due' = 'all',
  batchItems = MAX_PUSH_ITEMS,
): Promise<PushRun> {
  const { journal } = deps;
  const items =
    select === 'all'
      ? journal.outbox.list({ pending: true })
      : journal.outbox.due(deps.now().toISOString(), 100_000);
  const run: PushRun = { pushed: 0, pending: 0, rejected: [], unavailable: null };
  const recordJson = (id: string) => journal.records.get(id)?.json ?? null;
  const payloads = items.map((item) => readPayload(item, recordJson));
  for (const p of payloads.filter((x): x is Extract<ItemPayload, { ok: false }> => !x.ok))
    refuse(deps, run, p.item, {
      status: null,
      code: 'payload-missing',
      reason: text(`contenu introuvable : ${p.why}`, `content not found: ${p.why}`),
    });
  const ready = payloads.filter((x): x is Extract<ItemPayload, { ok: true }> => x.ok);
  const signed = ready.filter((p) => p.item.kind !== 'certificate');
  for (const batch of batches(signed, batchItems)) {
    const answer = await deps.client.push(buildPush(batch, deps.identity, deps.now()));
    if (
      !settle(
        deps,
        run,
        batch.map((p) => p.item),
        answer,
      )
    )
      break;
  }
  if (run.unavailable === null)
    for (const p of ready.filter((x) => x.item.kind === 'certificate')) {
      const answer = await deps.client.putPdf(p.item.ref, p.bytes);
      if (!settle(deps, run, [p.item], answer)) break;
    }
  run.pending = journal.outbox.list({ pending: true }).length;
  return run;
}

/** Applies the hub's answer to the items sent; false when the hub was unavailable (stop the run). */
function settle(deps: PushDeps, run: PushRun, items: OutboxItem[], answer: HubAnswer<PushResponse>): boolean {
  const at = deps.now();
  if (answer.kind === 'unavailable') {
    run.unavailable = answer.reason;
    for (const item of items)
      deps.journal.outbox.failed(item.itemId, lastError(answer.status, 'unavailable', answer.reason), at);
    return false;
  }
  if (answer.kind === 'refused') {
    for (const item of items) refuse(deps, run, item, answer);
    return true;
  }
  for (const item of items) {
    const result = answer.body.results.find((r) => r.kind === item.kind && r.ref === item.ref);
    if (!result) {
      refuse(deps, run, item, {
        status: answer.status,
        code: 'no-answer',
        reason: text('le hub n’a rien dit de cet élément', 'the hub said nothing of this item'),
      });
    } else if (result.status === 'rejected') {
      refuse(deps, run, item, {
        status: result.httpStatus,
        code: result.code ?? 'rejected',
        reason: result.reason ?? text('refusé', 'refused'),
      });
    } else if (result.sha256 && deps.journal.outbox.acknowledge(item.itemId, result.sha256, at)) {
      run.pushed += 1;
    } else {
      refuse(deps, run, item, {
        status: result.httpStatus,
        code: 'sha256-differs',
        reason: text(
          `le hub détient une autre version (${result.sha256})`,
          `the hub holds another version (${result.sha256})`,
        ),
      });
    }
  }
  return true;
}

function refuse(
  deps: PushDeps,
  run: PushRun,
  item: OutboxItem,
  why: { status: number | null; code: string; reason: Text },
): void {
  run.rejected.push({
    kind: item.kind,
    ref: item.ref,
    status: why.status,
    code: why.code,
    reason: why.reason,
  });
  deps.journal.outbox.failed(item.itemId, lastError(why.status, why.code, why.reason), deps.now());
}

/** The outbox keeps the reason in both languages, so `gomme sync` shows it in the reader's. */
export function lastError(status: number | null, code: string, reason: Text): string {
  return JSON.stringify({ status, code, fr: reason.fr, en: reason.en });
}

function* batches<T extends { bytes: Buffer }>(items: T[], maxItems: number): Generator<T[]> {
  let batch: T[] = [];
  let size = 0;
  for (const item of items) {
    if (batch.length > 0 && (batch.length >= maxItems || size + item.bytes.length > BATCH_BYTES)) {
      yield batch;
      batch = [];
      size = 0;
    }
    batch.push(item);
    size += item.bytes.length;
  }
  if (batch.length > 0) yield batch;
}
