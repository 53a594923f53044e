/**
 * The admin token, kept for this tab only (sessionStorage: gone when the tab closes, never sent
 * anywhere but the Authorization header).
 */
const KEY = 'console.token';
type Listener = (message: string | null) => void;
const listeners = new Set<Listener>();
const expiryListeners = new Set<() => void>();

export const tokenOf = (): string | null => sessionStorage.getItem(KEY);

const clean = (token: string) => token.trim().replace(/^Bearer\s+/i, '');

export function signIn(token: string): void {
  sessionStorage.setItem(KEY, clean(token));
  listeners.forEach((l) => l(null));
}

/** Back to sign-in, saying why (the API's message for a 401 or 403). */
export function signOut(message: string | null = null): void {
  sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l(message));
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * When the token stops being valid (its `exp`, in ms), read from the JWT's payload; null for a
 * token without one or one the console cannot read (the API remains the judge).
 */
export function expiryOf(token: string | null): number | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  } catch {
    return null;
  }
}

/** Whether the token held has passed its `exp`: a 401 then asks for a new one in place, keeping the page. */
export const hasExpired = (): boolean => {
  const expiry = expiryOf(tokenOf());
  return expiry !== null && expiry <= Date.now();
};

/** A 401 for an expired token: the page stays (and its forms), and the expiry notice asks for a new token. */
export const reportExpired = (): void => expiryListeners.forEach((l) => l());

export function onExpired(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => void expiryListeners.delete(listener);
}

/** A new token for the same session, given without leaving the page. */
export function renew(token: string): void {
  sessionStorage.setItem(KEY, clean(token));
  expiryListeners.forEach((l) => l());
}
