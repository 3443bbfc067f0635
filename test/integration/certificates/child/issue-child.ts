/**
 * Child process for the crash test: certifies the sample record with GOMME_TEST_PAUSE_AFTER_COMMIT set, so it
 * stops between the journal commit and the PDF rendering, where the test SIGKILLs it.
 */
import { certifyErasure } from '../../../../certificates/certify.js';
import { openCertificateEnv } from '../../../../certificates/open-env.js';
import { pauseAfterCommitIfAsked } from '../../../../certificates/test-hooks.js';
import { sampleInput } from '../../../unit/certificates/fixtures/sample-input.js';

const env = openCertificateEnv(process.env, 'fr');
await certifyErasure(env, sampleInput(), {
  afterCommit: (commit) => pauseAfterCommitIfAsked(process.env, commit.recordId),
});
env.journal.close();
