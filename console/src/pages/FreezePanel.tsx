import { useState, type FormEvent } from 'react';
import { api, BO, unwrap } from '../api';
import type { components } from '../api/schema';
import { AccountLink, ChoiceSelect, ConfirmDialog, ZonedTime } from '../components';
import { useAction } from '../hooks';
import { formatInstant } from '../zone';

type Freeze = NonNullable<components['schemas']['User']['frozen']>;
const SCOPES = ['debits', 'all'] as const;
const SCOPE_MEANING: Record<Freeze['scope'], string> = { debits: 'no money may leave', all: 'no money may leave or arrive' };

/** "frozen (debits)" for a badge, or null when the user is not frozen. */
export const frozenLabel = (frozen: Freeze | null | undefined) => (frozen ? `frozen (${frozen.scope})` : null);

/**
 * A user's freeze: what it is (scope, reason, since, by) and the means to set or lift it, each
 * after a confirmation. PUT and DELETE are idempotent by themselves: no key is needed.
 */
export function FreezePanel({ userId, frozen, onChange }: { userId: string; frozen: Freeze | null; onChange: () => void }) {
  const [scope, setScope] = useState<Freeze['scope']>('debits');
  const [reason, setReason] = useState('');
  const [confirm, setConfirm] = useState<{ text: string; label: string; run: () => Promise<unknown> } | null>(null);
  const action = useAction();
  const ask = (text: string, label: string, run: () => Promise<unknown>) => {
    action.setError(null);
    setConfirm({ text, label, run });
  };
  const review = (event: FormEvent) => {
    event.preventDefault();
    const why = reason.trim();
    ask(`Freeze ${userId} (${scope}: ${SCOPE_MEANING[scope]}), because "${why}"?`, 'Freeze', () =>
      unwrap(api.PUT(`${BO}/user/{userId}/freeze`, { params: { path: { userId } }, body: { scope, reason: why } })),
    );
  };
  const run = async () => {
    if (!confirm || action.busy) return;
    if (await action.run(confirm.run)) {
      setConfirm(null);
      setReason('');
      onChange();
    }
  };
  return (
    <section aria-labelledby="freeze-title">
      <h2 id="freeze-title">Freeze</h2>
      {frozen ? (
        <div data-testid="freeze-state" className="frozen-box">
          <p>
            <mark>Frozen: {frozen.scope}</mark> ({SCOPE_MEANING[frozen.scope]} by the user&apos;s own movements; operators&apos; corrections still pass)
          </p>
          <dl className="facts">
            <dt>Reason</dt>
            <dd>{frozen.reason}</dd>
            <dt>Since</dt>
            <dd>
              <ZonedTime iso={frozen.since} />
            </dd>
            <dt>By</dt>
            <dd>
              <AccountLink account={frozen.by} />
            </dd>
          </dl>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              ask(`Unfreeze ${userId} (frozen ${frozen.scope} since ${formatInstant(frozen.since)}: ${frozen.reason})?`, 'Unfreeze', () =>
                unwrap(api.DELETE(`${BO}/user/{userId}/freeze`, { params: { path: { userId } } })),
              )
            }
          >
            Unfreeze
          </button>
        </div>
      ) : (
        <>
          <p data-testid="freeze-state">Not frozen.</p>
          <form onSubmit={review} className="inline-form" aria-label="Freeze">
            <label htmlFor="freeze-scope">
              Scope
              <ChoiceSelect id="freeze-scope" options={SCOPES} value={scope} onChange={setScope} />
            </label>
            <label htmlFor="freeze-reason">
              Why (shown with the freeze)
              <input id="freeze-reason" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={1000} placeholder="Chargeback investigation #5521" />
            </label>
            <button type="submit">Review freeze</button>
          </form>
        </>
      )}
      {confirm ? (
        <ConfirmDialog title="Confirm" confirmLabel={confirm.label} busy={action.busy} error={action.error} onConfirm={() => void run()} onCancel={() => setConfirm(null)}>
          <p data-testid="confirm-text">{confirm.text}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
