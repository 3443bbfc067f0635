import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { SigningIdentity } from '../keys/store.js';
import type { Doc } from '../pdf/document.js';
import { CmsSigner } from './cms-signer.js';

export interface SignatureInfo {
  reason: string;
  location: string;
  contactInfo: string;
  name: string;
}

/** Room for the CMS in bytes: ~2.4 KB with an EC chain, ~3 KB with RSA-3072; 8 KB leaves space for a timestamp. */
const SIGNATURE_LENGTH = 8192;

/**
 * Ends a fully drawn pdfkit document and signs it. The placeholder must be added before `end()`, which is
 * why this takes the open document rather than finished bytes (stack.md §3).
 */
export async function endAndSign(doc: Doc, identity: SigningIdentity, info: SignatureInfo): Promise<Buffer> {
  pdfkitAddPlaceholder({
    pdf: doc,
    pdfBuffer: Buffer.alloc(0),
    ...info,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: [0, 0, 0, 0],
    appName: 'gomme',
  });
  const unsigned = await collect(doc);
  return new SignPdf().sign(unsigned, new CmsSigner(identity));
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
