import { useState, type FormEvent } from 'react';
import { api, BO, newIdempotencyKey, unwrap } from '../api';
import type { components } from '../api/schema';
import { StepChart } from '../chart';
import { Amount, AssetSelect, BALANCE_HEADS, BalanceCells, ConfirmDialog, DataTable, DecimalInput, Details, ErrorBox, Pager, TotalInRoot, TransactionLink, ZonedTime } from '../components';
import { ExportRange, saveEntriesCsv } from '../exports';
import { useAction, useCoalesced, useLoad } from '../hooks';
import { useLiveTransactions } from '../live';
import { isNegative } from '../money';
import { pageOf, useHashState } from '../router';
import { settingsOf } from '../settings';
import { localZone, zonedInstant } from '../zone';
import { BalancesAtPanel } from './BalancesAtPanel';
import { FreezePanel, frozenLabel } from './FreezePanel';

type Confirmation = { title: string; body: string; confirmLabel: string; run: (key: string) => Promise<unknown>; key: string; done?: () => void };

type User = components['schemas']['User'];

/**
 * One user. The user is read first: an unknown user (or any refusal) is one message, with no
 * balances or money forms for an account that is not there.
 */
export function UserPage({ userId }: { userId: string }) {
  const user = useLoad(() => unwrap(api.GET(`${BO}/user/{userId}`, { params: { path: { userId } } })), [userId]);
  if (user.data) return <UserDetails userId={userId} user={user.data} reloadUser={user.reload} />;
  return (
    <>
      <h1>
        User <code>{userId}</code>
      </h1>
      <ErrorBox error={user.error} />
      {user.error ? null : <p aria-busy="true">Loading…</p>}
    </>
  );
}

