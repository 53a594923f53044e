import { useState, type FormEvent } from 'react';
import { api, BO, unwrap } from './api';
import type { components } from './api/schema';
import { ErrorBox } from './components';
import { csvOf, textCell } from './csv';
import { saveFile } from './download';
import { useAction } from './hooks';
import { localZone, zonedInstant } from './zone';

/** The header of the service's CSV export: a page saved here and an export open in the same sheet. */
const EXPORT_HEADER = ['transaction_id', 'created_at', 'kind', 'action', 'user_id', 'account', 'asset', 'amount', 'type', 'balance_after', 'comment', 'reverses'] as const;

type Entry = components['schemas']['Entry'];

const commentOf = (entry: Entry) => (typeof entry.metadata.comment === 'string' ? entry.metadata.comment : '');

/** Saves a user's history rows on screen (this page, these filters) as the export would write them. */
export function saveEntriesCsv(userId: string, entries: Entry[], name: string): void {
  const rows = entries.map((e) => [e.transactionId, e.createdAt, textCell(e.kind), textCell(e.action), userId, userId, e.asset, e.amount, e.type, e.balanceAfter, textCell(commentOf(e)), e.reverses ?? '']);
  saveFile(new Blob([csvOf(EXPORT_HEADER, rows)], { type: 'text/csv;charset=utf-8' }), name);
}

/**
 * Everything between two dates, streamed by the service (GET /transactions/export) and saved as
 * a file. The dates are days in the browser's zone, which the form names, with the instants they
 * stand for in UTC.
 */
export function ExportRange({ userId }: { userId?: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const download = useAction();
  const fromAt = zonedInstant(from);
  const toAt = zonedInstant(to);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!fromAt || !toAt || download.busy) return;
    const query = { format: 'csv' as const, from: fromAt.rfc3339, to: toAt.rfc3339, ...(userId ? { userId } : {}) };
    void download.run(async () => {
      const file = await unwrap(api.GET(`${BO}/transactions/export`, { params: { query }, parseAs: 'blob' }));
      saveFile(file, `ledger${userId ? `-${userId}` : ''}-${from}-to-${to}.csv`);
    });
  };
  const zone = localZone();
  return (
    <form onSubmit={submit} className="inline-form" aria-label="Export between dates">
      <label htmlFor="export-from">
        From (start of day, {zone})
        <input id="export-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
      </label>
      <label htmlFor="export-to">
        To, exclusive (start of day, {zone})
        <input id="export-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
      </label>
      <button type="submit" aria-busy={download.busy}>
        Download CSV
      </button>
      {fromAt && toAt ? (
        <p className="span-all" data-testid="export-range">
          From {fromAt.described} to {toAt.described}
        </p>
      ) : null}
      <ErrorBox error={download.error} />
    </form>
  );
}
