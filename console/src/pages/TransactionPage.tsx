import { useState, type FormEvent } from 'react';
import { api, BO, unwrap, unwrapWithStatus } from '../api';
import type { components } from '../api/schema';
import { AccountLink, Amount, ConfirmDialog, DataTable, ErrorBox, TransactionLink, ZonedTime } from '../components';
import { useAction, useIntentKeys, useLoad } from '../hooks';
import { amountPattern, fitsScale, fromMinor, isNegative, negated, toMinor } from '../money';

type Transaction = components['schemas']['Transaction'];
type TransactionEntry = Transaction['entries'][number];

/** One debited and one credited entry in one asset: the only shape a partial reversal may take. */
interface TwoSided {
  asset: string;
  debited: TransactionEntry;
  credited: TransactionEntry;
}

function twoSided(t: Transaction): TwoSided | null {
  const [a, b, ...more] = t.entries;
  if (!a || !b || more.length > 0 || a.asset !== b.asset || isNegative(a.amount) === isNegative(b.amount)) return null;
  return isNegative(a.amount) ? { asset: a.asset, debited: a, credited: b } : { asset: a.asset, debited: b, credited: a };
}

/** What the reversals of a two-sided transaction took back: the sum of what they returned to the debited account. */
function reversedSoFar(original: TwoSided, reversals: Transaction[], scale: number): bigint {
  return reversals
    .flatMap((r) => r.entries)
    .filter((e) => e.account === original.debited.account && e.asset === original.asset && !isNegative(e.amount))
    .reduce((sum, e) => sum + toMinor(e.amount, scale), 0n);
}

/** One transaction whole (both sides, system accounts too), its reversal links, and reversing it. */
export function TransactionPage({ transactionId }: { transactionId: string }) {
  const transaction = useLoad(() => unwrap(api.GET(`${BO}/transactions/{transactionId}`, { params: { path: { transactionId } } })), [transactionId]);
  const reversedBy = transaction.data?.reversedBy ?? [];
  const reversals = useLoad(
    () => Promise.all(reversedBy.map((id) => unwrap(api.GET(`${BO}/transactions/{transactionId}`, { params: { path: { transactionId: id } } })))),
    [reversedBy.join(',')],
  );
  const assets = useLoad(() => unwrap(api.GET(`${BO}/assets`)), []);
  const t = transaction.data;

  return (
    <>
      <h1>
        Transaction <code>{transactionId}</code>
      </h1>
      <ErrorBox error={transaction.error} />
      {t ? (
        <>
          <dl className="facts" data-testid="transaction-facts">
            <dt>Time</dt>
            <dd>
              <ZonedTime iso={t.createdAt} />
            </dd>
            <dt>Kind</dt>
            <dd>{t.kind}</dd>
            <dt>Action</dt>
            <dd>{t.action}</dd>
            {t.comment !== undefined ? (
              <>
                <dt>Comment</dt>
                <dd>{t.comment}</dd>
              </>
            ) : null}
            {t.actor ? (
              <>
                <dt>Operator</dt>
                <dd>
                  <AccountLink account={t.actor.id} />
                </dd>
              </>
            ) : null}
            {t.reverses !== undefined ? (
              <>
                <dt>Reverses</dt>
                <dd>
                  <TransactionLink id={t.reverses} />
                </dd>
              </>
            ) : null}
            <dt>Reversed by</dt>
            <dd data-testid="reversed-by">
              {t.reversedBy.length === 0
                ? 'not reversed'
                : t.reversedBy.map((id, i) => (
                    <span key={id}>
                      {i > 0 ? ', ' : ''}
                      <TransactionLink id={id} />
                    </span>
                  ))}
            </dd>
          </dl>
          <DataTable
            testId="entries"
            head={
              <>
                <th>Account</th>
                <th>Asset</th>
                <th className="num">Amount</th>
                <th>Type</th>
                <th>Action</th>
                <th className="num">Balance after</th>
              </>
            }
          >
            {t.entries.map((e, i) => (
              <tr key={i} data-account={e.account}>
                <td>
                  <AccountLink account={e.account} />
                </td>
                <td>{e.asset}</td>
                <td className="num">
                  <Amount value={e.amount} asset={e.asset} />
                </td>
                <td>{e.type}</td>
                <td>{e.action}</td>
                <td className="num">
                  <Amount value={e.balanceAfter} asset={e.asset} />
                </td>
              </tr>
            ))}
          </DataTable>
          {t.kind === 'reversal' ? <p>A reversal cannot be reversed; to undo it, post an adjustment.</p> : null}
          {t.kind !== 'reversal' && reversals.data && assets.data ? (
            <ReverseForm
              transaction={t}
              reversals={reversals.data}
              scaleOf={(asset) => assets.data?.assets.find((a) => a.asset === asset)?.scale ?? 0}
              onReversed={transaction.reload}
            />
          ) : null}
          <ErrorBox error={reversals.error ?? assets.error} />
        </>
      ) : null}
    </>
  );
}

