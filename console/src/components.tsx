import { useLayoutEffect, useRef, useSyncExternalStore, type InputHTMLAttributes, type ReactNode } from 'react';
import type { components } from './api/schema';
import { useScale } from './assets';
import { availableOf, DECIMAL_PATTERN, displayDecimals, isNegative, readableAmount } from './money';
import { hrefOf } from './router';
import { instantText, localZone, onTimeMode, timeModeOf } from './zone';

/** The API's message, in red, announced to screen readers. */
export function ErrorBox({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error}
    </p>
  );
}

/**
 * An amount with thousands separators and its asset's decimals (`1,234.50`); the exact digits the
 * API sent are in `value` (what a copy takes, see copyExactAmounts) and the tooltip. `asset`
 * names the asset for its decimals; without it the API's digits are shown, grouped.
 */
export function Amount({ value, asset }: { value: string | null | undefined; asset?: string }) {
  const scale = useScale(asset);
  if (value === null || value === undefined) return <span className="amount muted">—</span>;
  const { text, rounded } = readableAmount(value, scale === undefined ? undefined : displayDecimals(scale));
  return (
    <data value={value} title={rounded ? `exactly ${value}` : value} className={isNegative(value) ? 'amount negative' : 'amount'}>
      {rounded ? '≈' : ''}
      {text}
    </data>
  );
}

/**
 * A copy of anything on the page takes the exact digits of each amount in it, not the grouped
 * and rounded text shown (`1234.123456789012345678`, not `1,234.12345679`).
 */
export function copyExactAmounts(event: ClipboardEvent): void {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || !event.clipboardData) return;
  // A selection inside one amount (a double click on it) copies that amount's exact digits.
  const start = selection.getRangeAt(0).commonAncestorContainer;
  const within = (start instanceof Element ? start : start.parentElement)?.closest('data.amount');
  if (within) {
    event.clipboardData.setData('text/plain', within.getAttribute('value') ?? '');
    event.preventDefault();
    return;
  }
  const copied = document.createElement('div');
  for (let i = 0; i < selection.rangeCount; i++) copied.append(selection.getRangeAt(i).cloneContents());
  const amounts = copied.querySelectorAll('data.amount');
  if (amounts.length === 0) return;
  amounts.forEach((a) => (a.textContent = a.getAttribute('value')));
  event.clipboardData.setData('text/plain', copied.textContent ?? '');
  event.preventDefault();
}

/**
 * Previous / next. `page` is the page whose rows are on screen (the answer's own), so the label
 * never names a page whose rows have not arrived; `loading` says another page is on its way.
 */
export function Pager({ page, perPage, total, onPage, label, loading = false }: { page: number; perPage: number; total: number; onPage: (page: number) => void; label: string; loading?: boolean }) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  return (
    <nav aria-label={`${label} pages`} className="pager">
      <button type="button" className="secondary" disabled={page <= 1 || loading} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span aria-live="polite" aria-busy={loading}>
        Page {page} of {pages} ({total}){loading ? ', loading…' : ''}
      </span>
      <button type="button" className="secondary" disabled={page >= pages || loading} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </nav>
  );
}

/**
 * A modal confirmation (native <dialog>: focus is trapped, Escape cancels, and the focus goes
 * back to what opened it). The confirm button is
 * disabled while the request runs; the request's Idempotency-Key was fixed when the dialog opened,
 * so a second click or a retry can never move money twice.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // A layout effect closes the dialog while it is still in the page, so the browser gives the
  // focus back to the button that opened it (closed after its removal, the focus would be lost).
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} aria-labelledby="confirm-title" onCancel={onCancel}>
      <article>
        <h3 id="confirm-title">{title}</h3>
        {children}
        <ErrorBox error={error} />
        <footer>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" onClick={onConfirm} disabled={busy} aria-busy={busy}>
            {confirmLabel}
          </button>
        </footer>
      </article>
    </dialog>
  );
}

/** Re-renders its user when the operator switches between local time and UTC. */
export const useTimeMode = () => useSyncExternalStore(onTimeMode, timeModeOf);

/** An instant with its zone written (`2026-11-30 10:00:00 +02:00`, or `… UTC`), the other way in the tooltip. */
export function ZonedTime({ iso }: { iso: string | null | undefined }) {
  const mode = useTimeMode();
  const text = iso ? instantText(iso, mode) : null;
  if (!iso || !text) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} title={text.other}>
      {text.shown}
    </time>
  );
}

/** A text input for a decimal amount, checked against DECIMAL_PATTERN before the request. */
export function DecimalInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input inputMode="decimal" pattern={DECIMAL_PATTERN} {...props} />;
}

/** `value` if it is one of `options`, else the first option. */
export const oneOf = <T extends string>(options: readonly [T, ...T[]], value: string): T => options.find((o) => o === value) ?? options[0];

/** A select over a fixed list of values (an enum of the API). */
export function ChoiceSelect<T extends string>({ id, options, value, onChange }: { id: string; options: readonly [T, ...T[]]; value: T; onChange: (value: T) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(oneOf(options, e.target.value))}>
      {options.map((o) => (
        <option key={o}>{o}</option>
      ))}
    </select>
  );
}

