import { useState, type FormEvent } from 'react';
import { api, BO, unwrap } from '../api';
import type { components } from '../api/schema';
import { Amount, DataTable, ErrorBox } from '../components';
import { useAction } from '../hooks';
import { localZone, zonedInstant, type ZonedInstant } from '../zone';

/**
 * A user's balances as they stood at an instant the operator picks in their own zone; the answer
 * says which zone and which UTC instant it was read for ("as of 2026-11-30 23:59:59
 * Europe/Helsinki (21:59:59Z)").
 */
export function BalancesAtPanel({ userId }: { userId: string }) {
  const [local, setLocal] = useState('');
  const [answer, setAnswer] = useState<{ at: ZonedInstant; balances: components['schemas']['BalancesAt'] } | null>(null);
  const loading = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const at = zonedInstant(local);
    if (!at) return;
    void loading.run(async () => {
      setAnswer(null);
      const balances = await unwrap(api.GET(`${BO}/user/{userId}/balances`, { params: { path: { userId }, query: { at: at.rfc3339 } } }));
      setAnswer({ at, balances });
    });
  };
  return (
    <section aria-labelledby="balances-at-title">
      <h2 id="balances-at-title">Balances on a date</h2>
      <form onSubmit={submit} className="inline-form" aria-label="Balances on a date">
        <label htmlFor="balances-at">
          Date and time ({localZone()})
          <input id="balances-at" type="datetime-local" step={1} value={local} onChange={(e) => setLocal(e.target.value)} required />
        </label>
        <button type="submit" aria-busy={loading.busy}>
          Show balances
        </button>
      </form>
      <ErrorBox error={loading.error} />
      {answer ? (
        <>
          <p data-testid="balances-at-instant">
            As of {answer.at.described}, the service read it as {answer.balances.at}
          </p>
          {answer.balances.balances.length === 0 ? <p>No accounts.</p> : null}
          <DataTable
            testId="balances-at"
            head={
              <>
                <th>Asset</th>
                <th className="num">Amount (locked included)</th>
              </>
            }
          >
            {answer.balances.balances.map((b) => (
              <tr key={b.asset} data-asset={b.asset}>
                <td>{b.asset}</td>
                <td className="num">
                  <Amount value={b.amount} asset={b.asset} />
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </section>
  );
}
