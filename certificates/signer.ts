import type { X509Certificate } from 'node:crypto';

/**
 * The organisation (O=) of a signing certificate, read from the parsed subject, never from its text form
 * (where commas, quotes and line breaks are escaped).
 */
export function signerOrganisation(certificate: X509Certificate): string | null {
  const subject = (
    certificate.toLegacyObject() as { subject?: Record<string, string | string[] | undefined> }
  ).subject;
  const value = subject?.O;
  const first = Array.isArray(value) ? value[0] : value;
  return first && first.trim() !== '' ? first : null;
}
