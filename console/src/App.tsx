import { useEffect, useState } from 'react';
import { connectLive, disconnectLive, useLiveStatus } from './live';
import { Catalog } from './pages/Catalog';
import { Overview } from './pages/Overview';
import { SignIn } from './pages/SignIn';
import { UserPage } from './pages/UserPage';
import { Users } from './pages/Users';
import { hrefOf, useRoute } from './router';
import { onSessionChange, signOut, tokenOf } from './session';

export function App() {
  const [signedIn, setSignedIn] = useState(() => tokenOf() !== null);
  const [message, setMessage] = useState<string | null>(null);
  const route = useRoute();
  const live = useLiveStatus();

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

  if (!signedIn) return <SignIn message={message} />;

  const [section = 'overview', id] = route;
  const current = (name: string) => (section === name ? 'page' : undefined);
  return (
    <>
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
      <main className="container">
        {section === 'users' && id !== undefined ? <UserPage key={id} userId={id} /> : null}
        {section === 'users' && id === undefined ? <Users /> : null}
        {section === 'catalog' ? <Catalog /> : null}
        {section !== 'users' && section !== 'catalog' ? <Overview /> : null}
      </main>
    </>
  );
}