function ReverseForm({ transaction, reversals, scaleOf, onReversed }: { transaction: Transaction; reversals: Transaction[]; scaleOf: (asset: string) => number; onReversed: () => void }) {
  const [amount, setAmount] = useState('');
  const [comment, setComment] = useState('');
  const [confirming, setConfirming] = useState<{ text: string; intent: string; body: { comment: string; amount?: string } } | null>(null);
  const posting = useAction();
  const { keyFor, forget } = useIntentKeys();
  const sides = twoSided(transaction);
  const scale = sides ? scaleOf(sides.asset) : 0;
  const remaining = sides ? fromMinor(toMinor(sides.credited.amount, scale) - reversedSoFar(sides, reversals, scale), scale) : null;

  const review = (event: FormEvent) => {
    event.preventDefault();
    const part = amount.trim();
    if (part !== '' && sides && !fitsScale(part, scale)) {
      posting.setError(`The amount must be positive with at most ${scale} decimals for ${sides.asset}`);
      return;
    }
    posting.setError(null);
    const text = sides
      ? `Reverse ${part || remaining} ${sides.asset} from ${sides.credited.account} back to ${sides.debited.account}?`
      : `Reverse all of transaction ${transaction.transactionId} (${transaction.entries.map((e) => `${e.account} ${negated(e.amount)} ${e.asset}`).join(', ')})?`;
    const body = { comment: comment.trim(), ...(part ? { amount: part } : {}) };
    setConfirming({ text, body, intent: JSON.stringify([transaction.transactionId, body]) });
  };
  const post = async () => {
    if (!confirming || posting.busy) return;
    const { intent, body } = confirming;
    // A refusal names its status: a 409 (nothing left) reads differently from a 422 (too much, or spent).
    const posted = await posting.run(() =>
      unwrapWithStatus(
        api.POST(`${BO}/transactions/{transactionId}/reversals`, { params: { path: { transactionId: transaction.transactionId }, header: { 'Idempotency-Key': keyFor(intent) } }, body }),
      ),
    );
    if (posted) {
      forget(intent);
      setConfirming(null);
      setAmount('');
      setComment('');
      onReversed();
    }
  };

  if (remaining === '0') {
    return (
      <section aria-labelledby="reverse-title">
        <h2 id="reverse-title">Reverse</h2>
        <p>Nothing remains to reverse.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="reverse-title">
      <h2 id="reverse-title">Reverse</h2>
      <p>
        {sides ? (
          <>
            Remaining to reverse: <Amount value={remaining} /> {sides.asset}
          </>
        ) : (
          'This transaction has more than two entries: it can only be reversed whole.'
        )}
      </p>
      <form onSubmit={review} className="inline-form" aria-label="Reverse">
        {sides ? (
          <label htmlFor="reverse-amount">
            Amount (empty: all that remains)
            <input id="reverse-amount" inputMode="decimal" pattern={amountPattern(scale)} value={amount} onChange={(e) => setAmount(e.target.value)} placeholder={remaining ?? ''} />
          </label>
        ) : null}
        <label htmlFor="reverse-comment">
          Comment
          <input id="reverse-comment" value={comment} onChange={(e) => setComment(e.target.value)} required maxLength={1000} placeholder="Duplicate charge, ticket 4712" />
        </label>
        <button type="submit">Review reversal</button>
      </form>
      {confirming ? null : <ErrorBox error={posting.error} />}
      {confirming ? (
        <ConfirmDialog title="Confirm reversal" confirmLabel="Reverse" busy={posting.busy} error={posting.error} onConfirm={() => void post()} onCancel={() => setConfirming(null)}>
          <p data-testid="confirm-text">{confirming.text}</p>
          <p>
            Comment: {confirming.body.comment}
            <br />
            <small className="muted">Idempotency-Key {keyFor(confirming.intent)}</small>
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
