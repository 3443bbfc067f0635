/**
 * Child process for the crash test: certifies the sample record and, right after the journal commit, writes the
 * record ID to the marker file named by argv[2] and waits, so the test SIGKILLs it between commit and rendering.
 */
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { certifyErasure } from '../../../../certificates/certify.js';
import { openCertificateEnv } from '../../../../certificates/open-env.js';
import { sampleInput } from '../../../unit/certificates/fixtures/sample-input.js';

const marker = process.argv[2];
if (!marker) throw new Error('usage: issue-child.js MARKER_FILE');
const env = openCertificateEnv(process.env, 'fr');
await certifyErasure(env, sampleInput(), {
  afterCommit: async (commit) => {
    writeFileSync(marker, `${commit.recordId}\n`);
    await sleep(60_000);
  },
});
env.journal.close();
