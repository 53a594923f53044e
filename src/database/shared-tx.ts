import type { Reader, SharedTx, Tx } from './tx.js';

/** The SharedTx of each unit of work in a batch, found by its Tx or its reader. */
const sharedTxs = new WeakMap<Reader, SharedTx>();

/** The unit's place in a shared transaction, or undefined when the transaction is its own. */
export function sharedTxOf(connection: Tx | Reader): SharedTx | undefined {
  return sharedTxs.get(connection);
}

/** Called by the group commit for the Tx and the reader it hands one unit of work. */
export function registerSharedTx(shared: SharedTx, ...connections: Reader[]): void {
  for (const connection of connections) sharedTxs.set(connection, shared);
}