/** Asset codes to choose from: required unless `optional` names the empty choice. */
export function AssetSelect({ id, assets, value, onChange, optional }: { id: string; assets: string[]; value: string; onChange: (v: string) => void; optional?: string }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} required={optional === undefined}>
      {optional !== undefined ? <option value="">{optional}</option> : <option value="" disabled>choose…</option>}
      {assets.map((a) => (
        <option key={a} value={a}>
          {a}
        </option>
      ))}
    </select>
  );
}

/** A scrollable table: `head` holds the header cells, `children` the body rows. */
export function DataTable({ testId, head, foot, children, busy = false }: { testId: string; head: ReactNode; foot?: ReactNode; children: ReactNode; busy?: boolean }) {
  return (
    <div className="overflow-auto">
      <table data-testid={testId} aria-busy={busy}>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
        {foot !== undefined ? <tfoot>{foot}</tfoot> : null}
      </table>
    </div>
  );
}

/** The asset, amount, locked, available and value-in-root-asset cells of one balance ("no accounts" when there is none). */
export function BalanceCells({ balance, rootAsset }: { balance: components['schemas']['AssetBalance'] | undefined; rootAsset: string }) {
  const scale = useScale(balance?.asset);
  if (!balance) {
    return (
      <>
        <td>
          <span className="muted">no accounts</span>
        </td>
        <td className="num"></td>
        <td className="num"></td>
        <td className="num"></td>
        <td className="num"></td>
      </>
    );
  }
  return (
    <>
      <td>{balance.asset}</td>
      <td className="num">
        <Amount value={balance.amount} asset={balance.asset} />
      </td>
      <td className="num">
        <Amount value={balance.locked} asset={balance.asset} />
      </td>
      <td className="num" data-testid="available">
        {scale === undefined ? <span className="muted">…</span> : <Amount value={availableOf(balance.amount, balance.locked, scale)} asset={balance.asset} />}
      </td>
      <td className="num">
        {balance.fundsInRootAsset === undefined ? <span className="muted" title={`${balance.asset} has no rate: no value in ${rootAsset}`}>not quoted</span> : <Amount value={balance.fundsInRootAsset} asset={rootAsset} />}
      </td>
    </>
  );
}

/** A transaction id, linking to its page: every transaction id the console shows is one of these. */
export function TransactionLink({ id }: { id: string }) {
  return (
    <a href={hrefOf('transactions', id)} aria-label={`Transaction ${id}`}>
      {id}
    </a>
  );
}

/** A user id, or a system account (`system:issuer`), which has no page. */
export function AccountLink({ account }: { account: string }) {
  return account.startsWith('system:') ? <span>{account}</span> : <a href={hrefOf('users', account)}>{account}</a>;
}

/** Balance table headers matching BalanceCells. */
export const BALANCE_HEADS = (rootAsset: string) => (
  <>
    <th>Asset</th>
    <th className="num">Amount</th>
    <th className="num">Locked</th>
    <th className="num">Available</th>
    <th className="num">Value in {rootAsset}</th>
  </>
);

/**
 * A total in the root asset, or why there is none: the API leaves it out when an asset held is
 * not quoted, so the operator sees which ones rather than a bare dash.
 */
export function TotalInRoot({ total, rootAsset, unquoted }: { total: string | null | undefined; rootAsset: string; unquoted: string[] }) {
  if (total !== null && total !== undefined) return <Amount value={total} asset={rootAsset} />;
  return (
    <span className="muted" data-testid="no-total">
      no total: {unquoted.length > 0 ? `${unquoted.join(', ')} ${unquoted.length === 1 ? 'has' : 'have'} no rate in ${rootAsset}` : `not every asset has a rate in ${rootAsset}`}
    </span>
  );
}

type Fields = Record<string, unknown>;
const TRANSACTION_FIELDS = new Set(['transactionId', 'reversal', 'reverses', 'reversedBy']);

/** A value as a person reads it: text as it is, nested objects as `key: value` pairs, nothing as a dash. */
export function Readable({ name, value }: { name: string; value: unknown }): ReactNode {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (TRANSACTION_FIELDS.has(name) && (typeof value === 'string' || typeof value === 'number')) return <TransactionLink id={String(value)} />;
  if (Array.isArray(value)) {
    return value.length === 0 ? (
      <span className="muted">none</span>
    ) : (
      value.map((item, i) => (
        <span key={i}>
          {i > 0 ? '; ' : ''}
          <Readable name={name} value={item} />
        </span>
      ))
    );
  }
  if (typeof value === 'object') {
    return Object.entries(value as Fields).map(([key, inner], i) => (
      <span key={key}>
        {i > 0 ? ', ' : ''}
        {key}: <Readable name={key} value={inner} />
      </span>
    ));
  }
  return <>{String(value)}</>;
}

/** An entry's metadata as labelled fields (`comment: Goodwill credit · admin: ops-1`), not JSON. */
export function Details({ metadata }: { metadata: Fields }) {
  const names = Object.keys(metadata);
  if (names.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="changes">
      {names.map((name) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>
            <Readable name={name} value={metadata[name]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The zone instants are shown in, for a column header: the browser's zone, or UTC. */
export const useZoneName = (): string => (useTimeMode() === 'utc' ? 'UTC' : localZone());
