import { afterAll, describe, expect, it } from 'vitest';
import {
  createOrganisationCa,
  generateStationKey,
  issueStationCertificate,
} from '../../certificates/keys/station.js';
import { loadIdentity, type SigningIdentity } from '../../certificates/keys/store.js';
import { certificateEnvWith } from '../../certificates/open-env.js';
import { canonicalJson } from '../../certificates/record/canonical-json.js';
import { renderRecordCertificates } from '../../certificates/render-certificate.js';
import type { OutboxItem } from '../../core/journal/index.js';
import { runAdmin } from '../../hub/index.js';
import { buildPush } from '../../session/hub/build-push.js';
import { PUSH_FORMAT } from '../../session/hub/wire.js';
import {
  DB_KINDS,
  enrolmentCode,
  enrolTestStation,
  machineRecord,
  removeTempDirs,
  testHub,
} from './helpers.js';

afterAll(removeTempDirs);

const item = (kind: OutboxItem['kind'], ref: string): OutboxItem => ({
  itemId: 0,
  kind,
  ref,
  path: null,
  sha256: '',
  bytes: null,
  createdAt: '',
  attempts: 0,
  nextAttemptAt: '',
  lastAttemptAt: null,
  lastError: null,
  acknowledgedSha256: null,
  acknowledgedAt: null,
});
const recordPush = (identity: SigningIdentity, json: string, ref: string) =>
  buildPush([{ item: item('record', ref), bytes: Buffer.from(json) }], identity, new Date());

