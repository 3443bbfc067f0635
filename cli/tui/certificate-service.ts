import type { System } from '../../core/run/system.js';
import { certifyResults } from '../erase-certificates.js';
import type { CommandContext } from '../io.js';
import type { CertificateService } from './services.js';

/** The guide's certificates: the same record and signed PDFs as `gomme erase` (cli/erase-certificates.ts). */
export function certificateService(
  ctx: Pick<CommandContext, 'env' | 'lang'>,
  system: System,
): CertificateService {
  return {
    async issue(request) {
      const certified = await certifyResults(ctx, system, request.results, {
        operator: request.operator,
        donor: request.intake.donor,
        lot: request.intake.lot,
      });
      const files = [...certified.certificates.values()];
      if (certified.machineCertificate) files.push(certified.machineCertificate);
      const savedIn = files[0]?.replace(/\/[^/]+$/, '') ?? certified.warning ?? '';
      // A QR code of a full certificate needs ~33 rows: more than an 80x25 console; the PDF carries it.
      return { files, qr: null, savedIn };
    },
  };
}
