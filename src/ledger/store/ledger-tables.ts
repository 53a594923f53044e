import { sharedTxOf } from '../../database/shared-tx.js';
import type { Reader, Row } from '../../database/tx.js';

/**
 * Every statement of the store on the ledger's tables, except the PostingBuffer's own, is sent
 * through here (group-commit.md, "Rules for code above this layer"). In a transaction shared by a
 * group commit the batch's PostingBuffer holds postings back: they are written first, so the
 * statement sees them, and the buffer reads again whatever the statement may change (it forgets
 * the accounts and freezes it held). Elsewhere (a unit alone, a read outside a unit of work)
 * nothing is held back, and this costs one lookup.
 */
export async function onLedgerTables<T extends object = Row>(connection: Reader, sql: string, params: unknown[] = []): Promise<T[]> {
  await flushStagedPostings(connection);
  return connection.query<T>(sql, params);
}

/** Runs the postings held back in this connection's shared transaction, if it is in one. */
async function flushStagedPostings(connection: Reader): Promise<void> {
  await sharedTxOf(connection)?.flush();
}
