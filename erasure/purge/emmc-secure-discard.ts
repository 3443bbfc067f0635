/**
 * eMMC / SD secure discard (`blkdiscard --secure`, BLKSECDISCARD). Only the kernel knows whether the card
 * supports it: an unsupported device answers "Operation not supported" (exit 1 or 2, QEMU captures) without
 * touching anything, so the attempt itself is the probe.
 */
import type { Drive } from '../../core/drive.js';
import { text } from '../../core/i18n.js';
import type { PurgeEngine, Supports } from './engine.js';
import { estimatePurgeSeconds, timeoutFor } from './estimate.js';
import { abortedBeforeStart, runSession, summarize } from './session.js';
import { nistLevelOf, TECHNIQUES } from './techniques.js';

const id = 'emmc-secure-discard' as const;

export const secureDiscardArgs = (dev: string): string[] => ['--secure', '-v', dev];

export const emmcSecureDiscardEngine: PurgeEngine = {
  id,
  technique: TECHNIQUES[id].technique,
  resultKind: TECHNIQUES[id].resultKind,
  nistLevel: (drive) => nistLevelOf(id, drive),
  supports: (drive: Drive): Supports =>
    drive.transport === 'mmc'
      ? { ok: true }
      : { ok: false, reason: text('Ce n’est pas une mémoire eMMC/SD.', 'This is not eMMC/SD storage.') },
  run: (drive, deps) =>
    runSession(id, drive, deps, async (session) => {
      if (drive.transport !== 'mmc')
        return session.fail(
          'unsupported',
          text('Ce n’est pas une mémoire eMMC/SD.', 'This is not eMMC/SD storage.'),
        );
      if (session.aborted) return session.abort(abortedBeforeStart);
      const estimate = estimatePurgeSeconds(drive, id);
      session.progress(0, Math.round(estimate.seconds));
      const result = await session.run('blkdiscard', secureDiscardArgs(drive.path), timeoutFor(estimate));
      if (result.exitCode === 0 && !result.timedOut) {
        session.progress(1, 0);
        return session.finish('succeeded', 'immediate');
      }
      const unsupported = /Operation not supported/i.test(result.stderr);
      return session.fail(
        unsupported ? 'unsupported' : 'command-rejected',
        text(
          `L’effacement sécurisé a échoué : ${summarize(result)}`,
          `Secure discard failed: ${summarize(result)}`,
        ),
      );
    }),
};
