import { useState, type FormEvent } from 'react';
import { api, BO, unwrap } from '../api';
import type { components } from '../api/schema';
import { StepChart } from '../chart';
import { Amount, AssetSelect, ChoiceSelect, ConfirmDialog, DataTable, DecimalInput, ErrorBox, oneOf, ZonedTime } from '../components';
import { useAction, useLoad } from '../hooks';
import { settingsOf } from '../settings';

/** Token actions, exchange rates and products: what the platform offers and at what price. */
export function Catalog() {
  return (
    <>
      <h1>Catalog</h1>
      <TokenActions />
      <ExchangeRates />
      <Products />
    </>
  );
}

type ActionBody = components['schemas']['TokenActionDto'];
type ActionType = ActionBody['type'];
type Category = ActionBody['category'];
const ACTION_TYPES = ['mining', 'spending', 'buying'] as const satisfies readonly ActionType[];
const CATEGORIES = ['event', 'product', 'subscription'] as const satisfies readonly Category[];
type ActionDraft = { action: string; type: ActionType; token: string; price: string; category: Category; description: string };

function TokenActions() {
  const list = useLoad(() => unwrap(api.GET(`${BO}/token-actions`)), []);
  const settings = useLoad(settingsOf, []);
  const [draft, setDraft] = useState<ActionDraft | null>(null);
  const action = useAction();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const { action: name, ...body } = draft;
    if (await action.run(() => unwrap(api.PUT(`${BO}/token-actions/{action}`, { params: { path: { action: name } }, body })))) {
      setDraft(null);
      list.reload();
    }
  };
  const remove = async (name: string) => {
    if (!window.confirm(`Delete the token action ${name}?`)) return;
    if (await action.run(() => unwrap(api.DELETE(`${BO}/token-actions/{action}`, { params: { path: { action: name } } })))) list.reload();
  };
  const edit = (a: components['schemas']['TokenAction']) => setDraft({ ...a, type: oneOf(ACTION_TYPES, a.type), category: oneOf(CATEGORIES, a.category) });
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">Token actions</h2>
      <ErrorBox error={list.error ?? action.error} />
      {list.data ? (
        <DataTable
          testId="token-actions"
          head={
            <>
              <th>Action</th>
              <th>Type</th>
              <th className="num">Token</th>
              <th className="num">Price</th>
              <th>Category</th>
              <th>Description</th>
              <th></th>
            </>
          }
        >
          {list.data.map((a) => (
            <tr key={a.action}>
              <td>{a.action}</td>
              <td>{a.type}</td>
              <td className="num">
                <Amount value={a.token} asset={settings.data?.tokenAsset ?? undefined} /> {settings.data?.tokenAsset}
              </td>
              <td className="num">
                <Amount value={a.price} asset={settings.data?.rootAsset ?? undefined} /> {settings.data?.rootAsset}
              </td>
              <td>{a.category}</td>
              <td>{a.description}</td>
              <td>
                <div className="row-actions">
                  <button type="button" className="secondary" onClick={() => edit(a)} aria-label={`Edit ${a.action}`}>
                    Edit
                  </button>
                  <button type="button" className="secondary outline" onClick={() => void remove(a.action)} aria-label={`Delete ${a.action}`}>
                    Delete
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {draft ? (
        <form onSubmit={(e) => void save(e)} className="inline-form" aria-label="Edit token action">
          <label htmlFor="ta-action">
            Action
            <input id="ta-action" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} required maxLength={64} />
          </label>
          <label htmlFor="ta-type">
            Type
            <ChoiceSelect id="ta-type" options={ACTION_TYPES} value={draft.type} onChange={(type) => setDraft({ ...draft, type })} />
          </label>
          <label htmlFor="ta-token">
            Token
            <DecimalInput id="ta-token" value={draft.token} onChange={(e) => setDraft({ ...draft, token: e.target.value })} required />
          </label>
          <label htmlFor="ta-price">
            Price
            <DecimalInput id="ta-price" value={draft.price} onChange={(e) => setDraft({ ...draft, price: e.target.value })} required />
          </label>
          <label htmlFor="ta-category">
            Category
            <ChoiceSelect id="ta-category" options={CATEGORIES} value={draft.category} onChange={(category) => setDraft({ ...draft, category })} />
          </label>
          <label htmlFor="ta-description">
            Description
            <input id="ta-description" value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} required />
          </label>
          <button type="submit" aria-busy={action.busy}>
            Save action
          </button>
          <button type="button" className="secondary" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setDraft({ action: '', type: 'mining', token: '', price: '0', category: 'event', description: '' })}>
          New token action
        </button>
      )}
    </section>
  );
}

