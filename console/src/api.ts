import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './api/schema';
import { hasExpired, reportExpired, signOut, tokenOf } from './session';

/** An answer other than 2xx, with the API's own message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** `{ statusCode, message }`; validation errors may carry several messages. */
export function messageOf(body: unknown, status: number): string {
  const message = (body as { message?: unknown } | null)?.message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string' && message !== '') return message;
  return `HTTP ${status}`;
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = tokenOf();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ response }) {
    // A token that merely expired is renewed in place (the page and its forms stay); any other
    // 401 or 403 sends the operator back to sign-in, with the API's message.
    if (response.status === 401 && hasExpired()) reportExpired();
    else if (response.status === 401 || response.status === 403) {
      const body: unknown = await response.clone().json().catch(() => null);
      signOut(messageOf(body, response.status));
    }
    return response;
  },
};

/** The backoffice API, typed from the served OpenAPI document (src/api/schema.d.ts). */
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

/** The data of an answer, or an ApiError carrying the API's message. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result;
  try {
    result = await call;
  } catch (error) {
    throw new ApiError(0, `Network error: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!result.response.ok) throw new ApiError(result.response.status, messageOf(result.error, result.response.status));
  return result.data as T;
}

/** The API's refusal with its status, so a 404 (gone meanwhile) reads differently from a 400 (bad input): "Refused (404): …". */
export const refusalOf = (error: unknown) => (error instanceof ApiError && error.status >= 400 ? new Error(`Refused (${error.status}): ${error.message}`) : error);

/** `unwrap`, with a refusal that names its status (refusalOf). */
export async function unwrapWithStatus<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  try {
    return await unwrap(call);
  } catch (error) {
    throw refusalOf(error);
  }
}

/** A fresh Idempotency-Key: one per intended movement, reused by every retry of it. */
export const newIdempotencyKey = () => crypto.randomUUID();

export const BO = '/back-api/backoffice' as const;