/** 30 malformed or hostile uploads: each refused with its status and code, and the hub keeps serving. */
describe.each(DB_KINDS)('hostile uploads (%s)', (kind) => {
  it('refuses each with its code and keeps serving', async () => {
    const hub = await testHub(kind);
    try {
      const station = await enrolTestStation(hub.url, await enrolmentCode(hub, 2), 'poste-1');
      const identity = loadIdentity(station.dataDir, undefined);
      const [good] = station.commit(1);
      const goodJson = canonicalJson(good);
      const pdfs = await renderRecordCertificates(
        certificateEnvWith(station.journal, identity, 'fr'),
        good!.recordId,
      );
      const pdf = (await import('node:fs')).readFileSync(pdfs[0]!.path);
      const pdfId = pdfs[0]!.certificateId;
      const revoked = await enrolTestStation(hub.url, await enrolmentCode(hub), 'poste-revoque');
      await runAdmin(
        { dataDir: hub.dataDir, databaseUrl: hub.databaseUrl },
        { op: 'revoke', station: 'poste-revoque' },
      );
      hub.deps.trust.invalidate();
      const stranger = createOrganisationCa({ organisation: 'Inconnus' });
      const strangerKey = generateStationKey();
      const strangerIdentity: SigningIdentity = {
        privateKey: strangerKey.privateKey,
        ...issueStationCertificate(stranger, strangerKey.publicKey, {
          stationName: 'x',
          validity: { days: 30 },
        }),
      };
      const other = machineRecord('poste-1', 99);
      const envelope = recordPush(identity, goodJson, good!.recordId);

      const json = (body: unknown) => ({ body: JSON.stringify(body), type: 'application/json' });
      const cases: Array<
        [string, string, { body: string | Buffer; type: string; method?: string }, number, string?]
      > = [
        [
          'truncated JSON',
          '/api/v1/push',
          { body: '{"format":"gomme.push/1","manifest":"', type: 'application/json' },
          400,
        ],
        ['empty body', '/api/v1/push', { body: '', type: 'application/json' }, 400],
        ['JSON array', '/api/v1/push', json([1, 2]), 400, 'malformed'],
        ['wrong format', '/api/v1/push', json({ ...envelope, format: 'gomme.push/9' }), 400, 'malformed'],
        ['text/plain', '/api/v1/push', { body: 'hello', type: 'text/plain' }, 400, 'malformed'],
        [
          'prototype pollution',
          '/api/v1/push',
          { body: '{"__proto__":{"x":1}}', type: 'application/json' },
          400,
        ],
        ['manifest not JSON', '/api/v1/push', json({ ...envelope, manifest: 'nope' }), 400, 'malformed'],
        [
          'manifest not canonical',
          '/api/v1/push',
          json({ ...envelope, manifest: ` ${envelope.manifest}` }),
          400,
          'malformed',
        ],
        ['signature not base64', '/api/v1/push', json({ ...envelope, signature: '@@@' }), 400, 'malformed'],
        [
          'signature garbage',
          '/api/v1/push',
          json({ ...envelope, signature: Buffer.from('garbage').toString('base64') }),
          422,
          'signature-unreadable',
        ],
        [
          'record changed after signing',
          '/api/v1/push',
          json({ ...envelope, records: { [good!.recordId]: goodJson.replace('"ERASED"', '"FAILED"') } }),
          422,
          'tampered',
        ],
        [
          'manifest of another push',
          '/api/v1/push',
          json({
            ...envelope,
            manifest: recordPush(identity, canonicalJson(other), other.recordId).manifest,
          }),
          422,
          'tampered',
        ],
        [
          'unknown organisation',
          '/api/v1/push',
          json(recordPush(strangerIdentity, goodJson, good!.recordId)),
          403,
          'unknown-signer',
        ],
        [
          'revoked station',
          '/api/v1/push',
          json(recordPush(loadIdentity(revoked.dataDir, undefined), goodJson, good!.recordId)),
          403,
          'revoked',
        ],
        [
          'unsigned extra record',
          '/api/v1/push',
          json({ ...envelope, records: { ...envelope.records, [other.recordId]: canonicalJson(other) } }),
          422,
          'unsigned-item',
        ],
        [
          'signed but not a record',
          '/api/v1/push',
          json(recordPush(identity, '{"schema":"gomme.erasure-record/1"}', good!.recordId)),
          422,
          'record-invalid',
        ],
        [
          'signed, not canonical',
          '/api/v1/push',
          json(recordPush(identity, JSON.stringify(good), good!.recordId)),
          422,
          'record-invalid',
        ],
        [
          'record ID differs',
          '/api/v1/push',
          json(recordPush(identity, goodJson, other.recordId)),
          422,
          'record-invalid',
        ],
        [
          'path in a ref',
          '/api/v1/push',
          json(recordPush(identity, goodJson, '../../etc/passwd')),
          400,
          'malformed',
        ],
        [
          'absolute path file',
          '/api/v1/push',
          json(
            buildPush(
              [{ item: item('capture', '/etc/shadow'), bytes: Buffer.from('x') }],
              identity,
              new Date(),
            ),
          ),
          400,
          'malformed',
        ],
        ['record missing from body', '/api/v1/push', json({ ...envelope, records: {} }), 400, 'missing-item'],
        [
          '100 MB body',
          '/api/v1/push',
          { body: Buffer.alloc(100 * 1024 * 1024, 0x20), type: 'application/json' },
          413,
        ],
        [
          'PDF with an incremental update',
          `/api/v1/certificates/${pdfId}/pdf`,
          {
            method: 'PUT',
            body: Buffer.concat([pdf, Buffer.from('\n1 0 obj\n<<>>\nendobj\n%%EOF\n')]),
            type: 'application/pdf',
          },
          422,
          'tampered',
        ],
        [
          'not a PDF',
          `/api/v1/certificates/${pdfId}/pdf`,
          { method: 'PUT', body: Buffer.from('hello'), type: 'application/pdf' },
          400,
          'pdf-unreadable',
        ],
        [
          'PDF cut short',
          `/api/v1/certificates/${pdfId}/pdf`,
          { method: 'PUT', body: pdf.subarray(0, pdf.length / 2), type: 'application/pdf' },
          400,
          'pdf-unreadable',
        ],
        [
          'PDF under another ID',
          `/api/v1/certificates/${good!.recordId}-M/pdf`,
          { method: 'PUT', body: pdf, type: 'application/pdf' },
          422,
          'id-mismatch',
        ],
        [
          'path as a certificate ID',
          '/api/v1/certificates/..%2F..%2Fetc%2Fpasswd/pdf',
          { method: 'PUT', body: pdf, type: 'application/pdf' },
          400,
          'malformed',
        ],
        [
          'PDF before its record',
          `/api/v1/certificates/${pdfId}/pdf`,
          { method: 'PUT', body: pdf, type: 'application/pdf' },
          409,
          'record-missing',
        ],
        [
          'PDF sent as JSON',
          `/api/v1/certificates/${pdfId}/pdf`,
          { method: 'PUT', body: '{}', type: 'application/json' },
          415,
        ],
        [
          'wrong enrolment code',
          '/api/v1/enrol',
          json({ code: 'AAAA-AAAA', csr: 'x', stationName: 'x' }),
          403,
          'enrolment-code',
        ],
        [
          'enrolment with a broken CSR',
          '/api/v1/enrol',
          json({ code: 'placeholder', csr: 'not a csr', stationName: 'x' }),
          400,
          'csr-invalid',
        ],
      ];
      expect(cases.length).toBeGreaterThanOrEqual(30);
      const got: Array<[string, number, string | null]> = [];
      const expected: Array<[string, number, string | null]> = [];
      for (const [name, path, request, status, code] of cases) {
        let body = request.body;
        if (name === 'enrolment with a broken CSR')
          body = JSON.stringify({ code: await enrolmentCode(hub), csr: 'not a csr', stationName: 'x' });
        const response = await fetch(`${hub.url}${path}`, {
          method: request.method ?? 'POST',
          headers: { 'content-type': request.type },
          body,
          signal: AbortSignal.timeout(60_000),
        });
        const answer = (await response.json().catch(() => ({}))) as {
          error?: { code: string };
          results?: Array<{ code?: string }>;
        };
        got.push([name, response.status, answer.error?.code ?? answer.results?.[0]?.code ?? null]);
        expected.push([name, status, code ?? answer.error?.code ?? answer.results?.[0]?.code ?? null]);
      }
      expect(got).toEqual(expected);
      // Still serving: the genuine record and its PDFs go through.
      expect(await station.push()).toMatchObject({ pending: 0, rejected: [] });
      expect((await fetch(`${hub.url}/health`)).status).toBe(200);
      const rejects = (await runAdmin(
        { dataDir: hub.dataDir, databaseUrl: hub.databaseUrl },
        { op: 'rejects' },
      )) as {
        rejects: unknown[];
      };
      expect(rejects.rejects.length).toBeGreaterThanOrEqual(cases.length - 2);
      expect(PUSH_FORMAT).toBe('gomme.push/1');
      station.close();
      revoked.close();
    } finally {
      await hub.close();
    }
  });
});
