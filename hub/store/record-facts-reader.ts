import DataLoader from 'dataloader';
import type { Sql } from '../db/database.js';
import { type FactsKey, type RecordFacts, recordFactsOf } from './lookup.js';

/** Reads one certificate's record facts; concurrent reads share a query. */
export type RecordFactsReader = (key: FactsKey) => Promise<RecordFacts | null>;

/**
 * The verification page's reads, gathered: every page asked for in the same turn of the event loop (the
 * requests that arrived together) is read in one query. Measured on the 2-core bench, a query's fixed cost
 * (waking a PostgreSQL backend, writing to its socket) was most of the hub's CPU per page; alone, a page waits
 * for nothing more than the next turn. Nothing is cached: a revocation shows on the next read.
 */
export function recordFactsReader(sql: Sql): RecordFactsReader {
  const loader = new DataLoader<FactsKey, RecordFacts | null>((keys) => recordFactsOf(sql, keys), {
    cache: false,
    maxBatchSize: 64,
    batchScheduleFn: (flush) => setImmediate(flush),
  });
  return (key) => loader.load(key);
}
