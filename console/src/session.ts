/**
 * The admin token, kept for this tab only (sessionStorage: gone when the tab closes, never sent
 * anywhere but the Authorization header).
 */
const KEY = 'console.token';
type Listener = (message: string | null) => void;
const listeners = new Set<Listener>();

export const tokenOf = (): string | null => sessionStorage.getItem(KEY);

export function signIn(token: string): void {
  sessionStorage.setItem(KEY, token.trim().replace(/^Bearer\s+/i, ''));
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
