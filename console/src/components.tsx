import { useLayoutEffect, useRef, type InputHTMLAttributes, type ReactNode } from 'react';
import type { components } from './api/schema';
import { DECIMAL_PATTERN, isNegative, showAmount } from './money';
import { hrefOf } from './router';
import { wallClock } from './zone';

/** The API's message, in red, announced to screen readers. */
export function ErrorBox({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error}
    </p>
  );
}

export function Amount({ value }: { value: string | null | undefined }) {
  return <span className={value && isNegative(value) ? 'amount negative' : 'amount'}>{showAmount(value)}</span>;
}

export function Pager({ page, perPage, total, onPage, label }: { page: number; perPage: number; total: number; onPage: (page: number) => void; label: string }) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  return (
    <nav aria-label={`${label} pages`} className="pager">
      <button type="button" className="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span>
        Page {page} of {pages} ({total})
      </span>
      <button type="button" className="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
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

export const formatTime = (iso: string | null | undefined) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—');

/**
 * An instant on the operator's wall clock; the column or label it sits under names the zone
 * (localZone), and the tooltip gives it in UTC.
 */
export function ZonedTime({ iso }: { iso: string | null | undefined }) {
  const local = iso ? wallClock(iso) : null;
  if (!iso || !local) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} title={formatTime(iso)}>
      {local}
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
export function DataTable({ testId, head, foot, children }: { testId: string; head: ReactNode; foot?: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-auto">
      <table data-testid={testId}>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
        {foot !== undefined ? <tfoot>{foot}</tfoot> : null}
      </table>
    </div>
  );
}

/** The asset, amount, locked and value-in-root-asset cells of one balance ("no accounts" when there is none). */
export function BalanceCells({ balance }: { balance: components['schemas']['AssetBalance'] | undefined }) {
  if (!balance) {
    return (
      <>
        <td>
          <span className="muted">no accounts</span>
        </td>
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
        <Amount value={balance.amount} />
      </td>
      <td className="num">
        <Amount value={balance.locked} />
      </td>
      <td className="num">
        <Amount value={balance.fundsInRootAsset} />
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
