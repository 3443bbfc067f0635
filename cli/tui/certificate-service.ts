import { dirname } from 'node:path';
import type { Lang } from '../../core/i18n.js';
import type { JournalOptions } from '../../core/journal/index.js';
import { certifyRecords, missingKeyNotice, openSession, recordIdsOf } from '../../session/index.js';
import type { CertificateService, IssuedFile } from './services.js';

/**
 * The guide's certificates: the records were committed by the session when the erasure ended; this signs
 * them, exactly as `gomme erase` does, and says what each file is (a drive's, for the donor; the computer's,
 * to keep with it).
 */
export function certificateService(settings: {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  lang: Lang;
  journal?: JournalOptions;
}): CertificateService {
  return {
    signingNotice: () => missingKeyNotice(settings.dataDir),
    async issue(request) {
      const opened = openSession(settings);
      try {
        const certified = await certifyRecords(
          opened.journal,
          opened.signing,
          request.lang ?? settings.lang,
          recordIdsOf(request.results),
        );
        // The record says which device each drive certificate `<recordId>-D<n>` is about.
        const devices = (recordId: string): Map<number, string> => {
          const row = opened.journal.records.get(recordId);
          const drives = row
            ? (JSON.parse(row.json) as { drives: { index: number; device: string }[] }).drives
            : [];
          return new Map(drives.map((d) => [d.index, d.device]));
        };
        const files: IssuedFile[] = [...certified.written.entries()].flatMap(([recordId, written]) =>
          written
            .filter((w) => w.kind === 'drive' || w.kind === 'machine')
            .map((w) => ({
              path: w.path,
              kind: w.kind === 'drive' ? ('drive' as const) : ('machine' as const),
              device: w.kind === 'drive' ? deviceOf(devices(recordId), w.certificateId) : null,
            })),
        );
        // Drives first, in the order of the results; the computer's certificate last.
        files.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'drive' ? -1 : 1));
        return { files, savedIn: files[0] ? dirname(files[0].path) : '', notice: certified.notice };
      } finally {
        opened.journal.close();
      }
    },
  };
}

function deviceOf(devices: Map<number, string>, certificateId: string): string | null {
  return devices.get(Number(/-D(\d+)$/.exec(certificateId)?.[1])) ?? null;
}
