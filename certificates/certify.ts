import { type CommitResult, commitRecord } from './journal-store.js';
import { buildErasureRecord } from './record/build-record.js';
import type { ErasureRecordInput } from './record/input.js';
import {
  type CertificateEnv,
  renderRecordCertificates,
  type WrittenCertificate,
} from './render-certificate.js';

export interface CertifyHooks {
  /** Called between the journal commit and the rendering (tests crash the process here). */
  afterCommit?(commit: CommitResult): void | Promise<void>;
}

/**
 * `gomme cert issue`: build the record, commit it, then render and sign. If the process dies after the commit,
 * nothing is lost: `gomme cert render RECORD_ID` finishes the job.
 */
export async function certifyErasure(
  env: CertificateEnv,
  input: ErasureRecordInput,
  hooks: CertifyHooks = {},
): Promise<{ commit: CommitResult; certificates: WrittenCertificate[] }> {
  const record = buildErasureRecord(input);
  const commit = commitRecord(env.journal, record);
  await hooks.afterCommit?.(commit);
  return { commit, certificates: await renderRecordCertificates(env, commit.recordId) };
}
