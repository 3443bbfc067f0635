import type { Lang } from '../../core/i18n.js';
import type { GommeConfig } from '../config.js';
import type { SigningIdentity } from '../keys/store.js';
import { endAndSign } from '../sign/sign-pdf.js';
import { attachPayload, type Doc, newCertificateDocument } from './document.js';
import { formatDate } from './format.js';
import { label } from './labels.js';
import { drawFooter, drawHeader } from './layout.js';
import { qrPayload, qrPng } from './qr.js';

export type CertificateKind = 'drive' | 'machine' | 'lot';

export interface RenderOptions {
  lang: Lang;
  config: GommeConfig;
  identity: SigningIdentity;
}

export interface CertificateSpec {
  kind: CertificateKind;
  certificateId: string;
  title: string;
  /** Canonical JSON bytes embedded as the attachment and hashed into the QR code. */
  payload: Buffer;
  payloadSha256: string;
  attachmentName: string;
  createdAt: string;
  organisation: { name: string; identifier: string | null; address: string | null };
  draw(doc: Doc): void;
}

export interface RenderedCertificate {
  certificateId: string;
  kind: CertificateKind;
  pdf: Buffer;
  payloadSha256: string;
}

/** The frame common to every certificate: header, content, attachment, QR footer, signature. */
export async function renderCertificatePdf(
  spec: CertificateSpec,
  options: RenderOptions,
): Promise<RenderedCertificate> {
  const { lang, config } = options;
  const createdAt = new Date(spec.createdAt);
  const organisation = config.organisation.name ?? spec.organisation.name;
  const doc = newCertificateDocument({
    certificateId: spec.certificateId,
    payloadSha256: spec.payloadSha256,
    title: `${spec.title} ${spec.certificateId}`,
    author: organisation,
    createdAt,
    lang,
  });
  const detail = [
    config.organisation.identifier ?? spec.organisation.identifier,
    config.organisation.address ?? spec.organisation.address,
  ]
    .filter((x): x is string => x !== null)
    .join(' — ');
  drawHeader(
    doc,
    {
      organisation,
      organisationDetail: detail || null,
      logo: config.organisation.logo,
      title: spec.title,
      certificateId: spec.certificateId,
      date: formatDate(spec.createdAt, lang),
    },
    lang,
  );
  spec.draw(doc);
  drawFooter(
    doc,
    await qrPng(qrPayload(spec.certificateId, spec.payloadSha256, config.verifyBaseUrl ?? null)),
    spec.payloadSha256,
    spec.attachmentName,
    lang,
  );
  attachPayload(
    doc,
    spec.payload,
    spec.attachmentName,
    createdAt,
    `gomme ${spec.kind} certificate ${spec.certificateId}`,
  );
  const pdf = await endAndSign(doc, options.identity, {
    name: organisation,
    reason: `${label('signatureReason', lang)} ${spec.certificateId}`,
    location: config.organisation.address ?? spec.organisation.address ?? '',
    contactInfo: config.organisation.contact ?? '',
  });
  return { certificateId: spec.certificateId, kind: spec.kind, pdf, payloadSha256: spec.payloadSha256 };
}
