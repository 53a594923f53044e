import { useEffect, useState, type FormEvent } from 'react';
import { ZonedTime } from './components';
import { connectLive, disconnectLive } from './live';
import { refreshAll } from './refresh';
import { expiryOf, onExpired, renew, tokenOf } from './session';

/** How long before the token's `exp` the operator is warned. */
const WARN_MS = 60_000;

type Phase = 'fine' | 'soon' | 'expired';

const phaseAt = (expiry: number | null, now: number): Phase => (expiry === null || now < expiry - WARN_MS ? 'fine' : now < expiry ? 'soon' : 'expired');

/**
 * A warning a minute before the admin token expires, and after it, with a field for a new token:
 * the page underneath stays as it is (a half-filled form included), and once the new token is in,
 * every page loads again and the live feed reconnects with it.
 */
export function TokenExpiry() {
  const [expiry, setExpiry] = useState(() => expiryOf(tokenOf()));
  const [phase, setPhase] = useState<Phase>(() => phaseAt(expiry, Date.now()));
  const [token, setToken] = useState('');

  useEffect(
    () =>
      onExpired(() => {
        const next = expiryOf(tokenOf());
        setExpiry(next);
        setPhase(phaseAt(next, Date.now()));
      }),
    [],
  );
  useEffect(() => {
    if (expiry === null || phase === 'expired') return;
    const next = phase === 'fine' ? expiry - WARN_MS : expiry;
    const timer = setTimeout(() => setPhase(phaseAt(expiry, Date.now())), Math.max(0, next - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [expiry, phase]);

  if (phase === 'fine' || expiry === null) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() === '') return;
    renew(token);
    setToken('');
    disconnectLive();
    void connectLive();
    refreshAll();
  };
  return (
    <aside className="container expiry" data-testid="token-expiry" aria-labelledby="expiry-title">
      <p id="expiry-title" role="alert">
        <strong>{phase === 'soon' ? 'Your admin token expires in under a minute' : 'Your admin token has expired'}</strong> (at <ZonedTime iso={new Date(expiry).toISOString()} />
        ). Paste a new one to go on: this page and what you typed stay as they are.
      </p>
      <form onSubmit={submit} className="inline-form" aria-label="Renew token">
        <label htmlFor="renew-token">
          New admin token
          <input id="renew-token" type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit">Use new token</button>
      </form>
    </aside>
  );
}
