import { useState } from 'react';
import { api, BO, unwrap } from '../api';
import type { components } from '../api/schema';
import { Amount, DataTable, ErrorBox, Pager, TotalInRoot, TransactionLink, ZonedTime } from '../components';
import { ExportRange } from '../exports';
import { useAction, useCoalesced, useLoad } from '../hooks';
import { useLiveTransactions } from '../live';
import { hrefOf, pageOf, useHashState } from '../router';

/** What users hold per asset, the latest transactions (live, page in the URL), and the ledger check on demand. */
export function Overview() {
  const totals = useLoad(() => unwrap(api.GET(`${BO}/assets`)), []);
  const [state, setState] = useHashState({ page: '1' });
  const page = pageOf(state.page);
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
                <th className="num" data-testid="overview-total">
                  <TotalInRoot total={totals.data.totalFundsInRootAsset} rootAsset={totals.data.rootAsset} unquoted={totals.data.assets.filter((a) => a.rate === null && a.amount !== '0').map((a) => a.asset)} />
                </th>
              </tr>
            }
          >
            {totals.data.assets.map((a) => (
              <tr key={a.asset} data-asset={a.asset}>
                <td>{a.asset}</td>
                <td className="num">{a.accounts}</td>
                <td className="num">
                  <Amount value={a.amount} asset={a.asset} />
                </td>
                <td className="num">
                  <Amount value={a.locked} asset={a.asset} />
                </td>
                <td className="num">{a.rate === null ? <span className="muted">unquoted</span> : <Amount value={a.rate} />}</td>
                <td className="num">{a.fundsInRootAsset === null ? <span className="muted">no rate</span> : <Amount value={a.fundsInRootAsset} asset={totals.data?.rootAsset} />}</td>
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
              busy={latest.loading}
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
                  <td>
                    <ZonedTime iso={e.createdAt} />
                  </td>
                  <td>
                    <TransactionLink id={e.transactionId} />
                  </td>
                  <td>
                    <a href={hrefOf('users', e.userId)}>{e.userId}</a>
                  </td>
                  <td>{e.action}</td>
                  <td>{e.asset}</td>
                  <td className="num">
                    <Amount value={e.amount} asset={e.asset} />
                  </td>
                  <td className="num">
                    <Amount value={e.balanceAfter} asset={e.asset} />
                  </td>
                </tr>
              ))}
            </DataTable>
            <Pager label="Transactions" page={latest.data.paging.page} perPage={latest.data.paging.per_page} total={latest.data.paging.total} loading={latest.loading} onPage={(p) => setState({ page: String(p) })} />
          </>
        ) : null}
        <h3>Export between dates (all users)</h3>
        <ExportRange />
      </section>
      <LedgerCheck />
    </>
  );
}

type Check = components['schemas']['LedgerCheck'];

/**
 * The full ledger check reads every entry, so it runs when the operator asks for it, not on
 * every visit of the overview.
 */
function LedgerCheck() {
  const [result, setResult] = useState<{ check: Check; at: string } | null>(null);
  const running = useAction();
  const run = () =>
    void running.run(async () => {
      const check = await unwrap(api.GET(`${BO}/ledger/check`));
      setResult({ check, at: new Date().toISOString() });
    });
  return (
    <section aria-labelledby="check-title">
      <h2 id="check-title">Ledger check</h2>
      <p className="muted">Reads every entry and the audit chain: run it when you need it.</p>
      <button type="button" className="secondary" onClick={run} disabled={running.busy} aria-busy={running.busy}>
        {result ? 'Run the check again' : 'Run the ledger check'}
      </button>
      <ErrorBox error={running.error} />
      {result ? (
        <div data-testid="ledger-check" aria-live="polite">
          <p className={result.check.ok ? 'ok' : 'error'}>{result.check.ok ? 'OK: every invariant holds' : 'FAILED'}</p>
          <p>
            {result.check.counts.transactions} transactions, {result.check.counts.entries} entries, {result.check.counts.accounts} accounts, checked at <ZonedTime iso={result.at} />
          </p>
          {result.check.failures.length > 0 ? (
            <ul className="error">
              {result.check.failures.map((f, i) => (
                <li key={i}>
                  {f.rule}: {f.detail}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
