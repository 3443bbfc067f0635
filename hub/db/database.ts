/**
 * The hub's one database interface, over PostgreSQL (a network's server, through `pg`) or the embedded
 * default (PGlite: PostgreSQL compiled to WebAssembly, in a folder). The same SQL and the same migrations run
 * on both; nothing outside hub/db and hub/store writes SQL.
 */
export interface Sql {
  /** Runs one statement with $1… parameters; returns its rows. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Database extends Sql {
  readonly kind: 'postgres' | 'embedded';
  /** Where it is, without any password: for logs and `gomme hub serve`'s first line. */
  readonly description: string;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Resolves once the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** bytea comes back as a Buffer from `pg` and a Uint8Array from PGlite: one shape for the rest of the hub. */
export function asBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError(`expected bytea, got ${typeof value}`);
}
