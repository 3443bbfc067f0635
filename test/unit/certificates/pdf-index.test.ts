import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PdfIndex } from '../../../certificates/verify/pdf-index.js';
import { embeddedFile, infoString, readString } from '../../../certificates/verify/pdf-objects.js';

const pdf = (body: string) => new PdfIndex(Buffer.from(`%PDF-1.7\n${body}\n%%EOF\n`, 'latin1'));

describe('PdfIndex', () => {
  it('resolves an indirect /Length (the object may come after the stream) and inflates the data', () => {
    const data = deflateSync(Buffer.from('{"a":1}')).toString('latin1');
    const index = pdf(
      `5 0 obj\n<< /Type /EmbeddedFile /Filter /FlateDecode /Length 6 0 R >>\nstream\n${data}\nendstream\nendobj\n6 0 obj\n${data.length}\nendobj`,
    );
    expect(embeddedFile(index)?.toString()).toBe('{"a":1}');
  });

  it('takes a direct /Length as the data length even when the data holds "endstream"', () => {
    const data = 'x endstream endobj 9 0 obj';
    const index = pdf(
      `5 0 obj\n<< /Type /EmbeddedFile /Length ${data.length} >>\nstream\n${data}\nendstream\nendobj`,
    );
    expect(embeddedFile(index)?.toString()).toBe(data);
    expect(index.object(9)).toBeNull();
  });

  it('reads Info strings direct, indirect, hex and escaped; the last definition of an object wins', () => {
    const index = pdf(
      '1 0 obj\n<< /A (x\\(y\\)z\\101) /B 2 0 R /C <474F> >>\nendobj\n2 0 obj\n(old)\nendobj\n2 0 obj\n(new)\nendobj',
    );
    expect(infoString(index, 'A')).toBe('x(y)zA');
    expect(infoString(index, 'B')).toBe('new');
    expect(infoString(index, 'C')).toBe('GO');
    expect(infoString(index, 'D')).toBeNull();
  });

  it('reads members of an object stream', () => {
    const members = '<< /GommeCertificateId (GR-1) >> (two)';
    const header = '3 0 4 33 ';
    const data = deflateSync(Buffer.from(header + members)).toString('latin1');
    const index = pdf(
      `7 0 obj\n<< /Type /ObjStm /N 2 /First ${header.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n${data}\nendstream\nendobj`,
    );
    expect(infoString(index, 'GommeCertificateId')).toBe('GR-1');
    expect(index.object(4)?.body.trim()).toBe('(two)');
  });

  it('gives up on unterminated strings instead of reading on', () => {
    expect(readString('(never closed')).toBeNull();
    expect(readString(`(${'a'.repeat(10_000)})`)).toBeNull();
  });
});
