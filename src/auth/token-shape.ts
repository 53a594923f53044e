/** Longest credential read anywhere (a JWT or a session id); a longer one is refused unread. */
export const MAX_TOKEN_LENGTH = 8192;

/**
 * A JWT (JWS compact serialisation) is three dot-separated base64url segments. The signature
 * segment may be empty so that an unsigned (`alg: none`) token still counts as a JWT: it is
 * refused by JWT verification and never sent to an introspection endpoint.
 */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Visible ASCII only: what a session id can be, and safe to put in a form body. */
const SESSION_TOKEN_SHAPE = /^[\x21-\x7e]+$/;

export function isJwtShaped(token: string): boolean {
  return JWT_SHAPE.test(token);
}

/** An opaque session token worth asking an introspection endpoint about. */
export function isSessionTokenShaped(token: string): boolean {
  return token.length <= MAX_TOKEN_LENGTH && !isJwtShaped(token) && SESSION_TOKEN_SHAPE.test(token);
}