function ExchangeRates() {
  const rates = useLoad(() => unwrap(api.GET(`${BO}/exchange-rates`)), []);
  const assets = useLoad(() => unwrap(api.GET(`${BO}/assets`)), []);
  const [asset, setAsset] = useState('');
  const [rate, setRate] = useState('');
  const [historyOf, setHistoryOf] = useState('');
  const history = useLoad(() => (historyOf ? unwrap(api.GET(`${BO}/exchange-rates/{asset}/history`, { params: { path: { asset: historyOf } } })) : Promise.resolve(null)), [historyOf, rates.data]);
  const action = useAction();
  // A new rate revalues every balance in the asset: the operator sees the change before it applies.
  const [review, setReview] = useState<{ asset: string; before: string | null; after: string } | null>(null);
  const ask = (event: FormEvent) => {
    event.preventDefault();
    action.setError(null);
    setReview({ asset, before: rates.data?.rates.find((r) => r.asset === asset)?.rate ?? null, after: rate.trim() });
  };
  const save = async () => {
    if (!review || action.busy) return;
    if (await action.run(() => unwrap(api.PUT(`${BO}/exchange-rates/{asset}`, { params: { path: { asset: review.asset } }, body: { rate: review.after } })))) {
      setReview(null);
      setRate('');
      rates.reload();
    }
  };
  const unquote = async (code: string) => {
    if (!window.confirm(`Remove the quote of ${code}? Its value in the root asset will no longer be shown.`)) return;
    if (await action.run(() => unwrap(api.DELETE(`${BO}/exchange-rates/{asset}`, { params: { path: { asset: code } } })))) rates.reload();
  };
  const root = rates.data?.rootAsset;
  return (
    <section aria-labelledby="rates-title">
      <h2 id="rates-title">Exchange rates</h2>
      <ErrorBox error={rates.error ?? action.error} />
      {rates.data ? (
        <DataTable
          testId="rates"
          head={
            <>
              <th>Asset</th>
              <th className="num">{root} per unit</th>
              <th>Updated</th>
              <th></th>
            </>
          }
        >
          {rates.data.rates.map((r) => (
            <tr key={r.asset} data-asset={r.asset}>
              <td>{r.asset}</td>
              <td className="num">
                <Amount value={r.rate} />
              </td>
              <td>
                <ZonedTime iso={r.updatedAt} />
              </td>
              <td>
                <div className="row-actions">
                  <button type="button" className="secondary" onClick={() => setHistoryOf(r.asset)} aria-label={`History of ${r.asset}`}>
                    History
                  </button>
                  {r.asset !== root ? (
                    <>
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => {
                          setAsset(r.asset);
                          setRate(r.rate);
                        }}
                        aria-label={`Edit ${r.asset}`}
                      >
                        Edit
                      </button>
                      <button type="button" className="secondary outline" onClick={() => void unquote(r.asset)} aria-label={`Unquote ${r.asset}`}>
                        Unquote
                      </button>
                    </>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <form onSubmit={ask} className="inline-form" aria-label="Set a rate">
        <label htmlFor="rate-asset">
          Asset
          <AssetSelect id="rate-asset" assets={(assets.data?.assets ?? []).map((a) => a.asset).filter((a) => a !== root)} value={asset} onChange={setAsset} />
        </label>
        <label htmlFor="rate-value">
          Rate ({root} per unit)
          <DecimalInput id="rate-value" value={rate} onChange={(e) => setRate(e.target.value)} required />
        </label>
        <button type="submit">Review rate</button>
      </form>
      {review ? (
        <ConfirmDialog title="Change a rate" confirmLabel="Set rate" busy={action.busy} error={action.error} onConfirm={() => void save()} onCancel={() => setReview(null)}>
          <p data-testid="confirm-text">
            {review.asset}: {review.before === null ? 'unquoted' : `${review.before} ${root}`} → {review.after} {root} per unit
          </p>
          <p className="muted">Every balance in {review.asset} is valued at the new rate from now on; the old rate stays in its history.</p>
        </ConfirmDialog>
      ) : null}
      {historyOf ? (
        <>
          <h3>History of {historyOf}</h3>
          <ErrorBox error={history.error} />
          {history.data ? (
            <>
              <StepChart
                label={`${historyOf} in ${root}`}
                points={history.data.history
                  .filter((h): h is { rate: string; changedAt: string } => h.rate !== null)
                  .map((h) => ({ time: h.changedAt, value: h.rate }))
                  .reverse()}
              />
              <ul>
                {history.data.history.map((h, i) => (
                  <li key={i}>
                    <ZonedTime iso={h.changedAt} />: {h.rate === null ? 'unquoted' : <Amount value={h.rate} />}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

type Plan = components['schemas']['ProductDto']['options'][number]['plan'];
const PLANS = ['free', 'one_time_payment', 'subscription_week', 'subscription_month', 'subscription_6_months', 'subscription_year'] as const satisfies readonly Plan[];
type ProductDraft = { productType: string; productId: string; ownerId: string; options: Array<{ plan: Plan; price: string }> };

function Products() {
  const list = useLoad(() => unwrap(api.GET(`${BO}/products`)), []);
  const [draft, setDraft] = useState<ProductDraft | null>(null);
  const action = useAction();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const body = { ...(draft.ownerId.trim() ? { ownerId: draft.ownerId.trim() } : {}), options: draft.options.map((o) => ({ plan: o.plan, price: o.price.trim() })) };
    const path = { productType: draft.productType.trim(), productId: draft.productId.trim() };
    if (await action.run(() => unwrap(api.PUT(`${BO}/products/{productType}/{productId}`, { params: { path }, body })))) {
      setDraft(null);
      list.reload();
    }
  };
  const setOption = (i: number, change: Partial<{ plan: Plan; price: string }>) =>
    draft && setDraft({ ...draft, options: draft.options.map((o, j) => (i === j ? { ...o, ...change } : o)) });
  return (
    <section aria-labelledby="products-title">
      <h2 id="products-title">Products and plans</h2>
      <ErrorBox error={list.error ?? action.error} />
      {list.data ? (
        <DataTable
          testId="products"
          head={
            <>
              <th>Product</th>
              <th>Owner</th>
              <th>Plans (price in the token asset)</th>
              <th></th>
            </>
          }
        >
          {list.data.map((p) => (
            <tr key={`${p.productType}/${p.productId}`}>
              <td>
                {p.productType}/{p.productId}
              </td>
              <td>{p.ownerId ?? <span className="muted">platform</span>}</td>
              <td>
                {p.options.map((o) => (
                  <div key={o.plan}>
                    {o.plan}: <Amount value={o.price} asset={p.asset} /> {p.asset}
                  </div>
                ))}
              </td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  aria-label={`Edit ${p.productType}/${p.productId}`}
                  onClick={() => setDraft({ productType: p.productType, productId: p.productId, ownerId: p.ownerId ?? '', options: p.options.map((o) => ({ plan: oneOf(PLANS, o.plan), price: o.price })) })}
                >
                  Edit
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {draft ? (
        <form onSubmit={(e) => void save(e)} aria-label="Edit product">
          <div className="inline-form">
            <label htmlFor="p-type">
              Type
              <input id="p-type" value={draft.productType} onChange={(e) => setDraft({ ...draft, productType: e.target.value })} required />
            </label>
            <label htmlFor="p-id">
              Id
              <input id="p-id" value={draft.productId} onChange={(e) => setDraft({ ...draft, productId: e.target.value })} required />
            </label>
            <label htmlFor="p-owner">
              Owner user id (empty: the platform)
              <input id="p-owner" value={draft.ownerId} onChange={(e) => setDraft({ ...draft, ownerId: e.target.value })} />
            </label>
          </div>
          {draft.options.map((o, i) => (
            <div className="inline-form" key={i}>
              <label htmlFor={`p-plan-${i}`}>
                Plan
                <ChoiceSelect id={`p-plan-${i}`} options={PLANS} value={o.plan} onChange={(plan) => setOption(i, { plan })} />
              </label>
              <label htmlFor={`p-price-${i}`}>
                Price
                <DecimalInput id={`p-price-${i}`} value={o.price} onChange={(e) => setOption(i, { price: e.target.value })} required />
              </label>
              <button type="button" className="secondary outline" onClick={() => setDraft({ ...draft, options: draft.options.filter((_, j) => j !== i) })}>
                Remove plan
              </button>
            </div>
          ))}
          <div className="row-actions">
            <button type="button" className="secondary" onClick={() => setDraft({ ...draft, options: [...draft.options, { plan: 'subscription_month', price: '0' }] })}>
              Add plan
            </button>
            <button type="submit" aria-busy={action.busy}>
              Save product
            </button>
            <button type="button" className="secondary" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setDraft({ productType: 'room', productId: '', ownerId: '', options: [{ plan: 'free', price: '0' }] })}>
          New product
        </button>
      )}
    </section>
  );
}
