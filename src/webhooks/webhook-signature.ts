import { createHmac, randomBytes } from 'node:crypto';

/** Standard Webhooks secrets: `whsec_` and the base64 of the key. */
const SECRET_PREFIX = 'whsec_';

/** A new secret: 32 random bytes, as Standard Webhooks libraries expect them. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

/** The HMAC key of a secret: its base64 part, decoded (the prefix is not part of the key). */
function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

/**
 * The `webhook-signature` header: one `v1,<base64 HMAC-SHA256>` of `{id}.{timestamp}.{body}` per
 * secret, space-separated. While a rotated secret is still honoured, both sign, so a receiver
 * that has either verifies.
 */
export function signatureHeader(secrets: readonly string[], id: string, timestampSeconds: number, body: string): string {
  const signed = `${id}.${timestampSeconds}.${body}`;
  return secrets.map((secret) => `v1,${createHmac('sha256', keyOf(secret)).update(signed).digest('base64')}`).join(' ');
}
