import QRCode from 'qrcode';

/** QR payload: scheme, certificate ID and the payload's SHA-256, so a phone can match paper to file. */
export function qrPayload(certificateId: string, sha256: string): string {
  return `GOMME1;id=${certificateId};sha256=${sha256}`;
}

export function qrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', scale: 4, margin: 1 });
}
