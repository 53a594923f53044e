/**
 * Query parameters whose values are credentials: socket tokens and session ids
 * (`?token=`, `?sessionId=`), the legacy API's `hash` and its operator password `p`, and the
 * usual spellings of a password or an OAuth token. Names compare as the query parser reads them:
 * decoded, in any case.
 */
const SECRET_PARAMETERS = new Set(['token', 'sessionid', 'hash', 'p', 'password', 'access_token']);

/** What a logged URL shows in place of a secret value. */
export const REDACTED = '[redacted]';

/**
 * A URL as it may be logged: every parameter is kept, in order, and the value of each secret
 * one is replaced by `[redacted]` (`/api/x?username=bob&hash=[redacted]`), so a log line says
 * what was sent without what would let a reader send it again.
 */
export function redactedUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const parameters = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const end = pair.indexOf('=');
      const name = end < 0 ? pair : pair.slice(0, end);
      return isSecret(name) ? `${name}=${REDACTED}` : pair;
    });
  return `${url.slice(0, start)}?${parameters.join('&')}`;
}

function isSecret(name: string): boolean {
  let decoded = name.replace(/\+/g, ' ');
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // Not decodable: the parser keeps it as it is, and so is it compared.
  }
  return SECRET_PARAMETERS.has(decoded.trim().toLowerCase());
}
