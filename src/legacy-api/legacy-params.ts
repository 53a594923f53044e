import type { IncomingMessage } from 'node:http';
import { AmountFormatError, toDecimalString } from '../common/money.js';

/** The parts of an HTTP request the legacy API reads (kept structural: no framework types needed). */
export interface LegacyRequest extends IncomingMessage {
  params: Record<string, string | undefined>;
  query: unknown;
  body: unknown;
}

const FORM = /^application\/x-www-form-urlencoded\b/i;
const JSON_TYPE = /^application\/json\b/i;

/** What one parameter is: absent, its text, or malformed (an array, object, repeat or other JSON value). */
type Reading = { readonly text: string } | 'absent' | 'malformed';

/**
 * A request's parameters, from a form or JSON object body and the query string. The body wins
 * when both carry a name (as in Rails, which the Kolmisoft API runs on).
 *
 * Only text counts as a value. A JSON number counts as its shortest decimal text (`100`, `10.5`),
 * since that is what a client that sent a number would have hashed. Anything else (a repeated
 * name `a=1&a=2`, a bracketed one `a[x]=1`, a JSON array, object, boolean or null) is malformed:
 * it reads as absent, and `isMalformed` lets the hash check refuse it, so nothing but the exact
 * text that was hashed can reach a handler.
 */
export class LegacyParams {
  private constructor(private readonly sources: readonly object[]) {}

  static from(request: LegacyRequest): LegacyParams {
    const sources: object[] = [];
    const type = request.headers['content-type'] ?? '';
    const body = request.body;
    // A JSON body that is not an object (an array, a string) has no named parameters at all.
    const usableBody = typeof body === 'object' && body !== null && !Array.isArray(body);
    if (usableBody && (FORM.test(type) || JSON_TYPE.test(type))) sources.push(body);
    if (typeof request.query === 'object' && request.query !== null) sources.push(request.query);
    return new LegacyParams(sources);
  }

  /** The parameter's text; absent and malformed ones are both undefined. */
  get(name: string): string | undefined {
    const reading = this.read(name);
    return typeof reading === 'object' ? reading.text : undefined;
  }

  /** Present and not empty: an empty value behaves like an absent one (it adds nothing to the hash either). */
  nonEmpty(name: string): string | undefined {
    const value = this.get(name);
    return value === '' ? undefined : value;
  }

  isMalformed(name: string): boolean {
    return this.read(name) === 'malformed';
  }

  private read(name: string): Reading {
    for (const source of this.sources) {
      if (Object.hasOwn(source, name)) return readValue((source as Record<string, unknown>)[name]);
    }
    return 'absent';
  }
}

function readValue(value: unknown): Reading {
  if (typeof value === 'string') return { text: value };
  if (typeof value !== 'number') return 'malformed';
  try {
    // String(n) is the shortest text that reads back as n; exponents are written out ("1e21").
    return { text: toDecimalString(value) };
  } catch (error) {
    if (error instanceof AmountFormatError) return 'malformed';
    throw error;
  }
}
