import { type CommitResult, commitRecord } from './journal-store.js';
import { buildErasureRecord } from './record/build-record.js';
import type { ErasureRecordInput } from './record/input.js';
import {
  type CertificateEnv,
  renderRecordCertificates,
  type WrittenCertificate,
} from './render-certificate.js';

export interface CertifySteps {
  /** Runs between the journal commit and the rendering (the crash test stops the process there). */
  afterCommit?: (recordId: string) => Promise<void> | void;
}

/**
 * The erasure engine's entry point once a machine is done: build the record, commit it, then render and sign.
 * If the process dies after the commit, nothing is lost: `gomme cert render RECORD_ID` finishes the job.
 */
export async function certifyErasure(
  env: CertificateEnv,
  input: ErasureRecordInput,
  steps: CertifySteps = {},
): Promise<{ commit: CommitResult; certificates: WrittenCertificate[] }> {
  const record = buildErasureRecord(input);
  const commit = commitRecord(env.db, record);
  await steps.afterCommit?.(commit.recordId);
  return { commit, certificates: await renderRecordCertificates(env, commit.recordId) };
}
