import { useState } from 'react';
import { api, BO, unwrap } from '../api';
import { Amount, DataTable, ErrorBox, formatTime, Pager, TransactionLink } from '../components';
import { ExportRange } from '../exports';
import { useCoalesced, useLoad } from '../hooks';
import { useLiveTransactions } from '../live';
import { hrefOf } from '../router';

/** The ledger check, what users hold per asset, and the latest transactions (live). */
export function Overview() {
  const check = useLoad(() => unwrap(api.GET(`${BO}/ledger/check`)), []);
  const totals = useLoad(() => unwrap(api.GET(`${BO}/assets`)), []);
  const [page, setPage] = useState(1);
  const latest = useLoad(() => unwrap(api.GET(`${BO}/transactions`, { params: { query: { page, per_page: 20 } } })), [page]);
  const [fresh, setFresh] = useState<Set<string>>(new Set());

  const refresh = useCoalesced(() => {
    latest.reload();
    totals.reload();
  }, 250);
  useLiveTransactions((transaction) => {
    setFresh((previous) => new Set([...previous, transaction.transactionId].slice(-50)));
    refresh();
  });

  return (
    <>
      <h1>Overview</h1>
      <section aria-labelledby="check-title">
        <h2 id="check-title">Ledger check</h2>
        <ErrorBox error={check.error} />
        {check.data ? (
          <div data-testid="ledger-check">
            <p className={check.data.ok ? 'ok' : 'error'}>{check.data.ok ? 'OK: every invariant holds' : 'FAILED'}</p>
            <p>
              {check.data.counts.transactions} transactions, {check.data.counts.entries} entries, {check.data.counts.accounts} accounts
            </p>
            {check.data.failures.length > 0 ? (
              <ul className="error">
                {check.data.failures.map((f, i) => (
                  <li key={i}>
                    {f.rule}: {f.detail}
                  </li>
                ))}
              </ul>
            ) : null}
            <button type="button" className="secondary outline" onClick={check.reload} aria-busy={check.loading}>
              Check again
            </button>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="assets-title">
        <h2 id="assets-title">Held by users</h2>
        <ErrorBox error={totals.error} />
        {totals.data ? (
          <DataTable
            testId="asset-totals"
            head={
              <>
                <th>Asset</th>
                <th className="num">Accounts</th>
                <th className="num">Amount</th>
                <th className="num">Locked</th>
                <th className="num">Rate</th>
                <th className="num">Value in {totals.data.rootAsset}</th>
              </>
            }
            foot={
              <tr>
                <th colSpan={5}>Total</th>
                <th className="num">
                  <Amount value={totals.data.totalFundsInRootAsset} />
                </th>
              </tr>
            }
          >
            {totals.data.assets.map((a) => (
              <tr key={a.asset} data-asset={a.asset}>
                <td>{a.asset}</td>
                <td className="num">{a.accounts}</td>
                <td className="num">
                  <Amount value={a.amount} />
                </td>
                <td className="num">
                  <Amount value={a.locked} />
                </td>
                <td className="num">{a.rate ?? <span className="muted">unquoted</span>}</td>
                <td className="num">
                  <Amount value={a.fundsInRootAsset} />
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>

      <section aria-labelledby="latest-title">
        <h2 id="latest-title">Latest transactions</h2>
        <ErrorBox error={latest.error} />
        {latest.data ? (
          <>
            <DataTable
              testId="latest-transactions"
              head={
                <>
                  <th>Time</th>
                  <th>Transaction</th>
                  <th>User</th>
                  <th>Action</th>
                  <th>Asset</th>
                  <th className="num">Amount</th>
                  <th className="num">Balance after</th>
                </>
              }
            >
              {latest.data.data.map((e) => (
                <tr key={e.entryId} className={fresh.has(e.transactionId) ? 'fresh' : undefined}>
                  <td>{formatTime(e.createdAt)}</td>
                  <td>
                    <TransactionLink id={e.transactionId} />
                  </td>
                  <td>
                    <a href={hrefOf('users', e.userId)}>{e.userId}</a>
                  </td>
                  <td>{e.action}</td>
                  <td>{e.asset}</td>
                  <td className="num">
                    <Amount value={e.amount} />
                  </td>
                  <td className="num">
                    <Amount value={e.balanceAfter} />
                  </td>
                </tr>
              ))}
            </DataTable>
            <Pager label="Transactions" page={page} perPage={latest.data.paging.per_page} total={latest.data.paging.total} onPage={setPage} />
          </>
        ) : null}
        <h3>Export between dates (all users)</h3>
        <ExportRange />
      </section>
    </>
  );
}
