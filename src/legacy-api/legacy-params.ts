import type { IncomingMessage } from 'node:http';

/** The parts of an Express request the legacy API reads (kept structural: no express types needed). */
export interface LegacyRequest extends IncomingMessage {
  params: Record<string, string | undefined>;
  query: unknown;
  body: unknown;
  ip?: string;
}

const FORM = /^application\/x-www-form-urlencoded\b/i;

/**
 * A request's parameters, from a form body and the query string. The body wins when both
 * carry a name (as in Rails, which the Kolmisoft API runs on). Only plain strings count:
 * a repeated name (`a=1&a=2`, an array) or a bracketed one (`a[x]=1`, an object) is treated as
 * absent, so nothing but the exact text that was hashed can reach a handler.
 */
export class LegacyParams {
  private constructor(private readonly sources: readonly object[]) {}

  static from(request: LegacyRequest): LegacyParams {
    const sources: object[] = [];
    const isForm = FORM.test(request.headers['content-type'] ?? '');
    if (isForm && typeof request.body === 'object' && request.body !== null) sources.push(request.body);
    if (typeof request.query === 'object' && request.query !== null) sources.push(request.query);
    return new LegacyParams(sources);
  }

  get(name: string): string | undefined {
    for (const source of this.sources) {
      if (Object.hasOwn(source, name)) {
        const value = (source as Record<string, unknown>)[name];
        return typeof value === 'string' ? value : undefined;
      }
    }
    return undefined;
  }

  /** Present and not empty: an empty value behaves like an absent one (it adds nothing to the hash either). */
  nonEmpty(name: string): string | undefined {
    const value = this.get(name);
    return value === '' ? undefined : value;
  }
}
