import { eventPayload } from './events/event-types.js';
import type { AssetRegistry } from './asset-registry.js';
import type { Leg } from './ledger.types.js';
import type { EntryRow, StagedPosting } from './store/staged-posting.js';
import { isSystemOwner } from './system-accounts.js';
import { entryView } from './transaction-view.js';

/**
 * The stored `transaction.committed` event of a posting about to be staged: its entries as
 * GET /transactions/{id} and the export show them (entryView), in leg order, which is the order
 * the entries are written in.
 */
export function transactionCommittedEvent(assets: AssetRegistry, transaction: StagedPosting['transaction'], legs: readonly Leg[], entries: readonly EntryRow[]): string {
  return eventPayload('transaction.committed', transaction.createdAt, {
    transactionId: transaction.id,
    kind: transaction.kind,
    action: transaction.action,
    ...(transaction.reverses === undefined ? {} : { reverses: transaction.reverses }),
    entries: entries.map((entry, i) =>
      entryView(assets, {
        owner_id: legs[i].ownerId,
        owner_kind: isSystemOwner(legs[i].ownerId) ? 'system' : 'user',
        asset: entry.asset,
        amount: entry.amount,
        balance_after: entry.balanceAfter,
        type: entry.type,
        entry_action: entry.action,
      }),
    ),
  });
}