/** A known user: balances, holds, history with a chart, adjustments, token actions and subscriptions. */
function UserDetails({ userId, user, reloadUser }: { userId: string; user: User; reloadUser: () => void }) {
  const path = { userId };
  const settings = useLoad(settingsOf, []);
  const balances = useLoad(async () => (await unwrap(api.POST(`${BO}/balances`, { body: { userIds: [userId] } }))).data[0], [userId]);
  const assets = useLoad(() => unwrap(api.GET(`${BO}/assets`)), []);
  const holds = useLoad(() => unwrap(api.GET(`${BO}/user/{userId}/holds`, { params: { path } })), [userId]);
  const subscriptions = useLoad(() => unwrap(api.GET(`${BO}/user/{userId}/subscriptions`, { params: { path } })), [userId]);
  const actions = useLoad(() => unwrap(api.GET(`${BO}/token-actions`)), []);
  const [historyTick, setHistoryTick] = useState(0);

  const refresh = () => {
    balances.reload();
    holds.reload();
    subscriptions.reload();
    setHistoryTick((t) => t + 1);
  };
  // Live: a committed transaction touching this user refreshes the page's figures.
  const liveRefresh = useCoalesced(refresh, 250);
  useLiveTransactions((transaction) => {
    if (transaction.entries.some((e) => e.userId === userId)) liveRefresh();
  });

  const [confirm, setConfirm] = useState<Confirmation | null>(null);
  const confirming = useAction();
  const ask = (c: Omit<Confirmation, 'key'>) => {
    confirming.setError(null);
    // One key per intended movement: every click and retry of this confirmation sends it.
    setConfirm({ ...c, key: newIdempotencyKey() });
  };
  const doConfirm = async () => {
    if (!confirm || confirming.busy) return;
    if (await confirming.run(() => confirm.run(confirm.key))) {
      setConfirm(null);
      confirm.done?.();
      refresh();
    }
  };

  const assetCodes = assets.data?.assets.map((a) => a.asset) ?? [];
  const row = balances.data;

  return (
    <>
      <h1>
        User <code>{userId}</code> {frozenLabel(user.frozen) ? <mark className="badge">{frozenLabel(user.frozen)}</mark> : null}
      </h1>
      <p>
        {user.userName ?? '—'} · {user.userEmail ?? 'no email'} · roles: {user.userRoles.join(', ') || 'none'} · since <ZonedTime iso={user.createdAt} />
      </p>

      <section aria-labelledby="balances-title">
        <h2 id="balances-title">Balances</h2>
        <ErrorBox error={balances.error} />
        {row && !('error' in row) ? (
          <DataTable
            testId="balances"
            head={BALANCE_HEADS(row.rootAsset)}
            foot={
              <tr>
                <th colSpan={4}>Total</th>
                <th className="num" data-testid="total">
                  <TotalInRoot total={row.totalFundsInRootAsset} rootAsset={row.rootAsset} unquoted={row.balances.filter((b) => b.fundsInRootAsset === undefined).map((b) => b.asset)} />
                </th>
              </tr>
            }
          >
            {row.balances.map((b) => (
              <tr key={b.asset} data-asset={b.asset}>
                <BalanceCells balance={b} rootAsset={row.rootAsset} />
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>

      <FreezePanel userId={userId} frozen={user.frozen} onChange={reloadUser} />

      <BalancesAtPanel userId={userId} />

      <AdjustmentForm
        assets={assetCodes}
        onSubmit={(asset, amount, comment, done) =>
          ask({
            done,
            title: 'Confirm adjustment',
            body: `${isNegative(amount) ? 'Debit' : 'Credit'} ${amount.replace(/^-/, '')} ${asset} ${isNegative(amount) ? 'from' : 'to'} ${userId} (${comment})?`,
            confirmLabel: 'Post adjustment',
            run: (key) => unwrap(api.POST(`${BO}/user/{userId}/adjustments`, { params: { path }, body: { asset, amount, comment }, headers: { 'Idempotency-Key': key } })),
          })
        }
      />

      <section aria-labelledby="action-title">
        <h2 id="action-title">Apply a token action</h2>
        <ErrorBox error={actions.error} />
        {actions.data ? (
          <TokenActionForm
            actions={actions.data}
            onSubmit={(a) =>
              ask({
                title: 'Confirm token action',
                body: `Apply ${a.action} to ${userId}: ${a.type === 'spending' ? 'debit' : 'credit'} ${a.token} ${settings.data?.tokenAsset ?? 'tokens'} (${a.type}; price ${a.price} ${settings.data?.rootAsset ?? 'in the root asset'})?`,
                confirmLabel: 'Apply',
                run: (key) => unwrap(api.POST(`${BO}/user/{userId}/token-actions/{action}`, { params: { path: { userId, action: a.action } }, headers: { 'Idempotency-Key': key } })),
              })
            }
          />
        ) : null}
      </section>

      <Holds userId={userId} assets={assetCodes} holds={holds.data ?? []} error={holds.error} ask={ask} />

      <History userId={userId} assets={assetCodes} tick={historyTick} />

      <section aria-labelledby="subs-title">
        <h2 id="subs-title">Subscriptions</h2>
        <ErrorBox error={subscriptions.error} />
        {subscriptions.data?.length === 0 ? <p>No subscriptions.</p> : null}
        {subscriptions.data && subscriptions.data.length > 0 ? (
          <DataTable
            testId="subscriptions"
            head={
              <>
                <th>Product</th>
                <th>Plan</th>
                <th>Status</th>
                <th className="num">Price</th>
                <th>Period</th>
                <th>Current period</th>
                <th>Ended</th>
                <th></th>
              </>
            }
          >
            {subscriptions.data.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.productType}/{s.productId}
                </td>
                <td>{s.plan}</td>
                <td>{s.status}</td>
                <td className="num">
                  <Amount value={s.price} asset={s.currency} /> {s.currency}
                </td>
                <td className="num">{s.periodIndex + 1}</td>
                <td>
                  <ZonedTime iso={s.periodStart} /> → {s.periodEnd ? <ZonedTime iso={s.periodEnd} /> : 'never renews'}
                </td>
                <td>
                  {s.endedAt ? (
                    <>
                      <ZonedTime iso={s.endedAt} /> ({s.endedReason ?? ''})
                    </>
                  ) : null}
                </td>
                <td>
                  {s.status === 'active' ? (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() =>
                        ask({
                          title: 'Expire subscription',
                          body: `End ${s.productType}/${s.productId} (${s.plan}) for ${userId} now, without refund?`,
                          confirmLabel: 'Expire',
                          run: () => unwrap(api.POST(`${BO}/subscriptions/{subscriptionId}/expire`, { params: { path: { subscriptionId: s.id } } })),
                        })
                      }
                    >
                      Expire
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>

      {confirm ? (
        <ConfirmDialog title={confirm.title} confirmLabel={confirm.confirmLabel} busy={confirming.busy} error={confirming.error} onConfirm={() => void doConfirm()} onCancel={() => setConfirm(null)}>
          <p data-testid="confirm-text">{confirm.body}</p>
          <p>
            <small className="muted">Idempotency-Key {confirm.key}</small>
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function AdjustmentForm({ assets, onSubmit }: { assets: string[]; onSubmit: (asset: string, amount: string, comment: string, done: () => void) => void }) {
  const [asset, setAsset] = useState('');
  const [amount, setAmount] = useState('');
  const [comment, setComment] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The form is cleared once the adjustment is posted, so it cannot be sent again by mistake.
    onSubmit(asset, amount.trim(), comment.trim(), () => {
      setAmount('');
      setComment('');
    });
  };
  return (
    <section aria-labelledby="adjust-title">
      <h2 id="adjust-title">Adjustment</h2>
      <form onSubmit={submit} className="inline-form" aria-label="Adjustment">
        <label htmlFor="adjust-asset">
          Asset
          <AssetSelect id="adjust-asset" assets={assets} value={asset} onChange={setAsset} />
        </label>
        <label htmlFor="adjust-amount">
          Amount (negative debits)
          <DecimalInput id="adjust-amount" value={amount} onChange={(e) => setAmount(e.target.value)} required placeholder="100.50" />
        </label>
        <label htmlFor="adjust-comment">
          Comment
          <input id="adjust-comment" value={comment} onChange={(e) => setComment(e.target.value)} required maxLength={500} placeholder="Goodwill credit, ticket 4711" />
        </label>
        <button type="submit">Review adjustment</button>
      </form>
    </section>
  );
}

type TokenAction = components['schemas']['TokenAction'];

function TokenActionForm({ actions, onSubmit }: { actions: TokenAction[]; onSubmit: (action: TokenAction) => void }) {
  const [name, setName] = useState('');
  const chosen = actions.find((a) => a.action === name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) onSubmit(chosen);
  };
  return (
    <form onSubmit={submit} className="inline-form" aria-label="Token action">
      <label htmlFor="apply-action">
        Action
        <select id="apply-action" value={name} onChange={(e) => setName(e.target.value)} required>
          <option value="" disabled>
            choose…
          </option>
          {actions.map((a) => (
            <option key={a.action} value={a.action}>
              {a.action} ({a.type} {a.token})
            </option>
          ))}
        </select>
      </label>
      <p>{chosen ? chosen.description : ''}</p>
      <button type="submit">Review action</button>
    </form>
  );
}

type Hold = components['schemas']['Hold'];

function Holds({ userId, assets, holds, error, ask }: { userId: string; assets: string[]; holds: Hold[]; error: string | null; ask: (c: Omit<Confirmation, 'key'>) => void }) {
  const [asset, setAsset] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [capture, setCapture] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The expiry is picked on the operator's wall clock and sent with its offset; the confirmation
    // names the zone and the UTC instant (Helsinki 10:00 is 08:00Z, and says so).
    const expires = zonedInstant(expiresAt);
    const body = { asset, amount: amount.trim(), reason: reason.trim(), ...(expires ? { expiresAt: expires.rfc3339 } : {}) };
    ask({
      done: () => {
        setAmount('');
        setReason('');
        setExpiresAt('');
      },
      title: 'Confirm hold',
      body: `Hold ${body.amount} ${asset} of ${userId} (${body.reason})${expires ? ` until ${expires.described}` : ''}?`,
      confirmLabel: 'Place hold',
      run: (key) => unwrap(api.POST(`${BO}/user/{userId}/holds`, { params: { path: { userId } }, body, headers: { 'Idempotency-Key': key } })),
    });
  };
  return (
    <section aria-labelledby="holds-title">
      <h2 id="holds-title">Holds</h2>
      <form onSubmit={submit} className="inline-form" aria-label="Place a hold">
        <label htmlFor="hold-asset">
          Asset
          <AssetSelect id="hold-asset" assets={assets} value={asset} onChange={setAsset} />
        </label>
        <label htmlFor="hold-amount">
          Amount
          <DecimalInput id="hold-amount" value={amount} onChange={(e) => setAmount(e.target.value)} required />
        </label>
        <label htmlFor="hold-reason">
          Reason
          <input id="hold-reason" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} />
        </label>
        <label htmlFor="hold-expires">
          Expires (optional, {localZone()})
          <input id="hold-expires" type="datetime-local" value={expiresAt} onChange={(e) => setExpiresAt(e.target.value)} />
        </label>
        <button type="submit">Review hold</button>
      </form>
      <ErrorBox error={error} />
      {holds.length > 0 ? (
        <DataTable
          testId="holds"
          head={
            <>
              <th>Created</th>
              <th>Asset</th>
              <th className="num">Amount</th>
              <th className="num">Captured</th>
              <th>Status</th>
              <th>Reason</th>
              <th>Expires</th>
              <th>Actions</th>
            </>
          }
        >
          {holds.map((h) => (
            <tr key={h.holdId} data-hold={h.holdId}>
              <td>
                <ZonedTime iso={h.createdAt} />
              </td>
              <td>{h.asset}</td>
              <td className="num">
                <Amount value={h.amount} asset={h.asset} />
              </td>
              <td className="num">
                <Amount value={h.captured} asset={h.asset} />
              </td>
              <td>{h.status}</td>
              <td>{h.reason}</td>
              <td data-testid="hold-expires">
                <ZonedTime iso={h.expiresAt} />
              </td>
              <td>
                {h.status === 'pending' ? (
                  <div className="row-actions">
                    <label htmlFor={`capture-${h.holdId}`} className="visually-hidden">
                      Amount to capture (empty: all)
                    </label>
                    <DecimalInput
                      id={`capture-${h.holdId}`}
                      aria-label={`Amount to capture of hold ${h.holdId} (empty: all)`}
                      size={8}
                      placeholder={`all ${h.amount}`}
                      value={capture[h.holdId] ?? ''}
                      onChange={(e) => setCapture({ ...capture, [h.holdId]: e.target.value })}
                    />
                    <button
                      type="button"
                      onClick={() => {
                        const part = (capture[h.holdId] ?? '').trim();
                        ask({
                          title: 'Capture hold',
                          body: part
                            ? `Capture ${part} ${h.asset} of the ${h.amount} held (the rest is released)?`
                            : `Capture all ${h.amount} ${h.asset} held?`,
                          confirmLabel: 'Capture',
                          run: (key) =>
                            unwrap(api.POST(`${BO}/holds/{holdId}/capture`, { params: { path: { holdId: h.holdId } }, body: part ? { amount: part } : {}, headers: { 'Idempotency-Key': key } })),
                        });
                      }}
                    >
                      Capture
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() =>
                        ask({
                          title: 'Release hold',
                          body: `Release the hold of ${h.amount} ${h.asset}?`,
                          confirmLabel: 'Release',
                          run: (key) => unwrap(api.POST(`${BO}/holds/{holdId}/release`, { params: { path: { holdId: h.holdId } }, headers: { 'Idempotency-Key': key } })),
                        })
                      }
                    >
                      Release
                    </button>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>No holds.</p>
      )}
    </section>
  );
}

const TYPES = ['mining', 'spending', 'buying'] as const;

const NO_FILTERS = { asset: '', type: '', action: '', from: '', to: '' };

/** The user's entries, filtered and paged; filters and page are in the URL (a reload or Back keeps them). */
function History({ userId, assets, tick }: { userId: string; assets: string[]; tick: number }) {
  const [state, setState] = useHashState({ ...NO_FILTERS, page: '1' });
  const { page: pageText, ...filters } = state;
  const page = pageOf(pageText);
  const query = {
    page,
    per_page: 20,
    ...(filters.asset ? { asset: filters.asset } : {}),
    ...(filters.type ? { type: filters.type as (typeof TYPES)[number] } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  const history = useLoad(() => unwrap(api.GET(`${BO}/user/{userId}/transactions`, { params: { path: { userId }, query } })), [userId, query, tick]);
  const [chartAsset, setChartAsset] = useState('');
  const chart = useLoad(
    async () =>
      chartAsset === ''
        ? []
        : (await unwrap(api.GET(`${BO}/user/{userId}/transactions`, { params: { path: { userId }, query: { asset: chartAsset, per_page: 100 } } }))).data
            .map((e) => ({ time: e.createdAt, value: e.balanceAfter }))
            .reverse(),
    [userId, chartAsset, tick],
  );
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <HistoryFilters key={JSON.stringify(filters)} initial={filters} assets={assets} onFilter={(chosen) => setState({ ...chosen, page: '1' })} />
      <ErrorBox error={history.error} />
      {history.data ? (
        <>
          <DataTable
            busy={history.loading}
            testId="history"
            head={
              <>
                <th>Time</th>
                <th>Transaction</th>
                <th>Action</th>
                <th>Type</th>
                <th>Asset</th>
                <th className="num">Amount</th>
                <th className="num">Balance after</th>
                <th>Details</th>
              </>
            }
          >
            {history.data.data.map((e) => (
              <tr key={e.entryId}>
                <td>
                  <ZonedTime iso={e.createdAt} />
                </td>
                <td>
                  <TransactionLink id={e.transactionId} />
                  {e.reverses !== undefined ? (
                    <small>
                      {' '}
                      reverses <TransactionLink id={e.reverses} />
                    </small>
                  ) : null}
                </td>
                <td>{e.action}</td>
                <td>{e.type}</td>
                <td>{e.asset}</td>
                <td className="num">
                  <Amount value={e.amount} asset={e.asset} />
                </td>
                <td className="num">
                  <Amount value={e.balanceAfter} asset={e.asset} />
                </td>
                <td>
                  <Details metadata={e.metadata} />
                </td>
              </tr>
            ))}
          </DataTable>
          {history.data.data.length === 0 ? <p>No entries.</p> : null}
          <Pager label="History" page={history.data.paging.page} perPage={history.data.paging.per_page} total={history.data.paging.total} loading={history.loading} onPage={(p) => setState({ page: String(p) })} />
          <button type="button" className="secondary" disabled={history.data.data.length === 0} onClick={() => saveEntriesCsv(userId, history.data?.data ?? [], `history-${userId}-page-${history.data?.paging.page ?? page}.csv`)}>
            Download this page (CSV)
          </button>
        </>
      ) : null}
      <h3>Export between dates</h3>
      <ExportRange userId={userId} />
      <h3>Balance over time</h3>
      <label htmlFor="chart-asset">
        Asset to chart (latest 100 entries)
        <AssetSelect id="chart-asset" assets={assets} value={chartAsset} onChange={setChartAsset} optional="choose…" />
      </label>
      <ErrorBox error={chart.error} />
      {chartAsset && chart.data ? <StepChart points={chart.data} label={`${chartAsset} balance of ${userId}`} /> : null}
      {chartAsset && chart.data && chart.data.length > 0 ? (
        <p>
          Latest: <Amount value={chart.data[chart.data.length - 1]?.value} asset={chartAsset} /> {chartAsset} (<Amount value={chart.data[0]?.value} asset={chartAsset} /> at the start of the chart)
        </p>
      ) : null}
    </section>
  );
}

type HistoryFilterValues = typeof NO_FILTERS;

/** The history's filter form, started from the URL's filters (keyed by them, so Back puts them back). */
function HistoryFilters({ initial, assets, onFilter }: { initial: HistoryFilterValues; assets: string[]; onFilter: (filters: HistoryFilterValues) => void }) {
  const [draft, setDraft] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onFilter({ ...draft, action: draft.action.trim() });
  };
  const set = (key: keyof HistoryFilterValues) => (value: string) => setDraft({ ...draft, [key]: value });
  return (
    <form onSubmit={submit} className="inline-form" aria-label="History filters">
        <label htmlFor="history-asset">
        Asset
        <AssetSelect id="history-asset" assets={assets} value={draft.asset} onChange={set('asset')} optional="any" />
      </label>
      <label htmlFor="history-type">
        Type
        <select id="history-type" value={draft.type} onChange={(e) => set('type')(e.target.value)}>
          <option value="">any</option>
          {TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <label htmlFor="history-action">
        Action
        <input id="history-action" value={draft.action} onChange={(e) => set('action')(e.target.value)} placeholder="adjustment" />
      </label>
      <label htmlFor="history-from">
        From (UTC date)
        <input id="history-from" type="date" value={draft.from} onChange={(e) => set('from')(e.target.value)} />
      </label>
      <label htmlFor="history-to">
        To, exclusive (UTC date)
        <input id="history-to" type="date" value={draft.to} onChange={(e) => set('to')(e.target.value)} />
      </label>
      <button type="submit">Filter</button>
      </form>
  );
}
