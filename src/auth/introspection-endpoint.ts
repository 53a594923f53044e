import type { IntrospectionConfig } from '../config/app-config.js';
import { readBoundedText } from './bounded-body.js';

/** Larger answers are refused: an introspection answer is a few hundred bytes of claims. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** Why the endpoint gave no answer; said in logs, never with the token or the client secret. */
export class IntrospectionUnavailable extends Error {
  override readonly name = 'IntrospectionUnavailable';
}

/**
 * The RFC 7662 introspection endpoint: a form POST `token=…` authenticated with the client's
 * credentials, answered with JSON. Any transport failure, non-2xx status, timeout or non-JSON
 * body is an IntrospectionUnavailable, so that a caller can only ever refuse on it.
 */
export class IntrospectionEndpoint {
  private readonly authorization: string | null;

  constructor(private readonly config: IntrospectionConfig) {
    this.authorization =
      config.clientId !== null && config.clientSecret !== null ? basicCredentials(config.clientId, config.clientSecret) : null;
  }

  async ask(token: string): Promise<unknown> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (this.authorization !== null) headers.authorization = this.authorization;
    let text: string;
    try {
      const response = await fetch(this.config.url, {
        method: 'POST',
        headers,
        body: new URLSearchParams({ token }).toString(),
        // Bounds the whole exchange, body included: a slow endpoint refuses rather than stalls.
        signal: AbortSignal.timeout(this.config.timeoutMs),
        // A redirect is a misconfiguration; following it could carry the credentials elsewhere.
        redirect: 'error',
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw new IntrospectionUnavailable(`introspection endpoint answered HTTP ${response.status}`);
      }
      const body = await readBoundedText(response, MAX_ANSWER_BYTES);
      if (body === null) throw new IntrospectionUnavailable('introspection answer too large');
      text = body;
    } catch (error) {
      if (error instanceof IntrospectionUnavailable) throw error;
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${this.config.timeoutMs} ms` : 'unreachable';
      throw new IntrospectionUnavailable(`introspection endpoint ${reason}`);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new IntrospectionUnavailable('introspection endpoint answered something that is not JSON');
    }
  }
}

/** RFC 6749 §2.3.1: the client id and secret are form-encoded before they are joined and base64-encoded. */
function basicCredentials(clientId: string, clientSecret: string): string {
  const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
}
