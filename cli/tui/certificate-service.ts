import type { Lang } from '../../core/i18n.js';
import type { JournalOptions } from '../../core/journal/index.js';
import { syncInBackground } from '../../session/hub/sync-station.js';
import { certifyRecords, openSession, recordIdsOf } from '../../session/index.js';
import type { CertificateService } from './services.js';

/**
 * The guide's certificates: the records were committed by the session when the erasure ended; this signs
 * them, exactly as `gomme erase` does.
 */
export function certificateService(settings: {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  lang: Lang;
  journal?: JournalOptions;
}): CertificateService {
  return {
    async issue(request) {
      const opened = openSession(settings);
      try {
        const certified = await certifyRecords(
          opened.journal,
          opened.signing,
          settings.lang,
          recordIdsOf(request.results),
        );
        const files = [...certified.written.values()].flat().map((w) => w.path);
        // To the workshop's hub when this station is enrolled; what cannot go now stays queued.
        void syncInBackground(settings.dataDir, settings.env);
        const savedIn = files[0]?.replace(/\/[^/]+$/, '') ?? certified.notice?.[settings.lang] ?? '';
        // A QR code of a full certificate needs ~33 rows: more than an 80x25 console; the PDF carries it.
        return { files, qr: null, savedIn };
      } finally {
        opened.journal.close();
      }
    },
  };
}
