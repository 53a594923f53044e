import { useState, type FormEvent } from 'react';
import { ErrorBox } from '../components';
import { signIn } from '../session';

/** An admin bearer token, pasted once and kept for this tab only. */
export function SignIn({ message }: { message: string | null }) {
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() !== '') signIn(token);
  };
  return (
    <main className="container">
      <article>
        <h1>Ledger console</h1>
        <ErrorBox error={message} />
        <form onSubmit={submit}>
          <label htmlFor="token">Admin token (JWT with the role admin)</label>
          <textarea id="token" name="token" rows={4} value={token} onChange={(e) => setToken(e.target.value)} required autoFocus spellCheck={false} autoComplete="off" />
          <small>
            Kept for this tab only. In development, mint one with <code>npm run --silent token -- --sub ops --roles admin</code>.
          </small>
          <button type="submit">Sign in</button>
        </form>
      </article>
    </main>
  );
}
