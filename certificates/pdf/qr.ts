import QRCode from 'qrcode';
import { verifyUrl } from '../hub-link.js';

/**
 * QR payload: the certificate ID and the payload's SHA-256, so a phone can match paper to file. With a hub's
 * public address (a station enrolled with one), the page a donor opens: `https://…/v/{id}#sha256=…`;
 * otherwise `GOMME1;id=…;sha256=…`.
 */
export function qrPayload(certificateId: string, sha256: string, publicUrl: string | null = null): string {
  return publicUrl
    ? verifyUrl(publicUrl, certificateId, sha256)
    : `GOMME1;id=${certificateId};sha256=${sha256}`;
}

export function qrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', scale: 4, margin: 1 });
}
