/**
 * The hub's schema, as numbered migrations run at start (hub/db/migrate.ts), the same on PostgreSQL and the
 * embedded PGlite. Never edit a released migration: add the next number. The staff web UI adds its own
 * (sessions…) after these.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'stations, trust, signed uploads, records, certificates, rejects, staff',
    sql: `
      -- Organisation roots whose stations this hub accepts: its own CA (own = true) and the network's members.
      CREATE TABLE organisations (
        org_id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name            text NOT NULL,
        fingerprint256  text NOT NULL UNIQUE,
        certificate_pem text NOT NULL,
        own             boolean NOT NULL DEFAULT false,
        added_at        timestamptz NOT NULL DEFAULT now()
      );

      -- Stations enrolled here (their certificate, issued by the hub's organisation CA).
      CREATE TABLE stations (
        station_id      integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name            text NOT NULL,
        fingerprint256  text NOT NULL UNIQUE,
        serial_number   text NOT NULL,
        certificate_pem text NOT NULL,
        enrolled_at     timestamptz NOT NULL DEFAULT now(),
        last_seen_at    timestamptz
      );

      -- One-time enrolment codes, stored as their SHA-256 (the code itself is only ever printed once).
      CREATE TABLE enrolment_codes (
        code_sha256 text PRIMARY KEY,
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        uses_left   integer NOT NULL CHECK (uses_left >= 0),
        created_by  text
      );

      -- A certificate (station or organisation) withdrawn at a date: what reached the hub from then on counts
      -- as revoked.
      CREATE TABLE revocations (
        fingerprint256 text PRIMARY KEY,
        revoked_at     timestamptz NOT NULL,
        reason         text,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        recorded_by    text
      );

      -- Each signed push: the manifest (SHA-256 of every item) and the station's detached CMS over it.
      CREATE TABLE manifests (
        manifest_sha256       text PRIMARY KEY,
        manifest              text NOT NULL,
        signature             bytea NOT NULL,
        signer_fingerprint256 text NOT NULL,
        chain_fingerprints    text[] NOT NULL,
        station_id            integer REFERENCES stations,
        received_at           timestamptz NOT NULL DEFAULT now()
      );

      -- Erasure records, byte for byte as signed (canonical JSON), and parsed for queries.
      CREATE TABLE records (
        record_id       text PRIMARY KEY,
        sha256          text NOT NULL,
        canonical       text NOT NULL,
        record          jsonb NOT NULL,
        manifest_sha256 text NOT NULL REFERENCES manifests,
        station_id      integer REFERENCES stations,
        organisation    text,
        lot_id          text,
        completed_at    timestamptz NOT NULL,
        result          text NOT NULL,
        machine_serial  text,
        drive_count     integer NOT NULL,
        received_at     timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX records_lot ON records (lot_id);
      CREATE INDEX records_completed ON records (completed_at);
      CREATE INDEX records_station ON records (station_id);

      -- Signed PDFs, several per certificate ID (languages, renderings): keyed by their own SHA-256.
      CREATE TABLE certificates (
        pdf_sha256            text PRIMARY KEY,
        certificate_id        text NOT NULL,
        kind                  text NOT NULL CHECK (kind IN ('drive', 'machine', 'lot')),
        record_id             text REFERENCES records,
        lot_id                text,
        payload_sha256        text NOT NULL,
        pdf                   bytea NOT NULL,
        bytes                 integer NOT NULL,
        signed_at             timestamptz,
        signer_fingerprint256 text NOT NULL,
        chain_fingerprints    text[] NOT NULL,
        station_id            integer REFERENCES stations,
        received_at           timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX certificates_id ON certificates (certificate_id);
      CREATE INDEX certificates_record ON certificates (record_id);

      -- Diagnostics reports and capture bundles a station sent.
      CREATE TABLE station_files (
        sha256          text PRIMARY KEY,
        kind            text NOT NULL CHECK (kind IN ('diagnostics', 'capture')),
        name            text NOT NULL,
        content         bytea NOT NULL,
        bytes           integer NOT NULL,
        manifest_sha256 text NOT NULL REFERENCES manifests,
        station_id      integer REFERENCES stations,
        received_at     timestamptz NOT NULL DEFAULT now()
      );

      -- Every refused upload, with its reason, for the admins.
      CREATE TABLE rejects (
        reject_id  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at         timestamptz NOT NULL DEFAULT now(),
        client     text,
        route      text NOT NULL,
        status     integer NOT NULL,
        code       text NOT NULL,
        reason_fr  text NOT NULL,
        reason_en  text NOT NULL,
        signer_fingerprint256 text,
        ref        text
      );
      CREATE INDEX rejects_at ON rejects (at);

      -- Staff accounts (the web UI's login); passwords as scrypt hashes.
      CREATE TABLE users (
        user_id       integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name          text NOT NULL UNIQUE,
        role          text NOT NULL CHECK (role IN ('admin', 'technician', 'viewer')),
        password_hash text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        disabled_at   timestamptz
      );
    `,
  },
  {
    version: 2,
    name: 'staff sessions, hub-signed lot certificates, diagnostics linked to machines',
    sql: `
      -- Staff sessions of the web UI: the cookie's SHA-256 (the cookie itself is never stored), the CSRF token
      -- every form carries, an idle expiry.
      CREATE TABLE sessions (
        session_sha256 text PRIMARY KEY,
        user_id        integer NOT NULL REFERENCES users ON DELETE CASCADE,
        csrf_token     text NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        expires_at     timestamptz NOT NULL
      );
      CREATE INDEX sessions_expires ON sessions (expires_at);

      -- Lot certificates the hub signed with the organisation key, and the donor's share link token.
      CREATE TABLE lot_certificates (
        certificate_id text PRIMARY KEY,
        lot_id         text NOT NULL,
        pdf_sha256     text NOT NULL REFERENCES certificates,
        share_token    text NOT NULL UNIQUE,
        record_count   integer NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        created_by     text
      );
      CREATE INDEX lot_certificates_lot ON lot_certificates (lot_id);

      -- A diagnostics report (gomme-diag JSON) names its machine: kept as columns to find it from a record.
      ALTER TABLE station_files ADD COLUMN machine_serial text, ADD COLUMN machine_uuid text,
        ADD COLUMN form_factor text, ADD COLUMN grade text, ADD COLUMN cosmetic text;
      CREATE INDEX station_files_machine ON station_files (machine_serial);
      CREATE INDEX records_machine ON records (machine_serial);
    `,
  },
  {
    version: 3,
    name: 'what the verification page shows of a record, kept beside it',
    sql: `
      -- The public page is the hub's busiest read: the fields it shows are picked from the record once, when
      -- it is stored, instead of detoasting the whole record several times per page (half PostgreSQL's time
      -- per page, measured with pgbench). A function of the record alone, so a stored generated column
      -- (PostgreSQL 12 and later).
      CREATE FUNCTION record_public_facts(doc jsonb) RETURNS jsonb
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT jsonb_build_object(
          'result', doc->'result', 'completedAt', doc->'completedAt',
          'organisation', doc->'organisation'->'name',
          'vendor', doc->'machine'->'vendor', 'model', doc->'machine'->'model',
          'drives', coalesce((SELECT jsonb_agg(jsonb_build_object('index', d->'index', 'model', d->'model',
              'serial', d->'serial', 'sizeBytes', d->'sizeBytes',
              'methodLabel', d->'sanitization'->'methodLabel', 'nistLevel', d->'sanitization'->'nistLevel',
              'result', d->'result', 'finishedAt', d->'finishedAt') ORDER BY n)
            FROM jsonb_array_elements(doc->'drives') WITH ORDINALITY AS e(d, n)), '[]'::jsonb))
      $$;
      ALTER TABLE records ADD COLUMN public_facts jsonb GENERATED ALWAYS AS (record_public_facts(record)) STORED;
    `,
  },
];
