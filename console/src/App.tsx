import { useEffect, useRef, useState } from 'react';
import { copyExactAmounts, useTimeMode } from './components';
import { TokenExpiry } from './expiry';
import { connectLive, disconnectLive, useLiveStatus } from './live';
import { Audit } from './pages/Audit';
import { Catalog } from './pages/Catalog';
import { Overview } from './pages/Overview';
import { SignIn } from './pages/SignIn';
import { TransactionPage } from './pages/TransactionPage';
import { UserPage } from './pages/UserPage';
import { Users } from './pages/Users';
import { WebhookPage } from './pages/WebhookPage';
import { Webhooks } from './pages/Webhooks';
import { hrefOf, useRoute } from './router';
import { onSessionChange, signOut, tokenOf } from './session';
import { localZone, setTimeMode } from './zone';

/** Sections with a page of their own; anything else shows the overview. */
const ROUTED = new Set(['users', 'transactions', 'catalog', 'webhooks', 'audit']);

export function App() {
  const [signedIn, setSignedIn] = useState(() => tokenOf() !== null);
  const [message, setMessage] = useState<string | null>(null);
  const route = useRoute();
  const live = useLiveStatus();
  const mode = useTimeMode();
  const main = useRef<HTMLElement>(null);
  const path = route.join('/');

  useEffect(
    () =>
      onSessionChange((reason) => {
        setSignedIn(tokenOf() !== null);
        setMessage(reason);
      }),
    [],
  );
  useEffect(() => {
    if (signedIn) void connectLive();
    else disconnectLive();
  }, [signedIn]);
  // After sign-in and on every new page, the focus goes to the page's heading, so a screen
  // reader announces where the operator is and Tab starts from the page's content.
  useEffect(() => {
    const heading = main.current?.querySelector('h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [signedIn, path]);
  useEffect(() => {
    document.addEventListener('copy', copyExactAmounts);
    return () => document.removeEventListener('copy', copyExactAmounts);
  }, []);

  if (!signedIn) return <SignIn message={message} />;

  const [section = 'overview', id] = route;
  const current = (name: string) => (section === name ? 'page' : undefined);
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => {
          // A plain #main would change the route (routes live in the hash).
          e.preventDefault();
          main.current?.querySelector('h1')?.focus();
        }}>
        Skip to content
      </a>
      <TokenExpiry />
      <header className="container">
        <nav className="top" aria-label="Console">
          <ul>
            <li>
              <strong>Ledger console</strong>
            </li>
          </ul>
          <ul>
            <li>
              <a href={hrefOf('overview')} aria-current={current('overview')}>
                Overview
              </a>
            </li>
            <li>
              <a href={hrefOf('users')} aria-current={current('users')}>
                Users
              </a>
            </li>
            <li>
              <a href={hrefOf('catalog')} aria-current={current('catalog')}>
                Catalog
              </a>
            </li>
            <li>
              <a href={hrefOf('webhooks')} aria-current={current('webhooks')}>
                Webhooks
              </a>
            </li>
            <li>
              <a href={hrefOf('audit')} aria-current={current('audit')}>
                Audit
              </a>
            </li>
            <li>
              <button
                type="button"
                className="secondary outline"
                data-testid="time-mode"
                aria-label={mode === 'utc' ? 'Times in UTC: show local times' : `Times in ${localZone()}: show UTC`}
                onClick={() => setTimeMode(mode === 'utc' ? 'local' : 'utc')}
              >
                Times: {mode === 'utc' ? 'UTC' : 'local'}
              </button>
            </li>
            <li>
              <span className="live" data-status={live} title="Live feed of committed transactions">
                {live}
              </span>
            </li>
            <li>
              <button type="button" className="secondary outline" onClick={() => signOut()}>
                Sign out
              </button>
            </li>
          </ul>
        </nav>
      </header>
      <main className="container" id="main" ref={main}>
        {section === 'users' && id !== undefined ? <UserPage key={id} userId={id} /> : null}
        {section === 'users' && id === undefined ? <Users /> : null}
        {section === 'transactions' && id !== undefined ? <TransactionPage key={id} transactionId={id} /> : null}
        {section === 'catalog' ? <Catalog /> : null}
        {section === 'webhooks' && id !== undefined ? <WebhookPage key={id} webhookId={id} /> : null}
        {section === 'webhooks' && id === undefined ? <Webhooks /> : null}
        {section === 'audit' ? <Audit /> : null}
        {!ROUTED.has(section) || (section === 'transactions' && id === undefined) ? <Overview /> : null}
      </main>
    </>
  );
}
